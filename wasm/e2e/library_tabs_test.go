//go:build !wasm

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestLibraryDeleteTellsTheOtherTabs: a document deleted in one tab's
// library leaves the library another tab shows, and the Undo there brings
// it back in that library too; a tab that was not told (no change
// channel) and opens it says in words that it was deleted, and lists it
// no more. The other tab's library listed the deleted document until a
// reload, and a click on it said "The document could not be opened:
// document sha256:…"; after the Undo it was left out until a reload.
func TestLibraryDeleteTellsTheOtherTabs(t *testing.T) {
	b, tab, _ := emojiThenReadOnlyLibrary(t)
	titles := `[...document.querySelectorAll("#library-table .library-row .library-title")].map(e => e.textContent).sort().join(" | ")`
	both := jsString(emojiTitle + " | " + sampleTitle) // "E" sorts before "S"
	waitFor(t, tab, titles+` === `+both)

	deleteSample := func() {
		showLibrary(t, b)
		row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
		evalJS[bool](t, b, row+`.querySelector(".library-delete").click() || true`)
		waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Deleted")`)
	}
	deleteSample()
	if !tryWait(tab, titles+` === `+jsString(emojiTitle)) {
		t.Errorf("after a delete in another tab the library lists %q", libraryTitles(t, tab))
	}
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("2 documents")`)
	if !tryWait(tab, titles+` === `+both) {
		t.Errorf("after the Undo of a delete in another tab the library lists %q", libraryTitles(t, tab))
	}

	// A tab not told (its change channel shut, as in a browser without
	// BroadcastChannel) lists the sample still, and opening it says why
	// it cannot, in words.
	evalJS[bool](t, tab, `(annotator.onChange(null), true)`)
	deleteSample()
	waitFor(t, tab, titles+` === `+both)
	evalJS[bool](t, tab, fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s).querySelector(".library-open").click() || true`, jsString(sampleTitle)))
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("deleted")`)
	if got := text(t, tab, "#notice"); !strings.Contains(got, "another tab") || strings.Contains(got, "sha256") {
		t.Errorf("opening a document deleted in another tab says %q", got)
	}
	if !tryWait(tab, titles+` === `+jsString(emojiTitle)) {
		t.Errorf("after opening a document deleted in another tab the library lists %q", libraryTitles(t, tab))
	}
}

// TestLibraryStatusCostsAReadOnlyTabNoRead: a document marked done in one
// tab's library (and that undone), or renamed there (and that undone), is
// listed so in the library of the tab editing it, while a third tab that
// shows it read-only takes the status and the title without reading the
// document again. Each was announced as a change of the document, and the
// read-only tab read all its annotations again (tens of milliseconds at
// 2,000 annotations) though only its summary changed.
func TestLibraryStatusCostsAReadOnlyTabNoRead(t *testing.T) {
	b, tab, srv := sampleThenReadOnlyTab(t)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 1`)
	showLibrary(t, b) // the editing tab's library, the document still held there
	status := libraryRow(sampleTitle) + `.querySelector(".status-select").value`
	waitFor(t, b, status+` === "in progress"`)

	marker := b.newTab(t) // shows the sample read-only too, then its library
	marker.expectNoConsoleErrors()
	openReadOnly(t, marker, srv.URL+"/")
	showLibrary(t, marker)
	waitFor(t, marker, status+` === "in progress"`)

	count := func(name string) int {
		return evalJS[int](t, tab, fmt.Sprintf(`performance.getEntriesByName(%q).length`, name))
	}
	told, reread := count("annotator:changed-elsewhere"), count("annotator:follow-reread")
	setSelect(t, marker, libraryRow(sampleTitle)+`.querySelector(".status-select")`, "done")
	waitFor(t, marker, `document.querySelector("#notice").textContent.startsWith("Marked")`)
	if !tryWait(b, status+` === "done"`) {
		t.Errorf("after the sample was marked done in another tab, the library of the tab editing it lists it %q", evalJS[string](t, b, status))
	}
	// The read, when there is one, starts as the announcement is taken.
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:changed-elsewhere").length > %d`, told))
	if n := count("annotator:follow-reread") - reread; n != 0 {
		t.Errorf("the read-only tab read the whole document %d times for a status marked in another tab's library", n)
	}
	if got := evalJS[int](t, tab, `document.querySelectorAll("#entries > li").length`); got != 1 {
		t.Errorf("after a status marked in another tab the read-only tab lists %d annotations, want 1", got)
	}

	// The library's Undo of the status is a status too.
	told = count("annotator:changed-elsewhere")
	marker.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, marker, `document.querySelector("#notice").textContent.startsWith("Undid")`)
	if !tryWait(b, status+` === "in progress"`) {
		t.Errorf("after the status was undone in another tab, the library of the tab editing it lists it %q", evalJS[string](t, b, status))
	}
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:changed-elsewhere").length > %d`, told))
	if n := count("annotator:follow-reread") - reread; n != 0 {
		t.Errorf("the read-only tab read the whole document %d times for a status marked and undone in another tab's library", n)
	}

	// A rename, and its Undo, are taken with the summary too.
	told = count("annotator:changed-elsewhere")
	renameInLibrary(t, marker, sampleTitle, "Renamed elsewhere")
	if !tryWait(tab, `document.querySelector("#doc-title").textContent === "Renamed elsewhere"`) {
		t.Errorf("after a rename in another tab's library the read-only tab shows the title %q", text(t, tab, "#doc-title"))
	}
	if !tryWait(b, libraryRow("Renamed elsewhere")+` !== undefined`) {
		t.Errorf("after a rename in another tab's library the library of the tab editing it lists %q", libraryTitles(t, b))
	}
	marker.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, marker, `document.querySelector("#notice").textContent.startsWith("Undid")`)
	if !tryWait(tab, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(sampleTitle))) {
		t.Errorf("after a rename undone in another tab's library the read-only tab shows the title %q", text(t, tab, "#doc-title"))
	}
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:changed-elsewhere").length >= %d`, told+2))
	if n := count("annotator:follow-reread") - reread; n != 0 {
		t.Errorf("the read-only tab read the whole document %d times for a rename made and undone in another tab's library", n)
	}
	if got := evalJS[int](t, tab, `document.querySelectorAll("#entries > li").length`); got != 1 {
		t.Errorf("after a rename in another tab the read-only tab lists %d annotations, want 1", got)
	}
}

