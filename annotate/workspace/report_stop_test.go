package workspace

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// pages returns n pages, "page-01.html" on, each its own article.
func pages(n int) []File {
	files := make([]File, n)
	for i := range files {
		files[i] = File{fmt.Sprintf("page-%02d.html", i+1), fmt.Appendf(nil, "<h1>Page %d</h1><p>The council met on day %d.</p>", i+1, i+1)}
	}
	return files
}

// TestCancelledImportSaysWhichFiles cancels an import of ten files after
// the fourth: the report said that what it added is kept, not which files
// those were. It says how many it imported and the first it did not; the
// same files added again bring in the rest, as it says, the four reported
// as already there.
func TestCancelledImportSaysWhichFiles(t *testing.T) {
	w, _ := openMemory(t)
	files := pages(10)
	ctx, cancel := context.WithCancel(context.Background())
	r, err := w.ImportFiles(ctx, files, func(done, total int) {
		if done == 4 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || len(r.Added) != 4 {
		t.Fatalf("cancelled after 4 files: %v, %d added", err, len(r.Added))
	}
	if r.Stopped == nil {
		t.Fatal("a cancelled import does not say where it stopped")
	}
	want := "It stopped after 4 of the 10 files: 6 were not imported, the first of them page-05.html. " +
		"Add the same files again to import the rest: the articles added now are reported as already in the library."
	if got := r.Stopped.String(); got != want {
		t.Errorf("the cancelled import says\n%q, want\n%q", got, want)
	}
	again, err := w.ImportFiles(context.Background(), files, nil)
	if err != nil || len(again.Added) != 6 || len(again.Duplicates) != 4 || again.Stopped != nil {
		t.Errorf("the same files again: %v, %d added, %d already there, stopped %v; want 6, 4 and none", err, len(again.Added), len(again.Duplicates), again.Stopped)
	}
}

// TestCancelledBatchSaysWhichLine cancels a batch of twenty articles, a
// blank line among them, after its fifth article: the report names the
// batch's last line read and those not read, by their numbers in the
// file, as its lines are named.
func TestCancelledBatchSaysWhichLine(t *testing.T) {
	w, _ := openMemory(t)
	var lines []string
	for i := range 20 {
		lines = append(lines, article(t, i))
		if i == 2 {
			lines = append(lines, "")
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, err := w.ImportBatch(ctx, "b.jsonl", []byte(strings.Join(lines, "\n")+"\n"), func(done, total int) {
		if done == 5 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || len(r.Added) != 5 || r.Stopped == nil {
		t.Fatalf("cancelled after 5 lines: %v, %d added, stopped at %v", err, len(r.Added), r.Stopped)
	}
	want := "It stopped in b.jsonl after line 6 of 21: lines 7 to 21 were not read. " +
		"Add the batch again to import the rest: the articles of the lines read now are reported as already in the library."
	if got := r.Stopped.String(); got != want {
		t.Errorf("the cancelled batch says\n%q, want\n%q", got, want)
	}
}

// errAfter is a context that is cancelled once its Err has been asked n
// times: the import asks before each file and each line, so that it stops
// in the middle of a batch among files, which the progress, counting
// files, cannot time.
type errAfter struct {
	context.Context
	n int
}

func (c *errAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestCancelledImportSaysWhichLineOfWhichFile cancels an import of four
// files in the middle of the batch among them: the report names the
// files imported, the batch's last line read and the files not read.
func TestCancelledImportSaysWhichLineOfWhichFile(t *testing.T) {
	w, _ := openMemory(t)
	var lines []string
	for i := range 10 {
		lines = append(lines, article(t, i))
	}
	p := pages(3)
	files := []File{p[0], {"b.jsonl", []byte(strings.Join(lines, "\n"))}, p[1], p[2]}
	// page-01.html, b.jsonl, then its lines 1 to 3.
	r, err := w.ImportFiles(&errAfter{context.Background(), 5}, files, nil)
	if !errors.Is(err, context.Canceled) || len(r.Added) != 4 || r.Stopped == nil {
		t.Fatalf("cancelled at the fourth line of the batch: %v, %d added, stopped at %v", err, len(r.Added), r.Stopped)
	}
	want := "It stopped after 1 of the 4 files, in b.jsonl after line 3 of 10: lines 4 to 10 were not read, nor 2 other files, the first of them page-02.html. " +
		"Add the same files again to import the rest: the articles added now are reported as already in the library."
	if got := r.Stopped.String(); got != want {
		t.Errorf("the cancelled import says\n%q, want\n%q", got, want)
	}
}

// TestCancelledImportSaysWhichTask cancels an import in the middle of a
// file of Label Studio tasks, read after the page given with it: the
// report names the line of the last task read, the first not read, and
// the file after it, not read at all.
func TestCancelledImportSaysWhichTask(t *testing.T) {
	var docs []annotate.File
	p := pages(5)
	for _, f := range p[:4] {
		d, err := annotate.Load(f.Data, annotate.FileSource(f.Name, "text/html"))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, annotate.NewFile(d, nil, nil, time.Unix(0, 0)))
	}
	ls, _ := formats.Lookup("labelstudio")
	a, err := ls.Export(docs[:3], time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	c, err := ls.Export(docs[3:], time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	w, _ := openMemory(t)
	// page-05.html, then the first two tasks of a.json (lines 2 and 21).
	r, err := w.ImportFiles(&errAfter{context.Background(), 3}, []File{{"a.json", a[0].Data}, p[4], {"c.json", c[0].Data}}, nil)
	if !errors.Is(err, context.Canceled) || len(r.Added) != 3 || r.Stopped == nil {
		t.Fatalf("cancelled at the third task: %v, %d added, stopped at %v", err, len(r.Added), r.Stopped)
	}
	want := "It stopped after 1 of the 3 files, in a.json after line 21: line 40 and those after it were not read, nor c.json. "
	if got := r.Stopped.String(); !strings.HasPrefix(got, want) {
		t.Errorf("the cancelled import says\n%q, want it to begin\n%q", got, want)
	}
}

// TestStopWords: the counts are grouped by thousands, as the report's
// are, and an import stopped before its first file or line says so.
func TestStopWords(t *testing.T) {
	notRead := make([]string, 300)
	notRead[0] = "page-1201.html"
	for _, c := range []struct {
		stop Stop
		want string
	}{
		{Stop{Files: 1500, Done: 1200, NotRead: notRead}, "It stopped after 1,200 of the 1,500 files: 300 were not imported, the first of them page-1201.html. "},
		{Stop{Files: 3, Done: 2, NotRead: []string{"c.html"}}, "It stopped after 2 of the 3 files: c.html was not imported. "},
		{Stop{Files: 1200, NotRead: notRead}, "It stopped before the first of the 1,200 files: add them again to import them."},
		{Stop{Files: 1, NotRead: []string{"a.html"}}, "It stopped before a.html: add it again to import it."},
		// Files refused before the import began are counted among those
		// chosen, and said.
		{Stop{Files: 5, Done: 3, NotRead: []string{"d.html", "e.html"}, Refused: 2}, "It stopped after 3 of the 7 files (2 refused before it began): 2 were not imported, the first of them d.html. "},
		{Stop{Files: 1, NotRead: []string{"a.html"}, Refused: 1}, "It stopped before the first of the 2 files (1 refused before it began): add them again to import them."},
		{Stop{In: "b.jsonl", Next: 1, Lines: 4}, "It stopped before the first line of b.jsonl: add it again to import it."},
		{Stop{In: "b.jsonl", Last: 3, Next: 4, Lines: 4}, "It stopped in b.jsonl after line 3 of 4: line 4 was not read. "},
		{Stop{Files: 2, In: "tasks.json", Last: 12, Next: 20, NotRead: []string{"z.csv"}}, "It stopped in tasks.json after line 12: line 20 and those after it were not read, nor z.csv. "},
	} {
		if got := c.stop.String(); !strings.HasPrefix(got, c.want) {
			t.Errorf("%+v says\n%q, want it to begin\n%q", c.stop, got, c.want)
		}
	}
}
