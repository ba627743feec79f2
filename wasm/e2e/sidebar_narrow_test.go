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
	clickRow(t, b, 200)
	evalJS[bool](t, b, `(scrollTo(0, 0), true)`)
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "]")
	waitFor(t, b, `document.querySelector('#entries > li[aria-posinset="201"].selected') !== null`)
	waitFor(t, b, rowInView(201))
}

// reflowLayout is what a window leaves of the article to read, and
// whether anything makes the page scroll sideways.
type reflowLayout struct {
	ScrollWidth, Width, Height float64
	CoverTop, CoverBottom      float64  // what covers the window's top and where the sheet starts
	Outside                    []string // toolbar controls not wholly in the window's width
}

const reflowLayoutJS = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
	let top = 0;
	for (const el of document.querySelectorAll(".toolbar, .legend")) {
		const r = el.getBoundingClientRect();
		if (r.bottom > 0 && r.top < innerHeight) top = Math.max(top, r.bottom);
	}
	const sheet = document.querySelector(".sidebar").getBoundingClientRect();
	done({
		ScrollWidth: document.documentElement.scrollWidth, Width: innerWidth, Height: innerHeight,
		CoverTop: top, CoverBottom: Math.min(sheet.top, innerHeight),
		Outside: [...document.querySelectorAll(".toolbar :is(button, input, select, a)")]
			.filter((el) => { const r = el.getBoundingClientRect(); return r.left < -0.5 || r.right > innerWidth + 0.5; })
			.map((el) => el.textContent || el.id),
	});
})))`

// TestReflowAt320: at 320 CSS pixels wide (WCAG's reflow: a window 1,280
// px wide at 400 %, 256 px high, or a phone's 640), the page scrolls only
// up and down, the toolbar's controls are in the window's width, and the
// article scrolled under what stays in view keeps a third of the window
// to read in. The toolbar wraps to six lines there and the labels' legend
// to three, and both stayed at the top while the sheet took the bottom
// half: at 640 px high they covered all the article, at 256 px the
// toolbar alone filled the window.
func TestReflowAt320(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	for _, height := range []int64{640, 256} {
		b.run(chromedp.EmulateViewport(320, height))
		evalJS[bool](t, b, `(scrollTo(0, 0), true)`)
		at := evalJS[reflowLayout](t, b, reflowLayoutJS)
		if at.ScrollWidth > at.Width+0.5 || len(at.Outside) > 0 {
			t.Errorf("320×%d: the page is %.0f px wide in a window %.0f px wide; toolbar controls out of it: %q", height, at.ScrollWidth, at.Width, at.Outside)
		}
		// Read on: a phrase of the article's middle, brought into view.
		phrase := "yes we can"
		selectPhrase(t, b, phrase, 0)
		evalJS[bool](t, b, `(() => {
			const r = getSelection().getRangeAt(0);
			getSelection().removeAllRanges();
			r.startContainer.parentElement.scrollIntoView({block: "center", behavior: "instant"});
			return true;
		})()`)
		at = evalJS[reflowLayout](t, b, reflowLayoutJS)
		if room := at.CoverBottom - at.CoverTop; room < at.Height/3 {
			t.Errorf("320×%d, scrolled into the article: the toolbar and the legend cover its top to %.0f px and the sheet starts at %.0f px, leaving %.0f px to read in", height, at.CoverTop, at.CoverBottom, room)
		}
		// Tag there: the sheet lists it.
		tagPhrase(t, b, phrase, "q")
		if at := evalJS[reflowLayout](t, b, reflowLayoutJS); at.ScrollWidth > at.Width+0.5 {
			t.Errorf("320×%d: once tagged, the page is %.0f px wide", height, at.ScrollWidth)
		}
		// Each field of the panel of the annotation just tagged, focused,
		// shows whole: the browser scrolls it into the sheet's view.
		// So does its row in the list, after them.
		const fields = "#selected :is(select, input, textarea, button), #entries .entry-main"
		for _, field := range evalJS[[]string](t, b, `[...document.querySelectorAll("`+fields+`")].filter((el) => el.offsetParent).map((el) => el.id || el.textContent)`) {
			if shown := evalJS[[]float64](t, b, visibleWhenFocusedJS(fields, field)); shown[1] < shown[0]-1 {
				t.Errorf("320×%d: the selected annotation's %q, focused, shows %.0f px of its %.0f", height, field, shown[1], shown[0])
			}
		}
		press(t, b, "z", ctrl)
		waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0`)
	}
}

// visibleWhenFocusedJS focuses the element among those selector finds with
// that id (else that text) and gives its height and the height of it that
// shows: inside each box that clips it, and the window.
func visibleWhenFocusedJS(selector, field string) string {
	return `new Promise((done) => {
		const el = [...document.querySelectorAll(` + jsString(selector) + `)].find((el) => (el.id || el.textContent) === ` + jsString(field) + `);
		el.focus();
		requestAnimationFrame(() => requestAnimationFrame(() => {
			const r = el.getBoundingClientRect();
			let top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
			for (let p = el.parentElement; p; p = p.parentElement) {
				if (getComputedStyle(p).overflowY === "visible") continue;
				const q = p.getBoundingClientRect();
				top = Math.max(top, q.top);
				bottom = Math.min(bottom, q.bottom);
			}
			done([r.height, Math.max(bottom - top, 0)]);
		}));
	})`
}
