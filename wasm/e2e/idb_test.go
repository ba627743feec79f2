//go:build !wasm

package e2e

// This file runs the tests of the packages that need a browser (wasm/idb,
// wasm/textdecode) where they run: it builds a package's tests as a
// js/wasm test binary, serves it with Go's wasm_exec.js and a small runner
// page, and runs it in headless Chromium, failing with the test binary's
// output when it fails. The one rule: the Go test binary decides pass or
// fail (its exit code); this side only carries its output.

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// wasmRunTimeout bounds one run of a wasm test binary: wasm/idb's suite
// writes a 10 MB body and thousands of annotations, its benchmarks fill a
// library of 1,000 documents, and wasm/textdecode's reads the corpus
// several times over.
const wasmRunTimeout = 5 * time.Minute

// wasmCSP is the test policy plus 'wasm-unsafe-eval', which lets the page
// compile WebAssembly and nothing else (as the app's server sends).
const wasmCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"

// wasmRunnerPage loads wasm_exec.js, the scripts the package needs, then
// the runner; no inline script.
const wasmRunnerPage = `<!doctype html><html><head><meta charset="utf-8"><title>wasm tests</title>
<script src="/wasm_exec.js"></script>
%s<script src="/runner.js"></script>
</head><body><p>%s tests</p></body></html>`

// wasmRunner runs /test.wasm with the arguments in the page's ?argv= (a
// JSON array), keeps what it writes to stdout and stderr (wasm_exec.js
// writes both through globalThis.fs.writeSync), and sets window.harness
// when it is done.
const wasmRunner = `"use strict";
(() => {
	const argv = JSON.parse(new URLSearchParams(location.search).get("argv") || '["js"]');
	const decoder = new TextDecoder();
	let output = "";
	globalThis.fs.writeSync = function (fd, buf) {
		output += decoder.decode(buf, { stream: true });
		return buf.length;
	};
	const harness = { done: false, code: null, error: "", late: [], output: () => output };
	window.harness = harness;
	const go = new Go();
	go.argv = argv;
	go.exit = (code) => {
		harness.code = code;
		// Go's runtime leaves its timers scheduled when it exits; one
		// firing later would throw "Go program has already exited".
		// Cancel them, and record any other call instead, with where it
		// came from. The map must be emptied too: wasm_exec.js's timeout
		// callback calls _resume until Go has taken its id out of
		// _scheduledTimeouts, which a Go that has exited never does, so a
		// timer left in it spun the page forever, writing "missed timeout
		// event" to the console until the test timed out.
		const clearTimers = () => {
			for (const t of go._scheduledTimeouts.values()) clearTimeout(t);
			go._scheduledTimeouts.clear();
		};
		clearTimers();
		go._resume = () => {
			clearTimers();
			if (harness.late.length < 20) harness.late.push(String(new Error("called after exit").stack));
		};
	};
	WebAssembly.instantiateStreaming(fetch("/test.wasm"), go.importObject)
		.then((result) => go.run(result.instance))
		.catch((e) => { harness.error = String((e && e.stack) || e); })
		.finally(() => { harness.done = true; });
})();
`

// wasmBuild is one js/wasm build of a test run.
type wasmBuild struct {
	once sync.Once
	data []byte
	err  error
}

// wasmBuilds holds the builds of this test run, by package and kind.
var wasmBuilds sync.Map

// wasmBinary builds the package pkg (a path from the repository's root)
// for js/wasm, once per test run: its test binary when test is true (go
// test -c), else the program.
func wasmBinary(t *testing.T, pkg string, test bool) []byte {
	t.Helper()
	v, _ := wasmBuilds.LoadOrStore(fmt.Sprint(pkg, test), new(wasmBuild))
	b := v.(*wasmBuild)
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "wasm-build-")
		if err != nil {
			b.err = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "out.wasm")
		args := []string{"build", "-o", out, pkg}
		if test {
			args = []string{"test", "-c", "-o", out, pkg}
		}
		cmd := exec.Command("go", args...)
		cmd.Dir = testcorpus.Root(t)
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.err = fmt.Errorf("go %s for js/wasm: %v\n%s", strings.Join(args, " "), err, msg)
			return
		}
		b.data, b.err = os.ReadFile(out)
	})
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b.data
}

// goWasmExec returns the Go toolchain's wasm_exec.js.
func goWasmExec(t testing.TB) []byte {
	t.Helper()
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	wasmExec, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatalf("Go's wasm_exec.js: %v", err)
	}
	return wasmExec
}

// wasmRun says what a package's test binary needs from its page.
type wasmRun struct {
	// pkg is the package whose tests run, such as "./wasm/idb".
	pkg string
	// scripts are loaded by the page before the test binary starts.
	scripts []string
	// files are served beside the page (the scripts among them).
	files map[string][]byte
	// handlers serve what files does not hold, by http.ServeMux pattern
	// (such as "/input/").
	handlers map[string]http.Handler
	// after, when set, is called with the page once the binary has
	// exited with 0.
	after func(b *browser)
}

// runIDBTests runs the wasm/idb test binary in a fresh headless Chromium
// with argv, and returns its output; it fails the test when the binary
// does not exit with 0.
func runIDBTests(t *testing.T, argv ...string) string {
	t.Helper()
	return runWasmTests(t, wasmRun{
		pkg: "./wasm/idb",
		// The app's storage script, as the app's page loads it: wasm/idb
		// reads and writes records through its joinJSON and putRecords.
		scripts: []string{"/workspace.js"},
		files: map[string][]byte{
			"/workspace.js": repoFile(t, "web/workspace.js"),
			// The worker workspace.js starts beside itself, which
			// writes the changes.
			"/store-writer.js": repoFile(t, "web/store-writer.js"),
		},
	}, argv...)
}

