package workspace

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// TestInUseKeepsItsAnnotations: a document open in another tab (InUse)
// gets no export's annotations from an import, nor a gold file's, and is
// not deleted: the tab that holds it would go on from what it holds. The
// report says why.
func TestInUseKeepsItsAnnotations(t *testing.T) {
	w, m := openMemory(t)
	const text = "Ministers pledged to raise defence spending."
	sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	w.Hold = inUse(sum.ID)
	doc := loadText(t, "a.txt", text)
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 10, 17); err != nil {
		t.Fatal(err)
	}
	f := annotate.NewFile(doc, set, nil, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC))
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.ImportFiles(context.Background(), []File{{Name: "a.annotations.json", Data: data}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Duplicates) != 1 || r.Duplicates[0].Filled || !r.Duplicates[0].InUse ||
		!strings.Contains(r.Duplicates[0].String(), "open in another tab") {
		t.Errorf("an import of the export of a document open elsewhere reports %+v", r.Duplicates)
	}
	if _, filled, err := w.AddExport(doc, set, nil); filled || !errors.Is(err, ErrInUse) {
		t.Errorf("AddExport of a document open elsewhere: filled %v, %v; want ErrInUse", filled, err)
	}
	if _, _, err := w.SaveGold(f); !errors.Is(err, ErrInUse) {
		t.Errorf("SaveGold of a document open elsewhere: %v; want ErrInUse", err)
	}
	if err := w.Delete(sum.ID); !errors.Is(err, ErrInUse) {
		t.Errorf("Delete of a document open elsewhere: %v; want ErrInUse", err)
	}
	if anns, _ := m.Annotations(sum.ID); len(anns) != 0 {
		t.Errorf("the document open elsewhere was given %d annotations", len(anns))
	}
	// Once it is closed there, the export fills it.
	w.Hold = nil
	if _, filled, err := w.AddExport(doc, set, nil); !filled || err != nil {
		t.Errorf("AddExport once closed elsewhere: filled %v, %v", filled, err)
	}
}

// TestUndoGoldRefusedInUse: the library's Undo of a gold file does not put
// back the annotations of a document open in another tab (that tab would
// go on from the gold ones it holds, and its next change would write
// counts and history without those written here): it is refused in words,
// and stays on the list to be undone once the document is closed there.
func TestUndoGoldRefusedInUse(t *testing.T) {
	w, m := openMemory(t)
	const text = "Ministers pledged to raise defence spending."
	doc := loadText(t, "a.txt", text)
	mine := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := mine.Add("claim", 0, 9); err != nil {
		t.Fatal(err)
	}
	sum, err := w.Add(doc, mine, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	goldOver(t, w, text)
	label := w.UndoLabel()

	// The document is now open in another tab.
	w.Hold = inUse(sum.ID)
	err = w.Undo()
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "open in another tab") || strings.Contains(err.Error(), sum.ID) {
		t.Errorf("Undo of the gold annotations of a document open elsewhere: %v; want ErrInUse, in words", err)
	}
	if anns, _ := m.Annotations(sum.ID); len(anns) != 1 || anns[0].Label != "pledge" {
		t.Errorf("the undo refused wrote the annotations of the document open elsewhere: %+v", anns)
	}
	if got := w.UndoLabel(); got != label {
		t.Errorf("after the undo refused, the library's Undo is %q, want %q still", got, label)
	}

	// Once it is closed there, the undo puts the annotations back.
	w.Hold = nil
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	if anns, _ := m.Annotations(sum.ID); len(anns) != 1 || anns[0].Label != "claim" {
		t.Errorf("the undo once closed elsewhere left %+v", anns)
	}
}

// meanwhile is a Store whose next read of a summary is followed, before
// it returns, by between(): another tab's write landing between a read
// and the write made from it.
type meanwhile struct {
	Store
	between func()
}

func (s *meanwhile) Summary(id string) (Summary, error) {
	sum, err := s.Store.Summary(id)
	if f := s.between; f != nil {
		s.between = nil
		f()
	}
	return sum, err
}

