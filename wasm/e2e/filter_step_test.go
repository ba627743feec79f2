//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStepFromAnAnnotationTheFilterHides: a claim selected, then the list
// filtered to quotes: ] selects the quote after the claim, as the list
// now shows it, rather than doing nothing.
func TestStepFromAnAnnotationTheFilterHides(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	tagPhrase(t, b, "no need for a", "q")
	order := evalJS[string](t, b, `[...document.querySelectorAll("#entries .excerpt")].map(e => e.textContent).join("|")`)
	if order != "“yes we can”|“pretty balanced”|“no need for a”" {
		t.Fatalf("the list is %q; the test needs the claim between the quotes", order)
	}
	// The claim selected, then the list filtered to quotes.
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "[")
	waitFor(t, b, `(document.querySelector("#entries li.selected .excerpt") || {}).textContent === "“pretty balanced”"`)
	evalJS[chromedp.Void](t, b, `document.getElementById("filter-quote").click()`)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "]")
	settle(t, b)
	if got := text(t, b, "#entries li.selected .excerpt"); got != "“no need for a”" {
		t.Errorf("] from the claim the filter hides selected %q, want the next quote", got)
	}
}
