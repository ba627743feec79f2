package workspace

import (
	"testing"
)

// TestUndoDeleteHoldsTheDocument: the library's undo of a delete wrote
// the document back with its annotations, then its undo history with the
// counts it had, in a second write, holding nothing; another tab that
// opened the document in between and tagged it had its tag left out of
// the library's counts, and its history step written over by an old one
// of the same number. The undo now holds the document from the first
// write to the second: the other tab shows it read-only until then.
func TestUndoDeleteHoldsTheDocument(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	m := NewMemory()
	store := &afterAdd{Store: m}
	w, err := Open(store, clock())
	if err != nil {
		t.Fatal(err)
	}
	locks := tabLocks{}
	libraryHolds(w, locks)
	sum := taggedThenDeleted(t, w, text)
	tagged := false
	store.after = func() { tagged = openAndTag(t, m, locks, sum.ID) }
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	got, _ := m.Summary(sum.ID)
	anns, _ := m.Annotations(sum.ID)
	if got.Annotations() != len(anns) {
		t.Errorf("the library counts %d annotations of a document that holds %d (the other tab tagged it: %v)", got.Annotations(), len(anns), tagged)
	}
	steps, _ := m.Steps(sum.ID)
	if tagged && len(steps) != 2 {
		t.Errorf("the document's history holds %d steps, want the pledge's and the other tab's claim", len(steps))
	}
	if len(locks) != 0 {
		t.Errorf("the undo kept the lock of %v", locks)
	}

	// A tab that showed it read-only as it was deleted, and got its lock
	// after, changed nothing: the undo does not wait for it.
	if err := w.Delete(sum.ID); err != nil {
		t.Fatal(err)
	}
	locks.take("other", sum.ID)
	if err := w.Undo(); err != nil {
		t.Errorf("the undo of a delete whose document another tab holds, unchanged: %v", err)
	}
	if _, err := m.Summary(sum.ID); err != nil {
		t.Errorf("the document is not back: %v", err)
	}
}

// taggedThenDeleted adds an article of text to w, tags its characters 10
// to 17 a pledge, saves that, and deletes the article from the library;
// it returns the article's summary as added.
func taggedThenDeleted(t *testing.T, w *Workspace, text string) Summary {
	t.Helper()
	sum, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
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
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	if err := w.Delete(sum.ID); err != nil {
		t.Fatal(err)
	}
	return sum
}
