//go:build !wasm

package e2e

import (
	"math"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadPagesDown: Escape from the speaker's field, then PageDown,
// typed at full speed, before the article has the focus back, scroll the
// article by a page, as they do at a reader's pace. The PageDown, held,
// then given as a keydown of the page's, which scrolls nothing, was lost,
// on an idle machine too.
func TestTypeAheadPagesDown(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.EmulateViewport(1000, 420))
	tagPhrase(t, b, "yes we can", "q")
	// pageDown focuses the speaker's field, the page where the quote is,
	// types Escape and PageDown (with a pause between them, at a reader's
	// pace), and returns how far the page scrolled.
	const scrolled = `(() => { const f = document.querySelector(".article-frame"); return window.scrollY + (f ? f.scrollTop : 0); })()`
	pageDown := func(pause bool) float64 {
		t.Helper()
		// The page where Escape from the field takes the focus back to:
		// the caret, at the quote.
		focusField(t, b, "edit-speaker")
		press(t, b, kb.Escape)
		settleHeld(t, b)
		focusField(t, b, "edit-speaker")
		settle(t, b)
		from := evalJS[float64](t, b, scrolled)
		if pause {
			press(t, b, kb.Escape)
			settleHeld(t, b)
			press(t, b, kb.PageDown)
		} else {
			b.run(chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.PageDown))
		}
		settleHeld(t, b)
		return evalJS[float64](t, b, scrolled) - from
	}
	// At a reader's pace: the browser's own PageDown.
	native := pageDown(true)
	if native < 200 {
		t.Fatalf("the browser's PageDown scrolled %.0f px; the test needs a page to scroll", native)
	}
	// At full speed, and on a slow machine.
	for _, slow := range []bool{false, true} {
		if slow {
			slowRelease(t, b, 300)
		}
		if ahead := pageDown(false); math.Abs(ahead-native) > 0.25*native {
			t.Errorf("Escape PageDown typed ahead (slow render: %v) scrolled %.0f px; the browser's PageDown scrolls %.0f px", slow, ahead, native)
		}
	}
}
