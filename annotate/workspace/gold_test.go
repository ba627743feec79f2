package workspace

import (
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// goldOf returns the native file of text with a claim on each of spans.
func goldOf(t *testing.T, text string, spans ...[2]int) annotate.File {
	t.Helper()
	doc, err := annotate.Load([]byte(text), annotate.FileSource("gold.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	for _, s := range spans {
		if _, err := set.Add("claim", s[0], s[1]); err != nil {
			t.Fatal(err)
		}
	}
	return annotate.NewFile(doc, set, nil, time.Unix(0, 0))
}

func TestSaveGoldAddsANewArticleDone(t *testing.T) {
	w, err := Open(NewMemory(), nil)
	if err != nil {
		t.Fatal(err)
	}
	sum, replaced, err := w.SaveGold(goldOf(t, "Prices rose. Wages fell.", [2]int{0, 6}))
	if err != nil || replaced {
		t.Fatalf("SaveGold: %v, replaced %v", err, replaced)
	}
	got, _ := w.Store().Summary(sum.ID)
	if got.Status != StatusDone || got.Counts["claim"] != 1 {
		t.Errorf("summary %+v", got)
	}
}

func TestSaveGoldReplacesAndUndoRestores(t *testing.T) {
	w, err := Open(NewMemory(), nil)
	if err != nil {
		t.Fatal(err)
	}
	text := "Prices rose. Wages fell. Rents doubled."
	first := goldOf(t, text, [2]int{0, 6}, [2]int{13, 18})
	imp, err := annotate.Import(mustMarshal(t, first))
	if err != nil {
		t.Fatal(err)
	}
	had, err := w.Add(imp.Document, imp.Set, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := w.Store().Annotations(had.ID)

	sum, replaced, err := w.SaveGold(goldOf(t, text, [2]int{25, 30}))
	if err != nil || !replaced || sum.ID != had.ID {
		t.Fatalf("SaveGold: %v, replaced %v, id %s (want %s)", err, replaced, sum.ID, had.ID)
	}
	anns, _ := w.Store().Annotations(had.ID)
	if len(anns) != 1 || anns[0].Exact != "Rents" {
		t.Fatalf("after the gold: %+v", anns)
	}
	if s, _ := w.Store().Summary(had.ID); s.Status != StatusDone || s.Counts["claim"] != 1 {
		t.Errorf("summary after the gold: %+v", s)
	}
	if w.UndoLabel() == "" {
		t.Fatal("nothing to undo after the gold")
	}
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	after, _ := w.Store().Annotations(had.ID)
	if len(after) != len(before) {
		t.Fatalf("undo gave back %d annotations, want %d", len(after), len(before))
	}
	for i := range before {
		if !before[i].Equal(after[i]) {
			t.Errorf("annotation %d: %+v, want %+v", i, after[i], before[i])
		}
	}
}

// TestUndoGoldKeepsWhatAnotherTabSetSince: the library's undo of a gold
// file, in one tab, puts the annotations back but keeps the title and the
// status that another tab gave the document since.
func TestUndoGoldKeepsWhatAnotherTabSetSince(t *testing.T) {
	m := NewMemory()
	tabA, err := Open(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	tabB, err := Open(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	text := "Prices rose. Wages fell. Rents doubled."
	imp, err := annotate.Import(mustMarshal(t, goldOf(t, text, [2]int{0, 6})))
	if err != nil {
		t.Fatal(err)
	}
	had, err := tabA.Add(imp.Document, imp.Set, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := tabA.SetStatus(had.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	if _, replaced, err := tabA.SaveGold(goldOf(t, text, [2]int{25, 30})); err != nil || !replaced {
		t.Fatalf("SaveGold: %v, replaced %v", err, replaced)
	}
	if err := tabB.Rename(had.ID, "Cost of living, April"); err != nil {
		t.Fatal(err)
	}
	if err := tabB.SetStatus(had.ID, StatusInProgress); err != nil {
		t.Fatal(err)
	}
	if err := tabA.Undo(); err != nil {
		t.Fatal(err)
	}
	sum, err := m.Summary(had.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Title != "Cost of living, April" || sum.Status != StatusInProgress {
		t.Errorf("after the gold file's undo in tab A, the title is %q and the status %q: what tab B set is lost", sum.Title, sum.Status)
	}
	if anns, _ := m.Annotations(had.ID); len(anns) != 1 || anns[0].Exact != "Prices" {
		t.Errorf("the undo put back %+v, want the one annotation before the gold file", anns)
	}
}

func mustMarshal(t *testing.T, f annotate.File) []byte {
	t.Helper()
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}
