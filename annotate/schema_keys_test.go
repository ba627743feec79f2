package annotate

import (
	"strings"
	"testing"
)

// TestSchemaKeysThatFoldAlike: the app finds a label by its key ignoring
// case as Unicode folds it (LabelForKey), so two keys that fold alike are
// the same key, and Validate refuses the second: else pressing it tags
// with the first label, and the second can never be tagged by key.
func TestSchemaKeysThatFoldAlike(t *testing.T) {
	for _, pair := range [][2]string{
		{"s", "ſ"}, // LATIN SMALL LETTER LONG S folds to s
		{"σ", "ς"}, // Greek sigma and final sigma
		{"µ", "μ"}, // MICRO SIGN and Greek mu
		{"k", "K"}, // KELVIN SIGN
		{"c", "C"},
	} {
		s := Schema{Labels: []Label{
			{Name: "one", Color: "#000000", Key: pair[0], Attributes: []string{}},
			{Name: "two", Color: "#ffffff", Key: pair[1], Attributes: []string{}},
		}}
		if !strings.EqualFold(pair[0], pair[1]) {
			t.Fatalf("%q and %q do not fold alike", pair[0], pair[1])
		}
		err := s.Validate()
		if err == nil || !strings.Contains(err.Error(), "already used by label 1") {
			t.Errorf("keys %q and %q: %v; want the second refused as label 1's key", pair[0], pair[1], err)
		}
		if l, ok := s.LabelForKey(pair[1]); !ok || l.Name != "one" {
			t.Errorf("LabelForKey(%q) = %v, %v", pair[1], l, ok)
		}
	}
	// Keys that only look alike are two keys.
	s := Schema{Labels: []Label{
		{Name: "one", Color: "#000000", Key: "i", Attributes: []string{}},
		{Name: "two", Color: "#ffffff", Key: "ı", Attributes: []string{}},
	}}
	if err := s.Validate(); err != nil {
		t.Errorf("keys i and dotless ı: %v", err)
	}
	if FoldKey("ſ") != FoldKey("S") || FoldKey("a") == FoldKey("b") || FoldKey("👍🏽") != "👍🏽" {
		t.Errorf("FoldKey: ſ %q, S %q", FoldKey("ſ"), FoldKey("S"))
	}
}
