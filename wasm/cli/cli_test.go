//go:build !wasm

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestLoadThenValidate runs `load` on the built-in sample and `validate` on
// what it printed, as a user of the command line would.
func TestLoadThenValidate(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Run([]string{"load", "../../app/sample/starmer-trump-white-house.txt"}, nil, &out, &errOut); code != exitOK {
		t.Fatalf("load exited %d: %s", code, errOut.String())
	}
	var f annotate.File
	if err := json.Unmarshal(out.Bytes(), &f); err != nil {
		t.Fatalf("load printed something that is not JSON: %v", err)
	}
	if f.Version != 1 || f.Document.OffsetUnit != "codepoint" || len(f.Annotations) != 0 || !strings.Contains(f.Document.Text, "yes we can") {
		t.Errorf("unexpected export: version %d, unit %q, %d annotations", f.Version, f.Document.OffsetUnit, len(f.Annotations))
	}
	path := filepath.Join(t.TempDir(), "sample.json")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	if code := Run([]string{"validate", path}, nil, &out, &errOut); code != exitOK {
		t.Fatalf("validate exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "valid") {
		t.Errorf("validate said %q", out.String())
	}
}

// TestValidateReportsLines checks that an invalid file gives exit status 1
// and messages that name the file, the line and the column.
func TestValidateReportsLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(path, []byte("{\n  \"version\": 2,\n  \"document\": {}\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := Run([]string{"validate", path}, nil, &out, &errOut); code != exitInvalid {
		t.Fatalf("validate exited %d, want %d", code, exitInvalid)
	}
	if !strings.Contains(errOut.String(), path+":2:") {
		t.Errorf("the message does not point at line 2: %s", errOut.String())
	}
}

// TestLoadRefusesInWords checks that bad input gets a message in words and
// a non-zero exit status.
func TestLoadRefusesInWords(t *testing.T) {
	var out, errOut bytes.Buffer
	code := Run([]string{"load", "-"}, bytes.NewReader([]byte("%PDF-1.4 binary")), &out, &errOut)
	if code != exitInvalid || !strings.Contains(errOut.String(), "PDF") || out.Len() != 0 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := Run([]string{"load", "no/such/file.html"}, nil, &out, &errOut); code != exitUsage || !strings.Contains(errOut.String(), "no/such/file.html does not exist: check the path") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut.String())
	}
	if code := Run([]string{"frobnicate"}, nil, &out, &errOut); code != exitUsage {
		t.Errorf("unknown command: exit %d", code)
	}
}

// TestValidateCountsEveryProblem checks that a file with more problems than
// are listed is said to have all of them: 300 annotations that share one
// id print at most the listed problems and the line that counts the rest,
// and the total counts every one.
func TestValidateCountsEveryProblem(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := Run([]string{"load", "../../app/sample/starmer-trump-white-house.txt"}, nil, &out, &errOut); code != exitOK {
		t.Fatalf("load exited %d: %s", code, errOut.String())
	}
	var f annotate.File
	if err := json.Unmarshal(out.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	text := []rune(f.Document.Text)
	const n = 300
	for i := range n {
		// Each annotation its own span, all with one id: 299 errors.
		start := i
		a := annotate.Annotation{ID: "0195a5b4-7c3e-7000-8000-000000000001", Label: "claim", Start: start, End: start + 1,
			Exact: string(text[start : start+1]), Author: "a"}
		a.Prefix = string(text[max(0, start-32):start])
		a.Suffix = string(text[start+1 : min(len(text), start+33)])
		f.Annotations = append(f.Annotations, a)
	}
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "one-id.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errOut.Reset()
	if code := Run([]string{"validate", path}, nil, &out, &errOut); code != exitInvalid {
		t.Fatalf("validate exited %d, want %d: %s", code, exitInvalid, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	if len(lines) != annotate.MaxProblems+2 {
		t.Errorf("validate printed %d lines, want %d problems, the count of the rest and the total", len(lines), annotate.MaxProblems)
	}
	if want := path + ": not valid: 299 problems"; lines[len(lines)-1] != want {
		t.Errorf("the last line is %q, want %q", lines[len(lines)-1], want)
	}
	if !strings.Contains(lines[len(lines)-2], "199 more errors") {
		t.Errorf("the count of the rest is %q", lines[len(lines)-2])
	}
}
