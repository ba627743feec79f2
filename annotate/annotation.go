package annotate

import (
	"maps"
	"time"
)

// Annotation is one tagged span of a document's canonical text.
//
// Start and End count code points, start inclusive and end exclusive, so
// that Exact == text[Start:End] in Python. Prefix and Suffix are up to
// ContextLen code points of the text around the span; with Exact they
// anchor the annotation again when the position alone no longer fits.
type Annotation struct {
	ID    string `json:"id"` // a UUID, version 7
	Label string `json:"label"`
	Start int    `json:"start"`
	End   int    `json:"end"`

	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`

	// Attributes holds the label's attributes (the speaker of a quote, the
	// party of a pledge) and the free note, by name. Empty values are not
	// kept.
	Attributes map[string]string `json:"attributes"`

	Author   string    `json:"author"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`

	// Anchor says how the annotation was placed on the text.
	Anchor Anchoring `json:"anchor"`
}

// ContextLen is how many code points of prefix and suffix an annotation
// keeps on each side of its span.
const ContextLen = 32

// Anchoring says how an annotation found its place in a document's text.
type Anchoring string

const (
	// AnchorExact: made here, or its position held the same text.
	AnchorExact Anchoring = "exact"
	// AnchorContext: found again by its exact text and the text around it.
	AnchorContext Anchoring = "context"
	// AnchorFuzzy: found again by an approximate match of its text.
	AnchorFuzzy Anchoring = "fuzzy"
	// AnchorOrphan: not placed, as it could not be without guessing (see
	// Anchor's errors for why); the user must place or drop it.
	AnchorOrphan Anchoring = "orphan"
)

// Attribute names that the default schema uses.
const (
	AttrSpeaker = "speaker"
	AttrParty   = "party"
	AttrNote    = "note"
)

// Equal reports whether a and b are the same annotation in every field,
// times compared as instants.
func (a Annotation) Equal(b Annotation) bool {
	return a.ID == b.ID && a.Label == b.Label && a.Start == b.Start && a.End == b.End &&
		a.Exact == b.Exact && a.Prefix == b.Prefix && a.Suffix == b.Suffix &&
		a.Author == b.Author && a.Created.Equal(b.Created) && a.Modified.Equal(b.Modified) &&
		a.Anchor == b.Anchor && maps.Equal(a.Attributes, b.Attributes)
}

// SameSlice reports whether a and b are the same slice of annotations:
// as long, and on the same array from the same place. Where a list is
// changed by replacing the slice, never an element in place (a document's
// orphans), it tells that nothing changed without looking at each one.
func SameSlice(a, b []Annotation) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// Clone returns a deep copy of a.
func (a Annotation) Clone() Annotation {
	if a.Attributes != nil {
		attrs := make(map[string]string, len(a.Attributes))
		for k, v := range a.Attributes {
			attrs[k] = v
		}
		a.Attributes = attrs
	}
	return a
}

// Place puts a on the span [start, end) of text: it sets the span, and the
// exact text with up to ContextLen code points of prefix and suffix, the
// two anchors an annotation carries.
func (a *Annotation) Place(text *Text, start, end int) {
	a.Start, a.End = start, end
	// Slice's clamping, with each offset converted to bytes once.
	n := text.Len()
	start, end = clamp(start, 0, n), clamp(end, 0, n)
	s, bs, be := text.String(), text.Byte(start), text.Byte(end)
	a.Exact, a.Prefix, a.Suffix = "", s[text.Byte(start-ContextLen):bs], s[be:text.Byte(end+ContextLen)]
	if start < end {
		a.Exact = s[bs:be]
	}
}

// less orders annotations by start, then end, then creation time, then ID,
// which is the stable order of a Set.
func less(a, b *Annotation) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	if !a.Created.Equal(b.Created) {
		return a.Created.Before(b.Created)
	}
	return a.ID < b.ID
}
