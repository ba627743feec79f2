package workspace

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// groupMeanwhile is a Memory shared by two tabs: before the import's next
// group is written, the other tab does what before does (once).
type groupMeanwhile struct {
	*Memory
	before func()
}

func (m *groupMeanwhile) PutDocuments(docs []NewDocument) ([]string, error) {
	if f := m.before; f != nil {
		m.before = nil
		f()
	}
	return m.Memory.PutDocuments(docs)
}

// tagElsewhere is the other tab: it adds the article text (opened from a
// file) and tags its first word, as a user would, through a workspace of
// its own over the same store. It returns the document's id.
func tagElsewhere(t *testing.T, s Store, text string) string {
	t.Helper()
	other, err := Open(s, clock())
	if err != nil {
		t.Fatal(err)
	}
	e, err := other.AddAndEdit(loadText(t, "opened.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 9); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	return e.ID()
}

// TestImportKeepsWhatAnotherTabAddedMeanwhile: a batch import reads a line,
// finds its article nowhere in the workspace, and writes it with its group
// later; another tab opens the same article and tags it in between. The
// import does not replace that document (its tag was lost): it reports the
// line as a duplicate, in words.
func TestImportKeepsWhatAnotherTabAddedMeanwhile(t *testing.T) {
	const text = "Ministers pledged to raise defence spending."
	s := &groupMeanwhile{Memory: NewMemory()}
	w, err := Open(s, clock())
	if err != nil {
		t.Fatal(err)
	}
	var id string
	s.before = func() { id = tagElsewhere(t, s, text) }
	batch := jsonLine(t, map[string]any{"id": "first", "text": "Another article entirely."}) + "\n" +
		jsonLine(t, map[string]any{"id": "pledge", "text": text})
	r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
	if err != nil {
		t.Fatal(err)
	}
	anns, err := s.Annotations(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != 1 {
		t.Errorf("the document tagged in the other tab has %d annotations after the import, want its 1", len(anns))
	}
	if sum, _ := s.Summary(id); sum.Annotations() != 1 {
		t.Errorf("its summary counts %d annotations, want 1", sum.Annotations())
	}
	if len(r.Added) != 1 || len(r.Duplicates) != 1 || r.Duplicates[0].Of != id || r.Duplicates[0].Line != 2 {
		t.Fatalf("the import reports %d added and duplicates %+v; want 1 added and line 2 a duplicate of %s", len(r.Added), r.Duplicates, id)
	}
	if msg := r.Duplicates[0].String(); !strings.Contains(msg, "already in the workspace") {
		t.Errorf("the duplicate is reported as %q", msg)
	}
}

// tabLocks stands for the browser's Web Locks, one a document, each held
// by one tab at most.
type tabLocks map[string]string

// take takes document id's lock for tab, when no other tab holds it.
func (l tabLocks) take(tab, id string) bool {
	if owner, ok := l[id]; ok && owner != tab {
		return false
	}
	l[id] = tab
	return true
}

// beforeWrite is a Store whose next write of a whole document, or delete
// of one, is preceded by before() (once): another tab's work landing
// between a check and the write made from it.
type beforeWrite struct {
	Store
	before func()
}

func (s *beforeWrite) fire() {
	if f := s.before; f != nil {
		s.before = nil
		f()
	}
}

func (s *beforeWrite) PutDocument(r DocumentRecord, anns []annotate.Annotation) error {
	s.fire()
	return s.Store.PutDocument(r, anns)
}

func (s *beforeWrite) AddDocument(r DocumentRecord, anns []annotate.Annotation) (string, error) {
	s.fire()
	return s.Store.AddDocument(r, anns)
}

func (s *beforeWrite) DeleteDocument(id string) error {
	s.fire()
	return s.Store.DeleteDocument(id)
}

// libraryHolds makes w, the library's tab, take a document's lock as the
// browser's does.
func libraryHolds(w *Workspace, locks tabLocks) {
	w.Hold = func(id string) (func(), bool) {
		if !locks.take("library", id) {
			return nil, false
		}
		return func() { delete(locks, id) }, true
	}
}

// TestChangesWaitForAnotherTab: a change made from the library that
// replaces what a document holds (an export's annotations filling it, on
// its own or in an import of files; a gold file and its undo; a delete; a
// restore over the sample) looked whether another tab had the document
// open, then read it and wrote it, each a transaction of its own. A tab
// that opened the document and tagged it in between had its tag written
// over or deleted. The library's tab now holds the document from the check
// to the write: the other tab cannot open it for editing meanwhile, and
// its lock is let go after.
func TestChangesWaitForAnotherTab(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	stamp := time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)
	export := func(t *testing.T) (*annotate.Document, *annotate.Set, annotate.File) {
		doc := loadText(t, "a.txt", text)
		set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
		if _, err := set.Add("pledge", 10, 17); err != nil {
			t.Fatal(err)
		}
		return doc, set, annotate.NewFile(doc, set, nil, stamp)
	}
	for _, c := range []struct {
		name string
		// change is made with the document, added as sourceID, stored
		// with no annotation.
		sourceID string
		change   func(t *testing.T, w *Workspace) error
	}{
		{"an export opened", "", func(t *testing.T, w *Workspace) error {
			doc, set, _ := export(t)
			_, _, err := w.AddExport(doc, set, nil)
			return err
		}},
		{"an import of files", "", func(t *testing.T, w *Workspace) error {
			_, _, f := export(t)
			data, err := f.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			_, err = w.ImportFiles(context.Background(), []File{{Name: "a.annotations.json", Data: data}}, nil)
			return err
		}},
		{"a gold file", "", func(t *testing.T, w *Workspace) error {
			_, _, f := export(t)
			_, _, err := w.SaveGold(f)
			return err
		}},
		{"a delete", "", func(t *testing.T, w *Workspace) error {
			docs, _ := w.List(Query{})
			return w.Delete(docs[0].ID)
		}},
		{"a restore over the sample", "sample", func(t *testing.T, w *Workspace) error {
			src, _ := openMemory(t)
			if _, err := src.Add(loadText(t, "kept.txt", "Words kept in the backup."), nil, nil, ""); err != nil {
				t.Fatal(err)
			}
			data, err := src.Backup()
			if err != nil {
				t.Fatal(err)
			}
			return w.RestoreOver(data, "sample")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemory()
			store := &beforeWrite{Store: m}
			w, err := Open(store, clock())
			if err != nil {
				t.Fatal(err)
			}
			sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, c.sourceID)
			if err != nil {
				t.Fatal(err)
			}
			locks := tabLocks{}
			libraryHolds(w, locks)
			tagged := false
			store.before = func() { tagged = openAndTag(t, m, locks, sum.ID) }
			if err := c.change(t, w); err != nil && !errors.Is(err, ErrInUse) {
				t.Fatal(err)
			}
			if tagged && !hasClaim(m, sum.ID) {
				t.Errorf("%s made while another tab opened the document and tagged it wrote over its tag", c.name)
			}
			if owner, ok := locks[sum.ID]; ok && owner == "library" {
				t.Errorf("after %s, the library's tab still holds the document's lock", c.name)
			}
		})
	}
}

// TestUndoGoldWaitsForAnotherTab: the undo of a gold file puts back the
// annotations the document had; a tab that opened it and tagged it
// between the undo's check and its write had its tag written over.
func TestUndoGoldWaitsForAnotherTab(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	m := NewMemory()
	store := &beforeWrite{Store: m}
	w, err := Open(store, clock())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	goldOver(t, w, text)
	locks := tabLocks{}
	libraryHolds(w, locks)
	tagged := false
	store.before = func() { tagged = openAndTag(t, m, locks, sum.ID) }
	if err := w.Undo(); err != nil && !errors.Is(err, ErrInUse) {
		t.Fatal(err)
	}
	if tagged && !hasClaim(m, sum.ID) {
		t.Errorf("the undo of a gold file made while another tab opened the document and tagged it wrote over its tag")
	}
	if owner, ok := locks[sum.ID]; ok && owner == "library" {
		t.Errorf("after the undo, the library's tab still holds the document's lock")
	}
}

// openAndTag is another tab opening document id, when it can take its
// lock, and tagging its first word as a claim. It reports whether it did.
func openAndTag(t *testing.T, s Store, locks tabLocks, id string) bool {
	t.Helper()
	if !locks.take("other", id) {
		return false // read-only there
	}
	other, err := Open(s, clock())
	if err != nil {
		t.Fatal(err)
	}
	e, err := other.Edit(id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 9); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	return true
}

// hasClaim reports whether document id holds a claim.
func hasClaim(s Store, id string) bool {
	anns, _ := s.Annotations(id)
	for _, a := range anns {
		if a.Label == "claim" {
			return true
		}
	}
	return false
}

// TestNewDocumentKeepsWhatAnotherTabAddedMeanwhile: a write that adds a
// document looked first whether the article was stored, then wrote it
// whole in a transaction of its own; another tab that added the same
// article and tagged it in between had the document written over, and
// its tag lost: a gold file of an article not in the library, the
// library's undo of a delete, and the first write of an article opened
// from a file (written with its first change). The write itself now
// leaves a stored document as it is.
func TestNewDocumentKeepsWhatAnotherTabAddedMeanwhile(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	pledged := func(t *testing.T) (*annotate.Document, *annotate.Set) {
		doc := loadText(t, "a.txt", text)
		set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
		if _, err := set.Add("pledge", 10, 17); err != nil {
			t.Fatal(err)
		}
		return doc, set
	}
	for _, c := range []struct {
		name string
		// prepare runs before the other tab is set to act; change is
		// the write it acts before.
		prepare func(t *testing.T, w *Workspace)
		change  func(t *testing.T, w *Workspace) error
	}{
		{"a gold file", nil, func(t *testing.T, w *Workspace) error {
			doc, set := pledged(t)
			_, _, err := w.SaveGold(annotate.NewFile(doc, set, nil, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)))
			return err
		}},
		{"the undo of a delete", func(t *testing.T, w *Workspace) {
			sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Delete(sum.ID); err != nil {
				t.Fatal(err)
			}
		}, func(t *testing.T, w *Workspace) error { return w.Undo() }},
		{"the first write of an article opened", nil, func(t *testing.T, w *Workspace) error {
			doc, set := pledged(t)
			e, err := w.AddAndEditLater(doc, set, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			_, err = e.Save()
			return err
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemory()
			store := &beforeWrite{Store: m}
			w, err := Open(store, clock())
			if err != nil {
				t.Fatal(err)
			}
			if c.prepare != nil {
				c.prepare(t, w)
			}
			locks := tabLocks{}
			libraryHolds(w, locks)
			var id string
			store.before = func() {
				locks.take("other", loadText(t, "a.txt", text).ID) // it has it open
				id = tagElsewhere(t, m, text)
			}
			err = c.change(t, w)
			if id == "" {
				t.Fatal("the other tab never tagged the article")
			}
			if !hasClaim(m, id) {
				t.Errorf("%s wrote over the article another tab added and tagged meanwhile (error %v)", c.name, err)
			}
		})
	}
}

// TestRestoreKeepsWhatAnotherTabAddedMeanwhile: a backup restored into an
// empty library writes its documents one after the other, for seconds on
// a large one; an article of the backup that another tab opened and
// tagged meanwhile was written over with the backup's copy, and its tag
// lost. That document is now kept as the other tab left it, every other
// one restored, and the error says which was kept, in words.
func TestRestoreKeepsWhatAnotherTabAddedMeanwhile(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	src, _ := openMemory(t)
	for _, a := range []string{text, "Words kept in the backup."} {
		if _, err := src.Add(loadText(t, "a.txt", a), nil, nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	data, err := src.Backup()
	if err != nil {
		t.Fatal(err)
	}
	m := NewMemory()
	store := &beforeWrite{Store: m}
	w, err := Open(store, clock())
	if err != nil {
		t.Fatal(err)
	}
	var id string
	store.before = func() { id = tagElsewhere(t, m, text) }
	err = w.RestoreOver(data, "sample")
	if !hasClaim(m, id) {
		t.Errorf("the restore wrote over the article another tab added and tagged meanwhile (error %v)", err)
	}
	if !errors.Is(err, ErrAddedElsewhere) || !strings.Contains(err.Error(), "“opened”") || strings.Contains(err.Error(), id) {
		t.Errorf("the restore ends with %v; want ErrAddedElsewhere naming the article kept, in words", err)
	}
	if docs, _ := m.Documents(); len(docs) != 2 {
		t.Errorf("the library holds %d documents after the restore, want 2", len(docs))
	}
}

// afterAdd is a Store whose next write of a new document is followed,
// once it is written, by after() (once): another tab's work landing
// between two writes of one change.
type afterAdd struct {
	Store
	after func()
}

func (s *afterAdd) fire() {
	if f := s.after; f != nil {
		s.after = nil
		f()
	}
}

func (s *afterAdd) PutDocument(r DocumentRecord, anns []annotate.Annotation) error {
	defer s.fire()
	return s.Store.PutDocument(r, anns)
}

func (s *afterAdd) AddDocument(r DocumentRecord, anns []annotate.Annotation) (string, error) {
	defer s.fire()
	return s.Store.AddDocument(r, anns)
}

// TestNewGoldKeepsAnotherTabsCounts: a gold file of an article not in the
// library was added, then marked done by writing back the whole summary
// it had made; a tab that opened it and tagged it in between had its tag
// left out of the library's counts (those written back were the gold
// file's alone). The gold document is now written done at once.
func TestNewGoldKeepsAnotherTabsCounts(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	m := NewMemory()
	store := &afterAdd{Store: m}
	w, err := Open(store, clock())
	if err != nil {
		t.Fatal(err)
	}
	doc := loadText(t, "a.txt", text)
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 10, 17); err != nil {
		t.Fatal(err)
	}
	tagged := false
	store.after = func() { tagged = openAndTag(t, m, tabLocks{}, doc.ID) }
	sum, _, err := w.SaveGold(annotate.NewFile(doc, set, nil, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Status != StatusDone {
		t.Errorf("the gold document is %s, want done", sum.Status)
	}
	got, _ := m.Summary(doc.ID)
	anns, _ := m.Annotations(doc.ID)
	if !tagged || len(anns) != 2 {
		t.Fatalf("the other tab tagged %v; the document holds %d annotations, want 2", tagged, len(anns))
	}
	if got.Annotations() != len(anns) {
		t.Errorf("the library counts %d annotations of a document that holds %d", got.Annotations(), len(anns))
	}
}

// TestUndoGoldKeepsLaterWork: the library's undo of a gold file put back
// the annotations the document had before it, whatever was done to the
// document since: tags another tab (or this one) added after the gold
// file were lost without a word. The undo is now refused in words once
// the document has changed since, and the tags stay.
func TestUndoGoldKeepsLaterWork(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	w, m := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	goldOver(t, w, text)
	if !openAndTag(t, m, tabLocks{}, sum.ID) {
		t.Fatal("the other tab could not open the document")
	}
	err = w.Undo()
	if !hasClaim(m, sum.ID) {
		t.Errorf("the undo of the gold file lost the tag added since (error %v)", err)
	}
	if !errors.Is(err, ErrChangedSince) || !strings.Contains(err.Error(), "“a”") || strings.Contains(err.Error(), sum.ID) {
		t.Errorf("the undo of a gold file over later work: %v; want ErrChangedSince, in words", err)
	}
	if w.UndoLabel() != "" {
		t.Errorf("the refused undo is still offered: %q", w.UndoLabel())
	}
}

// goldOver saves over the document of text, which w holds, a gold file
// of one pledge on [10, 17), as the library's adjudication does: the
// start of the tests of what a gold file's undo may write over.
func goldOver(t *testing.T, w *Workspace, text string) {
	t.Helper()
	gold := loadText(t, "a.txt", text)
	set := annotate.NewSet(gold.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 10, 17); err != nil {
		t.Fatal(err)
	}
	if _, replaced, err := w.SaveGold(annotate.NewFile(gold, set, nil, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC))); err != nil || !replaced {
		t.Fatalf("SaveGold: replaced %v, %v", replaced, err)
	}
}

// TestFirstWriteOfATabThatDoesNotHoldTheDocument: two tabs open one new
// article at once, each from a file with its own annotation; the one that
// does not hold the document writes it alone (Change.DocumentOnly),
// before or after the other's whole first change: the store holds the
// holder's annotation, counted. Both wrote whole: the library counted
// one and held both, and a backup was refused.
func TestFirstWriteOfATabThatDoesNotHoldTheDocument(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	for _, holderFirst := range []bool{true, false} {
		m := NewMemory()
		open := func(label string, start, end int) *Editor {
			w, err := Open(m, clock())
			if err != nil {
				t.Fatal(err)
			}
			doc := loadText(t, "a.txt", text)
			set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
			if _, err := set.Add(label, start, end); err != nil {
				t.Fatal(err)
			}
			set.ClearHistory()
			e, err := w.AddAndEditLater(doc, set, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			return e
		}
		holder, other := open("claim", 0, 9), open("pledge", 10, 17)
		writes := []func() error{
			func() error { return Write(m, holder.ID(), holder.Pending()) },
			func() error { return Write(m, other.ID(), other.Pending().DocumentOnly()) },
		}
		if !holderFirst {
			writes[0], writes[1] = writes[1], writes[0]
		}
		for _, write := range writes {
			if err := write(); err != nil {
				t.Fatal(err)
			}
		}
		anns, _ := m.Annotations(holder.ID())
		sum, _ := m.Summary(holder.ID())
		if len(anns) != 1 || anns[0].Label != "claim" || sum.Counts["claim"] != 1 || len(sum.Counts) != 1 {
			t.Errorf("holder first %v: the store holds %d annotations, counted %v; want the holder's claim", holderFirst, len(anns), sum.Counts)
		}
	}
}
