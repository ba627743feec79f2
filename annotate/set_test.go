package annotate

import (
	"errors"
	"fmt"
	"maps"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/uuid"
)

// setText has a no-break space, line breaks, curly quotes and emoji, some
// of them outside the Basic Multilingual Plane, so that code points, bytes
// and UTF-16 units all differ.
const setText = "The minister said:\u00a0\u201cWe will cut taxes \U0001F44B\U0001F3FD now.\u201d\n\nCritics disagreed.\u00a0\n End"

// cp returns the code-point offset of the first sub in text.
func cp(t testing.TB, text, sub string) int {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q is not in the text", sub)
	}
	return RuneCount(text[:i])
}

// runeSlice is the span [start, end) of s as Python slices it.
func runeSlice(s string, start, end int) string {
	r := []rune(s)
	start, end = clamp(start, 0, len(r)), clamp(end, 0, len(r))
	if end <= start {
		return ""
	}
	return string(r[start:end])
}

// ticking returns a clock that moves one millisecond each time it is read.
func ticking() func() time.Time {
	t := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Millisecond)
		return t
	}
}

func newTestSet(text string) *Set {
	s := NewSet(NewText(text), DefaultSchema())
	s.SetClock(ticking())
	s.SetAuthor("ada")
	return s
}

func mustAdd(t testing.TB, s *Set, label string, start, end int) Annotation {
	t.Helper()
	a, err := s.Add(label, start, end)
	if err != nil {
		t.Fatalf("Add(%q, %d, %d): %v", label, start, end, err)
	}
	return a
}

func TestSetAddTrims(t *testing.T) {
	text := setText
	n := RuneCount(text)
	said := cp(t, text, "said")
	we := cp(t, text, "We")
	now := cp(t, text, "now")
	critics := cp(t, text, "Critics")
	end := cp(t, text, "End")
	wave := cp(t, text, "\U0001F44B")
	tests := []struct {
		name             string
		start, end       int
		wantStart, wantE int
	}{
		{"no white space", said, said + 4, said, said + 4},
		{"colon kept", said + 4, we + 2, said + 4, we + 2},
		{"leading NBSP", said + 5, we + 2, said + 6, we + 2},
		{"trailing line breaks", now, critics, now, now + 5}, // now.” then \n\n
		{"leading line breaks", critics - 2, critics + 7, critics, critics + 7},
		{"trailing NBSP, line break, space", critics + 8, end, critics + 8, end - 3},
		{"both edges", critics - 2, end, critics, end - 3},
		{"emoji inside span", we, now + 3, we, now + 3},
		{"emoji at the edge", wave, wave + 2, wave, wave + 2},
		{"space before emoji", wave - 1, wave + 1, wave, wave + 1},
		{"whole text", 0, n, 0, n},
		{"last word", end - 1, n, end, n},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSet(text)
			a, err := s.Add("claim", tt.start, tt.end)
			if err != nil {
				t.Fatalf("Add(%d, %d): %v", tt.start, tt.end, err)
			}
			if a.Start != tt.wantStart || a.End != tt.wantE {
				t.Errorf("Add(%d, %d) = [%d, %d), want [%d, %d)", tt.start, tt.end, a.Start, a.End, tt.wantStart, tt.wantE)
			}
			if want := runeSlice(text, a.Start, a.End); a.Exact != want {
				t.Errorf("Exact = %q, want %q", a.Exact, want)
			}
			r := []rune(a.Exact)
			if unicode.IsSpace(r[0]) || unicode.IsSpace(r[len(r)-1]) {
				t.Errorf("Exact %q has white space at an edge", a.Exact)
			}
		})
	}
}

func TestSetAddEmojiSpan(t *testing.T) {
	text := "a \U0001F600\U0001F600 b \u00e9t\u00e9 \U0001F44B\U0001F3FD c"
	s := newTestSet(text)
	r := []rune(text)
	for start := 0; start < len(r); start++ {
		for end := start + 1; end <= len(r); end++ {
			a, err := s.Add("claim", start, end)
			if strings.TrimSpace(string(r[start:end])) == "" {
				if !errors.Is(err, ErrEmptySpan) {
					t.Errorf("Add(%d, %d) on white space: err = %v, want ErrEmptySpan", start, end, err)
				}
				continue
			}
			if errors.Is(err, ErrDuplicate) {
				continue // an earlier span trimmed to the same one
			}
			if err != nil {
				t.Fatalf("Add(%d, %d): %v", start, end, err)
			}
			want := strings.TrimSpace(string(r[start:end]))
			if a.Exact != want || a.Exact != runeSlice(text, a.Start, a.End) {
				t.Errorf("Add(%d, %d): Exact = %q at [%d, %d), want %q", start, end, a.Exact, a.Start, a.End, want)
			}
		}
	}
}

func TestSetAddContext(t *testing.T) {
	long := strings.Repeat("abcdefghij", 10) // 100 code points
	emoji := strings.Repeat("\U0001F600", 50)
	tests := []struct {
		name       string
		text       string
		start, end int
	}{
		{"at the start", long, 0, 5},
		{"at the end", long, 95, 100},
		{"whole text", long, 0, 100},
		{"middle, full context", long, 40, 50},
		{"short prefix", long, 10, 20},
		{"short suffix", long, 50, 80},
		{"context of emoji", emoji, 20, 25},
		{"emoji near start", emoji, 3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSet(tt.text)
			a := mustAdd(t, s, "quote", tt.start, tt.end)
			if want := runeSlice(tt.text, tt.start-ContextLen, tt.start); a.Prefix != want {
				t.Errorf("Prefix = %q, want %q", a.Prefix, want)
			}
			if want := runeSlice(tt.text, tt.end, tt.end+ContextLen); a.Suffix != want {
				t.Errorf("Suffix = %q, want %q", a.Suffix, want)
			}
			if RuneCount(a.Prefix) > ContextLen || RuneCount(a.Suffix) > ContextLen {
				t.Errorf("context longer than %d: %q, %q", ContextLen, a.Prefix, a.Suffix)
			}
			if tt.start == 0 && a.Prefix != "" {
				t.Errorf("Prefix at the start of the text = %q", a.Prefix)
			}
			if tt.end == RuneCount(tt.text) && a.Suffix != "" {
				t.Errorf("Suffix at the end of the text = %q", a.Suffix)
			}
		})
	}
}

