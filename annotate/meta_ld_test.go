package annotate

import (
	"os"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestMetaReadsWrappedJSONLD reads JSON-LD that a site wraps in a CDATA
// section, bare or as a script's comment: its author and date are the
// article's. The JSON went with its wrapper, unread.
func TestMetaReadsWrappedJSONLD(t *testing.T) {
	for _, script := range []string{
		`<![CDATA[{"@type":"NewsArticle","author":{"@type":"Person","name":"Ada Lovelace"},"datePublished":"2025-01-02"}]]>`,
		"//<![CDATA[\n{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Ada Lovelace\"},\"datePublished\":\"2025-01-02\"}\n//]]>",
		`/*<![CDATA[*/{"@type":"NewsArticle","author":{"@type":"Person","name":"Ada Lovelace"},"datePublished":"2025-01-02"}/*]]>*/`,
	} {
		d, err := Load([]byte(`<html><head><title>Page</title><script type="application/ld+json">`+script+`</script></head><body><p>Text.</p></body></html>`), Source{Name: "a.html"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meta.Author != "Ada Lovelace" || d.Meta.Published != "2025-01-02" {
			t.Errorf("%q: author %q, published %q", script, d.Meta.Author, d.Meta.Published)
		}
	}
}

// TestMetaTitleIsTheArticleName: a JSON-LD "headline" that is not the
// article's name (Wikipedia's short description, "Wikimedia list
// article"), where the page's <title> holds its "name", gives way to the
// name. The corpus's Wikipedia pages were listed by their descriptions
// once their JSON-LD was read (TestMetaReadsWrappedJSONLD).
func TestMetaTitleIsTheArticleName(t *testing.T) {
	d, err := Load([]byte(`<html><head><title>List of films featuring time loops - Wikipedia</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","name":"List of films featuring time loops","headline":"Wikimedia list article"}</script></head><body><p>Text.</p></body></html>`), Source{Name: "a.html"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "List of films featuring time loops" {
		t.Errorf("title %q", d.Title)
	}
	// The corpus's pages, when it is beside the repository: the article's
	// name, and its author and date from JSON-LD in a CDATA section.
	want := map[string][3]string{
		"wikipedia-2": {"New Zealand", "Contributors to Wikimedia projects", "2001-10-29T01:59:14Z"},
		"wikipedia-4": {"List of films featuring time loops", "Contributors to Wikimedia projects", "2014-03-27T19:11:24Z"},
		"aclu":        {"Facebook Is Tracking Me Even Though I’m Not on Facebook", "Daniel Kahn Gillmor", "2018-04-05T06:00"},
		"gitlab-blog": {"3 surprising findings from our 2024 Global DevSecOps Survey", "Dave Steer", "2024-06-25"},
	}
	for _, page := range testcorpus.Pages(t) {
		w, ok := want[page.Name]
		if !ok {
			continue
		}
		src, err := os.ReadFile(page.Source())
		if err != nil {
			t.Fatal(err)
		}
		d, err := Load(src, Source{Name: "source.html"})
		if err != nil {
			t.Fatal(err)
		}
		if got := [3]string{d.Title, d.Meta.Author, d.Meta.Published}; got != w {
			t.Errorf("%s: title, author and date %q, want %q", page.Name, got, w)
		}
	}
}

// TestMetaReadsDublinCoreAnyWay reads a Dublin Core author, title and date
// written with a colon ("dc:creator", as RDFa spells it) or as DCMI terms
// ("dcterms.creator"): the author written so was not read.
func TestMetaReadsDublinCoreAnyWay(t *testing.T) {
	for _, head := range []string{
		`<meta name="dc:creator" content="Ada Lovelace"><meta name="dc:title" content="On engines"><meta name="dc:date" content="2025-01-02">`,
		`<meta name="DC.Creator" content="Ada Lovelace"><meta name="DC.Title" content="On engines"><meta name="DC.Date" content="2025-01-02">`,
		`<meta name="dcterms.creator" content="Ada Lovelace"><meta name="dcterms.title" content="On engines"><meta name="dcterms:created" content="2025-01-02">`,
	} {
		d, err := Load([]byte(`<html><head>`+head+`</head><body><p>Text.</p></body></html>`), Source{Name: "a.html"})
		if err != nil {
			t.Fatal(err)
		}
		if d.Meta.Author != "Ada Lovelace" || d.Title != "On engines" || d.Meta.Published != "2025-01-02" {
			t.Errorf("%s: author %q, title %q, published %q", head, d.Meta.Author, d.Title, d.Meta.Published)
		}
	}
}
