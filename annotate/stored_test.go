package annotate

import (
	"errors"
	"reflect"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestFromStoredAgreesWithFromSanitized: on every corpus page, the document
// made again from its stored HTML and text, parsed once, is the one
// FromSanitized makes the long way: the same HTML, text, id and index.
func TestFromStoredAgreesWithFromSanitized(t *testing.T) {
	for _, page := range testcorpus.Pages(t) {
		t.Run(page.Name, func(t *testing.T) {
			d := loadPage(t, page)
			long, err := FromSanitized(d.HTML, d.Title, d.URL, d.Meta)
			if err != nil {
				t.Fatal(err)
			}
			quick, err := FromStored(Stored{HTML: d.HTML, Text: d.Text().String(), TextSHA256: d.TextSHA256(), Title: d.Title, URL: d.URL, Meta: d.Meta})
			if err != nil {
				t.Fatal(err)
			}
			if quick.HTML != long.HTML || quick.ID != long.ID || quick.Text().String() != long.Text().String() {
				t.Fatal("FromStored and FromSanitized made different documents")
			}
			if !reflect.DeepEqual(quick.Index(), long.Index()) {
				t.Fatal("FromStored and FromSanitized made different indexes")
			}
			checkIndex(t, quick)
		})
	}
}

// TestFromStoredRefusesAnotherText: stored HTML that does not give back the
// stored text is refused, never shown with offsets that point elsewhere.
func TestFromStoredRefusesAnotherText(t *testing.T) {
	d, err := Load([]byte("<h1>Title</h1><p>Some words.</p>"), Source{Name: "a.html"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := FromStored(Stored{HTML: d.HTML, Text: "Other words.", TextSHA256: d.TextSHA256(), Title: d.Title, Meta: d.Meta}); !errors.Is(err, ErrStoredText) {
		t.Fatalf("another text: %v, want ErrStoredText", err)
	}
	if _, err := FromStored(Stored{HTML: d.HTML, Text: d.Text().String(), TextSHA256: "00", Title: d.Title, Meta: d.Meta}); !errors.Is(err, ErrStoredText) {
		t.Fatalf("another hash: %v, want ErrStoredText", err)
	}
}

// BenchmarkReopen compares making a stored document again the long way
// (FromSanitized: parse, render, parse, render) and from the stored text
// (FromStored: parse once), on a 50,000-word article.
func BenchmarkReopen(b *testing.B) {
	d, err := Load(testcorpus.ArticleOfSize(350_000), Source{Name: "long.html"})
	if err != nil {
		b.Fatal(err)
	}
	text, sha := d.Text().String(), d.TextSHA256()
	b.Run("FromSanitized", func(b *testing.B) {
		for b.Loop() {
			if _, err := FromSanitized(d.HTML, d.Title, "", d.Meta); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("FromStored", func(b *testing.B) {
		for b.Loop() {
			if _, err := FromStored(Stored{HTML: d.HTML, Text: text, TextSHA256: sha, Title: d.Title, Meta: d.Meta}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
