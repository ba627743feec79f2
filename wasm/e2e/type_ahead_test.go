//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadReachesThePanel: a keyboard-first annotator tags, opens the
// panel with Enter, tabs to the speaker, types it (a typo put right with
// Backspace) and leaves with Escape,
// then relabels with c, all at full speed on a slow machine (the page's
// CPU slowed twenty times), each key before the app has carried out the
// one before. The Tab, the speaker and the c go where they would have gone
// at a reader's pace: the speaker is the quote's, and the c relabels it,
// instead of the Tab leaving the article for the list's first button, the
// speaker typed on it and lost, and a c typed into the speaker's field.
func TestTypeAheadReachesThePanel(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	selectPhrase(t, b, "yes we can", 0)
	evalJS[bool](t, b, `(document.querySelector("article.doc").parentElement.closest("[tabindex]").focus({preventScroll: true}), true)`)
	slowCPU(t, b, 20)
	b.run(chromedp.KeyEvent("q"), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent("Obamz"),
		chromedp.KeyEvent(kb.Backspace), chromedp.KeyEvent("a"),
		chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent("c"))
	slowCPU(t, b, 1)
	settle(t, b)
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Obama"`)
	waitFor(t, b, `document.getElementById("edit-label").value === "claim"`)
	settle(t, b)
	if got := evalJS[string](t, b, `document.getElementById("edit-speaker").value`); got != "Obama" {
		t.Errorf("the speaker's field holds %q, want Obama", got)
	}
	if got := evalJS[string](t, b, `document.activeElement.className`); got != "article-frame" {
		t.Errorf("after Escape the focus is on %q, not the article", got)
	}
}

// slowCPU slows the page's CPU rate times (1: its own speed).
func slowCPU(t testing.TB, b *browser, rate float64) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
		return err
	}))
}

// TestTypeAheadPastesIntoThePanel: the speaker pasted rather than typed,
// q Enter Tab Ctrl+V Escape typed ahead of a slow render. The paste
// came while the focus was still where it had been, and was lost; pasted
// into the article, it would open the clipboard as a new article. It is
// held with the keys, and pasted into the speaker's field.
func TestTypeAheadPastesIntoThePanel(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	grantClipboard(t, b, srv.URL)
	evalJS[bool](t, b, `navigator.clipboard.writeText("Barack Obama").then(() => true)`)
	title := text(t, b, "#doc-title")
	selectPhrase(t, b, "yes we can", 0)
	evalJS[bool](t, b, `(document.querySelector("article.doc").parentElement.closest("[tabindex]").focus({preventScroll: true}), true)`)
	slowRelease(t, b, 300)
	b.run(chromedp.KeyEvent("q"), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent("v", ctrl), chromedp.KeyEvent(kb.Escape))
	settleHeld(t, b)
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Barack Obama"`)
	if got := text(t, b, "#doc-title"); got != title {
		t.Errorf("the paste opened %q", got)
	}
}

// TestTypeAheadPastesAnArticle: ? Escape Ctrl+V typed ahead of a slow
// render, the clipboard holding an article's text: the paste, held until
// the help has closed and the focus is back in the article, opens it, as
// a paste there does.
func TestTypeAheadPastesAnArticle(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	grantClipboard(t, b, srv.URL)
	const article = "Council votes on the harbour plan\n\nThe council voted on Tuesday to rebuild the harbour wall before the winter storms."
	evalJS[bool](t, b, fmt.Sprintf(`navigator.clipboard.writeText(%s).then(() => true)`, jsString(article)))
	evalJS[bool](t, b, `(document.querySelector("article.doc").parentElement.closest("[tabindex]").focus({preventScroll: true}), true)`)
	slowRelease(t, b, 300)
	b.run(chromedp.KeyEvent("?"), chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent("v", ctrl))
	settleHeld(t, b)
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("rebuild the harbour wall")`)
}
