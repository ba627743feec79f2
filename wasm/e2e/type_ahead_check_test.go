//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadChoosesADocument: Alt+W, Shift+Tab and Space typed before
// the library has drawn its documents choose the first one, its box
// checked, as at a reader's pace: the Space, given to the box, did
// nothing (typeKey pressed buttons and links only).
func TestTypeAheadChoosesADocument(t *testing.T) {
	b := typeAheadFromSaved(t)
	press(t, b, "w", alt)
	press(t, b, kb.Tab, shift)
	press(t, b, " ")
	settleHeld(t, b)
	const box = `document.querySelector("#library-table tbody tr:first-child .library-check")`
	if !evalJS[bool](t, b, `document.activeElement === `+box) {
		t.Fatalf("after Alt+W Shift+Tab the focus is on %s, not on the first document's box", evalJS[string](t, b, `document.activeElement.outerHTML.slice(0, 120)`))
	}
	if !evalJS[bool](t, b, box+`.checked`) {
		t.Errorf("Alt+W Shift+Tab Space typed ahead left the first document not chosen")
	}
}
