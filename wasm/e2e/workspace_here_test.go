//go:build !wasm

package e2e

// This file holds one tab to the promise that what it writes of the
// document it has open is never written over by its own library: an
// import of that document's export goes through its editor.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// holdWritesJS, run before the app starts, makes the store's writer
// (web/store-writer.js) keep every change posted to it while
// window.__holdWrites is set, and post them all when window.__letWritesGo()
// is called: this tab's own write of a tag, on its way to the store while
// the tab does something else.
const holdWritesJS = `(() => {
	const Base = window.Worker;
	if (typeof Base !== "function") return;
	window.__holdWrites = false;
	window.__held = [];
	window.Worker = class extends Base {
		postMessage(m, ...rest) {
			if (window.__holdWrites && m && m.op === "apply") {
				window.__held.push(() => super.postMessage(m, ...rest));
				return;
			}
			return super.postMessage(m, ...rest);
		}
	};
	window.__letWritesGo = () => {
		window.__holdWrites = false;
		const held = window.__held;
		window.__held = [];
		held.forEach((post) => post());
		return true;
	};
})();`

// TestWorkspaceExportDroppedOnTheTaggedDocument: the sample open and
// tagged, its tag still on its way to the store, and an export of the
// sample (a quote and a claim) opened on it. The import found the stored
// sample without an annotation and wrote the file's two into it, from
// beside the editor: the page went on showing the one tag, the library
// counted one claim, and a reload showed three annotations. The editor
// had no part in it, so a tag written in the few milliseconds between the
// import's look and its write was deleted by it. The file now goes
// through the open editor: the sample has an annotation of its own, so
// the file's are not added, and the page, the store and a reload agree.
func TestWorkspaceExportDroppedOnTheTaggedDocument(t *testing.T) {
	b := tagWithWritesHeld(t)
	openFile(t, b, sampleExport(t))
	waitFor(t, b, `window.__held.length > 0`)
	evalJS[bool](t, b, `window.__letWritesGo()`)
	waitSaved(t, b)
	shown := excerpts(t, b)
	notice := text(t, b, "#notice")
	if len(shown) != 1 {
		t.Errorf("the tagged sample, with the export opened on it, shows %q (the app said %q); want its one tag", shown, notice)
	}
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if !tryWait(b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, len(shown))) {
		t.Fatalf("the sample showed %q before a reload and %q after (the app said %q)", shown, excerpts(t, b), notice)
	}
	sameWork(t, b, "after the export opened on the tagged sample, and a reload", shown)
}

// TestWorkspaceExportDroppedOnTheOpenDocument: an export of the open
// document, which has no annotation, opened on it fills it through its
// editor: the page shows the file's annotations, one Undo takes them
// back, and they are stored.
func TestWorkspaceExportDroppedOnTheOpenDocument(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	openFile(t, b, sampleExport(t))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	waitSaved(t, b)
	shown := excerpts(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after the export opened on the sample, and a reload", shown)
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0`)
	waitSaved(t, b)
}

// TestWorkspaceImportWaitsForThisTabsTag: the sample tagged, its tag
// still on its way to the store, and its export added with “Add files…”
// in the library. The import found the stored sample without an
// annotation (this tab's own lock let it through) and wrote the file's
// two into it; the tag was then written with the editor's counts, and the
// library counted one claim for a document that opened with three (a tag
// written between the import's look and its write was deleted). The
// import now leaves a document whose changes this tab is still saving
// alone, and its report says so.
func TestWorkspaceImportWaitsForThisTabsTag(t *testing.T) {
	b := tagWithWritesHeld(t)
	waitFor(t, b, `window.__held.length > 0`)
	showLibrary(t, b)
	before := evalJS[int](t, b, `performance.getEntriesByName("annotator:imported").length`)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{sampleExport(t)}))
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:imported").length > %d && document.querySelector("#import-report-close") !== null`, before))
	report := evalJS[string](t, b, `document.body.innerText`)
	evalJS[bool](t, b, `window.__letWritesGo()`)
	waitSaved(t, b)
	waitFor(t, b, fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].some(r => r.querySelector(".library-title").textContent === %s && r.querySelector(".library-counts").textContent === "1 claim")`, jsString(sampleTitle)))
	openFromLibrary(t, b, sampleTitle)
	if !tryWait(b, `document.querySelectorAll("#entries > li").length === 1`) {
		t.Errorf("the library counts one claim, and the sample opens with %q (the import said %q)", excerpts(t, b), abbreviate(report, 2000))
	}
	if !strings.Contains(report, "still being saved") {
		t.Errorf("the import's report does not say that the document's changes were still being saved: %q", abbreviate(report, 2000))
	}
}

// TestWorkspaceImportFillsTheShownDocument: the sample's export added with
// “Add files…”, and the sample opened from the library while the import
// waited to hold it. The import then wrote the file's two annotations
// into it, under the editor the page showed: the page went on without
// them, a tag made next was counted alone in the library, and a reload
// showed three. The page now reads the document again as soon as the
// import has filled it.
func TestWorkspaceImportFillsTheShownDocument(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	showLibrary(t, b)
	// The import's hold of the sample waits until the test lets it go.
	evalJS[bool](t, b, `(() => {
		const hold = annotator.holdDocument;
		annotator.holdDocument = (id) => {
			annotator.holdDocument = hold;
			return new Promise((resolve) => { window.letHoldGo = () => { hold(id).then(resolve); return true; }; });
		};
		return true;
	})()`)
	before := evalJS[int](t, b, `performance.getEntriesByName("annotator:imported").length`)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{sampleExport(t)}))
	waitFor(t, b, `typeof window.letHoldGo === "function"`)
	openFromLibrary(t, b, sampleTitle)
	evalJS[bool](t, b, `window.letHoldGo()`)
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:imported").length > %d`, before))
	if !tryWait(b, `document.querySelectorAll("#entries > li").length === 2`) {
		t.Errorf("the sample, shown as the import filled it, shows %q; want the file's two annotations", excerpts(t, b))
	}
	tagPhrase(t, b, "a peace deal could be achieved in Ukraine", "c")
	waitSaved(t, b)
	shown := excerpts(t, b)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if !tryWait(b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, len(shown))) {
		t.Fatalf("the sample showed %q before a reload and %q after", shown, excerpts(t, b))
	}
}

// tagWithWritesHeld opens the app with holdWritesJS, holds its writes once
// the sample is stored, and tags a claim in the sample: a tag shown, its
// write held until the test lets it go (window.__letWritesGo).
func tagWithWritesHeld(t *testing.T) *browser {
	t.Helper()
	srv := appServer(t)
	b := newBrowser(t)
	b.expectNoConsoleErrors()
	b.run(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdWritesJS})
		return err
	}), chromedp.Navigate(srv.URL+"/"))
	waitStarted(t, b)
	waitSaved(t, b)
	if !evalJS[bool](t, b, `typeof window.__letWritesGo === "function" && (window.__holdWrites = true)`) {
		t.Fatal("the page has no Worker to hold")
	}
	tagPhrase(t, b, "a peace deal could be achieved in Ukraine", "c")
	return b
}
