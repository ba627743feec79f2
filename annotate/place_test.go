package annotate

import (
	"errors"
	"fmt"
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
	orphans := []Annotation{o}
	start, end := at(" White House")
	if _, _, err := s.PlaceOrphan(orphans, 0, start, start); !errors.Is(err, ErrEmptySpan) {
		t.Errorf("an empty span: %v, want ErrEmptySpan", err)
	}
	if rest, _, err := s.PlaceOrphan(orphans, 0, start, start+1); !errors.Is(err, ErrEmptySpan) || len(rest) != 1 {
		t.Errorf("a span of a space alone: %v, %d orphans left; want ErrEmptySpan, 1", err, len(rest))
	}
	// A span with white space at its edges is placed without it, as a
	// tagged selection is.
	rest, b, err := s.PlaceOrphan(orphans, 0, start, end+1)
	start++
	if err != nil || b.Anchor != AnchorExact || b.Exact != "White House" || b.Start != start || !strings.HasSuffix(b.Prefix, "in the ") {
		t.Fatalf("PlaceOrphan = %+v, %v", b, err)
	}
	if len(rest) != 0 || len(orphans) != 1 {
		t.Errorf("PlaceOrphan left %d orphans and changed the list given to %d; want 0 and 1", len(rest), len(orphans))
	}
	if got, ok := s.Get(o.ID); !ok || got.Exact != "White House" {
		t.Errorf("the set holds %+v, %v", got, ok)
	}
	// Placing it twice is refused by Insert, and the orphan comes back.
	_, again, err := s.PlaceOrphan(orphans, 0, start, end)
	if !errors.Is(err, ErrInvalidID) || again.Exact != "lost words" {
		t.Errorf("placed twice: %+v, %v", again, err)
	}
}

// TestUndoPlacedOrphan: placing an orphan is a step of its own, and
// undoing it gives the orphan back to the orphans kept beside the set (as
// it was), redoing takes it from them again, after a reload of the
// history too: the annotation is always on the text or an orphan, never
// in neither, and a change after the undo does not lose it.
func TestUndoPlacedOrphan(t *testing.T) {
	text := "Officials met on Monday.\n\nThe new budget would pass easily, they said."
	s := newTestSet(text)
	kept := followHistory{}
	kept.follow(t, s)
	o := Annotation{ID: "0190b3c4-1111-7000-8000-000000000001", Label: "quote", Start: 3, End: 12, Exact: "lost words",
		Attributes: map[string]string{AttrSpeaker: "A. Official"}, Author: "bo", Anchor: AnchorOrphan,
		Created: fxExported, Modified: fxExported}
	orphans := []Annotation{o}
	where := func(s *Set, orphans []Annotation) string {
		_, placed := s.Get(o.ID)
		listed := 0
		for _, x := range orphans {
			if x.ID == o.ID {
				listed++
				if !x.Equal(o) {
					t.Errorf("the orphan given back is %+v, want it as it was, %+v", x, o)
				}
			}
		}
		return fmt.Sprintf("placed %v, listed %d times", placed, listed)
	}
	start, end := fxFind(t, text, "", "The new budget")
	orphans, placed, err := s.PlaceOrphan(orphans, 0, start, end)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.UndoLabel(); got != "place quote" {
		t.Errorf("UndoLabel = %q, want \"place quote\"", got)
	}
	kept.follow(t, s)

	orphans, ok := s.UndoWithOrphans(orphans)
	if got := where(s, orphans); !ok || got != "placed false, listed 1 times" {
		t.Fatalf("after the undo: %v, %s", ok, got)
	}
	orphans, ok = s.RedoWithOrphans(orphans)
	if got := where(s, orphans); !ok || got != "placed true, listed 0 times" {
		t.Fatalf("after the redo: %v, %s", ok, got)
	}
	if b, _ := s.Get(o.ID); !b.Equal(placed) {
		t.Errorf("the redo placed %+v, want %+v", b, placed)
	}
	kept.follow(t, s)

	// The history as a store keeps it, after a reload: the undo still
	// gives the orphan back, and a change after it keeps it.
	r := reopen(t, s, kept)
	orphans, _ = r.UndoWithOrphans(orphans)
	if got := where(r, orphans); got != "placed false, listed 1 times" {
		t.Fatalf("after a reload and an undo: %s", got)
	}
	// Undoing what cannot be undone, or a step that placed no orphan,
	// leaves the orphans as they are.
	if again, ok := r.UndoWithOrphans(orphans); ok || len(again) != 1 {
		t.Errorf("an undo with nothing to undo: %v, %d orphans", ok, len(again))
	}
	mustAdd(t, r, "claim", start, end)
	if got := where(r, orphans); got != "placed false, listed 1 times" || r.CanRedo() {
		t.Errorf("after a new change: %s, can redo %v", got, r.CanRedo())
	}
	if again, _ := r.UndoWithOrphans(orphans); len(again) != 1 {
		t.Errorf("undoing an add changed the orphans: %d", len(again))
	}

	// A stored step whose orphan is not the annotation it adds is refused.
	restore := func(steps []Step) error {
		r := newTestSet(text)
		for _, a := range s.All() {
			if err := r.Insert(a); err != nil {
				t.Fatal(err)
			}
		}
		r.ClearHistory()
		return r.RestoreHistory(steps)
	}
	steps := s.History()
	if err := restore(steps); err != nil {
		t.Fatalf("RestoreHistory: %v", err)
	}
	for i := range steps {
		for j := range steps[i].Changes {
			if c := &steps[i].Changes[j]; c.Orphan != nil {
				c.Orphan.ID = "0190b3c4-1111-7000-8000-000000000002"
			}
		}
	}
	if err := restore(steps); !errors.Is(err, ErrHistory) {
		t.Errorf("a placement of another orphan: %v, want ErrHistory", err)
	}
}

