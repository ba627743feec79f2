package agree

// This file counts the spans two annotators share, the reference i and
// the other j: exactly (same label, start and end) and by overlap (same
// label, at least one shared code point, one to one), and turns the
// counts into precision, recall and F1.
//
// Overlapping spans are paired by a maximum matching: as many pairs as
// can be made, so that a figure never depends on the order in which the
// spans were looked at. The matching starts greedily, taking each of i's
// spans in order of position and pairing it with the free span of j that
// shares the most code points with it (ties go to the one whose ends are
// nearer, then to the earlier one); then Kuhn's augmenting paths re-pair
// spans only where that lets one more pair be made. The result depends
// on nothing but the spans, so it is the same every time.

import (
	"cmp"
	"slices"
)

// Scores are the figures of one pair of annotators for one label, or for
// all labels together (the counts summed: micro-averaging).
type Scores struct {
	// Matched counts the pairs of spans matched.
	Matched int `json:"matched"`
	// Reference and Other count the spans of the reference, i, and of the
	// other annotator, j.
	Reference int `json:"reference"`
	Other     int `json:"other"`
	// Precision is Matched / Other, Recall Matched / Reference, F1 their
	// harmonic mean: null when a denominator is 0 (F1 when either is).
	Precision Figure `json:"precision"`
	Recall    Figure `json:"recall"`
	F1        Figure `json:"f1"`
}

// newScores computes the figures of the counts.
func newScores(matched, reference, other int) Scores {
	s := Scores{Matched: matched, Reference: reference, Other: other,
		Precision: ratio(matched, other), Recall: ratio(matched, reference)}
	if s.Precision.Valid && s.Recall.Valid {
		if p, r := s.Precision.Value, s.Recall.Value; p+r > 0 {
			s.F1 = Of(2 * p * r / (p + r))
		} else {
			s.F1 = Of(0)
		}
	}
	return s
}

// add sums the counts of two Scores, for micro-averaging; the figures
// are left to newScores.
func (s Scores) add(t Scores) Scores {
	return Scores{Matched: s.Matched + t.Matched, Reference: s.Reference + t.Reference, Other: s.Other + t.Other}
}

// byLabel splits spans, sorted by start, end and label, into one list per
// label, each sorted by start and end.
func byLabel(spans []span, labels int) [][]span {
	counts := make([]int, labels)
	for _, sp := range spans {
		counts[sp.label]++
	}
	// One array for all the lists, each list a window of it.
	backing := make([]span, len(spans))
	out := make([][]span, labels)
	at := 0
	for k, c := range counts {
		out[k] = backing[at : at : at+c]
		at += c
	}
	for _, sp := range spans {
		out[sp.label] = append(out[sp.label], sp)
	}
	return out
}

// exactMatches returns the pairs (index in a, index in b) of spans with
// the same start and end; a and b are of one label, sorted, with no two
// the same.
func exactMatches(a, b []span) [][2]int {
	out := make([][2]int, 0, min(len(a), len(b)))
	for x, y := 0, 0; x < len(a) && y < len(b); {
		switch c := cmp.Or(cmp.Compare(a[x].start, b[y].start), cmp.Compare(a[x].end, b[y].end)); {
		case c < 0:
			x++
		case c > 0:
			y++
		default:
			out = append(out, [2]int{x, y})
			x++
			y++
		}
	}
	return out
}

// shared returns how many code points two spans share.
func shared(a, b span) int { return max(0, min(a.end, b.end)-max(a.start, b.start)) }

// overlapMatches returns a maximum matching of the spans of a with those
// of b that share at least one code point with them, as pairs (index in
// a, index in b) sorted by the index in a; a and b are of one label and
// sorted by start. See the file's comment for the tie-breaks.
func overlapMatches(a, b []span) [][2]int {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	// adj[x] lists the spans of b that overlap a[x], best first; the
	// lists are windows of one array.
	adj := make([][]int, len(a))
	flat := make([]int, 0, len(a)+len(b))
	for x, s := range a {
		from := len(flat)
		// b is sorted by start: only those that start before s ends can
		// overlap it.
		upper, _ := slices.BinarySearchFunc(b, s.end, func(t span, end int) int { return cmp.Compare(t.start, end) })
		for y := range upper {
			if b[y].end > s.start {
				flat = append(flat, y)
			}
		}
		adj[x] = flat[from:len(flat):len(flat)]
		slices.SortStableFunc(adj[x], func(y1, y2 int) int {
			d1 := abs(b[y1].start-s.start) + abs(b[y1].end-s.end)
			d2 := abs(b[y2].start-s.start) + abs(b[y2].end-s.end)
			return cmp.Or(cmp.Compare(shared(s, b[y2]), shared(s, b[y1])), cmp.Compare(d1, d2), cmp.Compare(y1, y2))
		})
	}
	mateA := make([]int, len(a)) // the index in b paired with a[x], or -1
	mateB := make([]int, len(b))
	for i := range mateA {
		mateA[i] = -1
	}
	for i := range mateB {
		mateB[i] = -1
	}
	// Greedily, in order of position.
	for x := range a {
		for _, y := range adj[x] {
			if mateB[y] < 0 {
				mateA[x], mateB[y] = y, x
				break
			}
		}
	}
	// Then augmenting paths from every span of a still unpaired.
	seen := make([]int, len(b)) // the round in which b[y] was last visited, plus 1
	var augment func(x, round int) bool
	augment = func(x, round int) bool {
		for _, y := range adj[x] {
			if seen[y] == round {
				continue
			}
			seen[y] = round
			if mateB[y] < 0 || augment(mateB[y], round) {
				mateA[x], mateB[y] = y, x
				return true
			}
		}
		return false
	}
	for x := range a {
		if mateA[x] < 0 && len(adj[x]) > 0 {
			augment(x, x+1)
		}
	}
	out := make([][2]int, 0, min(len(a), len(b)))
	for x, y := range mateA {
		if y >= 0 {
			out = append(out, [2]int{x, y})
		}
	}
	return out
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
