//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestCaretInAnAnnotationIsSaid moves the caret by keys into a quote and
// out of it again. The highlights are drawn for the eye alone (the CSS
// Custom Highlight API reaches no screen reader), and the live regions
// said nothing as the caret went into the quote: a screen reader's user
// could not tell tagged text from the rest. The selection's line, a
// polite region, now says which annotation the caret is in, and nothing
// once it has left.
func TestCaretInAnAnnotationIsSaid(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
	selectPhrase(t, b, "yes we can", 0)
	evalJS[chromedp.Void](t, b, `(() => { const s = getSelection(), r = s.getRangeAt(0); s.collapse(r.startContainer, r.startOffset - 2); document.getElementById("article").focus(); })()`)
	info := `document.querySelector("#selection-info").textContent`
	press(t, b, kb.ArrowRight)
	settle(t, b)
	if got := evalJS[string](t, b, info); got != "" {
		t.Errorf("before the quote, the selection's line says %q", got)
	}
	press(t, b, kb.ArrowRight)
	press(t, b, kb.ArrowRight)
	settle(t, b)
	if got := afterCaret(t, b); !strings.HasPrefix(got, "es we can") {
		t.Fatalf("the caret is before %q, not inside the quote", abbreviate(got, 30))
	}
	if got := evalJS[string](t, b, info); !strings.Contains(got, "quote “yes we can”") {
		t.Errorf("the caret is in the quote “yes we can”, and the selection's line says %q", got)
	}
	if role := evalJS[string](t, b, `document.querySelector("#selection-info").getAttribute("aria-live")`); role != "polite" {
		t.Errorf("the selection's line is aria-live %q, not polite", role)
	}
	for range 3 {
		press(t, b, kb.ArrowLeft)
	}
	settle(t, b)
	if got := evalJS[string](t, b, info); got != "" {
		t.Errorf("the caret left the quote, and the selection's line still says %q", got)
	}
}
