//go:build !wasm

package e2e

// This file holds two tabs of one workspace to their promise: each keeps
// its own work and shows the other's, and a tab lets go of what it no
// longer wants.

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// documentWaits is a promise of whether n document locks are waited for
// (Web Locks asked for and not given), by any tab of the browser.
func documentWaits(n int) string {
	return fmt.Sprintf(`navigator.locks.query().then(q => q.pending.filter(l => l.name.startsWith("annotator-document:")).length === %d)`, n)
}

// TestWorkspaceReadOnlyTabLetsTheWaitGo: a tab that shows a document
// read-only (another tab holds it) and then opens another document no
// longer waits for the first one's lock: its request stayed in the
// browser's queue, to be granted to a tab that no longer wanted it.
func TestWorkspaceReadOnlyTabLetsTheWaitGo(t *testing.T) {
	_, tab, _ := sampleThenReadOnlyTab(t) // the first tab holds the sample
	waitForPromise(t, tab, documentWaits(1))

	openFile(t, tab, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, tab, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, tab)
	waitForPromise(t, tab, documentWaits(0))
}

// renameInLibrary renames the document titled from to to in b's library.
func renameInLibrary(t testing.TB, b *browser, from, to string) {
	t.Helper()
	showLibrary(t, b)
	row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(from))
	evalJS[bool](t, b, row+`.querySelector(".library-rename").click() || true`)
	waitFor(t, b, `document.querySelector("input.rename") !== null`)
	evalJS[bool](t, b, fmt.Sprintf(`(() => { const f = document.querySelector("input.rename"); f.value = %s; f.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, jsString(to)))
	waitFor(t, b, fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-title")].some(e => e.textContent === %s)`, jsString(to)))
}

// TestWorkspaceRenameShowsInTheEditingTab: a document renamed in another
// tab's library shows its new title in the tab editing it at once: its
// title line, its download's title and file name (they kept the old title
// until the document was opened again), and that tab's library.
func TestWorkspaceRenameShowsInTheEditingTab(t *testing.T) {
	b, tab, _ := quoteThenReadOnlyTab(t)
	renameInLibrary(t, tab, sampleTitle, "Renamed elsewhere")

	waitFor(t, b, `document.querySelector("#doc-title").textContent === "Renamed elsewhere"`)
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if f.Document.Title != "Renamed elsewhere" || len(f.Annotations) != 1 {
		t.Errorf("after the rename in another tab the download is titled %q with %d annotations", f.Document.Title, len(f.Annotations))
	}
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("renamed-elsewhere")`)
	// The editing tab goes on, and its library lists the new title.
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	showLibrary(t, b)
	waitFor(t, b, `[...document.querySelectorAll("#library-table .library-title")].some(e => e.textContent === "Renamed elsewhere")`)
}

// TestWorkspaceRestoreLeavesAnotherTabsSample: a backup is not restored
// over the sample while another tab has it open: the restore deleted the
// sample under that tab, which then wrote it back with its own changes
// beside the restored library. It is refused in words, changing nothing.
func TestWorkspaceRestoreLeavesAnotherTabsSample(t *testing.T) {
	backup := keptBackup(t)

	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	tab := b.newTab(t)
	openReadOnly(t, tab, srv.URL+"/")
	showLibrary(t, tab)
	tab.run(chromedp.SetUploadFiles(chromedp.ID("restore-file"), []string{backup}))
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("not restored")`)
	if got := text(t, tab, "#notice"); !containsAll(got, "open in another tab", "Nothing in the library changed") {
		t.Errorf("a restore over the sample open in another tab says %q", got)
	}
	if got := libraryTitles(t, tab); len(got) != 1 || got[0] != sampleTitle {
		t.Errorf("after the refused restore the library lists %q", got)
	}
}

