package annotate

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// nested returns text wrapped in depth levels of the tags open(i) names,
// with the label w<i> as the text at each level, so that the order of the
// text can be checked.
func nested(depth int, open func(i int) string) (string, []string) {
	var b strings.Builder
	var labels []string
	var tags []string
	for i := range depth {
		tag := open(i)
		tags = append(tags, tag)
		fmt.Fprintf(&b, "<%s>w%d ", tag, i)
		labels = append(labels, fmt.Sprintf("w%d", i))
	}
	b.WriteString("the deepest text")
	labels = append(labels, "the", "deepest", "text")
	for i := depth - 1; i >= 0; i-- {
		fmt.Fprintf(&b, " </%s>", tags[i])
	}
	b.WriteString("<p>After the nesting.</p>")
	labels = append(labels, "After", "the", "nesting.")
	return b.String(), labels
}

// TestLoadDeepNesting checks that pages nested far deeper than the HTML
// parser's 512 open elements load, with every piece of their text kept in
// order, and that a page within the limit keeps all of its structure.
func TestLoadDeepNesting(t *testing.T) {
	mix := []string{"div", "b", "span", "section", "i", "blockquote", "em", "ul", "li"}
	cases := []struct {
		name  string
		depth int
		open  func(int) string
	}{
		{"2000 divs", 2000, func(int) string { return "div" }},
		{"2000 bold", 2000, func(int) string { return "b" }},
		{"2000 mixed", 2000, func(i int) string { return mix[i%len(mix)] }},
		{"600 divs", 600, func(int) string { return "div" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			page, labels := nested(c.depth, c.open)
			d, err := Load([]byte("<!doctype html><html><body>"+page+"</body></html>"), Source{Name: "deep.html"})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got := strings.Fields(d.Text().String()); !slices.Equal(got, labels) {
				t.Errorf("the text has %d words, want %d in order; it begins %q", len(got), len(labels), d.Text().Slice(0, min(80, d.Text().Len())))
			}
			// Not counting the empty blocks that stand for the dropped
			// ones' separators.
			tag := c.open(0)
			if n := strings.Count(d.HTML, "<"+tag+">") - strings.Count(d.HTML, "<"+tag+"></"+tag+">"); n == 0 || n > maxNesting {
				t.Errorf("%d <%s> elements kept, want between 1 and %d", n, tag, maxNesting)
			}
			checkPolicy(t, c.name, d.HTML)
			checkIndex(t, d)
		})
	}
	// A page the parser accepts is not flattened.
	page, _ := nested(400, func(int) string { return "div" })
	d, err := Load([]byte(page), Source{Name: "deep.html"})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(d.HTML, "<div>"); n != 400 {
		t.Errorf("a page 400 deep kept %d of its 400 divs", n)
	}
}

