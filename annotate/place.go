// This file puts an annotation from elsewhere (an import, a merge, an
// orphan the user places) on a set's text: give it its span, take its
// exact text and context from the text, insert it, or hand it back as an
// orphan. It is written once, here, for all three.

package annotate

import (
	"errors"
	"fmt"
)

var (
	// ErrOrphaned is the error of an annotation that could not be placed
	// on the text without guessing. Reanchor's error says why: it is
	// ErrPassageNotFound, ErrPassageAmbiguous or ErrContextChanged (see
	// Anchor), each of which is ErrOrphaned too.
	ErrOrphaned = errors.New("its passage could not be placed on the text without guessing")
	// ErrSpanEdges is the error of a span that starts or ends with white
	// space.
	ErrSpanEdges = errors.New("the span starts or ends with white space")
)

// Reanchor finds a's place on the set's text with an, which must be an
// Anchorer of that text, and inserts it there (see PlaceAt). When a cannot
// be found (Anchor's error, which is ErrOrphaned and says why) or inserted
// (Insert's error), it returns a copy of a marked AnchorOrphan, with the
// start and end it had, and the error.
func (s *Set) Reanchor(an *Anchorer, a Annotation) (Annotation, error) {
	start, end, how, why := an.Anchor(a)
	if how == AnchorOrphan {
		return asOrphan(a), why
	}
	return s.PlaceAt(a, start, end, how)
}

// ReanchorAll does what Reanchor does to each of anns in turn, and inserts
// those it places in one step (InsertAll): inserted one at a time, each
// of an export's 2,000 annotations moved the set's order. It returns, for
// each of anns, what Reanchor returns.
func (s *Set) ReanchorAll(an *Anchorer, anns []Annotation) ([]Annotation, []error) {
	out := make([]Annotation, len(anns))
	errs := make([]error, len(anns))
	placed := make([]Annotation, 0, len(anns))
	at := make([]int, 0, len(anns)) // where each placed one is in anns
	for i, a := range anns {
		start, end, how, why := an.Anchor(a)
		if how == AnchorOrphan {
			out[i], errs[i] = asOrphan(a), why
			continue
		}
		b := a.Clone()
		b.Place(s.text, start, end)
		b.Anchor = how
		placed = append(placed, b)
		at = append(at, i)
	}
	for j, err := range s.InsertAll(placed) {
		i := at[j]
		if err != nil {
			out[i], errs[i] = asOrphan(anns[i]), err
			continue
		}
		out[i] = placed[j]
	}
	return out, errs
}

// PlaceAt inserts a copy of a on the span start..end of the set's text,
// with its Exact, Prefix and Suffix taken from the text and its Anchor set
// to how, and returns it as inserted. When Insert refuses it, PlaceAt
// returns a copy of a marked AnchorOrphan, as it was, and Insert's error.
func (s *Set) PlaceAt(a Annotation, start, end int, how Anchoring) (Annotation, error) {
	return s.placeAt(a, start, end, how, false)
}

// placeAt is PlaceAt; with fromOrphan, a is an orphan that the user
// places, and the step remembers it (see change).
func (s *Set) placeAt(a Annotation, start, end int, how Anchoring, fromOrphan bool) (Annotation, error) {
	b := a.Clone()
	b.Place(s.text, start, end)
	b.Anchor = how
	label, orphan := "insert "+b.Label, (*Annotation)(nil)
	if fromOrphan {
		was := asOrphan(a)
		label, orphan = "place "+b.Label, &was
	}
	if err := s.insertStep(label, b, orphan); err != nil {
		return asOrphan(a), err
	}
	return b, nil
}

// PlaceOrphan puts orphan o on the span start..end that the user chose,
// as an exact anchoring, in a step of its own ("place quote"). It refuses
// a span outside the text (ErrOutOfRange), an empty one (ErrEmptySpan) and
// one that starts or ends with white space (ErrSpanEdges), and what Insert
// refuses; then o is returned as it was.
//
// The caller takes o out of the orphans it keeps; the step remembers o,
// so that UndoWithOrphans gives it back and RedoWithOrphans takes it out
// again.
func (s *Set) PlaceOrphan(o Annotation, start, end int) (Annotation, error) {
	ts, te, err := s.span(start, end)
	if err != nil {
		return o, fmt.Errorf("cannot place the orphan at %w", err)
	}
	if ts != start || te != end {
		return o, fmt.Errorf("cannot place the orphan at %s: %w", chars(start, end), ErrSpanEdges)
	}
	b, err := s.placeAt(o, start, end, AnchorExact, true)
	if err != nil {
		return o, err
	}
	return b, nil
}

// DropOrphan records that the user dropped orphan o, in a step of its own
// ("drop quote") that changes nothing on the text: the caller takes o out
// of the orphans it keeps, and UndoWithOrphans gives it back, as it was,
// and RedoWithOrphans takes it out again, so that a drop made by mistake
// is undone as any change is.
func (s *Set) DropOrphan(o Annotation) {
	was := asOrphan(o)
	s.do("drop "+o.Label, change{orphan: &was})
}

// asOrphan returns a copy of a marked AnchorOrphan.
func asOrphan(a Annotation) Annotation {
	a = a.Clone()
	a.Anchor = AnchorOrphan
	return a
}
