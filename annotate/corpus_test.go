package annotate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/newsannotator/annotator/internal/testcorpus"
	"golang.org/x/net/html"
)

// TestLoadReadabilityCorpus loads every page of Mozilla Readability's test
// suite and checks that each gives one balanced root inside the policy, a
// canonical text that holds the words of Readability's own extraction, and
// HTML that loads again to the same text.
func TestLoadReadabilityCorpus(t *testing.T) {
	for _, page := range testcorpus.Pages(t) {
		dir, name := page.Dir, page.Name
		t.Run(name, func(t *testing.T) {
			d := loadPage(t, page)
			checkPolicy(t, name, d.HTML)
			checkIndex(t, d)

			expected, err := os.ReadFile(filepath.Join(dir, "expected.html"))
			if err != nil {
				t.Fatal(err)
			}
			words := articleWords(t, string(expected))
			// Compare without white space: Readability sometimes joins
			// words that the page keeps apart, and CJK text has no spaces.
			have := strings.ToLower(strings.Join(strings.Fields(d.Text().String()), ""))
			var missing []string
			for _, w := range words {
				if !strings.Contains(have, w) {
					missing = append(missing, w)
				}
			}
			// A few words of Readability's extraction are labels of page
			// controls (a search button, say) that are not article text.
			if len(missing) > 2 || len(missing)*100 > len(words) {
				t.Errorf("%d of %d words of the article are missing from the canonical text, among them %q", len(missing), len(words), missing[:min(len(missing), 10)])
			}

			again, err := FromSanitized(d.HTML, d.Title, d.URL, d.Meta)
			if err != nil {
				t.Fatalf("the sanitised HTML does not load again: %v", err)
			}
			if again.HTML != d.HTML || again.Text().String() != d.Text().String() {
				t.Errorf("the sanitised HTML is not stable: loading it again changes it")
			}
			reloaded, err := Load([]byte(d.HTML), Source{Name: "again.html", MediaType: "text/html"})
			if err != nil {
				t.Fatalf("the sanitised HTML does not sanitise again: %v", err)
			}
			if reloaded.Text().String() != d.Text().String() {
				t.Errorf("sanitising the sanitised HTML again changes its text")
			}
		})
	}
}

// articleWords returns the lower-case words of an HTML fragment's text.
func articleWords(t *testing.T, fragment string) []string {
	t.Helper()
	n, err := html.Parse(strings.NewReader(fragment))
	if err != nil {
		t.Fatal(err)
	}
	return strings.FieldsFunc(strings.ToLower(textContent(n)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// TestLoadXSSPayloads loads every payload of DOMPurify's test fixtures as an
// article and checks that nothing in the result could run or fetch.
func TestLoadXSSPayloads(t *testing.T) {
	cases := testcorpus.XSSPayloads(t)
	loaded := 0
	for i, c := range cases {
		d, err := Load([]byte(c.Payload), Source{Name: "payload.html", MediaType: "text/html"})
		if err != nil {
			// Refusing is safe, but only an empty result may be refused.
			if !strings.Contains(err.Error(), ErrEmpty.Error()) {
				t.Errorf("payload %d: unexpected error %v", i, err)
			}
			continue
		}
		loaded++
		checkPolicy(t, "payload "+c.Payload, d.HTML)
		lower := strings.ToLower(d.HTML)
		for _, bad := range []string{"javascript:", "vbscript:", "data:", "<iframe", "<object", "<embed", "<form", "<img", "<svg", "<style", "<link", "<meta", "<base", " src=", " srcset=", " style=", " action=", " formaction="} {
			if strings.Contains(lower, bad) && !strings.Contains(strings.ToLower(d.Text().String()), strings.TrimSpace(bad)) {
				t.Errorf("payload %d: %q survived in %s", i, bad, d.HTML)
			}
		}
	}
	if loaded < len(cases)/2 {
		t.Errorf("only %d of %d payloads loaded at all", loaded, len(cases))
	}
}
