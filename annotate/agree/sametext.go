package agree

// This file refuses files that are not of the same text, and says where
// the texts part: offsets count code points of one text, and a figure
// over two texts would compare spans that are not the same words.

import (
	"fmt"
	"strings"
	"unicode"
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
		// The excerpts start where the character the reader sees starts:
		// a combining accent or a skin tone alone, shown from the
		// difference on, sits on the quotation mark.
		from := clusterStart(base, b)
		ca, cb := base[from:clusterEnd(base, b)], other[from:clusterEnd(other, b)]
		which := ""
		if alike(ca) || alike(cb) {
			which = fmt.Sprintf(", %s against %s", codePoints(ca), codePoints(cb))
		}
		return fmt.Errorf("%w: %s and %s first differ at code point %d (line %d, column %d%s): %s against %s",
			ErrTextDiffers, describe(as[0], names[0]), describe(as[i], names[i]), at, line, col, which,
			excerpt(base[from:]), excerpt(other[from:]))
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

// extends reports whether r is part of the character before it, as a
// reader sees it: a combining mark, a joiner, a variation selector, a
// skin tone, a flag's tag character.
func extends(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Variation_Selector) ||
		r == '\u200D' || (r >= 0x1F3FB && r <= 0x1F3FF) || (r >= 0xE0020 && r <= 0xE007F)
}

// clusterStart returns the byte offset, at or before off, where the
// character that holds the code point at off starts: back over what
// extends a character, and over what follows a joiner or the first half
// of a flag.
func clusterStart(s string, off int) int {
	for off > 0 {
		r, _ := utf8.DecodeRuneInString(s[off:])
		prev, n := utf8.DecodeLastRuneInString(s[:off])
		if !extends(r) && prev != '\u200D' && !(isRegional(r) && isRegional(prev)) {
			break
		}
		off -= n
	}
	return off
}

// clusterEnd returns the byte offset just past the character that holds
// the code point at off (s from off on is not empty, or off is returned).
func clusterEnd(s string, off int) int {
	if off >= len(s) {
		return off
	}
	r, n := utf8.DecodeRuneInString(s[off:])
	off += n
	for off < len(s) {
		next, m := utf8.DecodeRuneInString(s[off:])
		if !extends(next) && r != '\u200D' && !(isRegional(r) && isRegional(next)) {
			break
		}
		r, off = next, off+m
	}
	return off
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// alike reports whether the character c may look like another in a
// quotation: it is more than one code point (an accent composed or not,
// a skin tone), or one that shows nothing of its own (a space other
// than U+0020, a format character).
func alike(c string) bool {
	if utf8.RuneCountInString(c) > 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(c)
	return c != "" && (r != ' ' && unicode.IsSpace(r) || !unicode.IsGraphic(r) || unicode.Is(unicode.Cf, r))
}

// codePoints names the code points of c ("U+0065 U+0301"), or says that
// the text ends there.
func codePoints(c string) string {
	if c == "" {
		return "the end of the text"
	}
	var parts []string
	for _, r := range c {
		parts = append(parts, fmt.Sprintf("U+%04X", r))
	}
	return strings.Join(parts, " ")
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
