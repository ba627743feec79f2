package annotate

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
	"golang.org/x/net/html"
)

// dumpTree writes nodes and everything under them, one node a line, with
// every field that tree construction sets: what parseOwn must match.
func dumpTree(nodes []*html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		fmt.Fprintf(&b, "%s%d %q atom=%d ns=%q", strings.Repeat(" ", depth), n.Type, n.Data, n.DataAtom, n.Namespace)
		for _, a := range n.Attr {
			fmt.Fprintf(&b, " %s:%s=%q", a.Namespace, a.Key, a.Val)
		}
		b.WriteByte('\n')
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Parent != n {
				b.WriteString("(a child whose parent is another)\n")
			}
			walk(c, depth+1)
		}
	}
	for _, n := range nodes {
		if n.Parent != nil {
			b.WriteString("(a top node with a parent)\n")
		}
		walk(n, 0)
	}
	return b.String()
}

// checkParseOwn fails when parseOwn takes s and gives another tree than
// parseInBody, or when, finished in the root element, the tree's attributes
// are as s wrote them (asWritten) and yet it does not render as s in the
// root, or the other way round, or when ownRendering does not give what
// Render writes of it. It reports whether parseOwn took s.
func checkParseOwn(t *testing.T, what, s string) bool {
	t.Helper()
	got, _, ok := parseOwn(s)
	if !ok {
		if got != nil {
			t.Errorf("%s: parseOwn gave up but returned %d nodes", what, len(got))
		}
		return false
	}
	want, err := parseInBody(s)
	if err != nil {
		t.Fatalf("%s: parseOwn took what x/net/html refuses (%v): %q", what, err, s)
	}
	if g, w := dumpTree(got), dumpTree(want); g != w {
		t.Errorf("%s: parseOwn's tree differs from x/net/html's for %q:\n%s", what, s, firstDifference(g, w))
	}
	nodes, written, _ := parseOwn(s)
	if as, renders := asWritten(written), rendersAs(nodes, s); as != renders {
		t.Errorf("%s: unfinished, the attributes are as written: %v, but the tree renders as what was read: %v, for %q", what, as, renders, s)
	}
	root := finishContent(nodes)
	if as, renders := asWritten(written), rendersAs([]*html.Node{root}, rootOpen+s+rootClose); as != renders {
		t.Errorf("%s: finished, the attributes are as written: %v, but the tree renders as what was read: %v, for %q", what, as, renders, s)
	}
	var b strings.Builder
	if err := html.Render(&b, root); err != nil {
		t.Fatal(err)
	}
	if got := rootOpen + ownRendering(s, written) + rootClose; got != b.String() {
		t.Errorf("%s: ownRendering differs from Render, finished:\n%s", what, firstDifference(got, b.String()))
	}
	return true
}

