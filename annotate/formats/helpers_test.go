package formats

// This file holds what the format tests share: the sample article of the
// golden files (testdata/formats/council.v1.json, written by
// TestWriteCouncil when ANNOTATOR_WRITE_GOLDEN=1), the corpus annotated
// with deterministic spans, the golden comparison and the round trip.

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
	"github.com/newsannotator/annotator/internal/testspans"
)

// goldenNow is the time every golden export is stamped with.
var goldenNow = time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)

// sampleHTML is the sample article: emoji outside the BMP (a ZWJ
// sequence, a skin tone, a flag), combining marks, an entity, a line
// break, a list, and a phrase ("the council") that comes back, so that a
// quote needs its context.
const sampleHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council pledges 300 homes 🏠</title>
<meta name="author" content="Zoë Martín"></head>
<body><article>
<h1>Council pledges 300 homes 🏠</h1>
<p>The mayor 👩‍💻 said: “We will build 300 homes by 2027.” The council agreed.</p>
<p>Cafe` + "\u0301" + ` owner Jose` + "\u0301" + ` welcomed it &amp; said: “the council listens 👍🏽.”<br>
Not everyone agreed 🇬🇧.</p>
<ul><li>Cost: €40m</li><li>Homes: 300</li></ul>
<p>The council will vote again in May.</p>
</article></body></html>`

// sampleSpan is one annotation of the sample.
type sampleSpan struct {
	label, exact string
	nth          int // which occurrence of exact, from 0
	attrs        map[string]string
}

var sampleSpans = []sampleSpan{
	{"quote", "“We will build 300 homes by 2027.”", 0, map[string]string{"speaker": "The mayor 👩‍💻"}},
	{"pledge", "We will build 300 homes by 2027", 0, map[string]string{"party": "the council", "note": "Checked <b>&</b> the minutes"}},
	{"claim", "The council agreed.", 0, nil},
	{"quote", "“the council listens 👍🏽.”", 0, map[string]string{"speaker": "Jose\u0301"}},
	{"claim", "listens 👍🏽.”\nNot everyone agreed 🇬🇧.", 0, nil},
	{"claim", "Cost: €40m\nHomes: 300", 0, map[string]string{"note": "two list items"}},
	{"claim", "The council", 1, nil},
	{"claim", "Cafe\u0301 owner", 0, nil},
}

// councilFile makes the sample's native file from sampleHTML and
// sampleSpans, with fixed ids and times.
func councilFile(t testing.TB) annotate.File {
	t.Helper()
	doc, err := annotate.Load([]byte(sampleHTML), annotate.Source{Name: "council.html", MediaType: "text/html", URL: "https://news.example.org/council-homes"})
	if err != nil {
		t.Fatal(err)
	}
	text := doc.Text()
	set := annotate.NewSet(text, annotate.DefaultSchema())
	for i, s := range sampleSpans {
		start := nthIndex(text.String(), s.exact, s.nth)
		if start < 0 {
			t.Fatalf("%q (%d) is not in the sample's text %q", s.exact, s.nth, text.String())
		}
		cp := annotate.RuneCount(text.String()[:start])
		created := time.Date(2026, 1, 2, 3, 4, 5+i, 6_000_000, time.UTC)
		a := annotate.Annotation{ID: fmt.Sprintf("0194a000-0000-7000-8000-%012d", i+1), Label: s.label, Attributes: maps.Clone(s.attrs),
			Author: "annotator-1", Created: created, Modified: created.Add(time.Minute), Anchor: annotate.AnchorExact}
		a.Place(text, cp, cp+annotate.RuneCount(s.exact))
		if err := set.Insert(a); err != nil {
			t.Fatal(err)
		}
	}
	return annotate.NewFile(doc, set, nil, goldenNow)
}

// nthIndex returns the byte offset of the nth occurrence of sub in s
// (from 0), or -1.
func nthIndex(s, sub string, nth int) int {
	at := 0
	for {
		i := strings.Index(s[at:], sub)
		if i < 0 {
			return -1
		}
		if nth == 0 {
			return at + i
		}
		nth--
		at += i + 1
	}
}

// goldenFormats are the formats this package's golden and round-trip
// tests cover.
var goldenFormats = []Format{jsonl, w3c}

// TestGolden compares each format's export of the sample with its golden
// file.
func TestGolden(t *testing.T) {
	for _, f := range goldenFormats {
		t.Run(f.Name, func(t *testing.T) { checkGoldens(t, f, []annotate.File{loadCouncil(t)}) })
	}
}

// TestRoundTrip exports the emoji articles and the corpus in each format
// and imports them back.
func TestRoundTrip(t *testing.T) {
	for _, f := range goldenFormats {
		t.Run(f.Name+"/emoji", func(t *testing.T) { roundTripAll(t, f, emojiArticles(t), nil) })
		t.Run(f.Name+"/corpus", func(t *testing.T) { roundTripAll(t, f, corpusSentences(t, 150), nil) })
	}
}

// councilPath is where the shared sample input is.
const councilPath = "testdata/formats/council.v1.json"

// TestWriteCouncil writes the sample input when ANNOTATOR_WRITE_GOLDEN=1,
// and otherwise checks that the file in the repository is what
// councilFile makes.
func TestWriteCouncil(t *testing.T) {
	data, err := councilFile(t).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(testcorpus.Root(t), councilPath)
	if writeGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if have := testcorpus.File(t, councilPath); !bytes.Equal(have, data) {
		t.Errorf("%s is not what councilFile makes: run the tests with ANNOTATOR_WRITE_GOLDEN=1", councilPath)
	}
}

// loadCouncil reads the sample input back with the native format.
func loadCouncil(t testing.TB) annotate.File {
	t.Helper()
	docs, faults := native.Import([]Input{{Name: councilPath, Data: testcorpus.File(t, councilPath)}}, nil)
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("the sample does not import: %v", faults)
	}
	f := docs[0].File
	f.Exported = goldenNow
	return f
}

// checkGoldens compares the export of files by format with the golden
// files in testdata/formats/<format>/, named "sample" and the output's
// name (or the format's extension), or writes them when
// ANNOTATOR_WRITE_GOLDEN=1.
func checkGoldens(t *testing.T, f Format, files []annotate.File) {
	t.Helper()
	out, err := f.Export(files, goldenNow)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(testcorpus.Root(t), "testdata", "formats", f.Name)
	for _, o := range out {
		name := o.Name
		if name == "" {
			name = "sample" + f.Extension
		}
		matchGolden(t, filepath.Join(dir, name), o.Data)
		if !bytes.HasSuffix(o.Data, []byte("\n")) {
			t.Errorf("the %s export does not end with a newline", f.Name)
		}
	}
}

// roundTripAll exports files by format, imports the result and checks that
// every document comes back with the same annotations: id, label, exact
// and attributes, and start and end too where the text came back the
// same. It returns the documents read back.
func roundTripAll(t *testing.T, f Format, files []annotate.File, known Known) []Doc {
	t.Helper()
	out, err := f.Export(files, goldenNow)
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for _, o := range out {
		in := Input{Name: cmp.Or(o.Name, "export"+f.Extension), Data: o.Data}
		if !f.Recognise(in) {
			t.Errorf("%s does not recognise its own export %s", f.Name, in.Name)
		}
		if g, ok := Recognise(in); !ok || g.Name != f.Name {
			t.Errorf("the export of %s is recognised as %q", f.Name, g.Name)
		}
		inputs = append(inputs, in)
	}
	docs, faults := f.Import(inputs, known)
	for _, fault := range faults {
		t.Errorf("importing the export: %v", fault)
	}
	if len(docs) != len(files) {
		t.Fatalf("%d documents came back of %d", len(docs), len(files))
	}
	for i, d := range docs {
		sameAnnotations(t, files[i], d)
	}
	return docs
}

// sameAnnotations checks that d holds the placed annotations of want.
func sameAnnotations(t *testing.T, want annotate.File, d Doc) {
	t.Helper()
	got := d.File
	if len(got.Orphans) > 0 {
		t.Errorf("%s: %d orphans came back: %v", d.From, len(got.Orphans), d.Notes)
	}
	sameText := got.Document.Text == want.Document.Text
	if !sameText {
		t.Errorf("%s: the text came back different:\n%q\nwant\n%q", d.From, abbreviate(got.Document.Text), abbreviate(want.Document.Text))
	}
	byID := map[string]annotate.Annotation{}
	for _, a := range got.Annotations {
		byID[a.ID] = a
	}
	if len(got.Annotations) != len(want.Annotations) {
		t.Errorf("%s: %d annotations came back of %d", d.From, len(got.Annotations), len(want.Annotations))
	}
	text := annotate.NewText(got.Document.Text)
	for _, w := range want.Annotations {
		g, ok := byID[w.ID]
		switch {
		case !ok:
			t.Errorf("%s: annotation %s (%s %q) did not come back", d.From, w.ID, w.Label, w.Exact)
		case g.Label != w.Label || g.Exact != w.Exact || !maps.Equal(g.Attributes, w.Attributes) && len(g.Attributes)+len(w.Attributes) > 0:
			t.Errorf("%s: annotation %s came back as %s %q %v, want %s %q %v", d.From, w.ID, g.Label, g.Exact, g.Attributes, w.Label, w.Exact, w.Attributes)
		case sameText && (g.Start != w.Start || g.End != w.End):
			t.Errorf("%s: annotation %s came back at [%d, %d), want [%d, %d)", d.From, w.ID, g.Start, g.End, w.Start, w.End)
		case text.Slice(g.Start, g.End) != g.Exact:
			t.Errorf("%s: annotation %s: [%d, %d) does not hold %q", d.From, w.ID, g.Start, g.End, g.Exact)
		}
	}
}

// corpusSentences loads every corpus page (the sample testdata ships, and the
// shared corpus when it is there) and annotates it deterministically:
// as testspans.Sentences does.
func corpusSentences(t testing.TB, max int) []annotate.File {
	t.Helper()
	corpusMu.Lock()
	defer corpusMu.Unlock()
	if files, ok := councilCorpusCache[max]; ok {
		return files
	}
	var files []annotate.File
	for _, page := range testcorpus.Pages(t) {
		data, err := os.ReadFile(page.Source())
		if err != nil {
			t.Fatal(err)
		}
		doc, err := annotate.Load(data, annotate.Source{Name: page.Name + ".html", MediaType: "text/html", URL: "https://corpus.example/" + page.Name})
		if err != nil {
			t.Fatalf("%s: %v", page.Name, err)
		}
		files = append(files, tagSentences(t, doc, max))
	}
	councilCorpusCache[max] = files
	return files
}

// councilCorpusCache keeps the annotated corpus, by max, for the tests that use
// it after the first: the tests only read it.
var (
	corpusMu           sync.Mutex
	councilCorpusCache = map[int][]annotate.File{}
)

// tagSentences tags the sentences of doc as testspans.Sentences does.
func tagSentences(t testing.TB, doc *annotate.Document, max int) annotate.File {
	t.Helper()
	f, err := testspans.Sentences(doc, max)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// emojiArticles are the hand-made articles: the sample, and
// testdata/emoji-article.html with nested spans.
func emojiArticles(t testing.TB) []annotate.File {
	t.Helper()
	doc, err := annotate.Load(testcorpus.File(t, "testdata/emoji-article.html"), annotate.Source{Name: "emoji-article.html", MediaType: "text/html"})
	if err != nil {
		t.Fatal(err)
	}
	f := tagSentences(t, doc, 100)
	text := doc.Text().String()
	set := annotate.NewSet(doc.Text(), f.Schema)
	set.InsertAll(f.Annotations)
	for _, phrase := range []string{"👩‍💼", "we will cut taxes 💷 by 2027 🇬🇧", "Café", "naïve", "𝐁𝐨𝐥𝐝", "👨‍👩‍👧 and a thumbs-up 👍🏽"} {
		i := strings.Index(text, phrase)
		if i < 0 {
			t.Fatalf("%q is not in the emoji article", phrase)
		}
		start := annotate.RuneCount(text[:i])
		if _, err := set.Add("pledge", start, start+annotate.RuneCount(phrase)); err != nil {
			t.Fatal(err)
		}
	}
	f.Annotations = set.All()
	return []annotate.File{councilFile(t), f}
}
