//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTaggingASpanAgain: selecting a span tagged already and pressing its
// label's key selects the annotation there and says so in words, not with
// the domain's error and an annotation's UUID; relabelling an annotation
// onto the span and label of another is refused in words too.
func TestTaggingASpanAgain(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "c")
	tagPhrase(t, b, "pretty balanced", "q")
	b.run(chromedp.Focus(chromedp.ID("article")))

	selectPhrase(t, b, "yes we can", 0)
	press(t, b, "c")
	// Not "includes": the first tag's message names the span too.
	if !tryWait(b, `document.querySelector("#notice").textContent === "“yes we can” is already tagged as claim; it is selected."`) {
		t.Errorf("tagging the claim's span again says %q", text(t, b, "#notice"))
	}
	if got := text(t, b, "#entries li.selected .excerpt"); got != "“yes we can”" {
		t.Errorf("after tagging its span again, the entry selected is %q", got)
	}
	if n := entryCount(t, b); n != 2 {
		t.Errorf("%d annotations listed", n)
	}

	// A quote on the claim's span, then relabelled a claim.
	press(t, b, kb.Escape)
	selectPhrase(t, b, "yes we can", 0)
	press(t, b, "q")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 3`)
	press(t, b, "c") // the new quote, relabelled
	waitFor(t, b, `document.querySelector("#notice").classList.contains("error")`)
	if got := text(t, b, "#notice"); strings.Contains(got, `"`) || !strings.Contains(got, "another claim") {
		t.Errorf("relabelling onto another claim's span says %q", got)
	}
}