// runWasmTests runs the test binary of run.pkg in a fresh headless
// Chromium with argv, and returns its output; it fails the test when the
// binary does not exit with 0.
func runWasmTests(t *testing.T, run wasmRun, argv ...string) string {
	t.Helper()
	findChromium(t) // skips in -short mode before the build
	var scripts strings.Builder
	for _, src := range run.scripts {
		fmt.Fprintf(&scripts, "<script src=%q></script>\n", src)
	}
	files := map[string][]byte{
		"/index.html":   fmt.Appendf(nil, wasmRunnerPage, scripts.String(), run.pkg),
		"/wasm_exec.js": goWasmExec(t),
		"/runner.js":    []byte(wasmRunner),
		"/test.wasm":    wasmBinary(t, run.pkg, true),
	}
	for name, data := range run.files {
		files[name] = data
	}
	mux := http.NewServeMux()
	mux.Handle("/", fileHandler(files))
	for pattern, h := range run.handlers {
		mux.Handle(pattern, h)
	}
	srv := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", wasmCSP)
		mux.ServeHTTP(w, r)
	}))

	b := newBrowser(t)
	b.expectNoConsoleErrors()
	// The wasm tests time out before the runner gives up on them, so that
	// a test stuck waiting on IndexedDB panics with every goroutine's
	// stack in the output rather than leaving only a timeout here.
	args, _ := json.Marshal(append([]string{"js", fmt.Sprintf("-test.timeout=%v", wasmRunTimeout*4/5)}, argv...))
	b.run(chromedp.Navigate(srv.URL + "/index.html?argv=" + url.QueryEscape(string(args))))

	deadline := time.Now().Add(wasmRunTimeout)
	for {
		done, err := tryEvalJS[bool](b, `!!(window.harness && window.harness.done)`)
		if err == nil && done {
			break
		}
		if time.Now().After(deadline) {
			out, _ := tryEvalJS[string](b, `window.harness ? window.harness.output() : ""`)
			t.Fatalf("the wasm tests did not finish within %v (last error %v); their output so far:\n%s", wasmRunTimeout, err, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
	type outcome struct {
		Code   *int     `json:"code"`
		Error  string   `json:"error"`
		Output string   `json:"output"`
		Late   []string `json:"late"`
	}
	res := evalJS[outcome](t, b, `({code: window.harness.code, error: window.harness.error, output: window.harness.output(), late: window.harness.late})`)
	for _, stack := range res.Late {
		t.Logf("the page called into Go after it exited (harmless; logged to see where from):\n%s", stack)
	}
	switch {
	case res.Error != "":
		t.Fatalf("running the wasm tests: %s\noutput:\n%s", res.Error, res.Output)
	case res.Code == nil:
		t.Fatalf("the wasm tests ended without an exit code; output:\n%s", res.Output)
	case *res.Code != 0:
		t.Fatalf("the wasm tests exited with %d:\n%s", *res.Code, res.Output)
	}
	if run.after != nil {
		run.after(b)
	}
	return res.Output
}

// TestIndexedDBStore runs the Store conformance suite and the error tests
// of wasm/idb against Chromium's IndexedDB.
func TestIndexedDBStore(t *testing.T) {
	sideBySide(t) // no app, no timing: beside the bridge's tests, at the suite's end
	out := runIDBTests(t, "-test.v")
	for _, suite := range []string{"TestStore", "TestStoreWithoutScript", "TestStoreDamaged", "TestApplyInWorker", "TestApplyAcrossConnections"} {
		if !strings.Contains(out, "--- PASS: "+suite+" ") {
			t.Errorf("the output does not show %s passing:\n%s", suite, out)
		}
	}
	t.Logf("the wasm tests' output:\n%s", out)
}

// TestIndexedDBStoreBenchmarks runs wasm/idb's benchmarks in Chromium and
// logs the figures.
func TestIndexedDBStoreBenchmarks(t *testing.T) {
	out := runIDBTests(t, "-test.run=^$", "-test.bench=.", "-test.benchtime=20x", "-test.benchmem")
	var figures []string
	for line := range strings.Lines(out) {
		if strings.HasPrefix(line, "Benchmark") {
			figures = append(figures, strings.TrimSpace(line))
		}
	}
	if len(figures) != 3 {
		t.Errorf("%d benchmark lines, want 3; output:\n%s", len(figures), out)
	}
	t.Logf("IndexedDB in Chromium:\n%s", strings.Join(figures, "\n"))
}

// TestWasmRunnerCancelsTimers checks the runner page itself: a test binary
// that exits with a timeout of Go's runtime still scheduled must leave the
// page idle. Before the runner cancelled those timeouts, the one left
// spun the page's main thread in wasm_exec.js's "missed timeout event"
// loop, and the suite hung until its timeout, now and then.
func TestWasmRunnerCancelsTimers(t *testing.T) {
	runWasmTests(t, wasmRun{pkg: "./wasm/e2e/testdata/latetimer", after: func(b *browser) {
		time.Sleep(time.Second) // past the sleeper's wake-up
		if _, err := tryEvalJS[int](b, `new Promise((ok) => setTimeout(() => ok(window.harness.late.length), 10))`); err != nil {
			t.Fatalf("the page does not answer a second after the binary exited (%v): a timeout Go left behind spins it", err)
		}
		for _, m := range b.consoleMessages() {
			if strings.Contains(m.Text, "missed timeout event") {
				t.Fatalf("the page wrote %q after the binary exited", m.Text)
			}
		}
	}}, "-test.v")
}
