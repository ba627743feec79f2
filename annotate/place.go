// This file puts an annotation from elsewhere (an import, a merge, an
// orphan the user places) on a set's text: give it its span, take its
// exact text and context from the text, insert it, or hand it back as an
// orphan. It is written once, here, for all three.

package annotate

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

var (
	// ErrOrphaned is the error of an annotation that could not be placed
	// on the text without guessing. Reanchor's error says why: it is
	// ErrPassageNotFound, ErrPassageAmbiguous or ErrContextChanged (see
	// Anchor), each of which is ErrOrphaned too.
	ErrOrphaned = errors.New("its passage could not be placed on the text without guessing")
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
	return s.placeAt(a, start, end, how, -1)
}

// placeAt is PlaceAt; with orphanAt 0 or more, a is an orphan that the
// user places, taken from that place in the orphans, and the step
// remembers both (see change).
func (s *Set) placeAt(a Annotation, start, end int, how Anchoring, orphanAt int) (Annotation, error) {
	b := a.Clone()
	b.Place(s.text, start, end)
	b.Anchor = how
	label, orphan := "insert "+b.Label, change{}
	if orphanAt >= 0 {
		was := asOrphan(a)
		label, orphan = "place "+b.Label, change{orphan: &was, orphanAt: orphanAt}
	}
	if err := s.insertStep(label, b, orphan); err != nil {
		return asOrphan(a), err
	}
	return b, nil
}

// PlaceOrphan puts orphans[i], one of the orphans the document keeps
// beside the set, on the span start..end that the user chose, as an exact
// anchoring, in a step of its own ("place quote"), and returns the orphans
// without it (orphans itself is not modified) and the annotation placed.
// The span loses the white space at its edges, as a tagged selection does
// (a double-click takes a word's following space on some systems, and
// Shift+Alt+↓ a sentence's). It refuses a span outside the text
// (ErrOutOfRange), one of white space alone (ErrEmptySpan), and what
// Insert refuses; then it returns orphans and orphans[i] as they were.
//
// The step remembers the orphan and its place in the list, so that
// UndoWithOrphans gives it back there and RedoWithOrphans takes it out
// again.
func (s *Set) PlaceOrphan(orphans []Annotation, i, start, end int) ([]Annotation, Annotation, error) {
	o := orphans[i]
	start, end, err := s.span(start, end)
	if err != nil {
		return orphans, o, fmt.Errorf("cannot place the orphan at %w", err)
	}
	b, err := s.placeAt(o, start, end, AnchorExact, i)
	if err != nil {
		return orphans, o, err
	}
	return slices.Delete(slices.Clone(orphans), i, i+1), b, nil
}

// DropOrphan records that the user dropped orphans[i], in a step of its
// own ("drop quote") that changes nothing on the text, and returns the
// orphans without it (orphans itself is not modified). UndoWithOrphans
// gives it back, as it was and where it was, and RedoWithOrphans takes it
// out again, so that a drop made by mistake is undone as any change is.
func (s *Set) DropOrphan(orphans []Annotation, i int) []Annotation {
	o := orphans[i]
	was := asOrphan(o)
	s.do("drop "+o.Label, change{orphan: &was, orphanAt: i})
	return slices.Delete(slices.Clone(orphans), i, i+1)
}

// SortOrphans puts orphans in the one order a document lists them in:
// where they were in the text (by Start, then End), then by id. A file
// brings them in its own order and a store gives them back in another
// (by id): the list the annotator works down changed at a reload, and an
// undone placement, given back at its place (UndoWithOrphans), came back
// elsewhere.
func SortOrphans(orphans []Annotation) { slices.SortFunc(orphans, compareOrphans) }

// compareOrphans is the order of SortOrphans.
func compareOrphans(a, b Annotation) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.ID, b.ID))
}

// asOrphan returns a copy of a marked AnchorOrphan.
func asOrphan(a Annotation) Annotation {
	a = a.Clone()
	a.Anchor = AnchorOrphan
	return a
}
