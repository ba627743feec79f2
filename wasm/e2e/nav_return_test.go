//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestReturnToTheAppInTheSameTab: an annotator tags in the app, goes to
// another address in the same tab (the news site whose article they save
// next), and comes back by the app's address (a bookmark, typing it). The
// tab is the only one on the app: its document must open editable, as it
// was left, with its undo history, and nothing may say "another tab".
// The page left is kept in the browser's back-forward cache still holding
// the document's lock, so the app came back read-only, saying the document
// was open in another tab, then "The other tab closed this document".
func TestReturnToTheAppInTheSameTab(t *testing.T) {
	srv := appServer(t)
	b := newBrowser(t)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)

	b.run(chromedp.Navigate(srv.URL + "/web/icon.svg")) // elsewhere, in the same tab
	b.run(chromedp.Navigate(srv.URL + "/"))             // and back by the app's address
	waitStarted(t, b)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	time.Sleep(2 * time.Second) // the lock's answer, and what follows it
	if n := evalJS[int](t, b, `performance.getEntriesByName("annotator:read-only").length`); n > 0 {
		t.Errorf("the only tab on the app showed its document read-only (%d times)", n)
	}
	if got := text(t, b, "#notice"); strings.Contains(got, "other tab") {
		t.Errorf("the only tab on the app says %q", got)
	}
	// Its undo history is there: Ctrl+Z takes the tag back.
	b.run(chromedp.Click(chromedp.ID("article")))
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0`)
}

// TestBackToTheAppWhileAnotherTabHasTheDocument: the app's page, left for
// another address (and so kept in the back-forward cache), comes back with
// Forward after another tab opened its document: it shows the document
// read-only (the other tab holds it) until that tab leaves it, then
// editable, never both tabs editable at once.
func TestBackToTheAppWhileAnotherTabHasTheDocument(t *testing.T) {
	srv := appServer(t)
	b := newBrowser(t)
	b.run(chromedp.Navigate(srv.URL + "/web/icon.svg"))
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	historyGo(t, b, -1)
	waitFor(t, b, `location.pathname === "/web/icon.svg"`)
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	time.Sleep(time.Second)
	if got := evalJS[string](t, tab, `document.querySelector("#save-state").dataset.state`); got != "saved" {
		t.Errorf("the second tab, the only one showing the app, shows its document %q", got)
	}
	historyGo(t, b, +1)
	waitFor(t, b, appReadyCond+` && document.querySelector("#save-state").dataset.state === "read-only"`)
	tab.run(chromedp.Navigate("about:blank"))
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "saved"`)
}

// TestReadOnlyTabEditableWhenTheEditingTabGoesElsewhere: a second tab
// shows the document read-only while the first edits it; the first tab
// then goes to another address (the news site of the next article, typed
// in its address bar). The README: the second tab becomes editable when
// the first "leaves it with every change stored". It stayed read-only:
// the page left is kept in the back-forward cache, still holding the
// document's lock, and the browser evicts it only for a lock asked for
// after it went there, not for the wait already queued.
func TestReadOnlyTabEditableWhenTheEditingTabGoesElsewhere(t *testing.T) {
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
	deadline := time.Now().Add(5 * time.Second)
	for evalJS[string](t, tab, `document.querySelector("#save-state").dataset.state`) != "saved" {
		if time.Now().After(deadline) {
			t.Fatalf("5 s after the editing tab went to another address, the other tab still shows the document %q: %q",
				evalJS[string](t, tab, `document.querySelector("#save-state").dataset.state`), text(t, tab, "#notice"))
		}
		time.Sleep(50 * time.Millisecond)
	}
	tagPhrase(t, tab, "yes we can", "q")
	waitSaved(t, tab)
}

// historyGo moves the tab delta entries in its history, as the browser's
// Back (-1) and Forward (+1) buttons do, without waiting for a load (a page
// restored from the back-forward cache fires none).
func historyGo(t testing.TB, b *browser, delta int) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		res, err := chromedp.Call(ctx, page.GetNavigationHistory, cdp.Empty{})
		if err != nil {
			return err
		}
		i := int(res.CurrentIndex) + delta
		if i < 0 || i >= len(res.Entries) {
			return fmt.Errorf("no history entry %d (of %d)", i, len(res.Entries))
		}
		_, err = chromedp.Call(ctx, page.NavigateToHistoryEntry, page.NavigateToHistoryEntryParams{EntryID: res.Entries[i].ID})
		return err
	}))
}
