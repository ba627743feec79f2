package annotate

import (
	"strings"
	"testing"
)

func TestContrastRatio(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#ffffff", "#e69f00", 2.25}, // what the quote badge had
		{"#ffffff", "#009e73", 3.42}, // what the pledge badge had
		{"#777777", "#ffffff", 4.48},
	}
	for _, c := range cases {
		a, _ := ParseColor(c.a)
		b, _ := ParseColor(c.b)
		if got := ContrastRatio(a, b); got < c.want-0.005 || got > c.want+0.005 {
			t.Errorf("ContrastRatio(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
		if ContrastRatio(a, b) != ContrastRatio(b, a) {
			t.Errorf("ContrastRatio(%s, %s) depends on the order", c.a, c.b)
		}
	}
}

// TestTextOnDefaultLabels checks the badges of the default labels: each
// text colour meets 4.5:1 on its label's colour.
func TestTextOnDefaultLabels(t *testing.T) {
	want := map[string]RGB{"claim": White, "quote": Black, "pledge": Black}
	for _, l := range DefaultSchema().Labels {
		bg, ok := ParseColor(l.Color)
		if !ok {
			t.Fatalf("%s: colour %q does not parse", l.Name, l.Color)
		}
		fg := TextOn(bg)
		if r := ContrastRatio(fg, bg); r < 4.5 {
			t.Errorf("%s: %s on %s is %.2f:1", l.Name, fg.Hex(), l.Color, r)
		}
		if fg != want[l.Name] {
			t.Errorf("%s: text %s on %s, want %s", l.Name, fg.Hex(), l.Color, want[l.Name].Hex())
		}
	}
}

// TestTextOnEveryGrey walks the greys and a spread of colours: the chosen
// text always meets 4.5:1, which is the rule's promise for any colour a
// team picks.
func TestTextOnEveryGrey(t *testing.T) {
	worst := 21.0
	for v := 0; v < 256; v += 3 {
		for _, bg := range []RGB{{uint8(v), uint8(v), uint8(v)}, {uint8(v), 0, 255 - uint8(v)}, {255, uint8(v), 0}, {0, uint8(v), uint8(v)}} {
			worst = min(worst, ContrastRatio(TextOn(bg), bg))
		}
	}
	if worst < 4.5 {
		t.Errorf("the worst badge contrast is %.2f:1", worst)
	}
}

func TestParseColor(t *testing.T) {
	for s, want := range map[string]bool{"#0072b2": true, "#E69F00": true, "0072b2": false, "#0072b": false, "#00+2b2": false, "#gg0000": false, "": false} {
		c, ok := ParseColor(s)
		if ok != want {
			t.Errorf("ParseColor(%q) ok = %v", s, ok)
		}
		if ok && c.Hex() != strings.ToLower(s) {
			t.Errorf("ParseColor(%q).Hex() = %q", s, c.Hex())
		}
	}
}
