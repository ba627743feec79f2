//go:build !wasm

package e2e

// This file is the shared harness of the browser tests: it finds (or
// installs) Chromium, starts it headless under chromedp, records what the
// page reports (console messages, exceptions, CSP violations, JavaScript
// dialogs, network requests), and serves test pages under a strict
// Content-Security-Policy. Browser tests are required: without Chromium
// they fail; only -short skips them.
//
// What it offers:
//
//   - newBrowser(t): a fresh headless Chromium with one tab (about 0.4 s to
//     start), closed by t.Cleanup; b.ctx is its chromedp context.
//   - b.run(actions...) / b.runIn(t, actions...): chromedp actions with a
//     timeout, failing the test on an error.
//   - evalJS[T](t, b, expr) / tryEvalJS[T](b, expr): evaluate, await a
//     promise, decode the JSON value; jsCall(fn, args...) writes a call
//     with JSON arguments.
//   - b.consoleMessages(), b.consoleErrors(), b.expectNoConsoleErrors():
//     the console, exceptions and browser log (CSP violations are errors).
//   - b.jsDialogs(): every alert, confirm and prompt, all dismissed.
//   - b.requestURLs(), b.offOrigin(origin): every request, the page's and
//     any other target's (service workers included).
//   - serveFiles(t, files), serveHandler(t, h), fileHandler(files): test
//     servers on 127.0.0.1 that send testCSP.
//   - repoFile(t, path): the repository's files; the corpus comes from
//     internal/testcorpus.
//
// A test typically does:
//
//	srv := serveFiles(t, map[string][]byte{
//		"/index.html":       page, // scripts by URL only: no inline script
//		"/web/annotator.js": repoFile(t, "web/annotator.js"),
//	})
//	b := newBrowser(t)
//	b.expectNoConsoleErrors()
//	b.run(chromedp.Navigate(srv.URL + "/index.html"))
//	n := evalJS[int](t, b, `annotator.nodeCount()`)
//	if urls := b.offOrigin(srv.URL); len(urls) > 0 { t.Errorf(...) }

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// testCSP is the policy the test server sends with every response: no
// inline script, no eval, nothing from another origin. Test pages must load
// every script, their bootstrap included, from a URL.
const testCSP = "default-src 'self'; script-src 'self'; style-src 'self'"

// browserTimeout bounds each step a test runs in the browser.
const browserTimeout = 30 * time.Second

var (
	chromiumOnce sync.Once
	chromiumPath string
	chromiumErr  error
)

// findChromium returns the path of a Chromium to test with: $CHROMIUM, else
// /usr/bin/chromium, else chromium, chromium-browser or google-chrome on
// the PATH. When there is none and the tests run as root where apt-get is,
// it installs Debian's chromium package, once per process. Without a
// browser the test fails: browser tests are not optional. -short skips them.
func findChromium(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped in -short mode")
	}
	chromiumOnce.Do(func() { chromiumPath, chromiumErr = locateChromium() })
	if chromiumErr != nil {
		t.Fatalf("browser tests need Chromium: %v", chromiumErr)
	}
	return chromiumPath
}

func locateChromium() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("$CHROMIUM is %q, which is not an executable: %w", p, err)
		}
		return found, nil
	}
	lookup := func() string {
		for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				return p
			}
		}
		return ""
	}
	if p := lookup(); p != "" {
		return p, nil
	}
	aptGet, err := exec.LookPath("apt-get")
	if os.Geteuid() != 0 || err != nil {
		return "", errors.New("none found (looked for $CHROMIUM, /usr/bin/chromium, chromium, chromium-browser and google-chrome); " +
			"install Debian's chromium package (apt-get install chromium) or set CHROMIUM to a Chrome or Chromium binary")
	}
	install := func(args ...string) error {
		cmd := exec.Command(aptGet, args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("apt-get %s: %w\n%s", strings.Join(args, " "), err, tail(out, 2000))
		}
		return nil
	}
	if err := install("install", "-y", "chromium"); err != nil {
		// The package lists may be missing or stale: update them, once.
		if uerr := install("update"); uerr != nil {
			return "", fmt.Errorf("installing chromium failed (%v), and so did updating the package lists: %w", err, uerr)
		}
		if err := install("install", "-y", "chromium"); err != nil {
			return "", fmt.Errorf("installing chromium: %w", err)
		}
	}
	if p := lookup(); p != "" {
		return p, nil
	}
	return "", errors.New("apt-get installed chromium, yet no chromium binary is on the PATH")
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// parallel holds the tests that sideBySide has made parallel.
var parallel sync.Map // *testing.T → struct{}

