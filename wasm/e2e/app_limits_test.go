//go:build !wasm

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestAppSizeLimits is the chain at the article limit, in the app: an
// article of exactly the limit opens and is tagged, its export (larger
// than the article limit, as its links are made absolute) is downloaded,
// validates, and imports again; an article one byte over is refused with
// its exact size, and the article already open stays.
func TestAppSizeLimits(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	dir := t.TempDir()
	page := filepath.Join(dir, "long-report.html")
	if err := os.WriteFile(page, testcorpus.ArticleOfSize(annotate.MaxArticleBytes), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, page)
	if notice := text(t, b, "#notice"); !strings.HasPrefix(notice, "Opened “A very long report”") {
		t.Fatalf("the article at the limit did not open: the app says %q", notice)
	}
	tagPhrase(t, b, "pretty balanced", "c")
	f := downloadExport(t, b)
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if len(data) <= annotate.MaxArticleBytes {
		t.Fatalf("the export is %d bytes; the test needs it over the article limit", len(data))
	}
	if errs, _ := annotate.CountProblems(annotate.Validate(data)); errs > 0 {
		t.Fatalf("the export of the article at the limit does not validate: %v", annotate.Validate(data)[0])
	}
	export := filepath.Join(dir, "long-report.annotations.json")
	if err := os.WriteFile(export, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// The library holds the article: an export fills it once it has no
	// annotation of its own.
	emptyDocument(t, b)
	openFile(t, b, export)
	if notice := text(t, b, "#notice"); notice != "Imported “A very long report” with 1 annotation." {
		t.Fatalf("the export of the article at the limit did not import: the app says %q", notice)
	}
	if n := entryCount(t, b); n != 1 {
		t.Errorf("the imported export lists %d annotations, want 1", n)
	}

	over := filepath.Join(dir, "longer-report.html")
	if err := os.WriteFile(over, testcorpus.ArticleOfSize(annotate.MaxArticleBytes+1), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, over)
	// The refusal is marked before the notice is drawn.
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("longer-report.html")`)
	notice := text(t, b, "#notice")
	if !strings.Contains(notice, "longer-report.html is 10,000,001 bytes; the annotator opens articles of up to 10 MB (10,000,000 bytes)") ||
		!strings.Contains(notice, "current article stays") {
		t.Errorf("one byte over the limit: the app says %q", notice)
	}
	if title := text(t, b, "#doc-title"); title != "A very long report" {
		t.Errorf("after the refusal the open article is %q", title)
	}
}
