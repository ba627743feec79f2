package workspace

import (
	"errors"
	"testing"
)

// TestUndoOfDeleteRefusedByAFullStoreStaysOffered: the library's Undo of
// a delete that the store refuses for want of room (a browser's quota)
// keeps the change on the list: the deleted document, its annotations and
// its history live nowhere else, and once there is room the Undo brings
// them back. Dropped, they were lost for good.
func TestUndoOfDeleteRefusedByAFullStoreStaysOffered(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	store := &filling{Memory: NewMemory(), limit: 100}
	w, err := Open(store, clock())
	if err != nil {
		t.Fatal(err)
	}
	sum := taggedThenDeleted(t, w, text)
	store.limit = store.stored // full
	if err := w.Undo(); !errors.Is(err, errFull) {
		t.Fatalf("the undo with the store full: %v, want %v", err, errFull)
	}
	if w.UndoLabel() == "" {
		t.Fatal("after an undo the full store refused, the library has nothing to undo: the deleted document is lost")
	}
	store.limit = 100 // room again
	if err := w.Undo(); err != nil {
		t.Fatalf("the undo with room again: %v", err)
	}
	anns, err := store.Annotations(sum.ID)
	if err != nil || len(anns) != 1 {
		t.Errorf("the document is back with %d annotations (%v), want 1", len(anns), err)
	}
}