// sideBySide runs the test t beside the other parallel browser tests (go
// test's -parallel of them, GOMAXPROCS by default), once. The tests that
// start no app and time nothing call it: the bridge's, the W3C selectors',
// the TextDecoder's and the IndexedDB store's. Every browser test did (newBrowser
// called it) for a stop: the whole suite gained about 8 % on two cores,
// and a fresh clone's run had two tests that passed alone fail under the
// load of the one beside them (BENCH.md, "The browser tests side by
// side"). A subtest is left in its order; a benchmark is never parallel.
func sideBySide(tb testing.TB) {
	t, ok := tb.(*testing.T)
	if !ok || strings.Contains(t.Name(), "/") {
		return
	}
	if _, done := parallel.LoadOrStore(t, struct{}{}); !done {
		t.Parallel()
	}
}

// browser is one headless Chromium with one tab, and what the tab has
// reported since it started.
type browser struct {
	t testing.TB
	// ctx is the chromedp context of the tab. Derive timeouts from it, never
	// cancel it: t.Cleanup closes the browser.
	ctx context.Context

	mu          sync.Mutex
	console     []chromedp.ConsoleMessage
	dialogs     []dialog
	requests    []string // the page's request URLs, in order
	netRequests []string // the URLs of requests that reached the network, from any target
	barrier     int      // the last console barrier seen; see flushConsole
	seen        chan struct{}
	offline     *atomic.Bool // set: requests that reach the network fail (setOffline); shared by the browser's tabs
	output      lockedBuffer // the browser process's stdout and stderr
}

// dialog is a JavaScript dialog (alert, confirm, prompt, beforeunload) that
// the page opened. The harness dismissed it.
type dialog struct {
	Type    page.DialogType
	Message string
	URL     string
}

// consoleBarrier prefixes the console.debug messages that flushConsole
// writes. They are not recorded.
const consoleBarrier = "\x00harness-barrier "

// newBrowser starts a headless Chromium for the test: chromedp's default
// flags plus --no-sandbox --disable-gpu --disable-component-update
// --disable-quic, a fresh temporary profile (chromedp makes one and removes
// it) and a 1280x900 window. It records the console, dismisses and records
// every dialog, and records every request URL: those of the page, and
// those that reach the network from any target of the browser, service
// workers included. t.Cleanup closes it all. extra allocator options come
// after the others (newBrowserWithProfile gives a profile directory).
func newBrowser(t testing.TB, extra ...chromedp.ExecAllocatorOption) *browser {
	t.Helper()
	exe := findChromium(t)
	b := &browser{t: t, seen: make(chan struct{}, 1), offline: new(atomic.Bool)}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(&b.output),
	)
	opts = append(opts, extra...)
	t.Cleanup(func() {
		if t.Failed() {
			if out := b.output.relevant(); out != "" {
				t.Logf("the browser's output ended with:\n%s", tail([]byte(out), 3000))
			}
		}
	})
	// Start the browser (without a timeout: it would stop the browser).
	// Now and then (about once in a few hundred starts here) Chromium
	// exits before it says where DevTools listens, with nothing on its
	// output, and chromedp reports "chrome failed to start"; a second
	// start then works. That is the machine's, not the app's: it is tried
	// once more, and said in the log.
	for attempt := 1; ; attempt++ {
		allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(allocCtx)
		start := time.Now()
		err := chromedp.Do(ctx)
		if err == nil {
			t.Cleanup(func() {
				cancel()
				cancelAlloc()
			})
			b.ctx = ctx
			if d := time.Since(start); d > 10*time.Second {
				t.Logf("the browser took %v to start", d)
			}
			break
		}
		cancel()
		cancelAlloc()
		if attempt == 2 || !strings.Contains(err.Error(), "chrome failed to start") {
			t.Fatalf("starting %s: %v\n%s", exe, err, tail([]byte(b.output.relevant()), 3000))
		}
		t.Logf("starting %s: %v; starting it once more", exe, err)
		time.Sleep(time.Second)
	}

	b.interceptAll()
	b.watchTab()
	return b
}

