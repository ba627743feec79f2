//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSidebarRowsInNarrowWindow: in a window too narrow for the sidebar
// beside the article, the sidebar is a sheet along the window's bottom
// (TestSidebarSheetInNarrowWindow). Scrolled, it draws the rows in its view
// as in the wide layout; and the annotation selected from the keyboard at
// the far end of the list, while the article is read, is drawn and brought
// into the sheet's view.
func TestSidebarRowsInNarrowWindow(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	b.run(chromedp.EmulateViewport(700, 800))
	openFourHundred(t, b)
	if !evalJS[bool](t, b, `(() => {
		const s = document.querySelector(".sidebar"), r = s.getBoundingClientRect();
		return getComputedStyle(s).position === "fixed" && Math.abs(r.bottom - innerHeight) < 1;
	})()`) {
		t.Fatal("at 700 pixels wide the sidebar is not a sheet along the window's bottom; the test is for that layout")
	}
	rows := func() sidebarRows { return evalJS[sidebarRows](t, b, sidebarRowsJS) }
	// Scroll the sidebar to its middle.
	evalJS[bool](t, b, `(() => {
		const list = document.getElementById("entries"), rows = list.children, box = list.closest(".sidebar");
		const pitch = rows[1].offsetTop - rows[0].offsetTop, shown = box.getBoundingClientRect();
		box.scrollTop += list.getBoundingClientRect().top + 199.5 * pitch - (Math.max(shown.top, 0) + Math.min(shown.bottom, innerHeight)) / 2;
		return true;
	})()`)
	waitFor(t, b, sidebarRowsJS+`.shown === 200`)
	if r := rows(); r.Drawn >= 200 || r.Height > 1 {
		t.Errorf("scrolled to the middle, the list draws %d rows (%d to %d) and is %.1f rows off its height", r.Drawn, r.First, r.Last, r.Height)
	}
	// Choose the row in the middle of the view, then go back to the top of
	// the page: the key for the next annotation selects the one after it,
	// whose row is in the sheet's view.
	b.run(chromedp.Click(`#entries > li[aria-posinset="200"] .entry-main`))
	waitFor(t, b, `document.querySelector('#entries > li[aria-posinset="200"].selected') !== null`)
	evalJS[bool](t, b, `(scrollTo(0, 0), true)`)
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "]")
	waitFor(t, b, `document.querySelector('#entries > li[aria-posinset="201"].selected') !== null`)
	waitFor(t, b, rowInView(201))
}
