package workspace

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestLongDayHistoryBoundedAndReopens: 3,000 changes of every kind (tag,
// relabel, note, delete, undo, redo), each saved, leave at most
// annotate.UndoLimit steps stored; the document reopens with its
// annotations and a history that undoes and redoes as the one in hand.
func TestLongDayHistoryBoundedAndReopens(t *testing.T) {
	w, m := openMemory(t)
	words := strings.Repeat("alpha beta gamma delta epsilon zeta eta theta iota kappa. ", 200)
	sum, err := w.Add(loadText(t, "long.txt", words), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	labels := []string{"claim", "quote", "pledge"}
	n := e.Document.Text().Len()
	for i := range 3000 {
		all := e.Set.All()
		switch k := r.IntN(10); {
		case k < 4 || len(all) == 0:
			s := r.IntN(n - 20)
			if _, err := e.Set.Add(labels[r.IntN(3)], s, s+5+r.IntN(10)); err != nil {
				continue
			}
		case k < 5:
			a := all[r.IntN(len(all))]
			_ = e.Set.Relabel(a.ID, labels[(slices.Index(labels, a.Label)+1)%3])
		case k < 6:
			_ = e.Set.SetAttribute(all[r.IntN(len(all))].ID, "note", strings.Repeat("n", 1+r.IntN(40)))
		case k < 7:
			_ = e.Set.Delete(all[r.IntN(len(all))].ID)
		case k < 9:
			e.Set.Undo()
		default:
			e.Set.Redo()
		}
		if _, err := e.Save(); err != nil {
			t.Fatalf("change %d: %v", i, err)
		}
	}
	steps, err := m.Steps(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) > annotate.UndoLimit {
		t.Errorf("after 3,000 changes, %d history steps are stored, more than the %d undo keeps", len(steps), annotate.UndoLimit)
	}
	t.Logf("%d steps stored", len(steps))
	held := e.Set.History()
	if len(steps) != len(held) {
		t.Errorf("%d steps stored, the editor holds %d", len(steps), len(held))
	}
	e2, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e2.HistoryLost {
		t.Fatal("the history of 3,000 changes was lost on reopening")
	}
	if a, b := e.Set.All(), e2.Set.All(); len(a) != len(b) {
		t.Fatalf("reopened with %d annotations, the editor had %d", len(b), len(a))
	}
	undos := 0
	for e.Set.CanUndo() {
		if !e2.Set.CanUndo() {
			t.Fatalf("the reopened document undoes %d changes, the editor %d more", undos, len(e.Set.History()))
		}
		if e.Set.UndoLabel() != e2.Set.UndoLabel() {
			t.Fatalf("undo %d: %q reopened, %q in hand", undos, e2.Set.UndoLabel(), e.Set.UndoLabel())
		}
		e.Set.Undo()
		e2.Set.Undo()
		undos++
	}
	if e2.Set.CanUndo() {
		t.Errorf("the reopened document undoes more than the %d changes the editor did", undos)
	}
	if a, b := e.Set.All(), e2.Set.All(); len(a) != len(b) {
		t.Errorf("after undoing all, %d annotations reopened, %d in hand", len(b), len(a))
	}
}
