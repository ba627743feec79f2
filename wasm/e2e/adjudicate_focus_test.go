//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestAdjudicationKeepsTheFocus: the adjudication's panel, once the
// annotators' files are read, takes the focus on its title; its Close
// gives the focus back to the Adjudicate button rather than leaving it
// on the page's body with the panel gone.
func TestAdjudicationKeepsTheFocus(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	annPath, _ := annotatorFile(t, dir, "Ann", [2]string{"claim", "rents rose by 12% last year"})
	bobPath, _ := annotatorFile(t, dir, "Bob", [2]string{"claim", "the plan was too small"})
	b.run(chromedp.Focus(chromedp.ID("adjudicate-button")))
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	settle(t, b)
	if got := activeID(t, b); got != "adjudication-title" {
		t.Errorf("with the adjudication shown the focus is on #%s, not on its title", got)
	}

	b.run(chromedp.Focus(chromedp.ID("adjudication-close")))
	press(t, b, kb.Enter)
	waitFor(t, b, `document.querySelector("#adjudication") === null`)
	settle(t, b)
	if got := activeID(t, b); got != "adjudicate-button" {
		t.Errorf("after Close the focus is on <%s id=%q>, not on the Adjudicate button", evalJS[string](t, b, `document.activeElement.tagName`), got)
	}
}
