//go:build !wasm

package e2e

// This file lets a browser benchmark say where its time goes: with
// ANNOTATOR_JSPROFILE set to a directory (and ANNOTATOR_WASM_SYMBOLS=1, so
// that app.wasm keeps its function names), the imports that issue 9 times
// (BenchmarkBrowserWorkspaceImport's batches, the 2,000-annotation export
// that the frame benchmarks open) record Chromium's CPU profile, write it
// as a .cpuprofile that DevTools opens, and log the functions that took
// the most time: their own, and with what they called.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// profileIf starts Chromium's CPU profiler on br when ANNOTATOR_JSPROFILE
// names a directory, and returns what stops it and writes name.cpuprofile
// there (a no-op otherwise). Build with ANNOTATOR_WASM_SYMBOLS=1 too, or
// every Go function is a number.
func profileIf(t testing.TB, br *browser, name string) (stop func()) {
	t.Helper()
	dir := os.Getenv("ANNOTATOR_JSPROFILE")
	if dir == "" {
		return func() {}
	}
	startProfile(t, br)
	return func() { stopProfile(t, br, filepath.Join(dir, name+".cpuprofile")) }
}

func startProfile(t testing.TB, br *browser) {
	t.Helper()
	br.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200}); err != nil {
			return err
		}
		_, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{})
		return err
	}))
}

// stopProfile writes the profile to path and logs the 40 functions with
// the most self time.
func stopProfile(t testing.TB, br *browser, path string) {
	t.Helper()
	var p *profiler.Profile
	br.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
		p = res.Profile
		return err
	}))
	data, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	self := map[int64]float64{}
	for i, id := range p.Samples {
		if i < len(p.TimeDeltas) && i+1 < len(p.TimeDeltas) {
			self[id] += float64(p.TimeDeltas[i+1]) / 1000
		}
	}
	byName := map[string]float64{}
	total := 0.0
	for _, n := range p.Nodes {
		name := n.CallFrame.FunctionName
		if name == "" {
			name = "(anonymous " + filepath.Base(n.CallFrame.URL) + ")"
		}
		byName[name] += self[int64(n.ID)]
		total += self[int64(n.ID)]
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return byName[names[i]] > byName[names[j]] })
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %.0f ms sampled\n", filepath.Base(path), total)
	for _, n := range names[:min(40, len(names))] {
		fmt.Fprintf(&b, "%8.1f ms  %s\n", byName[n], n)
	}
	// Inclusive time of our own functions and the libraries': each sample
	// counts once for every function on its stack.
	parent := map[int64]int64{}
	nodes := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Nodes {
		nodes[int64(n.ID)] = n
		for _, c := range n.Children {
			parent[c] = int64(n.ID)
		}
	}
	incl := map[string]float64{}
	for id, ms := range self {
		seen := map[string]bool{}
		for n := id; n != 0; n = parent[n] {
			name := nodes[n].CallFrame.FunctionName
			if !seen[name] {
				seen[name] = true
				incl[name] += ms
			}
		}
	}
	names = names[:0]
	for n := range incl {
		if strings.Contains(n, "annotator") || strings.Contains(n, "bluemonday") || strings.Contains(n, "x/net/html") || strings.Contains(n, "encoding/json") || strings.Contains(n, "go-app") || strings.HasPrefix(n, "runtime.gc") || strings.HasPrefix(n, "runtime.mallocgc") {
			names = append(names, n)
		}
	}
	sort.Slice(names, func(i, j int) bool { return incl[names[i]] > incl[names[j]] })
	fmt.Fprintf(&b, "inclusive:\n")
	for _, n := range names[:min(60, len(names))] {
		fmt.Fprintf(&b, "%8.1f ms  %s\n", incl[n], n)
	}
	t.Log(b.String())
}
