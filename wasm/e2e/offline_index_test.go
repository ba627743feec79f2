//go:build !wasm

package e2e

import (
	"testing"

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
