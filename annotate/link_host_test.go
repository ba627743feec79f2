package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostlessLinks are http and https URLs that net/url reads as absolute
// but that name no host: a browser resolves each against the address of
// the page that shows it (the WHATWG URL standard's "special relative
// or authority" state), so that in the annotator, served over the same
// scheme, "https:#notice" is a link to the annotator itself and
// "https:evil.com" one to its path /evil.com.
var hostlessLinks = []string{
	"https:#notice", "https:?open=x", "https:", "https:/", "https:evil.com", "HTTPS:evil.com",
	"http:evil.com", "https:/evil.com", "https:///evil.com", "https:/%5Cevil.com",
}

// linksWithoutHost returns the hrefs of the links in s, an article's HTML
// as the browser parses it, that are http or https with no host.
func linksWithoutHost(t *testing.T, s string) []string {
	t.Helper()
	nodes, err := parseInBody(s)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key != "href" {
					continue
				}
				u, err := url.Parse(a.Val)
				if err != nil || (u.Scheme == "http" || u.Scheme == "https") && (u.Host == "" || u.Opaque != "") {
					bad = append(bad, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return bad
}

// TestLinksWithoutHostDropped checks that no link of an article, loaded
// or imported from an export, is an http or https URL with no host: the
// browser would take it for a link to the annotator's own address.
func TestLinksWithoutHostDropped(t *testing.T) {
	for _, href := range hostlessLinks {
		page := `<p>Read <a href="` + href + `">this link</a> now.</p>`
		for _, from := range []string{"", "https://example.com/news/1.html"} {
			d, err := Load([]byte(page), Source{Name: "a.html", URL: from})
			if err != nil {
				t.Fatalf("%s: %v", page, err)
			}
			if bad := linksWithoutHost(t, d.HTML); len(bad) > 0 {
				t.Errorf("%s (from %q): links without a host kept: %q in %s", page, from, bad, d.HTML)
			}
			checkPolicy(t, page, d.HTML)
		}

		// An export whose HTML holds such a link, finished as this package
		// finishes links, with its text and hash right.
		exported := `<article class="doc"><p>Read <a href="` + href + `" rel="` + LinkRel + `" target="_blank">this link</a> now.</p></article>`
		text := "Read this link now."
		sum := sha256.Sum256([]byte(text))
		fd := FileDocument{Title: "t", HTML: exported, Text: text, TextSHA256: hex.EncodeToString(sum[:])}
		d, err := importDocument(fd, nil)
		if err != nil {
			t.Fatalf("%s: %v", exported, err)
		}
		if bad := linksWithoutHost(t, d.HTML); len(bad) > 0 {
			t.Errorf("export %s: links without a host kept: %q in %s", exported, bad, d.HTML)
		}
		inner := strings.TrimSuffix(strings.TrimPrefix(exported, rootOpen), rootClose)
		checkKeptAgrees(t, inner, inner)
	}
	// Links with a host stay.
	d, err := Load([]byte(`<p><a href="https://example.com/a">a</a> <a href="http://example.com:8080/b?c#d">b</a> <a href="mailto:a@example.com">c</a></p>`), Source{Name: "a.html"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(d.HTML, ` href="`); got != 3 {
		t.Errorf("%d links kept of 3: %s", got, d.HTML)
	}
}
