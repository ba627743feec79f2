package annotate

// This file lets a painter redraw only what changed: a Set remembers which
// annotations each of its recent versions touched, and where they were
// (ChangedSince), finds where its annotations overlap in one pass over its
// order (Set.Overlaps), without copying them, and, after a change, finds
// the overlaps again only around the spans it touched (OverlapsSince). On
// an article with 2,000 annotations, a tag then costs the page one range,
// not 2,000, and the painter a few binary searches, not a pass over them.

import (
	"cmp"
	"slices"
	"sort"
)

// journalLimit is how many touched ids a Set keeps for ChangedSince; a
// painter further behind than that draws everything again.
const journalLimit = 4096

// journalEntry says that the change from version to version+1 touched
// annotation id, whose span was or became span.
type journalEntry struct {
	version int
	id      string
	span    Span
}

// record notes that the change now being made touches a, as it was before
// or as it is after.
func (s *Set) record(a *Annotation) {
	s.journal = append(s.journal, journalEntry{s.version, a.ID, Span{a.Start, a.End}})
	if len(s.journal) <= 2*journalLimit {
		return
	}
	// Forget the older half, whole versions at a time.
	cut := len(s.journal) - journalLimit
	from := s.journal[cut].version + 1
	for cut < len(s.journal) && s.journal[cut].version < from {
		cut++
	}
	s.journal = append(s.journal[:0], s.journal[cut:]...)
	s.journalFrom = from
}

// ChangedSince returns the ids of the annotations added, replaced or taken
// out (by changes, undos and redos) since the set's Version was v, each
// once, in no particular order. ok is false when the set no longer knows
// (v is too old, or not one of its versions): the caller must then look at
// every annotation. Its cost grows with the changes since v, not with the
// set.
func (s *Set) ChangedSince(v int) (ids []string, ok bool) {
	entries, ok := s.since(v)
	if !ok {
		return nil, false
	}
	seen := make(map[string]bool, len(entries))
	for _, e := range entries {
		if !seen[e.id] {
			seen[e.id] = true
			ids = append(ids, e.id)
		}
	}
	return ids, true
}

// since returns the journal's entries since version v, and false when
// the set no longer knows v.
func (s *Set) since(v int) ([]journalEntry, bool) {
	if v < s.journalFrom || v > s.version {
		return nil, false
	}
	// The entries are in version order: skip those before v.
	lo := sort.Search(len(s.journal), func(i int) bool { return s.journal[i].version >= v })
	return s.journal[lo:], true
}

// OverlapsSince returns the overlaps now, as Overlaps returns them, from
// was, those of the set as of its version v, and the overlaps that ended
// and begun since then, as SpanChanges gives them. Only the stretches
// around the spans that the changes since v touched are looked at again:
// a change makes or unmakes overlaps only where its annotation was or is.
// now is was changed in place (was's array may be reused: the caller
// keeps now, not was). The cost grows with what changed, and with the
// overlaps met there, not with the set. ok is false when the set no longer
// knows v (see ChangedSince): the caller must then call Overlaps.
func (s *Set) OverlapsSince(v int, was []Span) (now, ended, begun []Span, ok bool) {
	entries, ok := s.since(v)
	if !ok {
		return nil, nil, nil, false
	}
	if len(entries) == 0 {
		return was, nil, nil, true
	}
	// The stretches touched, in order, those that overlap or touch merged.
	windows := make([]Span, len(entries))
	for i, e := range entries {
		windows[i] = e.span
	}
	slices.SortFunc(windows, func(x, y Span) int { return cmp.Compare(x.Start, y.Start) })
	merged := windows[:1]
	for _, w := range windows[1:] {
		if last := &merged[len(merged)-1]; w.Start <= last.End {
			last.End = max(last.End, w.End)
		} else {
			merged = append(merged, w)
		}
	}
	// A stretch of overlap [x, y) is found again when it touches a
	// window [lo, hi) (y >= lo and x <= hi): one that does not has the
	// same depth as before on it and on the characters either side of
	// it, so it is as it was. Each window's stretches, old and new, are
	// one run of was and of now; one that touches two windows is the
	// first's.
	type patch struct {
		i, j  int // was[i:j] touch the window
		fresh []Span
	}
	patches := make([]patch, 0, len(merged))
	var old, fresh []Span
	done := 0 // was[:done] is before the windows so far, or theirs
	for _, w := range merged {
		p := patch{i: max(done, sort.Search(len(was), func(i int) bool { return was[i].End >= w.Start }))}
		p.j = max(p.i, sort.Search(len(was), func(i int) bool { return was[i].Start > w.End }))
		for _, sp := range s.overlapsAround(w.Start, w.End) {
			if n := len(fresh); n == 0 || sp.Start > fresh[n-1].Start {
				fresh = append(fresh, sp)
				p.fresh = append(p.fresh, sp)
			}
		}
		old = append(old, was[p.i:p.j]...)
		done = p.j
		patches = append(patches, p)
	}
	ended, begun = SpanChanges(old, fresh)
	// From the last window back, so that the places before stay good.
	now = was
	for k := len(patches) - 1; k >= 0; k-- {
		now = slices.Replace(now, patches[k].i, patches[k].j, patches[k].fresh...)
	}
	return now, ended, begun, true
}