// TestWorkspaceNoChangeBeforeTheLock: a tab that opens a document another
// tab holds makes no change of it before the browser has said whose lock
// it is: a label key pressed as the document appears tagged it, and the
// tag was written under the tab editing it, which went on without it.
func TestWorkspaceNoChangeBeforeTheLock(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)

	tab := b.newTab(t)
	openReadOnly(t, tab, srv.URL+"/")
	openFile(t, tab, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, tab, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, tab)
	// As soon as the sample is drawn, select a phrase and press q.
	evalJS[bool](t, tab, fmt.Sprintf(`(() => {
		const title = %s;
		const obs = new MutationObserver(() => {
			const h = document.querySelector("#doc-title");
			const art = document.querySelector("article.doc");
			if (!h || h.textContent !== title || !art) return;
			const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const i = n.data.indexOf("yes we can");
				if (i < 0) continue;
				obs.disconnect();
				const r = document.createRange();
				r.setStart(n, i); r.setEnd(n, i + 10);
				getSelection().removeAllRanges(); getSelection().addRange(r);
				(document.activeElement || document.body).dispatchEvent(new KeyboardEvent("keydown", {key: "q", code: "KeyQ", bubbles: true, cancelable: true}));
				window.pressedEarly = true;
				return;
			}
		});
		obs.observe(document.body, {childList: true, subtree: true, characterData: true});
		return true;
	})()`, jsString(sampleTitle)))
	before := evalJS[int](t, tab, `performance.getEntriesByName("annotator:read-only").length`)
	openFromLibrary(t, tab, sampleTitle)
	waitFor(t, tab, `window.pressedEarly === true`)
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:read-only").length > %d`, before))
	waitSaved(t, tab)
	if n := entryCount(t, tab); n != 0 {
		t.Errorf("the tab that opened the sample held by another tagged it before the lock said so: %d annotations", n)
	}
	// What the holding tab shows (nothing) is what is stored.
	showLibrary(t, b)
	row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
	waitFor(t, b, row+` !== undefined`)
	if got := evalJS[string](t, b, row+`.querySelector(".library-counts").textContent`); strings.Contains(got, "quote") {
		t.Errorf("the library counts the sample held by the first tab, which shows no annotation, as %q", got)
	}
}

// TestWorkspaceGoldLetsTheLockGo: a tab that closes its open document to
// save a gold file over it lets the document's lock go: it kept it, and
// another tab showed the document read-only ("open in another tab") though
// no tab had it open any more.
func TestWorkspaceGoldLetsTheLockGo(t *testing.T) {
	_, tab := goldThenSecondTab(t)
	selectPhrase(t, tab, "the plan was too small", 0)
	press(t, tab, "c")
	waitFor(t, tab, `["Tagged", "read-only"].some(w => document.querySelector("#notice").textContent.includes(w))`)
	if got := text(t, tab, "#notice"); !strings.Contains(got, "Tagged") {
		t.Errorf("the document the first tab closed to save its gold file, opened in a second tab, says %q", got)
	}
}

// TestWorkspaceGoldUndoLeavesAnotherTabsDocument: the library's Undo of a
// gold file does not put the old annotations back under a tab that has the
// document open since: it is refused in words, and can be undone once the
// document is closed there.
func TestWorkspaceGoldUndoLeavesAnotherTabsDocument(t *testing.T) {
	b, _ := goldThenSecondTab(t) // the second tab holds the document

	showLibrary(t, b)
	waitFor(t, b, `!document.querySelector("#library-undo").disabled`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("open in another tab")`)
	if got := text(t, b, "#notice"); !strings.Contains(got, "cannot be undone") {
		t.Errorf("the Undo of the gold annotations of a document open in another tab says %q", got)
	}
	row := `[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === "rents")`
	if got := evalJS[string](t, b, row+`.querySelector(".library-counts").textContent`); got != "1 claim" {
		t.Errorf("after the refused Undo the library counts %q, want the gold document's 1 claim", got)
	}
	if evalJS[bool](t, b, `document.querySelector("#library-undo").disabled`) {
		t.Error("after the refused Undo there is nothing left to undo")
	}
}

// TestWorkspaceGoldUndo: the library's Undo right after a gold file puts
// back the annotations the document had (none here).
func TestWorkspaceGoldUndo(t *testing.T) {
	b, _ := goldSaved(t)
	showLibrary(t, b)
	waitFor(t, b, `!document.querySelector("#library-undo").disabled`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("Undid")`)
	waitFor(t, b, rentsCounts("none"))
}

