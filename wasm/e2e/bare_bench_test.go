//go:build !wasm

package e2e

// This file keeps one rule: the annotator's load is measured against a
// bare go-app app (testdata/bareapp) built and served the same way in the
// same run, alternating between the two, so that the ratio says what the
// annotator costs over go-app itself.
//
// What is the same for both: the Go toolchain, the build flags
// (GOOS=js GOARCH=wasm -trimpath -ldflags='-s -w'), the server (package
// server's Site: the same page, pre-rendered from the annotator's routes,
// the same app.js with the annotator's loader, go-app's service worker,
// the same assets, app.css, the scripts and the icons included), and
// app.wasm served as brotli quality 11, the quality `annotator serve` and
// `annotator build` ship. Only app.wasm differs. So the ratio is the cost of
// the annotator's Go code (download, compile, initialisation and first
// render), not of its JavaScript and CSS, which a real bare app would not
// load: the bare app's figures are go-app's floor under this page, not
// those of an empty go-app site.
//
// "Start" is the same for both: from the navigation's start to the
// animation frame that paints the app's first meaningful content (the
// annotator: the sample article's text; the bare app: its heading), seen by
// a script the benchmark adds to every page (a MutationObserver, then
// requestAnimationFrame). For the annotator the mark "annotator:opened",
// BenchmarkBrowserLoad's figure (article opened and its highlights
// painted, before that frame), is reported beside it.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/internal/testcorpus"
	"github.com/newsannotator/annotator/internal/testweb"
	"github.com/newsannotator/annotator/wasm/server"
)

// bareHeading is the heading of testdata/bareapp (its BareHeading).
const bareHeading = "A bare go-app app"

// loadedApp is one of the two apps the comparison serves.
type loadedApp struct {
	name  string // "" for the annotator, "bare"
	dir   string // its web directory
	shown string // JavaScript: true once its first meaningful content is in the page
	srv   *httptest.Server
}

var (
	bareOnce  sync.Once
	bareDirs  []string // the web directories of the comparison, removed by TestMain
	bareApps  [2]string
	bareErr   error
	bareBuild = []string{"build", "-trimpath", "-ldflags=-s -w"} // as builtWebDir builds the annotator
)

// comparisonWebDirs returns two web directories, the annotator's and the
// bare app's, each with the repository's assets, its app.wasm and that
// app.wasm compressed with brotli quality 11 beside it (made once per run:
// about a minute for the annotator). They are not builtWebDir itself, whose
// test servers serve quality 9.
func comparisonWebDirs(b *testing.B) (ours, bare string) {
	b.Helper()
	ourWasm := filepath.Join(builtWebDir(b), "app.wasm")
	bareOnce.Do(func() {
		root := testcorpus.Root(b)
		for i := range bareApps {
			dir, err := os.MkdirTemp("", "annotator-bench-web-")
			if err != nil {
				bareErr = err
				return
			}
			bareDirs = append(bareDirs, dir)
			if err := testweb.CopyAssets(root, dir); err != nil {
				bareErr = err
				return
			}
			bareApps[i] = dir
		}
		data, err := os.ReadFile(ourWasm)
		if err == nil {
			err = os.WriteFile(filepath.Join(bareApps[0], "app.wasm"), data, 0o644)
		}
		if err != nil {
			bareErr = err
			return
		}
		// The bare app is built against go-app as released, not against
		// the patched copy the annotator uses (third_party/go-app): the
		// same go.mod without that replace, as a -modfile beside a copy
		// of go.sum, which keeps upstream's checksums.
		modDir, err := os.MkdirTemp("", "annotator-bench-mod-")
		if err != nil {
			bareErr = err
			return
		}
		bareDirs = append(bareDirs, modDir)
		modfile, err := upstreamGoAppModfile(root, modDir)
		if err != nil {
			bareErr = err
			return
		}
		cmd := exec.Command("go", append(bareBuild, "-modfile", modfile, "-o", filepath.Join(bareApps[1], "app.wasm"), "./wasm/e2e/testdata/bareapp")...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			bareErr = fmt.Errorf("building the bare app: %v\n%s", err, out)
			return
		}
		bareErr = compressBest(bareApps[:]...)
	})
	if bareErr != nil {
		b.Fatal(bareErr)
	}
	return bareApps[0], bareApps[1]
}

