package annotate

// This file is a Set's undo history.
//
// The annotations a Set holds are never changed in place: every change
// replaces an annotation with a new value. A step of the history can so
// keep the very values that were replaced and that replaced them, and
// undoing or redoing a step puts back exactly what was there, down to the
// Modified time. The orphans that a document keeps beside its Set are
// part of what was there: undoing the placement of one gives it back to
// them (UndoWithOrphans).

import "slices"

// UndoLimit is how many changes a Set remembers for undo. When a change
// would make more, the oldest is forgotten.
const UndoLimit = 1000

// change is what one step did to one annotation: before is nil when the
// step added it and after is nil when the step deleted it. Both are shared
// with the Set and must not be modified.
//
// orphan is set when the step placed an orphan (PlaceOrphan) or dropped
// one (DropOrphan; before and after are then nil, the text unchanged): it
// is the orphan as it was before, which undoing the step gives back to the
// orphans kept beside the Set and redoing takes from them again, so that
// an undone placement never leaves the annotation in neither, and a drop
// is undone as any change is. orphanAt is where it was in those orphans,
// where the undo puts it back (the annotator finds it where they left it,
// not at the end of a long list); it is -1 when that is not known (a step
// stored before it was kept), and the orphan then comes back at its place
// in the order SortOrphans keeps.
type change struct {
	before, after *Annotation
	orphan        *Annotation
	orphanAt      int
}

// step is one undoable change to a Set, which may touch many annotations.
type step struct {
	seq     int    // the step's number, unique in the Set, growing
	label   string // what the step did, in words: "add quote"
	changes []change
}

// history holds the steps that can be undone, oldest first, and those that
// can be redone, most recently undone last.
type history struct {
	undo, redo []step
	limit      int
	// next is the number the next new step gets; touched holds the numbers
	// of the steps pushed, moved between undo and redo, or forgotten since
	// TakeTouchedSteps last ran (see history_store.go).
	next    int
	touched map[int]struct{}
}

// touch records that step seq was pushed, moved or forgotten.
func (h *history) touch(seq int) {
	if h.touched == nil {
		h.touched = map[int]struct{}{}
	}
	h.touched[seq] = struct{}{}
}

// push remembers st as the newest step that can be undone and forgets
// everything that could be redone, since it was undone from another state.
func (h *history) push(st step) {
	for _, r := range h.redo {
		h.touch(r.seq)
	}
	clear(h.redo)
	h.redo = h.redo[:0]
	if len(h.undo) >= h.limit {
		// Drop the oldest steps.
		drop := len(h.undo) - h.limit + 1
		for _, d := range h.undo[:drop] {
			h.touch(d.seq)
		}
		// Slide the window rather than copy the steps down: append moves
		// them to a new array only when this one is full, so a change
		// costs one step's move on average, not the limit's. The slots
		// left behind are cleared, to hold no annotation.
		clear(h.undo[:drop])
		h.undo = h.undo[drop:]
	}
	h.next++
	st.seq = h.next
	h.touch(st.seq)
	h.undo = append(h.undo, st)
}

// do applies a new change of the Set, remembers it for undo and forgets the
// redo history.
func (s *Set) do(label string, changes ...change) {
	s.apply(changes, false)
	s.hist.push(step{label: label, changes: changes})
	s.version++
}

// ClearHistory forgets every change that could be undone or redone: what
// the Set holds becomes its starting point, as after an import.
func (s *Set) ClearHistory() {
	for _, st := range s.hist.undo {
		s.hist.touch(st.seq)
	}
	for _, st := range s.hist.redo {
		s.hist.touch(st.seq)
	}
	s.hist.undo, s.hist.redo = nil, nil
	s.version++
}

// Undo undoes the most recent change that has not been undone: an add,
// insert, relabel, attribute change, resize, delete or the placement of an
// orphan. It reports whether there was one.
//
// Undoing the placement of an orphan takes the annotation off the text:
// where the document keeps orphans beside the Set, undo with
// UndoWithOrphans, which gives the orphan back to them.
func (s *Set) Undo() bool {
	_, ok := s.undo()
	return ok
}

