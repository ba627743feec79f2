package annotate

import (
	"encoding/json"
	"errors"
	"math/rand"
	"strings"
	"testing"
)

// followHistory keeps a copy of a Set's history the way a store does: after
// each change it takes the touched steps and puts or deletes each, going
// through JSON as a store would.
type followHistory map[int]Step

func (f followHistory) follow(t *testing.T, s *Set) {
	t.Helper()
	for _, seq := range s.TakeTouchedSteps() {
		st, ok := s.HistoryStep(seq)
		if !ok {
			delete(f, seq)
			continue
		}
		data, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		var back Step
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatal(err)
		}
		f[seq] = back
	}
}

func (f followHistory) steps() []Step {
	out := make([]Step, 0, len(f))
	for _, st := range f {
		out = append(out, st)
	}
	return out
}

// reopen makes a new Set of s's annotations and restores the history kept.
func reopen(t *testing.T, s *Set, kept followHistory) *Set {
	t.Helper()
	r := newTestSet(s.Text().String())
	for _, a := range s.All() {
		if err := r.Insert(a); err != nil {
			t.Fatal(err)
		}
	}
	r.ClearHistory()
	r.TakeTouchedSteps()
	if err := r.RestoreHistory(kept.steps()); err != nil {
		t.Fatalf("RestoreHistory: %v", err)
	}
	return r
}

func sameAll(a, b []Annotation) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}

// TestHistoryRestoredUndoesAlike makes random changes, undos and redos,
// keeps the history as a store would, reopens the Set from its annotations
// and that history, and checks that undoing and redoing everything gives
// the same annotations, step by step, in both.
func TestHistoryRestoredUndoesAlike(t *testing.T) {
	text := strings.Repeat("The minister said \U0001F44B\U0001F3FD that taxes fall. ", 20)
	labels := []string{"claim", "quote", "pledge"}
	for seed := int64(1); seed <= 30; seed++ {
		rng := rand.New(rand.NewSource(seed))
		s := newTestSet(text)
		kept := followHistory{}
		n := NewText(text).Len()
		for i := 0; i < 60; i++ {
			all := s.All()
			switch op := rng.Intn(7); {
			case op <= 1 || len(all) == 0:
				start := rng.Intn(n - 5)
				s.Add(labels[rng.Intn(3)], start, start+1+rng.Intn(20))
			case op == 2:
				s.Relabel(all[rng.Intn(len(all))].ID, labels[rng.Intn(3)])
			case op == 3:
				s.SetAttribute(all[rng.Intn(len(all))].ID, AttrNote, strings.Repeat("n", rng.Intn(3)))
			case op == 4:
				s.Delete(all[rng.Intn(len(all))].ID)
			case op == 5:
				s.Undo()
			default:
				s.Redo()
			}
			kept.follow(t, s)
		}
		if got, want := len(kept), len(s.History()); got != want {
			t.Fatalf("seed %d: the store keeps %d steps, the Set has %d", seed, got, want)
		}
		r := reopen(t, s, kept)
		if r.UndoLabel() != s.UndoLabel() || r.RedoLabel() != s.RedoLabel() {
			t.Fatalf("seed %d: labels differ: %q/%q against %q/%q", seed, r.UndoLabel(), r.RedoLabel(), s.UndoLabel(), s.RedoLabel())
		}
		// Redo everything, then undo everything, comparing at each step.
		for s.CanRedo() {
			if !r.Redo() || !s.Redo() || !sameAll(r.All(), s.All()) {
				t.Fatalf("seed %d: a redo differs after the history was restored", seed)
			}
		}
		if r.CanRedo() {
			t.Fatalf("seed %d: the restored Set has more to redo", seed)
		}
		steps := 0
		for s.CanUndo() {
			if !r.Undo() || !s.Undo() || !sameAll(r.All(), s.All()) {
				t.Fatalf("seed %d: undo %d differs after the history was restored", seed, steps+1)
			}
			steps++
		}
		if r.CanUndo() {
			t.Fatalf("seed %d: the restored Set has more to undo", seed)
		}
		// New steps after a restore number after the old ones.
		if a, err := r.Add("claim", 0, 3); err == nil {
			r.TakeTouchedSteps()
			if st := r.History(); st[len(st)-1].Seq <= len(kept) && len(kept) > 0 && st[len(st)-1].Seq <= maxSeq(kept) {
				t.Fatalf("seed %d: a new step %d reuses a number (%s)", seed, st[len(st)-1].Seq, a.ID)
			}
		}
	}
}

func maxSeq(f followHistory) int {
	m := 0
	for seq := range f {
		m = max(m, seq)
	}
	return m
}

// TestHistoryRestoreRefusesAMismatch: a history that does not lead to the
// annotations is refused whole, and the annotations stay as they are.
func TestHistoryRestoreRefusesAMismatch(t *testing.T) {
	s := newTestSet(setText)
	a := mustAdd(t, s, "claim", 0, 3)
	s.Relabel(a.ID, "quote")
	kept := followHistory{}
	kept.follow(t, s)

	other := newTestSet(setText)
	b := mustAdd(t, other, "pledge", 4, 9) // not what the history leads to
	other.ClearHistory()
	if err := other.RestoreHistory(kept.steps()); !errors.Is(err, ErrHistory) {
		t.Fatalf("got %v, want ErrHistory", err)
	}
	if other.CanUndo() || other.CanRedo() || other.Len() != 1 {
		t.Fatalf("a refused history changed the Set: undo %v, redo %v, %d annotations", other.CanUndo(), other.CanRedo(), other.Len())
	}
	if got, _ := other.Get(b.ID); !got.Equal(b) {
		t.Fatal("a refused history changed an annotation")
	}
}

// TestTouchedStepsCostTheChange: one change on a long history touches one
// or two steps, not the history.
func TestTouchedStepsCostTheChange(t *testing.T) {
	s := newTestSet(strings.Repeat("word ", 3000))
	for i := 0; i < 900; i++ {
		mustAdd(t, s, "claim", i*5, i*5+4)
	}
	s.TakeTouchedSteps()
	s.Undo()
	if got := s.TakeTouchedSteps(); len(got) != 1 {
		t.Fatalf("an undo touched %d steps, want 1", len(got))
	}
	mustAdd(t, s, "quote", 1, 3) // forgets the redo step, pushes one
	if got := s.TakeTouchedSteps(); len(got) != 2 {
		t.Fatalf("a change after an undo touched %d steps, want 2", len(got))
	}
	for i := 0; i < 200; i++ { // past UndoLimit: the oldest is dropped
		mustAdd(t, s, "pledge", i*5, i*5+2)
	}
	s.TakeTouchedSteps()
	mustAdd(t, s, "pledge", 2000*5, 2000*5+2)
	got := s.TakeTouchedSteps()
	if len(got) != 2 {
		t.Fatalf("a change at the limit touched %d steps, want 2 (the new one and the dropped one)", len(got))
	}
	if _, ok := s.HistoryStep(got[0]); ok {
		t.Fatal("the dropped step is still in the history")
	}
}
