package workspace

import (
	"errors"
	"strings"
	"testing"
)

// TestUndoRenameKeepsAnotherTabsName: a document renamed in the library
// of one tab, then renamed again in another tab's library, kept the first
// tab's old title when the first tab pressed Undo: the undo wrote back the
// title it replaced over the other tab's name. It is refused now, in
// words, and the other tab's name stays.
func TestUndoRenameKeepsAnotherTabsName(t *testing.T) {
	w, m := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Rename(sum.ID, "Budget day"); err != nil {
		t.Fatal(err)
	}
	other, err := Open(m, clock())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Rename(sum.ID, "Defence budget"); err != nil {
		t.Fatal(err)
	}
	err = w.Undo()
	got, serr := m.Summary(sum.ID)
	if serr != nil {
		t.Fatal(serr)
	}
	if got.Title != "Defence budget" {
		t.Errorf("the undo of a rename wrote %q over the name another tab gave since (error %v)", got.Title, err)
	}
	if !errors.Is(err, ErrChangedSince) || !strings.Contains(err.Error(), "“Budget day”") || strings.Contains(err.Error(), sum.ID) {
		t.Errorf("the undo of a rename renamed since elsewhere: %v; want ErrChangedSince, in words", err)
	}
	if w.UndoLabel() != "" {
		t.Errorf("the refused undo is still offered: %q", w.UndoLabel())
	}
	// Undone before anyone renamed it again, a rename is undone.
	if err := other.Undo(); err != nil {
		t.Fatalf("the undo of the last rename: %v", err)
	}
	if got, _ := m.Summary(sum.ID); got.Title != "Budget day" {
		t.Errorf("the undo of the last rename left the title %q", got.Title)
	}
}

// TestUndoStatusKeepsAnotherTabsStatus: a document marked done in one
// tab's library, then marked in progress in another's, went back to new
// when the first tab pressed Undo: the undo wrote back the status it
// replaced over the other tab's. It is refused now, in words, and the
// other tab's status stays.
func TestUndoStatusKeepsAnotherTabsStatus(t *testing.T) {
	w, m := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetStatus(sum.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	other, err := Open(m, clock())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.SetStatus(sum.ID, StatusInProgress); err != nil {
		t.Fatal(err)
	}
	err = w.Undo()
	if got, _ := m.Summary(sum.ID); got.Status != StatusInProgress {
		t.Errorf("the undo of a status wrote %q over the status another tab set since (error %v)", got.Status, err)
	}
	if !errors.Is(err, ErrChangedSince) || !strings.Contains(err.Error(), "“a”") || strings.Contains(err.Error(), sum.ID) {
		t.Errorf("the undo of a status set since elsewhere: %v; want ErrChangedSince, in words", err)
	}
	if w.UndoLabel() != "" {
		t.Errorf("the refused undo is still offered: %q", w.UndoLabel())
	}
	if err := other.Undo(); err != nil {
		t.Fatalf("the undo of the last status: %v", err)
	}
	if got, _ := m.Summary(sum.ID); got.Status != StatusDone {
		t.Errorf("the undo of the last status left it %q", got.Status)
	}
}

// TestUndoStatusKeepsAnotherTabsTags: a new document marked done in the
// library while another tab tagged it (a tag moves a new document to in
// progress, but this one was done by then) went back to new when the
// library's Undo was pressed, its tags listed under “new” as if nobody
// had touched it. The undo now gives it the status the tags would have
// given it: in progress.
func TestUndoStatusKeepsAnotherTabsTags(t *testing.T) {
	w, m := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetStatus(sum.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	if !openAndTag(t, m, tabLocks{}, sum.ID) {
		t.Fatal("the other tab could not open the document")
	}
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Summary(sum.ID); got.Status != StatusInProgress {
		t.Errorf("the undo of marking a new document done, tagged since in another tab, left it %q", got.Status)
	}
}
