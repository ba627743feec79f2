package annotate

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCleanTitle: a title keeps what it shows; a title that shows nothing
// is blank.
func TestCleanTitle(t *testing.T) {
	for in, want := range map[string]string{
		"Budget day":                  "Budget day",
		"  Two\nlines\u0007 ":         "Two lines",
		"Tab\tand\r\nbreaks\u2028too": "Tab and breaks too",
		"Zero\u200bwidth\ufeff\u00ad": "Zerowidth",
		"NUL\x00 byte":                "NUL byte",
		"Élection «présidentielle» 😀": "Élection «présidentielle» 😀",
		"\u200b":                      "",
		"\ufeff":                      "",
		"\x00":                        "",
		" \u200b\t\u2060 \u00a0":      "",
		"Family 👩\u200d👩\u200d👧":      "Family 👩\u200d👩\u200d👧",
		"می\u200cخواهم":               "می\u200cخواهم",
		"\u200fمرحبا Hello":           "\u200fمرحبا Hello",
		"\u200d\u200c \u200e":         "",
		"Bidi \u202eoverride":         "Bidi override",
	} {
		if got := CleanTitle(in); got != want {
			t.Errorf("CleanTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCutTitle: a title longer than TitleLimit is cut to it, after a
// whole word where one ends in its last fifth, with "…" after; a title
// within it stays as CleanTitle leaves it.
func TestCutTitle(t *testing.T) {
	words := strings.Repeat("Ministers pledged to raise defence spending. ", 20)
	han := strings.Repeat("选举", 400)
	for _, c := range []struct {
		in, prefix string
		wordEnd    bool
	}{
		{words, "Ministers pledged", true},
		{han, "选举选举", false},
		{"  Budget\tday ", "Budget day", false},
	} {
		got := CutTitle(c.in)
		n := utf8.RuneCountInString(got)
		switch {
		case utf8.RuneCountInString(CleanTitle(c.in)) <= TitleLimit:
			if got != CleanTitle(c.in) {
				t.Errorf("CutTitle(%q) = %q, want it as CleanTitle leaves it", c.in, got)
			}
		case n > TitleLimit || n < TitleLimit*4/5 || !strings.HasSuffix(got, "…") || !strings.HasPrefix(got, c.prefix):
			t.Errorf("CutTitle of %d characters gave %d: %q", utf8.RuneCountInString(c.in), n, got)
		case c.wordEnd && !strings.HasPrefix(CleanTitle(c.in), strings.TrimSuffix(got, "…")+" "):
			t.Errorf("CutTitle cut inside a word: %q", got[len(got)-20:])
		}
	}
}
