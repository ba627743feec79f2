//go:build !wasm

package e2e

import (
	"fmt"
	"math"
	"slices"
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
	sideBySide(t)
	br := newBridge(t, "/index.html")

	// 1,050 blocks in a wrapper, with white space, inline elements and a
	// list between them: chunks of about 2,000 characters.
	d := longArticle(t, func(i int) string {
		if i%97 == 0 {
			return fmt.Sprintf("<ul><li>item %d one</li>\n<li>item %d <b>two</b></li></ul>\n", i, i)
		}
		return fmt.Sprintf("<p>Paragraph %d has <em>some</em> words 😀 in it.</p>\n", i)
	})
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
	br.useAppStyles(t)
	gaps := evalJS[[]float64](t, br.browser, `new Promise((done) => {
		// Both sides of the boundary in view, and drawn.
		const c = document.querySelectorAll("article.doc .cv-chunk");
		c[1].firstElementChild.scrollIntoView({ block: "center" });
		requestAnimationFrame(() => requestAnimationFrame(() => {
			const last = c[0].lastElementChild.getBoundingClientRect(), first = c[1].firstElementChild.getBoundingClientRect();
			const a = c[1].children[0].getBoundingClientRect(), b = c[1].children[1].getBoundingClientRect();
			done([first.top - last.bottom, b.top - a.bottom]);
		}));
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

// TestBridgeHighlightWindow: on an article in chunks, the page's
// highlights hold the ranges near the view, and every range in view, while
// paint and patch keep them all; scrolling moves the window in the frame
// of the scroll, and a range patched in far from the view is shown once
// the view comes to it.
func TestBridgeHighlightWindow(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	d := longArticle(t, func(i int) string {
		return fmt.Sprintf("<p>Paragraph %d has <em>some</em> words 😀 in it, and a few more words to make a line.</p>\n", i)
	})
	br.show(t, "long", d)
	// The app's style sheet, so that the chunks skip what is out of view.
	br.useAppStyles(t)
	index, text := d.Index(), d.Text()
	dom := func(i int) string {
		sp := spanOf(t, text, fmt.Sprintf("Paragraph %d has", i))
		sn, so, _ := index.ToDOM(sp.Start, true)
		en, eo, _ := index.ToDOM(sp.End, false)
		return fmt.Sprint(0, ",", sn, ",", so, ",", en, ",", eo)
	}
	var spans, ids []string
	for i := 0; i < 1050; i += 10 {
		spans = append(spans, dom(i))
		ids = append(ids, fmt.Sprint("p", i))
	}
	evalJS[bool](t, br.browser, `(scrollTo(0, 0), true)`)
	if n := evalJS[int](t, br.browser, jsCall("annotator.paint", "claim", strings.Join(spans, ","), strings.Join(ids, ","))); n != len(spans) {
		t.Fatalf("paint painted %d ranges, want %d", n, len(spans))
	}
	// check returns what is wrong with the highlight "claim": a paragraph
	// in view whose span is not in it, or a range in it whose chunk is far
	// from the view; and the numbers of ranges painted and shown.
	type window struct {
		Missing, Far []string
		Painted      int
		Shown        int
	}
	const check = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
		const h = CSS.highlights.get("claim"), texts = new Set([...h].map(String)), far = [], missing = [];
		for (const p of document.querySelectorAll("article.doc p")) {
			const r = p.getBoundingClientRect(), m = /^Paragraph (\d+) has/.exec(p.textContent);
			if (r.bottom > 0 && r.top < innerHeight && m && m[1] % 10 === 0 && !texts.has(m[0])) missing.push(m[0]);
		}
		for (const r of h) {
			const c = r.startContainer.parentElement.closest(".cv-chunk").getBoundingClientRect();
			if (c.bottom < -3 * innerHeight || c.top > 4 * innerHeight) far.push(String(r));
		}
		const [painted, shown] = annotator.highlights().claim;
		done({missing, far, painted, shown});
	})))`
	expect := func(when string, painted int, gone ...string) window {
		t.Helper()
		w := evalJS[window](t, br.browser, check)
		if !slices.Equal(w.Missing, gone) || len(w.Far) > 0 {
			t.Errorf("%s: spans in view not shown %q; ranges shown far from the view %q", when, w.Missing, w.Far)
		}
		if w.Painted != painted || w.Shown == 0 || w.Shown >= w.Painted/2 {
			t.Errorf("%s: %d ranges painted, %d shown; want %d painted, some shown, and most of them not", when, w.Painted, w.Shown, painted)
		}
		return w
	}
	expect("at the top", len(spans))
	shownAt := func(i int) bool {
		return evalJS[bool](t, br.browser, fmt.Sprintf(`[...CSS.highlights.get("claim")].some((r) => String(r) === "Paragraph %d has")`, i))
	}
	if !shownAt(0) || shownAt(1040) {
		t.Errorf("at the top, the first span shown %v (want true), the last %v (want false)", shownAt(0), shownAt(1040))
	}
	// A jump to the end: the window follows in the frame of the scroll.
	evalJS[bool](t, br.browser, `(scrollTo(0, document.documentElement.scrollHeight), true)`)
	expect("at the end", len(spans))
	if shownAt(0) || !shownAt(1040) {
		t.Errorf("at the end, the first span shown %v (want false), the last %v (want true)", shownAt(0), shownAt(1040))
	}
	// A span patched in at the top, far from the view: kept, not shown,
	// until the view comes back to it.
	if n := evalJS[int](t, br.browser, jsCall("annotator.patch", "claim", dom(1), "p1", "", "")); n != 1 {
		t.Fatalf("patch took %d ranges, want 1", n)
	}
	expect("at the end, after a patch at the top", len(spans)+1)
	if shownAt(1) {
		t.Error("a span patched in far from the view is shown")
	}
	// Taken out while out of view: gone when the view comes back.
	if n := evalJS[int](t, br.browser, jsCall("annotator.patch", "claim", "", "", "p0", "")); n != 0 {
		t.Fatalf("patch took %d ranges, want 0", n)
	}
	evalJS[bool](t, br.browser, `(scrollTo(0, 0), true)`)
	expect("back at the top", len(spans), "Paragraph 0 has")
	if !shownAt(1) || shownAt(0) {
		t.Errorf("back at the top, the patched span shown %v (want true), the one taken out %v (want false)", shownAt(1), shownAt(0))
	}
}

// longArticle loads an article of 1,050 blocks in a wrapper, block i's HTML
// given by block.
func longArticle(t testing.TB, block func(i int) string) *annotate.Document {
	t.Helper()
	var s strings.Builder
	s.WriteString("<article><div class=\"body\">\n")
	for i := range 1050 {
		s.WriteString(block(i))
	}
	s.WriteString("</div></article>")
	d, err := annotate.Load([]byte(s.String()), annotate.Source{Name: "long.html"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// useAppStyles puts the app's style sheet into the test page and styles
// the article shown as the app does.
func (br *bridge) useAppStyles(t testing.TB) {
	t.Helper()
	evalJS[bool](t, br.browser, `new Promise((done) => {
		const link = document.createElement("link");
		link.rel = "stylesheet";
		link.href = "/web/app.css";
		link.onload = () => { document.getElementById("app").classList.add("article-frame"); done(true); };
		document.head.appendChild(link);
	})`)
}