// TestParseOwnAgrees checks parseOwn on the content of every article that
// the corpus's pages and the XSS vectors load as, and on cases of each rule
// it keeps: it gives x/net/html's tree or gives up, and it gives up only
// where it must or where Render would not have written the HTML.
func TestParseOwnAgrees(t *testing.T) {
	taken, pages := 0, 0
	inner := func(d *Document) string {
		return strings.TrimSuffix(strings.TrimPrefix(d.HTML, `<article class="`+RootClass+`">`), `</article>`)
	}
	for _, page := range testcorpus.Pages(t) {
		pages++
		article := inner(loadPage(t, page))
		if checkParseOwn(t, page.Name, article) {
			taken++
		} else {
			// An article is the policy's output of a parsed page, so the
			// parser puts its every tag in the tree as written, tables
			// and all: parseOwn must read it.
			t.Errorf("%s: parseOwn gave up on an article", page.Name)
		}
		// bluemonday's output, which sanitizeContent reads with parseOwn
		// (here of the whole page, scripts and all, not of its article).
		src, err := os.ReadFile(page.Source())
		if err != nil {
			t.Fatal(err)
		}
		checkParseOwn(t, page.Name+", sanitised whole", articlePolicy().Sanitize(string(src)))
	}
	for _, c := range testcorpus.XSSPayloads(t) {
		what := "payload " + c.Payload[:min(len(c.Payload), 40)]
		if d, err := Load([]byte(c.Payload), Source{Name: "payload.html", MediaType: "text/html"}); err == nil {
			checkParseOwn(t, what, inner(d))
		}
		checkParseOwn(t, what+", sanitised", articlePolicy().Sanitize(c.Payload))
	}
	t.Logf("parseOwn took %d of %d pages' articles", taken, pages)

	for _, c := range []struct {
		s    string
		take bool
	}{
		{`<p>Plain <em>text</em> &amp; <b>more</b>.</p>`, true},
		{"\n<h2>A</h2>\n<p>x<br/>y<wbr/>z</p><hr/><ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", true},
		{`<p>&lt;&gt;&#39;&#34;&amp;amp;</p>`, true},
		{`<a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="x">y</a>`, true},
		{`<b lang="fr" dir="ltr">sorted by the parser</b>`, true},
		{`<b><b><b><b>four alike</b></b></b></b>`, true},
		{`<dl><dt>a</dt><dd>b<dl><dt>c</dt></dl></dd></dl>`, true},
		{`<div><p>a</p><div><p>b</p></div></div><blockquote><p>c</p></blockquote>`, true},
		{`<li>alone</li><li><div>in a div</div></li>`, true},
		{`<h1>x<span>y</span></h1><h2>z</h2>`, true},
		{`<pre>a` + "\n" + `b</pre><pre><b></b>` + "\n" + `c</pre>`, true},
		{"<p>\u00a0non-breaking, tab\t and form\ffeed</p>", true},
		// The parser would close, move or drop something.
		{`<p>a<p>b</p></p>`, false},
		{`<p>a<div>b</div></p>`, false},
		{`<p><span>a<hr/></span></p>`, false},
		{`<p><em>a<h2>b</h2></em></p>`, false},
		{`<h1>a<h2>b</h2></h1>`, false},
		{`<ul><li>a<li>b</li></li></ul>`, false},
		{`<ul><li><em>a<li>b</li></em></li></ul>`, false},
		{`<ul><li><div>a<li>b</li></div></li></ul>`, false},
		{`<dl><dt>a<dd>b</dd></dt></dl>`, false},
		{`<a href="x">a<a href="y">b</a></a>`, false},
		{`<a href="x"><div><a href="y">b</a></div></a>`, false},
		{"<pre>\nx</pre>", false},
		{`<p>a</p></p>`, false},
		{`<p>a`, false},
		{`<p><em>a</p></em>`, false},
		{`<table><tbody><tr><td>a</td><th>b</th></tr></tbody></table>`, true},
		{"<table>\n<caption>c</caption>\n<colgroup> <col/><col/> </colgroup>\n<thead><tr><th>h</th></tr></thead>\n<tbody>\n<tr>\n<td><p>x</p><ul><li>y</li></ul></td>\n</tr>\n</tbody><tfoot></tfoot></table>", true},
		{`<table><tbody><tr><td><table><tbody><tr><td>n</td></tr></tbody></table></td></tr></tbody></table><p>after</p>`, true},
		{`<ul><li><table><tbody><tr><td><li>x</li></td></tr></tbody></table></li></ul>`, true},
		{`<b><table><tbody><tr><td>x</td></tr></tbody></table></b>`, true},
		{`<table><tr><td>x</td></tr></table>`, false},
		{`<table><td>x</td></table>`, false},
		{`<table><tbody>text<tr></tr></tbody></table>`, false},
		{`<table><tbody><tr><div>x</div></tr></tbody></table>`, false},
		{`<table><tbody><tr><td>a<td>b</td></td></tr></tbody></table>`, false},
		{`<table><tbody><tr><td>a<tr></tr></td></tr></tbody></table>`, false},
		{`<table><caption>a<caption>b</caption></caption></table>`, false},
		{`<table><col/></table>`, false},
		{`<table><colgroup><b></b></colgroup></table>`, false},
		{`<table><tbody></tbody><br/></table>`, false},
		{`<p>a<table></table></p>`, false},
		{`<p><span><table></table></span></p>`, false},
		{`<a href="x"><table><tbody><tr><td><a href="y">z</a></td></tr></tbody></table></a>`, false}, // as written, but parseOwn does not look past the cell
		// Not as Render writes it.
		{`<P>a</P>`, false},
		{`<p class=x>a</p>`, false},
		{`<p class='x'>a</p>`, false},
		{`<p  class="x">a</p>`, false},
		{`<p class="x" class="y">a</p>`, false},
		{`<br>`, false},
		{`<span/>`, false},
		{`<p>a > b</p>`, false},
		{`<p>"a"</p>`, false},
		{`<p>&nbsp;&#x27;&quot;</p>`, false},
		{`<p>a &amp b</p>`, false},
		{"<p>a\rb</p>", false},
		{"<p>a\x00b</p>", false},
		{`<p>a<!-- c --></p>`, false},
		{`<p>a < b</p>`, false},
		{`<script>x</script>`, false},
		{`<p data-x="a<b">c</p>`, false},
		{`<p title="unclosed>c</p>`, false},
	} {
		if got := checkParseOwn(t, "case", c.s); got != c.take {
			t.Errorf("parseOwn(%q): took it %v, want %v", c.s, got, c.take)
		}
	}
}

// FuzzParseOwn checks that whatever parseOwn takes, it parses as
// x/net/html does.
func FuzzParseOwn(f *testing.F) {
	for _, s := range []string{
		`<p>Plain <em>text</em> &amp; <b>more</b>.</p>`,
		`<a href="https://example.com/a?b=c&amp;d=e#f" rel="noopener noreferrer nofollow" target="_blank">x</a>`,
		`<ul><li>a<ul><li>b</li></ul></li></ul><dl><dt>c</dt><dd>d</dd></dl>`,
		`<h1>a</h1><pre>b` + "\n" + `</pre><p>x<br/>y</p><hr/>`,
		`<b class="x" lang="en"><i>a</i></b><div><p>c</p></div>`,
		`<p>a<div>b</div></p><a href="x"><a href="y">z</a></a>`,
		`<ol><li><p>a</p><li>b</li></li></ol>`,
		"<table><caption>c</caption><colgroup><col/></colgroup><tbody>\n<tr><td><p>x</p></td><th>y</th></tr></tbody></table>",
		`<table><tr><td>x<td>y</table><p><table><tbody>z</tbody></table>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkParseOwn(t, "fuzz", s)
	})
}

// TestIndexSpecial puts every byte at every place of a word, after runs
// long enough to be read a word at a time, and compares indexSpecial with
// strings.IndexAny.
func TestIndexSpecial(t *testing.T) {
	for b := 0; b < 256; b++ {
		for at := 0; at < 20; at++ {
			s := []byte(strings.Repeat("plain text, é 日", 2))
			s[at] = byte(b)
			if got, want := indexSpecial(string(s)), strings.IndexAny(string(s), "&'<>\"\r\x00"); got != want {
				t.Fatalf("indexSpecial(%q) = %d, want %d", s, got, want)
			}
		}
	}
}
