//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestImportUnderAFilterSaysWhatItHides adds a batch while the library
// shows only the documents marked done: the report said "Added 3
// documents to the library", and the list showed none of them, nor said
// why. The report says that the filter hides them.
func TestImportUnderAFilterSaysWhatItHides(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	setSelect(t, b, `document.querySelector("#library-status-filter")`, "done")
	waitFor(t, b, `document.querySelector("#library-count").textContent.includes("0 shown")`)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 3, nil)}))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("4 documents")`)
	report := text(t, b, "#import-report p")
	if !strings.Contains(report, "Added 3 documents") || !strings.Contains(report, "the filter (status done) hides them") {
		t.Errorf("an import under a filter that hides what it added reports %q; want it said that the filter hides them", report)
	}
	if said := text(t, b, "#notice"); !strings.Contains(said, "the filter (status done) hides them") {
		t.Errorf("the message line says %q; want it said that the filter hides them", said)
	}

	// With the filter gone, a second import says nothing of it.
	setSelect(t, b, `document.querySelector("#library-status-filter")`, "")
	b.run(chromedp.Click(chromedp.ID("import-report-close")))
	waitFor(t, b, `document.querySelector("#import-report") === null`) // not the first report read again
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 4, nil)}))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	if report := text(t, b, "#import-report p"); strings.Contains(report, "filter") {
		t.Errorf("an import with no filter reports %q", report)
	}
}
