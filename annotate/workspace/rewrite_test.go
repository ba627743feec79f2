package workspace

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestWriteWholeAfterDelete: a document deleted from under its editor
// (in another tab) is stored again whole by the editor, with every
// annotation and orphan it holds and its undo history, which undoes after
// a reopening as it did before.
func TestWriteWholeAfterDelete(t *testing.T) {
	w, m := openMemory(t)
	doc := loadText(t, "words.txt", manyWords(50))
	text := doc.Text().String()
	at := func(i int) int { return annotate.RuneCount(text[:strings.Index(text, fmt.Sprintf("word%05d", i))]) }
	orphan := annotate.Annotation{ID: "0195a5b4-7c3e-7000-8000-000000000001", Label: "quote",
		Start: 5, End: 9, Exact: "not in the text", Anchor: annotate.AnchorOrphan}
	sum, err := w.Add(doc, nil, []annotate.Annotation{orphan}, "")
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, label := range []string{"claim", "quote", "pledge"} {
		if _, err := e.Set.Add(label, at(i), at(i)+9); err != nil {
			t.Fatal(err)
		}
		if _, err := e.Save(); err != nil {
			t.Fatal(err)
		}
	}
	if !e.Set.Undo() {
		t.Fatal("nothing to undo")
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	if err := m.DeleteDocument(sum.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", at(10), at(10)+9); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); !errors.Is(err, ErrNoDocument) {
		t.Fatalf("a change of a deleted document gives %v, want ErrNoDocument", err)
	}
	e.WriteWhole()
	if _, err := e.Save(); err != nil {
		t.Fatalf("writing the document whole: %v", err)
	}
	stored, err := m.Summary(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := stored.Annotations(); got != 3 || stored.Orphans != 1 || stored.Status != StatusInProgress {
		t.Errorf("stored again, the document counts %d annotations and %d orphans, status %q; want 3, 1, in progress", got, stored.Orphans, stored.Status)
	}
	again, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.HistoryLost || again.Set.Len() != 3 || len(again.Orphans) != 1 {
		t.Fatalf("reopened: %d annotations, %d orphans, history lost %v", again.Set.Len(), len(again.Orphans), again.HistoryLost)
	}
	if got, want := again.Set.History(), e.Set.History(); len(got) != len(want) || len(got) != 3 || got[2].Label != want[2].Label {
		t.Errorf("reopened, the history holds %d steps, want %d: %+v", len(got), len(want), got)
	}
	for again.Set.Undo() {
	}
	if again.Set.Len() != 0 {
		t.Errorf("undoing the whole history leaves %d annotations", again.Set.Len())
	}
	// The next change costs the change again.
	c := e.Pending()
	if !c.Empty() {
		t.Errorf("with nothing changed the editor hands over %+v", c)
	}
	if _, err := e.Set.Add("quote", at(20), at(20)+9); err != nil {
		t.Fatal(err)
	}
	if c := e.Pending(); len(c.Put) != 1 || c.Document != nil || len(c.PutSteps) != 1 {
		t.Errorf("after the whole write a change puts %d annotations and %d steps (document %v)", len(c.Put), len(c.PutSteps), c.Document != nil)
	}
}
