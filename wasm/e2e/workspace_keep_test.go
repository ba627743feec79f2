//go:build !wasm

package e2e

// This file shows that the workspace never loses work: an article tagged,
// then — without opening it again — found with every annotation after a
// reload, a renderer crash and a new tab, a browser closed and started
// again on the same profile, a reload with the network gone, and in a
// second tab; and undo still works after the reload.

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// tagTwo tags a quote and a claim on the sample and waits until both are
// saved; it returns the excerpts the sidebar shows.
func tagTwo(t testing.TB, b *browser) []string {
	t.Helper()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	return excerpts(t, b)
}

// excerpts returns the excerpts the sidebar lists, in its order.
func excerpts(t testing.TB, b *browser) []string {
	t.Helper()
	return evalJS[[]string](t, b, `[...document.querySelectorAll("#entries > li .excerpt")].map(e => e.textContent)`)
}

// waitStarted waits until the app has opened a document from the workspace.
func waitStarted(t testing.TB, b *browser) {
	t.Helper()
	waitFor(t, b, appReadyCond+` && performance.getEntriesByName("annotator:opened").length > 0 && document.querySelector("#save-state").dataset.state !== "starting"`)
}

// sameWork checks that the page shows the sample with the annotations want.
func sameWork(t testing.TB, b *browser, when string, want []string) {
	t.Helper()
	waitStarted(t, b)
	waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, len(want)))
	if got := text(t, b, "#doc-title"); got != sampleTitle {
		t.Errorf("%s: the page shows %q, not the sample", when, got)
	}
	if got := excerpts(t, b); !slices.Equal(got, want) {
		t.Errorf("%s: the annotations are %q, want %q", when, got, want)
	}
	waitFor(t, b, fmt.Sprintf(`[...CSS.highlights.values()].reduce((n, h) => n + (h.size||0), 0) >= %d`, len(want)))
}

// workThenFull stores work in a new profile (the sample tagged twice, by
// tagTwo, with the emoji article added before it when second), then
// starts the browser again on that profile with its storage full (a
// quota of one byte, set before the page opens IndexedDB: Chromium keeps
// the space it granted an open origin for a while), and checks that the
// app shows the same work. It returns the server, whose address the
// quota is given back to, the browser, and the tags.
func workThenFull(t *testing.T, second bool) (*httptest.Server, *browser, []string) {
	t.Helper()
	profile := t.TempDir()
	srv := appServerAt(t, freeAddr(t))
	b := newBrowserWithProfile(t, profile)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	if second {
		openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
		waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
		waitSaved(t, b)
		openFromLibrary(t, b, sampleTitle)
	}
	want := tagTwo(t, b)
	b.close(t)

	b = newBrowserWithProfile(t, profile)
	overrideQuota(t, b, srv.URL, 1)
	openAppAt(t, b, srv.URL+"/")
	sameWork(t, b, "with a full storage", want)
	return srv, b, want
}

func TestWorkspaceSurvivesReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	want := tagTwo(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after a reload", want)

	// Undo after the reload takes back the claim, and that too is kept.
	if got := evalJS[string](t, b, `document.querySelector("#undo-button").getAttribute("aria-label")`); got != "Undo add claim (Ctrl+Z)" {
		t.Errorf("after the reload the undo button says %q", got)
	}
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitSaved(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after an undo and a reload", want[:1])
	press(t, b, "z", ctrlShift) // redo, from the history kept
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
}

// TestWorkspaceReloadRightAfterOpening reloads the moment the sample is
// open: the session must already name it. It was written after the next
// frame, and a reload that came first found no session and showed the
// library ("no longer in the library") instead of the document.
func TestWorkspaceReloadRightAfterOpening(t *testing.T) {
	srv := appServer(t)
	b := newBrowser(t)
	// What local storage holds at the mark annotator:opened, read in the
	// mark's own call.
	b.run(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
	const mark = performance.mark.bind(performance);
	performance.mark = (name, options) => {
		if (name === "annotator:opened" && !("__sessionAtOpened" in window)) window.__sessionAtOpened = localStorage.getItem("annotator.session");
		return mark(name, options);
	};
})();`})
		return err
	}))
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	got := evalJS[string](t, b, `JSON.stringify(window.__sessionAtOpened)`)
	if !strings.Contains(got, `\"doc\":\"`) {
		t.Fatalf("when the sample was open, local storage held the session %s; want the sample named", got)
	}
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if title := text(t, b, "#doc-title"); title != sampleTitle {
		t.Errorf("a reload right after opening shows %q, not the sample", title)
	}
}