// rentsCounts is the condition that a tab's library counts counts of
// the document "rents".
func rentsCounts(counts string) string {
	return fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].some(r => r.querySelector(".library-title").textContent === "rents" && r.querySelector(".library-counts").textContent === %s)`, jsString(counts))
}

// TestWorkspaceGoldUndoKeepsLaterWork: the library's Undo of a gold file
// put the annotations from before it back over what another tab tagged
// since (that tab closed), which was lost without a word. It is refused,
// in words, and the tag stays.
func TestWorkspaceGoldUndoKeepsLaterWork(t *testing.T) {
	b, tab := goldThenSecondTab(t)
	selectPhrase(t, tab, "the plan was too small", 0)
	press(t, tab, "c")
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 2`)
	waitSaved(t, tab)
	tab.close(t)
	// The closed tab's lock goes a moment later; the library's tab holds
	// none.
	waitForPromise(t, b, `navigator.locks.query().then(q => !q.held.some(l => l.name.startsWith("annotator-document:")))`)

	showLibrary(t, b)
	waitFor(t, b, `!document.querySelector("#library-undo").disabled`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("cannot be undone")`)
	if got := text(t, b, "#notice"); !strings.Contains(got, "changed since") {
		t.Errorf("the Undo of a gold file over later work says %q", got)
	}
	openFromLibrary(t, b, "rents")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
}

// TestWorkspaceOpenedJustBeforeAnImport: a document another tab's import
// fills between the moment this tab reads it and the moment it gets its
// lock is shown as the store holds it: the tab showed it as it read it,
// without the annotations, and went on from there (its changes counted
// without them, its download left them out).
func TestWorkspaceOpenedJustBeforeAnImport(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, b)
	path := sampleExport(t)

	// The first tab's next lock request waits until the test lets it go:
	// the sample is then read and shown, and not yet locked.
	evalJS[bool](t, b, `(() => {
		const lock = annotator.lockDocument;
		annotator.lockDocument = (id, granted) => {
			annotator.lockDocument = lock;
			window.letLockGo = () => lock(id, granted);
		};
		return true;
	})()`)
	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, `typeof window.letLockGo === "function"`)

	// Meanwhile a second tab's import fills the sample (no tab holds it:
	// the second tab starts on it, the document open last, and leaves it).
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	openFromLibrary(t, tab, emojiTitle)
	waitFor(t, tab, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	showLibrary(t, tab)
	before := evalJS[int](t, tab, `performance.getEntriesByName("annotator:imported").length`)
	tab.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{path}))
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:imported").length > %d`, before))
	waitFor(t, tab, fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].some(r => r.querySelector(".library-title").textContent === %s && r.querySelector(".library-counts").textContent === "1 claim, 1 quote")`, jsString(sampleTitle)))

	evalJS[bool](t, b, `window.letLockGo() || true`)
	if !tryWait(b, `document.querySelectorAll("#entries > li").length === 2`) {
		t.Errorf("the sample, filled by another tab's import as this tab opened it, shows %d annotations here, want the 2 imported", entryCount(t, b))
	}
}

// TestWorkspaceKeyWaitsForTheLock: a key pressed as a document appears,
// before the browser has said whose lock it is (on a loaded machine that
// answer can come after the document is drawn), waits for the answer and
// then takes effect: it is neither lost nor refused.
func TestWorkspaceKeyWaitsForTheLock(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	// The next lock request waits until the test lets it go.
	evalJS[bool](t, b, `(() => {
		const lock = annotator.lockDocument;
		annotator.lockDocument = (id, granted) => {
			annotator.lockDocument = lock;
			window.letLockGo = () => lock(id, granted);
		};
		return true;
	})()`)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s && typeof window.letLockGo === "function"`, jsString(emojiTitle)))
	selectPhrase(t, b, "sales rose 12%", 0)
	press(t, b, "c")
	if n := entryCount(t, b); n != 0 {
		t.Fatalf("a key pressed before the lock's answer tagged at once: %d annotations", n)
	}
	evalJS[bool](t, b, `window.letLockGo() || true`)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitSaved(t, b)
}

