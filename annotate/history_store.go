package annotate

// This file keeps a Set's undo history outside the Set, so that undo still
// works after the page is reloaded, under one rule: a step is kept and
// restored as values, and restoring checks every value against what the
// Set holds, so that a history that does not lead to the annotations as
// they are is refused whole rather than undone into nonsense.
//
// A store follows the history the way it follows the annotations: each
// change pushes, moves or forgets a step or two, TakeTouchedSteps says
// which, and HistoryStep returns each as it now is. Writing the history
// after a change so costs the change, not the history.

import (
	"errors"
	"fmt"
	"sort"
)

// Step is one undoable change of a Set, as values: what it did to each
// annotation it touched.
type Step struct {
	// Seq numbers the steps of a Set: a later step has a larger number.
	Seq   int    `json:"seq"`
	Label string `json:"label"`
	// Redo is set on a step that was undone and can be done again.
	Redo    bool         `json:"redo,omitempty"`
	Changes []StepChange `json:"changes"`
}

// StepChange is what a step did to one annotation: Before is nil when the
// step added it, After is nil when the step deleted it. Orphan is set when
// the step placed an orphan (After) or dropped one (Before and After nil):
// it is the orphan as it was, which undoing the step gives back
// (UndoWithOrphans), after a reload too, at OrphanAt, its place in the
// orphans then (where SortOrphans puts it when a step stored without
// it says none).
type StepChange struct {
	Before   *Annotation `json:"before,omitempty"`
	After    *Annotation `json:"after,omitempty"`
	Orphan   *Annotation `json:"orphan,omitempty"`
	OrphanAt *int        `json:"orphanAt,omitempty"`
}

// ErrHistory is the error of a history that does not lead to the Set's
// annotations as they are.
var ErrHistory = errors.New("the undo history does not match the annotations")

// TakeTouchedSteps returns the numbers of the history's steps that were
// added, undone, redone or forgotten since it last ran, and forgets them.
// For each, HistoryStep says whether the step is still there and as what.
func (s *Set) TakeTouchedSteps() []int {
	seqs := make([]int, 0, len(s.hist.touched))
	for seq := range s.hist.touched {
		seqs = append(seqs, seq)
	}
	clear(s.hist.touched)
	sort.Ints(seqs)
	return seqs
}

// HistoryStep returns step seq of the history, with Redo set when it can be
// redone rather than undone, or false when the history no longer has it.
func (s *Set) HistoryStep(seq int) (Step, bool) {
	// The undo steps are in growing order of seq, the redo steps in
	// falling order: each is found by a binary search.
	u := s.hist.undo
	if i := sort.Search(len(u), func(i int) bool { return u[i].seq >= seq }); i < len(u) && u[i].seq == seq {
		return exportStep(u[i], false), true
	}
	r := s.hist.redo
	if i := sort.Search(len(r), func(i int) bool { return r[i].seq <= seq }); i < len(r) && r[i].seq == seq {
		return exportStep(r[i], true), true
	}
	return Step{}, false
}

// History returns every step of the history: those that can be undone,
// oldest first, then those that can be redone, most recently undone last.
func (s *Set) History() []Step {
	out := make([]Step, 0, len(s.hist.undo)+len(s.hist.redo))
	for _, st := range s.hist.undo {
		out = append(out, exportStep(st, false))
	}
	for _, st := range s.hist.redo {
		out = append(out, exportStep(st, true))
	}
	return out
}

func exportStep(st step, redo bool) Step {
	out := Step{Seq: st.seq, Label: st.label, Redo: redo, Changes: make([]StepChange, len(st.changes))}
	for i, c := range st.changes {
		if c.before != nil {
			b := c.before.Clone()
			out.Changes[i].Before = &b
		}
		if c.after != nil {
			a := c.after.Clone()
			out.Changes[i].After = &a
		}
		if c.orphan != nil {
			o := c.orphan.Clone()
			out.Changes[i].Orphan = &o
			if c.orphanAt >= 0 {
				at := c.orphanAt
				out.Changes[i].OrphanAt = &at
			}
		}
	}
	return out
}

