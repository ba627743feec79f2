//go:build !wasm

package e2e

// This file runs wasm/idb's own tests where IndexedDB is: it builds them
// as a js/wasm test binary, serves it with Go's wasm_exec.js and a small
// runner page, and runs it in headless Chromium, failing with the test
// binary's output when it fails. The one rule: the Go test binary decides
// pass or fail (its exit code); this side only carries its output.

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

// idbRunTimeout bounds one run of the wasm test binary: the suite writes a
// 10 MB body and thousands of annotations, and the benchmarks fill a
// library of 1,000 documents.
const idbRunTimeout = 5 * time.Minute

// wasmCSP is the test policy plus 'wasm-unsafe-eval', which lets the page
// compile WebAssembly and nothing else (as the app's server sends).
const wasmCSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"

// idbRunnerPage loads wasm_exec.js, the app's annotator.js, then the runner; no
// inline script.
const idbRunnerPage = `<!doctype html><html><head><meta charset="utf-8"><title>idb tests</title>
<script src="/wasm_exec.js"></script>
<script src="/annotator.js"></script>
<script src="/runner.js"></script>
</head><body><p>wasm/idb tests</p></body></html>`

// idbRunner runs /test.wasm with the arguments in the page's ?argv= (a
// JSON array), keeps what it writes to stdout and stderr (wasm_exec.js
// writes both through globalThis.fs.writeSync), and sets window.harness
// when it is done.
const idbRunner = `"use strict";
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
		// Record such calls instead, with where they came from.
		go._resume = () => { harness.late.push(String(new Error("called after exit").stack)); };
	};
	WebAssembly.instantiateStreaming(fetch("/test.wasm"), go.importObject)
		.then((result) => go.run(result.instance))
		.catch((e) => { harness.error = String((e && e.stack) || e); })
		.finally(() => { harness.done = true; });
})();
`

// idbTestBinary builds wasm/idb's tests for js/wasm, once per test run.
func idbTestBinary(t *testing.T) []byte {
	t.Helper()
	return wasmBinary(t, "./wasm/idb", true)
}

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

// runIDBTests runs the wasm/idb test binary in a fresh headless Chromium
// with argv, and returns its output; it fails the test when the binary
// does not exit with 0.
func runIDBTests(t *testing.T, argv ...string) string {
	t.Helper()
	findChromium(t) // skips in -short mode before the build
	wasmExec := goWasmExec(t)
	files := fileHandler(map[string][]byte{
		"/index.html":   []byte(idbRunnerPage),
		"/wasm_exec.js": wasmExec,
		"/runner.js":    []byte(idbRunner),
		// The app's script, as the app's page loads it: wasm/idb reads
		// records through its joinJSON.
		"/annotator.js": repoFile(t, "web/annotator.js"),
		// The worker annotator.js starts beside itself, which writes
		// the changes.
		"/store-writer.js": repoFile(t, "web/store-writer.js"),
		"/test.wasm":       idbTestBinary(t),
	})
	srv := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", wasmCSP)
		files.ServeHTTP(w, r)
	}))

	b := newBrowser(t)
	b.expectNoConsoleErrors()
	// The wasm tests time out before the runner gives up on them, so that
	// a test stuck waiting on IndexedDB panics with every goroutine's
	// stack in the output rather than leaving only a timeout here.
	args, _ := json.Marshal(append([]string{"js", fmt.Sprintf("-test.timeout=%v", idbRunTimeout*4/5)}, argv...))
	b.run(chromedp.Navigate(srv.URL + "/index.html?argv=" + url.QueryEscape(string(args))))

	deadline := time.Now().Add(idbRunTimeout)
	for {
		done, err := tryEvalJS[bool](b, `!!(window.harness && window.harness.done)`)
		if err == nil && done {
			break
		}
		if time.Now().After(deadline) {
			out, _ := tryEvalJS[string](b, `window.harness ? window.harness.output() : ""`)
			t.Fatalf("the wasm tests did not finish within %v (last error %v); their output so far:\n%s", idbRunTimeout, err, out)
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
	return res.Output
}

// TestIndexedDBStore runs the Store conformance suite and the error tests
// of wasm/idb against Chromium's IndexedDB.
func TestIndexedDBStore(t *testing.T) {
	out := runIDBTests(t, "-test.v")
	for _, suite := range []string{"TestStore", "TestStoreWithoutScript", "TestApplyInWorker", "TestApplyAcrossConnections"} {
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
