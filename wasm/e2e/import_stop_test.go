//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestImportCancelSaysWhereItStopped cancels an import of many files
// once it is adding them: the report said that what it added is kept,
// not which files those were, and the same files added again were
// reported as duplicates with nothing to say why. It says how many of the
// files were imported and names the first that was not; added again, the
// files bring in exactly the rest, the others reported as already there.
func TestImportCancelSaysWhereItStopped(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	const n = 600
	dir := t.TempDir()
	paths := make([]string, n)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("page-%03d.html", i+1))
		page := fmt.Sprintf("<html><head><title>Page %03d</title></head><body><h1>Page %03d</h1>%s</body></html>",
			i+1, i+1, strings.Repeat(fmt.Sprintf("<p>The council said on day %d that the budget would hold.</p>", i+1), 20))
		if err := os.WriteFile(paths[i], []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), paths))
	// Cancelled once it adds them, not while the browser reads the files.
	waitFor(t, b, `document.querySelector("#import-progress") !== null && document.querySelector("#import-progress span").textContent.includes("adding them")`)
	b.run(chromedp.Click(chromedp.ID("import-cancel")))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	report := text(t, b, "#import-report p")
	var added int
	if i := strings.Index(report, "Added "); i < 0 {
		t.Fatalf("the report says %q", report)
	} else if _, err := fmt.Sscanf(report[i:], "Added %d", &added); err != nil || added == 0 || added >= n {
		t.Fatalf("the cancelled import added %d of %d files (%v), want some but not all: %q", added, n, err, report)
	}
	t.Logf("the report: %q", report)
	for _, want := range []string{
		"cancelled",
		fmt.Sprintf("It stopped after %d of the %d files", added, n),
		fmt.Sprintf("page-%03d.html", added+1), // the first not imported, in the order given
		"already in the library",               // what adding them again does
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report of the cancelled import does not say %q: %q", want, report)
		}
	}
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#library-count").textContent.startsWith("%d documents")`, 1+added))
	// Nothing was refused: the message line points to no reasons.
	if msg := text(t, b, "#notice"); strings.Contains(msg, "reasons") || evalJS[bool](t, b, `document.querySelector("#notice").classList.contains("error")`) {
		t.Errorf("after a cancel with nothing refused the message line says, as an error, %q", msg)
	}

	// The same files again: the rest are added, and those already added
	// reported as already there, as the report said.
	b.run(chromedp.Click(chromedp.ID("import-report-close")))
	waitFor(t, b, `document.querySelector("#import-report") === null`)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), paths))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	again := text(t, b, "#import-report p")
	if !strings.HasPrefix(again, fmt.Sprintf("Added %d documents", n-added)) || !strings.Contains(again, fmt.Sprintf("; %d already there", added)) {
		t.Errorf("the same files added again report %q; want the %d not imported added and the %d imported already there", again, n-added, added)
	}
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#library-count").textContent.startsWith("%d documents")`, 1+n))
}
