//go:build !wasm

package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// writeWithLabels writes an export of text with no annotation whose
// schema has n labels named prefix0, prefix1….
func writeWithLabels(t *testing.T, dir, name, text, prefix string, n int) string {
	t.Helper()
	doc, err := annotate.Load([]byte(text), annotate.FileSource(name, "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	var s annotate.Schema
	for i := range n {
		s.Labels = append(s.Labels, annotate.Label{Name: fmt.Sprintf("%s%d", prefix, i), Color: "#000000",
			Key: string(rune('a' + i)), Attributes: []string{}})
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	return saveExport(t, dir, name, doc, annotate.NewSet(doc.Text(), s))
}

// TestMergeOfSchemasThatDoNotMerge: files that were read and whose
// schemas cannot make one (more labels together than a schema holds) are
// input that is not what merge needs: exit 1, as for files of different
// texts, not 2, which says the command was misused or a file unread.
func TestMergeOfSchemasThatDoNotMerge(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	a := writeWithLabels(t, dir, "a.json", text, "alpha", 14)
	b := writeWithLabels(t, dir, "b.json", text, "beta", 14)
	code, stdout, stderr := run(nil, "merge", a, b)
	if code != exitInvalid || stdout != "" || !strings.Contains(stderr, "schemas do not merge") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestOutputOverAnInputIsRefused: -o naming a file that is read (merge -o
// a.json a.json b.json, or a file of a folder read) wrote the result over
// it, and the annotator's own export was gone. It is refused, and nothing
// is written; another existing file is still written over, as -o says.
func TestOutputOverAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	a := writeExport(t, dir, "a.json", text, "Prices")
	b := writeExport(t, dir, "b.json", text, "Wages")
	before, _ := os.ReadFile(a)
	for _, args := range [][]string{
		{"merge", "-o", a, a, b},
		{"merge", a, b, "-o", filepath.Join(dir, ".", "a.json")},
		{"convert", "--to", "v1", "-o", a, a},
		{"convert", "--to", "jsonl", "-o", b, dir},
	} {
		code, _, stderr := run(nil, args...)
		if code != exitUsage || !strings.Contains(stderr, "is one of the files read") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
		if after, _ := os.ReadFile(a); !bytes.Equal(after, before) {
			t.Fatalf("%q wrote over %s", args, a)
		}
	}
	other := filepath.Join(t.TempDir(), "gold.json")
	if err := os.WriteFile(other, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(nil, "merge", "-o", other, a, b); code != exitOK {
		t.Fatalf("merge into another file: exit %d, %s", code, stderr)
	}
	if got, _ := os.ReadFile(other); bytes.Equal(got, []byte("old")) {
		t.Error("merge -o an existing file that is not read did not write it")
	}
}
