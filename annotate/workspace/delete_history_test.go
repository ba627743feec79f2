package workspace

import (
	"testing"
)

// TestDeleteUndoKeepsHistory: a document deleted from the library and
// brought back by its Undo comes back with its undo history, not only its
// annotations.
func TestDeleteUndoKeepsHistory(t *testing.T) {
	w, _ := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("pledge", 10, 17); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 9); err != nil {
		t.Fatal(err)
	}
	e.Set.Undo()
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	if err := w.Delete(sum.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	again, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.HistoryLost || again.Set.UndoLabel() != "add pledge" || again.Set.RedoLabel() != "add claim" {
		t.Errorf("brought back, the document can undo %q and redo %q (history lost: %v); want “add pledge” and “add claim”",
			again.Set.UndoLabel(), again.Set.RedoLabel(), again.HistoryLost)
	}
	if !again.Set.Redo() || again.Set.Len() != 2 {
		t.Errorf("redo after the document came back leaves %d annotations, want 2", again.Set.Len())
	}
}
