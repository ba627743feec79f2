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
// gives "article.annotations.json", and a title that is a device name of
// Windows ("CON") has "-article" after it.
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
	switch {
	case name == "":
		name = "article"
	case windowsDevice(name):
		name += "-article" // "con-article.annotations.json"
	}
	return name + ".annotations.json"
}

// windowsDevice reports whether name is one of the device names Windows
// reserves (CON, PRN, AUX, NUL, COM0…9, LPT0…9, in any case): Windows
// takes a file named so for the device, whatever extension follows, so
// that an article titled "CON" gave "con.annotations.json", which a
// Windows machine cannot save.
func windowsDevice(name string) bool {
	switch strings.ToLower(name) {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(name) == 4 && name[3] >= '0' && name[3] <= '9' {
		switch strings.ToLower(name[:3]) {
		case "com", "lpt":
			return true
		}
	}
	return false
}