func TestSetAddFields(t *testing.T) {
	s := NewSet(NewText(setText), DefaultSchema())
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return at })
	s.SetAuthor("grace")
	a := mustAdd(t, s, "pledge", 0, 12)
	id, err := uuid.Parse(a.ID)
	if err != nil || id.Version() != 7 {
		t.Errorf("ID %q is not a version-7 UUID (%v)", a.ID, err)
	}
	if a.Label != "pledge" || a.Author != "grace" || !a.Created.Equal(at) || !a.Modified.Equal(at) || a.Anchor != AnchorExact {
		t.Errorf("Add = %+v", a)
	}
	if a.Attributes == nil || len(a.Attributes) != 0 {
		t.Errorf("Attributes = %#v, want an empty map", a.Attributes)
	}

	d := NewSet(NewText("x"), DefaultSchema())
	b := mustAdd(t, d, "claim", 0, 1)
	if b.Created.Location() != time.UTC || b.Created.Nanosecond()%int(time.Millisecond) != 0 {
		t.Errorf("default clock gave %v, want UTC in whole milliseconds", b.Created)
	}
}

func TestSetAddErrors(t *testing.T) {
	text := setText
	n := RuneCount(text)
	critics := cp(t, text, "Critics")
	tests := []struct {
		name       string
		label      string
		start, end int
		want       error
	}{
		{"unknown label", "opinion", 0, 3, ErrUnknownLabel},
		{"empty label", "", 0, 3, ErrUnknownLabel},
		{"negative start", "claim", -1, 3, ErrOutOfRange},
		{"negative end", "claim", 0, -1, ErrOutOfRange},
		{"end past the text", "claim", 0, n + 1, ErrOutOfRange},
		{"start past the text", "claim", n + 1, n + 2, ErrOutOfRange},
		{"empty", "claim", 4, 4, ErrEmptySpan},
		{"reversed", "claim", 5, 4, ErrEmptySpan},
		{"empty at the end", "claim", n, n, ErrEmptySpan},
		{"one space", "claim", 3, 4, ErrEmptySpan},
		{"line breaks", "claim", critics - 2, critics, ErrEmptySpan},
		{"NBSP, newline and space", "claim", n - 5, n - 3, ErrEmptySpan},
		{"duplicate", "claim", 0, 3, ErrDuplicate},
		{"duplicate after trimming", "claim", 0, 4, ErrDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSet(text)
			mustAdd(t, s, "claim", 0, 3)
			v, before := s.Version(), s.All()
			_, err := s.Add(tt.label, tt.start, tt.end)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Add(%q, %d, %d) = %v, want %v", tt.label, tt.start, tt.end, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "cannot add") {
				t.Errorf("error %q does not say what was refused", err)
			}
			if s.Version() != v || !reflect.DeepEqual(s.All(), before) || s.UndoLabel() != "add claim" {
				t.Errorf("a refused Add changed the set")
			}
		})
	}
}

func TestSetOverlapsAndOrder(t *testing.T) {
	s := NewSet(NewText(strings.Repeat("word ", 20)), DefaultSchema())
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return at }) // equal Created: ties go by ID
	spans := []struct {
		label      string
		start, end int
	}{
		{"claim", 10, 19},
		{"quote", 10, 19}, // same span, other label
		{"pledge", 10, 14},
		{"claim", 0, 30},  // contains the others
		{"quote", 15, 24}, // overlaps
		{"claim", 10, 14},
		{"pledge", 10, 19},
		{"quote", 0, 4},
	}
	for _, sp := range spans {
		mustAdd(t, s, sp.label, sp.start, sp.end)
	}
	all := s.All()
	if len(all) != len(spans) || s.Len() != len(spans) {
		t.Fatalf("Len = %d, All has %d, want %d", s.Len(), len(all), len(spans))
	}
	type pos struct{ start, end int }
	var got []pos
	for i, a := range all {
		got = append(got, pos{a.Start, a.End})
		if i > 0 {
			p := all[i-1]
			if p.Start == a.Start && p.End == a.End && p.ID >= a.ID {
				t.Errorf("equal spans out of ID order: %s before %s", p.ID, a.ID)
			}
		}
	}
	want := []pos{{0, 4}, {0, 29}, {10, 14}, {10, 14}, {10, 19}, {10, 19}, {10, 19}, {15, 24}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}

	// With a ticking clock, equal spans go by creation time, whatever
	// their IDs.
	s = newTestSet("alpha beta")
	first := mustAdd(t, s, "quote", 0, 5)
	second := mustAdd(t, s, "claim", 0, 5)
	third := mustAdd(t, s, "pledge", 0, 5)
	var ids []string
	for _, a := range s.All() {
		ids = append(ids, a.ID)
	}
	if !reflect.DeepEqual(ids, []string{first.ID, second.ID, third.ID}) {
		t.Errorf("equal spans not in creation order")
	}
}

func TestSetReturnsCopies(t *testing.T) {
	s := newTestSet(setText)
	a := mustAdd(t, s, "quote", 0, 12)
	if err := s.SetAttribute(a.ID, AttrSpeaker, "Minister"); err != nil {
		t.Fatal(err)
	}
	want, _ := s.Get(a.ID)

	got, _ := s.Get(a.ID)
	got.Attributes[AttrSpeaker] = "changed"
	got.Label = "claim"
	all := s.All()
	all[0].Attributes[AttrNote] = "added"
	all[0].Start = 3
	cov := s.Covering(1)
	cov[0].Attributes[AttrSpeaker] = "again"
	a.Attributes["x"] = "y"

	if now, _ := s.Get(a.ID); !reflect.DeepEqual(now, want) {
		t.Errorf("changing a returned annotation changed the set: %+v", now)
	}
	sc := s.Schema()
	sc.Labels[0].Name = "changed"
	sc.Labels[1].Attributes[0] = "changed"
	if s.Schema().Labels[0].Name != "claim" || s.Schema().Labels[1].Attributes[0] != AttrSpeaker {
		t.Errorf("changing the returned schema changed the set's")
	}
}

func TestSetNewSetCopiesSchema(t *testing.T) {
	sc := DefaultSchema()
	s := NewSet(NewText("some text"), sc)
	sc.Labels[0].Name = "other"
	if _, err := s.Add("claim", 0, 4); err != nil {
		t.Errorf("changing the caller's schema changed the set's: %v", err)
	}
	if s.Text().String() != "some text" {
		t.Errorf("Text = %q", s.Text().String())
	}
}

