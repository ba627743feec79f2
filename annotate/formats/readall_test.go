package formats

import (
	"cmp"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// exportV1 returns the native export of text with one claim on its first
// word.
func exportV1(t *testing.T, text string) []byte {
	t.Helper()
	doc, err := annotate.Load([]byte(text), annotate.FileSource("a.txt", ""))
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("claim", 0, strings.IndexByte(text, ' ')); err != nil {
		t.Fatal(err)
	}
	data, err := annotate.NewFile(doc, set, nil, time.Unix(0, 0)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadAllMixesFormatsAndArticles(t *testing.T) {
	docs, faults := ReadAll([]Input{
		{Name: "one.json", Data: exportV1(t, "Prices rose again.")},
		{Name: "two.html", Data: []byte("<h1>Two</h1><p>An article with no annotations.</p>")},
		{Name: "bad.json", Data: []byte(`{"version": 1, "document": {}}`)},
		{Name: "image.png", Data: []byte("\x89PNG\r\n\x1a\n")},
	}, nil)
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2: %+v", len(docs), docs)
	}
	var from []string
	for _, d := range docs {
		from = append(from, d.From)
	}
	if strings.Join(from, " ") != "one.json two.html" {
		t.Errorf("documents from %v, want the inputs' order", from)
	}
	if n := len(docs[0].File.Annotations); n != 1 {
		t.Errorf("the export's document has %d annotations, want 1", n)
	}
	if len(faults) != 2 {
		t.Fatalf("faults %v, want two", faults)
	}
	for _, f := range faults {
		if !errors.Is(f, ErrUnreadable) {
			t.Errorf("%v is not an ErrUnreadable", f)
		}
	}
	if faults[0].Name != "bad.json" || faults[0].Line == 0 || !strings.HasPrefix(faults[1].Error(), "image.png: is not a file of any format") {
		t.Errorf("faults %+v, %q", faults[0], faults[1])
	}
}

func TestLookupNamesTheFormats(t *testing.T) {
	if f, err := Lookup("v1"); err != nil || f.Name != "v1" {
		t.Errorf("Lookup(v1) = %v, %v", f.Name, err)
	}
	if _, err := Lookup("xml"); !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "v1") {
		t.Errorf("Lookup(xml) = %v", err)
	}
}

// TestReadAllTellsArticlesFromBratTexts reads a .txt alone as an article,
// as the app opens one (its lines trimmed, paragraphs at blank lines), and
// a .txt beside its .ann as brat's text, kept exactly.
func TestReadAllTellsArticlesFromBratTexts(t *testing.T) {
	text := "  An indented first line.\n\n  And a second paragraph."
	docs, faults := ReadAll([]Input{
		{Name: "article.txt", Data: []byte(text)},
		{Name: "pair.txt", Data: []byte(text)},
		{Name: "pair.ann", Data: []byte("T1\tclaim 2 13\tAn indented\n")},
	}, nil)
	if len(faults) > 0 || len(docs) != 2 {
		t.Fatalf("documents %d, faults %v", len(docs), faults)
	}
	if got := docs[0].File.Document.Text; got != "An indented first line.\n\nAnd a second paragraph." {
		t.Errorf("the lone .txt reads as %q, not as an article", got)
	}
	if got := docs[1].File.Document.Text; got != text || len(docs[1].File.Annotations) != 1 {
		t.Errorf("the brat pair reads as %q with %d annotations", got, len(docs[1].File.Annotations))
	}
	if name, line := (Doc{From: "batch.jsonl:12"}).Where(); name != "batch.jsonl" || line != 12 {
		t.Errorf("Where = %q, %d", name, line)
	}
}

// TestExportNativeNamesDocumentsOfOneIDApart exports two annotators' files
// of one article, which share its id: each gets a file of its own, the
// second named with -2, as brat names its pairs.
func TestExportNativeNamesDocumentsOfOneIDApart(t *testing.T) {
	var files []annotate.File
	for _, data := range [][]byte{exportV1(t, "Prices rose again."), exportV1(t, "Prices rose again."), exportV1(t, "Wages fell.")} {
		docs, faults := native.Import([]Input{{Name: "in.json", Data: data}}, nil)
		if len(faults) > 0 {
			t.Fatal(faults)
		}
		files = append(files, docs[0].File)
	}
	for _, f := range []Format{native, brat} {
		outs, err := f.Export(files, time.Unix(0, 0))
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, o := range outs {
			if seen[o.Name] {
				t.Errorf("%s: two outputs are named %s", f.Name, o.Name)
			}
			seen[o.Name] = true
		}
		second := FileName(files[0].Document.ID) + "-2" + cmp.Or(f.Extension, ".txt")
		if !seen[second] {
			t.Errorf("%s: no output is named %s: %v", f.Name, second, seen)
		}
	}
}

// TestReadAllPutsSpansOnTheArticleOnce reads an article with a CSV of
// spans on it, in either order: one document comes back, the article with
// the spans, not the article twice (once without them). An annotated
// export beside the CSV is an annotator's work, and stays a document of
// its own.
func TestReadAllPutsSpansOnTheArticleOnce(t *testing.T) {
	text := "Prices rose again. Wages did not."
	article := Input{Name: "a.txt", Data: []byte(text)}
	docs, faults := ReadAll([]Input{article}, nil)
	if len(faults) > 0 {
		t.Fatal(faults)
	}
	f := docs[0].File
	set := annotate.NewSet(annotate.NewText(f.Document.Text), f.Schema)
	if _, err := set.Add("claim", 19, 24); err != nil {
		t.Fatal(err)
	}
	f.Annotations = set.All()
	outs, err := csvFormat.Export([]annotate.File{f}, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	rows := Input{Name: "rows.csv", Data: outs[0].Data}
	for _, inputs := range [][]Input{{article, rows}, {rows, article}} {
		docs, faults := ReadAll(inputs, nil)
		if len(faults) > 0 || len(docs) != 1 {
			t.Fatalf("%s, %s: %d documents, faults %v; want one", inputs[0].Name, inputs[1].Name, len(docs), faults)
		}
		if d := docs[0]; d.From != "rows.csv:2" || len(d.File.Annotations) != 1 || d.File.Annotations[0].Exact != "Wages" {
			t.Errorf("%s, %s: the document from %s has %+v", inputs[0].Name, inputs[1].Name, d.From, d.File.Annotations)
		}
	}
	ann := Input{Name: "ann.json", Data: exportV1(t, text)}
	docs, faults = ReadAll([]Input{ann, rows}, nil)
	if len(faults) > 0 || len(docs) != 2 || len(docs[0].File.Annotations) != 1 || len(docs[1].File.Annotations) != 1 {
		t.Fatalf("an annotated export and a CSV on it: %d documents, faults %v; want both", len(docs), faults)
	}
}

// TestReadAllNamesSpansLeftOutAsFaults reads spans that are wrong (offsets
// beyond the text, the wrong way round, inside a surrogate pair): each is
// one of its document's Faults, named by its file and the line that holds
// it (a CSV row's own, not its document's first), as a bad line of brat's
// is, and the rest of the document is kept. They were notes, which the
// command line does not count as errors.
func TestReadAllNamesSpansLeftOutAsFaults(t *testing.T) {
	docs, faults := ReadAll([]Input{
		{Name: "a.jsonl", Data: []byte(`{"id": "a7", "text": "Hello world"}` + "\n" +
			`{"id": "a8", "text": "Hello world!", "spans": [{"start": 0, "end": 5, "label": "claim"}, {"start": 6, "end": 50, "label": "claim"}]}` + "\n")},
		{Name: "rows.csv", Data: []byte("document_id,label,start_codepoint,end_codepoint,text\na7,claim,0,5,Hello\na7,claim,5,2,x\n")},
		{Name: "tasks.json", Data: []byte(`[{"data": {"text": "A 🏠 b"}, "annotations": [{"result": [` +
			`{"id": "r1", "type": "labels", "value": {"start": 0, "end": 1, "labels": ["claim"]}},` +
			`{"id": "r2", "type": "labels", "value": {"start": 3, "end": 5, "labels": ["claim"]}}]}]}]`)},
	}, nil)
	if len(faults) > 0 {
		t.Errorf("faults %v: every file and line can be read", faults)
	}
	var got []string
	for _, d := range docs {
		for _, f := range d.Faults {
			got = append(got, f.Error())
		}
	}
	want := []string{
		"a.jsonl:2: span 2 (claim) is left out: its span [6, 50) is not within the text's 12 code points",
		"rows.csv:3: the span on line 3 (claim) is left out: its span [5, 2) ends before it starts",
		"tasks.json:1: task 1: result 2 (r2): its start 3 falls between the two halves of a character written as a UTF-16 surrogate pair; it is left out",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("faults\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3 (the CSV's spans on a7, a8, the task)", len(docs))
	}
	for _, d := range docs {
		if len(d.File.Annotations) != 1 {
			t.Errorf("%s: annotations %+v; want the good span", d.From, d.File.Annotations)
		}
	}
}

// TestReadAllSaysAFileIsEmpty: an empty file (or one of blank space) that
// no format takes by its name, an export cut short to nothing, was "not
// a file of any format this annotator reads (v1, w3c, …)", which sends
// the user looking for a format. It is said to be empty.
func TestReadAllSaysAFileIsEmpty(t *testing.T) {
	for _, name := range []string{"a.json", "a.ann.json", "a.jsonld"} {
		_, faults := ReadAll([]Input{{Name: name, Data: []byte(" \n")}}, nil)
		if len(faults) != 1 || faults[0].Error() != name+": is empty: it holds nothing to read" {
			t.Errorf("%s: faults %v, want it said to be empty", name, faults)
		}
	}
}
