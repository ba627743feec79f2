//go:build !wasm

package e2e

// This file holds the browser's storage to its promise when a write fails:
// the change stays in the tab, whatever the user does next in it.

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// emojiTitle is the title of testdata/emoji-article.html.
const emojiTitle = "Emoji 😀 and nested spans"

// sampleThenFull starts the app on a new profile, where it stores the
// sample, then opens it again with the storage made full. It returns the
// browser, the profile and its server's URL.
func sampleThenFull(t *testing.T) (b *browser, profile, url string) {
	t.Helper()
	profile = t.TempDir()
	srv := appServerAt(t, freeAddr(t))
	b = newBrowserWithProfile(t, profile)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	waitSaved(t, b)
	b.close(t)

	b = newBrowserWithProfile(t, profile)
	overrideQuota(t, b, srv.URL, 1)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	return b, profile, srv.URL
}

// fullStorage opens the app on a profile whose library holds the emoji
// article and the sample with two annotations, the storage then made full
// (see TestWorkspaceTinyQuota); and makes a change that cannot be written:
// a long note on the quote "yes we can", of n characters (at most
// annotate.AttributeLimit: a longer one is refused before any write). It returns the
// browser, its profile's server's URL and the sample's excerpts.
func fullStorage(t *testing.T, n int) (*browser, string, []string) {
	t.Helper()
	srv, b, want := workThenFull(t, true)
	clickPhrase(t, b, "yes we can")
	waitFor(t, b, `document.querySelector("#selected:not([hidden]) #edit-note") !== null`)
	evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const f = document.querySelector("#edit-note");
		let s = ""; for (let i = 0; i < %d; i++) s += String.fromCharCode(33 + Math.floor(Math.random() * 90));
		f.value = s; f.dispatchEvent(new Event("change", {bubbles: true})); return true;
	})()`, n))
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "failed"`)
	return b, srv.URL, want
}

