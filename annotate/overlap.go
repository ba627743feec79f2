package annotate

import "sort"

// Span is a stretch of the canonical text, in code points, start inclusive
// and end exclusive.
type Span struct {
	Start, End int
}

// Overlaps returns the stretches of text that two or more of the
// annotations cover, merged and in order: where spans overlap or nest, so
// that a reader can be shown that more than one annotation is there.
func Overlaps(annotations []Annotation) []Span {
	type edge struct {
		at, delta int
	}
	edges := make([]edge, 0, 2*len(annotations))
	for _, a := range annotations {
		if a.End > a.Start {
			edges = append(edges, edge{a.Start, +1}, edge{a.End, -1})
		}
	}
	// Ends sort before starts at the same offset: spans that only touch do
	// not overlap.
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].at != edges[j].at {
			return edges[i].at < edges[j].at
		}
		return edges[i].delta < edges[j].delta
	})
	var out []Span
	depth, from := 0, 0
	for _, e := range edges {
		before := depth
		depth += e.delta
		switch {
		case before < 2 && depth >= 2:
			from = e.at
		case before >= 2 && depth < 2 && e.at > from:
			if n := len(out); n > 0 && out[n-1].End == from {
				out[n-1].End = e.at
			} else {
				out = append(out, Span{from, e.at})
			}
		}
	}
	return out
}

// SpanChanges returns the spans of old that are not in new (gone) and
// those of new that are not in old (added). Both lists must be in order of
// start, then end, without repeats, as Overlaps returns them: one pass over
// each, so that what changed after an edit is found without redrawing the
// whole.
func SpanChanges(old, new []Span) (gone, added []Span) {
	i, j := 0, 0
	for i < len(old) && j < len(new) {
		a, b := old[i], new[j]
		switch {
		case a == b:
			i++
			j++
		case a.Start < b.Start || a.Start == b.Start && a.End < b.End:
			gone = append(gone, a)
			i++
		default:
			added = append(added, b)
			j++
		}
	}
	gone = append(gone, old[i:]...)
	added = append(added, new[j:]...)
	return gone, added
}
