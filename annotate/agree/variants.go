package agree

// This file finds the merged spans that every annotator made but not
// alike: the same label and ends, with different attributes (two
// speakers of one quote). Merge keeps one annotation per span, with the
// first source's attributes, so the merged file alone cannot tell; the
// report's "attributes" disagreements can. Such a span is not one an
// adjudicator accepts without looking: the gold document would take one
// annotator's speaker over another's unseen.

import (
	"maps"
	"slices"

	"github.com/newsannotator/annotator/annotate"
)

// Variant is the attributes one annotator gave a merged span.
type Variant struct {
	Annotator  string
	Attributes map[string]string
}

// Variants returns, by the id of a placed span of merged, the attributes
// each of its sources gave it, in the order of its sources, for the spans
// whose sources gave different attributes; rep and merged are the report
// and the merge of the same annotators. Spans whose sources agree are not
// there.
func Variants(rep *Report, merged annotate.File) map[string][]Variant {
	index := SourceIndex(merged)
	given := map[string]map[string]map[string]string{} // merged id, annotator: attributes
	for _, d := range rep.Disagreements {
		if d.Kind != AttributesDiffer {
			continue
		}
		for _, r := range []*SpanRef{d.ReferenceSpan, d.OtherSpan} {
			id, ok := index[Source{r.Annotator, r.ID}]
			if !ok {
				continue
			}
			if given[id] == nil {
				given[id] = map[string]map[string]string{}
			}
			attrs := maps.Clone(r.Attributes)
			if attrs == nil {
				attrs = map[string]string{}
			}
			given[id][r.Annotator] = attrs
		}
	}
	out := map[string][]Variant{}
	for _, a := range merged.Annotations {
		by, ok := given[a.ID]
		if !ok {
			continue
		}
		// A source that differs from none is the same as every other, so
		// once one differs every source is in by; one that is not (a
		// report of other files) is left out rather than guessed.
		for _, s := range Sources(a) {
			if attrs, ok := by[s.Annotator]; ok {
				out[a.ID] = append(out[a.ID], Variant{Annotator: s.Annotator, Attributes: attrs})
			}
		}
	}
	return out
}

// Settled returns the ids of the merged file's placed annotations that
// every annotator of rep made alike, with the same attributes: those an
// adjudicator would accept without looking (Unanimous, less the spans of
// Variants).
func Settled(rep *Report, merged annotate.File) []string {
	differ := Variants(rep, merged)
	return slices.DeleteFunc(Unanimous(merged, rep.Names()), func(id string) bool {
		_, ok := differ[id]
		return ok
	})
}
