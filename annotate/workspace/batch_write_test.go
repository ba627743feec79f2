package workspace

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// oneAtATime is a Store without PutDocuments: an import into it writes one
// document at a time, as every import did before groups.
type oneAtATime struct{ Store }

// inEachStore runs f on a new workspace of each kind of store, one that
// writes an import's documents in groups and one that writes them one at
// a time: an import's rules hold in both.
func inEachStore(t *testing.T, f func(t *testing.T, w *Workspace)) {
	for _, c := range []struct {
		name  string
		store func() Store
	}{{"in groups", func() Store { return NewMemory() }}, {"one at a time", func() Store { return oneAtATime{NewMemory()} }}} {
		t.Run(c.name, func(t *testing.T) {
			w, err := Open(c.store(), clock())
			if err != nil {
				t.Fatal(err)
			}
			f(t, w)
		})
	}
}

// errFull is the refusal of a store that is full.
var errFull = errors.New("the store is full")

// filling is a Memory that holds at most limit documents, as a browser's
// quota would: past it, a write fails and stores nothing. It counts the
// writes of several documents.
type filling struct {
	*Memory
	limit, stored, groups int
}

func (f *filling) PutDocument(r DocumentRecord, anns []annotate.Annotation) error {
	if f.stored >= f.limit {
		return errFull
	}
	f.stored++
	return f.Memory.PutDocument(r, anns)
}

func (f *filling) AddDocument(r DocumentRecord, anns []annotate.Annotation) (string, error) {
	if f.stored >= f.limit {
		return "", errFull
	}
	found, err := f.Memory.AddDocument(r, anns)
	if err == nil && found == "" {
		f.stored++
	}
	return found, err
}

func (f *filling) PutDocuments(docs []NewDocument) ([]string, error) {
	if f.stored+len(docs) > f.limit {
		return nil, errFull
	}
	f.groups++
	f.stored += len(docs)
	return f.Memory.PutDocuments(docs)
}

