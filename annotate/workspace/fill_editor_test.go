package workspace

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// TestEditorFill: an export of the open document's article fills its
// editor as AddExport fills the stored document, by the same rule: an
// editor that holds nothing takes the file's annotations (one undo takes
// them back, and they are written with the next change, counted), one
// that holds a tag, even one not yet written, keeps its own, and another
// article's export is refused.
func TestEditorFill(t *testing.T) {
	const text = "Ministers pledged to raise defence spending."
	w, m := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	export := func(text string) (*annotate.Document, *annotate.Set) {
		doc := loadText(t, "a.txt", text)
		set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
		if _, err := set.Add("pledge", 10, 17); err != nil {
			t.Fatal(err)
		}
		if _, err := set.Add("claim", 0, 9); err != nil {
			t.Fatal(err)
		}
		return doc, set
	}
	e, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if other, set := export("Ministers pledged to cut defence spending."); e.Fill(other, set, nil) {
		t.Error("an export of another article filled the editor")
	}
	doc, set := export(text)
	if !e.Fill(doc, set, nil) || e.Set.Len() != 2 {
		t.Fatalf("an export filled the empty editor with %d annotations", e.Set.Len())
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Summary(sum.ID); got.Annotations() != 2 {
		t.Errorf("the filled editor's change counts %v", got.Counts)
	}
	if !e.Set.CanUndo() {
		t.Error("the file's annotations cannot be undone")
	}

	tagged, err := w.Add(loadText(t, "b.txt", "Another article altogether, and longer."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	e, err = w.Edit(tagged.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 7); err != nil {
		t.Fatal(err)
	}
	e.Pending() // handed over, not written yet
	before := e.Set.All()
	doc, set = export("Another article altogether, and longer.")
	if e.Fill(doc, set, nil) || !slices.EqualFunc(e.Set.All(), before, annotate.Annotation.Equal) {
		t.Errorf("an export filled an editor that holds a tag: %d annotations", e.Set.Len())
	}
}

// TestSavingHereKeepsItsAnnotations: a document whose changes this tab is
// still writing (Saving) gets no export's annotations from an import, as
// one open in another tab gets none, and is not deleted: this tab's own
// lock let the import through, and it looked at the document without
// those changes and wrote over them. The report says why, in words.
func TestSavingHereKeepsItsAnnotations(t *testing.T) {
	const text = "Ministers pledged to raise defence spending."
	w, m := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	w.Saving = func(id string) bool { return id == sum.ID }
	doc := loadText(t, "a.txt", text)
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 10, 17); err != nil {
		t.Fatal(err)
	}
	data, err := annotate.NewFile(doc, set, nil, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.ImportFiles(context.Background(), []File{{Name: "a.annotations.json", Data: data}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Duplicates) != 1 || r.Duplicates[0].Filled || !r.Duplicates[0].Saving ||
		!strings.Contains(r.Duplicates[0].String(), "still being saved") {
		t.Errorf("an import over a document this tab is saving reports %+v", r.Duplicates)
	}
	if _, filled, err := w.AddExport(doc, set, nil); filled || !errors.Is(err, ErrSavingHere) || !errors.Is(err, ErrInUse) ||
		strings.Contains(err.Error(), "another tab") {
		t.Errorf("AddExport of a document this tab is saving: filled %v, %v; want ErrSavingHere", filled, err)
	}
	if err := w.Delete(sum.ID); !errors.Is(err, ErrSavingHere) {
		t.Errorf("Delete of a document this tab is saving: %v; want ErrSavingHere", err)
	}
	if got, _ := m.Summary(sum.ID); got.Annotations() != 0 {
		t.Errorf("the document this tab is saving was written over: %v", got.Counts)
	}
}

// readMeanwhile is a Store whose next read of a whole document, or of its
// annotations, is followed, once read, by meanwhile() (once): this tab's own change of
// it made while a change from the library waits on that read.
type readMeanwhile struct {
	Store
	meanwhile func()
}

func (s *readMeanwhile) fire() {
	if f := s.meanwhile; f != nil {
		s.meanwhile = nil
		f()
	}
}

func (s *readMeanwhile) Document(id string) (DocumentRecord, error) {
	defer s.fire()
	return s.Store.Document(id)
}

func (s *readMeanwhile) Annotations(id string) ([]annotate.Annotation, error) {
	defer s.fire()
	return s.Store.Annotations(id)
}

// TestSavingMeanwhileKeepsItsAnnotations: a change from the library that
// replaces what a document holds (an export's annotations filling it, a
// gold file, a delete) asked whether this tab was saving changes of it
// before it read it, and not after: a tag made in this tab while it read
// (the document opened again meanwhile, and tagged) was still on its way
// to the store when the change looked at the document without it, and
// was written over (the library then counted the editor's tag alone).
// The change asks again once it has read the document.
func TestSavingMeanwhileKeepsItsAnnotations(t *testing.T) {
	const text = "Ministers pledged to raise defence spending."
	for _, c := range []struct {
		name   string
		change func(w *Workspace, id string, doc *annotate.Document, set *annotate.Set) error
	}{
		{"an export's annotations", func(w *Workspace, id string, doc *annotate.Document, set *annotate.Set) error {
			_, _, err := w.AddExport(doc, set, nil)
			return err
		}},
		{"a gold file", func(w *Workspace, id string, doc *annotate.Document, set *annotate.Set) error {
			_, _, err := w.SaveGold(annotate.NewFile(doc, set, nil, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)))
			return err
		}},
		{"a delete", func(w *Workspace, id string, doc *annotate.Document, set *annotate.Set) error { return w.Delete(id) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemory()
			s := &readMeanwhile{Store: m}
			w, err := Open(s, clock())
			if err != nil {
				t.Fatal(err)
			}
			sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			saving := false
			w.Saving = func(id string) bool { return saving && id == sum.ID }
			doc := loadText(t, "a.txt", text)
			set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
			if _, err := set.Add("pledge", 10, 17); err != nil {
				t.Fatal(err)
			}
			s.meanwhile = func() { saving = true } // a tag queued, not yet written
			err = c.change(w, sum.ID, doc, set)
			if !errors.Is(err, ErrSavingHere) {
				t.Errorf("%s over a tag this tab was saving meanwhile: %v; want ErrSavingHere", c.name, err)
			}
			if got, err := m.Summary(sum.ID); err != nil || got.Annotations() != 0 {
				t.Errorf("%s went on over a tag this tab was saving: %v, %v", c.name, got.Counts, err)
			}
		})
	}
}

// TestUndoGoldSavingMeanwhile: the library's undo of a gold file, as
// TestSavingMeanwhileKeepsItsAnnotations: a tag made in this tab while
// the undo read the annotations, still on its way to the store, was not
// among them, and the undo put the old annotations back under it.
func TestUndoGoldSavingMeanwhile(t *testing.T) {
	const text = "Ministers pledged to raise defence spending."
	m := NewMemory()
	s := &readMeanwhile{Store: m}
	w, err := Open(s, clock())
	if err != nil {
		t.Fatal(err)
	}
	sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	goldOver(t, w, text)
	saving := false
	w.Saving = func(id string) bool { return saving && id == sum.ID }
	s.meanwhile = func() { saving = true } // a tag queued, not yet written
	if err := w.Undo(); !errors.Is(err, ErrSavingHere) {
		t.Errorf("the undo of a gold file over a tag this tab was saving meanwhile: %v; want ErrSavingHere", err)
	}
	if got, _ := m.Summary(sum.ID); got.Annotations() != 1 {
		t.Errorf("the undo of a gold file went on over a tag this tab was saving: %v", got.Counts)
	}
}
