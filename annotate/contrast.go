package annotate

import (
	"math"
	"strconv"
)

// This file keeps the rules for what is drawn in or on a label's colour,
// by the WCAG 2 formulas: text on it is black or white, whichever
// contrasts more with it; a line in it stands 3:1 against what is behind.
// Teams choose their own label colours, so what is drawn follows from
// each colour rather than from a palette checked once.

// RGB is a colour as its red, green and blue channels.
type RGB struct{ R, G, B uint8 }

// ParseColor reads a colour written #rrggbb. It reports false for anything
// else; the schema's colours were validated, so callers may fall back to a
// neutral grey.
func ParseColor(s string) (RGB, bool) {
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return RGB{}, false
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// Hex writes c as #rrggbb.
func (c RGB) Hex() string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint8{c.R, c.G, c.B} {
		b[1+2*i], b[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(b)
}

// Luminance returns the relative luminance of c, from 0 (black) to 1
// (white), as WCAG 2 defines it.
func (c RGB) Luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// ContrastRatio returns the WCAG 2 contrast ratio of two colours, from 1
// to 21, whichever is lighter.
func ContrastRatio(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Black and White are the two text colours a label's badge can take.
var (
	Black = RGB{0, 0, 0}
	White = RGB{255, 255, 255}
)

// TextOn returns the colour of text drawn on background: white when it
// contrasts at least as much as black does, else black. Every background
// then gives at least 4.58:1, above the 4.5:1 that WCAG asks of small
// text.
func TextOn(background RGB) RGB {
	if ContrastRatio(White, background) >= ContrastRatio(Black, background) {
		return White
	}
	return Black
}

// MinLineContrast is what WCAG 1.4.11 asks of a graphic that tells content
// apart, such as the underline that marks a label's span: 3:1 against what
// is next to it.
const MinLineContrast = 3.0

// Over returns c at opacity alpha (0 to 1) painted over background, as the
// page composes a label's translucent fill.
func Over(c RGB, alpha float64, background RGB) RGB {
	mix := func(v, w uint8) uint8 { return uint8(math.Round(alpha*float64(v) + (1-alpha)*float64(w))) }
	return RGB{mix(c.R, background.R), mix(c.G, background.G), mix(c.B, background.B)}
}

// LineOn returns c, darkened as little as needed for a line drawn in it to
// stand MinLineContrast against each of backgrounds: a label's underline
// must show on the page whatever colour a team chose (a quote's orange
// #e69f00 is 2.1:1 on white). Its channels are scaled down together,
// which keeps its hue; a colour that already stands out comes back as it
// is. The backgrounds are light ones, on which black stands out: against
// a background that black does not stand out from, black is the best
// there is and what comes back.
func LineOn(c RGB, backgrounds ...RGB) RGB {
	meets := func(x RGB) bool {
		for _, b := range backgrounds {
			if ContrastRatio(x, b) < MinLineContrast {
				return false
			}
		}
		return true
	}
	if meets(c) {
		return c
	}
	scale := func(f float64) RGB {
		m := func(v uint8) uint8 { return uint8(math.Floor(f * float64(v))) }
		return RGB{m(c.R), m(c.G), m(c.B)}
	}
	// The lightest scale that meets: lo meets (black, or better), hi not.
	lo, hi := 0.0, 1.0
	for i := 0; i < 24; i++ {
		if mid := (lo + hi) / 2; meets(scale(mid)) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return scale(lo)
}