// TestLoadDeepNestingDropsHiddenContent checks that what the flattening
// removes with its tag (a script, a style, a hidden element, navigation)
// does not turn into text when it lies past the depth kept.
func TestLoadDeepNestingDropsHiddenContent(t *testing.T) {
	deep := strings.Repeat("<div>", 1000)
	page := deep + `Kept one. <script>alert("script text")</script><style>p{color:red}</style>` +
		`<nav><a href="/">Home menu</a></nav><div hidden>hidden text <div>inner hidden</div></div>` +
		`<span style="display:none">invisible</span><svg><text>svg text</text></svg><script/>self-closed script</script> Kept two.` +
		strings.Repeat("</div>", 1000)
	d, err := Load([]byte(page), Source{Name: "deep.html"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(strings.Fields(d.Text().String()), " "); got != "Kept one. Kept two." {
		t.Errorf("text %q, want %q", got, "Kept one. Kept two.")
	}
}

// TestLoadDeepNestingKeepsBlocksApart checks that blocks past the depth
// kept still set their text apart: the text of a page nested too deep is
// the text of its content nested shallow, where the flattening drops no
// tag, but for the preformatting of what it drops.
func TestLoadDeepNestingKeepsBlocksApart(t *testing.T) {
	deep := func(content string) []byte {
		return []byte(strings.Repeat("<div>", 600) + content + strings.Repeat("</div>", 600))
	}
	d, err := Load(deep("<p>First para.</p><p>Second para.</p>"), Source{Name: "deep.html"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Text().String(), "First para.\n\nSecond para."; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	for _, content := range []string{
		"<p>One.</p>\n  <p>Two.</p>",
		"<div>a<div>b</div></div>c<section>d</section><blockquote>e</blockquote>f",
		"<h2>Head</h2>Text<br>more<hr>After",
		"<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><dl><dt>d</dt><dd>e<ol><li>f</li></ol></dd></dl>g",
		"<center>Breaking</center><center>News</center><nav>Home</nav>Then<menu><li>m</li></menu>",
		"<fieldset><legend>Poll</legend>Should it pass?</fieldset><form>Sign up</form>Next",
		"a<xmp><i>raw</i></xmp>b<span>c</span><b>d</b><p>e<em>f</em></p>",
		"a<div hidden>x</div>b<div style=\"display:none\">y</div>c<script>z</script>d",
		"<p>a<b>b<p>c</b>d</p>",
	} {
		shallow, err := Load([]byte(content), Source{Name: "shallow.html"})
		if err != nil {
			t.Fatal(err)
		}
		d, err := Load(deep(content), Source{Name: "deep.html"})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := d.Text().String(), shallow.Text().String(); got != want {
			t.Errorf("%q nested deep: text %q, want %q", content, got, want)
		}
		checkPolicy(t, content, d.HTML)
		checkIndex(t, d)
	}
}

// TestFlattenNesting checks the flattening pass on its own: tags within
// the depth kept byte for byte, deeper ones gone with their end tags,
// unclosed paragraphs not counted as depth.
func TestFlattenNesting(t *testing.T) {
	cases := []struct {
		in, want string
		depth    int
	}{
		{`<div class="a"><div><b>x</b></div></div>`, `<div class="a"><div>x</div></div>`, 2},
		{`<div><p>a<p>b<p>c</div>`, `<div><p>a<p>b<p>c</div>`, 2},
		{`<div>a<br>b<img src=x alt="y"></div>`, `<div>a<br>b<img src=x alt="y"></div>`, 1},
		{`<div><i>a &amp; b<!-- c --></i></div>`, `<div>a &amp; b<!-- c --></div>`, 1},
		{`<div><i>a</b>b</i></div>`, `<div>a</b>b</div>`, 1},
		{`<b><i>text</i></b>`, `text`, 0},
		// A removed block leaves an empty one, once for a run of them,
		// the strongest asked for, before the next content.
		{`<div><p>a</p> <p>b</p></div>`, `<div><p></p>a <p></p>b</div>`, 1},
		{`<div><div><div>a</div></div><p>b</p></div>`, `<div><div></div>a<p></p>b</div>`, 1},
		{`<i><li>a</li><b>b</b><ul><li>c</li></ul></i>`, `<div></div>a<div></div>b<p></p>c`, 0},
		{`<li><ul><li>a</li></ul></li>`, `<li><div></div>a</li>`, 1}, // a nested list
		{`<div><center>a</center><nav><a>n</a></nav>b</div>`, `<div><div></div>a<div></div>b</div>`, 1},
		{`<div><xmp><b>a</b></xmp><plaintext></plaintext>`, `<div><xmp><b>a</b></xmp><plaintext></plaintext>`, 1},
		{`<div><div hidden>a</div>b<br><b>c</b></div>`, `<div>b<br>c</div>`, 1},
		{`<svg><g><p>a</p></g></svg>`, `<svg>a</svg>`, 1},
	}
	for _, c := range cases {
		if got := flattenNesting(c.in, c.depth); got != c.want {
			t.Errorf("flattenNesting(%q, %d)\n got %q\nwant %q", c.in, c.depth, got, c.want)
		}
	}
}
