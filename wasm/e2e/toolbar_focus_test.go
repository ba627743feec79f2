//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestToolbarUndoRedoKeepTheFocus: Enter on the toolbar's Undo, when it
// undoes the last change there is, leaves the focus on Redo, and Enter on
// Redo, when it redoes the last, on Undo: the button pressed went
// disabled, the focus fell to the page's body, and the next Tab started
// over at the top of the page.
func TestToolbarUndoRedoKeepTheFocus(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitFor(t, b, `!document.getElementById("undo-button").disabled`)
	b.run(chromedp.Focus(chromedp.ID("undo-button")))
	press(t, b, kb.Enter)
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Undid")`)
	waitFor(t, b, `document.activeElement && document.activeElement.id === "redo-button"`)
	press(t, b, kb.Enter)
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Redid")`)
	waitFor(t, b, `document.activeElement && document.activeElement.id === "undo-button"`)
}
