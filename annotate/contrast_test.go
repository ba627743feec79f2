package annotate

import (
	"math"
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

// TestLineOn: over a grid of colours, the line drawn in a colour stands
// 3:1 on white and on the colour's own fill there, keeps its hue (its
// channels scaled down together), is the colour itself when that already
// stands out, and is not darker than it must be (at most 3.1:1 where it
// stands least).
func TestLineOn(t *testing.T) {
	for r := 0; r < 256; r += 15 {
		for g := 0; g < 256; g += 15 {
			for b := 0; b < 256; b += 15 {
				c := RGB{uint8(r), uint8(g), uint8(b)}
				grounds := []RGB{White, Over(c, 0.22, White), {0xf4, 0xf5, 0xf7}}
				l := LineOn(c, grounds...)
				stands := func(x RGB) bool {
					for _, gr := range grounds {
						if ContrastRatio(x, gr) < MinLineContrast {
							return false
						}
					}
					return true
				}
				if !stands(l) {
					t.Fatalf("LineOn(%s) = %s: below 3:1 on %v", c.Hex(), l.Hex(), grounds)
				}
				if stands(c) {
					if l != c {
						t.Fatalf("LineOn(%s) = %s, which already stood out", c.Hex(), l.Hex())
					}
					continue
				}
				if l.R > c.R || l.G > c.G || l.B > c.B {
					t.Fatalf("LineOn(%s) = %s is not darker", c.Hex(), l.Hex())
				}
				// The same hue: each channel the same share of the brightest.
				top := max(c.R, c.G, c.B)
				f := float64(max(l.R, l.G, l.B)) / float64(top)
				for _, p := range [][2]uint8{{c.R, l.R}, {c.G, l.G}, {c.B, l.B}} {
					if d := f*float64(p[0]) - float64(p[1]); d < -1 || d > 1 {
						t.Fatalf("LineOn(%s) = %s changes its hue", c.Hex(), l.Hex())
					}
				}
				// Not darker than it must be: just over 3:1 on the
				// background it stands least against.
				least := math.Inf(1)
				for _, gr := range grounds {
					least = math.Min(least, ContrastRatio(l, gr))
				}
				if least > 3.1 {
					t.Fatalf("LineOn(%s) = %s stands %.2f:1 at least: darker than it must be", c.Hex(), l.Hex(), least)
				}
			}
		}
	}
}

// TestLineOnDefaultLabels: the default schema's quote (orange, 2.1:1 on
// white) and pledge (green, 2.6:1 on its own fill) are darkened; the
// claim's blue stands out as it is.
func TestLineOnDefaultLabels(t *testing.T) {
	for _, l := range DefaultSchema().Labels {
		c, _ := ParseColor(l.Color)
		line := LineOn(c, White, Over(c, 0.22, White))
		onWhite, onFill := ContrastRatio(line, White), ContrastRatio(line, Over(c, 0.22, White))
		t.Logf("%s: %s → %s, %.2f:1 on white, %.2f:1 on its fill", l.Name, l.Color, line.Hex(), onWhite, onFill)
		if onWhite < 3 || onFill < 3 {
			t.Errorf("%s's line %s is %.2f:1 on white and %.2f:1 on its fill", l.Name, line.Hex(), onWhite, onFill)
		}
		if changed := line != c; changed != (l.Name != "claim") {
			t.Errorf("%s's line %s from %s: changed %v", l.Name, line.Hex(), l.Color, changed)
		}
	}
}
