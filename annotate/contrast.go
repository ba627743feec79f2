package annotate

import (
	"math"
	"strconv"
)

// This file keeps the rule for text drawn on a label's colour: black or
// white, whichever contrasts more with it, by the WCAG 2 formulas. Teams
// choose their own label colours, so the text colour follows from each
// colour rather than from a palette checked once.

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
