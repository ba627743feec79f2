//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadCopiesAndCuts: Ctrl+C and Ctrl+X typed ahead, before the
// key before them has moved the focus (Enter to the panel, Alt+A to the
// article), copy and cut there as they do at a reader's pace: Enter Tab
// Ctrl+C copies the speaker, Enter Tab Ctrl+X cuts it, and Alt+A Ctrl+A
// Ctrl+C from a field copies the article. Held with the other keys, they
// were given back as keys no listener took, and did nothing: the
// clipboard kept what it held before, which the next paste put in.
func TestTypeAheadCopiesAndCuts(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	grantClipboard(t, b, srv.URL)
	stale := func() {
		t.Helper()
		evalJS[bool](t, b, `navigator.clipboard.writeText("STALE").then(() => true)`)
	}
	clip := func() string {
		t.Helper()
		return evalJS[string](t, b, `navigator.clipboard.readText()`)
	}
	selectPhrase(t, b, "yes we can", 0)
	evalJS[bool](t, b, `(document.getElementById("article").focus({preventScroll: true}), true)`)
	press(t, b, "q")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	typeInField(t, b, "edit-speaker", "Barack Obama")
	press(t, b, kb.Escape)
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Barack Obama"`)
	waitFor(t, b, `document.activeElement && document.activeElement.id === "article"`)
	settle(t, b)

	// Enter Tab Ctrl+C: the speaker's text, selected by the Tab, copied.
	stale()
	slowRelease(t, b, 300)
	press(t, b, kb.Enter)
	press(t, b, kb.Tab)
	press(t, b, "c", ctrl)
	settleHeld(t, b)
	if got := evalJS[string](t, b, `document.activeElement.id`); got != "edit-speaker" {
		t.Fatalf("Enter Tab typed ahead: the focus is on %q, not the speaker", got)
	}
	if got := clip(); got != "Barack Obama" {
		t.Errorf("Enter Tab Ctrl+C typed ahead: the clipboard holds %q, not the speaker Barack Obama", got)
	}
	press(t, b, kb.Escape)
	waitFor(t, b, `document.activeElement && document.activeElement.id === "article"`)
	settle(t, b)

	// Enter Tab Ctrl+X: the speaker cut, on the clipboard and out of its field.
	stale()
	press(t, b, kb.Enter)
	press(t, b, kb.Tab)
	press(t, b, "x", ctrl)
	settleHeld(t, b)
	if got := clip(); got != "Barack Obama" {
		t.Errorf("Enter Tab Ctrl+X typed ahead: the clipboard holds %q, not the speaker Barack Obama", got)
	}
	if got := evalJS[string](t, b, `document.getElementById("edit-speaker").value`); got != "" {
		t.Errorf("Enter Tab Ctrl+X typed ahead: the speaker's field still holds %q", got)
	}

	// Alt+A Ctrl+A Ctrl+C from the field: the article's text copied.
	stale()
	press(t, b, "a", alt)
	press(t, b, "a", ctrl)
	press(t, b, "c", ctrl)
	settleHeld(t, b)
	if got := clip(); !strings.Contains(got, "yes we can") {
		t.Errorf("Alt+A Ctrl+A Ctrl+C typed ahead: the clipboard holds %.80q, not the article", got)
	}
}