// Redo does again the change that was undone last, as long as no other
// change has been made since. It reports whether there was one. Where the
// document keeps orphans beside the Set, redo with RedoWithOrphans.
func (s *Set) Redo() bool {
	_, ok := s.redo()
	return ok
}

// UndoWithOrphans undoes as Undo does, for a Set whose document keeps
// orphans beside it (the annotations that could not be placed), and
// returns the orphans as the undo leaves them: undoing the placement (or
// the drop) of an orphan gives the orphan back, as it was before, at the
// place in the list it was taken from. orphans itself is not modified. It
// reports whether there was a change to undo.
func (s *Set) UndoWithOrphans(orphans []Annotation) ([]Annotation, bool) {
	st, ok := s.undo()
	if !ok {
		return orphans, false
	}
	for _, c := range st.changes {
		if c.orphan != nil && !slices.ContainsFunc(orphans, func(o Annotation) bool { return o.ID == c.orphan.ID }) {
			at := min(c.orphanAt, len(orphans))
			if c.orphanAt < 0 {
				at, _ = slices.BinarySearchFunc(orphans, *c.orphan, compareOrphans)
			}
			orphans = slices.Insert(slices.Clip(orphans), at, c.orphan.Clone())
		}
	}
	return orphans, true
}

// RedoWithOrphans redoes as Redo does, for a Set whose document keeps
// orphans beside it, and returns the orphans as the redo leaves them:
// redoing the placement of an orphan takes it from them again. orphans
// itself is not modified. It reports whether there was a change to redo.
func (s *Set) RedoWithOrphans(orphans []Annotation) ([]Annotation, bool) {
	st, ok := s.redo()
	if !ok {
		return orphans, false
	}
	for _, c := range st.changes {
		if c.orphan != nil {
			id := c.orphan.ID
			orphans = slices.DeleteFunc(slices.Clone(orphans), func(o Annotation) bool { return o.ID == id })
		}
	}
	return orphans, true
}

// undo undoes the newest step and returns it.
func (s *Set) undo() (step, bool) {
	n := len(s.hist.undo)
	if n == 0 {
		return step{}, false
	}
	st := s.hist.undo[n-1]
	s.hist.undo[n-1] = step{}
	s.hist.undo = s.hist.undo[:n-1]
	s.apply(st.changes, true)
	s.hist.touch(st.seq)
	s.hist.redo = append(s.hist.redo, st)
	s.version++
	return st, true
}

// redo does again the step undone last and returns it.
func (s *Set) redo() (step, bool) {
	n := len(s.hist.redo)
	if n == 0 {
		return step{}, false
	}
	st := s.hist.redo[n-1]
	s.hist.redo[n-1] = step{}
	s.hist.redo = s.hist.redo[:n-1]
	s.apply(st.changes, false)
	s.hist.touch(st.seq)
	s.hist.undo = append(s.hist.undo, st)
	s.version++
	return st, true
}

// CanUndo reports whether there is a change to undo.
func (s *Set) CanUndo() bool { return len(s.hist.undo) > 0 }

// CanRedo reports whether there is an undone change to redo.
func (s *Set) CanRedo() bool { return len(s.hist.redo) > 0 }

// UndoLabel describes the change that Undo would undo, such as "add quote"
// or "delete 2 annotations", for a menu or a tooltip. It is "" when there is
// nothing to undo.
func (s *Set) UndoLabel() string {
	if n := len(s.hist.undo); n > 0 {
		return s.hist.undo[n-1].label
	}
	return ""
}

// RedoLabel describes the change that Redo would do again, in the words of
// UndoLabel. It is "" when there is nothing to redo.
func (s *Set) RedoLabel() string {
	if n := len(s.hist.redo); n > 0 {
		return s.hist.redo[n-1].label
	}
	return ""
}
