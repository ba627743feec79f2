package e2e

// This file counts what a start in a new renderer process has V8 compile
// again. V8 compiles a WebAssembly function lazily, on its first call, and
// its code cache keeps only optimised code: the functions a start runs once
// are compiled anew in every new renderer (a cold start, a browser started
// again, a new tab). Each is a few tens of microseconds, and a start runs
// about a thousand of them after main (BENCH.md, the twenty-fourth pass), so
// their count is a figure of the start in its own right.

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// BenchmarkBrowserStartCompiles starts the app in a browser started again
// on a profile that holds the sample (the code cache primed), tracing V8's
// lazy compilation, and reports the functions compiled from the start to
// main and from main to the article opened, with the size of their code
// (which, unlike the time the trace gives them, does not vary from run to
// run) and their time. With
// ANNOTATOR_WASM_SYMBOLS set (app.wasm keeps its name section), it logs
// the functions compiled after main by package.
func BenchmarkBrowserStartCompiles(b *testing.B) {
	srv := appServer(b)
	sizes, names := wasmFunctions(b, filepath.Join(builtWebDir(b), "app.wasm"))
	profile := b.TempDir()
	br := newBrowserWithProfile(b, profile)
	openAppAt(b, br, srv.URL+"/")
	// Chromium keeps compiled code a moment after compiling it.
	evalJS[bool](b, br, `new Promise(r => setTimeout(() => r(true), 1500))`)
	br.close(b)
	var before, after, afterKB, afterMS []float64
	byPackage := map[string]int{}
	// ANNOTATOR_COMPILES_LIST names a file for the functions themselves.
	var list *os.File
	if path := os.Getenv("ANNOTATOR_COMPILES_LIST"); path != "" && names != nil {
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		list = f
	}
	for range b.N {
		br = newBrowserWithProfile(b, profile)
		stop := startTrace(b, br, "blink.user_timing", "v8.wasm", "disabled-by-default-v8.wasm.detailed")
		openAppAt(b, br, srv.URL+"/")
		waitFor(b, br, `performance.getEntriesByName("annotator:opened").length > 0`)
		events := stop()
		br.close(b)
		var main, opened float64
		for _, e := range events {
			switch {
			case e.Cat == "blink.user_timing" && e.Name == "annotator:main":
				main = e.TS
			case e.Cat == "blink.user_timing" && e.Name == "annotator:opened":
				opened = e.TS
			}
		}
		if main == 0 || opened == 0 {
			b.Fatalf("the trace holds no mark of main (%v) or of the article opened (%v)", main, opened)
		}
		var n0, n1, bytes1 int
		var ms float64
		for _, e := range events {
			if e.Name != "wasm.CompileLazy" || e.TS > opened {
				continue
			}
			if e.TS < main {
				n0++
				continue
			}
			n1++
			ms += e.Dur / 1000
			var args struct {
				Index *int `json:"func_index"`
			}
			if json.Unmarshal(e.Args, &args) != nil || args.Index == nil {
				b.Fatalf("a lazy compilation without its function's index: %s", e.Args)
			}
			bytes1 += sizes[*args.Index]
			if names != nil {
				byPackage[goPackage(names[*args.Index])]++
				if list != nil {
					fmt.Fprintf(list, "%s\t%.3f\n", names[*args.Index], e.Dur/1000)
				}
			}
		}
		if n0+n1 == 0 {
			b.Fatal("the trace holds no lazy compilation at all: is the category still wasm.CompileLazy's?")
		}
		before, after, afterMS = append(before, float64(n0)), append(after, float64(n1)), append(afterMS, ms)
		afterKB = append(afterKB, float64(bytes1)/1000)
	}
	b.ReportMetric(median(before), "functions-before-main")
	b.ReportMetric(median(after), "functions-after-main")
	b.ReportMetric(median(afterKB), "code-KB-after-main")
	b.ReportMetric(median(afterMS), "compile-ms-after-main")
	if len(byPackage) > 0 {
		pkgs := make([]string, 0, len(byPackage))
		for p := range byPackage {
			pkgs = append(pkgs, p)
		}
		slices.SortFunc(pkgs, func(x, y string) int { return byPackage[y] - byPackage[x] })
		var sb strings.Builder
		for _, p := range pkgs {
			fmt.Fprintf(&sb, "\n\t%s: %d", p, byPackage[p]/b.N)
		}
		b.Logf("functions compiled after main, by package (a start's mean):%s", sb.String())
	}
}

