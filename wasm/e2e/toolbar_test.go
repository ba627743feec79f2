//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// toolbarLayout is where the toolbar ends and what must stay below it
// begins, in the viewport's pixels.
type toolbarLayout struct {
	ToolbarBottom, LegendTop, SidebarTop float64
}

const toolbarLayoutJS = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({
	ToolbarBottom: document.querySelector(".toolbar").getBoundingClientRect().bottom,
	LegendTop: document.querySelector(".legend").getBoundingClientRect().top,
	SidebarTop: document.querySelector(".sidebar").getBoundingClientRect().top,
}))))`

// TestToolbarWrapsAboveWhatStaysBelowIt: in a narrow window (or at a large
// text size) the toolbar takes two lines, and the labels' legend and the
// sidebar, which stay in view below it as the article scrolls, stay below
// it instead of under it; widened again, the toolbar takes one line and
// they follow it up. With the toolbar's height fixed in the style sheet,
// a wrapped toolbar covered the legend (its keys and colours) and the top
// of the sidebar.
func TestToolbarWrapsAboveWhatStaysBelowIt(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.EmulateViewport(1280, 900))
	wide := evalJS[toolbarLayout](t, b, toolbarLayoutJS)
	b.run(chromedp.EmulateViewport(700, 800))
	// The article scrolled down, so that the legend and the sidebar are
	// held below the toolbar.
	evalJS[bool](t, b, `(window.scrollTo(0, 1500), true)`)
	narrow := evalJS[toolbarLayout](t, b, toolbarLayoutJS)
	if narrow.ToolbarBottom < wide.ToolbarBottom+20 {
		t.Fatalf("the toolbar is %.0f px high in a window 700 px wide and %.0f px in one 1,280 px wide: the test needs it to wrap", narrow.ToolbarBottom, wide.ToolbarBottom)
	}
	b.run(chromedp.EmulateViewport(1280, 900))
	evalJS[bool](t, b, `(window.scrollTo(0, 1500), true)`)
	widened := evalJS[toolbarLayout](t, b, toolbarLayoutJS)
	for _, l := range []struct {
		when string
		at   toolbarLayout
	}{{"1,280 px wide", wide}, {"700 px wide, scrolled", narrow}, {"widened again, scrolled", widened}} {
		if l.at.LegendTop < l.at.ToolbarBottom-0.5 {
			t.Errorf("%s: the labels' legend starts at %.0f px, under the toolbar, which ends at %.0f px", l.when, l.at.LegendTop, l.at.ToolbarBottom)
		}
		if l.at.SidebarTop < l.at.ToolbarBottom-0.5 {
			t.Errorf("%s: the sidebar starts at %.0f px, under the toolbar, which ends at %.0f px", l.when, l.at.SidebarTop, l.at.ToolbarBottom)
		}
	}
	if widened.ToolbarBottom > wide.ToolbarBottom+0.5 || widened.LegendTop > wide.ToolbarBottom+1 {
		t.Errorf("widened again, the toolbar ends at %.0f px and the legend starts at %.0f px, where at first they were at %.0f and %.0f px",
			widened.ToolbarBottom, widened.LegendTop, wide.ToolbarBottom, wide.LegendTop)
	}
}
