package annotate

// This file keeps the one rule for a title that a person gives or a file
// carries: it shows every character it holds and nothing more. Control and
// format characters (a NUL, a bell, a zero-width space, a byte order mark)
// show nothing, or break the line the title is listed on, and are dropped;
// white space of any kind, line breaks included, is one space between
// words, and none at either end. A title left with no character is blank.

import (
	"strings"
	"unicode"
)

// CleanTitle returns title as the library keeps it (see above), or "" when
// it has no visible character.
func CleanTitle(title string) string {
	title = strings.Map(func(r rune) rune {
		if !unicode.IsSpace(r) && unicode.In(r, unicode.Cc, unicode.Cf) {
			return -1
		}
		return r
	}, title)
	return strings.Join(strings.Fields(title), " ")
}
