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

// TestToolbarOneLineDownTo: the toolbar keeps to one line from a wide
// window down to 901 px (a laptop's 1,024 px, half of a 1,920 px screen),
// where it took two for its last two controls below 1,127 px, with every
// control in the window and shown: below 1,181 px the name beside the
// icon and the word JSON of the export's buttons go, and the buttons'
// names still say JSON. "Saving…" keeps it to the line "Saved" kept.
func TestToolbarOneLineDownTo(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	type toolbarAt struct {
		Height         float64
		Outside        []string // the controls not wholly in the window, or not shown
		Download, Copy string   // the buttons' text as shown
		DownloadName   string
		CopyName       string
		BrandTextShown bool
	}
	const js = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
		const bar = document.querySelector(".toolbar"), w = document.documentElement.clientWidth;
		const outside = [...bar.querySelectorAll("button:not(.skip-link), input:not([type=file]), .save-state")].filter((el) => {
			const r = el.getBoundingClientRect();
			return r.width === 0 || r.left < 0 || r.right > w;
		}).map((el) => el.id || el.className);
		const brand = document.querySelector(".brand span");
		resolve({Height: bar.getBoundingClientRect().height, Outside: outside,
			Download: document.getElementById("download-button").innerText, Copy: document.getElementById("copy-button").innerText,
			DownloadName: document.getElementById("download-button").getAttribute("aria-label"),
			CopyName: document.getElementById("copy-button").getAttribute("aria-label"),
			BrandTextShown: brand.getBoundingClientRect().width > 0});
	})))`
	b.run(chromedp.EmulateViewport(1280, 900))
	wide := evalJS[toolbarAt](t, b, js)
	if wide.Download != "Download JSON" || wide.Copy != "Copy JSON" || !wide.BrandTextShown || len(wide.Outside) > 0 {
		t.Fatalf("1,280 px wide: %+v; want the buttons' whole text, the name beside the icon and every control shown", wide)
	}
	for _, width := range []int64{1180, 1126, 1024, 960, 901} {
		b.run(chromedp.EmulateViewport(width, 800))
		at := evalJS[toolbarAt](t, b, js)
		if at.Height > wide.Height+0.5 {
			t.Errorf("%d px wide: the toolbar is %.0f px high, %.0f px at 1,280: it wraps", width, at.Height, wide.Height)
		}
		// Saving: the same line, not another at every save.
		saving := evalJS[float64](t, b, `(() => {
			const state = document.getElementById("save-state"), text = state.querySelector("span").firstChild, was = text.nodeValue;
			state.classList.replace("save-saved", "save-saving");
			text.nodeValue = "Saving…";
			const h = document.querySelector(".toolbar").getBoundingClientRect().height;
			text.nodeValue = was;
			state.classList.replace("save-saving", "save-saved");
			return h;
		})()`)
		if saving > wide.Height+0.5 {
			t.Errorf("%d px wide: saving, the toolbar is %.0f px high, %.0f px when saved: it changes lines at every save", width, saving, wide.Height)
		}
		if len(at.Outside) > 0 {
			t.Errorf("%d px wide: %v not wholly shown in the window", width, at.Outside)
		}
		if at.Download != "Download" || at.Copy != "Copy" || at.DownloadName != "Download JSON" || at.CopyName != "Copy JSON" {
			t.Errorf("%d px wide: the buttons show %q and %q, named %q and %q; want Download and Copy, named with JSON",
				width, at.Download, at.Copy, at.DownloadName, at.CopyName)
		}
	}
}
