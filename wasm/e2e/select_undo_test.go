//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestUndoOnTheLabelSelect: a relabel made with the panel's label select,
// then Ctrl+Z with the select still focused, undoes it, as Ctrl+Z does
// anywhere but in a text field: a select has no undo of its own.
func TestUndoOnTheLabelSelect(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, kb.Enter)
	waitFor(t, b, `document.activeElement.id === "edit-label"`)
	evalJS[bool](t, b, `(() => { const s = document.getElementById("edit-label"); s.value = "claim"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelector("#entries .badge").textContent === "claim"`)
	press(t, b, "z", ctrl)
	settle(t, b)
	if got := text(t, b, "#entries .badge"); got != "quote" {
		t.Errorf("Ctrl+Z on the label's select left the annotation a %s", got)
	}
	if got := evalJS[string](t, b, `document.getElementById("edit-label").value`); got != "quote" {
		t.Errorf("after the undo the select shows %q", got)
	}
}