// compressBest writes beside the app.wasm of each web directory in dirs
// its brotli quality 11, at the same time (two cores).
func compressBest(dirs ...string) error {
	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, len(dirs))
	for i, dir := range dirs {
		wg.Go(func() {
			site, err := server.Load(dir, io.Discard)
			if err == nil {
				err = site.BestCompression(io.Discard)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "compressed %d app.wasm with brotli quality 11 in %v\n", len(dirs), time.Since(start).Round(time.Second))
	return nil
}

// upstreamGoAppModfile writes into dir a copy of the repository's go.mod
// without its replace of go-app, and of go.sum beside it, and returns the
// go.mod's path, for `go build -modfile`.
func upstreamGoAppModfile(root, dir string) (string, error) {
	modfile := filepath.Join(dir, "upstream-go-app.mod")
	for _, f := range [][2]string{{"go.mod", modfile}, {"go.sum", strings.TrimSuffix(modfile, ".mod") + ".sum"}} {
		data, err := os.ReadFile(filepath.Join(root, f[0]))
		if err == nil {
			err = os.WriteFile(f[1], data, 0o644)
		}
		if err != nil {
			return "", err
		}
	}
	cmd := exec.Command("go", "mod", "edit", "-modfile", modfile, "-dropreplace", "github.com/maxence-charriere/go-app/v10")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go.mod without go-app's replace: %v\n%s", err, out)
	}
	return modfile, nil
}

// serveComparison serves the web directory dir as `annotator serve` does,
// and checks that app.wasm goes out as brotli quality 11; it returns the
// server and the size of app.wasm as served.
func serveComparison(b *testing.B, dir string) (*httptest.Server, int64) {
	b.Helper()
	site, err := server.Load(dir, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	srv := serveHandler(b, site)
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err != nil {
		b.Fatal(err)
	}
	if etag := res.Header.Get("ETag"); res.Header.Get("Content-Encoding") != "br" || !strings.HasSuffix(etag, `-br11"`) {
		b.Fatalf("%s: app.wasm is served as %q (ETag %s), not brotli quality 11", dir, res.Header.Get("Content-Encoding"), etag)
	}
	return srv, n
}

// shownProbe is the script added to every page: once shown (a JavaScript
// expression) is true, it records in window.__shown the time, from the
// navigation's start, of the animation frame that paints it.
func shownProbe(shown string) string {
	return `(() => {
		const shown = () => { try { return !!(` + shown + `); } catch { return false; } };
		const stamp = () => {
			if (window.__shown !== undefined || !shown()) return window.__shown !== undefined;
			window.__shown = null;
			requestAnimationFrame(() => { window.__shown = performance.now(); });
			return true;
		};
		if (stamp()) return;
		const mo = new MutationObserver(() => { if (stamp()) mo.disconnect(); });
		mo.observe(document, {childList: true, subtree: true, characterData: true});
	})()`
}

// startBrowser starts a browser on profile with a's probe added to every
// page.
func (a *loadedApp) startBrowser(b *testing.B, profile string) *browser {
	b.Helper()
	br := newBrowserWithProfile(b, profile)
	br.run(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: shownProbe(a.shown)})
		return err
	}))
	return br
}

// shownAt waits until a's content is painted and returns when, in ms from
// the navigation's start, and when its main ran (the mark "annotator:main",
// which the bare app makes too: everything before it is the browser's and
// the binary's, the page, app.wasm, its compilation or code cache and its
// packages' initialisation; everything after, the app's own start); for
// the annotator also its "annotator:opened".
func (a *loadedApp) shownAt(b *testing.B, br *browser) (shown, main, opened float64) {
	b.Helper()
	waitFor(b, br, `typeof window.__shown === "number" && performance.getEntriesByName("annotator:main").length > 0`)
	shown = evalJS[float64](b, br, `window.__shown`)
	main = evalJS[float64](b, br, `performance.getEntriesByName("annotator:main")[0].startTime`)
	if a.name == "" {
		waitFor(b, br, `performance.getEntriesByName("annotator:opened").length > 0`)
		opened = evalJS[float64](b, br, `performance.getEntriesByName("annotator:opened")[0].startTime`)
	}
	return shown, main, opened
}

