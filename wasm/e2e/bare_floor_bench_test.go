//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
	"github.com/newsannotator/annotator/internal/testweb"
)

var (
	floorOnce sync.Once
	floorDir  string
	floorErr  error
)

// bareWithAnnotatorDir returns a web directory like the comparison's bare
// app's, whose app.wasm is the bare app built with -tags withannotator
// (testdata/bareapp/annotator.go: the annotator's code linked and its
// packages initialised, none of it run), compressed with brotli quality 11.
// It is built with the repository's go.mod, whose go-app is the patched
// copy the annotator's packages need.
func bareWithAnnotatorDir(b *testing.B) string {
	b.Helper()
	floorOnce.Do(func() {
		root := testcorpus.Root(b)
		dir, err := os.MkdirTemp("", "annotator-bench-web-")
		if err != nil {
			floorErr = err
			return
		}
		bareDirs = append(bareDirs, dir) // removed by TestMain with the others
		if err := testweb.CopyAssets(root, dir); err != nil {
			floorErr = err
			return
		}
		args := append(append([]string{}, bareBuild...), "-tags", "withannotator", "-o", filepath.Join(dir, "app.wasm"), "./wasm/e2e/testdata/bareapp")
		cmd := exec.Command("go", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			floorErr = fmt.Errorf("building the bare app with the annotator's code: %v\n%s", err, out)
			return
		}
		if floorErr = compressBest(dir); floorErr == nil {
			floorDir = dir
		}
	})
	if floorErr != nil {
		b.Fatal(floorErr)
	}
	return floorDir
}

// BenchmarkBrowserLoadSizeFloor measures what the annotator's app.wasm
// costs a start before the annotator does anything: the bare go-app app
// against the same bare app with the annotator's code linked in and its
// packages initialised (testdata/bareapp/annotator.go), both showing the
// same heading, started as BenchmarkBrowserLoadVsBare starts its two apps
// (cold, reload, browser started again; alternating; brotli quality 11).
// The ratios (x-...-floor) are the least that BenchmarkBrowserLoadVsBare's
// can be with this binary, whatever the annotator's own start does after
// its main: the download, compilation or code cache, instantiation and
// initialisation of its size, nothing else.
func BenchmarkBrowserLoadSizeFloor(b *testing.B) {
	_, bareDir := comparisonWebDirs(b)
	heavyDir := bareWithAnnotatorDir(b)
	shown := `document.querySelector("h1").textContent === ` + jsString(bareHeading)
	bare := &loadedApp{name: "bare", dir: bareDir, shown: shown}
	heavy := &loadedApp{name: "bare-with-annotator", dir: heavyDir, shown: shown}
	var bareBr, heavyBr int64
	bare.srv, bareBr = serveComparison(b, bareDir)
	heavy.srv, heavyBr = serveComparison(b, heavyDir)
	startSideBySide(b, heavy, bare, "-with-annotator", "-bare", "-floor")
	heavyRaw, bareRaw := fileSize(b, filepath.Join(heavyDir, "app.wasm")), fileSize(b, filepath.Join(bareDir, "app.wasm"))
	b.ReportMetric(float64(heavyRaw)/1e6, "MB-wasm-raw-with-annotator")
	b.ReportMetric(float64(bareRaw)/1e6, "MB-wasm-raw-bare")
	b.ReportMetric(float64(heavyBr)/1e6, "MB-wasm-br11-with-annotator")
	b.ReportMetric(float64(bareBr)/1e6, "MB-wasm-br11-bare")
}
