//go:build !wasm

package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/wasm/server"
)

// TestStaticBuildAtItsIndexHTML: a static host (GitHub Pages, an S3
// site, nginx's default) serves a build's page at index.html as well as
// at its folder, and a bookmark or a link may name it
// (https://example.github.io/annotator/index.html). The app must start
// there as at /annotator/, on the same workspace.
func TestStaticBuildAtItsIndexHTML(t *testing.T) {
	out := staticBuildAt(t, "/annotator")
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	files := http.StripPrefix("/annotator", http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", server.ContentSecurityPolicy)
		switch {
		case r.URL.Path == "/annotator/index.html":
			// As GitHub Pages does: the file itself, no redirect
			// (net/http's file server redirects it to the folder).
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(index)
		case strings.HasPrefix(r.URL.Path, "/annotator/"):
			files.ServeHTTP(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	b := newBrowser(t)
	b.run(chromedp.Navigate(srv.URL + "/annotator/index.html"))
	deadline := time.Now().Add(browserTimeout)
	for !evalJS[bool](t, b, appReadyCond) {
		if time.Now().After(deadline) {
			t.Fatalf("at /annotator/index.html the page shows %q, not the app", evalJS[string](t, b, `document.body.innerText`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