// TestWorkspaceFailedChangeKeptOnReopen: a change whose write failed (the
// storage full) is kept in the tab when the user opens another document
// and comes back to this one: the document shows it, and its download
// (what the failure message offers) holds it.
func TestWorkspaceFailedChangeKeptOnReopen(t *testing.T) {
	const n = annotate.AttributeLimit
	b, _, want := fullStorage(t, n)
	openFromLibrary(t, b, emojiTitle)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s && document.querySelectorAll("#entries > li").length === %d`,
		jsString(sampleTitle), len(want)))
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	note := -1
	for _, a := range f.Annotations {
		if a.Exact == "yes we can" {
			note = len(a.Attributes["note"])
		}
	}
	if note != n {
		t.Errorf("back on the document whose change could not be written, its download holds a note of %d characters on the quote, want %d", note, n)
	}
	if got := evalJS[string](t, b, `document.querySelector("#save-state").dataset.state`); got != "failed" {
		t.Errorf("the toolbar says %q with the change still not written", got)
	}
}

// deleteStored deletes document id from the workspace's IndexedDB as a
// tab without Web Locks (or an older version of the app) would: records
// and all, whoever has it open.
func deleteStored(id string) string {
	return fmt.Sprintf(`new Promise((resolve, reject) => {
		const req = indexedDB.open("annotator");
		req.onerror = () => reject(req.error);
		req.onsuccess = () => {
			const db = req.result, id = %s;
			const tx = db.transaction(["summaries", "bodies", "annotations", "steps"], "readwrite");
			const range = IDBKeyRange.bound([id], [id, []]);
			tx.objectStore("summaries").delete(id);
			tx.objectStore("bodies").delete(id);
			tx.objectStore("annotations").delete(range);
			tx.objectStore("steps").delete(range);
			tx.oncomplete = () => { db.close(); resolve(true); };
			tx.onabort = () => reject(tx.error);
		};
	})`, jsString(id))
}

// TestWorkspaceDeletedInAnotherTab: another tab's library does not delete
// a document this tab has open, and says why; a document deleted all the
// same (by a tab without Web Locks) while this tab changes it is written
// again whole, with this tab's work, and said so; the changes made after
// it, of it and of another document, are written (a change that could
// never be written held back every change queued after it, and said
// “press Retry”).
func TestWorkspaceDeletedInAnotherTab(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, b)
	openFromLibrary(t, b, sampleTitle)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)

	// A second tab cannot delete the sample from the library.
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	openFromLibrary(t, tab, emojiTitle)
	showLibrary(t, tab)
	row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
	evalJS[bool](t, tab, row+`.querySelector(".library-delete").click() || true`)
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("open in another tab")`)
	if got := evalJS[string](t, tab, `document.querySelector("#library-count").textContent`); !strings.HasPrefix(got, "2 documents") {
		t.Errorf("deleting a document open in another tab leaves the library with %q", got)
	}
	// It is deleted all the same, as a tab without Web Locks would.
	evalJS[bool](t, tab, deleteStored(evalJS[string](t, tab, row+`.dataset.id`)))
	if _, err := chromedp.Call(tab.ctx, page.Close, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}

	// The first tab goes on tagging the sample, then the emoji article.
	tagPhrase(t, b, "pretty balanced", "c")
	// The message comes with the render after the failed write's answer,
	// which may be after the toolbar last drew "Saved": it is waited for.
	if !tryWait(b, `["deleted", "back in the library"].every(w => document.querySelector("#notice").textContent.includes(w))`) {
		t.Errorf("with its document deleted elsewhere the app says %q", text(t, b, "#notice"))
	}
	waitSaved(t, b)
	openFromLibrary(t, b, emojiTitle)
	tagPhrase(t, b, "sales rose 12%", "c")
	waitSaved(t, b)
	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)

	// Everything is stored, history included.
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s && document.querySelectorAll("#entries > li").length === 2`, jsString(sampleTitle)))
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	openFromLibrary(t, b, emojiTitle)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
}

// TestWorkspaceUnsavedDocumentNotDeleted: the library does not delete a
// document whose last change could not be written (the change would be
// lost with it); its Delete says why.
func TestWorkspaceUnsavedDocumentNotDeleted(t *testing.T) {
	b, _, _ := fullStorage(t, annotate.AttributeLimit)
	openFromLibrary(t, b, emojiTitle)
	showLibrary(t, b)
	row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
	if !evalJS[bool](t, b, row+`.querySelector(".library-delete").disabled`) {
		t.Error("the Delete of a document whose change is not saved is enabled")
	}
	if got := evalJS[string](t, b, row+`.querySelector(".library-delete").title`); !strings.Contains(got, "not saved") {
		t.Errorf("the Delete of a document whose change is not saved says %q", got)
	}
}

// TestWorkspaceSecondTabWaitsForUnsavedChanges: a tab keeps a document
// from other tabs while changes of it are not stored, open or not: a
// second tab that opens it shows it read-only, rather than editable
// without those changes (and overwriting the history steps they bring).
func TestWorkspaceSecondTabWaitsForUnsavedChanges(t *testing.T) {
	b, srvURL, want := fullStorage(t, annotate.AttributeLimit)
	openFromLibrary(t, b, emojiTitle)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))

	tab := b.newTab(t)
	openAppAt(t, tab, srvURL+"/")
	waitStarted(t, tab)
	before := evalJS[int](t, tab, `performance.getEntriesByName("annotator:read-only").length`)
	openFromLibrary(t, tab, sampleTitle)
	waitFor(t, tab, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s && document.querySelectorAll("#entries > li").length === %d`,
		jsString(sampleTitle), len(want)))
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:read-only").length > %d`, before))
	selectPhrase(t, tab, "technology", 0)
	press(t, tab, "p")
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("read-only")`)
	if n := entryCount(t, tab); n != len(want) {
		t.Errorf("the second tab tagged a document whose changes the first has not stored: %d annotations", n)
	}
}

// TestWorkspaceImportFillsTheOpenDocument: an export added with “Add
// files…” that fills the library's copy of the open document (it had no
// annotation) shows in that document: going back to it showed it as it
// was before the import, without them, and its download left them out.
func TestWorkspaceImportFillsTheOpenDocument(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	path := sampleExport(t)
	showLibrary(t, b)
	before := evalJS[int](t, b, `performance.getEntriesByName("annotator:imported").length`)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{path}))
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:imported").length > %d`, before))
	// The export filled the library's copy.
	waitFor(t, b, fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].some(r => r.querySelector(".library-title").textContent === %s && r.querySelector(".library-counts").textContent === "1 claim, 1 quote")`, jsString(sampleTitle)))
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("#library") === null && document.querySelector("#article") !== null`)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if len(f.Annotations) != 2 {
		t.Errorf("the open document's download holds %d annotations after the import filled it, want 2", len(f.Annotations))
	}
}

