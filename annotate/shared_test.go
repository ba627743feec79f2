package annotate

import (
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
	"golang.org/x/net/html"
)

// checkPolicy fails t for anything in a document's HTML that is outside
// the article policy: an element or attribute not on its lists, an event
// handler, a link that is not http, https or mailto, or a link without the
// fixed rel and target. It also checks that the HTML has exactly one root.
func checkPolicy(t testing.TB, what, sanitized string) {
	t.Helper()
	root, err := parseRoot(sanitized)
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if strings.Contains(strings.ToLower(sanitized), "<script") {
		t.Errorf("%s: the HTML holds <script", what)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.CommentNode || c.Type == html.DoctypeNode {
				t.Errorf("%s: a %v node survived", what, c.Type)
			}
			if c.Type != html.ElementNode {
				continue
			}
			if c.Namespace != "" || !slices.Contains(AllowedElements, c.Data) {
				t.Errorf("%s: element <%s> (namespace %q) is outside the policy", what, c.Data, c.Namespace)
			}
			for _, a := range c.Attr {
				if a.Namespace != "" || !(slices.Contains(allowedAttributes["*"], a.Key) || slices.Contains(allowedAttributes[c.Data], a.Key)) {
					t.Errorf("%s: attribute %s=%q on <%s> is outside the policy", what, a.Key, a.Val, c.Data)
				}
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: event handler %s on <%s>", what, a.Key, c.Data)
				}
			}
			if c.Data == "a" {
				if href := attr(c, "href"); href != "" {
					u, err := url.Parse(href)
					if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "mailto") {
						t.Errorf("%s: link %q is not http, https or mailto", what, href)
					}
					if attr(c, "rel") != LinkRel || attr(c, "target") != "_blank" {
						t.Errorf("%s: link %q has rel=%q target=%q", what, href, attr(c, "rel"), attr(c, "target"))
					}
				}
			}
			if c.Data == "span" && attr(c, "class") != "" && attr(c, "class") != AltTextClass {
				t.Errorf("%s: span with class %q", what, attr(c, "class"))
			}
			if c.Data == "article" && attr(c, "class") != "" {
				t.Errorf("%s: a nested article has class %q", what, attr(c, "class"))
			}
			walk(c)
		}
	}
	walk(root)
}

// loadPage loads a corpus page's source as an article.
func loadPage(t testing.TB, page testcorpus.Page) *Document {
	t.Helper()
	src, err := os.ReadFile(page.Source())
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(src, Source{Name: "source.html", URL: "http://fakehost/test/page.html"})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return d
}

// allowedAttributes lists, by element, the attributes a sanitised article
// may hold; those under "*" are allowed on every element. It is written
// out here, apart from the policy (attributeRules), so that the tests hold
// the sanitiser's output to a list they do not share with it.
var allowedAttributes = map[string][]string{
	"*":        {"lang", "dir"},
	"a":        {"href", "rel", "target"},
	"abbr":     {"title"},
	"article":  {"class"},
	"col":      {"span"},
	"colgroup": {"span"},
	"del":      {"datetime"},
	"ins":      {"datetime"},
	"li":       {"value"},
	"ol":       {"start"},
	"span":     {"class"},
	"td":       {"colspan", "rowspan"},
	"th":       {"colspan", "rowspan", "scope"},
	"time":     {"datetime"},
}
