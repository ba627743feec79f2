//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestHeadGrowingKeepsTheSelectedInView: the sidebar's head, which stays
// at its top, grows when the selected annotation's panel needs more (a
// quote's speaker field, drawn by go-app a frame after the row's reveal
// was measured; a long note). The selected row just below it went under
// it, out of sight. The list now scrolls by what the head covers of it.
func TestHeadGrowingKeepsTheSelectedInView(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openFourHundred(t, b)
	evalJS[bool](t, b, `(() => { const s = document.querySelector(".sidebar"); s.scrollTop = s.scrollHeight / 2; return true; })()`)
	waitFor(t, b, sidebarRowsJS+`.shown > 150`)
	id := evalJS[string](t, b, `document.querySelector('#entries > li[aria-posinset="' + `+sidebarRowsJS+`.shown + '"]').dataset.id`)
	b.run(chromedp.Click(`#entry-` + id + ` .entry-main`))
	waitFor(t, b, entryInView(id))
	settle(t, b)
	// The row just below the head, then the head 150 px taller.
	evalJS[bool](t, b, `(() => {
		const li = document.querySelector("#entries > li.selected"), head = document.querySelector(".sidebar-head");
		document.querySelector(".sidebar").scrollTop += li.getBoundingClientRect().top - head.getBoundingClientRect().bottom - 2;
		return true;
	})()`)
	settle(t, b)
	waitFor(t, b, entryInView(id))
	evalJS[bool](t, b, `(() => {
		const grow = document.createElement("div");
		grow.id = "grow-test";
		grow.style.height = "150px";
		document.querySelector(".sidebar-head").appendChild(grow);
		return true;
	})()`)
	settle(t, b)
	waitFor(t, b, entryInView(id))
}
