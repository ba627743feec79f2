//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAdjudicationKeepsTheDecisions: an adjudicator's decisions live
// only in the tab until the gold document is saved. Going to the article
// and back to the library lost them all (the panel went with the
// library's view), and so did a single press of Close. Now they are
// there after the library comes back, Close first says what it would
// drop, and only a second press drops it.
func TestAdjudicationKeepsTheDecisions(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	annPath, _ := annotatorFile(t, dir, "Ann", [2]string{"claim", "rents rose by 12% last year"})
	bobPath, _ := annotatorFile(t, dir, "Bob", [2]string{"claim", "the plan was too small"})
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	accepted := func() int {
		return evalJS[int](t, b, `document.querySelectorAll("#adjudication-spans tbody tr.accepted").length`)
	}
	if n := accepted(); n != 0 {
		t.Fatalf("%d spans accepted before any decision, want 0 (each annotator made one)", n)
	}
	evalJS[bool](t, b, `(document.querySelector("#adjudication-spans tbody tr button.accept").click(), true)`)
	waitFor(t, b, `document.querySelectorAll("#adjudication-spans tbody tr.accepted").length === 1`)

	// To the article and back: the decision is still there.
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("#library") === null`)
	showLibrary(t, b)
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	if n := accepted(); n != 1 {
		t.Fatalf("back in the library, %d spans accepted, want the 1 accepted before", n)
	}

	// Close asks first; a second press drops the adjudication.
	b.run(chromedp.Click(chromedp.ID("adjudication-close")))
	waitFor(t, b, `document.querySelector("#adjudication-close").textContent === "Close without saving"`)
	if got := text(t, b, "#notice"); !strings.Contains(got, "Closing drops") {
		t.Errorf("the first Close says %q", got)
	}
	if n := accepted(); n != 1 {
		t.Fatalf("after the first Close, %d spans accepted, want 1", n)
	}
	b.run(chromedp.Click(chromedp.ID("adjudication-close")))
	waitFor(t, b, `document.querySelector("#adjudication") === null`)

	// With no decision made, one Close closes.
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	b.run(chromedp.Click(chromedp.ID("adjudication-close")))
	waitFor(t, b, `document.querySelector("#adjudication") === null`)
}
