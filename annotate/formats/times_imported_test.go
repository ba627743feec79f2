package formats

import (
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// TestW3CTimesNeverModifiedBeforeCreated: a W3C Web Annotation whose
// "created" this reader cannot take (an xsd:dateTime without a zone, as
// the model allows; ±hhmm; or none at all) but whose "modified" it can
// came in created at the moment of the import, and so modified before it
// was made: the import then dropped the file's modified time for that
// moment too, with a note that blamed the file ("modified is before
// created").
func TestW3CTimesNeverModifiedBeforeCreated(t *testing.T) {
	sample := loadCouncil(t)
	known := func(idOrURL string) (annotate.File, bool) {
		return sample, idOrURL == sample.Document.URL || idOrURL == sample.Document.ID
	}
	for _, created := range []string{`"created": "2025-04-01T09:30:00",`, `"created": "2025-04-01T09:30:00+0200",`, ``} {
		file := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [
  {"id": "https://other.example/a1", "type": "Annotation", ` + created + ` "modified": "2025-04-02T10:00:00Z",
   "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
   "target": {"source": "https://news.example.org/council-homes",
              "selector": {"type": "TextQuoteSelector", "exact": "The council", "prefix": "Homes: 300", "suffix": " will vote"}}}]}`
		docs, faults := w3c.Import([]Input{{Name: "other.json", Data: []byte(file)}}, known)
		if len(faults) > 0 || len(docs) != 1 || len(docs[0].File.Annotations) != 1 {
			t.Fatalf("%s: docs %d, faults %v", created, len(docs), faults)
		}
		a := docs[0].File.Annotations[0]
		if want := time.Date(2025, 4, 2, 10, 0, 0, 0, time.UTC); !a.Modified.Equal(want) || a.Created.After(a.Modified) {
			t.Errorf("%s: the annotation modified %s comes in created %s, modified %s (notes %q)", strings.TrimSuffix(created, ","),
				want.Format(time.RFC3339), a.Created.Format(time.RFC3339), a.Modified.Format(time.RFC3339), docs[0].Notes)
		}
	}
}

// TestCSVRowWithModifiedAloneKeepsIt: a CSV row with its "modified" time
// and an empty "created" (a spreadsheet that kept one of the two) came in
// created and modified at the moment of the import.
func TestCSVRowWithModifiedAloneKeepsIt(t *testing.T) {
	f := sample(t)
	data := "document_id,document_title,document_url,annotation_id,label,start_codepoint,end_codepoint,text,speaker,note,author,created,modified\r\n" +
		f.Document.ID + ",T,,,claim,0,4,Café,,,,,2025-04-02T10:00:00.000Z\r\n"
	docs, faults := csvFormat.Import([]Input{{Name: "rows.csv", Data: []byte(data)}}, knownOf([]annotate.File{f}))
	if len(faults) > 0 || len(docs) != 1 || len(docs[0].File.Annotations) != 1 {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	a := docs[0].File.Annotations[0]
	if want := time.Date(2025, 4, 2, 10, 0, 0, 0, time.UTC); !a.Modified.Equal(want) || a.Created.After(a.Modified) {
		t.Errorf("the row modified %s comes in created %s, modified %s (notes %q)", want.Format(time.RFC3339),
			a.Created.Format(time.RFC3339), a.Modified.Format(time.RFC3339), docs[0].Notes)
	}
	// The export of what came in, as the app's own validate reads it.
	out, err := docs[0].File.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range annotate.Validate(out) {
		t.Errorf("its export: %v", p)
	}
}
