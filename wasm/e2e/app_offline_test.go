//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAppOffline loads the app once, then stops the server and reloads:
// the service worker must start the app from its cache, with the sample
// article, ready to tag.
func TestAppOffline(t *testing.T) {
	b, srv := openApp(t)
	evalJS[bool](t, b, `navigator.serviceWorker.ready.then(() => true)`)
	srv.Close() // no network from here on
	b.run(chromedp.Reload())
	waitFor(t, b, `document.querySelector("article.doc") !== null && !!window.annotator && performance.getEntriesByName("annotator:opened").length > 0`)
	selectPhrase(t, b, "pretty balanced", 0)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1 && CSS.highlights.get("label-claim").size === 1`)
}

// TestAppOfflineWithAQuery: offline, the app starts at its address with a
// query string too (a link shared with tracking words, a bookmark made of
// one), which the service worker's cache holds under "/" alone.
func TestAppOfflineWithAQuery(t *testing.T) {
	b, srv := openApp(t)
	evalJS[bool](t, b, `navigator.serviceWorker.ready.then(() => true)`)
	srv.Close() // no network from here on
	b.run(chromedp.Navigate(srv.URL + "/?utm_source=mail#top"))
	waitFor(t, b, `document.querySelector("article.doc") !== null && !!window.annotator && performance.getEntriesByName("annotator:opened").length > 0`)
	if got := evalJS[string](t, b, `location.search`); got != "?utm_source=mail" {
		t.Errorf("the app runs at %q, want the address asked for", got)
	}
}