// groupBatch is a batch of n lines that holds bad lines, articles given
// twice (in the same group, in the next one and much later), an article
// that the workspace holds before the import, and dataset lines with a
// span left out (a note each).
func groupBatch(t *testing.T, n int) []byte {
	var lines []string
	for i := range n {
		switch {
		case i%29 == 7:
			lines = append(lines, fmt.Sprintf(`{"id": "spans%d", "text": "Line %d has spans.", "spans": [{"start": 0, "end": 4, "label": "claim"}, {"start": 5, "end": 500, "label": "claim"}]}`, i, i))
		case i%23 == 5:
			lines = append(lines, fmt.Sprintf(`{"id": "bad%d"}`, i))
		case i%11 == 3 && i > 11:
			// The article of 8 lines before, or of 40 before, again.
			v := map[string]any{"id": fmt.Sprintf("again%d", i), "html": fmt.Sprintf("<h1>Heading %d</h1><p>The minister said <b>%d</b> things.</p>", i-8*(1+i%2), i-8*(1+i%2))}
			lines = append(lines, jsonLine(t, v))
		case i == 60:
			lines = append(lines, jsonLine(t, map[string]any{"id": "there", "text": "Already in the workspace."}))
		default:
			v := map[string]any{"id": fmt.Sprintf("a%03d", i), "title": fmt.Sprintf("Article %d", i), "html": fmt.Sprintf("<h1>Heading %d</h1><p>The minister said <b>%d</b> things.</p>", i, i)}
			lines = append(lines, jsonLine(t, v))
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// importBoth imports data into two workspaces over f's kind of store, one
// that writes groups and one that writes one document at a time, and
// checks that they report and store the same.
func importBoth(t *testing.T, data []byte, limit int, ctx func() (context.Context, Progress)) (grouped Report, f *filling, groupedErr error) {
	t.Helper()
	open := func(s Store) *Workspace {
		w, err := Open(s, clock())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Add(loadText(t, "there.txt", "Already in the workspace."), nil, nil, "x"); err != nil {
			t.Fatal(err)
		}
		return w
	}
	f = &filling{Memory: NewMemory(), limit: limit}
	gw := open(f)
	g := &filling{Memory: NewMemory(), limit: limit}
	sw := open(oneAtATime{g})
	c, p := ctx()
	grouped, groupedErr = gw.ImportBatch(c, "b.jsonl", data, p)
	c, p = ctx()
	single, singleErr := sw.ImportBatch(c, "b.jsonl", data, p)
	if !errors.Is(groupedErr, singleErr) && fmt.Sprint(groupedErr) != fmt.Sprint(singleErr) {
		t.Errorf("in groups the import ends with %v, one at a time with %v", groupedErr, singleErr)
	}
	if !reflect.DeepEqual(grouped, single) {
		t.Errorf("in groups the import reports\n%+v\none at a time\n%+v", grouped, single)
	}
	gl, _ := gw.List(Query{})
	sl, _ := sw.List(Query{})
	if !reflect.DeepEqual(gl, sl) {
		t.Errorf("in groups the workspace holds %d documents, one at a time %d:\n%+v\n%+v", len(gl), len(sl), gl, sl)
	}
	for _, s := range gl {
		a, err1 := f.Document(s.ID)
		b, err2 := g.Document(s.ID)
		if err1 != nil || err2 != nil || !reflect.DeepEqual(a, b) {
			t.Errorf("document %s differs: %v %v", s.ID, err1, err2)
		}
	}
	return grouped, f, groupedErr
}

func background() (context.Context, Progress) { return context.Background(), nil }

// TestImportInGroups imports a batch of 150 lines into a store that
// writes documents in groups: it is written in a handful of transactions,
// and reports and stores exactly what an import one document at a time
// does, duplicates and bad lines included.
func TestImportInGroups(t *testing.T) {
	r, f, err := importBoth(t, groupBatch(t, 150), 1000, background)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Added) < 100 || len(r.Duplicates) < 10 || len(r.Errors) < 5 || len(r.Notes) < 5 {
		t.Fatalf("the batch added %d, found %d duplicates, %d bad lines and %d notes: it does not test much", len(r.Added), len(r.Duplicates), len(r.Errors), len(r.Notes))
	}
	if want := (len(r.Added) + groupDocuments - 1) / groupDocuments; f.groups != want {
		t.Errorf("%d documents were written in %d transactions, want %d", len(r.Added), f.groups, want)
	}
	if f.stored != len(r.Added)+1 {
		t.Errorf("%d documents written, for %d added and 1 there before", f.stored, len(r.Added))
	}
}

// TestImportInGroupsFull fills the store in the middle of a group: the
// documents that fit are kept, the import stops at the first that does
// not with the store's error, and its report holds nothing of the lines
// after it, as one document at a time.
func TestImportInGroupsFull(t *testing.T) {
	for _, limit := range []int{1, 2, 20, 33, 70} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			r, f, err := importBoth(t, groupBatch(t, 150), limit, background)
			if !errors.Is(err, errFull) {
				t.Fatalf("the import ends with %v, want the store's %v", err, errFull)
			}
			if len(r.Added) != limit-1 || f.stored != limit {
				t.Errorf("%d added and %d stored in a store of %d (one there before)", len(r.Added), f.stored, limit)
			}
		})
	}
}

// TestImportInGroupsCancel cancels an import in the middle of a group:
// every document read before is written and reported, as one at a time.
func TestImportInGroupsCancel(t *testing.T) {
	r, _, err := importBoth(t, groupBatch(t, 150), 1000, func() (context.Context, Progress) {
		ctx, cancel := context.WithCancel(context.Background())
		return ctx, func(done, total int) {
			if done == 45 {
				cancel()
			}
		}
	})
	if !errors.Is(err, context.Canceled) || len(r.Added) < 30 {
		t.Fatalf("cancelled after 45 lines: %v, %d added", err, len(r.Added))
	}
}

// TestImportCancelledThenFull cancels an import whose last group, written
// as it stops, does not fit: the import ends with the store's error, not
// as cancelled, and the report says nothing of where it stopped. The
// store's error was dropped, and the import said that what it read was
// kept.
func TestImportCancelledThenFull(t *testing.T) {
	r, _, err := importBoth(t, groupBatch(t, 150), 40, func() (context.Context, Progress) {
		ctx, cancel := context.WithCancel(context.Background())
		return ctx, func(done, total int) {
			if done == 45 {
				cancel()
			}
		}
	})
	if !errors.Is(err, errFull) {
		t.Fatalf("the import ends with %v, want the store's %v", err, errFull)
	}
	if r.Stopped != nil {
		t.Errorf("the report says where it stopped: %v", r.Stopped)
	}
}
