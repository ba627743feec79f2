//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// libraryLayout is what TestLibraryLayout measures of the library, in CSS
// pixels.
type libraryLayout struct {
	PageWidth, WindowWidth      float64 // the page's scroll width, the window's
	SearchHeight, SelectHeight  float64 // the title's search field, the status filter
	AsMiddle, FormatMiddle      float64 // "as" and the format it goes with
	StatusWidth, StatusNeeds    float64 // a row's status choice, and its longest option's text
	TitleWidth, ActionsOverflow float64 // a row's title cell; how far its buttons pass the window
}

const libraryLayoutJS = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
	const box = (el) => el.getBoundingClientRect();
	const middle = (el) => { const r = box(el); return (r.top + r.bottom) / 2; };
	const as = [...document.querySelectorAll(".library-tools label span")].find((s) => s.textContent === "as");
	const status = document.querySelector(".library-row .library-status select");
	// The width the longest option's text takes in the select's font.
	const probe = document.createElement("span");
	probe.style.font = getComputedStyle(status).font;
	probe.style.position = "absolute";
	probe.textContent = [...status.options].map((o) => o.text).sort((a, b) => b.length - a.length)[0];
	document.body.appendChild(probe);
	const needs = probe.getBoundingClientRect().width;
	probe.remove();
	const actions = [...document.querySelectorAll(".library-row .library-actions button")];
	resolve({PageWidth: document.documentElement.scrollWidth, WindowWidth: innerWidth,
		SearchHeight: box(document.getElementById("library-search")).height,
		SelectHeight: box(document.getElementById("library-status-filter")).height,
		AsMiddle: middle(as), FormatMiddle: middle(document.getElementById("export-format")),
		StatusWidth: box(status).width, StatusNeeds: needs,
		TitleWidth: box(document.querySelector(".library-row td.library-title")).width,
		ActionsOverflow: Math.max(0, ...actions.map((b) => box(b).right - innerWidth))});
})))`

// TestLibraryLayout: the library reads as one form at a desk's width and in
// half a laptop's screen. Its search field is drawn as the choices beside
// it are (it was the browser's bare field, smaller than they); "as" reads
// before the export's format, on its line (it sat above it, alone); and in
// a window 700 px wide nothing goes past the window's edge, a row's status
// shows its choice whole and its title is not squeezed to a word a line
// (the status showed "ne", the title ran to seven lines).
func TestLibraryLayout(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	for _, width := range []int64{1280, 700} {
		b.run(chromedp.EmulateViewport(width, 800))
		l := evalJS[libraryLayout](t, b, libraryLayoutJS)
		if l.PageWidth > l.WindowWidth+0.5 || l.ActionsOverflow > 0.5 {
			t.Errorf("%d px wide: the page is %.0f px wide, its row's buttons pass the window's edge by %.0f px", width, l.PageWidth, l.ActionsOverflow)
		}
		if d := l.SearchHeight - l.SelectHeight; d < -2 || d > 2 {
			t.Errorf("%d px wide: the title's search field is %.0f px high, the status filter beside it %.0f px", width, l.SearchHeight, l.SelectHeight)
		}
		if d := l.AsMiddle - l.FormatMiddle; d < -3 || d > 3 {
			t.Errorf("%d px wide: \"as\" is %.0f px off the middle of the format it goes with", width, d)
		}
		if l.StatusWidth < l.StatusNeeds+16 {
			t.Errorf("%d px wide: a row's status choice is %.0f px wide, where its longest option's text takes %.0f px and the arrow more", width, l.StatusWidth, l.StatusNeeds)
		}
		if l.TitleWidth < 150 {
			t.Errorf("%d px wide: a row's title is %.0f px wide", width, l.TitleWidth)
		}
	}
}

// TestLibraryAt320: at 320 CSS pixels wide (WCAG's reflow: 1,280 px at
// 400 %) the library's page scrolls only up and down. Its table, whose
// columns need more than that, scrolls sideways in a box of its own (WCAG
// lets a data table), and a row's controls, reached with Tab, are scrolled
// into that box's view (Chromium scrolls no further once part of a control
// shows). The whole page was 666 px wide, the toolbar and
// the library's tools scrolling sideways with the table.
func TestLibraryAt320(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	b.run(chromedp.EmulateViewport(320, 640))
	if l := evalJS[libraryLayout](t, b, libraryLayoutJS); l.PageWidth > l.WindowWidth+0.5 {
		t.Errorf("320 px wide: the library's page is %.0f px wide", l.PageWidth)
	}
	for _, button := range []string{".library-status select", ".library-rename"} {
		focusControl(t, b, `document.querySelector(".library-row `+button+`")`)
		waitFor(t, b, `(() => {
			const r = document.activeElement.getBoundingClientRect();
			return document.activeElement.matches(".library-row `+button+`") && r.right > 0 && r.left < innerWidth - 8;
		})()`)
	}
}

// TestLibraryOpenRowShows: the row of the document open in the library is
// marked by more than its background's colour, which was all that told it
// from the others: #f0f6ff on white, 1.07:1, and in forced colours (Windows
// High Contrast) the page's Canvas like every row. A bar at its start
// shows in both.
func TestLibraryOpenRowShows(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	const cell = ".library-row.open td:first-child"
	waitFor(t, b, `document.querySelector("`+cell+`") !== null`)
	for _, forced := range []bool{false, true} {
		if forced {
			emulateForcedColors(t, b)
		}
		td := elementBox(t, b, cell)
		row := backgroundOf(t, b, td)
		if share := contrasting(shot(t, b, box{td.X, td.Y + 2, 4, td.H - 4}), row); share < 0.5 {
			t.Errorf("forced colours %v: %.0f%% of the open row's start stands out from its background (%v)", forced, 100*share, row)
		}
	}
}
