//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAdjudicationCloseQuestionGoesWhenUntrue: Close with decisions made asks
// first, in the message line: "Press “Close without saving” to drop
// them". A decision made after that turns the button back into "Close",
// and a second Close drops the adjudication; either way the message line
// no longer tells the user to press a button that is not there, as it
// went on doing.
func TestAdjudicationCloseQuestionGoesWhenUntrue(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	ann, _ := annotatorFile(t, dir, "Ann", [2]string{"claim", "rents rose by 12% last year"})
	bob, _ := annotatorFile(t, dir, "Bob", [2]string{"claim", "the plan was too small"})
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{ann, bob}))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Adjudicating")`)
	evalJS[bool](t, b, `(document.querySelector("#adjudication-spans tbody tr button.accept").click(), true)`)
	waitFor(t, b, `document.querySelectorAll("#adjudication-spans tbody tr.accepted").length === 1`)

	b.run(chromedp.Click(chromedp.ID("adjudication-close")))
	waitFor(t, b, `document.querySelector("#adjudication-close").textContent === "Close without saving"`)
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("Close without saving")`)

	// Another decision: the button is "Close" again.
	evalJS[bool](t, b, `(document.querySelector("#adjudication-spans tbody tr button.reject").click(), true)`)
	waitFor(t, b, `document.querySelector("#adjudication-close").textContent === "Close"`)
	settle(t, b)
	if n := text(t, b, "#notice"); strings.Contains(n, "Close without saving") {
		t.Errorf("with the button named “Close” again, the message line still says %q", n)
	}

	// Close, and Close without saving: the panel is gone.
	b.run(chromedp.Click(chromedp.ID("adjudication-close")))
	waitFor(t, b, `document.querySelector("#adjudication-close").textContent === "Close without saving"`)
	b.run(chromedp.Click(chromedp.ID("adjudication-close")))
	waitFor(t, b, `document.querySelector("#adjudication") === null`)
	settle(t, b)
	if n := text(t, b, "#notice"); strings.Contains(n, "Close without saving") || strings.Contains(n, "save the gold document") {
		t.Errorf("with the adjudication closed and its decisions dropped, the message line still says %q", n)
	}
}
