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

// TestReanchorAll checks that ReanchorAll gives, for every annotation,
// what Reanchor one after the other gives, and leaves the same set: the
// fixture's annotations, one moved in the text, one twice with another id
// (the span taken), one with an id taken, one not in the text, and an
// empty passage.
func TestReanchorAll(t *testing.T) {
	d, s := fxSet(t)
	all := s.All()
	anns := append([]Annotation{}, all...)
	moved := all[1]
	moved.ID, moved.Start, moved.End = "0195a1b2-c3d4-7e5f-8a9b-00000000000a", moved.Start+3, moved.End+3
	moved.Label = map[bool]string{true: "pledge", false: "claim"}[moved.Label == "claim"] // not the same span and label
	sameSpan := all[0]
	sameSpan.ID = "0195a1b2-c3d4-7e5f-8a9b-00000000000b"
	sameID := all[2]
	sameID.Label = "pledge"
	lost := all[0]
	lost.ID, lost.Exact, lost.Prefix, lost.Suffix = "0195a1b2-c3d4-7e5f-8a9b-00000000000c", "not in the text at all", "", ""
	empty := all[0]
	empty.ID, empty.Exact = "0195a1b2-c3d4-7e5f-8a9b-00000000000d", ""
	anns = append(anns, moved, sameSpan, sameID, lost, empty)

	one := NewSet(d.Text(), DefaultSchema())
	an := NewAnchorer(d.Text())
	var want []Annotation
	var wantErrs []error
	for _, a := range anns {
		b, err := one.Reanchor(an, a)
		want, wantErrs = append(want, b), append(wantErrs, err)
	}
	batch := NewSet(d.Text(), DefaultSchema())
	got, errs := batch.ReanchorAll(NewAnchorer(d.Text()), anns)
	if len(got) != len(anns) || len(errs) != len(anns) {
		t.Fatalf("ReanchorAll returns %d annotations and %d errors for %d", len(got), len(errs), len(anns))
	}
	refused := 0
	for i := range anns {
		if (errs[i] == nil) != (wantErrs[i] == nil) || (errs[i] != nil && errs[i].Error() != wantErrs[i].Error()) {
			t.Errorf("annotation %d: error %v, Reanchor's %v", i, errs[i], wantErrs[i])
		}
		if !got[i].Equal(want[i]) || got[i].Anchor != want[i].Anchor {
			t.Errorf("annotation %d: %+v, Reanchor's %+v", i, got[i], want[i])
		}
		if errs[i] != nil {
			refused++
		}
	}
	if m := got[len(all)]; errs[len(all)] != nil || m.Anchor == AnchorExact || m.Start != all[1].Start {
		t.Errorf("the annotation moved in the text: %+v, %v; want it placed back where its passage is", m, errs[len(all)])
	}
	if refused != 4 {
		t.Errorf("%d refused, want 4 (the span taken, the id taken, the passage lost, the empty passage)", refused)
	}
	if a, b := one.All(), batch.All(); len(a) != len(b) || len(b) != len(all)+1 {
		t.Fatalf("the sets hold %d and %d annotations, want %d", len(a), len(b), len(all)+1)
	} else {
		for i := range a {
			if !a[i].Equal(b[i]) {
				t.Errorf("set annotation %d: %+v, Reanchor's %+v", i, b[i], a[i])
			}
		}
	}
}
