package agree

// This file lists where two annotators differ, span by span, for an
// adjudicator to settle side by side. Every pair of annotators (i, j),
// i < j, is compared with i as the reference, in four rounds, each on
// the spans the rounds before left unpaired:
//
//  1. same label, start and end: they agree, unless their attributes
//     differ ("attributes");
//  2. same label, overlapping, by the maximum matching of pairs.go
//     ("boundaries");
//  3. same start and end, different labels ("label");
//  4. what is left of i is "missing" from j, what is left of j is
//     "extra".
//
// Identical spans are paired first, so a span that the other annotator
// has exactly is never listed, even where the overlap figures of pairs.go
// pair it otherwise to make one more pair. A span of one label that
// overlaps a span of another label, with other ends, is listed twice:
// missing and extra.

import (
	"cmp"
	"maps"
	"slices"

	"github.com/newsannotator/annotator/annotate"
)

// Kind says how two annotators differ on a span.
type Kind string

// The kinds of disagreement.
const (
	// Missing: the reference has the span, the other nothing like it.
	Missing Kind = "missing"
	// Extra: the other has the span, the reference nothing like it.
	Extra Kind = "extra"
	// LabelDiffers: both have the span, with different labels.
	LabelDiffers Kind = "label"
	// Boundaries: both have overlapping spans of the label, with
	// different ends.
	Boundaries Kind = "boundaries"
	// AttributesDiffer: both have the span with the label, with
	// different attributes (a quote's speaker, say).
	AttributesDiffer Kind = "attributes"
)

// SpanRef is one annotator's span in a disagreement.
type SpanRef struct {
	Annotator  string            `json:"annotator"`
	ID         string            `json:"id"`
	Label      string            `json:"label"`
	Start      int               `json:"start"`
	End        int               `json:"end"`
	Text       string            `json:"text"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

// Disagreement is one place where two annotators differ.
type Disagreement struct {
	Kind Kind `json:"kind"`
	// Reference and Other name the two annotators.
	Reference string `json:"reference"`
	Other     string `json:"other"`
	// Start and End bound both spans: the first code point either covers,
	// and one past the last.
	Start int `json:"start"`
	End   int `json:"end"`
	// ReferenceSpan is the reference's span, nil when Extra; OtherSpan
	// the other's, nil when Missing.
	ReferenceSpan *SpanRef `json:"referenceSpan"`
	OtherSpan     *SpanRef `json:"otherSpan"`

	pair int // the index of the pair in Report.Pairs, for sorting
}

// disagreements returns the disagreements of raters i and j of s, whose
// spans split by label are bi and bj.
func (s *study) disagreements(i, j, pair int, bi, bj [][]span) []Disagreement {
	ri, rj := &s.raters[i], &s.raters[j]
	var out []Disagreement
	add := func(kind Kind, a, b *span) {
		d := Disagreement{Kind: kind, Reference: ri.name, Other: rj.name, pair: pair}
		switch {
		case a != nil && b != nil:
			d.Start, d.End = min(a.start, b.start), max(a.end, b.end)
		case a != nil:
			d.Start, d.End = a.start, a.end
		default:
			d.Start, d.End = b.start, b.end
		}
		if a != nil {
			d.ReferenceSpan = s.ref(ri, *a)
		}
		if b != nil {
			d.OtherSpan = s.ref(rj, *b)
		}
		out = append(out, d)
	}
	var restI, restJ []span
	for k := range s.labels {
		a, b := bi[k], bj[k]
		usedA, usedB := make([]bool, len(a)), make([]bool, len(b))
		for _, m := range exactMatches(a, b) {
			usedA[m[0]], usedB[m[1]] = true, true
			if !sameAttributes(ri.ann(a[m[0]]).Attributes, rj.ann(b[m[1]]).Attributes) {
				add(AttributesDiffer, &a[m[0]], &b[m[1]])
			}
		}
		leftA, leftB := unused(a, usedA), unused(b, usedB)
		usedA, usedB = make([]bool, len(leftA)), make([]bool, len(leftB))
		for _, m := range overlapMatches(leftA, leftB) {
			usedA[m[0]], usedB[m[1]] = true, true
			add(Boundaries, &leftA[m[0]], &leftB[m[1]])
		}
		restI = append(restI, unused(leftA, usedA)...)
		restJ = append(restJ, unused(leftB, usedB)...)
	}
	slices.SortFunc(restI, compareSpans)
	slices.SortFunc(restJ, compareSpans)
	usedJ := make([]bool, len(restJ))
	for x := range restI {
		a := &restI[x]
		// The first of j's spans left with the same ends, in label order.
		y, _ := slices.BinarySearchFunc(restJ, *a, func(t, a span) int {
			return cmp.Or(cmp.Compare(t.start, a.start), cmp.Compare(t.end, a.end))
		})
		for ; y < len(restJ) && restJ[y].start == a.start && restJ[y].end == a.end; y++ {
			if !usedJ[y] {
				break
			}
		}
		if y < len(restJ) && restJ[y].start == a.start && restJ[y].end == a.end {
			usedJ[y] = true
			add(LabelDiffers, a, &restJ[y])
			continue
		}
		add(Missing, a, nil)
	}
	for y := range restJ {
		if !usedJ[y] {
			add(Extra, nil, &restJ[y])
		}
	}
	return out
}

// unused returns the spans not marked used.
func unused(spans []span, used []bool) []span {
	var out []span
	for k, sp := range spans {
		if !used[k] {
			out = append(out, sp)
		}
	}
	return out
}

// sameAttributes reports whether two attribute maps hold the same values,
// as the app keeps a value (annotate.AttributeValue): an empty value
// counting as none, and "Obama " as "Obama". A file brings its values as
// they were written, and a speaker with a space after it, which no reader
// sees, was a disagreement an adjudicator had to settle.
func sameAttributes(a, b map[string]string) bool {
	for k, v := range a {
		if annotate.AttributeValue(b[k]) != annotate.AttributeValue(v) {
			return false
		}
	}
	for k, v := range b {
		if annotate.AttributeValue(a[k]) != annotate.AttributeValue(v) {
			return false
		}
	}
	return true
}

// ref describes span sp of rater r.
func (s *study) ref(r *rater, sp span) *SpanRef {
	a := r.ann(sp)
	var attrs map[string]string
	if len(a.Attributes) > 0 {
		attrs = maps.Clone(a.Attributes)
	}
	return &SpanRef{Annotator: r.name, ID: a.ID, Label: s.labels[sp.label], Start: sp.start, End: sp.end,
		Text: s.text.Slice(sp.start, sp.end), Attributes: attrs}
}

// kindOrder orders the kinds of disagreement at one place.
var kindOrder = map[Kind]int{LabelDiffers: 0, Boundaries: 1, AttributesDiffer: 2, Missing: 3, Extra: 4}

// sortDisagreements sorts by place, then by pair, then kind, then the
// labels.
func sortDisagreements(ds []Disagreement) {
	label := func(r *SpanRef) string {
		if r == nil {
			return ""
		}
		return r.Label
	}
	slices.SortStableFunc(ds, func(a, b Disagreement) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.pair, b.pair),
			cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind]),
			cmp.Compare(label(a.ReferenceSpan), label(b.ReferenceSpan)), cmp.Compare(label(a.OtherSpan), label(b.OtherSpan)))
	})
}
