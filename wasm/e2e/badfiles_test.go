//go:build !wasm

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBadFilesInTheApp opens, in the browser, files that users open by
// mistake or by hope: a page saved by Chrome as "Webpage, Single File"
// (.mhtml) through Open…, which opened as an article of its MIME headers
// and quoted-printable; then, through the library's Add files…, an export
// saved as .txt (Copy JSON pasted into an editor), which became an
// article whose text is the JSON while Open… imports it with its 7
// annotations, and an .xhtml chapter that the picker offers and the import
// refused.
func TestBadFilesInTheApp(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mhtml := write("Council budget.mhtml", []byte("From: <Saved by Blink>\r\n"+
		"Snapshot-Content-Location: https://www.example.com/news/budget\r\nSubject: Council budget\r\nMIME-Version: 1.0\r\n"+
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n"+
		"------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"+
		"Content-Location: https://www.example.com/news/budget\r\n\r\n"+
		"<!DOCTYPE html><html><head><title>Council budget</title></head><body><p>The leader said =E2=80=9Cwe will build 300 homes=E2=80=9D.</p></body></html>\r\n"+
		"------MultipartBoundary--abc------\r\n"))
	before := text(t, b, "#doc-title")
	b.run(chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{mhtml}))
	waitFor(t, b, `performance.getEntriesByName("annotator:open-failed").length > 0 || document.querySelector("#doc-title").textContent !== `+jsString(before))
	if got := text(t, b, "article.doc"); strings.Contains(got, "Saved by Blink") || strings.Contains(got, "=E2=80=9C") {
		t.Errorf("Open… of a .mhtml shows its MIME source as the article (%q): %.120q", text(t, b, "#doc-title"), got)
	}

	export, err := os.ReadFile(filepath.Join("..", "..", "testdata", "formats", "sample.v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	files := []string{
		write("sample-export.txt", export),
		write("chapter.xhtml", []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
			`<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter three</title></head><body><p>The mayor said the tram would open in May.</p></body></html>`)),
	}
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), files))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	// The sample, and what the import added (an article refused is not listed).
	added := strings.Count(text(t, b, "#import-report"), "Added 2 documents")
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length >= `+map[int]string{0: "2", 1: "3"}[added])
	report := text(t, b, "#import-report")
	rows := text(t, b, "#library-table")
	if !strings.Contains(rows, "Café owners meet the mayor") {
		t.Errorf("Add files… of an export saved as .txt: the library lists %q; want the export's article with its annotations (report %q)", rows, report)
	}
	if !strings.Contains(rows, "Chapter three") {
		t.Errorf("Add files… of an .xhtml chapter, which its picker offers: report %q", report)
	}
}
