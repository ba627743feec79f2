package formats

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// validFile fails t unless f marshals to a file that annotate.Validate
// takes without an error.
func validFile(t *testing.T, f annotate.File) {
	t.Helper()
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range annotate.Validate(data) {
		if !p.Warning {
			t.Errorf("the built file is not valid: %s", p)
		}
	}
}

func TestBuildKeepsOffsetsOfCanonicalText(t *testing.T) {
	text := "Café 👩‍💻 said: “we will build 300 homes.”\n\nThe mayor disagreed."
	start := strings.Index(text, "we will")
	p := Plain{Title: "T", Text: text, Spans: []Span{
		{Label: "pledge", Start: annotate.RuneCount(text[:start]), End: annotate.RuneCount(text[:start]) + len("we will build 300 homes."), Attributes: map[string]string{"party": "the council"}},
		{ID: "not-a-uuid", Label: "claim", Start: annotate.RuneCount(text) - len("The mayor disagreed."), End: annotate.RuneCount(text)},
	}}
	d, err := Build(p, "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := d.File.Document.Text; got != text {
		t.Fatalf("text %q, want %q", got, text)
	}
	if len(d.File.Annotations) != 2 || d.Moved != 0 || len(d.File.Orphans) != 0 {
		t.Fatalf("annotations %+v, moved %d, orphans %d", d.File.Annotations, d.Moved, len(d.File.Orphans))
	}
	for _, a := range d.File.Annotations {
		if a.Exact != annotate.NewText(text).Slice(a.Start, a.End) || a.ID == "not-a-uuid" {
			t.Errorf("annotation %+v", a)
		}
	}
	validFile(t, d.File)
}

func TestBuildPlacesSpansOfAnotherTextByTheirText(t *testing.T) {
	// Blank lines with spaces and indented lines are not canonical: the
	// loaded text differs, and the span is found by its text.
	text := "  First paragraph here.\n \n\n  Second one, with the claim.  "
	start := annotate.RuneCount(text[:strings.Index(text, "with the claim")])
	d, err := Build(Plain{Text: text, Spans: []Span{{Label: "claim", Start: start, End: start + len("with the claim")}}}, "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	if d.File.Document.Text == text {
		t.Fatal("the test's text is canonical already")
	}
	if len(d.File.Annotations) != 1 || d.Moved != 1 || d.File.Annotations[0].Exact != "with the claim" {
		t.Fatalf("annotations %+v, moved %d", d.File.Annotations, d.Moved)
	}
}