// goPackage returns the package of a function named in a Go module's name
// section, where a path's slashes are underscores
// ("github.com_x_y.__T_.M" → "github.com_x_y"); "?" for none.
func goPackage(sym string) string {
	if sym == "" {
		return "?"
	}
	from := 0
	for _, host := range []string{"github.com_", "golang.org_", "gopkg.in_"} {
		if strings.HasPrefix(sym, host) {
			from = len(host)
		}
	}
	if dot := strings.IndexByte(sym[from:], '.'); dot >= 0 {
		return sym[:from+dot]
	}
	return sym
}

// wasmFunctions returns, by function index (imports first, as V8 and the
// name section count them), the size in bytes of each function's body in
// a WebAssembly module's code section, and each function's name from its
// name section (nil when it has none: built with -s).
func wasmFunctions(t testing.TB, path string) (sizes map[int]int, names map[int]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\x00asm")) {
		t.Fatalf("%s is not a WebAssembly module", path)
	}
	damaged := func(what string) { t.Fatalf("%s: %s is damaged", path, what) }
	uvarint := func(r *bytes.Reader, what string) int {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > 1<<32 {
			damaged(what)
		}
		return int(n)
	}
	// sub returns the next n bytes of r as a reader of their own.
	sub := func(r *bytes.Reader, n int, what string) *bytes.Reader {
		if n > r.Len() {
			damaged(what)
		}
		b := make([]byte, n)
		r.Read(b)
		return bytes.NewReader(b)
	}
	imported := 0
	r := bytes.NewReader(data[8:])
	for r.Len() > 0 {
		id, _ := r.ReadByte()
		sec := sub(r, uvarint(r, "a section's size"), "a section")
		switch id {
		case 2: // imports: only the functions count among the functions
			for range uvarint(sec, "the imports") {
				for range 2 { // the module's name and the import's
					sub(sec, uvarint(sec, "an import's name"), "an import's name")
				}
				switch kind, _ := sec.ReadByte(); kind {
				case 0: // a function: its type
					imported++
					uvarint(sec, "an import's type")
				case 1: // a table: its element type, then its limits
					sec.ReadByte()
					fallthrough
				case 2: // a memory: its limits
					if flags, _ := sec.ReadByte(); flags&1 != 0 {
						uvarint(sec, "a limit")
					}
					uvarint(sec, "a limit")
				case 3: // a global: its type and mutability
					sec.ReadByte()
					sec.ReadByte()
				default:
					damaged("an import's kind")
				}
			}
		case 10: // code: each body, its size first
			n := uvarint(sec, "the code")
			sizes = make(map[int]int, n)
			for k := range n {
				size := uvarint(sec, "a body's size")
				sub(sec, size, "a body")
				sizes[imported+k] = size
			}
		case 0: // custom: the name section's function names
			if name, err := readWasmName(sec); err != nil || name != "name" {
				continue
			}
			for sec.Len() > 0 {
				kind, _ := sec.ReadByte()
				body := sub(sec, uvarint(sec, "the name section"), "the name section")
				if kind != 1 { // function names
					continue
				}
				count := uvarint(body, "the function names")
				names = make(map[int]string, count)
				for range count {
					idx := uvarint(body, "the function names")
					fn, err := readWasmName(body)
					if err != nil {
						damaged("the function names")
					}
					names[idx] = fn
				}
			}
		}
	}
	if len(sizes) == 0 {
		damaged("the code section")
	}
	return sizes, names
}

// readWasmName reads a WebAssembly name: its length, then its bytes.
func readWasmName(r *bytes.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > uint64(r.Len()) {
		return "", errors.New("a name runs past its section")
	}
	b := make([]byte, n)
	r.Read(b)
	return string(b), nil
}
