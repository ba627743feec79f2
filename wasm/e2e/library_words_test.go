//go:build !wasm

package e2e

// This file holds the library's words, as a user meets them: what its
// Undo says it undid, and the other messages its actions leave.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// libraryRow is a JavaScript expression for the library's row of the
// document titled title.
func libraryRow(title string) string {
	return fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(title))
}

// setSelect sets the select the JavaScript expression sel finds to value,
// as a user choosing it does.
func setSelect(t testing.TB, b *browser, sel, value string) {
	t.Helper()
	// As a person would, only once it can be used (see focusControl).
	waitFor(t, b, `((el) => !!el && !el.disabled)(`+sel+`)`)
	evalJS[bool](t, b, fmt.Sprintf(`(() => { const s = %s; s.value = %s; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, sel, jsString(value)))
}

// TestLibraryUndoSaysWhatItUndid marks a document done in the library and
// takes it back with the library's Undo: the message line names what was
// undone, as the button's title does.
func TestLibraryUndoSaysWhatItUndid(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	setSelect(t, b, libraryRow(sampleTitle)+`.querySelector(".status-select")`, "done")
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Marked")`)
	waitFor(t, b, `!document.querySelector("#library-undo").disabled`)
	title := evalJS[string](t, b, `document.querySelector("#library-undo").title`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Undid")`)
	waitFor(t, b, libraryRow(sampleTitle)+`.querySelector(".status-select").value !== "done"`)
	said := text(t, b, "#notice")
	if !strings.Contains(said, "done") || !strings.Contains(said, "Starmer") || title != "Undo "+strings.TrimSuffix(strings.TrimPrefix(said, "Undid: "), ".") {
		t.Errorf("the library's Undo, titled %q, says %q", title, said)
	}
}

// TestUnreadableFileSaysSo picks a folder, as a drop of one hands the page
// a File that cannot be read: Open says it could not be read and the
// article stays; Add files… names it among the refused and ends, so that
// the next import runs.
func TestUnreadableFileSaysSo(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	dir := t.TempDir()
	page := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(page, []byte("<html><head><title>A page</title></head><body><p>Words of a page.</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{dir}))
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("could not be read")`)
	waitFor(t, b, `document.querySelector("#progress") === null`)
	if got := text(t, b, "#doc-title"); got != sampleTitle {
		t.Errorf("after a folder was opened the page shows %q", got)
	}

	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{dir, page}))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	report := text(t, b, "#import-report")
	if !strings.Contains(report, "Added 1 document") || !strings.Contains(report, filepath.Base(dir)) {
		t.Errorf("the import of a folder and a page reports %q", report)
	}
	waitFor(t, b, `document.querySelector("#import-progress") === null`)
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("2 documents")`)
}

// TestLinkIsNotAnArticle drops a link dragged from another tab, and pastes
// a copied link address: each is the address of a page, not the page, and
// the app says so; nothing is opened or added to the library.
func TestLinkIsNotAnArticle(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	evalJS[bool](t, b, `(() => {
		const dt = new DataTransfer();
		dt.setData("text/uri-list", "https://example.com/news/1");
		dt.setData("text/plain", "https://example.com/news/1");
		dt.setData("text/html", '<a href="https://example.com/news/1">A headline</a>');
		document.body.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
		document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`)
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("https://example.com/news/1")`)
	if got := text(t, b, "#notice"); !strings.Contains(got, "save") {
		t.Errorf("a dropped link says %q", got)
	}
	evalJS[bool](t, b, `(() => {
		const dt = new DataTransfer();
		dt.setData("text/plain", "https://example.com/news/2");
		document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
		return true;
	})()`)
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("https://example.com/news/2")`)
	if got := text(t, b, "#doc-title"); got != sampleTitle {
		t.Errorf("after a link was dropped and pasted the page shows %q", got)
	}
	if got := libraryTitles(t, b); len(got) != 1 {
		t.Errorf("a link dropped and pasted made the library %q", got)
	}
}

// TestChosenRowsTheFilterHides chooses two documents, then filters the
// library so that one of them is hidden: “Export 2 chosen” still exports
// both, and the library says that one of them is hidden.
func TestChosenRowsTheFilterHides(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 3, nil)}))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("4 documents")`)
	for _, title := range []string{"Report 001 on the budget", "Report 002 on the budget"} {
		evalJS[bool](t, b, libraryRow(title)+`.querySelector(".library-check").click() || true`)
	}
	waitFor(t, b, `document.querySelector("#export-checked").textContent === "Export 2 chosen"`)
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-search"); s.value = "002"; s.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 1`)
	waitFor(t, b, `document.querySelector("#library-count").textContent.includes("hidden")`)
	if got := text(t, b, "#export-checked"); got != "Export 2 chosen" {
		t.Errorf("with one of two chosen documents hidden, the button reads %q", got)
	}
	data := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-checked")))
	if n := strings.Count(strings.TrimSpace(string(data)), "\n") + 1; n != 2 {
		t.Errorf("the export of 2 chosen documents holds %d lines", n)
	}
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Downloaded")`)
	if got := text(t, b, "#notice"); !strings.Contains(got, "the 2 chosen documents") {
		t.Errorf("the export says %q", got)
	}
}

