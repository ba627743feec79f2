package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTypedShownQuotesALongPasteByItsStart: the message that a typed
// speaker or note was kept, or not, quotes it whole, but a paste of pages
// by its start: a notice of 12,000 characters filled the window.
func TestTypedShownQuotesALongPasteByItsStart(t *testing.T) {
	short := typed{Name: "note", Value: "  line one\nline two "}
	if got := short.shown(); got != "line one\nline two" {
		t.Errorf("a short note is shown as %q", got)
	}
	long := typed{Name: "speaker", Value: strings.Repeat("word ", 2400)}
	got := long.shown()
	if n := utf8.RuneCountInString(got); n > 201 || !strings.HasPrefix(got, "word word") {
		t.Errorf("a paste of 12,000 characters is shown in %d: %q", n, got)
	}
	if msg := long.lost("why"); utf8.RuneCountInString(msg) > 400 {
		t.Errorf("the message that it was lost has %d characters", utf8.RuneCountInString(msg))
	}
}
