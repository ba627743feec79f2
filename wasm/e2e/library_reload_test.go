//go:build !wasm

package e2e

// This file shows that a reload while the library is shown comes back to
// the library, as it was searched, filtered and sorted.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestLibraryKeptThroughReload searches, filters and sorts the library,
// then reloads: the library is shown again, with the same words, status
// and order. The article was shown instead, and the library, once shown,
// had lost all three.
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
	// Not waitStarted: that waits for the article on the page.
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	if !tryWait(b, `document.querySelector("#library-table, #library-empty") !== null`) {
		t.Fatalf("a reload with the library shown shows %q", text(t, b, "#doc-title"))
	}
	got := evalJS[[]string](t, b, `["#library-search", "#library-status-filter", "#library-sort"].map((s) => document.querySelector(s).value)`)
	if want := []string{word, "new", "title:asc"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("after a reload the library's search, status and sort are %q, want %q", got, want)
	}
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 1`)
}