// TestRenameEscapeCancels renames a document from the keyboard: Escape in
// the title's field cancels, leaving the title as it was, and Enter
// renames; either way the field goes and the focus stays on the row's
// Rename button, not on the page's body.
func TestRenameEscapeCancels(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	focusControl(t, b, libraryRow(sampleTitle)+`.querySelector(".library-rename")`)
	press(t, b, "\r")
	waitFor(t, b, `document.querySelector("input.rename") !== null`)
	waitFor(t, b, `document.activeElement && document.activeElement.matches("input.rename")`)
	evalJS[bool](t, b, `(() => { const f = document.activeElement; f.select(); return true; })()`)
	press(t, b, "Wrong title")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("input.rename") === null`)
	waitFor(t, b, `document.activeElement && document.activeElement.matches(".library-rename")`)
	if got := libraryTitles(t, b); len(got) != 1 || got[0] != sampleTitle {
		t.Errorf("after Escape in the rename field the library lists %q", got)
	}
	if got := text(t, b, "#notice"); strings.Contains(got, "Renamed") {
		t.Errorf("after Escape in the rename field the app says %q", got)
	}

	press(t, b, "\r")
	waitFor(t, b, `document.activeElement && document.activeElement.matches("input.rename")`)
	evalJS[bool](t, b, `(() => { const f = document.activeElement; f.select(); return true; })()`)
	press(t, b, "Right title")
	press(t, b, "\r")
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Renamed")`)
	waitFor(t, b, libraryRow("Right title")+` !== undefined && document.querySelector("input.rename") === null`)
	waitFor(t, b, `document.activeElement && document.activeElement.matches(".library-rename") && document.activeElement.closest("tr").querySelector(".library-title").textContent === "Right title"`)
}

// TestChooseEveryShown chooses, with the head's box, every document the
// filter shows, on every page of the library and not only the fifty drawn,
// and exports them; the box unchooses them again, and “Clear choice” drops
// a choice the filter hides too.
func TestChooseEveryShown(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 60, nil)}))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("61 documents")`)
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-search"); s.value = "budget"; s.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelector("#library-count").textContent.includes("60 shown")`)
	if got := evalJS[string](t, b, `document.querySelector("#library-check-all").getAttribute("aria-label")`); got != "Choose the 60 documents shown" {
		t.Errorf("the head's box is named %q", got)
	}
	b.run(chromedp.Click(chromedp.ID("library-check-all")))
	waitFor(t, b, `document.querySelector("#export-checked").textContent === "Export 60 chosen"`)
	if n := evalJS[int](t, b, `document.querySelectorAll("#library-table .library-row .library-check:checked").length`); n != 50 {
		t.Errorf("the first page shows %d rows chosen, want its 50", n)
	}
	data := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-checked")))
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 60 || strings.Contains(string(data), sampleTitle) {
		t.Errorf("the export of the 60 shown holds %d lines (the sample among them: %v)", len(lines), strings.Contains(string(data), sampleTitle))
	}

	// Ticked, the box unchooses what it shows.
	waitFor(t, b, `document.querySelector("#library-check-all").checked`)
	b.run(chromedp.Click(chromedp.ID("library-check-all")))
	waitFor(t, b, `document.querySelector("#export-checked").textContent === "Export 0 chosen"`)
	waitFor(t, b, `document.querySelectorAll("#library-table .library-check:checked").length === 0`)

	// Chosen, then hidden by the filter: “Clear choice” drops them too.
	b.run(chromedp.Click(chromedp.ID("library-check-all")))
	waitFor(t, b, `document.querySelector("#export-checked").textContent === "Export 60 chosen"`)
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-search"); s.value = "Report 001"; s.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelector("#library-count").textContent.includes("59 of them hidden")`)
	b.run(chromedp.Click(chromedp.ID("library-clear-choice")))
	waitFor(t, b, `document.querySelector("#export-checked").textContent === "Export 0 chosen"`)
	waitFor(t, b, `document.querySelectorAll("#library-table .library-check:checked").length === 0`)
	if got := text(t, b, "#library-count"); strings.Contains(got, "chosen") {
		t.Errorf("after Clear choice the library says %q", got)
	}
}