// TestWorkspaceRenameOpenDocument: the open document renamed in the
// library shows its new title when the user goes back to it, and its
// download carries it; the library's Undo of the rename likewise.
func TestWorkspaceRenameOpenDocument(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	showLibrary(t, b)
	row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
	evalJS[bool](t, b, row+`.querySelector(".library-rename").click() || true`)
	waitFor(t, b, `document.querySelector("input.rename") !== null`)
	evalJS[bool](t, b, `(() => { const f = document.querySelector("input.rename"); f.value = "Renamed sample"; f.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, b, `[...document.querySelectorAll("#library-table .library-title")].some(e => e.textContent === "Renamed sample")`)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("#library") === null && document.querySelector("#doc-title") !== null`)
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "Renamed sample" && document.querySelectorAll("#entries > li").length === 1`)
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if f.Document.Title != "Renamed sample" || len(f.Annotations) != 1 {
		t.Errorf("after the rename the download is titled %q with %d annotations", f.Document.Title, len(f.Annotations))
	}
	// Undo in the library gives the old title back, here too.
	showLibrary(t, b)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, row+` !== undefined`)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#library") === null && document.querySelector("#doc-title") !== null && document.querySelector("#doc-title").textContent === %s`, jsString(sampleTitle)))
}

// TestWorkspaceRetryThatFailsSaysSo: Retry on a change that still cannot
// be written says so, rather than leaving “Trying to save again…” on the
// message line for good.
func TestWorkspaceRetryThatFailsSaysSo(t *testing.T) {
	b, _, _ := fullStorage(t, annotate.AttributeLimit)
	before := evalJS[int](t, b, `performance.getEntriesByName("annotator:save-failed").length`)
	b.run(chromedp.Click(chromedp.ID("save-retry")))
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:save-failed").length > %d`, before))
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "failed"`)
	// The mark is made as the failure is handled, and the message line is
	// drawn just after: wait for it (waitFor fails, saying what the line
	// says, if it keeps "Trying to save again…").
	waitFor(t, b, `(() => { const n = document.querySelector("#notice").textContent; return n.includes("could not be saved") && n.includes("kept in this tab"); })()`)
}

// sampleExport writes an export of the sample with a quote and a claim, made
// natively, and returns its path.
func sampleExport(t *testing.T) string {
	t.Helper()
	return exportOfText(t, string(repoFile(t, "app/sample/starmer-trump-white-house.txt")), "starmer-trump-white-house.txt",
		"sample.annotations.json", [2]string{"yes we can", "quote"}, [2]string{"pretty balanced", "claim"})
}

// exportOfText writes, in a new temporary folder, a version-1 export named
// name of the article text (opened as the file source names), with each
// tag's phrase (its first occurrence) tagged with its label, and returns
// its path.
func exportOfText(t *testing.T, text, source, name string, tags ...[2]string) string {
	t.Helper()
	doc, err := annotate.Load([]byte(text), annotate.Source{Name: source, MediaType: "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	canonical := doc.Text().String()
	for _, tag := range tags {
		at := annotate.RuneCount(canonical[:strings.Index(canonical, tag[0])])
		if _, err := set.Add(tag[1], at, at+annotate.RuneCount(tag[0])); err != nil {
			t.Fatal(err)
		}
	}
	data, err := annotate.NewFile(doc, set, nil, time.Now()).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestWorkspaceImportLeavesAnotherTabsDocument: an export added in one tab
// does not write the annotations of a document that another tab holds
// open (that tab would go on from the document as it was, and its next
// change would write counts without them): the report says why.
func TestWorkspaceImportLeavesAnotherTabsDocument(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	path := sampleExport(t)

	tab := b.newTab(t)
	openReadOnly(t, tab, srv.URL+"/")
	showLibrary(t, tab)
	before := evalJS[int](t, tab, `performance.getEntriesByName("annotator:imported").length`)
	tab.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{path}))
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:imported").length > %d`, before))
	report := evalJS[string](t, tab, `document.body.innerText`)
	if !strings.Contains(report, "open in another tab") {
		t.Errorf("the import's report does not say that the document is open in another tab: %q", abbreviate(report, 2000))
	}

	// The first tab goes on: what it shows is what is stored.
	tagPhrase(t, b, "technology", "p")
	waitSaved(t, b)
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	showLibrary(t, b)
	counts := evalJS[string](t, b, fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s).querySelector(".library-counts").textContent`, jsString(sampleTitle)))
	if counts != fmt.Sprintf("%d pledge", len(f.Annotations)) {
		t.Errorf("the first tab's download holds %d annotations, the library counts %q", len(f.Annotations), counts)
	}
}

// TestWorkspaceStorageUseFollowsTheLibrary: the library's foot says how
// much the storage holds as it is now, not as it was when the tab opened:
// after an import of many documents it says more, whichever tab made it.
func TestWorkspaceStorageUseFollowsTheLibrary(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	showLibrary(t, b)
	waitFor(t, b, `document.querySelector("#storage-info").textContent.includes("using")`)
	first := text(t, b, "#storage-info")
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 300, nil)}))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("301 documents")`)
	// 12 MB, then 12.9 MB here.
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#storage-info").textContent !== %s`, jsString(first)))

	// Another tab's import: the library shown here reads its listing again
	// and measures the storage again too (it said what it said before).
	tab := b.newTab(t)
	tab.expectNoConsoleErrors()
	openAppAt(t, tab, evalJS[string](t, b, `location.href`))
	waitStarted(t, tab)
	showLibrary(t, tab)
	second := text(t, b, "#storage-info")
	var more strings.Builder
	for i := range 200 {
		line, _ := json.Marshal(map[string]string{"title": fmt.Sprintf("Another report %03d", i),
			"text": fmt.Sprintf("Another report, number %d: %s", i, strings.Repeat("the council met and said little. ", 100))})
		more.Write(line)
		more.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "more.jsonl")
	if err := os.WriteFile(path, []byte(more.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tab.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{path}))
	waitFor(t, tab, `document.querySelector("#library-count").textContent.startsWith("501 documents")`)
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("501 documents")`)
	if !tryWait(b, fmt.Sprintf(`document.querySelector("#storage-info").textContent !== %s`, jsString(second))) {
		t.Errorf("after another tab imported 200 documents, the library here still says %q", second)
	}
}

// bigArticle writes an article of about n characters of random words (that
// do not compress), with the sentence "The minister said taxes would fall."
// first, and returns its path and title.
func bigArticle(t *testing.T, n int) (path, title string) {
	t.Helper()
	title = "A long report on taxes"
	var b strings.Builder
	b.WriteString("<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>The minister said taxes would fall.</p><p>")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; b.Len() < n; i++ {
		if i%40 == 39 {
			b.WriteString("</p><p>")
		}
		for range 3 + rng.IntN(6) {
			b.WriteByte(byte('a' + rng.IntN(26)))
		}
		b.WriteByte(' ')
	}
	b.WriteString("</p></body></html>")
	path = filepath.Join(t.TempDir(), "long-report.html")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, title
}

// TestWorkspaceUnwrittenArticleOpenedAgain: an article whose first write
// failed (the storage full) and that is opened again, from its file, before
// there is room opens as this tab holds it, with the changes made to it:
// it opened as a second editor of the same document, without them, whose
// changes would later be written over theirs (counts and history).
func TestWorkspaceUnwrittenArticleOpenedAgain(t *testing.T) {
	b, _, url := sampleThenFull(t)
	path, title := bigArticle(t, 300000)
	openFile(t, b, path)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(title)))
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "failed"`)
	tagPhrase(t, b, "taxes would fall", "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)

	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(sampleTitle)))
	openFile(t, b, path)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(title)))
	if !tryWait(b, `document.querySelectorAll("#entries > li").length === 1`) {
		t.Errorf("the article whose first write failed, opened again, shows %d annotations, want the 1 made in it", entryCount(t, b))
	}
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if len(f.Annotations) != 1 {
		t.Errorf("its download holds %d annotations, want 1", len(f.Annotations))
	}

	// Once there is room, every change is stored, once.
	tagPhrase(t, b, "minister", "p")
	overrideQuota(t, b, url, -1)
	// Clicked in the page: the tag just made draws the toolbar again,
	// and a click through the protocol could find the button it had
	// looked up gone ("Could not find node with given id").
	waitFor(t, b, `document.getElementById("save-retry") !== null`)
	evalJS[bool](t, b, `(document.getElementById("save-retry").click(), true)`)
	waitSaved(t, b)
	showLibrary(t, b)
	waitFor(t, b, fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].some(r => r.querySelector(".library-title").textContent === %s && r.querySelector(".library-counts").textContent === "1 claim, 1 pledge")`, jsString(title)))
}

// TestWorkspaceFailedChangeInDataset: a change whose write failed (the
// storage full) is in the library's dataset, as it is in the document's
// download: the dataset is what the user sees, not what the store kept.
func TestWorkspaceFailedChangeInDataset(t *testing.T) {
	const n = annotate.AttributeLimit
	b, _, _ := fullStorage(t, n)
	showLibrary(t, b)
	dataset := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-all")))
	note := -1
	for _, line := range strings.Split(strings.TrimSpace(string(dataset)), "\n") {
		var l struct {
			Spans []map[string]any `json:"spans"`
		}
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("a line of the dataset is not JSON: %v", err)
		}
		for _, s := range l.Spans {
			if s["text"] == "yes we can" {
				v, _ := s["note"].(string)
				note = len(v)
			}
		}
	}
	if note != n {
		t.Errorf("the dataset holds a note of %d characters on the quote, want the %d of the change not yet stored", note, n)
	}
}

// TestWorkspaceFailedChangeInBackup: a change whose write failed (the
// storage full) is in the backup, which the user makes to take the work
// elsewhere, and which restores elsewhere with it.
func TestWorkspaceFailedChangeInBackup(t *testing.T) {
	const n = annotate.AttributeLimit
	b, _, _ := fullStorage(t, n)
	showLibrary(t, b)
	data := downloadFile(t, b, "annotator-backup-*.json", chromedp.Click(chromedp.ID("backup-button")))
	var backup workspace.Backup
	if err := json.Unmarshal(data, &backup); err != nil {
		t.Fatalf("the backup is not JSON: %v", err)
	}
	note := -1
	for _, d := range backup.Documents {
		for _, a := range d.Annotations {
			if a.Exact == "yes we can" {
				note = len(a.Attributes["note"])
			}
		}
	}
	if note != n {
		t.Errorf("the backup holds a note of %d characters on the quote, want the %d of the change not yet stored", note, n)
	}
	if err := workspace.Restore(workspace.NewMemory(), data); err != nil {
		t.Errorf("the backup does not restore: %v", err)
	}
}

// unwrittenTagged opens, with the storage full (fullStorage), an article
// titled "fresh" whose document cannot be written, and tags its "taxes
// would fall" a claim.
func unwrittenTagged(t *testing.T) *browser {
	t.Helper()
	b, _, _ := fullStorage(t, 10)
	path := filepath.Join(t.TempDir(), "fresh.txt")
	if err := os.WriteFile(path, []byte("A fresh article about budgets.\n\nThe minister said taxes would fall."), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, path)
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "fresh"`)
	tagPhrase(t, b, "taxes would fall", "c")
	return b
}

