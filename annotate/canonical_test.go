package annotate

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// TestCanonicalText pins the flattening algorithm down case by case.
func TestCanonicalText(t *testing.T) {
	cases := []struct {
		name, html, want string
	}{
		{"collapse", "<p>  Hello \n\t world  </p>", "Hello world"},
		{"paragraphs", "<p>One</p><p>Two</p>", "One\n\nTwo"},
		{"heading and paragraph", "<h2>Title</h2>\n<p>Body</p>", "Title\n\nBody"},
		{"divs are lines", "<div>a</div><div>b</div>", "a\nb"},
		{"list", "<ul><li>one</li><li>two</li></ul><p>after</p>", "one\ntwo\n\nafter"},
		{"nested list", "<ul><li>one<ul><li>sub</li></ul></li></ul>", "one\nsub"},
		{"br", "<p>line one<br>line two</p>", "line one\nline two"},
		{"br drops the space after it", "<p>one <br> two</p>", "one\ntwo"},
		{"br at the edges", "<p><br>one<br></p><p>two<br><br></p>", "one\n\n\ntwo"},
		{"inline spacing across elements", "<p>a <b>bold</b> <i>word</i>.</p>", "a bold word."},
		{"space across element edge", "<p>a<b> b</b></p>", "a b"},
		{"nbsp kept", "<p>a&nbsp;&nbsp;b</p>", "a\u00a0\u00a0b"},
		{"pre keeps white space", "<pre>x  = 1\n  y</pre><p>z</p>", "x  = 1\n  y\n\nz"},
		{"crlf collapses", "<p>a\r\nb</p>", "a b"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a\tb\nc"},
		{"emoji", "<p>I 😀 <em>you</em></p>", "I 😀 you"},
		{"combining", "<p>cafe\u0301 ok</p>", "cafe\u0301 ok"},
		{"rtl", `<p dir="rtl">שלום   עולם</p>`, "שלום עולם"},
		{"alt text stands apart", `<p>Logo<img alt="A red bar chart">Today</p>`, "Logo A red bar chart Today"},
		{"empty blocks add nothing", "<p></p><p> </p><p>x</p><div></div>", "x"},
		{"leading and trailing space", "\n\n  <p>  x  </p>  \n", "x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Load([]byte(c.html), Source{Name: "case.html"})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Text().String(); got != c.want {
				t.Errorf("canonical text = %q, want %q\nHTML: %s", got, c.want, d.HTML)
			}
			checkIndex(t, d)
		})
	}
}

