package main

// This file keeps one rule: the table says how each figure was obtained,
// beside the figures, so that a reader does not take an estimate for a
// measure.

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/andybalholm/brotli"
)

// foldStd folds the standard-library rows smaller than minShare of the
// total into one row.
func (m *sizeMap) foldStd(minShare float64) {
	var kept []*row
	other := &row{Kind: kindStd, Packages: map[string]bool{}}
	for _, r := range m.Rows {
		if r.Kind == kindStd && float64(r.Total()) < minShare*float64(m.Total) {
			other.Code += r.Code
			other.Data += r.Data
			other.code = append(other.code, r.code...)
			for p := range r.Packages {
				other.Packages[p] = true
			}
			continue
		}
		kept = append(kept, r)
	}
	if len(other.Packages) > 0 {
		other.Name = fmt.Sprintf("std: %d other packages (each < %g%%)", len(other.Packages), 100*minShare)
		kept = append(kept, other)
	}
	m.Rows = kept
}

// sortRows orders the rows by size, largest first.
func (m *sizeMap) sortRows() {
	slices.SortFunc(m.Rows, func(a, b *row) int {
		return cmp.Or(cmp.Compare(b.Total(), a.Total()), strings.Compare(a.Name, b.Name))
	})
}

// compressedCode compresses each row's function bodies on their own with
// brotli at quality.
func (m *sizeMap) compressedCode(quality int) map[*row]int {
	out := map[*row]int{}
	for _, r := range m.Rows {
		if len(r.code) == 0 {
			continue
		}
		var b bytes.Buffer
		w := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: quality, LGWin: 22})
		for _, body := range r.code {
			w.Write(body)
		}
		w.Close()
		out[r] = b.Len()
	}
	return out
}

// withLinkerData returns each package row's total with a share of the
// linker-made data pro rata of its code (pclntab, the largest part, grows
// with the code): an estimate of what the row costs in all.
func (m *sizeMap) withLinkerData() map[*row]int {
	linker, code := 0, 0
	for _, r := range m.Rows {
		switch {
		case r.Name == rowLinkerData:
			linker += r.Data
		case r.Kind != kindLinker:
			code += r.Code
		}
	}
	out := map[*row]int{}
	for _, r := range m.Rows {
		if r.Kind != kindLinker && code > 0 {
			out[r] = r.Total() + int(float64(linker)*float64(r.Code)/float64(code))
		}
	}
	return out
}

func kb(n int) string { return fmt.Sprintf("%.1f", float64(n)/1000) }

// writeMarkdown writes the table; br is the compressed code of each row
// (nil: no such column).
func (m *sizeMap) writeMarkdown(w io.Writer, pkg string, br map[*row]int, quality int) {
	fmt.Fprintf(w, "Size of `%s` built with `GOOS=js GOARCH=wasm go build -trimpath` (without `-s`: the name section, %s KB, is left out of every figure, so the total is the shipped `-s -w` binary's size).\n\n",
		pkg, kb(m.NameSection))
	fmt.Fprintf(w, "Total %s KB: code section %s KB, data section %s KB. Sizes in KB of 1000 bytes, uncompressed.\n\n",
		kb(m.Total), kb(m.CodeSection), kb(m.DataSection))
	header := "| # | Package or module | Kind | Code KB | Data KB | Total KB | Share | With linker data KB (est.) | Share (est.) |"
	rule := "|--:|---|---|--:|--:|--:|--:|--:|--:|"
	all := m.withLinkerData()
	if br != nil {
		header += fmt.Sprintf(" Code alone, brotli q%d KB |", quality)
		rule += "--:|"
	}
	fmt.Fprintln(w, header)
	fmt.Fprintln(w, rule)
	sum := 0
	for i, r := range m.Rows {
		sum += r.Total()
		name := r.Name
		if r.Kind == kindModule || r.Kind == kindStd || r.Kind == kindOurs {
			name = "`" + name + "`"
		}
		if r.Kind == kindModule && len(r.Packages) > 1 {
			name += fmt.Sprintf(" (%d packages)", len(r.Packages))
		}
		line := fmt.Sprintf("| %d | %s | %s | %s | %s | %s | %.1f%% |", i+1, name, r.Kind, kb(r.Code), kb(r.Data), kb(r.Total()), 100*float64(r.Total())/float64(m.Total))
		if n, ok := all[r]; ok {
			line += fmt.Sprintf(" %s | %.1f%% |", kb(n), 100*float64(n)/float64(m.Total))
		} else {
			line += " | |"
		}
		if br != nil {
			if n, ok := br[r]; ok {
				line += " " + kb(n) + " |"
			} else {
				line += " |"
			}
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "| | **total** | | | | **%s** | %.1f%% | | |", kb(sum), 100*float64(sum)/float64(m.Total))
	if br != nil {
		fmt.Fprint(w, " |")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `
How the figures are made:
- Code: each function's body in the binary's code section, named by its name section: exact, after the linker dropped what is unused. A function goes to the package its name starts with (a generic function to the package that declares it); the runtime's assembly (no package) to runtime.
- Data: the data symbols (`+"`go tool nm -size`"+` types D, d, R, r) of the compiled packages that the linker kept (its `+"`-dumpdep`"+` list), at their size in the object files, and the data the compiler attaches to a kept function. A string, a shared type descriptor or a GC bitmap goes to the package of the first symbol the linker saw using it. An estimate: the linker may lay data out slightly differently.
- The linker-made row is the data section less the attributed data: pclntab (function tables for stack traces and the garbage collector, which grow with the code), itabs, type links, module data and alignment. "With linker data (est.)" adds to each package row a share of it pro rata of the row's code: an estimate of what removing the row would save.
- Kind: std is the Go runtime and standard library (by package), module a third-party module (all its packages), ours the main module (by package).`)
	if br != nil {
		fmt.Fprintf(w, "- Code alone, brotli q%d: the row's function bodies compressed on their own: a guide to what the row costs on the wire, not a share of the served file (compressed together, rows share a dictionary and the sum would be smaller). Data is not compressed here: the binary does not say where each symbol lies.\n", quality)
	}
}