func TestSetCovering(t *testing.T) {
	s := newTestSet(strings.Repeat("x", 30))
	a := mustAdd(t, s, "claim", 0, 10)
	b := mustAdd(t, s, "quote", 5, 15)
	c := mustAdd(t, s, "pledge", 6, 8)
	d := mustAdd(t, s, "claim", 20, 30)
	tests := []struct {
		cp   int
		want []string
	}{
		{-1, nil},
		{0, []string{a.ID}},
		{4, []string{a.ID}},
		{5, []string{a.ID, b.ID}},
		{6, []string{a.ID, b.ID, c.ID}},
		{7, []string{a.ID, b.ID, c.ID}},
		{8, []string{a.ID, b.ID}}, // end is exclusive
		{10, []string{b.ID}},
		{15, nil},
		{19, nil},
		{20, []string{d.ID}},
		{29, []string{d.ID}},
		{30, nil},
		{31, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, x := range s.Covering(tt.cp) {
			got = append(got, x.ID)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Covering(%d) = %v, want %v", tt.cp, got, tt.want)
		}
	}
}

func TestSetRelabel(t *testing.T) {
	s := newTestSet(setText)
	a := mustAdd(t, s, "quote", 0, 12)
	mustAdd(t, s, "claim", 0, 12)
	if err := s.SetAttribute(a.ID, AttrSpeaker, "the minister"); err != nil {
		t.Fatal(err)
	}
	errs := []struct {
		name, id, label string
		want            error
	}{
		{"unknown id", "nope", "pledge", ErrNotFound},
		{"unknown label", a.ID, "opinion", ErrUnknownLabel},
		{"duplicate", a.ID, "claim", ErrDuplicate},
	}
	for _, tt := range errs {
		v := s.Version()
		if err := s.Relabel(tt.id, tt.label); !errors.Is(err, tt.want) {
			t.Errorf("%s: Relabel = %v, want %v", tt.name, err, tt.want)
		}
		if s.Version() != v {
			t.Errorf("%s: a refused Relabel changed the version", tt.name)
		}
	}

	v, label := s.Version(), s.UndoLabel()
	if err := s.Relabel(a.ID, "quote"); err != nil {
		t.Fatalf("Relabel to the same label: %v", err)
	}
	if s.Version() != v || s.UndoLabel() != label {
		t.Errorf("a no-op Relabel was recorded")
	}

	prev, _ := s.Get(a.ID)
	if err := s.Relabel(a.ID, "pledge"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(a.ID)
	if got.Label != "pledge" || got.Attributes[AttrSpeaker] != "the minister" {
		t.Errorf("after Relabel: %+v, want pledge keeping the speaker", got)
	}
	if !got.Modified.After(prev.Modified) || !got.Created.Equal(prev.Created) {
		t.Errorf("Relabel did not update Modified")
	}
	if s.UndoLabel() != "relabel quote as pledge" {
		t.Errorf("UndoLabel = %q", s.UndoLabel())
	}
	// Relabelling back loses nothing.
	if err := s.Relabel(a.ID, "quote"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(a.ID); got.Attributes[AttrSpeaker] != "the minister" {
		t.Errorf("the speaker was lost relabelling there and back")
	}
}

func TestSetSetAttribute(t *testing.T) {
	s := newTestSet(setText)
	q := mustAdd(t, s, "quote", 0, 12)
	c := mustAdd(t, s, "claim", 4, 12)

	tests := []struct {
		name, id, attr, value string
		want                  error
		wantValue             string // value after, "" for absent
		recorded              bool
	}{
		{"unknown id", "nope", AttrNote, "x", ErrNotFound, "", false},
		{"claim takes no speaker", c.ID, AttrSpeaker, "x", ErrAttribute, "", false},
		{"empty name", c.ID, "", "x", ErrAttribute, "", false},
		{"removing what is not taken", c.ID, AttrParty, "", ErrAttribute, "", false},
		{"set trimmed", q.ID, AttrSpeaker, " \u00a0the minister\n", nil, "the minister", true},
		{"same value", q.ID, AttrSpeaker, "the minister ", nil, "the minister", false},
		{"change", q.ID, AttrSpeaker, "a spokesman", nil, "a spokesman", true},
		{"white space removes", q.ID, AttrSpeaker, "  ", nil, "", true},
		{"remove again", q.ID, AttrSpeaker, "", nil, "", false},
		{"note on claim", c.ID, AttrNote, "check this", nil, "check this", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := s.Version()
			before, _ := s.Get(tt.id)
			err := s.SetAttribute(tt.id, tt.attr, tt.value)
			if !errors.Is(err, tt.want) {
				t.Fatalf("SetAttribute = %v, want %v", err, tt.want)
			}
			if recorded := s.Version() != v; recorded != tt.recorded {
				t.Errorf("recorded = %v, want %v", recorded, tt.recorded)
			}
			if tt.want != nil {
				return
			}
			got, _ := s.Get(tt.id)
			if value, ok := got.Attributes[tt.attr]; value != tt.wantValue || ok != (tt.wantValue != "") {
				t.Errorf("attribute %q = %q (%v), want %q", tt.attr, value, ok, tt.wantValue)
			}
			if tt.recorded != got.Modified.After(before.Modified) {
				t.Errorf("Modified %v -> %v", before.Modified, got.Modified)
			}
		})
	}

	// An attribute kept from an earlier label can be removed but not set.
	if err := s.SetAttribute(q.ID, AttrSpeaker, "the minister"); err != nil {
		t.Fatal(err)
	}
	if err := s.Relabel(q.ID, "pledge"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttribute(q.ID, AttrSpeaker, "someone else"); !errors.Is(err, ErrAttribute) {
		t.Errorf("setting a kept attribute the label does not take: %v, want ErrAttribute", err)
	}
	if err := s.SetAttribute(q.ID, AttrSpeaker, ""); err != nil {
		t.Errorf("removing a kept attribute: %v", err)
	}
	if s.UndoLabel() != "clear speaker" {
		t.Errorf("UndoLabel = %q", s.UndoLabel())
	}
	if got, _ := s.Get(q.ID); len(got.Attributes) != 0 {
		t.Errorf("Attributes = %v", got.Attributes)
	}
}

// TestSetClearsEmptyAttribute: an attribute there with an empty value (as
// an import's could be, inserted as it is) is removed by setting it to "",
// as the sidebar clears a field, and the removal undoes like any other.
func TestSetClearsEmptyAttribute(t *testing.T) {
	s := newTestSet(setText)
	a := Annotation{ID: "0190b3c4-1111-7000-8000-000000000001", Label: "quote", Start: 0, End: 12,
		Exact: NewText(setText).Slice(0, 12), Attributes: map[string]string{AttrSpeaker: "", AttrNote: " "}}
	if err := s.Insert(a); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{AttrSpeaker, AttrNote} {
		v := s.Version()
		if err := s.SetAttribute(a.ID, name, ""); err != nil {
			t.Fatalf("clearing %s: %v", name, err)
		}
		got, _ := s.Get(a.ID)
		if value, ok := got.Attributes[name]; ok || s.Version() == v || s.UndoLabel() != "clear "+name {
			t.Errorf("after clearing %s it is %q (%v), recorded %v as %q", name, value, ok, s.Version() != v, s.UndoLabel())
		}
	}
	// Clearing it again changes nothing.
	v := s.Version()
	if err := s.SetAttribute(a.ID, AttrSpeaker, ""); err != nil || s.Version() != v {
		t.Errorf("clearing what is not there: %v, recorded %v", err, s.Version() != v)
	}
	s.Undo()
	if got, _ := s.Get(a.ID); len(got.Attributes) != 1 || got.Attributes[AttrNote] != " " {
		t.Errorf("after the undo the attributes are %q, want the note as it was", got.Attributes)
	}
}

func TestSetResize(t *testing.T) {
	text := setText
	n := RuneCount(text)
	we := cp(t, text, "We")
	critics := cp(t, text, "Critics")

	tests := []struct {
		name             string
		start, end       int
		want             error
		wantStart, wantE int
	}{
		{"out of range", 0, n + 1, ErrOutOfRange, 0, 0},
		{"negative", -3, 4, ErrOutOfRange, 0, 0},
		{"empty", 5, 5, ErrEmptySpan, 0, 0},
		{"reversed", 6, 5, ErrEmptySpan, 0, 0},
		{"white space", critics - 2, critics, ErrEmptySpan, 0, 0},
		{"duplicate", 0, 3, ErrDuplicate, 0, 0},
		{"grow, trimmed", we - 1, critics, nil, we - 1, critics - 2},
		{"shrink to emoji", cp(t, text, "\U0001F44B") - 1, cp(t, text, " now"), nil, cp(t, text, "\U0001F44B"), cp(t, text, " now")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSet(text)
			mustAdd(t, s, "quote", 0, 3)
			a := mustAdd(t, s, "quote", we, we+2)
			v := s.Version()
			err := s.Resize(a.ID, tt.start, tt.end)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Resize(%d, %d) = %v, want %v", tt.start, tt.end, err, tt.want)
			}
			got, _ := s.Get(a.ID)
			if tt.want != nil {
				if s.Version() != v || got.Start != we || got.End != we+2 {
					t.Errorf("a refused Resize changed the set")
				}
				return
			}
			if got.Start != tt.wantStart || got.End != tt.wantE {
				t.Errorf("span = [%d, %d), want [%d, %d)", got.Start, got.End, tt.wantStart, tt.wantE)
			}
			if got.Exact != runeSlice(text, got.Start, got.End) ||
				got.Prefix != runeSlice(text, got.Start-ContextLen, got.Start) ||
				got.Suffix != runeSlice(text, got.End, got.End+ContextLen) {
				t.Errorf("Resize did not recompute the text: %+v", got)
			}
			if !got.Modified.After(a.Modified) || !got.Created.Equal(a.Created) || got.ID != a.ID {
				t.Errorf("Resize stamps: %+v", got)
			}
			if s.UndoLabel() != "resize quote" {
				t.Errorf("UndoLabel = %q", s.UndoLabel())
			}
			if !s.Undo() {
				t.Fatal("cannot undo Resize")
			}
			if back, _ := s.Get(a.ID); !reflect.DeepEqual(back, a) {
				t.Errorf("undoing Resize gave %+v, want %+v", back, a)
			}
		})
	}

	s := newTestSet(text)
	a := mustAdd(t, s, "claim", we, we+2)
	v := s.Version()
	if err := s.Resize(a.ID, we, we+3); err != nil || s.Version() != v { // "We "
		t.Errorf("a Resize that trims to the same span: err %v, recorded %v", err, s.Version() != v)
	}
	if err := s.Resize("nope", 0, 3); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resize of an unknown id = %v", err)
	}
}

