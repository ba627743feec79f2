//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestImportStoppedByAReloadIsSaid: while an import runs, the tab keeps
// its name (session storage: this tab's, across its reloads), and its end
// takes it away; a start that finds it, the tab reloaded in the middle of
// an import, says that the import stopped and how to bring in the rest.
// The library held what the import had added, and nothing said that the
// rest was not there.
func TestImportStoppedByAReloadIsSaid(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 1500, nil)}))
	waitFor(t, b, `document.querySelector("#import-progress") !== null && sessionStorage.getItem("annotator:import") === "batch.jsonl"`)
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	if got := evalJS[any](t, b, `sessionStorage.getItem("annotator:import")`); got != nil {
		t.Errorf("after the import its name is still kept: %v", got)
	}
	// The reload itself is not the test's (a reload in the middle of an
	// import asks first, and the test's browser answers no): the start
	// finds what the reload would have left.
	evalJS[bool](t, b, `(sessionStorage.setItem("annotator:import", "batch.jsonl"), true)`)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("stopped before its end")`)
	if said := text(t, b, "#notice"); !strings.Contains(said, "The import of batch.jsonl stopped before its end when the page was reloaded") || !strings.Contains(said, "Add the same files again") {
		t.Errorf("the start says %q", said)
	}
	b.run(chromedp.Reload())
	waitStarted(t, b)
	settle(t, b)
	if said := text(t, b, "#notice"); strings.Contains(said, "stopped before its end") {
		t.Errorf("the next start says it again: %q", said)
	}
}
