package formats

import (
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// A quote without a position that the article does not hold cannot be
// placed: it is kept as an orphan, and a note should say why.
func TestW3CUnplacedQuoteIsSaid(t *testing.T) {
	sample := loadCouncil(t)
	known := func(idOrURL string) (annotate.File, bool) {
		return sample, idOrURL == sample.Document.URL || idOrURL == sample.Document.ID
	}
	data := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [
    {"id": "https://other.example/a1", "type": "Annotation",
     "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
     "target": {"source": "https://news.example.org/council-homes",
                "selector": {"type": "TextQuoteSelector", "exact": "words this article never had"}}}]}`
	docs, faults := w3c.Import([]Input{{Name: "other.json", Data: []byte(data)}}, known)
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	d := docs[0]
	t.Logf("annotations %d, orphans %d, notes %q", len(d.File.Annotations), len(d.File.Orphans), d.Notes)
	if !strings.Contains(strings.Join(d.Notes, "\n"), "annotation 1") {
		t.Errorf("the annotation whose quote is nowhere in the article is not said: notes %q", d.Notes)
	}
}
