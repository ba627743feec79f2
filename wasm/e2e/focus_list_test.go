//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestAltLFocusesTheSelectedEntry: Alt+L, and the skip link, take the
// focus to the selected annotation's entry in the list, not to the
// list's heading above it; with none selected, to the first entry.
func TestAltLFocusesTheSelectedEntry(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c") // selected, the second entry

	focusedEntry := `(() => { const li = document.activeElement.closest("#entries > li"); return li ? li.querySelector(".excerpt").textContent : ""; })()`
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "l", alt)
	waitFor(t, b, `document.activeElement !== document.getElementById("article")`)
	if got := evalJS[string](t, b, focusedEntry); got != "“pretty balanced”" {
		t.Errorf("Alt+L took the focus to #%s (entry %q), not to the selected entry", activeID(t, b), got)
	}

	b.run(chromedp.Focus(chromedp.ID("article")))
	evalJS[chromedp.Void](t, b, `document.getElementById("skip-annotations").click()`)
	waitFor(t, b, `document.activeElement !== document.getElementById("article")`)
	if got := evalJS[string](t, b, focusedEntry); got != "“pretty balanced”" {
		t.Errorf("the skip link took the focus to #%s (entry %q), not to the selected entry", activeID(t, b), got)
	}

	// Nothing selected: the first entry.
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
	press(t, b, "l", alt)
	waitFor(t, b, `document.activeElement !== document.getElementById("article")`)
	if got := evalJS[string](t, b, focusedEntry); got != "“yes we can”" {
		t.Errorf("Alt+L with nothing selected took the focus to #%s (entry %q), not to the first entry", activeID(t, b), got)
	}
}