// TestLibraryRenameOfTheOpenDocument: the open document renamed in its
// own tab's library shows its new title, in its title line and its
// download, once the article is shown again, without the document being
// read again from the store (it was, whole, for a title).
func TestLibraryRenameOfTheOpenDocument(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	opened := evalJS[int](t, b, `performance.getEntriesByName("annotator:opened").length`)
	renameInLibrary(t, b, sampleTitle, "Renamed here")
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Renamed")`)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("article.doc") !== null && document.querySelector("#library") === null`)
	if !tryWait(b, `document.querySelector("#doc-title").textContent === "Renamed here"`) {
		t.Errorf("after renaming the open document in the library, the article's title line says %q", text(t, b, "#doc-title"))
	}
	if n := evalJS[int](t, b, `performance.getEntriesByName("annotator:opened").length`) - opened; n != 0 {
		t.Errorf("the open document was read and opened again %d times for a rename", n)
	}
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if f.Document.Title != "Renamed here" || len(f.Annotations) != 1 {
		t.Errorf("after the rename the download is titled %q with %d annotations", f.Document.Title, len(f.Annotations))
	}
	// Its next change is written under the new title.
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	showLibrary(t, b)
	if got := libraryTitles(t, b); len(got) != 1 || got[0] != "Renamed here" {
		t.Errorf("after a change of the renamed document the library lists %q", got)
	}
}

// TestRenameFieldKeepsItsTextWhenRenamedElsewhere: a title being typed in
// the library's rename field stays while another tab renames the
// document, and Enter renames it to the title typed. The field was drawn
// again with the other tab's title, over the text being typed, which was
// lost.
func TestRenameFieldKeepsItsTextWhenRenamedElsewhere(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	tab := b.newTab(t)
	tab.expectNoConsoleErrors()
	openReadOnly(t, tab, srv.URL+"/")
	showLibrary(t, b)
	focusControl(t, b, libraryRow(sampleTitle)+`.querySelector(".library-rename")`)
	press(t, b, "\r")
	waitFor(t, b, `document.activeElement && document.activeElement.matches("input.rename") && document.activeElement.selectionEnd > 0`)
	b.run(chromedp.KeyEvent("Starmer in Washington"))
	waitFor(t, b, `document.activeElement.value === "Starmer in Washington"`)

	renameInLibrary(t, tab, sampleTitle, "Renamed elsewhere")
	// The row takes the other tab's title (the field's name says it).
	waitFor(t, b, `document.querySelector("input.rename").getAttribute("aria-label").includes("Renamed elsewhere")`)
	if got := evalJS[string](t, b, `document.activeElement.matches("input.rename") ? document.activeElement.value : "(not focused)"`); got != "Starmer in Washington" {
		t.Fatalf("after another tab renamed the document, the rename field being typed in holds %q", got)
	}
	press(t, b, "\r")
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Renamed it")`)
	if !tryWait(b, libraryRow("Starmer in Washington")+` !== undefined`) {
		t.Errorf("after Enter the library lists %q", libraryTitles(t, b))
	}
}