func TestSetResizeKeepsOrder(t *testing.T) {
	s := newTestSet(strings.Repeat("abcd ", 40))
	var ids []string
	for i := 0; i < 40; i++ {
		ids = append(ids, mustAdd(t, s, "claim", i*5, i*5+4).ID)
	}
	if err := s.Resize(ids[0], 150, 199); err != nil {
		t.Fatal(err)
	}
	if err := s.Resize(ids[39], 0, 9); err != nil {
		t.Fatal(err)
	}
	all := s.All()
	if !slices.IsSortedFunc(all, func(a, b Annotation) int { return compare(&a, &b) }) {
		t.Errorf("order broken by Resize")
	}
	// [0, 9), then [5, 9) ... [145, 149), then [150, 154) before [150, 199).
	if all[0].ID != ids[39] || all[30].ID != ids[30] || all[31].ID != ids[0] {
		t.Errorf("the annotations moved to the start and the end are not there")
	}
}

func TestSetDelete(t *testing.T) {
	s := newTestSet(setText)
	a := mustAdd(t, s, "claim", 0, 3)
	b := mustAdd(t, s, "quote", 4, 12)
	c := mustAdd(t, s, "pledge", 0, 12)
	full := s.All()

	v := s.Version()
	err := s.Delete(a.ID, "nope", b.ID, "gone")
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("Delete with unknown ids = %v, want ErrNotFound", err)
	}
	if !strings.Contains(err.Error(), `"nope"`) || !strings.Contains(err.Error(), `"gone"`) {
		t.Errorf("error %q does not name the unknown ids", err)
	}
	if s.Version() != v || !reflect.DeepEqual(s.All(), full) {
		t.Errorf("a refused Delete deleted something")
	}
	if err := s.Delete(); err != nil || s.Version() != v {
		t.Errorf("Delete() = %v, recorded %v", err, s.Version() != v)
	}

	if err := s.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if s.UndoLabel() != "delete pledge" {
		t.Errorf("UndoLabel = %q", s.UndoLabel())
	}
	if err := s.Delete(a.ID, b.ID, a.ID); err != nil {
		t.Fatal(err)
	}
	if s.Len() != 0 {
		t.Fatalf("Len = %d after deleting all", s.Len())
	}
	if _, ok := s.Get(a.ID); ok {
		t.Errorf("Get finds a deleted annotation")
	}
	if s.UndoLabel() != "delete 2 annotations" {
		t.Errorf("UndoLabel = %q", s.UndoLabel())
	}
	s.Undo()
	if s.Len() != 2 {
		t.Errorf("one Undo restored %d annotations, want 2", s.Len())
	}
	s.Undo()
	if !reflect.DeepEqual(s.All(), full) {
		t.Errorf("undoing the deletes did not restore the set")
	}
	// A deleted annotation's span is free again.
	s.Redo()
	if _, err := s.Add("pledge", 0, 12); err != nil {
		t.Errorf("adding again where an annotation was deleted: %v", err)
	}
}