// loadTimes are one app's samples, in ms: each kind of start to its first
// content painted, to its main, and (the annotator) to its article opened.
type loadTimes struct {
	cold, reload, restarted                   []float64
	coldMain, reloadMain, restartedMain       []float64
	coldOpened, reloadOpened, restartedOpened []float64
}

// measure runs BenchmarkBrowserLoad's sequence on a: a cold start in a
// fresh profile, a reload (the service worker serves the app), then two
// starts of a browser on the same profile, the second of which counts
// (Chromium may have the compiled code by then).
func (a *loadedApp) measure(b *testing.B, t *loadTimes) {
	b.Helper()
	profile := b.TempDir()
	br := a.startBrowser(b, profile)
	br.run(chromedp.Navigate(a.srv.URL + "/"))
	s, m, o := a.shownAt(b, br)
	t.cold, t.coldMain, t.coldOpened = append(t.cold, s), append(t.coldMain, m), append(t.coldOpened, o)
	evalJS[bool](b, br, `navigator.serviceWorker.ready.then(() => true)`)
	br.run(chromedp.Reload())
	s, m, o = a.shownAt(b, br)
	t.reload, t.reloadMain, t.reloadOpened = append(t.reload, s), append(t.reloadMain, m), append(t.reloadOpened, o)
	// Chromium keeps compiled code a moment after compiling it.
	evalJS[bool](b, br, `new Promise(r => setTimeout(() => r(true), 1500))`)
	br.close(b)
	for again := range 2 {
		br = a.startBrowser(b, profile)
		br.run(chromedp.Navigate(a.srv.URL + "/"))
		s, m, o = a.shownAt(b, br)
		if again == 1 {
			t.restarted, t.restartedMain, t.restartedOpened = append(t.restarted, s), append(t.restartedMain, m), append(t.restartedOpened, o)
		}
		evalJS[bool](b, br, `new Promise(r => setTimeout(() => r(true), 1500))`)
		br.close(b)
	}
}

// BenchmarkBrowserLoadVsBare measures, in one run, the annotator and a
// bare go-app app side by side: app.wasm's size (raw, and brotli quality
// 11 as served), and the start (to the first meaningful content painted)
// cold, after a reload and in a browser started again, alternating which
// app goes first. It reports each figure for both and the ratio
// annotator/bare of the medians (x-...-vs-bare; the goal is at most 1.25).
func BenchmarkBrowserLoadVsBare(b *testing.B) {
	ourDir, bareDir := comparisonWebDirs(b)
	ours := &loadedApp{dir: ourDir, shown: `document.querySelector("article.doc").textContent.trim() !== ""`}
	bare := &loadedApp{name: "bare", dir: bareDir, shown: `document.querySelector("h1").textContent === ` + jsString(bareHeading)}
	var ourBr, bareBr int64
	ours.srv, ourBr = serveComparison(b, ourDir)
	bare.srv, bareBr = serveComparison(b, bareDir)
	ourT, _ := startSideBySide(b, ours, bare, "", "-bare", "-vs-bare")
	reportLatencies(b, ourT.coldOpened, "cold-opened")
	reportLatencies(b, ourT.reloadOpened, "reload-opened")
	reportLatencies(b, ourT.restartedOpened, "restarted-opened")
	ourRaw, bareRaw := fileSize(b, filepath.Join(ourDir, "app.wasm")), fileSize(b, filepath.Join(bareDir, "app.wasm"))
	b.ReportMetric(float64(ourRaw)/1e6, "MB-wasm-raw")
	b.ReportMetric(float64(bareRaw)/1e6, "MB-wasm-raw-bare")
	reportRatio(b, float64(ourRaw), float64(bareRaw), "x-raw-vs-bare")
	b.ReportMetric(float64(ourBr)/1e6, "MB-wasm-br11")
	b.ReportMetric(float64(bareBr)/1e6, "MB-wasm-br11-bare")
	reportRatio(b, float64(ourBr), float64(bareBr), "x-br11-vs-bare")
}

