package workspace

import (
	"slices"
	"testing"

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