// TestWorkspaceSampleStoredOnFirstStart: a first start shows the sample
// before it is written (as an opened file is), then writes it with nothing
// asked of the user: the library holds it, and the toolbar says all is
// saved (TestFirstDocument checks, natively, that it is marked as the
// sample).
func TestWorkspaceSampleStoredOnFirstStart(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitForPromise(t, b, `new Promise((ok) => {
		const req = indexedDB.open("annotator");
		req.onerror = () => ok(false);
		req.onsuccess = () => {
			const db = req.result;
			const all = db.transaction("summaries").objectStore("summaries").getAll();
			all.onsuccess = () => { db.close(); ok(all.result.length === 1 && JSON.parse(all.result[0].json).title === `+jsString(sampleTitle)+`); };
			all.onerror = () => { db.close(); ok(false); };
		};
	})`)
	waitSaved(t, b)
}

// TestWorkspaceLibraryShownBeforeTheWrite: an article opened is shown
// before it is written (its record goes with its first change, after the
// frame that shows it), and a library shown in between, which reads the
// library before that write, must list the article once the write lands.
// The page clicks Library in the first task after the app marks the
// article opened, before the frame that shows it. Before the library read
// again after each write, it listed the sample alone for good (and under
// load, TestAxe's library did so now and then).
func TestWorkspaceLibraryShownBeforeTheWrite(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b) // the sample, written once shown
	evalJS[bool](t, b, `(() => {
		const mark = performance.mark.bind(performance);
		performance.mark = (name, options) => {
			if (name === "annotator:opened" && !window.__libraryAsked) {
				window.__libraryAsked = true;
				setTimeout(() => {
					window.__writtenAtClick = performance.getEntriesByName("annotator:saved").length;
					document.getElementById("library-button").click();
				}, 0);
			}
			return mark(name, options);
		};
		return true;
	})()`)
	saved := evalJS[int](t, b, `performance.getEntriesByName("annotator:saved").length`)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, `document.querySelector("#library-table, #library-empty") !== null`)
	if at := evalJS[int](t, b, `window.__writtenAtClick`); at != saved {
		t.Fatalf("the article was written before the library was shown (%d writes, %d before): the test shows the library too late", at, saved)
	}
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 2`)
	titles := evalJS[[]string](t, b, `[...document.querySelectorAll("#library-table .library-row .library-title")].map(e => e.textContent)`)
	if !slices.Contains(titles, "Emoji 😀 and nested spans") {
		t.Errorf("the library lists %q, without the article just opened", titles)
	}
}

func TestWorkspaceSurvivesCrash(t *testing.T) {
	b, srv := openApp(t)
	want := tagTwo(t, b)
	b.crashTab(t)
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	sameWork(t, tab, "in a new tab after a crash", want)
}

func TestWorkspaceSurvivesRestart(t *testing.T) {
	profile := t.TempDir()
	addr := freeAddr(t)
	srv := appServerAt(t, addr)
	b := newBrowserWithProfile(t, profile)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	want := tagTwo(t, b)
	b.close(t)

	again := newBrowserWithProfile(t, profile)
	openAppAt(t, again, srv.URL+"/")
	sameWork(t, again, "after the browser was started again", want)
}

func TestWorkspaceSurvivesOfflineReload(t *testing.T) {
	b, _ := openApp(t)
	evalJS[bool](t, b, `navigator.serviceWorker.ready.then(() => true)`)
	want := tagTwo(t, b)
	b.setOffline(t, true)
	b.run(chromedp.Reload())
	sameWork(t, b, "after a reload with the network gone", want)
	// Offline, a change is still written by the writer worker, whose
	// script the service worker cached, and kept.
	tagPhrase(t, b, "White House", "p")
	waitSaved(t, b)
	if !evalJS[bool](t, b, `performance.getEntriesByName("idb:posted").length > 0`) {
		t.Error("offline, the change was not posted to the writer worker (its script not cached?)")
	}
	want = excerpts(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after a change made offline and a reload", want)
}

func TestWorkspaceSecondTab(t *testing.T) {
	b, srv := openApp(t)
	want := tagTwo(t, b)
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	sameWork(t, tab, "in a second tab", want)
	// The first tab holds the document: the second is read-only and says so.
	waitFor(t, tab, `performance.getEntriesByName("annotator:read-only").length > 0`)
	selectPhrase(t, tab, "technology", 0)
	press(t, tab, "p")
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("read-only")`)
	if n := entryCount(t, tab); n != 2 {
		t.Errorf("the read-only tab tagged: %d annotations", n)
	}
	// The first tab goes on working; once it closes, the second takes the
	// document over with every change made there.
	tagPhrase(t, b, "technology", "p")
	waitSaved(t, b)
	// The first tab closes; the browser stays.
	if _, err := chromedp.Call(b.ctx, page.Close, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 3 && document.querySelector("#notice").textContent.includes("editable here now")`)
}

// TestWorkspaceWithoutIndexedDB: where the browser refuses IndexedDB, the
// app says that changes are kept only in this tab, works in memory, and
// asks before the tab closes.
func TestWorkspaceWithoutIndexedDB(t *testing.T) {
	for _, how := range []idbBlock{idbMissing, idbThrows, idbOpenFails} {
		t.Run(how.String(), func(t *testing.T) {
			b, _ := openApp(t)
			noIndexedDB(t, b, how)
			b.run(chromedp.Reload())
			waitStarted(t, b)
			waitFor(t, b, `document.querySelector("#save-state").dataset.state === "memory"`)
			// Why, in words: not the adapter's operation, the database's
			// name, nor the browser's exception.
			if got := text(t, b, "#notice"); !containsAll(got, "does not let the annotator keep your work", "kept only in this tab") ||
				containsAny(got, "IndexedDB:", "SecurityError", "InvalidStateError", "open the database annotator") {
				t.Errorf("without IndexedDB the app says %q", got)
			}
			tagPhrase(t, b, "yes we can", "q")
			if n := entryCount(t, b); n != 1 {
				t.Errorf("in memory, tagging gives %d annotations", n)
			}
			if !evalJS[bool](t, b, `(() => { const e = new Event("beforeunload", {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; })()`) {
				t.Error("closing the tab with work kept only in memory does not ask first")
			}
		})
	}
}

// asksBeforeClose reports whether closing the tab now asks first (its
// beforeunload is cancelled).
func asksBeforeClose(t testing.TB, b *browser) bool {
	t.Helper()
	return evalJS[bool](t, b, `(() => { const e = new Event("beforeunload", {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; })()`)
}

// TestWorkspaceWithoutIndexedDBAsksOnlyForWork: without IndexedDB, the tab
// asks before it closes only when closing would lose work: not when it has
// only shown the sample (it asked every time), but once an article was
// opened or imported, or the library changed.
func TestWorkspaceWithoutIndexedDBAsksOnlyForWork(t *testing.T) {
	start := func(t *testing.T) *browser {
		b, _ := openApp(t)
		noIndexedDB(t, b, idbMissing)
		b.run(chromedp.Reload())
		waitStarted(t, b)
		waitFor(t, b, `document.querySelector("#save-state").dataset.state === "memory"`)
		waitSaved(t, b) // the sample's record, written once it is shown
		return b
	}
	t.Run("sample", func(t *testing.T) {
		b := start(t)
		if asksBeforeClose(t, b) {
			t.Error("without IndexedDB, with only the sample shown and nothing changed, closing the tab asks first")
		}
		tagPhrase(t, b, "yes we can", "q")
		press(t, b, "z", ctrl)
		waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0`)
		waitSaved(t, b)
		if !asksBeforeClose(t, b) {
			t.Error("without IndexedDB, after a tag and its undo, closing the tab does not ask first")
		}
	})
	t.Run("opened", func(t *testing.T) {
		b := start(t)
		openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
		waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
		waitSaved(t, b)
		if !asksBeforeClose(t, b) {
			t.Error("without IndexedDB, with an article opened, closing the tab does not ask first")
		}
	})
	t.Run("imported", func(t *testing.T) {
		b := start(t)
		showLibrary(t, b)
		before := evalJS[int](t, b, `performance.getEntriesByName("annotator:imported").length`)
		b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 2, nil)}))
		waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:imported").length > %d`, before))
		waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("3 documents")`)
		if !asksBeforeClose(t, b) {
			t.Error("without IndexedDB, with two articles imported in the library, closing the tab does not ask first")
		}
	})
	t.Run("renamed", func(t *testing.T) {
		b := start(t)
		showLibrary(t, b)
		row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
		evalJS[bool](t, b, row+`.querySelector(".library-rename").click() || true`)
		waitFor(t, b, `document.querySelector("input.rename") !== null`)
		evalJS[bool](t, b, `(() => { const f = document.querySelector("input.rename"); f.value = "Renamed sample"; f.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
		waitFor(t, b, `[...document.querySelectorAll("#library-table .library-title")].some(e => e.textContent === "Renamed sample")`)
		if !asksBeforeClose(t, b) {
			t.Error("without IndexedDB, with the sample renamed, closing the tab does not ask first")
		}
	})
}

