//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadRenames: in the library, a title renamed from the keyboard
// at full speed (Alt+W Tab Tab Enter, on the first document's Rename, a
// new title, Enter, and a key more) is renamed by its Enter, which
// closes the field, as at a reader's pace. The Enter, given to the
// field, did nothing: the field stayed open, and the key typed after it
// went into the title.
func TestTypeAheadRenames(t *testing.T) {
	b := typeAheadFromSaved(t)
	press(t, b, "w", alt)
	press(t, b, kb.Tab)
	press(t, b, kb.Tab)
	press(t, b, kb.Enter)
	press(t, b, "Zed")
	press(t, b, kb.Enter)
	press(t, b, "x")
	settleHeld(t, b)
	waitSaved(t, b)
	if evalJS[bool](t, b, `document.querySelector("#library-table input.rename") !== null`) {
		t.Errorf("the rename's field is still open, holding %q", evalJS[string](t, b, `document.querySelector("#library-table input.rename").value`))
	}
	if got := text(t, b, "#library-table tbody tr:first-child .library-title"); got != "Zed" {
		t.Errorf("the first document's title is %q, not Zed", got)
	}
}
