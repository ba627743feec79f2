//go:build !wasm

package e2e

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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

// TestStaticBuildUpdateOnACachingHost: a static build deployed where the
// host chooses the caching (GitHub Pages, the README's own example for
// BASE, sends every file with "Cache-Control: max-age=600" and reads no
// _headers; a plain server sends only Last-Modified, which browsers turn
// into a heuristic freshness of a tenth of the file's age). A second build
// is deployed into the same folder and the page reloaded: the new service
// worker installs and takes over, so its cache must hold the new build's
// files, not the previous build's taken from the browser's HTTP cache
// (which would then be served, offline and online, until the next build).
func TestStaticBuildUpdateOnACachingHost(t *testing.T) {
	web := builtWebDir(t)
	for _, host := range []struct {
		name         string
		cacheControl string        // what the host sends, "" for nothing
		age          time.Duration // how old the first build's files are when first fetched
	}{
		{"max-age=600 as GitHub Pages", "max-age=600", 0},
		{"Last-Modified only", "", 10 * 24 * time.Hour},
	} {
		t.Run(host.name, func(t *testing.T) {
			// Build B differs from build A in app.css alone.
			webB := t.TempDir()
			entries, err := os.ReadDir(web)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if !e.Type().IsRegular() {
					continue
				}
				data, err := os.ReadFile(filepath.Join(web, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				if e.Name() == "app.css" {
					data = append(data, "\n/* build B */\n"...)
				}
				if err := os.WriteFile(filepath.Join(webB, e.Name()), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			siteA, err := server.Load(web, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			siteB, err := server.Load(webB, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "docs")
			if err := siteA.WriteStatic(out, "/annotator"); err != nil {
				t.Fatal(err)
			}
			if host.age > 0 {
				then := time.Now().Add(-host.age)
				filepath.Walk(out, func(p string, _ os.FileInfo, err error) error {
					if err == nil {
						os.Chtimes(p, then, then)
					}
					return nil
				})
			}
			files := http.StripPrefix("/annotator", http.FileServer(http.Dir(out)))
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Security-Policy", server.ContentSecurityPolicy)
				if host.cacheControl != "" {
					w.Header().Set("Cache-Control", host.cacheControl)
				}
				if strings.HasPrefix(r.URL.Path, "/annotator/") {
					files.ServeHTTP(w, r)
					return
				}
				http.NotFound(w, r)
			}))
			t.Cleanup(srv.Close)

			cacheOf := func() string {
				t.Helper()
				w, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
				if err != nil {
					t.Fatal(err)
				}
				m := regexp.MustCompile(`const cacheName = "app-" \+ "([0-9a-f]{8}-[0-9a-f]{16})"`).FindSubmatch(w)
				if m == nil {
					t.Fatal("no cache name in app-worker.js")
				}
				return "app-" + string(m[1])
			}
			cacheA := cacheOf()

			b := newBrowser(t)
			b.run(chromedp.Navigate(srv.URL + "/annotator/"))
			waitFor(t, b, `document.querySelector("article.doc") !== null && !!window.annotator && performance.getEntriesByName("annotator:opened").length > 0`)
			evalJS[bool](t, b, `navigator.serviceWorker.ready.then(() => true)`)
			waitFor(t, b, `navigator.serviceWorker.controller !== null`)
			waitKeys := func(want string) {
				t.Helper()
				keys := evalJS[[]string](t, b, `caches.keys()`)
				for deadline := time.Now().Add(browserTimeout); !slices.Contains(keys, want) || len(keys) != 1; keys = evalJS[[]string](t, b, `caches.keys()`) {
					if time.Now().After(deadline) {
						t.Fatalf("caches %q, want %q alone", keys, want)
					}
					time.Sleep(50 * time.Millisecond)
				}
			}
			waitKeys(cacheA)

			// The team deploys build B into the same folder.
			hashA := map[string]string{}
			filepath.Walk(out, func(p string, fi os.FileInfo, err error) error {
				if err == nil && fi.Mode().IsRegular() {
					data, _ := os.ReadFile(p)
					sum := sha256.Sum256(data)
					rel, _ := filepath.Rel(out, p)
					hashA[filepath.ToSlash(rel)] = hex.EncodeToString(sum[:])
				}
				return nil
			})
			if err := siteB.WriteStatic(out, "/annotator"); err != nil {
				t.Fatal(err)
			}
			cacheB := cacheOf()
			if cacheB == cacheA {
				t.Fatal("the two builds have one cache name")
			}
			b.run(chromedp.Reload())
			evalJS[bool](t, b, `navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)`)
			waitKeys(cacheB)

			// Every file the new worker cached is the new build's.
			w, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
			if err != nil {
				t.Fatal(err)
			}
			m := regexp.MustCompile(`const resourcesToCache = (\[[^\]]*\]);`).FindSubmatch(w)
			var urls []string
			if m == nil || json.Unmarshal(m[1], &urls) != nil {
				t.Fatal("no resourcesToCache in app-worker.js")
			}
			for _, u := range urls {
				name := strings.TrimPrefix(u, "/annotator/")
				if name == "" || name == "app-worker.js" || strings.HasSuffix(name, ".html") {
					continue // the page: go-app writes its attributes in a new order each time
				}
				want, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
				if err != nil {
					t.Fatal(err)
				}
				sum := sha256.Sum256(want)
				got := evalJS[string](t, b, `caches.open(`+jsString(cacheB)+`).then(c => c.match(`+jsString(u)+`)).then(r => r ? r.arrayBuffer() : null)`+
					`.then(a => a ? crypto.subtle.digest("SHA-256", a).then(d => Array.from(new Uint8Array(d), x => x.toString(16).padStart(2, "0")).join("")) : "not cached")`)
				if got != hex.EncodeToString(sum[:]) {
					t.Errorf("%s: the new worker's cache %s holds sha256 %.12s, not the deployed build B's %.12s (build A's was %.12s)",
						u, cacheB, got, hex.EncodeToString(sum[:]), hashA[name])
				}
			}
		})
	}
}