// depth returns how many annotations cover the character at offset p.
func (s *Set) depth(p int) int {
	started := sort.Search(len(s.items), func(i int) bool { return s.items[i].Start > p })
	return started - sort.SearchInts(s.ends, p+1)
}

// overlapsAround returns the stretches of overlap, as Overlaps finds
// them, that touch [lo, hi): those that hold a character of it, or end
// at lo, or start at hi. It walks out from lo and hi edge by edge (an
// annotation's start or end) while two or more annotations cover the
// character there, then through the edges between, in order.
func (s *Set) overlapsAround(lo, hi int) []Span {
	from := lo
	for from > 0 && s.depth(from-1) >= 2 {
		from = s.edgeBefore(from)
	}
	to := hi
	for s.depth(to) >= 2 {
		to = s.edgeAfter(to)
	}
	var out []Span
	d, open := s.depth(from), -1
	if d >= 2 {
		open = from
	}
	i := sort.Search(len(s.items), func(i int) bool { return s.items[i].Start > from })
	iEnd := sort.Search(len(s.items), func(i int) bool { return s.items[i].Start > to })
	j, jEnd := sort.SearchInts(s.ends, from+1), sort.SearchInts(s.ends, to+1)
	for i < iEnd || j < jEnd {
		at := -1
		if i < iEnd {
			at = s.items[i].Start
		}
		if j < jEnd && (at < 0 || s.ends[j] < at) {
			at = s.ends[j]
		}
		for ; i < iEnd && s.items[i].Start == at; i++ {
			d++
		}
		for ; j < jEnd && s.ends[j] == at; j++ {
			d--
		}
		switch {
		case d >= 2 && open < 0:
			open = at
		case d < 2 && open >= 0:
			out = append(out, Span{open, at})
			open = -1
		}
	}
	return out
}

// edgeBefore returns the greatest start or end of an annotation below p,
// or 0: the characters from there to p are covered alike.
func (s *Set) edgeBefore(p int) int {
	e := 0
	if i := sort.Search(len(s.items), func(i int) bool { return s.items[i].Start >= p }); i > 0 {
		e = s.items[i-1].Start
	}
	if i := sort.SearchInts(s.ends, p); i > 0 {
		e = max(e, s.ends[i-1])
	}
	return e
}

// edgeAfter returns the least start or end of an annotation above p; it
// is called where an annotation covers p, so there is one (its end).
func (s *Set) edgeAfter(p int) int {
	e := s.ends[sort.SearchInts(s.ends, p+1)]
	if i := sort.Search(len(s.items), func(i int) bool { return s.items[i].Start > p }); i < len(s.items) {
		e = min(e, s.items[i].Start)
	}
	return e
}

// Overlaps returns what the package's Overlaps returns for the set's
// annotations, in one pass over them in the set's order (by start), with
// a heap of the ends of those open: no copy and no sort of the whole.
func (s *Set) Overlaps() []Span {
	var (
		ends  endHeap
		out   []Span
		from  int
		close = func(at int) { // the depth falls from 2 to 1 at at
			if at <= from {
				return
			}
			if n := len(out); n > 0 && out[n-1].End == from {
				out[n-1].End = at
			} else {
				out = append(out, Span{from, at})
			}
		}
	)
	for _, a := range s.items {
		if a.End <= a.Start {
			continue
		}
		// Ends come before starts at the same offset: spans that only
		// touch do not overlap.
		for len(ends) > 0 && ends[0] <= a.Start {
			at := ends.pop()
			if len(ends) == 1 {
				close(at)
			}
		}
		ends.push(a.End)
		if len(ends) == 2 {
			from = a.Start
		}
	}
	for len(ends) > 0 {
		at := ends.pop()
		if len(ends) == 1 {
			close(at)
		}
	}
	return out
}

// endHeap is a min-heap of offsets (by hand: container/heap would box
// every int it moves).
type endHeap []int

func (h *endHeap) push(x int) {
	*h = append(*h, x)
	a := *h
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if a[p] <= a[i] {
			break
		}
		a[p], a[i] = a[i], a[p]
		i = p
	}
}

func (h *endHeap) pop() int {
	a := *h
	top, last := a[0], len(a)-1
	a[0] = a[last]
	a = a[:last]
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < len(a) && a[l] < a[m] {
			m = l
		}
		if r := l + 1; r < len(a) && a[r] < a[m] {
			m = r
		}
		if m == i {
			break
		}
		a[i], a[m] = a[m], a[i]
		i = m
	}
	*h = a
	return top
}
