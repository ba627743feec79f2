//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestSidebarRowsInNarrowWindow: in a window too narrow for the sidebar
// beside the article, the sidebar sits below the article, out of the
// window while the article is read. Scrolled to, it draws the rows in its
// view as in the wide layout; and the annotation selected from the
// keyboard at the far end of the list, while the article is read, is
// drawn and brought into the window.
func TestSidebarRowsInNarrowWindow(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	b.run(chromedp.EmulateViewport(700, 800))
	openFourHundred(t, b)
	if !evalJS[bool](t, b, `document.querySelector(".sidebar").getBoundingClientRect().top >= document.querySelector(".reader").getBoundingClientRect().bottom`) {
		t.Fatal("at 700 pixels wide the sidebar is not below the article; the test is for that layout")
	}
	rows := func() sidebarRows { return evalJS[sidebarRows](t, b, sidebarRowsJS) }
	// Scroll the page to the sidebar, then the sidebar to its middle.
	// The article's blocks take their real heights as they pass through the
	// window (content-visibility), which moves the sidebar: scroll to it
	// until it stays, whole in the window.
	if !evalJS[bool](t, b, `(async () => {
		const s = document.querySelector(".sidebar"), frame = () => new Promise((r) => requestAnimationFrame(r));
		let was = NaN;
		for (let i = 0; i < 20; i++) {
			s.scrollIntoView();
			await frame(); await frame();
			const r = s.getBoundingClientRect();
			if (r.top === was && r.top >= 0 && r.bottom <= innerHeight) return true;
			was = r.top;
		}
		return false;
	})()`) {
		t.Fatal("the sidebar did not stay in the window")
	}
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
	// whose row stays in the sidebar's view, below the article, where the
	// page scrolled to the sidebar shows it.
	b.run(chromedp.Click(`#entries > li[aria-posinset="200"] .entry-main`))
	waitFor(t, b, `document.querySelector('#entries > li[aria-posinset="200"].selected') !== null`)
	evalJS[bool](t, b, `(scrollTo(0, 0), true)`)
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "]")
	waitFor(t, b, `document.querySelector('#entries > li[aria-posinset="201"].selected') !== null`)
	waitFor(t, b, `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
	if !evalJS[bool](t, b, `(() => {
		const li = document.querySelector('#entries > li[aria-posinset="201"]');
		const r = li.getBoundingClientRect(), box = li.closest(".sidebar").getBoundingClientRect();
		return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
	})()`) {
		t.Error("the row of the annotation selected while the sidebar was out of the window is out of the sidebar's view")
	}
	evalJS[bool](t, b, `(document.querySelector(".sidebar").scrollIntoView(), true)`)
	waitFor(t, b, rowInView(201))
}
