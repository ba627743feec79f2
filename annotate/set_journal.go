package annotate

// This file lets a painter redraw only what changed: a Set remembers which
// annotations each of its recent versions touched (ChangedSince), and
// finds where its annotations overlap in one pass over its order
// (Set.Overlaps), without copying them. On an article with 2,000
// annotations, a tag then costs the page one range, not 2,000.

// journalLimit is how many touched ids a Set keeps for ChangedSince; a
// painter further behind than that draws everything again.
const journalLimit = 4096

// journalEntry says that the change from version to version+1 touched
// annotation id.
type journalEntry struct {
	version int
	id      string
}

// record notes that the change now being made touches id.
func (s *Set) record(id string) {
	s.journal = append(s.journal, journalEntry{s.version, id})
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
	if v < s.journalFrom || v > s.version {
		return nil, false
	}
	// The entries are in version order: skip those before v.
	lo, hi := 0, len(s.journal)
	for lo < hi {
		mid := (lo + hi) / 2
		if s.journal[mid].version < v {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	seen := make(map[string]bool, len(s.journal)-lo)
	for _, e := range s.journal[lo:] {
		if !seen[e.id] {
			seen[e.id] = true
			ids = append(ids, e.id)
		}
	}
	return ids, true
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