func TestBuildGrowsTheSchema(t *testing.T) {
	text := "Alice met Bob in Paris."
	d, err := Build(Plain{Text: text, Spans: []Span{
		{Label: "per", Start: 0, End: 5},
		{Label: "per", Start: 10, End: 13, Attributes: map[string]string{"gender": "m"}},
		{Label: "loc", Start: 17, End: 22},
		{Label: "pledge", Start: 0, End: 3, Attributes: map[string]string{"due": "2026"}},
	}}, "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := d.File.Schema
	per, ok1 := s.Label("per")
	loc, ok2 := s.Label("loc")
	pledge, _ := s.Label("pledge")
	if !ok1 || !ok2 || !per.Takes("gender") || !pledge.Takes("due") || !pledge.Takes("party") || per.Key == loc.Key {
		t.Fatalf("schema %+v", s)
	}
	validFile(t, d.File)
	// An attribute name the schema cannot take is made one, as a label is.
	d, err = Build(Plain{Text: text, Spans: []Span{{Label: "per", Start: 0, End: 5, Attributes: map[string]string{"Due Date": "x"}}}}, "t.txt")
	if err != nil || len(d.File.Annotations) != 1 || d.File.Annotations[0].Attributes["due_date"] != "x" || len(d.Notes) != 1 {
		t.Errorf("an attribute name the schema cannot take: %v, %+v, notes %q", err, d.File.Annotations, d.Notes)
	}
}

// TestBuildKeepsTheSchemasAttributeOrder: a schema given with the spans
// (as a W3C file carries the team's) keeps the order of its labels'
// attributes, the order the sidebar shows them in; only the attributes
// the spans add are sorted, after them. All were sorted, and a W3C round
// trip changed the team's schema.
func TestBuildKeepsTheSchemasAttributeOrder(t *testing.T) {
	schema := annotate.DefaultSchema()
	for i := range schema.Labels {
		if schema.Labels[i].Name == "claim" {
			schema.Labels[i].Attributes = []string{"source", "certainty"}
		}
	}
	if err := schema.Validate(); err != nil {
		t.Fatal(err)
	}
	d, err := Build(Plain{Text: "Alice met Bob in Paris.", Schema: &schema, Spans: []Span{
		{Label: "claim", Start: 0, End: 5, Attributes: map[string]string{"zone": "x", "basis": "y", "source": "z"}},
	}}, "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	claim, _ := d.File.Schema.Label("claim")
	if got := strings.Join(claim.Attributes, ","); got != "source,certainty,basis,zone" {
		t.Errorf("claim's attributes are %s, want source,certainty,basis,zone", got)
	}
}

// TestBuildMakesLabelsNamesASchemaTakes reads other tools' labels
// ("Person Name", "GPE.LOC", doccano's "ORG") as names a schema takes,
// with a note, where JSON Lines lowered the case alone and refused the
// line for a space or a dot; a label with nothing to keep leaves its span
// out, a fault that names it. A name a schema takes stays as it is.
func TestBuildMakesLabelsNamesASchemaTakes(t *testing.T) {
	text := "John lives in New York"
	d, err := Build(Plain{Text: text, Spans: []Span{
		{Label: "Person Name", Start: 0, End: 4},
		{Label: "GPE.LOC", Start: 14, End: 22},
		{Label: "ORG", Start: 5, End: 10},
		{Label: "42", Start: 11, End: 13},
		{Label: "claim_", Start: 0, End: 22},
	}}, "d.jsonl:3")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, a := range d.File.Annotations {
		labels = append(labels, a.Label)
	}
	slices.Sort(labels)
	if got := strings.Join(labels, " "); got != "claim_ gpe_loc org person_name" {
		t.Errorf("labels %q", got)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{`the label "GPE.LOC" is read as "gpe_loc"`, `the label "ORG" is read as "org"`, `the label "Person Name" is read as "person_name"`} {
		if !strings.Contains(notes, want) {
			t.Errorf("no note says %s: %q", want, d.Notes)
		}
	}
	if strings.Contains(notes, "claim_") {
		t.Errorf("claim_, a schema's name, was renamed: %q", d.Notes)
	}
	if len(d.Faults) != 1 || d.Faults[0].Error() != `d.jsonl:3: span 4 is left out: its label "42" cannot be a label's name` {
		t.Errorf("faults %v", d.Faults)
	}
	validFile(t, d.File)
}

func TestBuildKeepsWhatCannotBePlacedAsOrphans(t *testing.T) {
	text := "one two one two"
	d, err := Build(Plain{Text: text, Spans: []Span{
		{Label: "claim", Start: 0, End: 99},
		{Label: "claim", Start: 0, End: 3},
		{Label: "claim", Start: 0, End: 3},
	}}, "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.File.Annotations) != 1 || len(d.File.Orphans) != 1 || len(d.Notes) != 1 {
		t.Fatalf("annotations %d, orphans %d, notes %q", len(d.File.Annotations), len(d.File.Orphans), d.Notes)
	}
	// The span beyond the text is not an orphan: it is wrong, and left out.
	if len(d.Faults) != 1 || d.Faults[0].Name != "t.txt" || !strings.Contains(d.Faults[0].Message, "span 1 (claim) is left out") {
		t.Errorf("faults %v", d.Faults)
	}
}

func TestBuildPlacesByTheSpansTextWhenItsOffsetsDoNotHoldIt(t *testing.T) {
	// The file counted another version of the text.
	text := "one two one two three"
	d, err := Build(Plain{Text: text, Spans: []Span{
		{Label: "claim", Start: 10, End: 15, Text: "three"},
		{Label: "claim", Start: 4, End: 7, Text: "one"}, // twice in the text
		{Label: "claim", Start: 0, End: 3, Text: "one"},
	}}, "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.File.Annotations) != 2 || d.File.Annotations[1].Start != 16 || d.Moved != 1 || len(d.File.Orphans) != 1 {
		t.Fatalf("annotations %+v, orphans %+v, moved %d", d.File.Annotations, d.File.Orphans, d.Moved)
	}
}

func TestBuildOnADocumentKeepsItsHTML(t *testing.T) {
	doc, err := annotate.Load([]byte("<h1>Title</h1><p>One <b>bold</b> claim.</p><table><tr><td>a</td><td>b</td></tr></table>"), annotate.Source{Name: "a.html", MediaType: "text/html"})
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(doc.Text().String(), "bold")
	d, err := Build(Plain{Document: doc, Spans: []Span{{Label: "claim", Start: start, End: start + 4}}}, "a.csv")
	if err != nil {
		t.Fatal(err)
	}
	if d.File.Document.HTML != doc.HTML || d.File.Document.ID != doc.ID || len(d.File.Annotations) != 1 || d.File.Annotations[0].Exact != "bold" {
		t.Fatalf("document %+v, annotations %+v", d.File.Document, d.File.Annotations)
	}
}

func TestBuildVerbatimKeepsACanonicalText(t *testing.T) {
	text := "Film\tYear\n\n\n\nAfter three <br>s.\n  indented"
	p := Plain{Text: text, Verbatim: true, Spans: []Span{{Label: "claim", Start: 0, End: 9}}}
	d, err := Build(p, "t.jsonl:1")
	if err != nil {
		t.Fatal(err)
	}
	if d.File.Document.Text != text || d.Moved != 0 || len(d.File.Annotations) != 1 || d.File.Annotations[0].Exact != "Film\tYear" {
		t.Fatalf("text %q, annotations %+v, moved %d", d.File.Document.Text, d.File.Annotations, d.Moved)
	}
	validFile(t, d.File)
	// The article is a text: the HTML made to hold it is not what it was.
	if mt := d.File.Document.Meta.MediaType; !strings.HasPrefix(mt, "text/plain") {
		t.Errorf("a verbatim text's media type is %q, want text/plain", mt)
	}
	p.Verbatim = false
	if d, err := Build(p, "t.txt"); err != nil || d.File.Document.Text == text {
		t.Fatalf("without Verbatim the text is loaded as a .txt: %q, %v", d.File.Document.Text, err)
	}
}

// TestVerbatimTextsWithLeadingLineFeedsRoundTrip builds texts that start
// with line feeds (and one that does not) as a verbatim text, and sends
// them through each format that keeps its texts verbatim, twice: the text,
// and so the document's id, and the span's offsets come back exactly. An
// HTML parser drops the line feed right after <pre>, which took the first
// of the text's with it, and one more at each round trip.
func TestVerbatimTextsWithLeadingLineFeedsRoundTrip(t *testing.T) {
	verbatimRoundTrips(t,
		"\n\n\nTitle\n\nBody text.\n",
		"\nTitle",
		"\n\n  Title\tand a tab\n",
		"\n \nTitle",
		"Title\n\n\n\nBody, no line feed before it.",
	)
}

// TestVerbatimTextsKeepTheirCarriageReturns does the same with texts whose
// lines end in CRLF or a lone CR, as a Label Studio task or a brat .txt
// written on Windows holds them, and as their offsets count them: an HTML
// parser reads a carriage return as a line feed, so the document's text
// lost each one, and with it the offsets of the other tool's text (the
// spans were placed again by their text, or left as orphans). A text's
// very first carriage return was lost too: x/net/html dropped one that
// opens a <pre>, where a browser keeps it (patched, third_party/README.md).
func TestVerbatimTextsKeepTheirCarriageReturns(t *testing.T) {
	verbatimRoundTrips(t,
		"Lead line\r\n\r\nTitle and body\r\nthat goes on.\r\n",
		"Old Mac\rTitle\r",
		"Mixed\r\r\n\nTitle\n",
		"\r\nTitle first line",
		"\rTitle",
	)
}

// verbatimRoundTrips builds each text as a verbatim text with a span on
// its word "Title", and sends it through each format that keeps its texts
// verbatim, twice: the text, and so the document's id, and the span's
// offsets must come back exactly.
func verbatimRoundTrips(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		start := annotate.RuneCount(text[:strings.Index(text, "Title")])
		p := Plain{Text: text, Verbatim: true, Spans: []Span{{Label: "claim", Start: start, End: start + 5}}}
		d, err := Build(p, "t.txt")
		if err != nil {
			t.Fatal(err)
		}
		if d.File.Document.Text != text || d.Moved != 0 || len(d.File.Annotations) != 1 {
			t.Fatalf("%q is built as %q, %d moved", text, d.File.Document.Text, d.Moved)
		}
		id := d.File.Document.ID
		for _, f := range []Format{jsonl, labelStudio, brat} {
			file := d.File
			for trip := 1; trip <= 2; trip++ {
				outs, err := f.Export([]annotate.File{file}, time.Unix(0, 0))
				if err != nil {
					t.Fatal(err)
				}
				docs, faults := f.Import(inputsOf(f, outs), nil)
				if len(faults) > 0 || len(docs) != 1 {
					t.Fatalf("%s: %q: faults %v", f.Name, text, faults)
				}
				got := docs[0]
				if got.File.Document.Text != text || got.File.Document.ID != id || got.Moved != 0 ||
					len(got.File.Annotations) != 1 || got.File.Annotations[0].Start != start {
					t.Errorf("%s, round trip %d: %q came back as %q (id %s, want %s), %d moved, annotations %+v",
						f.Name, trip, text, got.File.Document.Text, got.File.Document.ID, id, got.Moved, got.File.Annotations)
					break
				}
				file = got.File
			}
		}
	}
}

// TestBuildSaysWhyASpanIsLeftOut: a span of no length, or one that ends
// before it starts, is left out with that said, not that it is outside a
// text it is well within; and one of nothing but white space, which the
// annotator never tags (annotate.ErrEmptySpan), is left out, not put in a
// dataset.
func TestBuildSaysWhyASpanIsLeftOut(t *testing.T) {
	d, err := Build(Plain{Text: "abc def", Spans: []Span{
		{Label: "claim", Start: 1, End: 1},
		{Label: "claim", Start: 5, End: 2},
		{Label: "claim", Start: 4, End: 9},
		{Label: "claim", Start: 0, End: 3},
		{Label: "claim", Start: 3, End: 4},
	}}, "t.jsonl:1")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"span 1 (claim) is left out: its span [1, 1) is empty: a span ends after it starts",
		"span 2 (claim) is left out: its span [5, 2) ends before it starts",
		"span 3 (claim) is left out: its span [4, 9) is not within the text's 7 code points",
		"span 5 (claim) is left out: its span [3, 4) holds nothing but white space",
	}
	if len(d.Faults) != len(want) {
		t.Fatalf("faults %v, want %q", d.Faults, want)
	}
	for i, f := range d.Faults {
		if !strings.HasSuffix(f.Error(), want[i]) {
			t.Errorf("fault %d: %q, want it to end %q", i+1, f.Error(), want[i])
		}
	}
}
