package workspace

import (
	"errors"
	"testing"
)

// TestWriteWholeKeepsStatusAndAdded deletes a document marked done from
// another tab's library while this tab edits it (where the browser has
// no Web Locks to refuse the delete): this tab's next change writes it
// back whole, done as it was, added when it was, with its source id. It
// came back "in progress", added now and without its source id: out of
// Export done, and moved in the library's order.
func TestWriteWholeKeepsStatusAndAdded(t *testing.T) {
	wa, m := openMemory(t)
	sum, err := wa.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending. The council will build 300 homes."), nil, nil, "line-7")
	if err != nil {
		t.Fatal(err)
	}
	e, err := wa.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 9); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	if err := wa.SetStatus(sum.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	// As the app does after a status set in its library (tookSummary).
	before, _ := m.Summary(sum.ID)
	e.TakeSummary(before)

	other, err := Open(m, clock())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Delete(sum.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.Set.SetAttribute(e.Set.All()[0].ID, "note", "checked"); err != nil {
		t.Fatal(err)
	}
	if err := Write(m, sum.ID, e.Pending()); !errors.Is(err, ErrNoDocument) {
		t.Fatalf("the change of a deleted document: %v", err)
	}
	e.WriteWhole() // as app/keeper.go does then
	if err := Write(m, sum.ID, e.Pending()); err != nil {
		t.Fatal(err)
	}
	after, _ := m.Summary(sum.ID)
	if after.Status != StatusDone || !after.Added.Equal(before.Added) {
		t.Errorf("written back whole: status %q, added %v; it was %q, added %v", after.Status, after.Added, before.Status, before.Added)
	}
	if rec, err := m.Document(sum.ID); err != nil || rec.SourceID != "line-7" {
		t.Errorf("written back whole: source id %q (%v); want line-7", rec.SourceID, err)
	}
	if anns, _ := m.Annotations(sum.ID); len(anns) != 1 || anns[0].Attributes["note"] != "checked" {
		t.Errorf("written back whole: annotations %+v", anns)
	}
}
