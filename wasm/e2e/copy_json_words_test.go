//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCopyAndDownloadSayOneAnnotation: Copy JSON and Download JSON of a
// document with one annotation say "1 annotation", not "1 annotations".
func TestCopyAndDownloadSayOneAnnotation(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	grantClipboard(t, b, srv.URL)
	tagPhrase(t, b, "yes we can", "c")
	b.run(chromedp.Click(chromedp.ID("copy-button")))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Copied the export")`)
	if said := text(t, b, "#notice"); !strings.Contains(said, "(1 annotation,") {
		t.Errorf("Copy JSON of one annotation says %q", said)
	}
	evalJS[bool](t, b, `(annotator.download = () => true, true)`)
	b.run(chromedp.Click(chromedp.ID("download-button")))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Downloaded")`)
	if said := text(t, b, "#notice"); !strings.HasSuffix(said, " with 1 annotation.") {
		t.Errorf("Download JSON of one annotation says %q", said)
	}
}
