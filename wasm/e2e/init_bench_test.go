package e2e

// BenchmarkBrowserInit measures, in Chromium, how long the Go packages of
// app.wasm take to initialise before its main runs (GODEBUG=inittrace=1,
// which the runtime honours in WebAssembly too): the start-up cost that no
// code of the app can avoid once a package is linked in.

import (
	"cmp"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// initRunner runs /app.wasm with GODEBUG=inittrace=1 and keeps what the Go
// runtime writes; the app's main may then fail outside its own page, which
// does not matter here.
const initRunner = `"use strict";
(() => {
	const decoder = new TextDecoder();
	let output = "";
	globalThis.fs.writeSync = function (fd, buf) {
		output += decoder.decode(buf, { stream: true });
		return buf.length;
	};
	window.initOutput = () => output;
	const go = new Go();
	go.env = { GODEBUG: "inittrace=1" };
	WebAssembly.instantiateStreaming(fetch("/app.wasm"), go.importObject)
		.then((r) => go.run(r.instance))
		.catch((e) => { output += "\nrunner: " + e; });
})();
`

var initLine = regexp.MustCompile(`init (\S+) @[0-9.]+ ms, ([0-9.]+) ms clock`)

func BenchmarkBrowserInit(b *testing.B) {
	wasm, err := os.ReadFile(filepath.Join(builtWebDir(b), "app.wasm"))
	if err != nil {
		b.Fatal(err)
	}
	files := fileHandler(map[string][]byte{
		"/index.html":   []byte(`<!doctype html><html><head><meta charset="utf-8"><script src="/wasm_exec.js"></script><script src="/runner.js"></script></head><body></body></html>`),
		"/wasm_exec.js": goWasmExec(b),
		"/runner.js":    []byte(initRunner),
		"/app.wasm":     wasm,
	})
	srv := serveHandler(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", wasmCSP)
		files.ServeHTTP(w, r)
	}))
	perPackage := map[string][]float64{}
	var totals []float64
	// The slowest start's own lines, to tell what makes the tail.
	var slowest []string
	slowestTotal := -1.0
	for i := 0; i < b.N; i++ {
		br := newBrowser(b)
		br.run(chromedp.Navigate(srv.URL + "/index.html"))
		// The trace is complete when the output has stopped growing for
		// a second after its first line.
		deadline := time.Now().Add(browserTimeout)
		var out string
		for still := 0; still < 20; {
			next := evalJS[string](b, br, `window.initOutput ? initOutput() : ""`)
			if next == out && strings.Contains(out, "init ") {
				still++
			} else {
				still = 0
			}
			out = next
			if time.Now().After(deadline) {
				b.Fatalf("no init trace; the output:\n%s", out)
			}
			time.Sleep(50 * time.Millisecond)
		}
		total := 0.0
		var lines []string
		for _, m := range initLine.FindAllStringSubmatch(out, -1) {
			ms, _ := strconv.ParseFloat(m[2], 64)
			perPackage[m[1]] = append(perPackage[m[1]], ms)
			total += ms
			lines = append(lines, m[0])
		}
		totals = append(totals, total)
		if total > slowestTotal {
			slowest, slowestTotal = lines, total
		}
	}
	reportLatencies(b, totals, "init-all-packages")
	type pkg struct {
		name string
		ms   float64
	}
	var pkgs []pkg
	for name, ms := range perPackage {
		pkgs = append(pkgs, pkg{name, percentile(ms, 50)})
	}
	slices.SortFunc(pkgs, func(a, b pkg) int { return cmp.Compare(b.ms, a.ms) })
	// The five slowest, by the last element of their path.
	for _, p := range pkgs[:min(5, len(pkgs))] {
		b.ReportMetric(p.ms, "ms-init-"+path.Base(strings.TrimSuffix(p.name, "/v6"))+"-p50")
	}
	// Every package by its whole path, as the metrics' names above cannot
	// tell two packages named css apart, nor show what is below the five.
	// On stderr: the testing package keeps only ten lines of a benchmark's
	// log.
	fmt.Fprintf(os.Stderr, "BenchmarkBrowserInit: p50 of each package's initialisation over %d starts\n", b.N)
	for _, p := range pkgs {
		fmt.Fprintf(os.Stderr, "\t%6.2f ms  %s\n", p.ms, p.name)
	}
	fmt.Fprintf(os.Stderr, "BenchmarkBrowserInit: the slowest start, %.1f ms, in the runtime's order\n", slowestTotal)
	for _, l := range slowest {
		fmt.Fprintf(os.Stderr, "\t%s\n", l)
	}
}