func TestSetInsert(t *testing.T) {
	text := setText
	src := newTestSet(text)
	good := mustAdd(t, src, "quote", 4, 12)
	good.Attributes[AttrSpeaker] = "someone"
	good.Anchor = AnchorFuzzy
	good.Author = "other"

	edit := func(f func(a *Annotation)) Annotation {
		a := good.Clone()
		f(&a)
		return a
	}
	tests := []struct {
		name string
		a    Annotation
		want error
	}{
		{"empty id", edit(func(a *Annotation) { a.ID = "" }), ErrInvalidID},
		{"id in use", edit(func(a *Annotation) { a.ID = "taken" }), ErrInvalidID},
		{"unknown label", edit(func(a *Annotation) { a.Label = "opinion" }), ErrUnknownLabel},
		{"out of range", edit(func(a *Annotation) { a.End = RuneCount(text) + 1 }), ErrOutOfRange},
		{"negative", edit(func(a *Annotation) { a.Start = -1 }), ErrOutOfRange},
		{"empty", edit(func(a *Annotation) { a.End = a.Start; a.Exact = "" }), ErrEmptySpan},
		{"exact differs", edit(func(a *Annotation) { a.Exact = "something else" }), ErrTextMismatch},
		{"shifted", edit(func(a *Annotation) { a.Start++; a.End++ }), ErrTextMismatch},
		{"duplicate", edit(func(a *Annotation) { a.ID = "new"; a.Label = "claim" }), ErrDuplicate},
		{"good", good, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSet(text)
			taken := good.Clone()
			taken.ID, taken.Label, taken.Start, taken.End, taken.Exact = "taken", "claim", 4, 12, good.Exact
			if err := s.Insert(taken); err != nil {
				t.Fatal(err)
			}
			v := s.Version()
			err := s.Insert(tt.a)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Insert = %v, want %v", err, tt.want)
			}
			if tt.want != nil {
				if s.Version() != v || s.Len() != 1 {
					t.Errorf("a refused Insert changed the set")
				}
				return
			}
			got, _ := s.Get(tt.a.ID)
			if !reflect.DeepEqual(got, tt.a) {
				t.Errorf("Insert changed the annotation:\n got %+v\nwant %+v", got, tt.a)
			}
			if s.UndoLabel() != "insert quote" {
				t.Errorf("UndoLabel = %q", s.UndoLabel())
			}
			tt.a.Attributes[AttrSpeaker] = "changed by the caller"
			if got, _ := s.Get(tt.a.ID); got.Attributes[AttrSpeaker] != "someone" {
				t.Errorf("the set shares its attributes with the caller")
			}
			s.Undo()
			if _, ok := s.Get(tt.a.ID); ok || s.Len() != 1 {
				t.Errorf("Undo did not take the inserted annotation out")
			}
		})
	}

	s := newTestSet(text)
	bare := good.Clone()
	bare.Attributes = nil
	if err := s.Insert(bare); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(bare.ID); got.Attributes == nil {
		t.Errorf("Insert kept nil Attributes")
	}
}

// TestUndoRedoSequence adds, relabels, sets an attribute and deletes, then
// undoes and redoes all four, comparing whole snapshots.
func TestUndoRedoSequence(t *testing.T) {
	s := newTestSet(setText)
	snaps := [][]Annotation{s.All()}
	labels := []string{""}
	var id string
	steps := []func() error{
		func() error { a, err := s.Add("quote", 4, 12); id = a.ID; return err },
		func() error { return s.Relabel(id, "pledge") },
		func() error { return s.SetAttribute(id, AttrParty, "Greens") },
		func() error { return s.Delete(id) },
	}
	wantLabels := []string{"add quote", "relabel quote as pledge", "set party", "delete pledge"}
	for i, f := range steps {
		if err := f(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		snaps = append(snaps, s.All())
		labels = append(labels, s.UndoLabel())
		if s.UndoLabel() != wantLabels[i] {
			t.Errorf("after step %d UndoLabel = %q, want %q", i, s.UndoLabel(), wantLabels[i])
		}
	}
	v := s.Version()
	for i := len(steps); i > 0; i-- {
		if !s.CanUndo() || !s.Undo() {
			t.Fatalf("cannot undo step %d", i)
		}
		if !reflect.DeepEqual(s.All(), snaps[i-1]) {
			t.Errorf("undoing step %d:\n got %+v\nwant %+v", i, s.All(), snaps[i-1])
		}
		if s.RedoLabel() != labels[i] || s.UndoLabel() != labels[i-1] {
			t.Errorf("after undoing step %d: UndoLabel %q, RedoLabel %q", i, s.UndoLabel(), s.RedoLabel())
		}
	}
	if s.CanUndo() || s.Undo() {
		t.Errorf("could undo past the start")
	}
	for i := 1; i <= len(steps); i++ {
		if !s.CanRedo() || !s.Redo() {
			t.Fatalf("cannot redo step %d", i)
		}
		if !reflect.DeepEqual(s.All(), snaps[i]) {
			t.Errorf("redoing step %d:\n got %+v\nwant %+v", i, s.All(), snaps[i])
		}
	}
	if s.CanRedo() || s.Redo() || s.RedoLabel() != "" {
		t.Errorf("could redo past the end")
	}
	if s.Version() != v+2*len(steps) {
		t.Errorf("Version = %d, want %d: undo and redo must each count", s.Version(), v+2*len(steps))
	}
}

// TestUndoRedoEachOperation checks that undo brings back exactly the state
// before each kind of change, Modified times included, and redo the state
// after it.
func TestUndoRedoEachOperation(t *testing.T) {
	text := strings.Repeat("The party pledged to build \U0001F3E0 homes. ", 10)
	ops := []struct {
		name string
		do   func(s *Set, ids []string) error
	}{
		{"add", func(s *Set, _ []string) error { _, err := s.Add("claim", 5, 30); return err }},
		{"insert", func(s *Set, ids []string) error {
			a, _ := s.Get(ids[0])
			a.ID, a.Label = "imported", "pledge"
			return s.Insert(a)
		}},
		{"relabel", func(s *Set, ids []string) error { return s.Relabel(ids[1], "claim") }},
		{"set attribute", func(s *Set, ids []string) error { return s.SetAttribute(ids[1], AttrSpeaker, "Jo") }},
		{"change attribute", func(s *Set, ids []string) error { return s.SetAttribute(ids[0], AttrNote, "new") }},
		{"clear attribute", func(s *Set, ids []string) error { return s.SetAttribute(ids[0], AttrNote, "") }},
		{"resize", func(s *Set, ids []string) error { return s.Resize(ids[2], 0, 60) }},
		{"delete one", func(s *Set, ids []string) error { return s.Delete(ids[1]) }},
		{"delete all", func(s *Set, ids []string) error { return s.Delete(ids...) }},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			s := newTestSet(text)
			var ids []string
			for i, label := range []string{"claim", "quote", "pledge"} {
				ids = append(ids, mustAdd(t, s, label, i*41, i*41+20).ID)
			}
			if err := s.SetAttribute(ids[0], AttrNote, "old"); err != nil {
				t.Fatal(err)
			}
			before := s.All()
			if err := op.do(s, ids); err != nil {
				t.Fatal(err)
			}
			after := s.All()
			if reflect.DeepEqual(before, after) {
				t.Fatal("the operation changed nothing")
			}
			if !s.Undo() || !reflect.DeepEqual(s.All(), before) {
				t.Errorf("Undo:\n got %+v\nwant %+v", s.All(), before)
			}
			if !s.Redo() || !reflect.DeepEqual(s.All(), after) {
				t.Errorf("Redo:\n got %+v\nwant %+v", s.All(), after)
			}
			if !s.Undo() || !reflect.DeepEqual(s.All(), before) {
				t.Errorf("second Undo:\n got %+v\nwant %+v", s.All(), before)
			}
		})
	}
}

