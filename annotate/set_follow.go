package annotate

// This file keeps one rule: a Set can follow another Set's changes as a
// store holds them (the annotations a change put and the ids it
// deleted), at the cost of the change, not of the Set. A tab that shows a
// document read-only while another tab edits it applies each change so,
// and its painter repaints only what the change touched (ChangedSince).

import "fmt"

// Follow makes the Set hold each annotation of put, in place of the one
// of its id when there is one, and no annotation of the ids in gone (an id
// it does not hold is skipped): what a store holds after a change made in
// another Set. It is not a step of this Set's history (this Set did not
// make it, and undoes nothing of it), but it is a change as
// ChangedSince and TakeTouched see it. An annotation this Set cannot hold
// (a label outside its schema, a span off its text, an id twice) is
// refused with ErrHistory, and nothing is changed: the Set is then not
// the one the change was made from, and the caller must read it whole.
func (s *Set) Follow(put []Annotation, gone []string) error {
	changes := make([]change, 0, len(put)+len(gone))
	seen := make(map[string]bool, len(put)+len(gone))
	for _, a := range put {
		if a.ID == "" || seen[a.ID] {
			return fmt.Errorf("annotation %q given twice, or without an id: %w", a.ID, ErrHistory)
		}
		seen[a.ID] = true
		if err := s.fits(a); err != nil {
			return fmt.Errorf("%v: %w", err, ErrHistory)
		}
		b := a.Clone()
		if b.Attributes == nil {
			b.Attributes = map[string]string{}
		}
		changes = append(changes, change{before: s.byID[a.ID], after: &b})
	}
	for _, id := range gone {
		if old, ok := s.byID[id]; ok && !seen[id] {
			seen[id] = true
			changes = append(changes, change{before: old})
		}
	}
	if len(changes) == 0 {
		return nil
	}
	s.apply(changes, false)
	s.version++
	return nil
}
