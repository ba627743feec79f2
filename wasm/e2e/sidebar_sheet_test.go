//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// sheetLayout is where the sidebar and what it must not cover are, in the
// viewport's pixels, read after the next frame.
type sheetLayout struct {
	Fixed                               bool
	Top, Bottom, Left, Right, Height    float64
	HeadBottom                          float64
	ToolbarBottom, ReaderRight          float64
	Caret, Panel, Selected, ArticleText [2]float64 // top, bottom; 0, 0 when absent
}

const sheetLayoutJS = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
	const s = document.querySelector(".workspace > .sidebar"), r = s.getBoundingClientRect();
	const at = (el) => { if (!el) return [0, 0]; const b = el.getBoundingClientRect(); return [b.top, b.bottom]; };
	const rangeAt = (h) => {
		const x = h && [...h][0];
		if (!x) return [0, 0];
		const range = document.createRange();
		range.setStart(x.startContainer, x.startOffset); range.setEnd(x.endContainer, x.endOffset);
		return at(range);
	};
	const text = document.createRange();
	text.selectNodeContents(document.querySelector("article.doc"));
	resolve({Fixed: getComputedStyle(s).position === "fixed", Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Height: innerHeight,
		HeadBottom: s.querySelector(".sidebar-head").getBoundingClientRect().bottom,
		ToolbarBottom: document.querySelector(".toolbar").getBoundingClientRect().bottom,
		ReaderRight: document.querySelector(".reader").getBoundingClientRect().right,
		Caret: at(document.querySelector(".text-caret")), Panel: at(document.getElementById("selected")),
		Selected: rangeAt(CSS.highlights.get("selected")), ArticleText: at(text)});
})))`

// between reports whether the span at lies within [top, bottom] and is
// not empty.
func between(at [2]float64, top, bottom float64) bool {
	return at[1]-at[0] > 1 && at[0] >= top-0.5 && at[1] <= bottom+0.5
}

// TestSidebarSheetInNarrowWindow: in a window too narrow for the sidebar
// beside the article (a laptop's half screen), the sidebar is a sheet
// along the window's bottom, and nothing of the article that the user
// works on goes under it: the caret moved down the article by keyboard,
// the panel of the annotation just tagged, a span opened from the list,
// and the article's last line. Before, the sidebar was a column after the
// whole article: on the sample, 1,900 px below the text being tagged.
func TestSidebarSheetInNarrowWindow(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.EmulateViewport(800, 600))
	l := evalJS[sheetLayout](t, b, sheetLayoutJS)
	if !l.Fixed || l.Bottom < l.Height-1 || l.Bottom > l.Height+1 || l.Top < l.Height*0.4 || l.Top > l.Height*0.6 || l.Right-l.Left < 700 {
		t.Fatalf("in a window 800 × 600 px the sidebar is at %.0f–%.0f px from the top, %.0f–%.0f px from the left (fixed: %v): not a sheet along the bottom",
			l.Top, l.Bottom, l.Left, l.Right, l.Fixed)
	}

	// The caret, moved down sentence by sentence, stays above the sheet.
	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement.id === "article"`)
	for i := range 14 {
		press(t, b, kb.ArrowDown, alt)
		l = evalJS[sheetLayout](t, b, sheetLayoutJS)
		if !between(l.Caret, l.ToolbarBottom, l.Top) {
			t.Fatalf("after %d sentences down the caret is at %.0f–%.0f px, not between the toolbar (down to %.0f) and the sidebar (from %.0f)",
				i+1, l.Caret[0], l.Caret[1], l.ToolbarBottom, l.Top)
		}
	}

	// A sentence tagged there: its panel is in the sheet, in view.
	press(t, b, kb.ArrowDown, chromedp.KeyModifiers(chromedp.ModifierAlt, chromedp.ModifierShift))
	waitFor(t, b, `getSelection().toString().length > 20`)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1 && CSS.highlights.get("selected").size === 1`)
	l = evalJS[sheetLayout](t, b, sheetLayoutJS)
	// The panel may be taller than the sheet's head, which then scrolls:
	// its start (the label's choice) is in view.
	if !between([2]float64{l.Panel[0], l.Panel[0] + 40}, l.Top, l.HeadBottom) {
		t.Errorf("the new annotation's panel starts at %.0f px, not in the sidebar's head in view (%.0f–%.0f px)", l.Panel[0], l.Top, l.HeadBottom)
	}
	if !between(l.Selected, l.ToolbarBottom, l.Top) {
		t.Errorf("the new annotation's text is at %.0f–%.0f px, not between the toolbar and the sidebar (%.0f–%.0f)", l.Selected[0], l.Selected[1], l.ToolbarBottom, l.Top)
	}

	// Opened from the list after the article has scrolled away, the span
	// comes back above the sheet.
	evalJS[bool](t, b, `(window.scrollTo(0, 0), true)`)
	evalJS[bool](t, b, `(document.querySelector("#entries > li .entry-main").focus(), true)`)
	press(t, b, kb.Enter)
	waitFor(t, b, `window.scrollY > 300`)
	l = evalJS[sheetLayout](t, b, sheetLayoutJS)
	if !between(l.Selected, l.ToolbarBottom, l.Top) {
		t.Errorf("opened from the list, the annotation's text is at %.0f–%.0f px, not between the toolbar and the sidebar (%.0f–%.0f)", l.Selected[0], l.Selected[1], l.ToolbarBottom, l.Top)
	}

	// At the page's end the article's last line is above the sheet.
	evalJS[bool](t, b, `(window.scrollTo(0, document.documentElement.scrollHeight), true)`)
	l = evalJS[sheetLayout](t, b, sheetLayoutJS)
	if l.ArticleText[1] > l.Top+0.5 {
		t.Errorf("scrolled to the end, the article's text ends at %.0f px, under the sidebar (from %.0f px)", l.ArticleText[1], l.Top)
	}

	// Widened, the sidebar is a column beside the article again.
	b.run(chromedp.EmulateViewport(1280, 800))
	l = evalJS[sheetLayout](t, b, sheetLayoutJS)
	if l.Fixed || l.Left < l.ReaderRight {
		t.Errorf("in a window 1,280 px wide the sidebar starts at %.0f px from the left, the article ends at %.0f (fixed: %v): not beside it", l.Left, l.ReaderRight, l.Fixed)
	}
}