func TestUndoBulk(t *testing.T) {
	s := newTestSet(strings.Repeat("lorem ipsum dolor ", 200))
	var ids []string
	rng := rand.New(rand.NewSource(7))
	for len(ids) < 300 {
		start := rng.Intn(3500)
		a, err := s.Add([]string{"claim", "quote", "pledge"}[rng.Intn(3)], start, start+1+rng.Intn(60))
		if err == nil {
			ids = append(ids, a.ID)
		}
	}
	before := s.All()
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	if err := s.Delete(ids[:200]...); err != nil {
		t.Fatal(err)
	}
	after := s.All()
	checkSet(t, s)
	if s.Len() != 100 {
		t.Fatalf("Len = %d after deleting 200 of 300", s.Len())
	}
	s.Undo()
	checkSet(t, s)
	if !reflect.DeepEqual(s.All(), before) {
		t.Errorf("undoing a bulk delete did not restore the set")
	}
	s.Redo()
	checkSet(t, s)
	if !reflect.DeepEqual(s.All(), after) {
		t.Errorf("redoing a bulk delete did not delete the same annotations")
	}
}

func TestRedoClearedByNewChange(t *testing.T) {
	s := newTestSet(setText)
	a := mustAdd(t, s, "claim", 0, 3)
	mustAdd(t, s, "quote", 4, 12)
	s.Undo()
	if !s.CanRedo() || s.RedoLabel() != "add quote" {
		t.Fatalf("RedoLabel = %q", s.RedoLabel())
	}
	tests := []struct {
		name string
		do   func() error
	}{
		{"add", func() error { _, err := s.Add("pledge", 0, 3); return err }},
		{"relabel", func() error { return s.Relabel(a.ID, "quote") }},
		{"attribute", func() error { return s.SetAttribute(a.ID, AttrNote, "n") }},
		{"resize", func() error { return s.Resize(a.ID, 0, 12) }},
		{"delete", func() error { return s.Delete(a.ID) }},
	}
	for _, tt := range tests {
		mustAdd(t, s, "quote", 20, 30)
		s.Undo()
		if !s.CanRedo() {
			t.Fatalf("%s: nothing to redo before the change", tt.name)
		}
		if err := tt.do(); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if s.CanRedo() || s.Redo() || s.RedoLabel() != "" {
			t.Errorf("%s: the redo history survived a new change", tt.name)
		}
		s.Undo()
	}
	// A refused or no-op change keeps the redo history.
	mustAdd(t, s, "quote", 20, 30)
	s.Undo()
	if _, err := s.Add("claim", 0, 3); err == nil {
		t.Fatal("duplicate accepted")
	}
	if err := s.Relabel(a.ID, "claim"); err != nil {
		t.Fatal(err)
	}
	if !s.CanRedo() {
		t.Errorf("a refused or no-op change cleared the redo history")
	}
}

func TestUndoHistoryBound(t *testing.T) {
	const extra = 7
	s := newTestSet(strings.Repeat("w ", UndoLimit+extra))
	for i := 0; i < UndoLimit+extra; i++ {
		mustAdd(t, s, "claim", 2*i, 2*i+1)
	}
	undone := 0
	for s.Undo() {
		undone++
	}
	if undone != UndoLimit {
		t.Errorf("undid %d steps, want %d", undone, UndoLimit)
	}
	if s.Len() != extra {
		t.Errorf("Len = %d after undoing all that is remembered, want the %d oldest", s.Len(), extra)
	}
	for i, a := range s.All() {
		if a.Start != 2*i {
			t.Errorf("the annotation left at %d is at %d, want the oldest at %d", i, a.Start, 2*i)
		}
	}
	redone := 0
	for s.Redo() {
		redone++
	}
	if redone != UndoLimit || s.Len() != UndoLimit+extra {
		t.Errorf("redid %d, Len %d", redone, s.Len())
	}
	checkSet(t, s)
}

func TestSetVersion(t *testing.T) {
	s := newTestSet(setText)
	if s.Version() != 0 || s.CanUndo() || s.CanRedo() || s.UndoLabel() != "" || s.RedoLabel() != "" {
		t.Fatalf("a new set is not empty")
	}
	a := mustAdd(t, s, "quote", 4, 12)
	steps := []func(){
		func() { s.Relabel(a.ID, "claim") },
		func() { s.SetAttribute(a.ID, AttrNote, "x") },
		func() { s.Resize(a.ID, 4, 11) },
		func() { s.Undo() },
		func() { s.Redo() },
		func() { s.Delete(a.ID) },
	}
	for i, f := range steps {
		v := s.Version()
		f()
		if s.Version() <= v {
			t.Errorf("step %d did not change the version", i)
		}
	}
}