// watchTab records what the tab of b.ctx reports: its requests, its console
// and its dialogs (dismissed).
func (b *browser) watchTab() {
	t := b.t
	t.Helper()
	ctx := b.ctx

	// Requests the page makes, in order, seen before the command that
	// caused them returns. CSP-blocked requests are seen here too.
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			b.addRequest(e.Request.URL)
		}
	}); err != nil {
		t.Fatal(err)
	}

	// Console messages, exceptions and browser log entries (CSP violations
	// among them).
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			b.addConsole(m)
		}
	}()

	// Dialogs: record, then dismiss from another goroutine, as the action
	// that opened the dialog waits until it is closed.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, dialog{Type: ev.Type, Message: ev.Message, URL: ev.URL})
			b.mu.Unlock()
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
}

// interceptAll records every request that reaches the network, from any
// target: Fetch interception at the browser level pauses each request until
// it is continued, so even a service worker's first fetches at install are
// seen. Requests a CSP blocks never reach the network; the page's own
// listener sees those. While b.offline is set, each fails as if the
// network were down (net::ERR_INTERNET_DISCONNECTED), still recorded.
func (b *browser) interceptAll() {
	t := b.t
	t.Helper()
	paused := make(chan fetch.RequestID, 64)
	if err := chromedp.ListenBrowser(b.ctx, func(ev any) {
		if e, ok := ev.(*fetch.EventRequestPaused); ok {
			b.mu.Lock()
			b.netRequests = append(b.netRequests, e.Request.URL)
			b.mu.Unlock()
			select {
			case paused <- e.RequestID:
			default:
				go func() { paused <- e.RequestID }() // never block the reader
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	go func() {
		for {
			select {
			case <-b.ctx.Done():
				return
			case id := <-paused:
				if b.offline.Load() {
					_, _ = chromedp.CallBrowser(b.ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: id, ErrorReason: network.ErrorReasonInternetDisconnected})
					continue
				}
				_, _ = chromedp.CallBrowser(b.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
			}
		}
	}()
	if _, err := chromedp.CallBrowser(b.ctx, fetch.Enable, fetch.EnableParams{}); err != nil {
		t.Fatalf("enabling request interception: %v", err)
	}
}

func (b *browser) addRequest(u string) {
	b.mu.Lock()
	b.requests = append(b.requests, u)
	b.mu.Unlock()
}

func (b *browser) addConsole(m chromedp.ConsoleMessage) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if m.Type == chromedp.ConsoleDebug && strings.HasPrefix(m.Text, consoleBarrier) {
		fmt.Sscan(strings.TrimPrefix(m.Text, consoleBarrier), &b.barrier)
		select {
		case b.seen <- struct{}{}:
		default:
		}
		return
	}
	b.console = append(b.console, m)
}

// run runs actions in the tab, failing the test that made the browser on
// an error or after browserTimeout. In a subtest, use runIn.
func (b *browser) run(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.runIn(b.t, actions...)
}

// runIn is run failing t.
func (b *browser) runIn(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("in the browser: %v", err)
	}
}

// evalJS evaluates a JavaScript expression in the page, awaits it when it
// is a promise, and decodes its JSON value into T. An exception, a
// rejection or a value that does not fit T fails the test.
func evalJS[T any](t testing.TB, b *browser, expr string) T {
	t.Helper()
	v, err := tryEvalJS[T](b, expr)
	if err != nil {
		t.Fatalf("evaluating %s: %v", abbreviate(expr, 300), err)
	}
	return v
}

// tryEvalJS is evalJS returning the error.
func tryEvalJS[T any](b *browser, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// jsCall formats a call of a JavaScript function with Go values as its
// JSON-encoded arguments: jsCall("annotator.select", 1, 2, 3, 4).
func jsCall(fn string, args ...any) string {
	var s strings.Builder
	s.WriteString(fn)
	s.WriteByte('(')
	for i, a := range args {
		if i > 0 {
			s.WriteByte(',')
		}
		j, err := json.Marshal(a)
		if err != nil {
			panic(err)
		}
		s.Write(j)
	}
	s.WriteByte(')')
	return s.String()
}

func abbreviate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// flushConsole waits until every console message the page wrote so far has
// been recorded: it writes a numbered console.debug and waits for it, as
// the messages arrive in order.
func (b *browser) flushConsole() {
	b.mu.Lock()
	n := b.barrier + 1
	b.mu.Unlock()
	if _, err := tryEvalJS[chromedp.Void](b, jsCall("console.debug", fmt.Sprintf("%s%d", consoleBarrier, n))); err != nil {
		time.Sleep(100 * time.Millisecond) // no page to ask; take what came
		return
	}
	deadline := time.After(5 * time.Second)
	for {
		b.mu.Lock()
		done := b.barrier >= n
		b.mu.Unlock()
		if done {
			return
		}
		select {
		case <-b.seen:
		case <-time.After(10 * time.Millisecond): // another flush took the signal
		case <-deadline:
			b.t.Logf("the console did not echo within 5s; messages may be missing")
			return
		}
	}
}

// consoleMessages returns every console message, exception and browser log
// entry recorded so far.
func (b *browser) consoleMessages() []chromedp.ConsoleMessage {
	b.flushConsole()
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), b.console...)
}

// consoleErrors returns the errors among them: console.error calls, uncaught
// exceptions, unhandled rejections, and error entries of the browser log,
// such as CSP violations and failed loads.
func (b *browser) consoleErrors() []chromedp.ConsoleMessage {
	var errs []chromedp.ConsoleMessage
	for _, m := range b.consoleMessages() {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			errs = append(errs, m)
		}
	}
	return errs
}