// TestWorkspaceTinyQuota: with the storage full, a change that cannot be
// written is said to have failed, stays in the page, and nothing stored
// before is lost.
func TestWorkspaceTinyQuota(t *testing.T) {
	srv, b, want := workThenFull(t, false)
	// A long note (random, so that it does not compress, and as long as
	// a note may be) cannot be stored.
	clickPhrase(t, b, "yes we can")
	waitFor(t, b, `document.querySelector("#selected:not([hidden]) #edit-note") !== null`)
	evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const f = document.querySelector("#edit-note") || document.querySelector("#selected textarea");
		let s = ""; for (let i = 0; i < %d; i++) s += String.fromCharCode(33 + Math.floor(Math.random() * 90));
		f.value = s; f.dispatchEvent(new Event("change", {bubbles: true})); return true;
	})()`, annotate.AttributeLimit))
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "failed"`)
	if got := text(t, b, "#notice"); !containsAll(got, "could not be saved", "kept in this tab", "download the JSON") {
		t.Errorf("with the storage full the app says %q", got)
	}
	// The export still holds the change.
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if len(f.Annotations) != 2 {
		t.Errorf("the export with the storage full holds %d annotations", len(f.Annotations))
	}
	// Closing the tab now would lose the change: the tab asks first.
	if !evalJS[bool](t, b, `(() => { const e = new Event("beforeunload", {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; })()`) {
		t.Error("closing the tab with a change not saved does not ask first")
	}
	// Everything stored before is there, as another tab reads it.
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	sameWork(t, tab, "after the failed write, in another tab", want)
}

