package e2e

// Tests of the loader the server puts in go-app's app.js
// (wasm/server/loader.go): that Chromium takes app.wasm's compiled code
// from its cache on a warm start, and that the progress line still counts.

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
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

// TestAppCompiledCodeCached starts the app again and again in a browser on
// one profile, closing the browser in between, as a user opening it day
// after day: the first start compiles app.wasm from the network, the
// second from the service worker's cache (and Chromium keeps that code, a
// moment after compiling it in full), and a later start must take the
// compiled code from Chromium's code cache: the third, unless the machine
// was too slow for Chromium to keep it in time, so the test allows four.
// Each start's loading line must count the download. With go-app's own
// loader (a Response without a URL), the trace shows no compiled module
// kept at all, and the test fails.
//
// V8 keeps a module only once it holds optimised code, and optimises a
// function only once it has run enough (--wasm-tiering-budget, 13,000,000
// by default). The app's start used to pass that budget in the JSON Schema
// library's package initialisation; without that library, no function of
// a plain start runs that much, and Chromium keeps the code only once the
// user has worked in the app for a while. The test lowers the budget
// tenfold, so that the functions a start runs most are optimised, as a
// day's work would have them: what it checks is that the loader lets
// Chromium keep the code and take it back, not how much a start runs.
// Since bluemonday and its CSS packages compile their regular expressions
// on first use (third_party/), a start runs less again, and V8 keeps a
// module only once no new optimised code has come for
// --wasm-caching-timeout-ms (2 s by default): on a loaded machine the
// module was then not kept in time on two test runs of three. The test
// sets that wait to 0, so that V8 keeps the module as soon as it holds
// optimised code. With go-app's own loader the test still fails.
func TestAppCompiledCodeCached(t *testing.T) {
	srv := appServer(t)
	profile := t.TempDir()
	for start := 1; start <= 4; start++ {
		b := newBrowser(t, chromedp.UserDataDir(profile), chromedp.Flag("js-flags", "--wasm-tiering-budget=1300000 --wasm-caching-timeout-ms=0"))
		b.expectNoConsoleErrors()
		b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: progressProbe})
			return err
		}))
		stop := startTrace(t, b, "disabled-by-default-devtools.timeline")
		openAppAt(t, b, srv.URL+"/")
		waitStarted(t, b)
		// The line counts up as app.wasm arrives; the app may start (and
		// the line go) before its last figure is drawn.
		texts := evalJS[[]string](t, b, `__progress`)
		if progress := loadingFigures(texts); len(progress) < 2 || !slices.IsSorted(progress) || progress[0] < 0 || progress[len(progress)-1] <= 0 {
			t.Errorf("start %d: the loading line's figures were %v (its texts %q), want them counting up from 0", start, progress, texts)
		}
		// Chromium keeps the compiled code once the module is compiled
		// in full, a moment after the start.
		waitFor(t, b, `new Promise(r => setTimeout(() => r(true), 3000))`)
		var hit, kept bool
		for _, e := range stop() {
			var args struct {
				URL string `json:"url"`
			}
			json.Unmarshal(e.Args, &args)
			switch e.Name {
			case "v8.wasm.moduleCacheHit":
				hit = hit || strings.HasSuffix(args.URL, "/web/app.wasm")
			case "v8.wasm.cachedModule":
				kept = true
			}
		}
		t.Logf("start %d: compiled code taken from the cache: %v; kept in it: %v", start, hit, kept)
		b.close(t)
		if hit {
			return
		}
	}
	t.Error("four starts compiled app.wasm every time: Chromium's code cache was not used")
}

// loadingFigures reads the percentages of the loading line's texts, -1
// for a text without one. A text that the next one continues is left out:
// a run on a loaded machine read [-1 0 1 4 …], a first text without a
// figure before the page's label of 0 %, most likely the parser's first
// piece of that label, which it may give in two.
func loadingFigures(texts []string) []int {
	var figures []int
	for i, s := range texts {
		if i+1 < len(texts) && strings.HasPrefix(texts[i+1], s) {
			continue
		}
		n := -1
		if m := percentRE.FindStringSubmatch(s); m != nil {
			n, _ = strconv.Atoi(m[1])
		}
		figures = append(figures, n)
	}
	return figures
}

var percentRE = regexp.MustCompile(`(\d+)%`)

func TestLoadingFigures(t *testing.T) {
	for _, c := range []struct {
		texts []string
		want  []int
	}{
		{[]string{"Loading the annot", "Loading the annotator… 0%", "Loading the annotator… 10%"}, []int{0, 10}},
		{[]string{"Loading the annotator… 1%", "Loading the annotator… 10%"}, []int{1, 10}},
		{[]string{"Loading the annotator… 40%", "The annotator could not be loaded"}, []int{40, -1}},
		{nil, nil},
	} {
		if got := loadingFigures(c.texts); !slices.Equal(got, c.want) {
			t.Errorf("loadingFigures(%q) = %v, want %v", c.texts, got, c.want)
		}
	}
}
