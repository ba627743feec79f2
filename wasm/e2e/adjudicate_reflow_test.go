//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// This file checks the adjudication's view at 320 CSS pixels wide (WCAG's
// reflow: a window 1,280 px wide at 400 %), where its tables are wider
// than the window.

// adjudicationReflow is what TestAdjudicationAt320 measures.
type adjudicationReflow struct {
	PageWidth, WindowWidth float64
	// Tables is, for each table wider than the window, the box that
	// scrolls it: whether there is one, whether Tab reaches it, its name.
	Tables []struct {
		ID        string
		Scrolled  bool
		Focusable bool
		Name      string
	}
}

const adjudicationReflowJS = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
	const tables = [...document.querySelectorAll("#adjudication table")].map((table) => {
		let box = table.parentElement;
		while (box && box !== document.body && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
		const scrolled = !!box && box !== document.body && box.scrollWidth > box.clientWidth;
		const named = scrolled && (box.getAttribute("aria-label") || (document.getElementById(box.getAttribute("aria-labelledby")) || {}).textContent || "");
		return {ID: table.id, Scrolled: scrolled, Focusable: scrolled && box.tabIndex >= 0 && box.getAttribute("role") === "region", Name: named || ""};
	});
	done({PageWidth: document.documentElement.scrollWidth, WindowWidth: innerWidth, Tables: tables});
})))`

// TestAdjudicationAt320: at 320 CSS pixels wide the adjudication's view
// scrolls only up and down; its two tables, whose columns need more, each
// scroll sideways in a box of their own, which Tab reaches (so that the
// keyboard scrolls it) and which a screen reader names; axe finds nothing
// wrong there. The page was 644 px wide, the whole library scrolling
// sideways with the tables.
func TestAdjudicationAt320(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	annPath, _ := annotatorFile(t, dir, "Ann", [2]string{"claim", "rents rose by 12% last year"}, [2]string{"pledge", "We will build 300 homes by 2027"})
	bobPath, _ := annotatorFile(t, dir, "Bob", [2]string{"claim", "the plan was too small"})
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	for _, height := range []int64{640, 256} {
		b.run(chromedp.EmulateViewport(320, height))
		at := evalJS[adjudicationReflow](t, b, adjudicationReflowJS)
		if at.PageWidth > at.WindowWidth+0.5 {
			t.Errorf("320×%d: the page is %.0f px wide", height, at.PageWidth)
		}
		if len(at.Tables) != 2 {
			t.Fatalf("320×%d: %d tables in the adjudication, want 2", height, len(at.Tables))
		}
		auditA11y(t, b, fmt.Sprintf("the adjudication at 320×%d", height))
		for _, tb := range at.Tables {
			switch {
			case !tb.Scrolled:
				t.Errorf("320×%d: the table #%s scrolls in no box of its own", height, tb.ID)
			case !tb.Focusable:
				t.Errorf("320×%d: the box that scrolls the table #%s is no region Tab reaches", height, tb.ID)
			case tb.Name == "":
				t.Errorf("320×%d: the box that scrolls the table #%s has no name", height, tb.ID)
			}
		}
	}
}
