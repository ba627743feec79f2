package formats

import (
	"maps"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// tricky values as a Set keeps them (AttributeValue applied).
var trickyValues = []string{
	"line one\nline two",
	"line one\r\nline two",
	"cr\ronly",
	"tab\there",
	"a, b, \"c\"",
	"=SUM(A1:A2)",
	"+44 20 7946 0958",
	"-3 %",
	"@handle",
	"'already quoted",
	"''",
	"'",
	"emoji 👩‍💻 and flag 🇬🇧",
	"محمد بن سلمان",
	"\u200fمحمد\u200f mixed",
	"a\\b",
	"a\\nb",
	"back\\",
	"#hash",
	"T1\tT2",
	"x\n\ny",
	"x\n",
	"ends with tab\tz",
	"para\u2029sep",
	"line\u2028sep",
	"nul\x00inside",
	"bell\x07inside",
	"<b>&amp;</b>",
	"\"quoted\"",
	strings.Repeat("long ", 1999) + "end",
	"{\"json\": 1}",
	"key=value",
	"AnnotatorNotes T1",
	"|pipe|",
	"a;b",
	"\u00a0inner\u00a0nbsp\u00a0x",
	"zw\u200bsp",
}

// csvLoses is what a CSV cannot give back (csv.go): a CRLF comes back as
// a line feed, and NUL and BEL are left out as a text leaves them out.
var csvLoses = strings.NewReplacer("\r\n", "\n", "\x00", "", "\x07", "")

// TestAttributeValuesRoundTrip: attribute values that spreadsheets, brat's
// escapes or JSON could mangle come back as written from every format's
// export, but for what a CSV cannot hold (csvLoses), which its file says.
func TestAttributeValuesRoundTrip(t *testing.T) {
	for _, f := range All() {
		t.Run(f.Name, func(t *testing.T) {
			for _, v := range trickyValues {
				file := sample(t)
				kept := annotate.AttributeValue(v)
				want := kept
				if f.Name == csvFormat.Name {
					want = csvLoses.Replace(kept)
				}
				if kept != v {
					t.Logf("value %q is kept as %q", v, kept)
				}
				for i := range file.Annotations {
					a := &file.Annotations[i]
					attrs := map[string]string{"note": kept}
					switch a.Label {
					case "quote":
						attrs["speaker"] = kept
					case "pledge":
						attrs["party"] = kept
					}
					a.Attributes = attrs
				}
				outs, err := f.Export([]annotate.File{file}, nowForTests)
				if err != nil {
					t.Errorf("%q: export: %v", v, err)
					continue
				}
				ins := inputsOf(f, outs)
				docs, faults := f.Import(ins, knownOf([]annotate.File{file}))
				if len(faults) > 0 {
					t.Errorf("%q: faults %v", v, faults)
					continue
				}
				if len(docs) != 1 {
					t.Errorf("%q: %d docs", v, len(docs))
					continue
				}
				byID := map[string]annotate.Annotation{}
				for _, a := range docs[0].File.Annotations {
					byID[a.ID] = a
				}
				bad := 0
				for _, w := range file.Annotations {
					g, ok := byID[w.ID]
					if !ok {
						// formats that do not carry ids: match by span
						for _, a := range docs[0].File.Annotations {
							if a.Start == w.Start && a.End == w.End && a.Label == w.Label {
								g, ok = a, true
							}
						}
					}
					if !ok {
						t.Errorf("%q: annotation %s lost", v, w.ID)
						bad++
						continue
					}
					wantAttrs := map[string]string{}
					for k := range w.Attributes {
						wantAttrs[k] = want
					}
					if !maps.Equal(g.Attributes, wantAttrs) {
						if bad == 0 {
							t.Errorf("%s: %q: came back %q, want %q", f.Name, v, g.Attributes, wantAttrs)
						}
						bad++
					}
				}
			}
		})
	}
}

func TestTeamAttributeNamesRoundTrip(t *testing.T) {
	names := []string{"text", "label", "id", "start", "end", "attr_x", "attr_text", "author", "created", "modified",
		"document_id", "document_title", "document_url", "annotation_id", "start_codepoint", "end_codepoint",
		"type", "value", "body", "target", "source", "motivation", "purpose", "labels", "from_name", "to_name",
		"due-date", "a", "speaker", "party", "meta", "spans", "title", "url", "html", "orphans", "exact", "prefix", "suffix",
		"anchor", "attributes", "sourceid", "notes", "annotatornotes", "x1", "z_9", "selector", "creator", "generator"}
	for _, f := range All() {
		t.Run(f.Name, func(t *testing.T) {
			file := sample(t)
			file.Schema = annotate.Schema{Labels: []annotate.Label{
				{Name: "claim", Color: "#0072b2", Key: "c", Attributes: names},
				{Name: "quote", Color: "#e69f00", Key: "q", Attributes: []string{"speaker"}},
				{Name: "pledge", Color: "#009e73", Key: "p", Attributes: []string{"party"}},
			}}
			for i := range file.Annotations {
				a := &file.Annotations[i]
				if a.Label != "claim" {
					continue
				}
				a.Attributes = map[string]string{"note": "n"}
				for _, n := range names {
					a.Attributes[n] = "v-" + n
				}
			}
			outs, err := f.Export([]annotate.File{file}, nowForTests)
			if err != nil {
				t.Fatal(err)
			}
			docs, faults := f.Import(inputsOf(f, outs), knownOf([]annotate.File{file}))
			if len(faults) > 0 || len(docs) != 1 {
				t.Fatalf("faults %v, %d docs", faults, len(docs))
			}
			for _, w := range file.Annotations {
				var g annotate.Annotation
				ok := false
				for _, a := range docs[0].File.Annotations {
					if a.Start == w.Start && a.End == w.End && a.Label == w.Label {
						g, ok = a, true
					}
				}
				if !ok {
					t.Errorf("lost %s", w.ID)
					continue
				}
				for k, v := range w.Attributes {
					if g.Attributes[k] != v {
						t.Errorf("%s %s: attribute %q came back %q, want %q", f.Name, w.Label, k, g.Attributes[k], v)
					}
				}
				for k, v := range g.Attributes {
					if _, ok := w.Attributes[k]; !ok {
						t.Errorf("%s %s: attribute %q=%q came back, not sent", f.Name, w.Label, k, v)
					}
				}
			}
			if !schemaEqual(docs[0].File.Schema, file.Schema) {
				t.Logf("%s: schema came back %+v", f.Name, docs[0].File.Schema)
			}
		})
	}
}

func schemaEqual(a, b annotate.Schema) bool {
	if len(a.Labels) != len(b.Labels) {
		return false
	}
	for i := range a.Labels {
		x, y := a.Labels[i], b.Labels[i]
		if x.Name != y.Name || strings.Join(x.Attributes, ",") != strings.Join(y.Attributes, ",") {
			return false
		}
	}
	return true
}

// TestImportDropsInvisibleAttributeValues: a value of nothing
// that shows (a zero-width space alone) is no value as the app keeps one
// (annotate.AttributeValue): every format's import leaves it out, as it
// leaves out a value of white space alone.
func TestImportDropsInvisibleAttributeValues(t *testing.T) {
	raw := map[string]string{"speaker": "\ufeff\u200b", "note": "\u200b"}
	for _, f := range All() {
		t.Run(f.Name, func(t *testing.T) {
			file := sample(t)
			for i := range file.Annotations {
				if file.Annotations[i].Label == "quote" {
					file.Annotations[i].Attributes = maps.Clone(raw)
				}
			}
			outs, err := f.Export([]annotate.File{file}, nowForTests)
			if err != nil {
				t.Fatal(err)
			}
			docs, faults := f.Import(inputsOf(f, outs), knownOf([]annotate.File{file}))
			if len(faults) > 0 || len(docs) != 1 {
				t.Fatalf("faults %v", faults)
			}
			for _, a := range docs[0].File.Annotations {
				for k, v := range a.Attributes {
					if annotate.AttributeValue(v) == "" {
						t.Errorf("%s: the import keeps %s %q, a value that shows nothing", f.Name, k, v)
					}
				}
			}
		})
	}
}

// TestCRLFRoundTrip: a text kept verbatim with CRLF line ends (a
// brat .txt or a dataset line written on Windows), a span across one and
// a note with one: every format reads back what it wrote, the span at its
// offsets (a CSV's text cell gave it back with a line feed alone, and the
// span was counted as moved), the note as the format can hold it.
func TestCRLFRoundTrip(t *testing.T) {
	text := "First line of the report.\r\nSecond line, said the mayor.\r\nThird line."
	start := annotate.RuneCount(text[:strings.Index(text, "report.")])
	end := annotate.RuneCount(text[:strings.Index(text, " said")])
	p := Plain{Title: "CRLF", URL: "https://example.org/crlf", Text: text, Verbatim: true,
		Spans: []Span{{ID: "01943a6e-8b00-7000-8000-000000000001", Label: "claim", Start: start, End: end,
			Attributes: map[string]string{"note": "one\r\ntwo"}}}}
	d, err := Build(p, "crlf.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.File.Annotations) != 1 || d.File.Document.Text != text {
		t.Fatalf("does not build: %q %d %q", d.File.Document.Text, len(d.File.Annotations), d.Notes)
	}
	for _, f := range All() {
		t.Run(f.Name, func(t *testing.T) {
			outs, err := f.Export([]annotate.File{d.File}, nowForTests)
			if err != nil {
				t.Fatal(err)
			}
			docs, faults := f.Import(inputsOf(f, outs), knownOf([]annotate.File{d.File}))
			if len(faults) > 0 || len(docs) != 1 {
				t.Fatalf("faults %v", faults)
			}
			g := docs[0]
			if len(g.File.Annotations) != 1 {
				t.Fatalf("%d annotations, %d orphans came back; notes %q", len(g.File.Annotations), len(g.File.Orphans), g.Notes)
			}
			a := g.File.Annotations[0]
			w := d.File.Annotations[0]
			if f.Name == csvFormat.Name {
				w.Attributes = map[string]string{"note": csvLoses.Replace(w.Attributes["note"])}
			}
			if a.Start != w.Start || a.End != w.End || a.Exact != w.Exact || !maps.Equal(a.Attributes, w.Attributes) || g.Moved != 0 {
				t.Errorf("came back [%d,%d) %q %q moved %d, want [%d,%d) %q %q", a.Start, a.End, a.Exact, a.Attributes, g.Moved, w.Start, w.End, w.Exact, w.Attributes)
			}
		})
	}
}

// TestCSVCRLFSpanRepeated: a span across a CRLF whose text comes
// twice in the document: the CSV's offsets say which, and the import must
// place it there.
func TestCSVCRLFSpanRepeated(t *testing.T) {
	text := "Prices rose.\r\nRents too.\r\nPrices rose.\r\nRents too."
	start := annotate.RuneCount(text[:strings.LastIndex(text, "Prices")])
	end := annotate.RuneCount(text)
	p := Plain{Title: "CRLF twice", URL: "https://example.org/crlf2", Text: text, Verbatim: true,
		Spans: []Span{{ID: "01943a6e-8b00-7000-8000-000000000002", Label: "claim", Start: start, End: end}}}
	d, err := Build(p, "crlf2.txt")
	if err != nil || len(d.File.Annotations) != 1 {
		t.Fatalf("does not build: %v %q", err, d.Notes)
	}
	outs, err := csvFormat.Export([]annotate.File{d.File}, nowForTests)
	if err != nil {
		t.Fatal(err)
	}
	docs, faults := csvFormat.Import(inputsOf(csvFormat, outs), knownOf([]annotate.File{d.File}))
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("faults %v", faults)
	}
	g := docs[0]
	if len(g.File.Annotations) != 1 || g.File.Annotations[0].Start != start {
		t.Fatalf("the span at [%d,%d) came back as %d placed, %d orphans; notes %q", start, end, len(g.File.Annotations), len(g.File.Orphans), g.Notes)
	}
}
