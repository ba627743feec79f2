package annotate

import (
	"errors"
	"strings"
	"testing"
)

// TestPlaceOrphan checks the one way an orphan is put on the text: on the
// span the user chose, with its text taken from there, or refused.
func TestPlaceOrphan(t *testing.T) {
	d, s := fxSet(t)
	text := d.Text().String()
	o := Annotation{ID: "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", Label: "claim", Start: 900, End: 910,
		Exact: "lost words", Anchor: AnchorOrphan, Created: fxExported, Modified: fxExported}
	at := func(phrase string) (int, int) {
		b := strings.Index(text, phrase)
		start := d.Text().CodePointAtByte(b)
		return start, start + RuneCount(phrase)
	}
	start, end := at(" White House")
	if _, err := s.PlaceOrphan(o, start, end); !errors.Is(err, ErrSpanEdges) {
		t.Errorf("a span that starts with a space: %v, want ErrSpanEdges", err)
	}
	if _, err := s.PlaceOrphan(o, start, start); !errors.Is(err, ErrEmptySpan) {
		t.Errorf("an empty span: %v, want ErrEmptySpan", err)
	}
	start, end = at("White House")
	b, err := s.PlaceOrphan(o, start, end)
	if err != nil || b.Anchor != AnchorExact || b.Exact != "White House" || b.Start != start || !strings.HasSuffix(b.Prefix, "in the ") {
		t.Fatalf("PlaceOrphan = %+v, %v", b, err)
	}
	if got, ok := s.Get(o.ID); !ok || got.Exact != "White House" {
		t.Errorf("the set holds %+v, %v", got, ok)
	}
	// Placing it twice is refused by Insert, and the orphan comes back.
	again, err := s.PlaceOrphan(o, start, end)
	if !errors.Is(err, ErrInvalidID) || again.Exact != "lost words" {
		t.Errorf("placed twice: %+v, %v", again, err)
	}
}

func TestReanchor(t *testing.T) {
	d, s := fxSet(t)
	an := NewAnchorer(d.Text())
	a := s.All()[0]
	other := NewSet(d.Text(), DefaultSchema())
	b, err := other.Reanchor(an, a)
	if err != nil || b.Anchor != AnchorExact || other.Len() != 1 {
		t.Fatalf("Reanchor = %+v, %v", b, err)
	}
	// The same label and span again: Insert refuses, an orphan returns.
	a.ID = "0195a1b2-c3d4-7e5f-8a9b-000000000009"
	if b, err := other.Reanchor(an, a); !errors.Is(err, ErrDuplicate) || b.Anchor != AnchorOrphan {
		t.Errorf("a duplicate: %+v, %v", b, err)
	}
	a.Exact, a.Prefix, a.Suffix, a.Start, a.End = "not in the text at all", "", "", 0, 5
	if b, err := other.Reanchor(an, a); !errors.Is(err, ErrOrphaned) || b.Anchor != AnchorOrphan || b.Exact != a.Exact {
		t.Errorf("a passage not found: %+v, %v", b, err)
	}
}
