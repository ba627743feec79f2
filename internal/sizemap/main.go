// Command sizemap writes, as a Markdown table, what each dependency costs
// in the browser's app.wasm: the code and data of each third-party module,
// of each standard-library package and of each of the annotator's own
// packages, largest first, with its share of the binary. Run it with
// `make size`, or:
//
//	go run ./internal/sizemap [-pkg ./wasm] [-min 0.25] [-brotli 9] [-o size.md]
//
// `go tool nm` cannot read a WebAssembly binary, so the tool reads the
// binary's code and name sections itself for the code, and the compiled
// packages with `go tool nm -size` for the data (see table.go for how each
// figure is made).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	pkg := flag.String("pkg", "./wasm", "the main package to build for GOOS=js GOARCH=wasm")
	minShare := flag.Float64("min", 0.25, "standard-library packages under this share of the binary, in percent, are folded into one row")
	quality := flag.Int("brotli", 9, "brotli quality of the compressed-code column (0: no such column)")
	outFile := flag.String("o", "", "write the table to this file (default: standard output)")
	flag.Parse()
	if err := run(os.Stdout, *pkg, *minShare/100, *quality, *outFile); err != nil {
		fmt.Fprintln(os.Stderr, "sizemap:", err)
		os.Exit(1)
	}
}

func run(stdout io.Writer, pkg string, minShare float64, quality int, outFile string) error {
	m, err := measure(pkg)
	if err != nil {
		return err
	}
	m.foldStd(minShare)
	m.sortRows()
	var br map[*row]int
	if quality > 0 {
		br = m.compressedCode(quality)
	}
	w := stdout
	if outFile != "" {
		f, err := os.Create(outFile)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	m.writeMarkdown(w, pkg, br, quality)
	return nil
}

// measure builds pkg and splits its binary into rows.
func measure(pkg string) (*sizeMap, error) {
	dir, err := os.MkdirTemp("", "sizemap-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	res, err := build(dir, pkg)
	if err != nil {
		return nil, err
	}
	bin, err := parseWasm(res.Wasm)
	if err != nil {
		return nil, err
	}
	return attribute(res, bin), nil
}