// startSideBySide starts x and y b.N times each (measure), alternating
// which goes first, and reports for each kind of start both apps' times to
// their content painted and to main (the names suffixed with xName and
// yName) and the ratio x/y of the painted medians (x-KIND+ratio). It
// returns both apps' samples.
func startSideBySide(b *testing.B, x, y *loadedApp, xName, yName, ratio string) (xT, yT loadTimes) {
	alternate(b, x, y, &xT, &yT, func(a *loadedApp, t *loadTimes) { a.measure(b, t) })
	b.StopTimer()
	for _, p := range []struct {
		name string
		x, y []float64
	}{{"cold", xT.cold, yT.cold}, {"reload", xT.reload, yT.reload}, {"restarted", xT.restarted, yT.restarted}} {
		reportLatencies(b, p.x, p.name+xName)
		reportLatencies(b, p.y, p.name+yName)
		reportRatio(b, median(p.x), median(p.y), "x-"+p.name+ratio)
	}
	reportMains(b, xT, yT, xName, yName)
	return xT, yT
}

// alternate runs measure on x and on y b.N times each, with their own
// samples, alternating which goes first, so that a machine slower for a
// while weighs on both alike.
func alternate[T any](b *testing.B, x, y *loadedApp, xT, yT *T, measure func(a *loadedApp, t *T)) {
	for i := 0; i < b.N; i++ {
		first, second, firstT, secondT := x, y, xT, yT
		if i%2 == 1 {
			first, second, firstT, secondT = y, x, yT, xT
		}
		measure(first, firstT)
		measure(second, secondT)
	}
}

// reportMains reports, for two apps' samples, each kind of start's time to
// main (suffixed with a's and b's names) and the median time from main to
// the first content painted (the app's own start, with its first paint).
func reportMains(b *testing.B, x, y loadTimes, xName, yName string) {
	for _, p := range []struct {
		name        string
		main, shown [2][]float64
	}{
		{"cold", [2][]float64{x.coldMain, y.coldMain}, [2][]float64{x.cold, y.cold}},
		{"reload", [2][]float64{x.reloadMain, y.reloadMain}, [2][]float64{x.reload, y.reload}},
		{"restarted", [2][]float64{x.restartedMain, y.restartedMain}, [2][]float64{x.restarted, y.restarted}},
	} {
		for i, name := range []string{xName, yName} {
			reportLatencies(b, p.main[i], p.name+"-main"+name)
			if len(p.main[i]) > 0 {
				b.ReportMetric(median(p.shown[i])-median(p.main[i]), "ms-"+p.name+"-main-to-shown"+name+"-p50")
				// The median of each start's own part: on a loaded machine
				// the time to main moves by a hundred milliseconds from one
				// start to the next, and the difference of the two medians
				// above moves with it.
				own := make([]float64, len(p.main[i]))
				for j := range own {
					own[j] = p.shown[i][j] - p.main[i][j]
				}
				reportLatencies(b, own, p.name+"-own"+name)
			}
		}
	}
}

// median returns the middle of samples (the p50 of reportLatencies), or 0.
func median(samples []float64) float64 {
	if len(samples) == 0 {
		return 0
	}
	s := slices.Clone(samples)
	slices.Sort(s)
	return s[len(s)/2]
}

// reportRatio reports ours/bare, when both are known.
func reportRatio(b *testing.B, ours, bare float64, unit string) {
	if ours > 0 && bare > 0 {
		b.ReportMetric(ours/bare, unit)
	}
}

func fileSize(b *testing.B, name string) int64 {
	b.Helper()
	st, err := os.Stat(name)
	if err != nil {
		b.Fatal(err)
	}
	return st.Size()
}
