package annotate

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
	"golang.org/x/net/html"
)

// checkTreeTokens holds treeTokens, on the children of root, to the
// tokenizer's reading of their rendering, token by token, and the
// policy's output on the tokens to its output on the rendering. It reports
// whether tokenizable took root; what it refuses is not compared.
func checkTreeTokens(t *testing.T, what string, root *html.Node) bool {
	t.Helper()
	if !tokenizable(root) {
		return false
	}
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			t.Errorf("%s: tokenizable took a tree that Render refuses: %v", what, err)
			return true
		}
	}
	rendered := b.String()
	z := html.NewTokenizer(strings.NewReader(rendered))
	walk := newTreeTokens(root)
	for i := 0; ; i++ {
		var want html.Token
		wantErr := error(nil)
		if z.Next() == html.ErrorToken {
			wantErr = z.Err()
		} else {
			want = z.Token()
		}
		got, gotErr := walk.next()
		if !errors.Is(gotErr, wantErr) {
			t.Errorf("%s: token %d: the walk gave %v (%v), the tokenizer %v (%v) reading %.200q", what, i, got, gotErr, want, wantErr, rendered)
			return true
		}
		if wantErr != nil {
			break
		}
		if !sameToken(got, want) {
			t.Errorf("%s: token %d: the walk gave %#v, the tokenizer %#v", what, i, got, want)
			return true
		}
	}
	if got, want := articlePolicy().SanitizeTokens(newTreeTokens(root).next), articlePolicy().Sanitize(rendered); got != want {
		t.Errorf("%s: the policy wrote\n%.300q\nfrom the tree's tokens, and\n%.300q\nfrom its rendering", what, got, want)
	}
	return true
}

// sameToken compares two tokens; no attributes and an empty list are the
// same.
func sameToken(a, b html.Token) bool {
	if a.Type != b.Type || a.Data != b.Data || a.DataAtom != b.DataAtom || len(a.Attr) != len(b.Attr) {
		return false
	}
	for i := range a.Attr {
		if a.Attr[i] != b.Attr[i] {
			return false
		}
	}
	return true
}

// parsedBody returns the body of s parsed as a whole page.
func parsedBody(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return contentRoot(doc)
}

func TestTreeTokensAgree(t *testing.T) {
	taken, pages := 0, 0
	for _, page := range testcorpus.Pages(t) {
		pages++
		src, err := os.ReadFile(page.Source())
		if err != nil {
			t.Fatal(err)
		}
		content, _, err := preparePage(string(src), "")
		if err != nil {
			t.Fatal(err)
		}
		if checkTreeTokens(t, page.Name, content) {
			taken++
		} else {
			t.Errorf("%s: the prepared content was not walked", page.Name)
		}
		// The whole page, not prepared: its head, scripts, comments.
		doc, err := html.Parse(strings.NewReader(string(src)))
		if err != nil {
			t.Fatal(err)
		}
		checkTreeTokens(t, page.Name+", whole", doc)
		checkTreeTokens(t, page.Name+", body", contentRoot(doc))
	}
	t.Logf("the walk took %d of %d pages' content", taken, pages)

	for _, c := range testcorpus.XSSPayloads(t) {
		what := "payload " + c.Payload[:min(len(c.Payload), 40)]
		checkTreeTokens(t, what, parsedBody(t, c.Payload))
		if content, _, err := preparePage(c.Payload, ""); err == nil {
			checkTreeTokens(t, what+", prepared", content)
		}
	}

	// What prepare puts in place of the blocks that the policy does not
	// allow (blockStandIn): a pre for an xmp and a plaintext, whose raw
	// text the walk does not take, but takes as a pre's.
	for _, s := range []string{
		"<xmp>\n<b>x</b> &amp;</xmp>a", "<plaintext>\n</plaintext>&amp;", "<listing>\n\nx</listing>",
		"<center>a</center><nav>b</nav><menu><li>c</li></menu><form><fieldset><legend>d</legend></fieldset></form>",
	} {
		content, _, err := preparePage(s, "")
		if err != nil {
			t.Fatal(err)
		}
		if !checkTreeTokens(t, s+", prepared", content) {
			t.Errorf("the walk did not take %q, prepared", s)
		}
	}

	for _, c := range []struct {
		s    string
		take bool
	}{
		{`<p>Plain <em>text</em> &amp; <b>more</b>.</p>`, true},
		{"<p>x<br>y<wbr>z<img src=a alt=b></p><hr><p>\u00a0&lt;&gt;&#39;&quot;\r\n</p>", true},
		{"<pre>\nx</pre><pre>\n\ny</pre><listing>\nz</listing><pre><b>\n</b></pre>", true},
		{`<P CLASS="A" Data-X="&amp;&lt;">a</P><a href="x" =y="z">b</a>`, true},
		{`<svg viewBox="0 0 1 1"><foreignObject xlink:href="#a" xml:lang="en"><p>x</p></foreignObject><clipPath/></svg>`, true},
		{`<math><mi definitionURL="x">a</mi></math>`, true},
		{`<table><tr><td>x</td></tr></table>`, true},
		{"<p>a\x00b</p>", true},
		{`<p><span></span></p><div>   </div>`, true},
		{"   \t", true},
		{"\r", true},
		{"", true},
		// What the tokenizer reads raw, and what is not an element or text.
		{`<p>a<!-- c -->b</p>`, false},
		{`<p>a<script>x</script></p>`, false},
		{`<p>a<style>x</style></p>`, false},
		{`<textarea>x</textarea>`, false},
		{`<xmp>x</xmp>`, false},
		{`<plaintext>x`, false},
		{`<p>a</p><noscript><p>x</p></noscript>`, false},
		{`<svg><style>a&amp;b</style></svg>`, false},
		{`<svg><title>a</title></svg>`, false},
	} {
		if got := checkTreeTokens(t, "case", parsedBody(t, c.s)); got != c.take {
			t.Errorf("the walk of %q: took it %v, want %v", c.s, got, c.take)
		}
	}
}

