//go:build !wasm

package e2e

// Storage that fails under the app: a database deleted under the tab, a
// full storage under the library's Undo and under an import, and room
// again after a full storage.

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestStorageDatabaseDeletedSaysSo: the workspace's database deleted
// under the tab (indexedDB.deleteDatabase, from another tab or a tool):
// the next change cannot be written, and the message says why in true
// words: the storage was deleted, not "a newer version of the app".
func TestStorageDatabaseDeletedSaysSo(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	// What another tab would run; here in this page (its connection gets
	// the same versionchange event, with newVersion null).
	got := evalJS[string](t, b, `new Promise((resolve) => {
		const r = indexedDB.deleteDatabase("annotator");
		r.onsuccess = () => resolve("deleted");
		r.onerror = () => resolve("error " + r.error);
		r.onblocked = () => setTimeout(() => resolve("blocked"), 5000);
	})`)
	if got != "deleted" {
		t.Fatalf("deleteDatabase: %s", got)
	}
	tagPhrase(t, b, "pretty balanced", "c")
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "failed"`)
	notice := text(t, b, "#notice")
	title := evalJS[string](t, b, `document.querySelector("#save-state").title`)
	t.Logf("notice: %q; toolbar: %q", notice, title)
	for _, s := range []string{notice, title} {
		if strings.Contains(s, "newer version") {
			t.Errorf("the workspace's database was deleted, and the app says %q", s)
		}
	}
}

// libRow is the library's row of the document titled title.
func libRow(title string) string {
	return fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(title))
}

// TestStorageLibraryUndoOfDeleteWithFullStorage: with the storage full,
// a document deleted from the library (a delete needs no room) cannot be
// brought back by the library's Undo at once; the Undo must stay offered,
// so that once there is room again it brings the document back. The
// document, its annotations and its history live only in that Undo.
func TestStorageLibraryUndoOfDeleteWithFullStorage(t *testing.T) {
	srv, b, _ := workThenFull(t, true)
	showLibrary(t, b)
	waitFor(t, b, libRow(emojiTitle)+` !== undefined`)
	evalJS[bool](t, b, libRow(emojiTitle)+`.querySelector(".library-delete").click() || true`)
	waitFor(t, b, libRow(emojiTitle)+` === undefined && !document.querySelector("#library-undo").disabled`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#notice").textContent !== "" && !document.querySelector("#notice").textContent.startsWith("Deleted")`)
	said := text(t, b, "#notice")
	t.Logf("Undo with the storage full says: %q", said)
	if strings.Contains(said, "IndexedDB") || strings.Contains(said, "QuotaExceededError") || strings.Contains(said, "sha256:") {
		t.Errorf("Undo with the storage full says %q, not in words", said)
	}

	// Room again: the Undo brings the document back.
	overrideQuota(t, b, srv.URL, -1)
	if evalJS[bool](t, b, `document.querySelector("#library-undo").disabled`) {
		t.Fatalf("after an Undo the full storage refused, the library offers no Undo: the deleted document is lost (it said %q)", said)
	}
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	if !tryWait(b, libRow(emojiTitle)+` !== undefined`) {
		t.Errorf("with room again, Undo did not bring the deleted document back; the app says %q", text(t, b, "#notice"))
	}
}

// spansOf is the annotations of an export, as comparable lines.
func spansOf(data []byte, t *testing.T) []string {
	f := parseExport(t, data)
	var out []string
	for _, a := range f.Annotations {
		out = append(out, fmt.Sprintf("%s %s %d-%d %q %v", a.ID, a.Label, a.Start, a.End, a.Exact, a.Attributes))
	}
	slices.Sort(out)
	return out
}

// TestStorageFullThenRoomAgainKeepsExactly: with the storage full, the
// annotator tags, relabels, deletes and undoes; the storage then has room
// again and Retry writes it all; after a reload the document is exactly
// what the page held, its undo history with it.
func TestStorageFullThenRoomAgainKeepsExactly(t *testing.T) {
	srv, b, _ := workThenFull(t, false)
	tagPhrase(t, b, "technology", "p")
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "failed"`)
	clickPhrase(t, b, "yes we can")
	waitFor(t, b, `document.querySelector("#selected:not([hidden])") !== null`)
	press(t, b, "c") // relabel the quote a claim
	waitFor(t, b, `document.querySelectorAll("#entries > li.label-claim, #entries > li[data-label=claim]").length >= 0`)
	clickPhrase(t, b, "pretty balanced")
	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl)) // the delete undone
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 3`)
	before := spansOf(downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))), t)
	t.Logf("in the page: %q", before)

	overrideQuota(t, b, srv.URL, -1)
	b.run(chromedp.Click(chromedp.ID("save-retry")))
	waitSaved(t, b)
	said := text(t, b, "#notice")
	t.Logf("after Retry: %q", said)

	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 3`)
	after := spansOf(downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))), t)
	if !slices.Equal(before, after) {
		t.Errorf("after a reload the document holds %q, the page held %q", after, before)
	}
	// The redo of the delete, and four undos back to nothing.
	if evalJS[bool](t, b, `document.querySelector("#redo-button").disabled`) {
		t.Errorf("after a reload there is nothing to redo (the delete was undone)")
	}
	n := 0
	for !evalJS[bool](t, b, `document.querySelector("#undo-button").disabled`) && n < 10 {
		k := entryCount(t, b)
		_ = k
		b.run(chromedp.Click(chromedp.ID("undo-button")))
		n++
		time.Sleep(200 * time.Millisecond)
	}
	if n != 4 || entryCount(t, b) != 0 {
		t.Errorf("after a reload, %d undos leave %d annotations; want 4 undos back to none", n, entryCount(t, b))
	}
}

// TestStorageBatchImportIntoFullStorageSaysWhyPlainly: a batch added while
// the storage is full says that it stopped, and why, in words (as a
// restore into a full storage does), and how to bring in the rest; then,
// with room again, the same file brings in every document.
func TestStorageBatchImportIntoFullStorageSaysWhyPlainly(t *testing.T) {
	b, _, url := sampleThenFull(t)
	showLibrary(t, b)
	path := batchOf(t, 5, nil)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{path}))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	said := text(t, b, "#notice")
	report := text(t, b, "#import-report")
	t.Logf("notice: %q\nreport: %q", said, report)
	for _, s := range []string{said, report} {
		if strings.Contains(s, "IndexedDB") || strings.Contains(s, "QuotaExceededError") || strings.Contains(s, "sha256:") {
			t.Errorf("a batch added into a full storage says %q, not in words", s)
		}
	}
	overrideQuota(t, b, url, -1)
	b.run(chromedp.Click(chromedp.ID("import-report-close")))
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{path}))
	if !tryWait(b, `document.querySelector("#library-count").textContent.startsWith("6 documents")`) {
		t.Errorf("with room again, the same batch added again: the library says %q", text(t, b, "#library-count"))
	}
}
