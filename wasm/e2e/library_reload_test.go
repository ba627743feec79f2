//go:build !wasm

package e2e

// This file shows that the library, shown again after a reload, is
// searched, filtered and sorted as it was left.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestLibraryKeptThroughReload searches, filters and sorts the library,
// then reloads (which opens the document, as a start does) and shows the
// library again: with the same words, status and order. Each showing of
// the library had lost all three.
func TestLibraryKeptThroughReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	showLibrary(t, b)
	word := strings.Fields(sampleTitle)[0]
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-sort"); s.value = "title:asc"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-status-filter"); s.value = "new"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-search"); s.value = `+jsString(word)+`; s.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 1`)
	// go-app runs the handlers a moment after the events.
	evalJS[bool](t, b, `new Promise((ok) => setTimeout(() => ok(true), 200))`)

	b.run(chromedp.Reload())
	waitStarted(t, b)
	showLibrary(t, b)
	got := evalJS[[]string](t, b, `["#library-search", "#library-status-filter", "#library-sort"].map((s) => document.querySelector(s).value)`)
	if want := []string{word, "new", "title:asc"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after a reload the library's search, status and sort are %q, want %q", got, want)
	}
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 1`)
}
