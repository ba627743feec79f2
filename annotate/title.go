package annotate

// This file keeps the one rule for a title that a person gives or a file
// carries: it shows every character it holds and nothing more. Control and
// format characters (a NUL, a bell, a zero-width space, a byte order mark)
// show nothing, or break the line the title is listed on, and are dropped,
// but for the few that change how the letters beside them are drawn: the
// zero-width joiner and non-joiner (an emoji sequence, a Persian word) and
// the marks of writing direction (a title that mixes Arabic and Latin).
// White space of any kind, line breaks included, is one space between
// words, and none at either end. A title left with nothing to see is blank.
// A title is a line of the library, and the summary that holds it is
// written again at every change of its document: it has at most
// TitleLimit characters.

import (
	"strings"
	"unicode"
)

// CleanTitle returns title as the library keeps it (see above), or "" when
// it has no visible character.
func CleanTitle(title string) string {
	visible := false
	title = strings.Map(func(r rune) rune {
		switch {
		case titleDrops(r):
			return -1
		case unicode.IsSpace(r), shapesNeighbours(r):
		default:
			visible = true
		}
		return r
	}, title)
	if !visible {
		return ""
	}
	return strings.Join(strings.Fields(title), " ")
}

// TitleLimit is the most characters (code points) a title has: a whole
// article pasted into the rename field made a title of 900,000.
const TitleLimit = 500

// CutTitle returns title, clean (CleanTitle), cut to TitleLimit characters
// when it is longer: at the last space in its last fifth, if there is
// one, with "…" after the words kept.
func CutTitle(title string) string {
	title = CleanTitle(title)
	if RuneCount(title) <= TitleLimit {
		return title
	}
	cut := title[:NewText(title).Byte(TitleLimit-1)]
	if sp := strings.LastIndexByte(cut, ' '); sp > len(cut)*4/5 {
		cut = cut[:sp]
	}
	return strings.TrimRight(cut, " ") + "…"
}

// TitleLeftOut returns the characters of title that CleanTitle leaves
// out, in their order, so that an import can say so.
func TitleLeftOut(title string) []rune {
	var gone []rune
	for _, r := range title {
		if titleDrops(r) {
			gone = append(gone, r)
		}
	}
	return gone
}

// titleDrops reports whether a title leaves r out: a control or format
// character that is not white space and does not shape its neighbours.
func titleDrops(r rune) bool {
	return unicode.In(r, unicode.Cc, unicode.Cf) && !unicode.IsSpace(r) && !shapesNeighbours(r)
}

// shapesNeighbours reports whether r is a format character that changes how
// the characters around it are drawn, and so is kept in a title: the
// zero-width non-joiner and joiner, the left-to-right and right-to-left
// marks, and the Arabic letter mark.
func shapesNeighbours(r rune) bool {
	return r == '\u200c' || r == '\u200d' || r == '\u200e' || r == '\u200f' || r == '\u061c'
}