// goldThenSecondTab opens an article in a first tab, saves a gold file of
// two annotators over it from the library there, and opens the article,
// with its one gold annotation, in a second tab.
func goldThenSecondTab(t *testing.T) (first, second *browser) {
	t.Helper()
	b, srv := goldSaved(t)
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	openFromLibrary(t, tab, "rents")
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 1`)
	return b, tab
}

// goldSaved opens an article in a tab and saves a gold file of two
// annotators over it from the library there, which it shows.
func goldSaved(t *testing.T) (*browser, *httptest.Server) {
	t.Helper()
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	dir := t.TempDir()
	article := filepath.Join(dir, "rents.txt")
	if err := os.WriteFile(article, []byte(adjudicationArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, article)
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "rents"`)
	waitSaved(t, b)
	annPath, _ := annotatorFile(t, dir, "Ann", [2]string{"claim", "rents rose by 12% last year"})
	bobPath, _ := annotatorFile(t, dir, "Bob", [2]string{"claim", "rents rose by 12% last year"})
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	b.run(chromedp.Click(chromedp.ID("gold-save")))
	waitFor(t, b, `performance.getEntriesByName("annotator:gold-saved").length > 0`)
	return b, srv
}

// sampleThenReadOnlyTab opens the app on the sample, waits until it is
// stored, and opens a second tab on the same workspace, which shows the
// sample read-only; neither tab may log an error.
func sampleThenReadOnlyTab(t *testing.T) (first, second *browser, srv *httptest.Server) {
	t.Helper()
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	tab := b.newTab(t)
	tab.expectNoConsoleErrors()
	openReadOnly(t, tab, srv.URL+"/")
	return b, tab, srv
}

// openReadOnly opens the app in tab, a second tab on the workspace of a
// first that holds the document open last, and waits until the app there
// has started and shown that document read-only.
func openReadOnly(t testing.TB, tab *browser, url string) {
	t.Helper()
	openAppAt(t, tab, url)
	waitStarted(t, tab)
	waitFor(t, tab, `performance.getEntriesByName("annotator:read-only").length > 0`)
}

