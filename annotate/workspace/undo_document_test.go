package workspace

import (
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// TestUndoDocument: the library's Undo names the document whose
// annotations it would change, so that an editor holding it open reads it
// again; a title or a status (which that editor takes with the summary,
// UndoSummaryOnly) or a deleted document brought back names none.
func TestUndoDocument(t *testing.T) {
	w, _ := openMemory(t)
	a, err := w.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := w.Add(loadText(t, "b.txt", "The council will build 300 homes."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if got := w.UndoDocument(); got != "" {
		t.Errorf("with nothing to undo, UndoDocument = %q", got)
	}
	steps := []struct {
		do   func() error
		want string
	}{
		{func() error { return w.Rename(a.ID, "Defence") }, ""},
		{func() error { return w.SetStatus(a.ID, StatusDone) }, ""},
		{func() error { return w.Delete(b.ID) }, ""},
	}
	for i, s := range steps {
		if err := s.do(); err != nil {
			t.Fatal(err)
		}
		if got := w.UndoDocument(); got != s.want {
			t.Errorf("after change %d, UndoDocument = %q, want %q", i, got, s.want)
		}
	}
	doc := loadText(t, "a.txt", "Ministers pledged to raise defence spending.")
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 0, 9); err != nil {
		t.Fatal(err)
	}
	f := annotate.NewFile(doc, set, nil, time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC))
	if _, replaced, err := w.SaveGold(f); err != nil || !replaced {
		t.Fatalf("SaveGold: replaced %v, %v", replaced, err)
	}
	if got := w.UndoDocument(); got != a.ID {
		t.Errorf("after a gold file replaced the annotations, UndoDocument = %q, want %q", got, a.ID)
	}
}