// TestTreeTokensOfMadeTrees walks trees that the parser does not make but
// prepare and other code may: adjacent and empty text nodes, attributes
// that would not read back as themselves.
func TestTreeTokensOfMadeTrees(t *testing.T) {
	el := func(name string, attrs []html.Attribute, kids ...*html.Node) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: name, Attr: attrs}
		for _, k := range kids {
			n.AppendChild(k)
		}
		return n
	}
	text := func(s string) *html.Node { return &html.Node{Type: html.TextNode, Data: s} }
	for _, c := range []struct {
		what string
		root *html.Node
		take bool
	}{
		{"adjacent and empty text", el("body", nil, text("a"), text(""), text("b"), el("p", nil, text(""), text("\nc"), text("d")), text("e")), true},
		{"a pre whose newline is in its second text", el("body", nil, el("pre", nil, text(""), text("\nx"))), true},
		{"a carriage return alone, which Render writes as a reference", el("body", nil, text("\r")), true},
		{"white space alone, which Sanitize returns as it is", el("body", nil, text(" \t\n\u00a0"), text("\u0085")), true},
		{"attributes emptied", el("body", nil, el("a", []html.Attribute{}, text("x"))), true},
		{"a namespace with an upper-case key", el("body", nil, el("x", []html.Attribute{{Namespace: "Xlink", Key: "HREF", Val: "v"}})), true},
		{"a key with a space", el("body", nil, el("p", []html.Attribute{{Key: "a b", Val: "v"}})), false},
		{"a key with '=' after its first byte", el("body", nil, el("p", []html.Attribute{{Key: "a=b", Val: "v"}})), false},
		{"a key that starts with '='", el("body", nil, el("p", []html.Attribute{{Key: "=b", Val: "v"}})), true},
		{"an empty key", el("body", nil, el("p", []html.Attribute{{Key: "", Val: "v"}})), false},
		{"a name that does not start as a tag", el("body", nil, el("1p", nil, text("x"))), false},
		{"a name with a slash", el("body", nil, el("p/q", nil, text("x"))), false},
		{"a void element with a child", el("body", nil, el("br", nil, text("x"))), false},
		{"a NUL in a value, which the tokenizer replaces", el("body", nil, el("p", []html.Attribute{{Key: "title", Val: "a\x00b"}})), false},
		{"a comment", el("body", nil, &html.Node{Type: html.CommentNode, Data: "x"}), false},
	} {
		if got := checkTreeTokens(t, c.what, c.root); got != c.take {
			t.Errorf("%s: took it %v, want %v", c.what, got, c.take)
		}
	}
}

// FuzzTreeTokens checks that whatever tree the walk takes, parsed from any
// input, prepared or not, it gives the tokens of its rendering.
func FuzzTreeTokens(f *testing.F) {
	for _, s := range []string{
		`<p>Plain <em>text</em> &amp; <b>more</b>.</p>`,
		"<pre>\nx</pre><br><img alt=a><hr/>",
		`<svg viewBox="0 0 1 1"><foreignObject xlink:href="#a"><p>x</p></foreignObject></svg>`,
		`<table><tr><td>x<script>y</script></td></tr></table><!-- c -->`,
		`<a href="/x" hidden>y</a><a href="https://e.com/?a=1&amp;b">z</a>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		checkTreeTokens(t, "whole", doc)
		body := contentRoot(doc)
		checkTreeTokens(t, "body", body)
		prepare(body, nil)
		checkTreeTokens(t, "prepared", body)
	})
}
