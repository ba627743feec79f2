// This file says when two labels' keys are the same key: when they fold
// alike, as the app compares a key pressed with the labels' keys.

package annotate

import (
	"strings"
	"unicode"
)

// FoldKey returns the form of a label's key under which keys that are
// the same key are equal: each code point replaced by the least one of
// its simple case-folding orbit. Two keys have the same FoldKey exactly
// when strings.EqualFold holds for them, which is how LabelForKey finds
// the label of a key pressed (with Shift or without), so that no two
// labels of a valid schema can be reached by one key press. Lower-casing
// is not enough: "ſ" (long s) and "s", or "ς" and "σ", are one key to
// EqualFold and two to strings.ToLower.
func FoldKey(key string) string {
	var b strings.Builder
	b.Grow(len(key))
	for _, r := range key {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}
