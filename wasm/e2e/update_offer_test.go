//go:build !wasm

package e2e

// This file holds the offer of a new version to its word: reloading loses
// nothing, or the offer says what it would lose and the reload asks
// first. The offer is made here as go-app's worker makes it
// (goappOnUpdate, which the page calls once a new version is installed),
// without building a second version: what is tested is what the page
// does with the offer, not the worker (workspace_update_test.go).

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// offerUpdate has b's page offer a new version, as go-app's worker has it
// do once one is installed, and waits for the offer.
func offerUpdate(t testing.TB, b *browser) {
	t.Helper()
	evalJS[bool](t, b, `(goappOnUpdate(), true)`)
	waitFor(t, b, `document.querySelector("#update") !== null`)
}

// reloadFromOffer presses the offer's Reload now and reports whether the
// page reloaded: it did when the page's marker is gone. A reload the page
// asks about first (its beforeunload) is refused by the harness, which
// records the question; asked reports whether it was asked.
func reloadFromOffer(t testing.TB, b *browser) (reloaded, asked bool) {
	t.Helper()
	evalJS[bool](t, b, `(window.__notReloaded = true)`)
	before := len(b.jsDialogs())
	b.run(chromedp.Click(chromedp.ID("update-reload")))
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		for _, d := range b.jsDialogs()[before:] {
			if d.Type == page.DialogTypeBeforeunload {
				asked = true
			}
		}
		if still, err := tryEvalJS[bool](b, `window.__notReloaded === true`); err == nil && !still {
			return true, asked
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false, asked
}

// TestUpdateOfferKeepsTheAdjudication: an adjudicator's decisions live
// only in the tab until the gold document is saved. The offer of a new
// version said that reloading keeps all the work, and its Reload now
// reloaded at once: the decisions were gone, unasked; closing the tab
// did not ask either. Now the offer says that reloading drops them, and
// the reload (or a close) asks first.
func TestUpdateOfferKeepsTheAdjudication(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	annPath, _ := annotatorFile(t, dir, "Ann", [2]string{"claim", "rents rose by 12% last year"})
	bobPath, _ := annotatorFile(t, dir, "Bob", [2]string{"claim", "the plan was too small"})
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	if asksBeforeClose(t, b) {
		t.Error("with an adjudication open and no decision made, closing the tab asks first")
	}
	evalJS[bool](t, b, `(document.querySelector("#adjudication-spans tbody tr button.accept").click(), true)`)
	waitFor(t, b, `document.querySelectorAll("#adjudication-spans tbody tr.accepted").length === 1`)

	offerUpdate(t, b)
	banner := text(t, b, "#update")
	if strings.Contains(banner, "keeps all your work") || !strings.Contains(banner, "adjudication") {
		t.Errorf("with decisions of an adjudication made, the offer says %q", banner)
	}
	if !asksBeforeClose(t, b) {
		t.Error("closing the tab with decisions of an adjudication made does not ask first")
	}
	reloaded, asked := reloadFromOffer(t, b)
	if reloaded {
		t.Fatal("Reload now reloaded over the adjudication's decisions")
	}
	if !asked {
		t.Error("Reload now did not ask before dropping the adjudication's decisions")
	}
	if n := evalJS[int](t, b, `document.querySelectorAll("#adjudication-spans tbody tr.accepted").length`); n != 1 {
		t.Errorf("after the reload refused, %d spans accepted, want the 1 accepted before", n)
	}
}

// TestUpdateOfferWaitsForTheImport: an import of many files is running
// when a new version is offered. The offer said that reloading keeps all
// the work, and Reload now reloaded at once: the import stopped halfway,
// with no report of what it had added or where it stopped, and closing
// the tab did not ask. Now the offer says an import is running, its
// reload waits for the import's end (it says so, and does not reload),
// and closing the tab asks first; once the import has ended, neither.
func TestUpdateOfferWaitsForTheImport(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	showLibrary(t, b)
	const n = 1200
	dir := t.TempDir()
	paths := make([]string, n)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("page-%04d.html", i+1))
		page := fmt.Sprintf("<html><head><title>Page %04d</title></head><body><h1>Page %04d</h1>%s</body></html>",
			i+1, i+1, strings.Repeat(fmt.Sprintf("<p>The council said on day %d that the budget would hold.</p>", i+1), 20))
		if err := os.WriteFile(paths[i], []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	offerUpdate(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), paths))
	waitFor(t, b, `document.querySelector("#import-progress") !== null && document.querySelector("#import-progress span").textContent.includes("adding them")`)

	waitFor(t, b, `document.querySelector("#update") !== null`)
	if banner := text(t, b, "#update"); strings.Contains(banner, "keeps all your work") || !strings.Contains(banner, "import") {
		t.Errorf("with an import running, the offer says %q", banner)
	}
	if !asksBeforeClose(t, b) {
		t.Error("closing the tab with an import running does not ask first")
	}
	// Pressed, Reload now says why it waits, and the import goes on; the
	// next Cancel is the user's, not a reload's.
	evalJS[bool](t, b, `(window.__notReloaded = true)`)
	b.run(chromedp.Click(chromedp.ID("update-reload")))
	if !tryWait(b, `window.__notReloaded !== true || document.querySelector("#notice").textContent.includes("import is running")`) {
		t.Fatalf("Reload now, with an import running, says %q", text(t, b, "#notice"))
	}
	if reloaded, err := tryEvalJS[bool](b, `window.__notReloaded !== true`); err != nil || reloaded {
		t.Fatal("Reload now reloaded in the middle of the import")
	}
	if evalJS[bool](t, b, `document.querySelector("#import-progress") === null`) {
		t.Fatal("the import ended before the test could cancel it: give it more files")
	}
	// Cancelled, the import reports where it stopped; the offer then keeps
	// its word again.
	b.run(chromedp.Click(chromedp.ID("import-cancel")))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	if !strings.Contains(text(t, b, "#import-report p"), "It stopped after") {
		t.Errorf("the cancelled import reports %q", text(t, b, "#import-report p"))
	}
	waitFor(t, b, `document.querySelector("#update").textContent.includes("keeps all your work")`)
	waitSaved(t, b)
	if asksBeforeClose(t, b) {
		t.Error("once the import has ended, closing the tab asks first")
	}
}