// RestoreHistory replaces the Set's history with steps, in any order: the
// undo steps (Redo unset) must lead, in order of Seq, to the annotations
// the Set holds, and the redo steps must start from them. If they do not,
// the history is left empty and the error wraps ErrHistory; the
// annotations are never changed. Steps beyond UndoLimit are dropped,
// oldest first.
func (s *Set) RestoreHistory(steps []Step) error {
	var undo, redo []Step
	for _, st := range steps {
		if st.Redo {
			redo = append(redo, st)
		} else {
			undo = append(undo, st)
		}
	}
	sort.Slice(undo, func(i, j int) bool { return undo[i].Seq < undo[j].Seq })
	sort.Slice(redo, func(i, j int) bool { return redo[i].Seq > redo[j].Seq })
	for i := 1; i < len(undo); i++ {
		if undo[i].Seq == undo[i-1].Seq {
			return fmt.Errorf("two steps numbered %d: %w", undo[i].Seq, ErrHistory)
		}
	}
	// Walk back from the annotations as they are through the undo steps,
	// newest first, and forward through the redo steps, most recently
	// undone first, giving each value the very pointer the Set would have
	// shared: a step's after is the annotation the Set holds then.
	rebuild := func(list []Step, backwards bool) ([]step, error) {
		current := make(map[string]*Annotation, len(s.byID))
		for id, a := range s.byID {
			current[id] = a
		}
		out := make([]step, len(list))
		// Both stacks are walked from their top, the last step: the
		// newest undo step, the most recently undone redo step.
		for k := len(list) - 1; k >= 0; k-- {
			st := list[k]
			if st.Seq <= 0 || len(st.Changes) == 0 {
				return nil, fmt.Errorf("step %d is empty or unnumbered: %w", st.Seq, ErrHistory)
			}
			changes := make([]change, len(st.Changes))
			for i, c := range st.Changes {
				if c.Before == nil && c.After == nil && c.Orphan != nil {
					// A dropped orphan (DropOrphan): nothing on the text.
					o := asOrphan(*c.Orphan)
					changes[i] = change{orphan: &o, orphanAt: orphanAt(c)}
					continue
				}
				// The side the Set holds now, and the side the step
				// leads to when walked.
				have, will := c.After, c.Before
				if !backwards {
					have, will = c.Before, c.After
				}
				var id string
				switch {
				case have != nil:
					id = have.ID
				case will != nil:
					id = will.ID
				default:
					return nil, fmt.Errorf("step %d changes nothing: %w", st.Seq, ErrHistory)
				}
				if have != nil && will != nil && have.ID != will.ID {
					return nil, fmt.Errorf("step %d turns one annotation into another: %w", st.Seq, ErrHistory)
				}
				var orphan *Annotation
				at := -1
				if c.Orphan != nil {
					// Only an annotation added can have been an orphan,
					// and only this one.
					if c.Before != nil || c.After == nil || c.Orphan.ID != c.After.ID {
						return nil, fmt.Errorf("step %d places an orphan that is not the annotation it adds: %w", st.Seq, ErrHistory)
					}
					o := asOrphan(*c.Orphan)
					orphan, at = &o, orphanAt(c)
				}
				cur := current[id]
				switch {
				case have == nil && cur != nil, have != nil && (cur == nil || !cur.Equal(*have)):
					return nil, fmt.Errorf("step %d (%s) does not match annotation %s: %w", st.Seq, st.Label, id, ErrHistory)
				}
				var next *Annotation
				if will != nil {
					if err := s.fits(*will); err != nil {
						return nil, fmt.Errorf("step %d: %v: %w", st.Seq, err, ErrHistory)
					}
					v := will.Clone()
					next = &v
				}
				if backwards {
					changes[i] = change{before: next, after: cur, orphan: orphan, orphanAt: at}
				} else {
					changes[i] = change{before: cur, after: next, orphan: orphan, orphanAt: at}
				}
				if next != nil {
					current[id] = next
				} else {
					delete(current, id)
				}
			}
			out[k] = step{seq: st.Seq, label: st.Label, changes: changes}
		}
		return out, nil
	}
	u, err := rebuild(undo, true)
	if err == nil {
		var r []step
		if r, err = rebuild(redo, false); err == nil {
			if len(u)+len(r) > s.hist.limit {
				drop := min(len(u), len(u)+len(r)-s.hist.limit)
				u = u[drop:]
			}
			s.hist.undo, s.hist.redo = u, r
			clear(s.hist.touched)
			for _, st := range undo[:len(undo)-len(u)] {
				s.hist.touch(st.Seq) // dropped: the store forgets it too
			}
			s.hist.next = 0
			for _, st := range steps {
				s.hist.next = max(s.hist.next, st.Seq)
			}
			s.version++
			return nil
		}
	}
	s.hist.undo, s.hist.redo = nil, nil
	clear(s.hist.touched)
	s.version++
	return err
}

// orphanAt returns the place in the orphans that a stored change of an
// orphan gives it back to, or -1 when it says none.
func orphanAt(c StepChange) int {
	if c.OrphanAt == nil || *c.OrphanAt < 0 {
		return -1
	}
	return *c.OrphanAt
}

// fits reports why a is not an annotation this Set could hold: a label
// outside the schema, or an exact text that is not its span.
func (s *Set) fits(a Annotation) error {
	if _, ok := s.labels[a.Label]; !ok {
		return fmt.Errorf("label %q is not in the schema", a.Label)
	}
	if a.Start < 0 || a.End > s.text.Len() || a.Start >= a.End {
		return fmt.Errorf("annotation %s is outside the text", a.ID)
	}
	if s.text.Slice(a.Start, a.End) != a.Exact {
		return fmt.Errorf("annotation %s does not match the text", a.ID)
	}
	return nil
}
