//go:build !wasm

package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestAppOfflineAtIndexHTML: a bookmark of the app's index.html
// (which the app now routes, README: static hosts) opens the app offline
// as its folder's address does.
func TestAppOfflineAtIndexHTML(t *testing.T) {
	b, srv := openApp(t)
	evalJS[bool](t, b, `navigator.serviceWorker.ready.then(() => true)`)
	srv.Close() // no network from here on
	b.run(chromedp.Navigate(srv.URL + "/index.html"))
	waitFor(t, b, `document.querySelector("article.doc") !== null && !!window.annotator && performance.getEntriesByName("annotator:opened").length > 0`)
}

// TestBackToTheAppAfterAnotherTabEditedIt: the editing tab goes to
// another address (its page kept in the back-forward cache lets the
// document's lock go); a second tab, editable now, tags; it leaves; Back
// in the first tab shows the document as stored, with the second tab's
// tag, and a change made there keeps both.
func TestBackToTheAppAfterAnotherTabEditedIt(t *testing.T) {
	srv := appServer(t)
	b := newBrowser(t)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	waitFor(t, tab, `document.querySelector("#save-state").dataset.state === "read-only"`)

	b.run(chromedp.Navigate(srv.URL + "/web/icon.svg")) // the first tab goes elsewhere
	waitFor(t, tab, `document.querySelector("#save-state").dataset.state === "saved"`)
	tagPhrase(t, tab, "yes we can", "q")
	waitSaved(t, tab)
	tab.run(chromedp.Navigate("about:blank"))

	historyGo(t, b, -1)
	waitFor(t, b, appReadyCond)
	time.Sleep(2 * time.Second)
	n := evalJS[int](t, b, `document.querySelectorAll("#entries > li").length`)
	state := evalJS[string](t, b, `document.querySelector("#save-state").dataset.state`)
	t.Logf("back: %d entries, state %q, notice %q", n, state, text(t, b, "#notice"))
	if n != 2 {
		t.Errorf("back in the first tab, the document shows %d annotations, want the 2 stored (the other tab's tag included)", n)
	}
}
