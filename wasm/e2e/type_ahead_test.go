//go:build !wasm

package e2e

import (
	"context"
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