// TestWorkspaceHoldDocument: the lock that an import, a gold file, a
// delete or a restore holds from its check to its write (holdDocument,
// workspace.Workspace.Hold) is refused while another tab has the document
// open, is the tab's own when it has the document open itself, and keeps
// a tab that opens the document meanwhile waiting (read-only) until it is
// let go; it was only looked at (heldElsewhere), and a tab could open the
// document in between and have its tags written over.
// quoteThenReadOnlyTab opens the app, tags "yes we can" a quote, and
// opens a second tab, which shows the document read-only with that
// quote; neither tab may log an error.
func quoteThenReadOnlyTab(t *testing.T) (first, second *browser, srv *httptest.Server) {
	t.Helper()
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	tab := b.newTab(t)
	tab.expectNoConsoleErrors()
	openReadOnly(t, tab, srv.URL+"/")
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 1`)
	return b, tab, srv
}

func TestWorkspaceHoldDocument(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	const prefix = "annotator-document:"
	id := evalJS[string](t, b, `navigator.locks.query().then(q => q.held.find(l => l.name.startsWith("`+prefix+`")).name.slice(`+fmt.Sprint(len(prefix))+`))`)

	tab := b.newTab(t)
	tab.expectNoConsoleErrors()
	openReadOnly(t, tab, srv.URL+"/")
	if !evalJS[bool](t, tab, fmt.Sprintf(`annotator.holdDocument(%s).then(r => r === null)`, jsString(id))) {
		t.Errorf("a tab took the lock of the document another tab has open")
	}
	if !evalJS[bool](t, b, fmt.Sprintf(`annotator.holdDocument(%s).then(r => (r(), typeof r === "function"))`, jsString(id))) {
		t.Errorf("the tab that has the document open was refused its own lock")
	}
	waitForPromise(t, b, fmt.Sprintf(`navigator.locks.query().then(q => q.held.some(l => l.name === %s))`, jsString(prefix+id)))

	if !evalJS[bool](t, b, `annotator.holdDocument("e2e-free").then(r => (window.letGo = r, typeof r === "function"))`) {
		t.Fatalf("a free document's lock was refused")
	}
	if !evalJS[bool](t, tab, `annotator.holdDocument("e2e-free").then(r => r === null)`) {
		t.Errorf("two tabs held the same document at once")
	}
	evalJS[bool](t, tab, `(annotator.lockDocument("e2e-free", g => (window.got = window.got || []).push(g)), true)`)
	waitFor(t, tab, `window.got !== undefined && window.got.join() === "false"`)
	evalJS[bool](t, b, `(window.letGo(), true)`)
	waitFor(t, tab, `window.got.join() === "false,true"`)
	evalJS[bool](t, tab, `(annotator.unlockDocument("e2e-free"), true)`)
}

// TestWorkspaceReadOnlyDeletedElsewhere: a tab that shows a document
// read-only, waiting for its lock while another tab's library deletes it
// (the delete holds the lock from its check to its write, and the tab
// opening it meanwhile waits behind it), says in words, once the lock is
// its own, that the document was deleted in another tab and that the
// Undo there brings it back, lets the lock go and shows its library. It
// said "The document could not be opened: document sha256:…" and stayed
// read-only, holding the lock of a document no longer there.
func TestWorkspaceReadOnlyDeletedElsewhere(t *testing.T) {
	b, tab, srv := emojiThenReadOnlyLibrary(t)

	// The first tab's delete of the sample, once it holds the sample's
	// lock, waits until the second tab waits for that lock too: the
	// second tab opens it in between, as a user could.
	evalJS[bool](t, b, `(() => {
		const hold = window.unpatchedHold = annotator.holdDocument;
		annotator.holdDocument = (id) => hold(id).then(async (release) => {
			if (release) {
				window.holdingForTest = true;
				const name = "annotator-document:" + id;
				while (!(await navigator.locks.query()).pending.some((l) => l.name === name)) await new Promise((r) => setTimeout(r, 20));
			}
			return release;
		});
		return true;
	})()`)
	showLibrary(t, b)
	row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
	sample := evalJS[string](t, b, row+`.dataset.id`)
	evalJS[bool](t, b, row+`.querySelector(".library-delete").click() || true`)
	waitFor(t, b, `window.holdingForTest === true`)
	openFromLibrary(t, tab, sampleTitle)
	waitFor(t, tab, `performance.getEntriesByName("annotator:read-only").length === 2`)
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Deleted")`)

	if !tryWait(tab, `document.querySelector("#library") !== null && document.querySelector("#notice").textContent.includes("deleted")`) {
		t.Fatalf("the tab that showed the deleted document read-only says %q, library shown: %v",
			text(t, tab, "#notice"), evalJS[bool](t, tab, `document.querySelector("#library") !== null`))
	}
	if got := text(t, tab, "#notice"); !containsAll(got, "another tab", "Undo") || strings.Contains(got, "sha256") {
		t.Errorf("the tab that showed the deleted document read-only says %q", got)
	}
	// Its lock is let go: nobody holds or waits for the sample's.
	waitForPromise(t, tab, `navigator.locks.query().then(q => !q.held.concat(q.pending).some(l => l.name === "annotator-document:" + `+jsString(sample)+`))`)
	if got := libraryTitles(t, tab); len(got) != 1 || got[0] != emojiTitle {
		t.Errorf("after the delete elsewhere the tab's library lists %q", got)
	}

	// Nothing else is lost: the first tab's Undo brings the sample back,
	// and the second tab opens it, to edit.
	evalJS[bool](t, b, `(annotator.holdDocument = window.unpatchedHold, true)`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("2 documents")`)
	// The tab is loaded again, and opens the sample, which it opened
	// last (its library hears of the Undo: TestLibraryDeleteTellsTheOtherTabs).
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	waitFor(t, tab, fmt.Sprintf(`document.querySelector("#doc-title") && document.querySelector("#doc-title").textContent === %s`, jsString(sampleTitle)))
	waitFor(t, tab, `performance.getEntriesByName("annotator:opened").length > 0 && document.querySelector("#save-state").dataset.state !== "read-only"`)
}

// TestWorkspaceLibraryShowsAnotherTabsImport: an article added with “Add
// files…” in one tab's library is listed in the library another tab shows
// beside it: that library went on listing the documents it had read, the
// new one missing until it was shown again.
func TestWorkspaceLibraryShowsAnotherTabsImport(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	showLibrary(t, b)
	waitFor(t, b, libraryRow(sampleTitle)+` !== undefined`)

	lib := b.newTab(t)
	lib.expectNoConsoleErrors()
	openReadOnly(t, lib, srv.URL+"/")
	showLibrary(t, lib)
	article := filepath.Join(t.TempDir(), "rents.txt")
	if err := os.WriteFile(article, []byte(adjudicationArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	lib.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{article}))
	waitFor(t, lib, libraryRow("rents")+` !== undefined`)
	if !tryWait(b, libraryRow("rents")+` !== undefined`) {
		t.Errorf("an article added in another tab's library is not listed here: %q", libraryTitles(t, b))
	}
}

// TestWorkspaceReadOnlyRestoredElsewhere: a tab that shows the untouched
// sample read-only while the tab holding it restores a backup without it
// says that it is gone without promising what cannot be: it said that the
// other tab had deleted it and that the Undo of its library brought it
// back, where that Undo was disabled (a restore is not undone).
func TestWorkspaceReadOnlyRestoredElsewhere(t *testing.T) {
	backup := keptBackup(t)

	b, tab, _ := sampleThenReadOnlyTab(t)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("restore-file"), []string{backup}))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Restored")`)
	waitFor(t, tab, `document.querySelector("#library") !== null && document.querySelector("#notice").textContent.includes(`+jsString(sampleTitle)+`)`)
	got := text(t, tab, "#notice")
	if !containsAll(got, "another tab", "restored a backup") || strings.Contains(got, "sha256") {
		t.Errorf("the tab that showed the sample read-only, restored over in another tab, says %q", got)
	}
	if evalJS[bool](t, b, `document.querySelector("#library-undo").disabled`) && strings.Contains(got, "Undo of that tab's library brings it back.") {
		t.Errorf("it promises that the other tab's Undo brings the sample back, where that Undo is disabled: %q", got)
	}
}

// keptBackup writes, in a folder of the test's, the backup of a workspace
// that holds one article, "Words kept in the backup." (kept.txt), and
// returns its path: a restore's file for the tests of what a restore does
// to the library and the tabs it finds.
func keptBackup(t *testing.T) string {
	t.Helper()
	src, err := workspace.Open(workspace.NewMemory(), nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := annotate.Load([]byte("Words kept in the backup."), annotate.Source{Name: "kept.txt", MediaType: "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := src.Add(doc, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	data, err := src.Backup()
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(backup, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return backup
}

// emojiThenReadOnlyLibrary opens the app, then the emoji article in it,
// stored; then a second tab, which shows that article read-only, and its
// library there: the start of the tests of what one tab's library does to
// another's.
func emojiThenReadOnlyLibrary(t *testing.T) (first, second *browser, srv *httptest.Server) {
	t.Helper()
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, b)

	tab := b.newTab(t) // shows the emoji article read-only
	tab.expectNoConsoleErrors()
	openReadOnly(t, tab, srv.URL+"/")
	showLibrary(t, tab)
	return b, tab, srv
}
