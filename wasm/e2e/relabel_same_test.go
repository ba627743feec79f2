//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRelabelToItsOwnLabelSaysSo: a label's key pressed on an annotation
// that has that label (twice, or held down) changes nothing, and the
// message line says so rather than that it was relabelled; Ctrl+Z still
// undoes the tag.
func TestRelabelToItsOwnLabelSaysSo(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	b.run(chromedp.Focus(chromedp.ID("article")))
	waitFor(t, b, `getSelection().isCollapsed`)
	// The tag's message is drawn by go-app's render after the frame: it
	// comes before the second q, whose own is then not mistaken for it.
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Tagged")`)
	press(t, b, "q")
	if !tryWait(b, `document.querySelector("#notice").textContent === "“yes we can” already has the label quote."`) {
		t.Errorf("q on a quote says %q", text(t, b, "#notice"))
	}
	if got := evalJS[string](t, b, `document.getElementById("undo-button").title`); got != "Undo add quote (Ctrl+Z)" {
		t.Errorf("the undo button says %q", got)
	}
}
