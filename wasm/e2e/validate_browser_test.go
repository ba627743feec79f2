//go:build !wasm

package e2e

// This file checks that the browser finds the very problems that
// `annotator validate` finds natively, on the same bad files
// (testdata/invalid): the same paths, lines, columns, messages and
// warnings, and that the app, opening each file, shows the first of them
// in those words. The one rule: the command line's output is the
// reference; the browser's problems are written in its format and must
// equal it line for line.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
	"github.com/newsannotator/annotator/wasm/cli"
)

// validateRunner loads /validate.wasm, which sets window.validate.
const validateRunner = `"use strict";
(() => {
	const go = new Go();
	WebAssembly.instantiateStreaming(fetch("/validate.wasm"), go.importObject)
		.then((r) => go.run(r.instance))
		.catch((e) => { window.validateError = String(e); });
})();
`

// validateBinary builds wasm/e2e/testdata/validate for js/wasm, once.
func validateBinary(t *testing.T) []byte {
	t.Helper()
	return wasmBinary(t, "./wasm/e2e/testdata/validate", false)
}

// invalidFiles returns the paths of testdata/invalid's files.
func invalidFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(testcorpus.Root(t), "testdata", "invalid", "*.json"))
	if err != nil || len(files) < 10 {
		t.Fatalf("testdata/invalid: %d files (%v)", len(files), err)
	}
	return files
}

// cliValidate runs `annotator validate file` natively and returns the
// lines it writes to standard error, and whether it says the file is
// valid.
func cliValidate(t *testing.T, file string) (lines []string, valid bool) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run([]string{"validate", file}, nil, &stdout, &stderr)
	valid = code == 0
	if valid != (stdout.String() == file+": valid\n") {
		t.Fatalf("%s: exit status %d, output %q", file, code, stdout.String())
	}
	if stderr.Len() == 0 {
		return nil, valid
	}
	return strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n"), valid
}

// TestBrowserValidatesAsCLI runs annotate.Validate in Chromium on every
// file of testdata/invalid and checks that its problems, written as the
// command line writes them, are the lines `annotator validate` writes.
func TestBrowserValidatesAsCLI(t *testing.T) {
	findChromium(t) // skips in -short mode before the build
	files := invalidFiles(t)
	served := map[string][]byte{
		"/index.html":    []byte(`<!doctype html><html><head><meta charset="utf-8"><title>validate</title><script src="/wasm_exec.js"></script><script src="/runner.js"></script></head><body></body></html>`),
		"/wasm_exec.js":  goWasmExec(t),
		"/runner.js":     []byte(validateRunner),
		"/validate.wasm": validateBinary(t),
	}
	for _, file := range files {
		served["/invalid/"+filepath.Base(file)] = repoFile(t, filepath.Join("testdata", "invalid", filepath.Base(file)))
	}
	h := fileHandler(served)
	srv := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", wasmCSP)
		h.ServeHTTP(w, r)
	}))
	b := newBrowser(t)
	b.expectNoConsoleErrors()
	b.run(chromedp.Navigate(srv.URL + "/"))
	waitFor(t, b, `typeof window.validate === "function" || window.validateError`)
	if msg := evalJS[string](t, b, `window.validateError || ""`); msg != "" {
		t.Fatalf("validate.wasm: %s", msg)
	}

	omitted := false
	for _, file := range files {
		name := filepath.Base(file)
		out := evalJS[string](t, b, fmt.Sprintf(`fetch("/invalid/%s").then((r) => r.arrayBuffer()).then((buf) => validate(new Uint8Array(buf)))`, name))
		var problems []annotate.Problem
		if err := json.Unmarshal([]byte(out), &problems); err != nil {
			t.Fatalf("%s: %v: %s", name, err, out)
		}
		lines, valid := cliValidate(t, file)
		var got []string
		for _, p := range problems {
			got = append(got, file+":"+p.String())
			omitted = omitted || p.Omitted()
		}
		errs, _ := annotate.CountProblems(problems)
		if len(problems) == 0 || valid != (errs == 0) {
			t.Errorf("%s: the browser finds %d problems, %d errors; the command line says valid %v", name, len(problems), errs, valid)
		}
		if !valid {
			lines = lines[:len(lines)-1] // "…: not valid: N problems"
		}
		if strings.Join(got, "\n") != strings.Join(lines, "\n") {
			t.Errorf("%s: the browser finds\n%s\nannotator validate\n%s", name, strings.Join(got, "\n"), strings.Join(lines, "\n"))
		}
	}
	if !omitted {
		t.Error("no file has more problems than are listed: the count of those left off is not compared")
	}
}

// TestAppShowsValidateProblems opens, as a user would, every file of
// testdata/invalid that Import refuses (the others it mends or takes with
// warnings), and checks that the app spells out the file's first errors
// in the words and places of `annotator validate`.
func TestAppShowsValidateProblems(t *testing.T) {
	b, _ := openApp(t)
	refused := 0
	for _, file := range invalidFiles(t) {
		name := filepath.Base(file)
		var ie *annotate.ImportError
		if _, err := annotate.Import(repoFile(t, filepath.Join("testdata", "invalid", name))); !errors.As(err, &ie) {
			continue
		}
		refused++
		lines, _ := cliValidate(t, file)
		openFile(t, b, file)
		waitFor(t, b, fmt.Sprintf(`document.querySelector("#notice-alert").textContent !== "" && document.querySelector("#notice").textContent.startsWith(%s)`, jsString(name+" could not be imported")))
		notice := text(t, b, "#notice")
		shown := 0
		for _, line := range lines[:len(lines)-1] {
			p := strings.TrimPrefix(line, file+":")
			if strings.Contains(p, ": warning: ") {
				continue
			}
			if !strings.Contains(notice, p) {
				t.Errorf("%s: the app shows %q, without %q", name, notice, p)
			}
			if shown++; shown == 3 {
				break
			}
		}
		if shown == 0 {
			t.Errorf("%s: annotator validate finds no error", name)
		}
	}
	if refused < 10 {
		t.Errorf("Import refuses only %d of the files", refused)
	}
}
