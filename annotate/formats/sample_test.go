package formats

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// writeGolden reports whether the test run rewrites the sample and the
// golden files (ANNOTATOR_WRITE_GOLDEN=1) rather than comparing with them.
func writeGolden() bool { return os.Getenv("ANNOTATOR_WRITE_GOLDEN") == "1" }

// samplePath is the shared input of every format's golden files.
const samplePath = "testdata/formats/sample.v1.json"

// sampleText is a small article with an astral emoji, a ZWJ sequence, an
// emoji with a skin-tone modifier, combining marks, '<', '>' and '&', a
// line break inside a paragraph and blank lines between paragraphs.
const sampleText = "Café owners meet the mayor 👩‍💻\n\n" +
	"The mayor said: “We will build 300 homes by 2027 🏠.” Critics called it a promise e\u0301lectorale.\n\n" +
	"Zoë Ångström (👍🏽) replied: “Prices rose 3 % in Malmö & <Lund>.”\n\n" +
	"The council will vote on Friday.\nResults follow next week."

// sampleFile makes the sample's native file, the same on every run: fixed
// ids and times, spans found by their text, nested (a quote in a claim, a
// pledge in the quote) and overlapping (a claim across a paragraph break),
// attributes and a note that starts with '-', as a spreadsheet formula
// would.
func sampleFile(t *testing.T) annotate.File {
	t.Helper()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	span := func(n int, label, exact string, attrs map[string]string) Span {
		i := strings.Index(sampleText, exact)
		if i < 0 {
			t.Fatalf("%q is not in the sample", exact)
		}
		start := annotate.RuneCount(sampleText[:i])
		return Span{ID: fmt.Sprintf("01943a6e-8b00-7000-8000-%012d", n), Label: label, Start: start, End: start + annotate.RuneCount(exact),
			Attributes: attrs, Author: "ada", Created: at.Add(time.Duration(n) * time.Minute), Modified: at.Add(time.Duration(n) * time.Hour)}
	}
	p := Plain{Title: "Café owners meet the mayor 👩‍💻", URL: "https://example.org/news/cafe-mayor", Text: sampleText,
		Meta: annotate.Meta{Author: "A. Reporter", Published: "2026-01-01", Language: "en", SiteName: "Example News"},
		Spans: []Span{
			span(1, "claim", "The mayor said: “We will build 300 homes by 2027 🏠.”", nil),
			span(2, "quote", "We will build 300 homes by 2027 🏠.", map[string]string{"speaker": "The mayor"}),
			span(3, "pledge", "build 300 homes by 2027 🏠", map[string]string{"party": "City Council", "note": "-3 % on last year's plan; check the figure"}),
			span(4, "claim", "a promise e\u0301lectorale", nil),
			span(5, "quote", "Prices rose 3 % in Malmö & <Lund>.", map[string]string{"speaker": "Zoë Ångström (👍🏽)"}),
			span(6, "claim", "“Prices rose 3 % in Malmö & <Lund>.”\n\nThe council will vote on Friday.", nil),
			span(7, "claim", "The council will vote on Friday.\nResults follow next week.", map[string]string{"note": "=1+1 is a formula in a spreadsheet"}),
		}}
	d, err := Build(p, "sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.File.Annotations) != len(p.Spans) || d.Moved != 0 || len(d.Notes) > 0 {
		t.Fatalf("the sample does not build: %d annotations, moved %d, notes %q", len(d.File.Annotations), d.Moved, d.Notes)
	}
	d.File.Exported = at
	d.File.Document.Meta.Source = "sample.txt"
	return d.File
}

// sample returns the shared sample, read back from testdata as the native
// import reads it; with ANNOTATOR_WRITE_GOLDEN=1 it writes it first.
func sample(t *testing.T) annotate.File {
	t.Helper()
	path := filepath.Join(testcorpus.Root(t), filepath.FromSlash(samplePath))
	if writeGolden() {
		data, err := sampleFile(t).Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	docs, faults := native.Import([]Input{{Name: samplePath, Data: data}}, nil)
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("the sample does not import: %v", faults)
	}
	return docs[0].File
}

// TestSampleIsWhatItsGeneratorMakes keeps testdata's sample the generator's.
func TestSampleIsWhatItsGeneratorMakes(t *testing.T) {
	sample(t)
	want, err := sampleFile(t).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	got := testcorpus.File(t, samplePath)
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not what sampleFile makes; run the tests with ANNOTATOR_WRITE_GOLDEN=1 to write it again", samplePath)
	}
}
