//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStepPastTheFilteredEndFromAHiddenOne: a claim selected after every
// quote, then the list filtered to quotes: ] from it finds no quote after
// it, and says so; it said “The last annotation of the list is selected”,
// which is not so (the claim selected is not in the list, and the list's
// last quote is not selected): a screen reader's user, who hears only
// that, takes the last quote for the annotation a label's key or Delete
// would now change.
func TestStepPastTheFilteredEndFromAHiddenOne(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "no need for a", "c")
	// The claim, tagged last, is selected; it comes after the quote.
	if order := evalJS[string](t, b, `[...document.querySelectorAll("#entries .excerpt")].map(e => e.textContent).join("|")`); order != "“yes we can”|“no need for a”" {
		t.Fatalf("the list is %q; the test needs the claim after the quote", order)
	}
	waitFor(t, b, `(document.querySelector("#entries li.selected .excerpt") || {}).textContent === "“no need for a”"`)
	evalJS[chromedp.Void](t, b, `document.getElementById("filter-quote").click()`)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "]")
	settle(t, b)
	if got := text(t, b, "#notice"); strings.Contains(got, "The last annotation of the list is selected") {
		t.Errorf("] from the claim the filter hides, after the last quote, says %q; the claim is selected, and it is not in the list", got)
	}
	if got := evalJS[string](t, b, `document.getElementById("selected").dataset.id === document.querySelector("#entries > li").dataset.id ? "the quote" : "not the quote"`); got != "not the quote" {
		t.Errorf("] selected %s", got)
	}
}