// TestLibraryKeepsAnotherTabsChange: a rename, a status or the undo of
// either, made in one tab's library while another tab writes a change of
// the document, keeps that change's counts: the library wrote back the
// whole summary it had read, and the counts of a change written in
// between were lost (the library said "1 claim" for good of a document
// with two).
func TestLibraryKeepsAnotherTabsChange(t *testing.T) {
	m := NewMemory()
	store := &meanwhile{Store: m}
	lib, err := Open(store, clock())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := lib.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending by a lot."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(m, clock())
	if err != nil {
		t.Fatal(err)
	}
	e, err := other.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	claims := 0
	tag := func() {
		if _, err := e.Set.Add("claim", claims*10, claims*10+9); err != nil {
			t.Fatal(err)
		}
		claims++
		if _, err := e.Save(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name   string
		change func() error
	}{
		{"rename", func() error { return lib.Rename(sum.ID, "Defence") }},
		{"status", func() error { return lib.SetStatus(sum.ID, StatusDone) }},
		{"undo of the status", lib.Undo},
		{"undo of the rename", lib.Undo},
	} {
		store.between = tag
		if err := c.change(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got, _ := m.Summary(sum.ID); got.Counts["claim"] != claims {
			t.Errorf("after a %s made while another tab tagged, the library counts %d claims, want %d", c.name, got.Counts["claim"], claims)
		}
	}
	if got, _ := m.Summary(sum.ID); got.Title != "a" || got.Status != StatusInProgress {
		t.Errorf("after the undos the document is %q, %s; want %q, in progress", got.Title, got.Status, "a")
	}
}

// TestRestoreLeavesAnotherTabsSample: a backup is not restored over the
// untouched sample while another tab has it open: the restore deleted it
// (or, the backup holding the same article, replaced its annotations)
// under that tab, which went on from the sample it held and wrote its
// changes over what was restored. It is refused in words, changing
// nothing.
func TestRestoreLeavesAnotherTabsSample(t *testing.T) {
	data := keptBackup(t)
	w, m := openMemory(t)
	sample, err := w.Add(loadText(t, "sample.txt", "The sample article."), nil, nil, "sample")
	if err != nil {
		t.Fatal(err)
	}
	w.Hold = inUse(sample.ID)
	err = w.RestoreOver(data, "sample")
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "open in another tab") {
		t.Errorf("a restore over the sample open in another tab: %v; want ErrInUse, in words", err)
	}
	if docs, _ := m.Documents(); len(docs) != 1 || docs[0].ID != sample.ID {
		t.Errorf("the refused restore left the library with %v", docs)
	}
	w.Hold = nil
	if err := w.RestoreOver(data, "sample"); err != nil {
		t.Errorf("the restore once the sample is closed elsewhere: %v", err)
	}
}

// TestEditorOutdated: an editor knows when the store's copy changed since
// it read it (another tab's rename, import or gold file), until it hands a
// change over itself.
func TestEditorOutdated(t *testing.T) {
	w, m := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := e.Outdated(); out || err != nil {
		t.Fatalf("an editor just read: outdated %v (%v)", out, err)
	}
	other, _ := Open(m, clock())
	if err := other.Rename(sum.ID, "Defence"); err != nil {
		t.Fatal(err)
	}
	if out, err := e.Outdated(); !out || err != nil {
		t.Errorf("an editor whose document another workspace renamed: outdated %v (%v), want true", out, err)
	}
	again, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := again.Set.Add("pledge", 10, 17); err != nil {
		t.Fatal(err)
	}
	if _, err := again.Save(); err != nil {
		t.Fatal(err)
	}
	if out, err := again.Outdated(); out || err != nil {
		t.Errorf("an editor that wrote its own change: outdated %v (%v), want false", out, err)
	}
}

// inUse is a Workspace.Hold for which document id is open in another tab,
// and every other document free.
func inUse(id string) func(string) (func(), bool) {
	return func(d string) (func(), bool) { return func() {}, d != id }
}
