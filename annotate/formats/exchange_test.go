package formats

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// knownOf finds a document of files by its id or URL, as a conversion
// finds the documents of its other inputs.
func knownOf(files []annotate.File) Known {
	return func(idOrURL string) (annotate.File, bool) {
		for _, f := range files {
			if f.Document.ID == idOrURL || (f.Document.URL != "" && f.Document.URL == idOrURL) {
				return f, true
			}
		}
		return annotate.File{}, false
	}
}

// inputsOf makes an export's outputs the inputs of an import, naming a
// single output "out" and the format's extension.
func inputsOf(f Format, outs []Output) []Input {
	var ins []Input
	for _, o := range outs {
		name := o.Name
		if name == "" {
			name = "out" + f.Extension
		}
		ins = append(ins, Input{Name: name, Data: o.Data})
	}
	return ins
}

// roundTrip exports files in f and imports them back, with the files as
// the documents the conversion knows. Every output must be recognised as
// f's, and the import must have no fault.
func roundTrip(t *testing.T, f Format, files []annotate.File) []Doc {
	t.Helper()
	outs, err := f.Export(files, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	ins := inputsOf(f, outs)
	for _, in := range ins {
		if got, ok := Recognise(in); !ok || got.Name != f.Name {
			t.Errorf("%s: recognised as %q (%v), not %s", in.Name, got.Name, ok, f.Name)
		}
	}
	docs, faults := f.Import(ins, knownOf(files))
	for _, fault := range faults {
		t.Errorf("fault: %v", fault)
	}
	return docs
}

// checkRoundTrips exports the hand-made articles and the corpus in f and
// imports them back, knowing the documents, as a conversion that has
// them does: the documents must come back with their HTML, and with the
// same annotations. keep, when not nil, picks the files the import must
// give back.
func checkRoundTrips(t *testing.T, f Format, c carries, keep func([]annotate.File) []annotate.File) {
	for name, files := range map[string][]annotate.File{"hand-made": handMade(t), "corpus": corpusFiles(t)} {
		t.Run(name, func(t *testing.T) {
			if keep != nil {
				files = keep(files)
			}
			docs := roundTrip(t, f, files)
			if len(docs) != len(files) {
				t.Fatalf("%d documents back, not %d", len(docs), len(files))
			}
			ids := map[string]int{}
			for _, f := range files {
				ids[f.Document.ID]++
			}
			for i, d := range docs {
				checkSame(t, files[i], d, c)
				// Pages of one text are one document, whose HTML is
				// the first's.
				if d.File.Document.HTML != files[i].Document.HTML && ids[files[i].Document.ID] == 1 {
					t.Errorf("%s: the document lost its HTML", files[i].Document.ID)
				}
			}
		})
	}
}

// carries says which fields of an annotation a format carries besides
// label, span, text and attributes.
type carries struct{ ids, authorAndTimes bool }

// checkSame fails t unless got holds the placed annotations of want, by
// label, start, end, exact text and attributes, and by the fields c says.
func checkSame(t *testing.T, want annotate.File, got Doc, c carries) {
	t.Helper()
	if got.File.Document.Text != want.Document.Text {
		t.Fatalf("%s: the text came back different:\n%q\nnot\n%q", want.Document.ID, got.File.Document.Text, want.Document.Text)
	}
	key := func(a annotate.Annotation) string {
		k := fmt.Sprintf("%s %d %d %q %v", a.Label, a.Start, a.End, a.Exact, a.Attributes)
		if c.ids {
			k += " " + a.ID
		}
		if c.authorAndTimes {
			k += fmt.Sprintf(" %s %s %s", a.Author, a.Created.UTC().Format(time.RFC3339Nano), a.Modified.UTC().Format(time.RFC3339Nano))
		}
		return k
	}
	set := func(as []annotate.Annotation) map[string]int {
		m := map[string]int{}
		for _, a := range as {
			m[key(a)]++
		}
		return m
	}
	w, g := set(want.Annotations), set(got.File.Annotations)
	if !maps.Equal(w, g) {
		for k := range w {
			if w[k] != g[k] {
				t.Errorf("%s: sent %d, got back %d of %s", want.Document.ID, w[k], g[k], k)
			}
		}
		for k := range g {
			if w[k] == 0 {
				t.Errorf("%s: got back %s, not sent", want.Document.ID, k)
			}
		}
	}
	if len(got.File.Orphans) > 0 || got.Moved != 0 {
		t.Errorf("%s: %d orphans, %d moved; notes %q", want.Document.ID, len(got.File.Orphans), got.Moved, got.Notes)
	}
}

// emojiFile is a small article whose spans start and end next to astral
// characters, ZWJ sequences, flags, skin tones and combining marks, and
// nest.
func emojiFile(t *testing.T) annotate.File {
	t.Helper()
	text := "👨‍👩‍👧‍👦 family 🇫🇷 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿 flags.\n\nNgũgĩ said: “e\u0301e\u0301 👍🏽 ok 𝕏”."
	var spans []Span
	for i, part := range []struct{ label, exact string }{
		{"claim", "👨‍👩‍👧‍👦"}, {"claim", "👨‍👩‍👧‍👦 family 🇫🇷"}, {"quote", "🇫🇷 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿"},
		{"quote", "“e\u0301e\u0301 👍🏽 ok 𝕏”"}, {"claim", "e\u0301e\u0301 👍🏽"}, {"pledge", "𝕏"}, {"claim", "flags.\n\nNgũgĩ"},
	} {
		b := strings.Index(text, part.exact)
		start := annotate.RuneCount(text[:b])
		spans = append(spans, Span{ID: fmt.Sprintf("01943a6e-8b00-7000-8000-%012d", 100+i), Label: part.label, Start: start, End: start + annotate.RuneCount(part.exact),
			Attributes: map[string]string{"speaker": "Ngũgĩ 👍🏽"}, Author: "bo", Created: time.Date(2026, 2, 3, 4, 5, 6, 7e6, time.UTC)})
	}
	d, err := Build(Plain{Title: "Emoji", Text: text, Spans: spans}, "emoji.txt")
	if err != nil || len(d.File.Annotations) != len(spans) {
		t.Fatalf("%v %q", err, d.Notes)
	}
	return d.File
}

// handMade returns the sample and the emoji article.
func handMade(t *testing.T) []annotate.File { return []annotate.File{sample(t), emojiFile(t)} }

// corpusFiles loads every page of the corpus (testdata's, and the shared
// one when it is there) and annotates it the same way on every run: every
// other sentence a claim, a quote nested in it, a pledge across two
// sentences now and then (across a paragraph break when they are apart),
// with attributes; at most 100 annotations a page.
func corpusFiles(t *testing.T) []annotate.File {
	t.Helper()
	corpusCache.Lock()
	defer corpusCache.Unlock()
	if corpusCache.files == nil {
		corpusCache.files = loadCorpusFiles(t)
	}
	return slices.Clone(corpusCache.files)
}

// corpusCache keeps corpusFiles' files, which the tests only read, for
// the next test that asks.
var corpusCache struct {
	sync.Mutex
	files []annotate.File
}

func loadCorpusFiles(t *testing.T) []annotate.File {
	var files []annotate.File
	for _, page := range testcorpus.Pages(t) {
		data, err := os.ReadFile(page.Source())
		if err != nil {
			t.Fatal(err)
		}
		doc, err := annotate.Load(data, annotate.Source{Name: filepath.Base(page.Dir) + ".html", MediaType: "text/html", URL: "https://example.org/" + page.Name})
		if err != nil {
			continue
		}
		files = append(files, annotateSentences(doc, 100))
	}
	if len(files) == 0 {
		t.Fatal("no corpus page loaded")
	}
	return files
}

// annotateSentences annotates doc's sentences, at most max annotations.
func annotateSentences(doc *annotate.Document, max int) annotate.File {
	text := doc.Text()
	set := annotate.NewSet(text, annotate.DefaultSchema())
	set.SetAuthor("corpus")
	starts := append(annotate.SentenceStarts(text.String()), text.Len())
	for i := 0; i+1 < len(starts) && set.Len() < max; i++ {
		s, e := starts[i], starts[i+1]
		switch i % 4 {
		case 0:
			set.Add("claim", s, e)
			sentence := text.Slice(s, e)
			if sp := strings.IndexByte(sentence, ' '); sp > 0 {
				if q, err := set.Add("quote", s+annotate.RuneCount(sentence[:sp+1]), e); err == nil {
					set.SetAttribute(q.ID, annotate.AttrSpeaker, fmt.Sprintf("Speaker %d", i))
				}
			}
		case 2:
			if i+2 < len(starts) {
				if p, err := set.Add("pledge", s, starts[i+2]); err == nil {
					party := "Party & <Co>"
					if i%8 == 2 {
						party = "Labour" // one word: a brat attribute
					}
					set.SetAttribute(p.ID, annotate.AttrParty, party)
					set.SetAttribute(p.ID, annotate.AttrNote, fmt.Sprintf("=note %d", i))
				}
			}
		}
	}
	return annotate.NewFile(doc, set, nil, time.Time{})
}

// checkGolden exports the sample in f and compares every output, and
// the extra files given, byte for byte with testdata/formats/DIR/…, a
// single output being "sample" and f's extension; with
// ANNOTATOR_WRITE_GOLDEN=1 it writes them instead.
func checkGolden(t *testing.T, f Format, dir string, extra ...Output) {
	t.Helper()
	outs, err := f.Export([]annotate.File{sample(t)}, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for i := range outs {
		if outs[i].Name == "" {
			outs[i].Name = "sample" + f.Extension
		}
	}
	root := filepath.Join(testcorpus.Root(t), "testdata", "formats", dir)
	for _, o := range append(outs, extra...) {
		matchGolden(t, filepath.Join(root, o.Name), o.Data)
	}
}

// matchGolden compares data with the golden file at path, or writes it
// there when ANNOTATOR_WRITE_GOLDEN=1.
func matchGolden(t *testing.T, path string, data []byte) {
	t.Helper()
	if writeGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run the tests with ANNOTATOR_WRITE_GOLDEN=1 to write the golden files", err)
	}
	if !bytes.Equal(want, data) {
		t.Errorf("%s differs from what the export writes now; if the change is meant, run the tests with ANNOTATOR_WRITE_GOLDEN=1 and review the diff", path)
	}
}

// nowForTests is the time the tests export at.
var nowForTests = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// utf16Units returns s in UTF-16 code units, as JavaScript holds it.
func utf16Units(s string) []uint16 { return utf16.Encode([]rune(s)) }

// utf16Runes decodes UTF-16 code units.
func utf16Runes(u []uint16) []rune { return utf16.Decode(u) }

// checkWithoutTheDocuments exports the corpus in f and imports it with
// no document known, as a conversion of the export alone does: the text
// is then kept verbatim (Plain.Verbatim), so every document must come
// back with the same text and the same set, even where reading the text
// as a .txt would change it (<pre> indentation, table tabs, runs of blank
// lines: 41 of the 130 pages before Verbatim).
func checkWithoutTheDocuments(t *testing.T, f Format, c carries) {
	files := corpusFiles(t)
	outs, err := f.Export(files, nowForTests)
	if err != nil {
		t.Fatal(err)
	}
	docs, faults := f.Import(inputsOf(f, outs), nil)
	if len(faults) > 0 || len(docs) != len(files) {
		t.Fatalf("%d documents of %d, faults %v", len(docs), len(files), faults)
	}
	for i, d := range docs {
		if d.File.Document.Text != files[i].Document.Text {
			t.Errorf("%s: the text came back changed", d.From)
			continue
		}
		checkSame(t, files[i], d, c)
	}
}

// runPython runs a Python script with args, and skips t when python3 is
// not on PATH.
func runPython(t *testing.T, script string, args ...string) ([]byte, error) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH")
	}
	return exec.Command(python, append([]string{"-c", script}, args...)...).CombinedOutput()
}