// TestUndoDroppedOrphan: dropping an orphan is a step that changes
// nothing on the text; undo gives the orphan back as it was, redo takes it
// out again, and both hold for the history as a store keeps it.
func TestUndoDroppedOrphan(t *testing.T) {
	text := "Officials met on Monday.\n\nThe new budget would pass easily, they said."
	s := newTestSet(text)
	kept := followHistory{}
	kept.follow(t, s)
	mustAdd(t, s, "claim", 0, 9)
	o := Annotation{ID: "0190b3c4-1111-7000-8000-000000000003", Label: "pledge", Start: 3, End: 12, Exact: "lost words",
		Author: "bo", Anchor: AnchorOrphan, Created: fxExported, Modified: fxExported}
	orphans := s.DropOrphan([]Annotation{o}, 0)
	if got := s.UndoLabel(); got != "drop pledge" || s.Len() != 1 {
		t.Errorf("after the drop: UndoLabel %q (want \"drop pledge\"), %d annotations (want 1)", got, s.Len())
	}
	kept.follow(t, s)
	listed := func(orphans []Annotation) bool {
		return len(orphans) == 1 && orphans[0].Equal(o)
	}
	orphans, ok := s.UndoWithOrphans(orphans)
	if !ok || !listed(orphans) || s.Len() != 1 {
		t.Fatalf("after the undo: %v, orphans %+v, %d annotations; want the orphan back as it was and the claim kept", ok, orphans, s.Len())
	}
	orphans, ok = s.RedoWithOrphans(orphans)
	if !ok || len(orphans) != 0 {
		t.Fatalf("after the redo: %v, orphans %+v; want none", ok, orphans)
	}
	kept.follow(t, s)
	r := reopen(t, s, kept)
	if orphans, _ = r.UndoWithOrphans(orphans); !listed(orphans) {
		t.Fatalf("after a reload and an undo: orphans %+v; want the dropped one back", orphans)
	}
	if orphans, _ = r.UndoWithOrphans(orphans); !listed(orphans) || r.Len() != 0 {
		t.Errorf("undoing the claim's add after that: orphans %+v, %d annotations", orphans, r.Len())
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
	if b, err := other.Reanchor(an, a); !errors.Is(err, ErrOrphaned) || !errors.Is(err, ErrPassageNotFound) || b.Anchor != AnchorOrphan || b.Exact != a.Exact {
		t.Errorf("a passage not found: %+v, %v", b, err)
	}
}

// TestReanchorSaysWhy: an orphan's error says the true reason, which
// callers can test, and is ErrOrphaned whatever the reason. A passage
// found once, with everything around it rewritten, is neither missing nor
// in several places.
func TestReanchorSaysWhy(t *testing.T) {
	old := "Critics said the plan would fail within a year, citing costs."
	a := fxQuote(t, old, "", "would fail")
	for _, c := range []struct {
		text string
		want error
	}{
		{"Opponents of the scheme now insist it would fail, and soon.", ErrContextChanged},
		{"Opponents of the scheme now insist it will work.", ErrPassageNotFound},
		{"It would fail, they said, and it would fail again.", ErrPassageAmbiguous},
	} {
		text := NewText(c.text)
		b, err := NewSet(text, DefaultSchema()).Reanchor(NewAnchorer(text), a)
		if !errors.Is(err, c.want) || !errors.Is(err, ErrOrphaned) || b.Anchor != AnchorOrphan {
			t.Errorf("on %q: %v, want %v", c.text, err, c.want)
		}
		for _, other := range []error{ErrContextChanged, ErrPassageNotFound, ErrPassageAmbiguous} {
			if other != c.want && errors.Is(err, other) {
				t.Errorf("on %q the error %q is also %q", c.text, err, other)
			}
		}
	}
	// The import says the reason too.
	_, s := fxSet(t)
	d := fxDoc(t, "Opponents of the scheme now insist it would fail, and soon.")
	f := NewFile(d, s, nil, fxExported)
	a.ID, a.Label = "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60", "claim"
	f.Annotations = []Annotation{a}
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	imp, err := Import(data)
	if err != nil {
		t.Fatal(err)
	}
	said := 0
	for _, p := range imp.Problems {
		if p.Path == "/annotations/0" && strings.Contains(p.Message, ErrContextChanged.Error()) {
			said++
		}
	}
	if len(imp.Orphans) != 1 || said != 1 {
		t.Errorf("the import's orphans %d, problems %v; want one, saying %q", len(imp.Orphans), imp.Problems, ErrContextChanged)
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

// TestUndoGivesTheOrphanBackWhereItWas: undoing the placement or the drop
// of an orphan in the middle of the orphans gives it back at its place,
// not at the end of the list, where the annotator, who had just used its
// row, would have to look for it among the others; and so after a reload
// of the history too.
func TestUndoGivesTheOrphanBackWhereItWas(t *testing.T) {
	text := "Officials met on Monday.\n\nThe new budget would pass easily, they said."
	s := newTestSet(text)
	kept := followHistory{}
	kept.follow(t, s)
	var orphans []Annotation
	for i := range 4 {
		orphans = append(orphans, Annotation{ID: fmt.Sprintf("0190b3c4-1111-7000-8000-00000000001%d", i), Label: "claim",
			Start: 3, End: 12, Exact: fmt.Sprintf("lost words %d", i), Anchor: AnchorOrphan, Created: fxExported, Modified: fxExported})
	}
	ids := func(orphans []Annotation) string {
		var b strings.Builder
		for _, o := range orphans {
			b.WriteString(o.ID[len(o.ID)-1:])
		}
		return b.String()
	}
	start, end := fxFind(t, text, "", "The new budget")
	orphans, _, err := s.PlaceOrphan(orphans, 1, start, end)
	if err != nil {
		t.Fatal(err)
	}
	orphans = s.DropOrphan(orphans, 1) // the third of the four
	if got := ids(orphans); got != "03" {
		t.Fatalf("after a placement and a drop: orphans %s, want 03", got)
	}
	kept.follow(t, s)
	r := reopen(t, s, kept)
	// A step stored before the place was kept gives it back where the
	// orphans' order puts it (here by id: they all have the same span).
	steps := s.History()
	for i := range steps {
		for j := range steps[i].Changes {
			steps[i].Changes[j].OrphanAt = nil
		}
	}
	old := newTestSet(text)
	for _, a := range s.All() {
		if err := old.Insert(a); err != nil {
			t.Fatal(err)
		}
	}
	old.ClearHistory()
	if err := old.RestoreHistory(steps); err != nil {
		t.Fatal(err)
	}
	if o, _ := old.UndoWithOrphans(orphans); ids(o) != "023" {
		t.Errorf("a stored step that says no place: orphans %s, want 023", ids(o))
	}
	for _, c := range []struct {
		name string
		set  *Set
	}{{"in the session", s}, {"after a reload", r}} {
		o, _ := c.set.UndoWithOrphans(orphans)
		if got := ids(o); got != "023" {
			t.Errorf("%s, undoing the drop: orphans %s, want 023", c.name, got)
		}
		o, _ = c.set.UndoWithOrphans(o)
		if got := ids(o); got != "0123" {
			t.Errorf("%s, undoing the placement too: orphans %s, want 0123", c.name, got)
		}
	}
}
