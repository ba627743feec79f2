//go:build !wasm

package e2e

import (
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/wasm/server"
)

// TestAppOfflineAfterFailedInstall: the network fails once while the
// service worker caches the app on the first visit (one file of the many
// it fetches, as on a train going into a tunnel). The next visit, online,
// must install the app again, so that the visit after it starts offline.
// With go-app's worker, which does not hold its install event open while
// it caches, the failed worker was activated all the same, with an empty
// cache, and never installed again (its script had not changed): the app
// never started offline, and said nothing.
func TestAppOfflineAfterFailedInstall(t *testing.T) {
	site, err := server.Load(builtWebDir(t), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var failed atomic.Bool
	srv := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The worker's own fetch of the page (not the page's navigation)
		// fails, the first time.
		if r.URL.Path == "/" && r.Header.Get("Sec-Fetch-Mode") != "navigate" && failed.CompareAndSwap(false, true) {
			http.Error(w, "the network dropped", http.StatusServiceUnavailable)
			return
		}
		site.ServeHTTP(w, r)
	}))
	b := newBrowser(t)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	for deadline := time.Now().Add(browserTimeout); !failed.Load(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the service worker never fetched the page to cache it")
		}
	}
	// The failed install has ended one way or the other.
	waitForPromise(t, b, `navigator.serviceWorker.getRegistration().then(r => !r || !r.installing)`)

	// The next visit, online.
	b.run(chromedp.Reload())
	waitStarted(t, b)
	cache := jsString("app-" + site.Version())
	waitForPromise(t, b, fmt.Sprintf(`navigator.serviceWorker.ready.then(() => caches.open(%s)).then(c => Promise.all(["/", "/web/app.wasm"].map(u => c.match(u)))).then(rs => rs.every(r => !!r))`, cache))

	// A first install is no update to offer.
	waitFor(t, b, `!!navigator.serviceWorker.controller`)
	if evalJS[bool](t, b, `performance.getEntriesByName("annotator:update-ready").length > 0`) {
		t.Error("the first install of the app offers an update")
	}

	// The visit after, offline.
	srv.Close()
	b.run(chromedp.Reload())
	waitFor(t, b, `document.querySelector("article.doc") !== null && !!window.annotator && performance.getEntriesByName("annotator:opened").length > 0`)
}