// checkSet checks the invariants of a Set: strict stable order, the id and
// span indexes agreeing with the slice, unique ids, no duplicate spans, and
// every annotation's text matching its span.
func checkSet(t testing.TB, s *Set) {
	t.Helper()
	if len(s.byID) != len(s.items) || len(s.spans) != len(s.items) {
		t.Fatalf("%d annotations, %d ids, %d spans", len(s.items), len(s.byID), len(s.spans))
	}
	for i, a := range s.items {
		if i > 0 && !less(s.items[i-1], a) {
			t.Fatalf("annotations %d and %d are out of order", i-1, i)
		}
		if s.byID[a.ID] != a {
			t.Fatalf("the id index lost %s", a.ID)
		}
		if s.spans[keyOf(a)] != a.ID {
			t.Fatalf("the span index lost %s", a.ID)
		}
		if _, ok := s.labels[a.Label]; !ok {
			t.Fatalf("annotation %s has label %q", a.ID, a.Label)
		}
		if a.Start < 0 || a.End > s.text.Len() || a.Start >= a.End {
			t.Fatalf("annotation %s is at [%d, %d)", a.ID, a.Start, a.End)
		}
		if a.Exact != s.text.Slice(a.Start, a.End) {
			t.Fatalf("annotation %s: Exact %q, text %q", a.ID, a.Exact, s.text.Slice(a.Start, a.End))
		}
		if a.Prefix != s.text.Slice(a.Start-ContextLen, a.Start) || a.Suffix != s.text.Slice(a.End, a.End+ContextLen) {
			t.Fatalf("annotation %s: wrong context", a.ID)
		}
		if a.Attributes == nil {
			t.Fatalf("annotation %s has nil attributes", a.ID)
		}
	}
	counts := map[string]int{}
	for _, a := range s.items {
		counts[a.Label]++
	}
	if !maps.Equal(counts, s.Counts()) {
		t.Fatalf("counts per label %v, kept %v", counts, s.Counts())
	}
	for label, n := range counts {
		if s.Count(label) != n {
			t.Fatalf("Count(%q) = %d, want %d", label, s.Count(label), n)
		}
	}
}

// TestSetRandomOperations makes random changes, undoes and redoes, and
// checks after each that the invariants hold, that refused changes change
// nothing, and that undo and redo move between exactly the snapshots seen.
func TestSetRandomOperations(t *testing.T) {
	rng := rand.New(rand.NewSource(20250301))
	var b strings.Builder
	pieces := []string{"word", "claim", "\u00e9t\u00e9", "\U0001F600", " ", " ", "\u00a0", "\n", "\n\n", ".", "\u201cq\u201d"}
	for RuneCount(b.String()) < 600 {
		b.WriteString(pieces[rng.Intn(len(pieces))])
	}
	text := b.String()
	n := RuneCount(text)
	s := newTestSet(text)
	labels := []string{"claim", "quote", "pledge", "opinion"}
	attrs := []string{AttrNote, AttrSpeaker, AttrParty, "mood"}
	values := []string{"", " x ", "y", "  "}

	var seen []Annotation // every annotation ever in the set, for Insert
	var past, future [][]Annotation
	anyID := func() string {
		if s.Len() == 0 || rng.Intn(20) == 0 {
			return "missing"
		}
		return s.items[rng.Intn(s.Len())].ID
	}
	pos := func() int { return rng.Intn(n+6) - 3 }

	const ops = 900 // fewer than UndoLimit, so that all can be undone
	for i := 0; i < ops; i++ {
		before, v := s.All(), s.Version()
		var err error
		var what string
		switch k := rng.Intn(100); {
		case k < 30:
			a, start := labels[rng.Intn(len(labels))], pos()
			what = fmt.Sprintf("Add(%s, %d, ...)", a, start)
			var got Annotation
			got, err = s.Add(a, start, start+rng.Intn(40)-2)
			if err == nil {
				seen = append(seen, got)
			}
		case k < 38:
			what = "Insert"
			if len(seen) > 0 {
				a := seen[rng.Intn(len(seen))]
				if rng.Intn(3) == 0 {
					a.ID = uuid.NewString()
					a.Label = labels[rng.Intn(len(labels))]
				}
				err = s.Insert(a)
			}
		case k < 48:
			what = "Relabel"
			err = s.Relabel(anyID(), labels[rng.Intn(len(labels))])
		case k < 60:
			what = "SetAttribute"
			err = s.SetAttribute(anyID(), attrs[rng.Intn(len(attrs))], values[rng.Intn(len(values))])
		case k < 70:
			what = "Resize"
			start := pos()
			err = s.Resize(anyID(), start, start+rng.Intn(40)-2)
		case k < 78:
			what = "Delete"
			var ids []string
			for j := rng.Intn(4); j >= 0; j-- {
				ids = append(ids, anyID())
			}
			err = s.Delete(ids...)
		case k < 90:
			what = "Undo"
			if s.Undo() {
				if len(past) == 0 {
					t.Fatalf("op %d: Undo with no history", i)
				}
				future = append(future, before)
				want := past[len(past)-1]
				past = past[:len(past)-1]
				if !reflect.DeepEqual(s.All(), want) {
					t.Fatalf("op %d: Undo did not restore the previous state", i)
				}
			} else if len(past) != 0 {
				t.Fatalf("op %d: Undo refused with %d steps of history", i, len(past))
			}
			checkSet(t, s)
			continue
		default:
			what = "Redo"
			if s.Redo() {
				if len(future) == 0 {
					t.Fatalf("op %d: Redo with nothing undone", i)
				}
				past = append(past, before)
				want := future[len(future)-1]
				future = future[:len(future)-1]
				if !reflect.DeepEqual(s.All(), want) {
					t.Fatalf("op %d: Redo did not restore the state undone", i)
				}
			} else if len(future) != 0 {
				t.Fatalf("op %d: Redo refused with %d steps undone", i, len(future))
			}
			checkSet(t, s)
			continue
		}
		checkSet(t, s)
		changed := !reflect.DeepEqual(s.All(), before)
		switch {
		case err != nil:
			if changed || s.Version() != v {
				t.Fatalf("op %d: refused %s (%v) changed the set", i, what, err)
			}
		case s.Version() != v:
			if !changed {
				t.Fatalf("op %d: %s recorded a change that changed nothing", i, what)
			}
			past = append(past, before)
			future = nil
		case changed:
			t.Fatalf("op %d: %s changed the set without a new version", i, what)
		}
		if s.CanRedo() != (len(future) > 0) {
			t.Fatalf("op %d: CanRedo = %v with %d undone", i, s.CanRedo(), len(future))
		}
	}
	if s.Len() == 0 || len(past) < 50 {
		t.Fatalf("the random run did too little: %d annotations, %d steps", s.Len(), len(past))
	}
	for s.Undo() {
		checkSet(t, s)
	}
	if s.Len() != 0 {
		t.Errorf("undoing every step left %d annotations", s.Len())
	}
}

