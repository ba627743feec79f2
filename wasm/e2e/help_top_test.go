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

// TestHelpTableIsNamedAndHeaded reads the keyboard help's table as a
// screen reader does: named by the dialog's title, with a header for its
// columns and each row headed by its keys. It had no name and no header
// cell, so that each description was read without the keys it is for.
func TestHelpTableIsNamedAndHeaded(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	b.run(chromedp.Click(chromedp.ID("help-button")))
	waitFor(t, b, `document.querySelector("#help table") !== null`)
	got := evalJS[map[string]any](t, b, `(() => {
		const t = document.querySelector("#help table");
		const name = document.getElementById(t.getAttribute("aria-labelledby") || "")?.textContent || "";
		const cols = [...t.querySelectorAll("thead th[scope=col]")].map((th) => th.textContent);
		const rows = [...t.querySelectorAll("tbody tr")];
		const headed = rows.filter((r) => r.firstElementChild.matches("th[scope=row]") && r.firstElementChild.querySelector("kbd")).length;
		return {name, cols: cols.join("|"), rows: rows.length, headed};
	})()`)
	if got["name"] != "Keyboard shortcuts" {
		t.Errorf("the help's table is named %q, not by the dialog's title", got["name"])
	}
	if got["cols"] != "Keys|What they do" {
		t.Errorf("the help's table has the column headers %q", got["cols"])
	}
	if got["rows"].(float64) < 10 || got["headed"] != got["rows"] {
		t.Errorf("%v of the help's %v rows are headed by their keys", got["headed"], got["rows"])
	}
}
