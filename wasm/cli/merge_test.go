//go:build !wasm

package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
// is written, -f or not.
func TestOutputOverAnInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	a := writeExport(t, dir, "a.json", text, "Prices")
	b := writeExport(t, dir, "b.json", text, "Wages")
	before, _ := os.ReadFile(a)
	for _, args := range [][]string{
		{"merge", "-o", a, a, b},
		{"merge", a, b, "-o", filepath.Join(dir, ".", "a.json")},
		{"merge", "-f", "-o", a, a, b},
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
}

// TestOutputOverAnExistingFileNeedsForce: merge -o gold.json, or convert
// -o dataset.jsonl, wrote over a file of that name that was already there
// (last week's gold file, say) without a word, where convert into a
// folder never wrote over a file in it. Every -o now refuses a file that
// is there, and writes nothing, unless -f asks to write over it; -f lets
// convert write over the files in its folder too.
func TestOutputOverAnExistingFileNeedsForce(t *testing.T) {
	dir := t.TempDir()
	text := "Prices rose again. Wages did not."
	a := writeExport(t, dir, "a.json", text, "Prices")
	b := writeExport(t, dir, "b.json", text, "Wages")
	outDir := t.TempDir()
	gold, dataset := filepath.Join(outDir, "gold.json"), filepath.Join(outDir, "dataset.jsonl")
	for _, args := range [][]string{
		{"merge", "-o", gold, a, b},
		{"convert", "--to", "jsonl", "-o", dataset, a, b},
	} {
		out := args[slices.Index(args, "-o")+1]
		if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := run(nil, args...)
		if code != exitUsage || !strings.Contains(stderr, out+" is already there: give -f to write over it, or another name (nothing was written)") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
		if got, _ := os.ReadFile(out); string(got) != "old" {
			t.Errorf("%q wrote over %s", args, out)
		}
		if code, _, stderr := run(nil, append(args, "-f")...); code != exitOK {
			t.Errorf("%q -f: exit %d, %s", args, code, stderr)
		}
		if got, _ := os.ReadFile(out); string(got) == "old" {
			t.Errorf("%q -f did not write over %s", args, out)
		}
	}
	// Into a folder: the files already there are written over with -f.
	folder := filepath.Join(t.TempDir(), "brat")
	if code, _, stderr := run(nil, "convert", "--to", "brat", "-o", folder, a); code != exitOK {
		t.Fatalf("convert into a new folder: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(nil, "convert", "--to", "brat", "-o", folder, a); code != exitUsage || !strings.Contains(stderr, "is already there: give -f to write over it") {
		t.Errorf("again into the folder: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := run(nil, "convert", "-f", "--to", "brat", "-o", folder, a); code != exitOK {
		t.Errorf("again into the folder with -f: exit %d, %s", code, stderr)
	}
}

// TestMergeSaysAttributesThatDiffer: two annotators name different
// speakers of one quote, and one file is given twice: merge says that the
// quote keeps the first file's speaker, and that the file is given twice.
// The merged file took the first speaker with nothing said.
func TestMergeSaysAttributesThatDiffer(t *testing.T) {
	dir := t.TempDir()
	text := "The mayor said “we will build homes” on Monday."
	withSpeaker := func(name, speaker string) string {
		doc, err := annotate.Load([]byte(text), annotate.FileSource(name, "text/plain"))
		if err != nil {
			t.Fatal(err)
		}
		set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
		start := annotate.RuneCount(text[:strings.Index(text, "we will")])
		q, err := set.Add("quote", start, start+annotate.RuneCount("we will build homes"))
		if err != nil {
			t.Fatal(err)
		}
		if err := set.SetAttribute(q.ID, annotate.AttrSpeaker, speaker); err != nil {
			t.Fatal(err)
		}
		return saveExport(t, dir, name, doc, set)
	}
	a, b := withSpeaker("a.json", "the mayor"), withSpeaker("b.json", "Mayor Lee")
	code, _, stderr := run(nil, "merge", "-o", filepath.Join(dir, "merged.json"), a, b)
	if code != exitOK || !strings.Contains(stderr, "note: 1 span was given different attributes by its annotators; each keeps the first file's") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if strings.Contains(stderr, "same annotations") {
		t.Errorf("two annotators' files are said to be one's: %q", stderr)
	}
	code, _, stderr = run(nil, "merge", "-o", filepath.Join(dir, "twice.json"), a, a)
	if code != exitOK || !strings.Contains(stderr, "note: The same annotations, by id, are in more than one file") || strings.Contains(stderr, "different attributes") {
		t.Errorf("the same file twice: exit %d, stderr %q", code, stderr)
	}
}
