//go:build !wasm

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focusedShownJS gives where the focused element is in the window, and
// the band between what stays at the window's top (the toolbar and the
// legend, where they stay) and the sheet along its bottom.
const focusedShownJS = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
	const el = document.activeElement, r = el.getBoundingClientRect();
	let top = 0;
	for (const c of document.querySelectorAll(".toolbar, .legend")) {
		const b = c.getBoundingClientRect();
		if (getComputedStyle(c).position === "sticky" && b.bottom > 0 && b.top < innerHeight) top = Math.max(top, b.bottom);
	}
	const sheet = document.querySelector(".workspace > .sidebar").getBoundingClientRect();
	done({Name: el.textContent.slice(0, 30), Top: r.top, Bottom: r.bottom, CoverTop: top, CoverBottom: Math.min(sheet.top, innerHeight)});
})))`

type focusedShown struct {
	Name                               string
	Top, Bottom, CoverTop, CoverBottom float64
}

// TestArticleLinksFocusedAboveTheSheet: in a narrow window the links of
// an article, reached with Tab down the article and Shift+Tab back up,
// show between the toolbar and the legend, which stay at the window's top,
// and the sheet along its bottom. The browser scrolls a focused element
// into the window, unaware of what covers it: a link was focused under
// the sheet (its lower half, six links in a row) on the way down, and
// under the legend on the way up, where the reader lost the focus.
func TestArticleLinksFocusedAboveTheSheet(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.EmulateViewport(700, 800))
	var body strings.Builder
	const links = 24
	for i := range links {
		fmt.Fprintf(&body, "<p>Paragraph %d says a few words about the talks, with <a href=\"https://example.org/%d\">link %d</a> in its middle, and more words after it so that it takes two lines or three.</p>", i, i, i)
	}
	openArticle(t, b, "Links", body.String())
	b.run(chromedp.Focus(chromedp.ID("article")))
	check := func(way string, want int) {
		t.Helper()
		f := evalJS[focusedShown](t, b, focusedShownJS)
		if f.Name != fmt.Sprintf("link %d", want) {
			t.Fatalf("%s, the focus is on %q, not on link %d", way, f.Name, want)
		}
		if f.Top < f.CoverTop-0.5 || f.Bottom > f.CoverBottom+0.5 {
			t.Errorf("%s, %s is focused at %.0f–%.0f px, not between what stays at the top (to %.0f px) and the sheet (from %.0f px)", way, f.Name, f.Top, f.Bottom, f.CoverTop, f.CoverBottom)
		}
	}
	for i := range links {
		press(t, b, kb.Tab)
		check("Tab down the article", i)
	}
	for i := links - 2; i >= 0; i-- {
		press(t, b, kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
		check("Shift+Tab up the article", i)
	}
}
