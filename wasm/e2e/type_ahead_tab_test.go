//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadTabPassesDisabledFields: in a tab that shows the document
// read-only, whose panel's fields are disabled with their fieldset,
// Shift+Tab typed ahead after Alt+L leaves the selected entry for the
// control the browser's Shift+Tab reaches, past the panel: typeKey's Tab
// took the panel's Delete, disabled by its fieldset, not by its own
// attribute, for a stop, whose focus() did nothing, and the focus stayed
// on the entry.
func TestTypeAheadTabPassesDisabledFields(t *testing.T) {
	_, tab, _ := quoteThenReadOnlyTab(t)
	tab.run(chromedp.Click(`#entries > li .entry-main`))
	waitFor(t, tab, `document.querySelector("#selected .editor:disabled") !== null && document.activeElement.matches("#entries .entry-main")`)
	const active = `document.activeElement.outerHTML.slice(0, 80)`

	// At a reader's pace.
	press(t, tab, "l", alt)
	settleHeld(t, tab)
	press(t, tab, kb.Tab, shift)
	settle(t, tab)
	want := evalJS[string](t, tab, active)
	if evalJS[bool](t, tab, `document.activeElement.matches("#entries .entry-main")`) {
		t.Fatalf("Shift+Tab at a reader's pace left the focus on the entry")
	}

	tab.run(chromedp.Focus(`#entries > li .entry-main`))
	waitFor(t, tab, `document.activeElement.matches("#entries .entry-main")`)
	settle(t, tab)
	slowRelease(t, tab, 300)
	press(t, tab, "l", alt)
	press(t, tab, kb.Tab, shift)
	settleHeld(t, tab)
	if got := evalJS[string](t, tab, active); got != want {
		t.Errorf("Alt+L Shift+Tab typed ahead left the focus on %s, not on %s", got, want)
	}
}
