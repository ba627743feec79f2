package annotate

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestSetAttributeShowsWhatItHolds: a value is kept without what shows
// nothing at its edges (a zero-width space, a byte order mark, a soft
// hyphen, a word joiner, a control), and a value of nothing that shows is
// no value; what lies inside, and what shapes the letters (an emoji's
// joiners, a flag's tags, a name's direction marks), is kept.
func TestSetAttributeShowsWhatItHolds(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"zero-width space alone", "\u200b", ""},
		{"byte order mark and spaces", " \ufeff\u3000", ""},
		{"direction mark alone", "\u200f", ""},
		{"joiner and soft hyphen", "\u200d\u00ad", ""},
		{"pasted name", "\ufeffKeir Starmer\u200b", "Keir Starmer"},
		{"word joiner, control and spaces", "\u2060\u0007 Obama \u00ad\n", "Obama"},
		{"inside kept", "Keir\u200bStarmer", "Keir\u200bStarmer"},
		{"note's lines", "line one\n\nline two", "line one\n\nline two"},
		{"family emoji", "👩‍👩‍👧", "👩‍👩‍👧"},
		{"Scotland's flag", "Scotland 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "Scotland 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"},
		{"Arabic with its mark", "محمد (الرئيس)\u200f", "محمد (الرئيس)\u200f"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestSet(setText)
			q := mustAdd(t, s, "quote", 0, 12)
			v := s.Version()
			if err := s.SetAttribute(q.ID, AttrSpeaker, tt.value); err != nil {
				t.Fatal(err)
			}
			got, _ := s.Get(q.ID)
			value, ok := got.Attributes[AttrSpeaker]
			if value != tt.want || ok != (tt.want != "") {
				t.Errorf("SetAttribute(%q) keeps %q (%v), want %q", tt.value, value, ok, tt.want)
			}
			if recorded := s.Version() != v; recorded != (tt.want != "") {
				t.Errorf("SetAttribute(%q) recorded a step: %v", tt.value, recorded)
			}
			if AttributeValue(tt.value) != tt.want {
				t.Errorf("AttributeValue(%q) = %q, want %q", tt.value, AttributeValue(tt.value), tt.want)
			}
		})
	}
}

// TestSetKeptAttributes: a quote's speaker relabelled a pledge is kept, and
// said to be kept; relabelled a quote again, it is the label's own. The
// note is every label's.
func TestSetKeptAttributes(t *testing.T) {
	s := newTestSet(setText)
	q := mustAdd(t, s, "quote", 0, 12)
	for name, v := range map[string]string{AttrSpeaker: "Obama", AttrNote: "slogan"} {
		if err := s.SetAttribute(q.ID, name, v); err != nil {
			t.Fatal(err)
		}
	}
	if got := s.KeptAttributes(q.ID); got != nil {
		t.Errorf("a quote keeps %q its label does not take", got)
	}
	if err := s.Relabel(q.ID, "pledge"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttribute(q.ID, AttrParty, "Democrats"); err != nil {
		t.Fatal(err)
	}
	if got := s.KeptAttributes(q.ID); !slices.Equal(got, []string{AttrSpeaker}) {
		t.Errorf("relabelled pledge, it keeps %q, want the speaker", got)
	}
	if err := s.Relabel(q.ID, "claim"); err != nil {
		t.Fatal(err)
	}
	if got := s.KeptAttributes(q.ID); !slices.Equal(got, []string{AttrParty, AttrSpeaker}) {
		t.Errorf("relabelled claim, it keeps %q, want the party and the speaker", got)
	}
	if got := s.KeptAttributes("nope"); got != nil {
		t.Errorf("an id not in the set keeps %q", got)
	}
}

// TestSetAttributeLimit: a value of up to AttributeLimit code points is
// set, a longer one refused in words, with nothing recorded; a longer
// value that an import brought can still be shortened, not lengthened.
func TestSetAttributeLimit(t *testing.T) {
	s := newTestSet(setText)
	q := mustAdd(t, s, "quote", 0, 12)
	// "é" is two bytes: the limit counts characters, not bytes.
	if err := s.SetAttribute(q.ID, AttrNote, strings.Repeat("é", AttributeLimit)); err != nil {
		t.Fatalf("a note of %d characters: %v", AttributeLimit, err)
	}
	v := s.Version()
	err := s.SetAttribute(q.ID, AttrSpeaker, strings.Repeat("a", AttributeLimit+1))
	if !errors.Is(err, ErrAttributeTooLong) {
		t.Fatalf("a speaker of %d characters: %v, want ErrAttributeTooLong", AttributeLimit+1, err)
	}
	if want := "a speaker is at most 10,000 characters, and the text given has 10,001"; err.Error() != want {
		t.Errorf("the refusal reads %q, want %q", err, want)
	}
	if got, _ := s.Get(q.ID); s.Version() != v || got.Attributes[AttrSpeaker] != "" {
		t.Errorf("the refused speaker was recorded (version %d, was %d) or set (%d characters)", s.Version(), v, len(got.Attributes[AttrSpeaker]))
	}

	long := Annotation{ID: "imported", Label: "quote", Start: 4, End: 12, Exact: "minister",
		Attributes: map[string]string{AttrNote: strings.Repeat("n", 3*AttributeLimit)}}
	if err := s.Insert(long); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttribute("imported", AttrNote, strings.Repeat("n", 2*AttributeLimit)); err != nil {
		t.Errorf("shortening an imported note of %d characters: %v", 3*AttributeLimit, err)
	}
	if err := s.SetAttribute("imported", AttrNote, strings.Repeat("n", 2*AttributeLimit+1)); !errors.Is(err, ErrAttributeTooLong) {
		t.Errorf("lengthening a note over the limit: %v, want ErrAttributeTooLong", err)
	}
}