func containsAll(s string, words ...string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// TestWorkspaceReopensWhereLeft: after a reload the selected annotation is
// selected again and the article is scrolled where it was read.
func TestWorkspaceReopensWhereLeft(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagTwo(t, b)
	clickPhrase(t, b, "yes we can")
	// Tagging selected the claim: wait until the click has selected the quote.
	waitFor(t, b, `(document.querySelector(".entry-main[aria-pressed=true]") || {textContent: ""}).textContent.includes("yes we can")`)
	selected := evalJS[string](t, b, `document.querySelector(".entry-main[aria-pressed=true]").closest("li").id`)
	evalJS[bool](t, b, `(window.scrollTo(0, 600), true)`)
	waitFor(t, b, `JSON.parse(localStorage.getItem("annotator.scroll") || "{}").y === Math.round(window.scrollY)`)
	y := evalJS[float64](t, b, `window.scrollY`)
	if y < 300 {
		t.Fatalf("the page scrolled only to %v", y)
	}
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	waitPlaced(t, b)
	if got := evalJS[string](t, b, `(document.querySelector(".entry-main[aria-pressed=true]") || {closest: () => ({id: ""})}).closest("li").id`); got != selected {
		t.Errorf("after the reload the selected annotation is %q, want %q", got, selected)
	}
	if got := evalJS[float64](t, b, `window.scrollY`); got < y-2 || got > y+2 {
		t.Errorf("after the reload the page is scrolled to %v, want %v", got, y)
	}
}

// TestWorkspaceLibrary sorts, filters, renames, marks done, and deletes a
// document from the library, and brings it back with Undo.
func TestWorkspaceLibrary(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagTwo(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 3, nil)}))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("4 documents")`)

	// Counts per label and status, as stored.
	row := func(title string) string {
		return fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(title))
	}
	// The counts come with the last tag's write, which may land after
	// the listing was read: the library then puts that row again.
	waitFor(t, b, row(sampleTitle)+` !== undefined && `+row(sampleTitle)+`.querySelector(".library-counts").textContent !== "1 claim"`)
	if got := evalJS[string](t, b, row(sampleTitle)+`.querySelector(".library-counts").textContent`); got != "1 claim, 1 quote" {
		t.Errorf("the sample's counts read %q", got)
	}
	if got := evalJS[string](t, b, row(sampleTitle)+`.querySelector(".status-select").value`); got != "in progress" {
		t.Errorf("the sample's status is %q", got)
	}

	// Sort by title, filter by words.
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-sort"); s.value = "title:asc"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelector("#library-table .library-row .library-title").textContent === "Report 001 on the budget"`)
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-search"); s.value = "repo 002"; s.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 1`)
	if got := libraryTitles(t, b); len(got) != 1 || got[0] != "Report 002 on the budget" {
		t.Errorf("searching for “repo 002” lists %q", got)
	}

	// Rename, mark done, filter by status.
	evalJS[bool](t, b, row("Report 002 on the budget")+`.querySelector(".library-rename").click() || true`)
	waitFor(t, b, `document.querySelector("input.rename") !== null`)
	evalJS[bool](t, b, `(() => { const f = document.querySelector("input.rename"); f.value = "Budget, renamed"; f.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-search"); s.value = ""; s.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	waitFor(t, b, row("Budget, renamed")+` !== undefined`)
	evalJS[bool](t, b, `(() => { const s = `+row("Budget, renamed")+`.querySelector(".status-select"); s.value = "done"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-status-filter"); s.value = "done"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 1`)
	if got := libraryTitles(t, b); len(got) != 1 || got[0] != "Budget, renamed" {
		t.Errorf("the documents marked done are %q", got)
	}
	evalJS[bool](t, b, `(() => { const s = document.querySelector("#library-status-filter"); s.value = ""; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)

	// Delete, then Undo brings it back with its status.
	evalJS[bool](t, b, row("Budget, renamed")+`.querySelector(".library-delete").click() || true`)
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("3 documents")`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("4 documents")`)
	if got := evalJS[string](t, b, row("Budget, renamed")+`.querySelector(".status-select").value`); got != "done" {
		t.Errorf("after Undo the document's status is %q", got)
	}
	// The open document cannot be deleted from under the annotator.
	if !evalJS[bool](t, b, row(sampleTitle)+`.querySelector(".library-delete").disabled`) {
		t.Error("the open document's Delete is enabled")
	}
	// And everything is kept: after a reload the library reads the same.
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if got := libraryTitles(t, b); len(got) != 4 || !slices.Contains(got, "Budget, renamed") {
		t.Errorf("after a reload the library lists %q", got)
	}
}

// stallWrites holds, while window.__stall is set, a read-write
// transaction over the workspace's stores on a connection of its own (a
// read issued again from each one's callback keeps it alive): IndexedDB
// runs the app's writes after it, so that a write the app makes in the
// meantime, from the page or from its writer worker, does not finish. It
// resolves once the transaction holds the stores.
const stallWrites = `new Promise((resolve, reject) => {
	window.__stall = true;
	const req = indexedDB.open("annotator");
	req.onerror = () => reject(req.error);
	req.onsuccess = () => {
		const db = req.result;
		const tx = db.transaction(["summaries", "annotations", "steps"], "readwrite");
		const spin = () => {
			if (window.__stall) tx.objectStore("summaries").count().onsuccess = spin;
			else db.close();
		};
		spin();
		resolve(true);
	};
})`

// TestWorkspaceStalledWrite: a write the browser does not finish is said
// to have failed once stallAfter has passed (not "Saving…" for ever), the
// tab asks before it closes, Retry says that the write is still awaited,
// and when the browser finishes it the app says that all is saved, and the
// change is there after a reload.
func TestWorkspaceStalledWrite(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	evalJS[bool](t, b, stallWrites)
	tagPhrase(t, b, "pretty balanced", "c")
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "saving"`)
	// stallAfter is 10 s; waitFor gives up after browserTimeout.
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "failed"`)
	if got := text(t, b, "#notice"); !containsAll(got, "could not be saved", "has not finished writing it", "kept in this tab") {
		t.Errorf("with the write not finished the app says %q", got)
	}
	if !evalJS[bool](t, b, `(() => { const e = new Event("beforeunload", {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; })()`) {
		t.Error("closing the tab with a write not finished does not ask first")
	}
	b.run(chromedp.Click(chromedp.ID("save-retry")))
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("still writing your last change")`)
	evalJS[bool](t, b, `(window.__stall = false, true)`)
	waitSaved(t, b)
	if got := text(t, b, "#notice"); !strings.Contains(got, "Saved again") {
		t.Errorf("once the write is finished the app says %q", got)
	}
	want := excerpts(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after the stalled write and a reload", want)
}

// TestWorkspaceBackFromLibrary: going to the library and back to the same
// article (the Library button twice) shows its highlights again, on the
// article's new text nodes, and a tag after it is painted too.
func TestWorkspaceBackFromLibrary(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagTwo(t, b)
	// Every range of the labels' highlights lies in the article on the page.
	const shown = `(() => {
		let n = 0;
		for (const [name, h] of CSS.highlights) {
			if (!name.startsWith("label-")) continue;
			for (const r of h) { if (!r.startContainer.isConnected || !document.querySelector("#article").contains(r.startContainer)) return -1; n++; }
		}
		return n;
	})()`
	if got := evalJS[int](t, b, shown); got != 2 {
		t.Fatalf("before the library %d ranges are shown, want 2", got)
	}
	for range 2 {
		b.run(chromedp.Click(chromedp.ID("library-button")))
	}
	waitFor(t, b, `document.querySelector("#library") === null && document.querySelector("#article") !== null`)
	waitFor(t, b, shown+` === 2`)
	tagPhrase(t, b, "White House", "p")
	waitFor(t, b, shown+` === 3`)
}

// TestWorkspaceImportedExportSurvivesReload imports an export of 300
// annotations and reloads once the toolbar says it is saved: the document
// comes back with every annotation. The annotations are written after the
// document is shown (workspace.AddAndEdit), as a change is: they must be
// queued, with the toolbar's "Saving…" and the question before the tab
// closes, in the turn that shows them.
func TestWorkspaceImportedExportSurvivesReload(t *testing.T) {
	const n = 300
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	path := filepath.Join(t.TempDir(), "imported.annotations.json")
	writeSyntheticExport(t, path, 3000, 30, n)
	// The unload guard in the turn that shows the document, asked in the
	// mark's own call: the annotations are taken and written after that
	// frame, but closing the tab meanwhile must ask first. And the change
	// is queued in the turn after it.
	evalJS[bool](t, b, `(() => {
		const mark = performance.mark.bind(performance);
		performance.mark = (name, options) => {
			if (name === "annotator:opened" && !window.__atOpened) {
				const unload = new Event("beforeunload", {cancelable: true});
				window.dispatchEvent(unload);
				window.__atOpened = {guarded: unload.defaultPrevented, at: performance.now()};
			}
			return mark(name, options);
		};
		return true;
	})()`)
	openFile(t, b, path)
	waitFor(t, b, fmt.Sprintf(`document.querySelector(".sidebar h2").textContent === "Annotations (%d)"`, n))
	waitFor(t, b, `window.__atOpened !== undefined`)
	if !evalJS[bool](t, b, `window.__atOpened.guarded`) {
		t.Error("when the export was shown, closing the tab would not have asked first: its annotations were not yet written")
	}
	waitFor(t, b, `performance.getEntriesByName("annotator:save-queued").some((m) => m.startTime > window.__atOpened.at)`)
	waitSaved(t, b)
	title := text(t, b, "#doc-title")
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length > 0 && document.querySelector(".sidebar h2").textContent === "Annotations (%d)"`, n))
	if got := text(t, b, "#doc-title"); got != title {
		t.Errorf("after the reload the page shows %q, want %q", got, title)
	}
	// Undo has nothing to take back: the import is where the history starts.
	if evalJS[bool](t, b, `!document.querySelector("#undo-button").disabled`) {
		t.Error("after the reload undo is enabled: it would take the file's annotations away")
	}
}

// TestWorkspaceWritesInATabWithNoFrames tags in a page that draws no
// frames, as a hidden tab does not: a change is written after the frame
// that shows it, and that frame must not be waited for forever. The
// browser may discard a hidden tab without asking, and a change made just
// before the tab was hidden would go with it. After a reload the tag is
// there.
func TestWorkspaceWritesInATabWithNoFrames(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	evalJS[bool](t, b, `(() => { window.requestAnimationFrame = () => 0; return true; })()`)
	tagPhrase(t, b, "yes we can", "q")
	want := excerpts(t, b)
	waitSaved(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after a reload of a page that drew no frames", want)
}

// TestLibraryChangeReadsOneRow: a rename, a status, a delete and its undo
// made in the library read again the one document they changed, not the
// whole library: each read every summary back from IndexedDB and sorted
// them all again, on a library of 1,000 documents as on one of 4.
func TestLibraryChangeReadsOneRow(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 3, nil)}))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("4 documents")`)
	row := func(title string) string {
		return fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(title))
	}
	waitFor(t, b, row("Report 002 on the budget")+` !== undefined`)
	const reads = `performance.getEntriesByName("annotator:library").length`
	before := evalJS[int](t, b, reads)

	evalJS[bool](t, b, row("Report 002 on the budget")+`.querySelector(".library-rename").click() || true`)
	waitFor(t, b, `document.querySelector("input.rename") !== null`)
	evalJS[bool](t, b, `(() => { const f = document.querySelector("input.rename"); f.value = "Budget, renamed"; f.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, b, row("Budget, renamed")+` !== undefined`)
	evalJS[bool](t, b, `(() => { const s = `+row("Budget, renamed")+`.querySelector(".status-select"); s.value = "done"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, b, row("Budget, renamed")+`.querySelector(".status-select").value === "done"`)
	evalJS[bool](t, b, row("Budget, renamed")+`.querySelector(".library-delete").click() || true`)
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("3 documents")`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#library-count").textContent.startsWith("4 documents")`)
	waitFor(t, b, row("Budget, renamed")+` !== undefined && `+row("Budget, renamed")+`.querySelector(".status-select").value === "done"`)

	if after := evalJS[int](t, b, reads); after != before {
		t.Errorf("a rename, a status, a delete and its undo read the whole library %d times; want none (one document each)", after-before)
	}
}

// TestLibraryReadsTheDocumentWritten: a change of the open document
// written while the library is shown reads that document's summary
// again, not the whole library, and its row shows the change. The write
// is held back (the store's writer gets its message late) until the
// library has read its listing.
func TestLibraryReadsTheDocumentWritten(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b) // the sample, written once shown
	evalJS[bool](t, b, `(() => {
		window.__held = [];
		window.__hold = true;
		const post = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (m, ...rest) {
			if (window.__hold && m && m.op === "apply") { __held.push(() => post.call(this, m, ...rest)); return; }
			return post.call(this, m, ...rest);
		};
		return true;
	})()`)
	const reads = `performance.getEntriesByName("annotator:library").length`
	readsBefore := evalJS[int](t, b, reads)
	tagPhrase(t, b, "yes we can", "q")
	waitFor(t, b, `__held.length > 0`)
	showLibrary(t, b)
	waitFor(t, b, fmt.Sprintf(`%s > %d && document.querySelector("#library-table .library-row") !== null`, reads, readsBefore))
	readsShown := evalJS[int](t, b, reads)
	if got := evalJS[string](t, b, `document.querySelector("#library-table .library-row .library-counts").textContent`); got != "none" {
		t.Fatalf("before the write the library shows %q: the write was not held back", got)
	}
	saved := evalJS[int](t, b, `performance.getEntriesByName("annotator:saved").length`)
	evalJS[bool](t, b, `(() => { __hold = false; for (const f of __held.splice(0)) f(); return true; })()`)
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:saved").length > %d`, saved))
	waitFor(t, b, `document.querySelector("#library-table .library-row .library-counts").textContent === "1 quote"`)
	if n := evalJS[int](t, b, reads) - readsShown; n != 0 {
		t.Errorf("the change written read the whole library %d times; want none (the one document)", n)
	}
}
