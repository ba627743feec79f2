package annotate

// This file reads a Set as a list shows it: all its annotations, or one
// label's, in the Set's order. How long the list is, a stretch of it,
// where an annotation is in it and which one comes next are each found
// with a binary search over the order the Set keeps with every change
// (items, and byLabel for each label), never with a pass over the list:
// a sidebar asks after every change, on articles of 2,000 annotations.

import "sort"

// list returns the annotations of label in the set's order, or all of
// them for "".
func (s *Set) list(label string) []*Annotation {
	if label == "" {
		return s.items
	}
	return s.byLabel[label]
}

// ListLen returns how many annotations the list of label holds: all the
// set's for "".
func (s *Set) ListLen(label string) int { return len(s.list(label)) }

// ListRange returns the annotations at places from to to (excluded) of
// the list of label, as Snapshot does: their Attributes maps are the
// set's, which the caller must not change. The places are clipped to the
// list.
func (s *Set) ListRange(label string, from, to int) []Annotation {
	l := s.list(label)
	from, to = max(0, min(from, len(l))), max(0, min(to, len(l)))
	out := make([]Annotation, 0, max(0, to-from))
	for _, a := range l[from:max(from, to)] {
		out = append(out, *a)
	}
	return out
}

// ListIndex returns the place of the annotation with the given id in the
// list of label, or -1 when the list does not hold it.
func (s *Set) ListIndex(label, id string) int {
	a, ok := s.byID[id]
	if !ok || label != "" && a.Label != label {
		return -1
	}
	l := s.list(label)
	i := sort.Search(len(l), func(i int) bool { return !less(l[i], a) })
	if i == len(l) || l[i] != a {
		return -1
	}
	return i
}

// ListNeighbour returns the id of the annotation dir places from the one
// with the given id in the list of label, or "" when there is none. An
// annotation of the set that the list does not hold (another label's) has
// as neighbours the annotations of label nearest to it in the set's order,
// after it for a positive dir and before it for a negative one.
func (s *Set) ListNeighbour(label, id string, dir int) string {
	l := s.list(label)
	if i := s.ListIndex(label, id); i >= 0 {
		if j := i + dir; j >= 0 && j < len(l) {
			return l[j].ID
		}
		return ""
	}
	a, ok := s.byID[id]
	if !ok || label == "" || dir == 0 {
		return ""
	}
	// Where a would stand among them: those from i on come after it.
	i := sort.Search(len(l), func(i int) bool { return less(a, l[i]) })
	switch {
	case dir > 0 && i < len(l):
		return l[i].ID
	case dir < 0 && i > 0:
		return l[i-1].ID
	}
	return ""
}