// domTextNodes returns the data of every text node under a document's root,
// in document order: what a TreeWalker over the root shows. It also checks
// that the HTML is what the tree parsed from it renders as: the browser
// that parses it builds that same tree.
func domTextNodes(t testing.TB, d *Document) []string {
	t.Helper()
	root, err := parseRoot(d.HTML)
	if err != nil {
		t.Fatal(err)
	}
	if !rendersAs([]*html.Node{root}, d.HTML) {
		var b strings.Builder
		_ = html.Render(&b, root)
		got, i := b.String(), 0
		for i < len(got) && i < len(d.HTML) && got[i] == d.HTML[i] {
			i++
		}
		t.Fatalf("the document's HTML does not parse back to itself: at byte %d, %q… renders as %q…", i, clip(d.HTML[i:]), clip(got[i:]))
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				out = append(out, c.Data)
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

// checkIndex checks a document's index against its HTML parsed anew, at
// every UTF-16 offset of every text node: offsets map monotonically, every
// character that is not white space maps to itself in the canonical text
// and back to where it came from, and every character of the canonical
// text that no node holds is a separator.
func checkIndex(t testing.TB, d *Document) {
	t.Helper()
	nodes := domTextNodes(t, d)
	x := d.Index()
	if x.NodeCount() != len(nodes) {
		t.Fatalf("the index knows %d text nodes; the HTML has %d", x.NodeCount(), len(nodes))
	}
	text := d.Text()
	covered := make([]bool, text.Len())
	last := 0
	for i, data := range nodes {
		if x.NodeLen(i) != UTF16Count(data) {
			t.Fatalf("node %d: length %d, want %d", i, x.NodeLen(i), UTF16Count(data))
		}
		u := 0
		for b := 0; b <= len(data); {
			cp, err := x.FromDOM(i, u)
			if err != nil {
				t.Fatalf("FromDOM(%d, %d): %v", i, u, err)
			}
			if cp < last {
				t.Fatalf("FromDOM(%d, %d) = %d goes back from %d", i, u, cp, last)
			}
			last = cp
			if b == len(data) {
				break
			}
			r, size := utf8.DecodeRuneInString(data[b:])
			if !isCollapsible(r) {
				if got := text.Slice(cp, cp+1); got != string(r) {
					t.Fatalf("node %d offset %d holds %q but maps to %q at %d", i, u, r, got, cp)
				}
				covered[cp] = true
				if n, v, ok := x.ToDOM(cp, true); !ok || n != i || v != u {
					t.Fatalf("ToDOM(%d) = (%d, %d, %v), want (%d, %d)", cp, n, v, ok, i, u)
				}
			}
			b += size
			if r >= 0x10000 {
				u += 2
			} else {
				u++
			}
		}
	}
	for cp, ok := range covered {
		if c := text.Slice(cp, cp+1); !ok && !isCollapsible([]rune(c)[0]) {
			t.Fatalf("canonical character %d (%q) comes from no text node", cp, c)
		}
	}
	if _, err := x.FromDOM(len(nodes), 0); err == nil {
		t.Errorf("FromDOM accepts a node past the last")
	}
	if len(nodes) > 0 {
		if _, err := x.FromDOM(0, x.NodeLen(0)+1); err == nil {
			t.Errorf("FromDOM accepts an offset past the node's end")
		}
	}
}

// TestIndexSpansSnapToNodes checks how spans between blocks map to DOM
// positions: a start in a gap goes forward, an end goes back.
func TestIndexSpansSnapToNodes(t *testing.T) {
	d, err := Load([]byte("<p>ab</p><p>cd</p>"), Source{Name: "x.html"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Text().String() != "ab\n\ncd" {
		t.Fatalf("text %q", d.Text().String())
	}
	x := d.Index()
	for _, c := range []struct {
		cp      int
		forward bool
		node, u int
	}{
		{0, true, 0, 0}, {2, false, 0, 2}, {2, true, 1, 0}, {3, true, 1, 0},
		{3, false, 0, 2}, {4, false, 1, 0}, {4, true, 1, 0}, {6, false, 1, 2}, {6, true, 1, 2},
	} {
		node, u, ok := x.ToDOM(c.cp, c.forward)
		if !ok || node != c.node || u != c.u {
			t.Errorf("ToDOM(%d, %v) = (%d, %d, %v), want (%d, %d)", c.cp, c.forward, node, u, ok, c.node, c.u)
		}
	}
}

// FuzzCanonical loads any input as HTML and checks the index against it.
func FuzzCanonical(f *testing.F) {
	f.Add("<p>a  b</p><p>c</p>")
	f.Add("<ul><li>x<li>y</ul><pre> a\n b</pre><table><td>1<td>2</table>")
	f.Add("<p>😀 <b> x </b>\u00a0<br> y</p>")
	f.Add("text <div>in</div> between <span> spans </span>")
	f.Add("<p>cafe\u0301 \r\n שלום</p><img alt='chart of votes'>")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := Load([]byte(s), Source{Name: "fuzz.html"})
		if err != nil {
			return
		}
		checkIndex(t, d)
		// White space at either end of the text must be a node's own (in
		// <pre>), never a separator.
		text := d.Text()
		if n := text.Len(); n > 0 {
			for _, cp := range []int{0, n - 1} {
				if c := text.Slice(cp, cp+1); strings.TrimSpace(c) == "" {
					if node, u, _ := d.Index().ToDOM(cp, true); domTextNodes(t, d)[node][ByteAtUTF16(domTextNodes(t, d)[node], u):][:1] != c[:1] {
						t.Errorf("canonical text has separator %q at %d: %q", c, cp, text.String())
					}
				}
			}
		}
	})
}

// clip returns the first 60 bytes of s, or s.
func clip(s string) string {
	if len(s) > 60 {
		return s[:60]
	}
	return s
}
