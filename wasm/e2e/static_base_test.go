//go:build !wasm

package e2e

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/wasm/server"
)

// TestStaticBuildAtABase runs a static build made for a project's site
// (`annotator build -base /annotator`, as GitHub Pages serves
// example.github.io/annotator/) from a plain file server at that address:
// the app starts, keeps its work through a reload, and starts offline; and
// its service worker leaves the caches of the origin's other apps alone
// (another build of the annotator, another site), deleting only its own
// earlier one.
func TestStaticBuildAtABase(t *testing.T) {
	out := staticBuildAt(t, "/annotator")
	worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const cacheName = "app-" \+ "([0-9a-f]{8})-[0-9a-f]{16}"`).FindSubmatch(worker)
	if m == nil {
		t.Fatal("the build's app-worker.js names no cache of its address")
	}
	earlier := "app-" + string(m[1]) + "-0000000000000000" // this address's last build
	// A static host that sends the build's Content-Security-Policy, as
	// _headers asks (serveHandler's stricter one is for the server's
	// responses, which set their own).
	files := http.StripPrefix("/annotator", http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", server.ContentSecurityPolicy)
		if strings.HasPrefix(r.URL.Path, "/annotator/") {
			files.ServeHTTP(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)

	b := newBrowser(t)
	b.run(chromedp.Navigate(srv.URL + "/elsewhere"))
	kept := []string{"app-0123456789abcdef", "app-4c1d2e3f-0123456789abcdef", "another-site"}
	for _, name := range append(kept, earlier) {
		evalJS[bool](t, b, `caches.open(`+jsString(name)+`).then(() => true)`)
	}

	b.run(chromedp.Navigate(srv.URL + "/annotator/"))
	waitFor(t, b, `document.querySelector("article.doc") !== null && !!window.annotator && performance.getEntriesByName("annotator:opened").length > 0`)
	if got := text(t, b, "#doc-title"); got != sampleTitle {
		t.Errorf("the app at /annotator/ opened %q, not the sample", got)
	}
	evalJS[bool](t, b, `navigator.serviceWorker.ready.then(() => true)`)
	waitFor(t, b, `navigator.serviceWorker.controller !== null`)
	keys := evalJS[[]string](t, b, `caches.keys()`)
	for deadline := time.Now().Add(browserTimeout); slices.Contains(keys, earlier); keys = evalJS[[]string](t, b, `caches.keys()`) {
		if time.Now().After(deadline) {
			t.Fatalf("the service worker kept its address's earlier cache %q; caches: %q", earlier, keys)
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, name := range kept {
		if !slices.Contains(keys, name) {
			t.Errorf("the service worker deleted the cache %q of another app of the origin; caches: %q", name, keys)
		}
	}

	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)

	srv.Close() // no network from here on
	b.run(chromedp.Reload())
	waitFor(t, b, `performance.getEntriesByName("annotator:opened").length > 0 && document.querySelectorAll("#entries > li").length === 1`)
	if got := evalJS[string](t, b, `location.pathname`); got != "/annotator/" {
		t.Errorf("offline, the app runs at %q", got)
	}
}

// staticBuildAt writes the built app as a static site to be served at
// base (annotator build -base), in a folder of the test's, and returns the
// folder.
func staticBuildAt(t *testing.T, base string) string {
	t.Helper()
	site, err := server.Load(builtWebDir(t), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "docs")
	if err := site.WriteStatic(out, base); err != nil {
		t.Fatal(err)
	}
	return out
}