// writeOutputs writes outs into dir, a single output as name.
func writeOutputs(t *testing.T, dir, name string, outs []Output) {
	t.Helper()
	for _, o := range outs {
		n := o.Name
		if n == "" {
			n = name
		}
		if err := os.WriteFile(filepath.Join(dir, n), o.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestRecognisersTellTheFormatsApart gives every golden file, and the
// native sample, to every recogniser of this file's formats and the
// native one: only its own format's takes it.
func TestRecognisersTellTheFormatsApart(t *testing.T) {
	root := filepath.Join(testcorpus.Root(t), "testdata", "formats")
	cases := map[string]string{"sample.v1.json": "v1"}
	for _, dir := range []string{"labelstudio", "brat", "csv"} {
		names, err := filepath.Glob(filepath.Join(root, dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if base := filepath.Base(n); base != "README.md" && base != "label_config.xml" {
				cases[filepath.Join(dir, base)] = dir
			}
		}
	}
	for name, want := range cases {
		in := Input{Name: name, Data: testcorpus.File(t, "testdata/formats/"+filepath.ToSlash(name))}
		for _, f := range []Format{native, labelStudio, brat, csvFormat} {
			if got := f.Recognise(in); got != (f.Name == want) {
				t.Errorf("%s: %s's recogniser says %v", name, f.Name, got)
			}
		}
		// Renamed, a file is still told by its bytes, but for brat's,
		// whose .txt is any text.
		if want != "brat" {
			in.Name = "renamed.dat"
			if f, ok := Recognise(in); !ok || f.Name != want {
				t.Errorf("%s renamed: recognised as %q", name, f.Name)
			}
		}
	}
}

// TestAttributeNamesThatLookLikeFieldsRoundTrip sends a span whose
// attributes are named as the formats' own fields, and with "attr_" at
// their start, through each format that writes attributes under their
// names beside its own fields: every name comes back as it was. A name
// that started with "attr_" was written as it stands and read back
// without it (attr_text as text, attr_note as the note), and beside an
// attribute "text" it made a JSON Lines span with the key "attr_text"
// twice.
func TestAttributeNamesThatLookLikeFieldsRoundTrip(t *testing.T) {
	attrs := map[string]string{
		"text": "B", "attr_text": "A", "label": "L", "attr_label": "AL", "id": "I", "attr_id": "AI",
		"start": "S", "author": "Au", "attr_author": "AAu", "document_id": "D", "note": "the note",
		"attr_note": "AN", "attr_attr_x": "Z", "attr_speaker": "AS",
	}
	text := "Prices rose again. Wages did not."
	d, err := Build(Plain{Text: text, Spans: []Span{{Label: "claim", Start: 0, End: 6, Attributes: attrs}}}, "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := []annotate.File{d.File}
	for _, f := range []Format{jsonl, labelStudio, csvFormat} {
		t.Run(f.Name, func(t *testing.T) {
			for _, single := range []string{"text", "attr_text", "attr_label", "attr_id", "attr_author", "attr_note"} {
				one := d.File
				a := one.Annotations[0]
				a.Attributes = map[string]string{single: "v"}
				one.Annotations = []annotate.Annotation{a}
				roundTripAll(t, f, []annotate.File{one}, knownOf(files))
			}
			roundTripAll(t, f, files, knownOf(files))
		})
	}
}

// TestSchemaNameKeepsNamesASchemaTakes: every format reads another tool's
// names through schemaName, so it must give back a name a schema takes as
// it is; it made "claim_" "claim", and a CSV, brat or Label Studio file of
// this annotator's came back with its labels renamed.
func TestSchemaNameKeepsNamesASchemaTakes(t *testing.T) {
	for in, want := range map[string]string{
		"claim_": "claim_", "a-": "a-", "x_1": "x_1", "due date": "due_date", "Person.": "person", "GPE.LOC": "gpe_loc",
		" PER ": "per", "due  date": "due__date", "42": "", "?": "",
		strings.Repeat("a", 31) + " b": strings.Repeat("a", 23) + "_" + nameHash(strings.Repeat("a", 31)+" b"),
		strings.Repeat("a", 40):        strings.Repeat("a", 23) + "_" + nameHash(strings.Repeat("a", 40)),
		strings.Repeat("a", 32):        strings.Repeat("a", 32),
		"人物":                           "name_" + nameHash("人物"), "Персона": "name_" + nameHash("Персона"),
	} {
		if got := schemaName(in); got != want {
			t.Errorf("schemaName(%q) = %q, want %q", in, got, want)
		}
	}
}