// expectNoConsoleErrors makes the test fail, when it ends, for every
// console error the page reported during it.
func (b *browser) expectNoConsoleErrors() {
	b.t.Cleanup(func() {
		for _, m := range b.consoleErrors() {
			b.t.Errorf("console %s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line+1)
		}
	})
}

// jsDialogs returns the dialogs the page opened, all dismissed.
func (b *browser) jsDialogs() []dialog {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]dialog(nil), b.dialogs...)
}

// requestURLs returns the URL of every request seen so far: the page's, in
// order, then those that only the network level saw (a service worker's,
// say).
func (b *browser) requestURLs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	urls := append([]string(nil), b.requests...)
	seen := make(map[string]bool, len(urls))
	for _, u := range urls {
		seen[u] = true
	}
	for _, u := range b.netRequests {
		if !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
	}
	return urls
}

// offOrigin returns the requests that went anywhere but origin (such as
// "http://127.0.0.1:1234", a test server's URL). data:, about: and
// javascript: URLs are local; a blob: URL counts as the origin inside it.
func (b *browser) offOrigin(origin string) []string {
	want, err := url.Parse(origin)
	if err != nil {
		b.t.Fatalf("offOrigin(%q): %v", origin, err)
	}
	var off []string
	for _, u := range b.requestURLs() {
		p, err := url.Parse(u)
		if err != nil {
			off = append(off, u)
			continue
		}
		switch p.Scheme {
		case "data", "about", "javascript":
			continue
		case "blob":
			if p, err = url.Parse(p.Opaque); err != nil {
				off = append(off, u)
				continue
			}
		}
		if p.Scheme != want.Scheme || p.Host != want.Host {
			off = append(off, u)
		}
	}
	return off
}

// lockedBuffer is a bytes.Buffer safe for the browser's output goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// relevant returns the output without the complaints of a browser that
// finds no D-Bus, which a container never has.
func (l *lockedBuffer) relevant() string {
	var keep []string
	for line := range strings.Lines(l.String()) {
		if !strings.Contains(line, "dbus") && !strings.Contains(line, "DBus") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "")
}

// serveFiles serves files (by path: "/index.html") on 127.0.0.1 under the
// test CSP. The server closes when the test ends.
func serveFiles(t testing.TB, files map[string][]byte) *httptest.Server {
	t.Helper()
	return serveHandler(t, fileHandler(files))
}

// fileHandler serves files by path, with a Content-Type from the
// extension. "/" serves "/index.html"; a missing /favicon.ico is an empty
// 204, so that the browser logs no failed load.
func fileHandler(files map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if p == "/" {
			p = "/index.html"
		}
		data, ok := files[p]
		if !ok {
			if p == "/favicon.ico" {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			http.NotFound(w, r)
			return
		}
		ctype := mime.TypeByExtension(path.Ext(p))
		if ctype == "" {
			ctype = http.DetectContentType(data)
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "no-store")
		w.Write(data)
	})
}

