package agree

// This file refuses files that are not of the same text, and says where
// the texts part: offsets count code points of one text, and a figure
// over two texts would compare spans that are not the same words.

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// excerptLen is how many code points of each text a message shows from
// where they first differ.
const excerptLen = 24

// sameText returns an error wrapping ErrTextDiffers for the first file
// whose text is not the first file's.
func sameText(as []Annotator, names []string) error {
	base := as[0].File.Document.Text
	for i := 1; i < len(as); i++ {
		other := as[i].File.Document.Text
		if other == base {
			continue
		}
		at, line, col, b := firstDifference(base, other)
		return fmt.Errorf("%w: %s and %s first differ at code point %d (line %d, column %d): %s against %s",
			ErrTextDiffers, describe(as[0], names[0]), describe(as[i], names[i]), at, line, col,
			excerpt(base[b:]), excerpt(other[b:]))
	}
	return nil
}

// firstDifference returns where a and b, which differ, first differ: the
// code point, its line and column (both from 1, the column in code
// points) and its byte offset, which is the same in both.
func firstDifference(a, b string) (at, line, col, off int) {
	line, col = 1, 1
	for off < len(a) && off < len(b) {
		ra, na := utf8.DecodeRuneInString(a[off:])
		rb, nb := utf8.DecodeRuneInString(b[off:])
		if ra != rb || na != nb {
			break
		}
		off += na
		at++
		if ra == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return at, line, col, off
}

// excerpt quotes up to excerptLen code points from the start of s, or
// says that the text ends there.
func excerpt(s string) string {
	if s == "" {
		return "the end of the text"
	}
	n, cut := 0, len(s)
	for i := range s {
		if n == excerptLen {
			cut = i
			break
		}
		n++
	}
	q := s[:cut]
	if cut < len(s) {
		q += "…"
	}
	return fmt.Sprintf("%q", strings.ToValidUTF8(q, "\uFFFD"))
}
