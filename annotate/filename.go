package annotate

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxFileNameRunes bounds the part of an export's file name taken from the
// document's title.
const maxFileNameRunes = 60

// ExportFileName returns a file name for the export of a document titled
// title: the title in lower case, letters and digits kept (accents
// stripped), everything else turned into single hyphens, cut at a word
// boundary, and ending in ".annotations.json". An empty or unusable title
// gives "article.annotations.json".
func ExportFileName(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range norm.NFKD.String(title) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // a combining accent: "café" gives "cafe"
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		default:
			hyphen = true
		}
	}
	name := b.String()
	if RuneCount(name) > maxFileNameRunes {
		name = string([]rune(name)[:maxFileNameRunes])
		if i := strings.LastIndexByte(name, '-'); i > maxFileNameRunes/2 {
			name = name[:i]
		}
	}
	if name == "" {
		name = "article"
	}
	return name + ".annotations.json"
}
