package e2e

// Tests of the loader the server puts in go-app's app.js
// (wasm/server/loader.go): that Chromium takes app.wasm's compiled code
// from its cache on a warm start, and that the progress line still counts.

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// progressProbe records, from before the page's scripts run, every text of
// go-app's loading line.
const progressProbe = `(() => {
	window.__progress = [];
	new MutationObserver(() => {
		const l = document.getElementById("app-wasm-loader-label");
		if (l && __progress[__progress.length - 1] !== l.textContent) __progress.push(l.textContent);
	}).observe(document, {subtree: true, childList: true, characterData: true});
})();`

// TestAppCompiledCodeCached starts the app three times in a browser on one
// profile, closing the browser in between, as a user opening it day after
// day: the first start compiles app.wasm from the network, the second
// from the service worker's cache (and Chromium keeps that code), and the
// third must take the compiled code from Chromium's code cache. With
// go-app's own loader (a Response without a URL), the trace shows no
// compiled module cached at all.
func TestAppCompiledCodeCached(t *testing.T) {
	srv := appServer(t)
	profile := t.TempDir()
	for start := 1; start <= 3; start++ {
		b := newBrowserWithProfile(t, profile)
		b.expectNoConsoleErrors()
		b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: progressProbe})
			return err
		}))
		stop := startTrace(t, b, "disabled-by-default-devtools.timeline")
		openAppAt(t, b, srv.URL+"/")
		waitStarted(t, b)
		if start < 3 {
			// Chromium writes the code to its cache once the module has
			// been compiled in full, a moment after the start.
			waitFor(t, b, `new Promise(r => setTimeout(() => r(true), 1500))`)
		}
		var hit, cached bool
		for _, e := range stop() {
			var args struct {
				URL string `json:"url"`
			}
			json.Unmarshal(e.Args, &args)
			switch e.Name {
			case "v8.wasm.moduleCacheHit":
				hit = hit || strings.HasSuffix(args.URL, "/web/app.wasm")
			case "v8.wasm.cachedModule":
				cached = true
			}
		}
		t.Logf("start %d: compiled code taken from the cache: %v; kept in it: %v", start, hit, cached)
		if start == 3 && !hit {
			t.Error("the third start compiled app.wasm again: Chromium's code cache was not used")
		}
		if start < 3 && !hit && !cached {
			t.Errorf("start %d neither took compiled code from the cache nor kept it there", start)
		}
		progress := evalJS[[]string](t, b, `__progress`)
		if len(progress) < 2 || !strings.Contains(progress[len(progress)-1], "100%") {
			t.Errorf("start %d: the loading line said %q, want it to count up to 100%%", start, progress)
		}
		b.close(t)
	}
}
