package annotate

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func parseBody(t *testing.T, s string) []*html.Node {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		t.Fatal(err)
	}
	return nodes
}

// TestRendersAs checks the test of a fixed point: tag soup that the parser
// mends is not one, its mended rendering may still not be one, and a
// rendering that parses back to itself is.
func TestRendersAs(t *testing.T) {
	for _, c := range []struct {
		in     string
		stable bool
	}{
		{`<p>one <b>two</b></p><ul><li>three</li></ul>`, true},
		{`<p>a &amp; b &lt; c &#34;d&#34;</p>`, true},
		{`<p>a & b</p>`, false}, // renders as &amp;
		{`<p>a<p>b`, false},     // renders with its end tags
		// The parser's mending that its rendering does not give back:
		// the <dt> closes no <dd> in the soup, but does in the rendering.
		{`<dd><table><dt>x`, false},
		{`<dd><dt></dt><table></table></dd>`, false},
		{`<dd></dd><dt></dt><table></table>`, true},
		{``, true},
	} {
		if got := rendersAs(parseBody(t, c.in), c.in); got != c.stable {
			t.Errorf("rendersAs(parse(%q)) = %v, want %v", c.in, got, c.stable)
		}
	}
	// Longer or shorter than the rendering.
	nodes := parseBody(t, `<p>x</p>`)
	for _, s := range []string{`<p>x</p><p>`, `<p>x</p`, `<p>y</p>`} {
		if rendersAs(nodes, s) {
			t.Errorf("<p>x</p> renders as %q, says rendersAs", s)
		}
	}
}

// TestLoadSanitiserMakesSoup loads a page whose tree is a fixed point until
// the policy takes out an element and keeps its content: the <marquee>
// (a special element to the parser, as a <form> is, but one that prepare
// leaves to the policy, being no block: see blockStandIn) that kept a
// <dt> inside a <dd> goes, and the <dt> then closes the <dd>. The
// document must be the tree the browser builds from its HTML (the <dt>
// beside the <dd>) and its index must agree with that tree.
func TestLoadSanitiserMakesSoup(t *testing.T) {
	const page = `<dl><dd>term<marquee><table></table><dt>inside</dt></marquee></dd></dl>`
	if _, _, stable, err := sanitizeContent(page); err != nil || stable {
		t.Fatalf("sanitizeContent says stable = %v (%v): the page no longer tests the way back", stable, err)
	}
	d, err := Load([]byte(page), Source{Name: "soup.html"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.HTML, `<dd>term<table></table></dd><dt>inside</dt>`) {
		t.Errorf("the HTML is not the parser's mended tree: %s", d.HTML)
	}
	checkIndex(t, d) // which also checks that the HTML parses back to itself
}
