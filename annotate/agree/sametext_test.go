package agree

import (
	"errors"
	"strings"
	"testing"
)

// TestTextDiffersNamesCharactersThatLookAlike: texts that differ in how
// a character is written, an accent composed in one and combining in the
// other, or a skin tone, were refused with two quotations that looked
// the same ("é au lait" against "é au lait"), or that began with an
// accent or a skin tone alone. The quotations now start with the whole
// character and the code points that differ are named.
func TestTextDiffersNamesCharactersThatLookAlike(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		wants []string
	}{
		{"Le café au lait est bon.", "Le cafe\u0301 au lait est bon.",
			[]string{"code point 6", "U+00E9 against U+0065 U+0301", `"é au lait est bon."`}},
		{"Le cafe\u0301 au lait est bon.", "Le cafe\u0300 au lait est bon.",
			[]string{"code point 7", "U+0065 U+0301 against U+0065 U+0300", `"e` + "\u0301" + ` au lait est bon."`, `"e` + "\u0300" + ` au lait est bon."`}},
		{"Un 👍🏽 ici.", "Un 👍🏿 ici.",
			[]string{"code point 4", "U+1F44D U+1F3FD against U+1F44D U+1F3FF", `"👍🏽 ici."`}},
	} {
		a, b := loadDoc(t, c.a), loadDoc(t, c.b)
		_, err := Agree([]Annotator{{Path: "ann.json", File: fileOf(t, a, "ann")}, {Path: "bob.json", File: fileOf(t, b, "bob")}})
		if !errors.Is(err, ErrTextDiffers) {
			t.Fatalf("%q and %q: err %v, want ErrTextDiffers", c.a, c.b, err)
		}
		for _, want := range c.wants {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("the message %q does not say %s", err, want)
			}
		}
	}
}
