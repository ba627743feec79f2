//go:build !wasm

package e2e

// A test of what the loader the server puts in go-app's app.js
// (wasm/server/loader.go) says when app.wasm does not start.

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/wasm/server"
)

// failedProbe sets window.__failed once go-app's loader reports on the
// console that app.wasm did not start.
const failedProbe = `(() => {
	const error = console.error;
	console.error = (...args) => {
		if (String(args[0]).startsWith("loading wasm failed")) window.__failed = true;
		error.apply(console, args);
	};
})();`

// TestAppLoaderSaysWhyAppWasmFailed serves an app.wasm that cannot start
// the app, as a misconfigured host would: one that is missing (404), one
// sent with another media type, and one cut short. The loading line must
// end on why, and stay there: the loader counted the download on a copy
// of its body and went on writing "Loading the annotator… 100%" over the
// error once that copy was read, so the page looked as if it was loading
// forever; and a missing file said only "HTTP status code is not ok".
func TestAppLoaderSaysWhyAppWasmFailed(t *testing.T) {
	site, err := server.Load(builtWebDir(t), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	wasm, err := os.ReadFile(filepath.Join(builtWebDir(t), "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		serve func(w http.ResponseWriter)
		want  []string
	}{
		{"missing", func(w http.ResponseWriter) { http.Error(w, "404 page not found", http.StatusNotFound) },
			[]string{"app.wasm", "404", "Reload"}},
		{"another media type", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(wasm)
		}, []string{"Error", "MIME"}},
		{"cut short", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/wasm")
			w.Write(wasm[:len(wasm)/2])
		}, []string{"Error"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/web/app.wasm" {
					c.serve(w)
					return
				}
				site.ServeHTTP(w, r)
			}))
			b := newBrowser(t)
			b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: progressProbe + failedProbe})
				return err
			}))
			b.runIn(t, chromedp.Navigate(srv.URL+"/"))
			// go-app's loader says "loading wasm failed" on the console as
			// it writes the error; then whatever the copy of the body still
			// had to count.
			waitFor(t, b, `window.__failed`)
			time.Sleep(1500 * time.Millisecond)
			lines := evalJS[[]string](t, b, `__progress`)
			last := lines[len(lines)-1]
			for _, w := range c.want {
				if !strings.Contains(last, w) {
					t.Errorf("the loading line ends on %q, which does not say %q (it said %q)", last, w, lines)
				}
			}
		})
	}
}