// TestWorkspaceUnwrittenArticleInDatasetAndBackup: an article opened while
// the storage is full, whose document could never be written, and tagged,
// is in the library's dataset and in the backup with its annotation: it
// was left out of both in silence, the whole library said to be exported.
func TestWorkspaceUnwrittenArticleInDatasetAndBackup(t *testing.T) {
	b := unwrittenTagged(t)
	showLibrary(t, b)
	dataset := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-all")))
	found := false
	for _, line := range strings.Split(strings.TrimSpace(string(dataset)), "\n") {
		var l struct {
			Title string           `json:"title"`
			Spans []map[string]any `json:"spans"`
		}
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("a line of the dataset is not JSON: %v", err)
		}
		if l.Title == "fresh" {
			found = len(l.Spans) == 1 && l.Spans[0]["text"] == "taxes would fall"
		}
	}
	if !found {
		t.Errorf("the dataset (%d lines) has no line for the article not yet stored, with its claim", strings.Count(string(dataset), "\n"))
	}
	data := downloadFile(t, b, "annotator-backup-*.json", chromedp.Click(chromedp.ID("backup-button")))
	m := workspace.NewMemory()
	if err := workspace.Restore(m, data); err != nil {
		t.Fatalf("the backup does not restore: %v", err)
	}
	sums, _ := m.Documents()
	found = false
	for _, s := range sums {
		found = found || s.Title == "fresh" && s.Counts["claim"] == 1
	}
	if !found {
		t.Errorf("the backup has no document for the article not yet stored, with its claim: %+v", sums)
	}
}

