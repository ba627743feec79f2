//go:build !wasm

package e2e

// This file shows that where an annotator was reading is kept when the
// library is shown in between: back in the article, and after a reload.

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestReadingPlaceKeptThroughTheLibrary scrolls down the article, shows
// the library, and comes back to the article, then reloads: the article
// is where it was read each time. The library's own scrolling was kept
// as the article's place, and the article came back at the top.
func TestReadingPlaceKeptThroughTheLibrary(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	evalJS[bool](t, b, `(window.scrollTo(0, 600), true)`)
	waitFor(t, b, `JSON.parse(localStorage.getItem("annotator.scroll") || "{}").y === Math.round(window.scrollY)`)
	y := evalJS[float64](t, b, `window.scrollY`)
	if y < 300 {
		t.Fatalf("the page scrolled only to %v", y)
	}
	showLibrary(t, b)
	// What the library's scrolling may write, written (a quarter of a
	// second after the page stops scrolling).
	evalJS[bool](t, b, `new Promise((ok) => setTimeout(() => ok(true), 400))`)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("#library") === null && document.querySelector("#article") !== null`)
	waitFor(t, b, `new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`)
	if got := evalJS[float64](t, b, `window.scrollY`); got < y-2 || got > y+2 {
		t.Errorf("back from the library the article is scrolled to %v, want %v", got, y)
	}
	evalJS[bool](t, b, `new Promise((ok) => setTimeout(() => ok(true), 400))`)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	if got := evalJS[float64](t, b, `window.scrollY`); got < y-2 || got > y+2 {
		t.Errorf("after the library and a reload the article is scrolled to %v, want %v", got, y)
	}
}
