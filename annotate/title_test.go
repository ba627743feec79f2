package annotate

import "testing"

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