// benchText is about 50,000 words of synthetic news prose.
func benchText(rng *rand.Rand) string {
	words := []string{"the", "minister", "said", "that", "taxes", "would", "fall", "by", "2030",
		"\u201cwe", "will", "deliver\u201d", "critics", "disagreed", "caf\u00e9", "\U0001F4C8", "party", "pledged"}
	var b strings.Builder
	for i := 0; i < 50000; i++ {
		b.WriteString(words[rng.Intn(len(words))])
		switch {
		case i%60 == 59:
			b.WriteString(".\n\n")
		case i%12 == 11:
			b.WriteString(". ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

type benchSpan struct {
	label      string
	start, end int
}

func benchSpans(rng *rand.Rand, n, count int) []benchSpan {
	seen := map[benchSpan]bool{}
	var out []benchSpan
	for len(out) < count {
		start := rng.Intn(n - 400)
		sp := benchSpan{[]string{"claim", "quote", "pledge"}[rng.Intn(3)], start, start + 20 + rng.Intn(300)}
		if !seen[sp] {
			seen[sp] = true
			out = append(out, sp)
		}
	}
	return out
}

func BenchmarkSetAdd2000(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	text := NewText(benchText(rng))
	spans := benchSpans(rng, text.Len(), 2000)
	b.ReportAllocs()
	for b.Loop() {
		s := NewSet(text, DefaultSchema())
		for _, sp := range spans {
			if _, err := s.Add(sp.label, sp.start, sp.end); err != nil && !errors.Is(err, ErrDuplicate) {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkSetUndoRedo(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	text := NewText(benchText(rng))
	spans := benchSpans(rng, text.Len(), 2001)
	fill := func() (*Set, []string) {
		s := NewSet(text, DefaultSchema())
		var ids []string
		for _, sp := range spans {
			if a, err := s.Add(sp.label, sp.start, sp.end); err == nil {
				ids = append(ids, a.ID)
			}
		}
		return s, ids
	}
	b.Run("add", func(b *testing.B) {
		s, _ := fill()
		b.ReportAllocs()
		for b.Loop() {
			s.Undo()
			s.Redo()
		}
	})
	b.Run("delete-all-2000", func(b *testing.B) {
		s, ids := fill()
		if err := s.Delete(ids...); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			s.Undo()
			s.Redo()
		}
	})
	b.Run("undo-redo-all-2000", func(b *testing.B) {
		s, _ := fill()
		b.ReportAllocs()
		for b.Loop() {
			for s.Undo() {
			}
			for s.Redo() {
			}
		}
	})
}

// TestSetCompareAgreesWithLess guards the bulk paths, which sort with
// compare while the rest of the Set orders with less.
func TestSetCompareAgreesWithLess(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	at := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	gen := func() *Annotation {
		return &Annotation{
			Start:   rng.Intn(3),
			End:     rng.Intn(3),
			Created: at.Add(time.Duration(rng.Intn(3)) * time.Millisecond),
			ID:      []string{"a", "b", "c"}[rng.Intn(3)],
		}
	}
	for i := 0; i < 5000; i++ {
		a, b := gen(), gen()
		want := 0
		if less(a, b) {
			want = -1
		} else if less(b, a) {
			want = 1
		}
		if got := compare(a, b); got != want {
			t.Fatalf("compare(%+v, %+v) = %d, less says %d", *a, *b, got, want)
		}
	}
}

// TestSnapshotSharesNothingThatChanges checks that a snapshot taken before
// a change still shows the annotations as they were: the set replaces
// attribute maps rather than changing them.
func TestSnapshotSharesNothingThatChanges(t *testing.T) {
	s := NewSet(NewText("The minister said yes we can today."), DefaultSchema())
	a, err := s.Add("quote", 18, 28)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttribute(a.ID, AttrSpeaker, "Trump"); err != nil {
		t.Fatal(err)
	}
	before := s.Snapshot()
	if err := s.SetAttribute(a.ID, AttrSpeaker, "Starmer"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttribute(a.ID, AttrNote, "checked"); err != nil {
		t.Fatal(err)
	}
	s.Undo()
	s.Undo()
	s.Redo()
	if got := before[0].Attributes[AttrSpeaker]; got != "Trump" || len(before[0].Attributes) != 1 {
		t.Errorf("the snapshot changed under its holder: %v", before[0].Attributes)
	}
	if got := s.Snapshot()[0].Attributes[AttrSpeaker]; got != "Starmer" {
		t.Errorf("the set holds speaker %q after redo", got)
	}
}

// TestSetRelabelTaken: the labels an annotation cannot be relabelled as
// are those another annotation of its span has, and no other; Relabel
// refuses each of them and takes the rest.
func TestSetRelabelTaken(t *testing.T) {
	s := newTestSet(setText)
	c := mustAdd(t, s, "claim", 0, 12)
	q := mustAdd(t, s, "quote", 0, 12)
	p := mustAdd(t, s, "pledge", 4, 12)
	if got := s.RelabelTaken(c.ID); !slices.Equal(got, []string{"quote"}) {
		t.Errorf("the claim's labels taken are %q, want quote", got)
	}
	if got := s.RelabelTaken(q.ID); !slices.Equal(got, []string{"claim"}) {
		t.Errorf("the quote's labels taken are %q, want claim", got)
	}
	if got := s.RelabelTaken(p.ID); len(got) != 0 {
		t.Errorf("the pledge, alone on its span, has labels taken: %q", got)
	}
	if got := s.RelabelTaken("nope"); got != nil {
		t.Errorf("an id not in the set has labels taken: %q", got)
	}
	for _, l := range s.Schema().Labels {
		err := s.Relabel(c.ID, l.Name)
		if taken := slices.Contains(s.RelabelTaken(c.ID), l.Name); taken != errors.Is(err, ErrDuplicate) {
			t.Errorf("relabelled %s: %v, though RelabelTaken says taken = %v", l.Name, err, taken)
		}
	}
}