// TestUpdateOfferWithAFieldBeingTyped: an annotator is typing a note
// when a new version is offered, and presses Reload now. Leaving the
// field gives its change, on its way to the store as the button takes
// the press: Reload now said “A change is still being saved; reload once
// the toolbar says Saved” and did not reload, for the annotator to watch
// the toolbar and press again. It reloads once the change is written,
// asking nothing, and the note is there.
func TestUpdateOfferWithAFieldBeingTyped(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	offerUpdate(t, b)
	typeInField(t, b, "edit-note", "Check the date of this")
	reloaded, asked := reloadFromOffer(t, b)
	if !reloaded {
		t.Fatalf("Reload now did not reload: the app says %q", text(t, b, "#notice"))
	}
	if asked {
		t.Error("Reload now, with the note's change written, asked before reloading")
	}
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	if got := text(t, b, "#entries"); !strings.Contains(got, "Check the date of this") {
		t.Errorf("after Reload now with a note typed, the list reads %q (the app says %q)", got, text(t, b, "#notice"))
	}
}

// TestUpdateOfferWaitsNotForAFailedWrite: with the storage full, a change
// could not be written; Reload now, which waits for a change on its way,
// does not wait for this one, nor reload over it: it says what reloading
// would lose, as the offer does.
func TestUpdateOfferWaitsNotForAFailedWrite(t *testing.T) {
	b, _, _ := fullStorage(t, 10)
	offerUpdate(t, b)
	if banner := text(t, b, "#update"); !strings.Contains(banner, "could not be saved") {
		t.Errorf("with a change not written, the offer says %q", banner)
	}
	if reloaded, _ := reloadFromOffer(t, b); reloaded {
		t.Fatal("Reload now reloaded over a change the storage did not take")
	}
	if msg := text(t, b, "#notice"); !strings.Contains(msg, "could not be saved") || strings.Contains(msg, "once your last change is saved") {
		t.Errorf("Reload now, with a change not written, says %q", msg)
	}
}

// TestUpdateOfferSaysAnotherTabWaits: with the document open read-only in
// a second tab (waiting for the first tab's lock), the first tab's offer
// of a new version said that reloading keeps all the work, and the
// reloaded tab came back read-only, the second tab having taken the
// document meanwhile. The offer says so first; once the second tab is
// closed, it no longer does.
func TestUpdateOfferSaysAnotherTabWaits(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	waitForPromise(t, tab, documentWaits(1))
	offerUpdate(t, b)
	waitFor(t, b, `document.querySelector("#update").textContent.includes("Another tab is waiting to edit this document")`)

	// That tab gone, the offer, looked at again when this tab is shown,
	// no longer says it.
	if err := chromedp.Cancel(tab.ctx); err != nil {
		t.Fatalf("closing the second tab: %v", err)
	}
	waitForPromise(t, b, documentWaits(0))
	evalJS[bool](t, b, `(document.dispatchEvent(new Event("visibilitychange")), true)`)
	waitFor(t, b, `!document.querySelector("#update").textContent.includes("Another tab")`)
	if got := text(t, b, "#update"); !strings.Contains(got, "Reloading keeps all your work.") {
		t.Errorf("with no other tab the offer says %q", got)
	}
}
