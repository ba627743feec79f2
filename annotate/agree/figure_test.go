package agree

import (
	"math"
	"testing"
)

// TestFigureString: three decimals, "—" for a figure that does not apply,
// and no sign on a figure that rounds to zero.
func TestFigureString(t *testing.T) {
	for _, c := range []struct {
		f    Figure
		want string
	}{
		{Figure{}, "—"},
		{Figure{Value: 0.857142, Valid: true}, "0.857"},
		{Figure{Value: -0.25, Valid: true}, "-0.250"},
		{Figure{Value: -0.0002, Valid: true}, "0.000"},
		{Figure{Value: math.Copysign(0, -1), Valid: true}, "0.000"},
		{Figure{Value: -0.0005001, Valid: true}, "-0.001"},
		{Figure{Value: 1, Valid: true}, "1.000"},
	} {
		if got := c.f.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.f, got, c.want)
		}
	}
}

// TestSameAttributesAsKept: attribute values compare as the app keeps
// them: a space or a zero-width space at an edge, or an empty value, is
// no difference; another word is.
func TestSameAttributesAsKept(t *testing.T) {
	for _, c := range []struct {
		a, b map[string]string
		same bool
	}{
		{map[string]string{"speaker": "Obama"}, map[string]string{"speaker": "Obama "}, true},
		{map[string]string{"speaker": "\u200bObama"}, map[string]string{"speaker": "Obama"}, true},
		{map[string]string{"speaker": "Obama", "note": ""}, map[string]string{"speaker": "Obama"}, true},
		{map[string]string{"speaker": "Obama"}, map[string]string{"speaker": "Barack Obama"}, false},
		{map[string]string{"speaker": "Obama"}, nil, false},
	} {
		if got := sameAttributes(c.a, c.b); got != c.same {
			t.Errorf("sameAttributes(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
