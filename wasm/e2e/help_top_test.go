//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestHelpOpensAtItsTop opens the keyboard help, longer than the window,
// with a click: it opens at its top, its title in sight, and its Close,
// focused, in sight too; Tab and Shift+Tab keep to Close, the one stop in
// it; Escape closes it and gives the focus back to its button. Close,
// the browser's first tab stop, scrolled it to its end as it opened.
func TestHelpOpensAtItsTop(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.EmulateViewport(1280, 600))
	b.run(chromedp.Click(chromedp.ID("help-button")))
	waitFor(t, b, `document.querySelector("#help") !== null && document.querySelector("#help").open && document.querySelector("#help").contains(document.activeElement)`)
	settle(t, b)
	if !evalJS[bool](t, b, `(() => { const d = document.querySelector("#help"); return d.scrollHeight > d.clientHeight + 100; })()`) {
		t.Fatal("the help is not longer than its box: this test shows nothing")
	}
	inSight := func(sel string) bool {
		return evalJS[bool](t, b, `(() => {
			const d = document.querySelector("#help").getBoundingClientRect(), r = document.querySelector(`+jsString(sel)+`).getBoundingClientRect();
			return r.height > 0 && r.top >= d.top && r.bottom <= d.bottom;
		})()`)
	}
	if got := evalJS[string](t, b, `document.activeElement.id`); got != "help-close" {
		t.Errorf("the help opened with %q focused, not its Close", got)
	}
	if top := evalJS[float64](t, b, `document.querySelector("#help").scrollTop`); top != 0 {
		t.Errorf("the help opened scrolled %.0f px down", top)
	}
	if !inSight("#help-title") {
		t.Error("the help's title is out of sight as it opens")
	}
	if !inSight("#help-close") {
		t.Error("the help's Close is out of sight as it opens")
	}
	press(t, b, kb.Tab, shift)
	if got := evalJS[string](t, b, `document.activeElement.id`); got != "help-close" {
		t.Errorf("Shift+Tab from the help's Close went to %q; it is the help's one stop", got)
	}
	press(t, b, kb.Tab)
	if got := evalJS[string](t, b, `document.activeElement.id`); got != "help-close" {
		t.Errorf("Tab from Close went to %q; it is the help's one stop", got)
	}
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#help") === null`)
	if got := evalJS[string](t, b, `document.activeElement.id`); got != "help-button" {
		t.Errorf("after Escape the focus is on %q, not the help's button", got)
	}
}
