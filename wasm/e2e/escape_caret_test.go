//go:build !wasm

package e2e

import (
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestEscapeFromThePanelKeepsTheCaret: Escape in a field of the panel
// (in a narrow window, in the sheet) goes back to the article where the
// caret was: after the span just tagged with the mouse, or where the
// keyboard left it before Enter opened the panel; the page does not
// scroll. Focusing the field took the browser's selection, and the caret
// with it, out of the article, and the caret came back at the article's
// start: the page jumped to its top, and the keyboard's next step or
// selection started from there.
func TestEscapeFromThePanelKeepsTheCaret(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.EmulateViewport(700, 800))

	// Tagged with the mouse, far down the article, a note typed.
	selectPhrase(t, b, "pretty balanced", 0)
	evalJS[bool](t, b, `(() => {
		const r = getSelection().getRangeAt(0).getBoundingClientRect();
		scrollBy({top: r.top - document.querySelector(".workspace > .sidebar").getBoundingClientRect().top / 2, behavior: "instant"});
		return true;
	})()`)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	settle(t, b)
	y := evalJS[float64](t, b, `scrollY`)
	typeInField(t, b, "edit-note", "Trade")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.activeElement.id === "article"`)
	settle(t, b)
	if got := afterCaret(t, b); !strings.HasPrefix(got, "”.") {
		t.Errorf("Escape from the note: the caret is before %q, not after the span tagged", abbreviate(got, 40))
	}
	l := evalJS[sheetLayout](t, b, sheetLayoutJS)
	if now := evalJS[float64](t, b, `scrollY`); math.Abs(now-y) > 1 || !between(l.Caret, l.ToolbarBottom, l.Top) {
		t.Errorf("Escape from the note scrolled the page from %.0f to %.0f px; the caret is at %.0f–%.0f px (the sheet from %.0f)", y, now, l.Caret[0], l.Caret[1], l.Top)
	}

	// From the keyboard: the caret moved on by a word, where no span is,
	// Enter opens the selected annotation's panel; Tab to its note, a few
	// words more, Escape.
	press(t, b, kb.ArrowRight, ctrl)
	waitFor(t, b, `!annotator.text(...annotator.caret(), annotator.caret()[0], 1e9).startsWith("”.")`)
	before := afterCaret(t, b)
	press(t, b, kb.Enter)
	waitFor(t, b, `document.activeElement.id === "edit-label"`)
	press(t, b, kb.Tab)
	waitFor(t, b, `document.activeElement.id === "edit-note"`)
	b.run(chromedp.KeyEvent(" in goods"))
	press(t, b, kb.Escape)
	waitFor(t, b, `document.activeElement.id === "article"`)
	if got := afterCaret(t, b); got != before {
		t.Errorf("Enter, Tab, Escape: the caret is before %q, not back before %q", abbreviate(got, 40), abbreviate(before, 40))
	}
	waitFor(t, b, `document.querySelector("#entries .note").textContent.includes("Trade in goods")`)
}

// TestEscapeFromThePanelsButtonGoesToTheArticle: Escape with the focus on
// the selected annotation's Delete clears the selection, and with it the
// panel: the focus goes back to the article, at the caret. It fell to the
// page's body, where Tab started again at the top of the page.
func TestEscapeFromThePanelsButtonGoesToTheArticle(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "pretty balanced", "c")
	waitFor(t, b, `(() => { const d = document.getElementById("delete-button"); return d !== null && !d.closest("#selected").hidden; })()`)
	b.run(chromedp.Focus(chromedp.ID("delete-button")))
	waitFor(t, b, `document.activeElement.id === "delete-button"`)
	press(t, b, kb.Escape)
	waitFor(t, b, `document.getElementById("selected").hidden`)
	settle(t, b)
	if got := evalJS[string](t, b, `document.activeElement.id || document.activeElement.tagName`); got != "article" {
		t.Errorf("after Escape on the panel's Delete the focus is on %q, not the article", got)
	}
	if got := afterCaret(t, b); !strings.HasPrefix(got, "”.") {
		t.Errorf("after Escape on the panel's Delete the caret is before %q, not after the span tagged", abbreviate(got, 40))
	}
	if n := evalJS[int](t, b, `document.querySelectorAll("#entries > li").length`); n != 1 {
		t.Errorf("Escape on Delete left %d annotations, want the one tagged", n)
	}
}
