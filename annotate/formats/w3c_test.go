package formats

import (
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestW3CQuotesAreDOMText checks the quotes of the sample: no blank line
// between paragraphs, and each quote with its context found once only in
// the DOM text, at its place.
func TestW3CQuotesAreDOMText(t *testing.T) {
	f := loadCouncil(t)
	c := exportCollection(t, []annotate.File{f})
	doc, err := annotate.FromSanitized(f.Document.HTML, "", "", annotate.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	dom, err := newDOMText(doc)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(dom.text.String(), "\n\n") || !strings.Contains(dom.text.String(), "€40mHomes: 300\nThe council") {
		t.Errorf("the DOM text is not the text nodes': %q", dom.text.String())
	}
	for _, a := range c.First.Items {
		q, p := a.Target.Selector[0], a.Target.Selector[1]
		ds, de, ok := dom.find(*q.Exact, *q.Prefix, *q.Suffix)
		if !ok {
			t.Errorf("%s: the quote %q is not found once", a.ID, *q.Exact)
			continue
		}
		if got := [2]int{dom.fromDOM(ds, true), dom.fromDOM(de, false)}; got != [2]int{*p.Start, *p.End} {
			t.Errorf("%s: the quote %q is at %v in the canonical text, the position says [%d, %d)", a.ID, *q.Exact, got, *p.Start, *p.End)
		}
	}
	// "The council" is there three times: its context tells them apart.
	last := c.First.Items[len(c.First.Items)-1]
	if q := last.Target.Selector[0]; *q.Exact != "The council" || !strings.Contains(*q.Prefix, "Homes: 300") {
		t.Errorf("the last quote: %+v", q)
	}
}

func exportCollection(t *testing.T, files []annotate.File) w3cCollection {
	t.Helper()
	out, err := w3c.Export(files, goldenNow)
	if err != nil {
		t.Fatal(err)
	}
	var c w3cCollection
	if err := json.Unmarshal(out[0].Data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// foreignW3C is a file of another tool: annotations of the sample by its
// URL, a quote without a position, a position in other units with a
// quote, and one without a label.
const foreignW3C = `{
  "@context": "http://www.w3.org/ns/anno.jsonld",
  "type": "AnnotationPage",
  "items": [
    {"id": "https://other.example/a1", "type": "Annotation", "motivation": "highlighting",
     "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
     "target": {"source": "https://news.example.org/council-homes",
                "selector": {"type": "TextQuoteSelector", "exact": "The council", "prefix": "Homes: 300", "suffix": " will vote"}}},
    {"id": "https://other.example/a2", "type": "Annotation",
     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "quote"}, {"type": "TextualBody", "purpose": "commenting", "value": "a comment"}],
     "target": {"source": "https://news.example.org/council-homes",
                "selector": [{"type": "TextPositionSelector", "start": 3, "end": 9},
                             {"type": "TextQuoteSelector", "exact": "the council listens 👍🏽.", "prefix": "said: “", "suffix": "”"}]}},
    {"id": "https://other.example/a3", "type": "Annotation", "body": "https://other.example/tag",
     "target": "https://news.example.org/council-homes"}
  ]
}`

func TestW3CImportsAnotherToolsFile(t *testing.T) {
	sample := loadCouncil(t)
	known := func(idOrURL string) (annotate.File, bool) {
		return sample, idOrURL == sample.Document.URL || idOrURL == sample.Document.ID
	}
	in := Input{Name: "other.json", Data: []byte(foreignW3C)}
	if f, ok := Recognise(in); !ok || f.Name != "w3c" {
		t.Fatalf("recognised as %q", f.Name)
	}
	docs, faults := w3c.Import([]Input{in}, known)
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	d := docs[0]
	if d.File.Document.Text != sample.Document.Text || len(d.File.Annotations) != 2 || len(d.Notes) == 0 {
		t.Fatalf("annotations %+v, notes %q", d.File.Annotations, d.Notes)
	}
	text := annotate.NewText(sample.Document.Text)
	for _, a := range d.File.Annotations {
		if text.Slice(a.Start, a.End) != a.Exact {
			t.Errorf("%+v", a)
		}
	}
	if a := d.File.Annotations[0]; a.Exact != "the council listens 👍🏽." || a.Attributes["note"] != "a comment" {
		t.Errorf("the quote placed by its quote, not its position: %+v", a)
	}
	if a := d.File.Annotations[1]; a.Start != text.Len()-annotate.RuneCount("The council will vote again in May.") {
		t.Errorf("the third council: %+v", a)
	}
	// The notes name the file's items, not places in a file the user
	// never saw; a quote without a position has no position to blame.
	notes := strings.Join(d.Notes, "\n")
	if strings.Contains(notes, "/annotations/") || strings.Contains(notes, "from 0 to 11") {
		t.Errorf("notes say places of no file the user has: %q", d.Notes)
	}
	if !strings.Contains(notes, "annotation 2 of https://news.example.org/council-homes (https://other.example/a2): exact is") {
		t.Errorf("notes %q: want the position that does not hold its quote said of annotation 2", d.Notes)
	}

	// Without the article, the file is refused in words.
	_, faults = w3c.Import([]Input{in}, nil)
	if len(faults) != 1 || faults[0].Line != 5 || !strings.Contains(faults[0].Message, "carries no text") || !errors.Is(faults[0], ErrUnreadable) {
		t.Errorf("faults %v", faults)
	}
}

func TestW3CRefusesWhatItCannotRead(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": "https://x/page1"}`, "page elsewhere"},
		{`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Person"}`, `"Person"`},
		{"{\"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n \"type\": ", "not a JSON object"},
	} {
		docs, faults := w3c.Import([]Input{{Name: "x.jsonld", Data: []byte(c.data)}}, nil)
		if len(docs) != 0 || len(faults) != 1 || !strings.Contains(faults[0].Message, c.want) {
			t.Errorf("%s: docs %d, faults %v", c.data, len(docs), faults)
		}
	}
}

func FuzzW3CImport(f *testing.F) {
	f.Add(testcorpus.File(f, "testdata/formats/w3c/sample.jsonld"))
	f.Add([]byte(foreignW3C))
	sample := loadCouncil(f)
	known := func(string) (annotate.File, bool) { return sample, true }
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, faults := w3c.Import([]Input{{Name: "f.jsonld", Data: data}}, known)
		for _, d := range docs {
			if _, err := d.File.Marshal(); err != nil {
				t.Fatal(err)
			}
		}
		for _, fault := range faults {
			if fault.Message == "" {
				t.Fatalf("a fault without a message: %+v", fault)
			}
		}
	})
}

// TestW3CPlacesByQuoteWhereThePositionMoved imports the sample's export
// with a paragraph added to its HTML before the annotations: the
// positions no longer hold, and every annotation is placed by its quote.
func TestW3CPlacesByQuoteWhereThePositionMoved(t *testing.T) {
	sample := loadCouncil(t)
	out, err := w3c.Export([]annotate.File{sample}, goldenNow)
	if err != nil {
		t.Fatal(err)
	}
	added := `<h1>Council pledges 300 homes 🏠</h1>\n<p>A new paragraph: the council listens, said one.</p>`
	data := strings.Replace(string(out[0].Data), `<h1>Council pledges 300 homes 🏠</h1>`, added, 1)
	if data == string(out[0].Data) {
		t.Fatal("the HTML was not changed")
	}
	docs, faults := w3c.Import([]Input{{Name: "edited.jsonld", Data: []byte(data)}}, nil)
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	d := docs[0]
	if d.Moved != len(sample.Annotations) || d.File.Document.Text == sample.Document.Text {
		t.Errorf("moved %d of %d; notes %q", d.Moved, len(sample.Annotations), d.Notes)
	}
	shift := annotate.RuneCount(d.File.Document.Text) - annotate.RuneCount(sample.Document.Text)
	byID := map[string]annotate.Annotation{}
	for _, a := range d.File.Annotations {
		byID[a.ID] = a
	}
	for _, w := range sample.Annotations {
		g := byID[w.ID]
		if g.Label != w.Label || g.Exact != w.Exact || g.Start != w.Start+shift || g.End != w.End+shift || len(g.Attributes) != len(w.Attributes) {
			t.Errorf("%s came back as %s %q [%d, %d), want %s %q [%d, %d)", w.ID, g.Label, g.Exact, g.Start, g.End, w.Label, w.Exact, w.Start+shift, w.End+shift)
		}
	}
}

// TestW3CMakesTagsLabels reads another tool's tag "Person" as the label
// "person", with a note: the whole document was refused, its schema not
// valid.
func TestW3CMakesTagsLabels(t *testing.T) {
	sample := loadCouncil(t)
	data := strings.NewReplacer(`"value": "claim"`, `"value": "Person"`, `"value": "quote"`, `"value": "?"`).Replace(foreignW3C)
	docs, faults := w3c.Import([]Input{{Name: "other.json", Data: []byte(data)}}, knownOf([]annotate.File{sample}))
	if len(docs) != 1 {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	d := docs[0]
	if len(d.File.Annotations) != 1 || d.File.Annotations[0].Label != "person" || !strings.Contains(strings.Join(d.Notes, "\n"), `the label "Person" is read as "person"`) {
		t.Errorf("annotations %+v, notes %q", d.File.Annotations, d.Notes)
	}
	if len(faults) > 0 || len(d.Faults) != 1 || !strings.Contains(d.Faults[0].Error(), `other.json: annotation 2 of https://news.example.org/council-homes (https://other.example/a2) is left out: its label "?" cannot be a label's name`) {
		t.Errorf("faults %v, the document's %v", faults, d.Faults)
	}
}

// TestW3CMakesAttributeNamesSchemaNames reads another tool's attribute
// names ("Speaker Name") as names a schema takes, with a note, as its tags
// are read: the whole document was refused, its schema not valid.
func TestW3CMakesAttributeNamesSchemaNames(t *testing.T) {
	sample := loadCouncil(t)
	data := strings.Replace(foreignW3C, `{"type": "TextualBody", "purpose": "commenting", "value": "a comment"}`,
		`{"type": "TextualBody", "purpose": "describing", "annotator:attribute": "Speaker Name", "value": "the mayor"},`+
			`{"type": "TextualBody", "purpose": "describing", "annotator:attribute": "!", "value": "x"}`, 1)
	docs, faults := w3c.Import([]Input{{Name: "other.json", Data: []byte(data)}}, knownOf([]annotate.File{sample}))
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	d := docs[0]
	var quote *annotate.Annotation
	for i, a := range d.File.Annotations {
		if a.Label == "quote" {
			quote = &d.File.Annotations[i]
		}
	}
	if quote == nil || !maps.Equal(quote.Attributes, map[string]string{"speaker_name": "the mayor"}) {
		t.Fatalf("the quote: %+v", quote)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, say := range []string{`the attribute "Speaker Name" is read as "speaker_name"`, `its attribute "!" is left out: it cannot be an attribute's name`} {
		if !strings.Contains(notes, say) {
			t.Errorf("notes %q should say %q", d.Notes, say)
		}
	}
}
