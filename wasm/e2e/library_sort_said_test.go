//go:build !wasm

package e2e

import (
	"testing"
)

// TestLibrarySaysItsOrderAndTheOpenRow reads what a screen reader is told
// of the library's table: the column the library is sorted by, and which
// way (aria-sort on its header; it was said by the "Sort by" field alone),
// and the open document's row (aria-current; it was marked by its colour
// alone).
func TestLibrarySaysItsOrderAndTheOpenRow(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length > 0`)
	sorts := func() map[string]string {
		return evalJS[map[string]string](t, b, `Object.fromEntries([...document.querySelectorAll("#library-table thead th")].filter((th) => th.hasAttribute("aria-sort")).map((th) => [th.textContent, th.getAttribute("aria-sort")]))`)
	}
	want := map[string]string{"Title": "none", "Added": "none", "Status": "none", "Last change": "descending"}
	for col, w := range want {
		if got := sorts()[col]; got != w {
			t.Errorf("sorted by last change, newest first: the %s column's aria-sort is %q, want %q", col, got, w)
		}
	}
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-sort"); s.value = "title:asc"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelector("#library-table thead th[aria-sort=ascending]")?.textContent === "Title"`)
	if got := sorts()["Last change"]; got != "none" {
		t.Errorf("sorted by title: the Last change column's aria-sort is %q, want none", got)
	}
	open := evalJS[[]string](t, b, `[...document.querySelectorAll("#library-table .library-row")].map((r) => r.getAttribute("aria-current") + (r.classList.contains("open") ? " open" : ""))`)
	current := 0
	for _, o := range open {
		switch o {
		case "true open":
			current++
		case "false":
		default:
			t.Errorf("a row is aria-current %q", o)
		}
	}
	if current != 1 {
		t.Errorf("%d rows are aria-current, want the open document's alone: %q", current, open)
	}
}