// serveHandler serves h on 127.0.0.1 under the test CSP, with nosniff
// (headers that h sets itself win). The server closes when the test ends.
func serveHandler(t testing.TB, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", testCSP)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// repoFile reads a file of the repository, by its path from the
// repository's root.
func repoFile(t testing.TB, name string) []byte {
	t.Helper()
	return testcorpus.File(t, name)
}

// TestBrowserHarness checks the harness itself: that it sees console
// messages, CSP violations, dialogs, off-origin requests and a service
// worker's requests, and that evalJS awaits promises.
func TestBrowserHarness(t *testing.T) {
	srv := serveFiles(t, map[string][]byte{
		"/index.html": []byte(`<!doctype html><html><head><meta charset="utf-8"><title>harness</title>
<script src="/harness.js"></script>
<script>window.inlineRan = true</script>
</head><body><p>harness</p><img alt="" src="http://example.invalid/pixel.png"></body></html>`),
		"/harness.js": []byte(`console.log("hello", 42);
window.answer = confirm("ok?");
alert("hi");
window.registered = navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready).then(() => true);
`),
		"/sw.js": []byte(`self.addEventListener("install", (e) => e.waitUntil(fetch("/from-sw-install")));
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));
`),
	})
	b := newBrowser(t)
	b.run(chromedp.Navigate(srv.URL + "/"))

	if !evalJS[bool](t, b, `window.registered`) {
		t.Error("the service worker did not register")
	}
	if evalJS[bool](t, b, `window.inlineRan === true`) {
		t.Error("an inline script ran under the test CSP")
	}
	if evalJS[bool](t, b, `window.answer`) {
		t.Error("confirm() was accepted; the harness should dismiss dialogs")
	}
	if got := evalJS[int](t, b, `new Promise((resolve) => setTimeout(() => resolve(7), 10))`); got != 7 {
		t.Errorf("evalJS of a promise gave %d, want 7", got)
	}
	if _, err := tryEvalJS[int](b, `Promise.reject(new Error("nope"))`); err == nil {
		t.Error("a rejected promise gave no error")
	}

	var logged, cspScript, cspImg bool
	for _, m := range b.consoleMessages() {
		logged = logged || (m.Type == chromedp.ConsoleLog && m.Text == "hello 42")
	}
	for _, m := range b.consoleErrors() {
		cspScript = cspScript || strings.Contains(m.Text, "Content Security Policy") && strings.Contains(m.Text, "script-src")
		cspImg = cspImg || strings.Contains(m.Text, "Content Security Policy") && strings.Contains(m.Text, "example.invalid")
	}
	if !logged || !cspScript || !cspImg {
		t.Errorf("console capture: log seen %v, inline-script violation %v, image violation %v; messages: %v", logged, cspScript, cspImg, b.consoleMessages())
	}

	ds := b.jsDialogs()
	if len(ds) != 2 || ds[0].Type != page.DialogTypeConfirm || ds[0].Message != "ok?" || ds[1].Type != page.DialogTypeAlert || ds[1].Message != "hi" {
		t.Errorf("dialogs: %+v, want a confirm then an alert", ds)
	}

	if off := b.offOrigin(srv.URL); len(off) != 1 || off[0] != "http://example.invalid/pixel.png" {
		t.Errorf("off-origin requests: %q, want the one image", off)
	}
	// The service worker's install fetch is seen although the page never
	// made it.
	deadline := time.Now().Add(5 * time.Second)
	for !slices.Contains(b.requestURLs(), srv.URL+"/from-sw-install") {
		if time.Now().After(deadline) {
			t.Fatalf("the service worker's request was not seen; requests: %q", b.requestURLs())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// addPageScript has every document b's tab loads from now on run src
// before the page's own scripts (Page.addScriptToEvaluateOnNewDocument).
func addPageScript(t testing.TB, b *browser, src string) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	}))
}

// openAppWithScript opens the app in a new browser, failing the test on a
// console error, with src run in the page before its own scripts
// (addPageScript).
func openAppWithScript(t testing.TB, src string) *browser {
	t.Helper()
	srv := appServer(t)
	b := newBrowser(t)
	b.expectNoConsoleErrors()
	addPageScript(t, b, src)
	openAppAt(t, b, srv.URL+"/")
	return b
}
