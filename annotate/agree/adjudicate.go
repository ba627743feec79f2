package agree

// This file makes the gold file: the spans of a merged file that an
// adjudicator accepted, and nothing else. A gold file is what a training
// pipeline reads, so it carries no trace of the merge: the source
// attributes go, from the spans and from the schema. Who made each span
// stays in the merged file, whose ids the gold file keeps.

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/newsannotator/annotator/annotate"
)

// ErrUnknownID: an accepted id is not that of a placed annotation of the
// merged file.
var ErrUnknownID = errors.New("no placed annotation of the merged file has that id")

// Adjudicate returns the gold file of a merged file (see Merge): its
// document, its schema without the source attributes, and the placed
// annotations whose ids are accepted, in the merged file's order, without
// the source attributes, stamped with time now. Each keeps its id, so
// that the merged file tells where it came from; an id that is not a
// UUID (a merged file made by hand, say) is replaced by a new version-7
// UUID. An accepted id that is not a placed annotation's (an orphan's,
// or none at all) is refused with ErrUnknownID; ids accepted twice count
// once.
func Adjudicate(merged annotate.File, accepted []string, now time.Time) (annotate.File, error) {
	return AdjudicateChoosing(merged, accepted, nil, now)
}

// AdjudicateChoosing is Adjudicate, where the gold file's span id takes
// the attributes chosen[id] (one annotator's Variant of it, say), in place
// of those the merge kept, the first source's. A choice for a span not
// accepted is no part of the gold file; one for an id that is no placed
// annotation's of the merged file is refused with ErrUnknownID.
func AdjudicateChoosing(merged annotate.File, accepted []string, chosen map[string]map[string]string, now time.Time) (annotate.File, error) {
	for id := range chosen {
		if !slices.ContainsFunc(merged.Annotations, func(a annotate.Annotation) bool { return a.ID == id }) {
			return annotate.File{}, fmt.Errorf("cannot take attributes for %q: %w", id, ErrUnknownID)
		}
	}
	want := make(map[string]bool, len(accepted))
	for _, id := range accepted {
		want[id] = true
	}
	gold := annotate.File{
		Version:     annotate.FormatVersion,
		Generator:   annotate.Generator,
		Exported:    now.UTC(),
		Document:    document(merged.Document),
		Schema:      withoutSources(merged.Schema),
		Annotations: []annotate.Annotation{},
	}
	found := 0
	for _, a := range merged.Annotations {
		if !want[a.ID] {
			continue
		}
		found++
		b := a.Clone()
		if attrs, ok := chosen[a.ID]; ok {
			// An annotator's values as their file wrote them: kept as
			// the app keeps a value, as the merge keeps the first's.
			b.Attributes = make(map[string]string, len(attrs))
			for k, v := range attrs {
				if v := annotate.AttributeValue(v); v != "" {
					b.Attributes[k] = v
				}
			}
		}
		delete(b.Attributes, AttrSourceAnnotator)
		delete(b.Attributes, AttrSourceID)
		if b.Attributes == nil {
			b.Attributes = map[string]string{}
		}
		if _, err := uuid.Parse(b.ID); err != nil {
			id, err := uuid.NewV7()
			if err != nil {
				return annotate.File{}, fmt.Errorf("making an id: %w", err)
			}
			b.ID = id.String()
		}
		gold.Annotations = append(gold.Annotations, b)
	}
	if found < len(want) {
		for _, id := range accepted {
			if !slices.ContainsFunc(merged.Annotations, func(a annotate.Annotation) bool { return a.ID == id }) {
				return annotate.File{}, fmt.Errorf("cannot accept %q: %w", id, ErrUnknownID)
			}
		}
	}
	return gold, nil
}

// withoutSources returns a copy of s in which no label takes the source
// attributes.
func withoutSources(s annotate.Schema) annotate.Schema {
	out := s.Clone()
	for k := range out.Labels {
		out.Labels[k].Attributes = slices.DeleteFunc(out.Labels[k].Attributes, func(a string) bool {
			return a == AttrSourceAnnotator || a == AttrSourceID
		})
	}
	return out
}

// Unanimous returns the ids of the merged file's placed annotations that
// every one of annotators made: those an adjudicator would accept
// without looking. annotators are the names of every annotator of the
// merge (Report.Annotators, in the order given); they must be passed,
// since an annotator who tagged nothing is the source of no span, and
// the merged file alone cannot tell that they were there at all. With no
// annotator, no span is unanimous.
func Unanimous(merged annotate.File, annotators []string) []string {
	var out []string
	if len(annotators) == 0 {
		return out
	}
	for _, a := range merged.Annotations {
		by := map[string]bool{}
		for _, s := range Sources(a) {
			by[s.Annotator] = true
		}
		if !slices.ContainsFunc(annotators, func(name string) bool { return !by[name] }) {
			out = append(out, a.ID)
		}
	}
	return out
}
