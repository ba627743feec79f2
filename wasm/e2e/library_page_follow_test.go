//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestStatusOnPageTwoFollowsItsRow marks a document's status with ↓ on
// the library's second page, sorted by last change: the row moves to the
// first page, the library shows that page and the focus stays on the
// row's status, where a second ↓ marks it done. The library stayed on
// page 2 and gave the focus to the title listed in the row's old place,
// and the second ↓ did nothing.
func TestStatusOnPageTwoFollowsItsRow(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 60, nil)}))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("61 documents")`)
	b.run(chromedp.Click(chromedp.ID("import-report-close")))
	waitFor(t, b, `document.querySelector("#import-report") === null`)
	b.run(chromedp.Click(chromedp.ID("library-next")))
	waitFor(t, b, `document.querySelector("#library-prev") && !document.querySelector("#library-prev").disabled`)
	rows := evalJS[[]string](t, b, `[...document.querySelectorAll("#library-table .library-row .library-title")].map(e => e.textContent)`)
	if len(rows) < 4 {
		t.Fatalf("page 2 lists %q", rows)
	}
	target := rows[3]
	status := libraryRow(target) + `.querySelector(".status-select")`
	focusControl(t, b, status)
	press(t, b, kb.ArrowDown)
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Marked")`)
	settle(t, b)
	if got := evalJS[string](t, b, `document.activeElement.getAttribute("aria-label") || document.activeElement.tagName`); got != "Status of “"+target+"”" {
		t.Errorf("after ↓ on the status of %q on page 2, the focus is on %q; the library's pager says %q", target, got, text(t, b, ".pager span"))
	}
	press(t, b, kb.ArrowDown)
	waitFor(t, b, `document.getElementById("notice-said").textContent.includes("done")`)
	if got := evalJS[string](t, b, status+`.value`); got != "done" {
		t.Errorf("after a second ↓ %q is %q", target, got)
	}
}