// TestWorkspaceUnwrittenArticleListed: an article opened while the
// storage is full, whose document could never be written, and tagged, is
// listed in the library, with its claim and marked as not saved, as the
// dataset holds it: it was in the dataset but not in the library, which
// the user could not see, choose or open it from. It opens from there with
// its claim.
func TestWorkspaceUnwrittenArticleListed(t *testing.T) {
	b := unwrittenTagged(t)
	showLibrary(t, b)
	row := `[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === "fresh")`
	if !tryWait(b, row+` !== undefined`) {
		t.Fatalf("the library does not list the article not yet stored: it lists %q", libraryTitles(t, b))
	}
	waitFor(t, b, row+`.querySelector(".library-counts").textContent === "1 claim"`)
	if got := evalJS[string](t, b, `(`+row+`.querySelector(".library-unstored")||{}).textContent||""`); !strings.Contains(got, "Not saved in this browser:") {
		t.Errorf("its row says %q, want it marked as not saved in this browser, with why", got)
	}
	// The store has no record of it to rename or mark: those wait.
	if !evalJS[bool](t, b, row+`.querySelector(".library-rename").disabled && `+row+`.querySelector(".status-select").disabled`) {
		t.Errorf("its Rename and status can be used, on a document the store does not hold")
	}
	dataset := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-all")))
	if lines, rows := strings.Count(string(dataset), "\n"), evalJS[int](t, b, `document.querySelectorAll("#library-table .library-row").length`); lines != rows {
		t.Errorf("the dataset has %d lines and the library %d rows", lines, rows)
	}
	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(sampleTitle)))
	openFromLibrary(t, b, "fresh")
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "fresh" && document.querySelectorAll("#entries > li").length === 1`)
}

// TestWorkspaceGoldWaitsForUnsavedChanges: a gold document is not saved
// over an article whose last change could not be written (the storage
// full), even when another document is open: the gold annotations took
// the article's place in the store, and the change, written after them
// (the next change, or Retry), put the old annotation back among them,
// with the old counts.
func TestWorkspaceGoldWaitsForUnsavedChanges(t *testing.T) {
	b, url, _ := fullStorage(t, annotate.AttributeLimit)
	openFromLibrary(t, b, emojiTitle)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	overrideQuota(t, b, url, -1) // room again, for the gold document: the change still waits for Retry
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{sampleExport(t), sampleExport(t)}))
	waitFor(t, b, `document.querySelector("#gold-save") !== null`)
	b.run(chromedp.Click(chromedp.ID("gold-save")))
	waitFor(t, b, `performance.getEntriesByName("annotator:gold-saved").length > 0 || document.querySelector("#notice").textContent.includes("not saved yet")`)
	if evalJS[int](t, b, `performance.getEntriesByName("annotator:gold-saved").length`) > 0 {
		t.Errorf("the gold document was saved over the sample, whose change is not stored; the app says %q", text(t, b, "#notice"))
	}
}
