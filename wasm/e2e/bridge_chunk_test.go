//go:build !wasm

package e2e

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestBridgeChunks checks that annotator.js groups a long article's blocks
// in chunks (for content-visibility, see its chunk) without moving a text
// node out of its order: its text nodes are those of the Go index, spans
// that cross chunks select the canonical text, and the page's text is
// unchanged. A short article is left as it is.
func TestBridgeChunks(t *testing.T) {
	t.Parallel()
	br := newBridge(t, "/index.html")

	// 1,050 blocks in a wrapper, with white space, inline elements and a
	// list between them: chunks of about 2,000 characters.
	var s strings.Builder
	s.WriteString("<article><div class=\"body\">\n")
	for i := range 1050 {
		switch {
		case i%97 == 0:
			fmt.Fprintf(&s, "<ul><li>item %d one</li>\n<li>item %d <b>two</b></li></ul>\n", i, i)
		default:
			fmt.Fprintf(&s, "<p>Paragraph %d has <em>some</em> words 😀 in it.</p>\n", i)
		}
	}
	s.WriteString("</div></article>")
	d, err := annotate.Load([]byte(s.String()), annotate.Source{Name: "long.html"})
	if err != nil {
		t.Fatal(err)
	}
	index := d.Index()
	if got, want := br.show(t, "long", d), index.NodeCount(); got != want {
		t.Fatalf("annotator.nodeCount() = %d; the Go index has %d text nodes", got, want)
	}
	// Every chunk but the last holds 2,000 characters or just over (its
	// last block crosses the line), the blocks are all in one, and the
	// estimated sizes are set.
	chunks := evalJS[[][3]int](t, br.browser, `Array.from(document.querySelectorAll("article.doc .cv-chunk"), (c) => [c.childElementCount, Array.from(c.children).slice(0, -1).reduce((n, e) => n + e.textContent.length, 0), c.lastElementChild.textContent.length])`)
	blocks := 0
	for i, c := range chunks {
		blocks += c[0]
		if i < len(chunks)-1 && (c[1] >= 2000 || c[1]+c[2] < 2000) {
			t.Errorf("chunk %d holds %d characters, then a block of %d; it should close at the block that reaches 2,000", i, c[1], c[2])
		}
	}
	if len(chunks) < 10 || blocks != 1050 {
		t.Fatalf("%d chunks hold %d blocks; want the 1,050 blocks in chunks of about 2,000 characters", len(chunks), blocks)
	}
	if sizes := evalJS[int](t, br.browser, `Array.from(document.querySelectorAll("article.doc .cv-chunk")).filter((c) => /^auto \d+em$/.test(c.style.containIntrinsicSize)).length`); sizes != len(chunks) {
		t.Errorf("%d of %d chunks have an estimated size", sizes, len(chunks))
	}
	// The text nodes, in order, are the Go index's: the length of each.
	lengths := evalJS[[]int](t, br.browser, `(() => {
		const out = [];
		const w = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n.length);
		return out;
	})()`)
	if len(lengths) != index.NodeCount() {
		t.Fatalf("the page has %d text nodes after chunking; the Go index has %d", len(lengths), index.NodeCount())
	}
	for i, n := range lengths {
		if n != index.NodeLen(i) {
			t.Fatalf("text node %d is %d UTF-16 units long in the page, %d in the Go index", i, n, index.NodeLen(i))
		}
	}
	// Spans by code points, across chunk boundaries, select their text.
	var spans []int
	var want []string
	n := d.Text().Len()
	for k := 1; k <= 20; k++ {
		s := k * n / 21
		e := min(n, s+700) // several blocks: every fifth or so crosses a chunk
		sn, so, _ := index.ToDOM(s, true)
		en, eo, _ := index.ToDOM(e, false)
		spans = append(spans, sn, so, en, eo)
		want = append(want, d.Text().Slice(s, e))
	}
	res := evalJS[struct {
		Sel   []int
		Texts []string
	}](t, br.browser, jsCall("testPage.roundTrip", spans))
	if len(res.Texts) != len(want) {
		t.Fatalf("the round trip gave %d texts for %d spans", len(res.Texts), len(want))
	}
	for k, text := range res.Texts {
		if ok, _ := textAgrees(want[k], text); !ok {
			t.Errorf("span %d:\n canonical %q\n browser   %q", k, abbreviate(want[k], 200), abbreviate(text, 200))
		}
	}

	// Under the app's style sheet, the gap between two chunks is the gap
	// between two paragraphs: a chunk's margins do not collapse with the
	// next chunk's.
	gaps := evalJS[[]float64](t, br.browser, `new Promise((done) => {
		const link = document.createElement("link");
		link.rel = "stylesheet";
		link.href = "/web/app.css";
		link.onload = () => {
			document.getElementById("app").classList.add("article-frame");
			// Both sides of the boundary in view, and drawn.
			const c = document.querySelectorAll("article.doc .cv-chunk");
			c[1].firstElementChild.scrollIntoView({ block: "center" });
			requestAnimationFrame(() => requestAnimationFrame(() => {
				const last = c[0].lastElementChild.getBoundingClientRect(), first = c[1].firstElementChild.getBoundingClientRect();
				const a = c[1].children[0].getBoundingClientRect(), b = c[1].children[1].getBoundingClientRect();
				done([first.top - last.bottom, b.top - a.bottom]);
			}));
		};
		document.head.appendChild(link);
	})`)
	if math.Abs(gaps[0]-gaps[1]) > 0.5 {
		t.Errorf("two chunks are %.1f px apart, two paragraphs %.1f px", gaps[0], gaps[1])
	}

	// A short article keeps its blocks where they are.
	short, err := annotate.Load([]byte("<article><p>One.</p><p>Two.</p><p>Three.</p></article>"), annotate.Source{Name: "short.html"})
	if err != nil {
		t.Fatal(err)
	}
	br.show(t, "short", short)
	if got := evalJS[int](t, br.browser, `document.querySelectorAll("article.doc .cv-chunk").length`); got != 0 {
		t.Errorf("a three-paragraph article has %d chunks", got)
	}
}
