//go:build !wasm

package e2e

// Tests of web/annotator.js in headless Chromium: the DOM positions it
// reads and sets must agree with package annotate's TextIndex on every page
// of the shared corpus, and its selection, painting, scrolling and file
// helpers must work under the app's strict Content-Security-Policy.

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// bridgeIndexHTML is the test page: the helper and a bootstrap script, both
// served files (the CSP forbids inline script), and an element for the
// article between two paragraphs that are outside it.
const bridgeIndexHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bridge</title>
<link rel="stylesheet" href="/test.css">
%s<script defer src="/web/annotator.js"></script>
<script defer src="/web/page.js"></script>
<script defer src="/bootstrap.js"></script>
</head><body>
<p id="before">Text before the article.</p>
<main id="app"></main>
<p id="after">Text after the article.</p>
</body></html>
`

// bridgeBootstrapJS inserts an article the way go-app's app.Raw does (parse
// into a wrapper div, take its first child, append that), and runs the
// round trips of the corpus test in one call per page.
const bridgeBootstrapJS = `"use strict";
window.testPage = {
  // load fetches an article's sanitised HTML and shows it; it returns the
  // helper's count of its text nodes.
  async load(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(url + ": HTTP " + res.status);
    const html = await res.text();
    const wrapper = document.createElement("div");
    wrapper.innerHTML = html;
    const node = wrapper.firstChild;
    wrapper.removeChild(node);
    document.getElementById("app").replaceChildren(node);
    return annotator.nodeCount();
  },

  // roundTrip selects each span (four numbers per span: sn, so, en, eo),
  // moving offsets that split a surrogate pair to the pair's start, and
  // reads the selection back. For each span it returns the selection() and
  // the positions asked for, nine numbers; and the selection's text.
  roundTrip(spans) {
    const nodes = [];
    const walker = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const whole = (node, off) => {
      const d = nodes[node].data;
      const hi = d.charCodeAt(off - 1), lo = d.charCodeAt(off);
      return off > 0 && hi >= 0xd800 && hi < 0xdc00 && lo >= 0xdc00 && lo < 0xe000 ? off - 1 : off;
    };
    const out = [], texts = [];
    for (let i = 0; i < spans.length; i += 4) {
      const sn = spans[i], so = whole(sn, spans[i + 1]), en = spans[i + 2], eo = whole(en, spans[i + 3]);
      annotator.select(sn, so, en, eo);
      out.push(...annotator.selection(), sn, so, en, eo);
      const sel = getSelection();
      const text = sel.rangeCount ? sel.getRangeAt(0).toString() : "";
      if (text !== annotator.text(sn, so, en, eo)) throw new Error("text() differs from the selection's text at span " + i / 4);
      texts.push(text);
    }
    annotator.clear();
    return { sel: out, texts };
  },
};
`

// bridgeCSS styles the highlights and the overlay boxes, and has a layout
// in which the article scrolls inside a box.
const bridgeCSS = `body { font: 16px/1.5 sans-serif; margin: 0 20px; }
::highlight(claim) { background-color: rgb(255, 230, 0); }
::highlight(quote) { background-color: rgb(120, 200, 255); }
::highlight(pledge) { background-color: rgb(150, 240, 150); }
::highlight(deco) { text-decoration: underline wavy rgb(255, 0, 0) 3px; }
.hl-box { background-color: rgba(255, 230, 0, 0.4); }
body.boxed #app { height: 300px; overflow: auto; border: 1px solid; }
`

// nohlJS makes the page one without the CSS Custom Highlight API, before
// the helper loads.
const nohlJS = `"use strict";
delete CSS.highlights;
delete window.Highlight;
`

// bridge is a browser on the test page, with a server that serves the
// articles the test registers.
type bridge struct {
	*browser
	srv *httptest.Server

	mu   sync.Mutex
	docs map[string]string // path -> article HTML
}

// newBridge serves the test page and the helper under the strict CSP and
// opens the page, at /index.html, or at /nohl.html where the Highlight API
// is taken away. Any console error fails the test.
func newBridge(t testing.TB, pagePath string) *bridge {
	t.Helper()
	br := &bridge{docs: make(map[string]string)}
	files := map[string][]byte{
		"/index.html":       fmt.Appendf(nil, bridgeIndexHTML, ""),
		"/nohl.html":        fmt.Appendf(nil, bridgeIndexHTML, `<script defer src="/nohl.js"></script>`+"\n"),
		"/nohl.js":          []byte(nohlJS),
		"/bootstrap.js":     []byte(bridgeBootstrapJS),
		"/test.css":         []byte(bridgeCSS),
		"/web/annotator.js": repoFile(t, "web/annotator.js"),
		"/web/page.js":      repoFile(t, "web/page.js"), // download, copy, style
		"/web/app.css":      repoFile(t, "web/app.css"),
	}
	static := fileHandler(files)
	br.srv = serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		br.mu.Lock()
		html, ok := br.docs[r.URL.Path]
		br.mu.Unlock()
		if !ok {
			static.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(html))
	}))
	br.browser = newBrowser(t)
	br.expectNoConsoleErrors()
	t.Cleanup(func() {
		if off := br.offOrigin(br.srv.URL); len(off) > 0 {
			t.Errorf("requests left the test server's origin: %q", off)
		}
	})
	br.run(chromedp.Navigate(br.srv.URL + pagePath))
	if !evalJS[bool](t, br.browser, `typeof window.annotator === "object" && typeof window.testPage === "object"`) {
		t.Fatal("the helper or the bootstrap did not load")
	}
	return br
}

// show serves the document's HTML and inserts it into the page; it returns
// the helper's text node count.
func (br *bridge) show(t testing.TB, name string, d *annotate.Document) int {
	t.Helper()
	p := "/doc/" + name
	br.mu.Lock()
	br.docs[p] = d.HTML
	br.mu.Unlock()
	return evalJS[int](t, br.browser, jsCall("testPage.load", p))
}

// jsSelection is the result of annotator.selection(): code, sn, so, en, eo.
type jsSelection [5]int

// handHTML is an article made to be hard: emoji with modifiers and flags,
// combining marks, NBSP, right-to-left text, nested inline elements, a
// table, a list and preformatted text, with no white space between tags.
const handHTML = `<!doctype html><html lang="en"><head><title>Hand</title></head><body><article>` +
	`<h1>Emoji 😀 and flags 🇬🇧</h1>` +
	"<p>Thumbs 👍🏽 up, cafe\u0301 and nai\u0308ve; non\u00a0breaking\u00a0space.</p>" +
	`<p dir="rtl" lang="ar">مرحبا <b>بالعالم</b> الجميل</p>` +
	`<p>Nested <b>bold <i>italic <a href="https://example.com/">link 😀</a> tail</i></b> end.</p>` +
	`<table><tr><th>Name</th><th>Value</th></tr><tr><td>α 😀</td><td>β</td></tr></table>` +
	`<ul><li>one</li><li>two <em>2</em></li></ul>` +
	`<pre>keep   three   spaces</pre>` +
	`</article></body></html>`

func loadHand(t testing.TB) *annotate.Document {
	t.Helper()
	d, err := annotate.Load([]byte(handHTML), annotate.Source{Name: "hand.html"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// longDoc is an article of many paragraphs, to scroll.
func longDoc(t testing.TB, paragraphs int) *annotate.Document {
	t.Helper()
	var b strings.Builder
	b.WriteString("<article>")
	for i := range paragraphs {
		fmt.Fprintf(&b, "<p>Paragraph %d says something about the talks, word%d and more words to fill the line.</p>", i, i)
	}
	b.WriteString("</article>")
	d, err := annotate.Load([]byte(b.String()), annotate.Source{Name: "long.html"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// isCollapsible is the white space that the canonical text collapses.
func isCollapsible(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// normalizeSpace collapses each run of collapsible white space to one space
// and trims it; NBSP and other Unicode spaces are kept.
func normalizeSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isCollapsible), " ")
}

// stripSpace returns s without collapsible white space, and the offsets in
// the result where white space stood between two other characters.
func stripSpace(s string) (string, map[int]bool) {
	var b strings.Builder
	gaps := make(map[int]bool)
	space := false
	for _, r := range s {
		if isCollapsible(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			gaps[b.Len()] = true
		}
		space = false
		b.WriteRune(r)
	}
	return b.String(), gaps
}

// textAgrees compares a slice of the canonical text with the DOM's text of
// the same span (Range.toString). exact is whether they are equal once
// white space is normalised. Where they are not, they still agree when they
// have the same characters besides white space and every gap of white space
// in the DOM's text is a gap in the canonical text too: the canonical text
// adds separators between blocks and table cells, and for <br>, where the
// HTML may have no white space at all.
func textAgrees(canonical, dom string) (ok, exact bool) {
	if normalizeSpace(canonical) == normalizeSpace(dom) {
		return true, true
	}
	c, cgaps := stripSpace(canonical)
	d, dgaps := stripSpace(dom)
	if c != d {
		return false, false
	}
	for g := range dgaps {
		if !cgaps[g] {
			return false, false
		}
	}
	return true, false
}

// onlySpace reports whether s is all collapsible white space.
func onlySpace(s string) bool {
	return strings.TrimFunc(s, isCollapsible) == ""
}

// TestBridgeCorpus checks, on every page of the Readability corpus, that
// the helper counts the text nodes the Go index counts, and that random
// spans selected in the browser map through the Go index to canonical text
// that agrees with the browser's text of the span.
func TestBridgeCorpus(t *testing.T) {
	sideBySide(t)
	pages := testcorpus.Pages(t)
	br := newBridge(t, "/index.html")

	// Load every page in Go first, in parallel.
	docs := make([]*annotate.Document, len(pages))
	errs := make([]error, len(pages))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, page := range pages {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			src, err := os.ReadFile(page.Source())
			if err == nil {
				docs[i], err = annotate.Load(src, annotate.Source{Name: "source.html", URL: "http://fakehost/test/page.html"})
			}
			errs[i] = err
		})
	}
	wg.Wait()

	const domSpansPerPage, cpSpansPerPage = 20, 10
	var total, exact int
	for i, page := range pages {
		name := page.Name
		t.Run(name, func(t *testing.T) {
			if errs[i] != nil {
				t.Fatalf("Load: %v", errs[i])
			}
			d := docs[i]
			index := d.Index()
			want := index.NodeCount()
			if got := br.show(t, name, d); got != want {
				t.Fatalf("annotator.nodeCount() = %d; the Go index has %d text nodes", got, want)
			}
			if want == 0 {
				return
			}

			// Random spans, with a fixed seed per page. By DOM positions:
			// half between any two nodes, half within a few nodes. Then by
			// code points, placed with ToDOM.
			h := fnv.New64a()
			h.Write([]byte(name))
			rng := rand.New(rand.NewPCG(20250227, h.Sum64()))
			var spans []int
			var byCP [][2]int // the code points of the spans placed by them
			for len(spans) < 4*domSpansPerPage {
				a := rng.IntN(want)
				b := rng.IntN(want)
				if len(spans)/4 >= domSpansPerPage/2 {
					b = min(want-1, a+rng.IntN(4))
				}
				ao, bo := rng.IntN(index.NodeLen(a)+1), rng.IntN(index.NodeLen(b)+1)
				if b < a || (a == b && bo < ao) {
					a, ao, b, bo = b, bo, a, ao
				}
				if a == b && ao == bo {
					continue
				}
				spans = append(spans, a, ao, b, bo)
			}
			for n := d.Text().Len(); len(byCP) < cpSpansPerPage && n > 1; {
				s := rng.IntN(n)
				e := min(n, s+1+rng.IntN(60))
				sn, so, _ := index.ToDOM(s, true)
				en, eo, _ := index.ToDOM(e, false)
				if en < sn || (en == sn && eo <= so) {
					continue // only separators: no DOM text to select
				}
				spans = append(spans, sn, so, en, eo)
				byCP = append(byCP, [2]int{s, e})
			}
			res := evalJS[struct {
				Sel   []int
				Texts []string
			}](t, br.browser, jsCall("testPage.roundTrip", spans))
			if len(res.Texts) != len(spans)/4 || len(res.Sel) != 9*len(res.Texts) {
				t.Fatalf("the round trip gave %d texts for %d spans", len(res.Texts), len(spans)/4)
			}
			for k, text := range res.Texts {
				r := res.Sel[9*k : 9*k+9]
				got, asked := jsSelection(r[:5]), [4]int(r[5:])
				span := fmt.Sprintf("%s span %d, DOM (%d,%d)-(%d,%d)", name, k, asked[0], asked[1], asked[2], asked[3])
				if got != (jsSelection{1, asked[0], asked[1], asked[2], asked[3]}) {
					t.Errorf("%s: selection() = %v after select()", span, got)
					continue
				}
				start, err1 := index.FromDOM(asked[0], asked[1])
				end, err2 := index.FromDOM(asked[2], asked[3])
				if err1 != nil || err2 != nil {
					t.Errorf("%s: FromDOM: %v, %v", span, err1, err2)
					continue
				}
				canonical := d.Text().Slice(start, end)
				if j := k - domSpansPerPage; j >= 0 {
					// Placed by code points: the text is that of the span,
					// and the selection maps back to it, less separators.
					s, e := byCP[j][0], byCP[j][1]
					span += fmt.Sprintf(" from code points [%d,%d)", s, e)
					if start < s || end > e || !onlySpace(d.Text().Slice(s, start)) || !onlySpace(d.Text().Slice(end, e)) {
						t.Errorf("%s: maps back to [%d,%d)", span, start, end)
					}
					canonical = d.Text().Slice(s, e)
				}
				ok, ex := textAgrees(canonical, text)
				total++
				if ex {
					exact++
				}
				if !ok {
					t.Errorf("%s, code points [%d,%d):\n canonical %q\n browser   %q", span, start, end, abbreviate(canonical, 400), abbreviate(text, 400))
				}
			}
		})
	}
	t.Logf("%d pages, %d spans: %d equal once white space is normalised, %d only apart from separators the canonical text adds", len(pages), total, exact, total-exact)
}

// TestBridgeUnicode selects spans of a hand-made article by code points
// through the Go index (ToDOM) and checks the browser's text of each, and
// that the selection maps back to the span.
func TestBridgeUnicode(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	d := loadHand(t)
	index, text := d.Index(), d.Text()
	if got, want := br.show(t, "hand", d), index.NodeCount(); got != want {
		t.Fatalf("annotator.nodeCount() = %d; the Go index has %d", got, want)
	}

	type span struct{ start, end int }
	var spans []span
	var dom []int
	for s := 0; s < text.Len(); s++ {
		for _, l := range []int{1, 2, 3, 7, 20} {
			if e := s + l; e <= text.Len() {
				sn, so, ok1 := index.ToDOM(s, true)
				en, eo, ok2 := index.ToDOM(e, false)
				if !ok1 || !ok2 {
					t.Fatalf("ToDOM failed for [%d,%d)", s, e)
				}
				spans = append(spans, span{s, e})
				dom = append(dom, sn, so, en, eo)
			}
		}
	}
	// For each span: text(), then select() and selection().
	res := evalJS[struct {
		Texts []string
		Sel   []int
	}](t, br.browser, jsCall(`((dom) => {
		const texts = [], sel = [];
		for (let i = 0; i < dom.length; i += 4) {
			texts.push(annotator.text(dom[i], dom[i + 1], dom[i + 2], dom[i + 3]));
			annotator.select(dom[i], dom[i + 1], dom[i + 2], dom[i + 3]);
			sel.push(...annotator.selection());
		}
		annotator.clear();
		return { texts, sel };
	})`, dom))
	for k, sp := range spans {
		want := text.Slice(sp.start, sp.end)
		got := res.Texts[k]
		p := dom[4*k : 4*k+4]
		where := fmt.Sprintf("[%d,%d) %q at DOM (%d,%d)-(%d,%d)", sp.start, sp.end, want, p[0], p[1], p[2], p[3])
		reversed := p[2] < p[0] || (p[2] == p[0] && p[3] < p[1])
		if reversed || (p[0] == p[2] && p[1] == p[3]) {
			// Only separators: no DOM text.
			if got != "" || !onlySpace(want) {
				t.Errorf("%s: text() = %q for a span of separators", where, got)
			}
			continue
		}
		if !strings.ContainsAny(want, "\n\t") {
			if got != want {
				t.Errorf("%s: text() = %q", where, got)
			}
		} else if ok, _ := textAgrees(want, got); !ok {
			t.Errorf("%s: text() = %q", where, got)
		}
		s := jsSelection(res.Sel[5*k : 5*k+5])
		if s != (jsSelection{1, p[0], p[1], p[2], p[3]}) {
			t.Errorf("%s: selection() = %v", where, s)
			continue
		}
		start, err1 := index.FromDOM(s[1], s[2])
		end, err2 := index.FromDOM(s[3], s[4])
		if err1 != nil || err2 != nil || start < sp.start || end > sp.end || start > end ||
			!onlySpace(text.Slice(sp.start, start)) || !onlySpace(text.Slice(end, sp.end)) {
			t.Errorf("%s: the selection maps back to [%d,%d) (%v, %v)", where, start, end, err1, err2)
		}
	}
	t.Logf("%d spans of %d code points (%d UTF-16 units)", len(spans), text.Len(), text.UTF16Len())

	// NBSP: Range.toString keeps U+00A0 as it is, as the canonical text does.
	nb := strings.Index(text.String(), "non\u00a0breaking")
	cp := utf8.RuneCountInString(text.String()[:nb])
	sn, so, _ := index.ToDOM(cp, true)
	en, eo, _ := index.ToDOM(cp+len("non breaking"), false)
	if got := evalJS[string](t, br.browser, jsCall("annotator.text", sn, so, en, eo)); got != "non\u00a0breaking" {
		t.Errorf("the NBSP span reads %q", got)
	}
}

// TestBridgeSelectionCodes checks selection()'s codes for no selection, a
// caret, a selection outside the article and across its edges, and how it
// converts boundary points in elements to text positions.
func TestBridgeSelectionCodes(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	d := loadHand(t)
	n := br.show(t, "hand", d)
	last := n - 1
	lastLen := d.Index().NodeLen(last)

	// Each case sets a selection and returns [got..., want...], the wanted
	// positions found independently of the helper.
	got := evalJS[map[string][]int](t, br.browser, `(() => {
		const art = document.querySelector("article.doc");
		const nodes = [];
		const w = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) nodes.push(n);
		const idx = (n) => nodes.indexOf(n);
		const firstText = (el) => document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
		const lastText = (el) => { const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); let t = null; for (let n = w.nextNode(); n; n = w.nextNode()) t = n; return t; };
		const sel = getSelection();
		const set = (a, ao, b, bo) => { sel.removeAllRanges(); const r = document.createRange(); r.setStart(a, ao); r.setEnd(b, bo); sel.addRange(r); };
		const before = document.getElementById("before").firstChild, after = document.getElementById("after").firstChild;
		const ps = art.querySelectorAll("p"), p1 = ps[0], p2 = ps[2];
		const inner = art.firstChild; // the page's own <article>, inside the root
		const out = {};
		const check = (name, want) => { out[name] = annotator.selection().concat(want); };

		annotator.clear();
		check("none", [0, -1, -1, -1, -1]);
		sel.collapse(nodes[1], 2);
		check("caret", [0, -1, -1, -1, -1]);
		set(before, 0, before, 4);
		check("outside", [2, -1, -1, -1, -1]);
		set(before, 0, after, 3);
		check("around", [3, 0, 0, nodes.length - 1, nodes[nodes.length - 1].length]);
		set(before, 2, nodes[3], 1);
		check("into", [3, 0, 0, 3, 1]);
		set(nodes[2], 1, after, 3);
		check("out of", [3, 2, 1, nodes.length - 1, nodes[nodes.length - 1].length]);
		set(p2, 0, p2, p2.childNodes.length);
		check("element", [1, idx(firstText(p2)), 0, idx(lastText(p2)), lastText(p2).length]);
		set(inner, 1, inner, 2);
		check("between blocks", [1, idx(firstText(p1)), 0, idx(lastText(p1)), lastText(p1).length]);
		set(p1, p1.childNodes.length, nodes[idx(firstText(ps[1]))], 3);
		check("start after content", [1, idx(firstText(ps[1])), 0, idx(firstText(ps[1])), 3]);
		set(nodes[1], 2, p2, 0);
		check("end before content", [1, 1, 2, idx(firstText(p2)) - 1, nodes[idx(firstText(p2)) - 1].length]);
		const tr = art.querySelectorAll("tr")[1];
		set(tr, 0, tr, 1);
		check("table row", [1, idx(firstText(tr)), 0, idx(firstText(tr)), firstText(tr).length]);
		set(art, 0, art, art.childNodes.length);
		check("root", [1, 0, 0, nodes.length - 1, nodes[nodes.length - 1].length]);
		sel.setBaseAndExtent(nodes[5], 2, nodes[1], 3);
		check("backwards", [1, 1, 3, 5, 2]);
		annotator.clear();
		return out;
	})()`)
	if len(got) != 13 {
		t.Errorf("%d cases ran, want 13", len(got))
	}
	for name, v := range got {
		if len(v) != 10 || [5]int(v[:5]) != [5]int(v[5:]) {
			t.Errorf("%s: selection() = %v, want %v", name, v[:min(5, len(v))], v[min(5, len(v)):])
		}
	}
	if v := got["around"]; len(v) == 10 && (v[3] != last || v[4] != lastLen) {
		t.Errorf("the Go index's last node is %d (length %d); the browser's selection ends at %v", last, lastLen, v)
	}
}

// paintResult is what the paint checks read back.
type paintResult struct {
	Count    int      // paint's return
	Event    int      // the annotator:painted event's count
	Painted  float64  // and its time
	Size     int      // CSS.highlights.size
	Names    []string // the registry's names
	Sizes    []int    // each Highlight's size, in the order of Names
	Priority []int    // and priority
	Text     string   // the first range of "quote", as text
}

// spanOf returns the span of the first s in text, in code points.
func spanOf(t testing.TB, text *annotate.Text, s string) annotate.Span {
	t.Helper()
	b := strings.Index(text.String(), s)
	if b < 0 {
		t.Fatalf("%q is not in the text", s)
	}
	start := text.CodePointAtByte(b)
	return annotate.Span{Start: start, End: start + annotate.RuneCount(s)}
}

// TestBridgePaint paints three overlapping highlights with the CSS Custom
// Highlight API, repaints with fewer, and checks the painted event, that a
// highlight it did not set survives, and that the page's pixels change.
func TestBridgePaint(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	d := loadHand(t)
	br.show(t, "hand", d)
	index, text := d.Index(), d.Text()

	// Spans by code points: "Thumbs 👍🏽 up" is a claim, inside a quote that
	// runs to "naïve", with a pledge over "up, café" (accents as combining
	// marks).
	find := func(s string) annotate.Span { return spanOf(t, text, s) }
	spans := func(names []string, byName map[string][]annotate.Span) string {
		var out []string
		for i, name := range names {
			for _, sp := range byName[name] {
				sn, so, _ := index.ToDOM(sp.Start, true)
				en, eo, _ := index.ToDOM(sp.End, false)
				out = append(out, fmt.Sprint(i, ",", sn, ",", so, ",", en, ",", eo))
			}
		}
		return strings.Join(out, ",")
	}
	paint := func(names []string, byName map[string][]annotate.Span) paintResult {
		return evalJS[paintResult](t, br.browser, jsCall(`((names, spans) => new Promise((resolve) => {
			document.addEventListener("annotator:painted", (e) => {
				const r = { count, event: e.detail.count, painted: e.detail.painted, size: CSS.highlights.size, names: [], sizes: [], priority: [], text: "" };
				for (const [name, h] of CSS.highlights) { r.names.push(name); r.sizes.push(h.size); r.priority.push(h.priority); }
				const q = CSS.highlights.get("quote");
				if (q) r.text = [...q][0].toString();
				resolve(r);
			}, { once: true });
			const count = annotator.paint(names, spans);
		}))`, strings.Join(names, ","), spans(names, byName)))
	}

	// A highlight that someone else set must survive every repaint.
	evalJS[chromedp.Void](t, br.browser, `CSS.highlights.set("foreign", new Highlight())`)

	three := map[string][]annotate.Span{
		"claim":  {find("Thumbs 👍🏽 up"), find("Nested bold")},
		"quote":  {find("Thumbs 👍🏽 up, cafe\u0301 and nai\u0308ve")},
		"pledge": {find("up, cafe\u0301")},
	}
	r := paint([]string{"claim", "quote", "pledge"}, three)
	if r.Count != 4 || r.Event != 4 || r.Painted <= 0 {
		t.Errorf("paint returned %d and the event said %d at %v; want 4 ranges", r.Count, r.Event, r.Painted)
	}
	if r.Size != 4 || !sameStrings(r.Names, "foreign", "claim", "quote", "pledge") {
		t.Errorf("the registry holds %d: %q", r.Size, r.Names)
	}
	for i, name := range r.Names {
		wantSize := map[string]int{"foreign": 0, "claim": 2, "quote": 1, "pledge": 1}[name]
		wantPriority := map[string]int{"foreign": 0, "claim": 0, "quote": 1, "pledge": 2}[name]
		if r.Sizes[i] != wantSize || r.Priority[i] != wantPriority {
			t.Errorf("highlight %q has %d ranges at priority %d, want %d at %d", name, r.Sizes[i], r.Priority[i], wantSize, wantPriority)
		}
	}
	if r.Text != "Thumbs 👍🏽 up, cafe\u0301 and nai\u0308ve" {
		t.Errorf("the quote's range reads %q", r.Text)
	}

	r = paint([]string{"claim"}, map[string][]annotate.Span{"claim": {find("flags 🇬🇧")}})
	if r.Count != 1 || r.Size != 2 || !sameStrings(r.Names, "foreign", "claim") {
		t.Errorf("after a repaint with one name: count %d, registry %q", r.Count, r.Names)
	}
	r = paint(nil, nil)
	if r.Count != 0 || r.Size != 1 || !sameStrings(r.Names, "foreign") {
		t.Errorf("after painting nothing: count %d, registry %q", r.Count, r.Names)
	}

	// The highlights reach the screen: a background colour, and a text
	// decoration (wavy underline). Set BRIDGE_SCREENSHOTS to a directory to
	// keep the screenshots.
	for _, name := range []string{"claim", "deco"} {
		paint(nil, nil)
		before := br.screenshotOf(`article.doc h1`)
		paint([]string{name}, map[string][]annotate.Span{name: {find("Emoji 😀 and")}})
		after := br.screenshotOf(`article.doc h1`)
		if os.Getenv("BRIDGE_SCREENSHOTS") != "" {
			os.WriteFile(filepath.Join(os.Getenv("BRIDGE_SCREENSHOTS"), name+".png"), after, 0o644)
		}
		style := evalJS[map[string]string](t, br.browser, jsCall(`((name) => {
			const s = getComputedStyle(document.querySelector("article.doc h1"), "::highlight(" + name + ")");
			return { background: s.backgroundColor, decoration: s.textDecorationLine + " " + s.textDecorationStyle + " " + s.textDecorationColor };
		})`, name))
		changed := !bytes.Equal(before, after)
		t.Logf("::highlight(%s): computed background %q, decoration %q; pixels changed: %v", name, style["background"], style["decoration"], changed)
		if !changed {
			t.Errorf("painting %q changed no pixel of the heading", name)
		}
	}
	paint(nil, nil)
}

// TestBridgePatch paints highlights with ids, then patches them: an
// annotation's range moved, one added, one taken out, the loose ranges of a
// highlight replaced; the registry then holds exactly the ranges a paint
// of the same state would. A patch with other names, or after the article
// was drawn anew, changes nothing and asks for a paint (-1).
func TestBridgePatch(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	d := loadHand(t)
	br.show(t, "hand", d)
	index, text := d.Index(), d.Text()
	dom := func(name int, s string) string {
		sp := spanOf(t, text, s)
		sn, so, _ := index.ToDOM(sp.Start, true)
		en, eo, _ := index.ToDOM(sp.End, false)
		return fmt.Sprint(name, ",", sn, ",", so, ",", en, ",", eo)
	}
	// What each highlight holds, as the text of its ranges, sorted.
	const state = `(() => {
		const r = {};
		for (const name of ["claim", "quote", "overlap"]) r[name] = [...(CSS.highlights.get(name) || [])].map((x) => x.toString()).sort();
		return r;
	})()`
	names := "claim,quote,overlap"
	if n := evalJS[int](t, br.browser, jsCall("annotator.paint", names,
		strings.Join([]string{dom(0, "Thumbs"), dom(1, "Nested bold"), dom(2, "Thu")}, ","), "a,b,")); n != 3 {
		t.Fatalf("paint painted %d ranges, want 3", n)
	}
	// a moves to "flags", c is a new quote, b is gone, the overlap is
	// replaced by none.
	if n := evalJS[int](t, br.browser, jsCall("annotator.patch", names,
		strings.Join([]string{dom(0, "flags"), dom(1, "tail")}, ","), "a,c", "b", "overlap")); n != 2 {
		t.Fatalf("patch took %d ranges, want 2", n)
	}
	got := evalJS[map[string][]string](t, br.browser, state)
	want := map[string][]string{"claim": {"flags"}, "quote": {"tail"}, "overlap": {}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the patch the highlights hold %q, want %q", got, want)
	}
	// Other names: nothing changes.
	if n := evalJS[int](t, br.browser, jsCall("annotator.patch", "claim,quote", dom(0, "Emoji"), "a", "", "")); n != -1 {
		t.Errorf("a patch with other names returned %d, want -1", n)
	}
	if got := evalJS[map[string][]string](t, br.browser, state); !reflect.DeepEqual(got, want) {
		t.Errorf("a refused patch changed the highlights to %q", got)
	}
	// The article drawn anew: its old ranges are of nodes no longer there.
	br.show(t, "hand", d)
	if n := evalJS[int](t, br.browser, jsCall("annotator.patch", names, dom(0, "Emoji"), "a", "", "")); n != -1 {
		t.Errorf("a patch on an article drawn anew returned %d, want -1", n)
	}
}

// screenshotOf returns a PNG of the first element that matches a CSS
// selector.
func (br *bridge) screenshotOf(selector string) []byte {
	br.t.Helper()
	ctx, cancel := context.WithTimeout(br.ctx, browserTimeout)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(selector)))
	if err != nil {
		br.t.Fatalf("screenshot of %s: %v", selector, err)
	}
	return png
}

func sameStrings(got []string, want ...string) bool {
	g := append([]string(nil), got...)
	w := append([]string(nil), want...)
	sort.Strings(g)
	sort.Strings(w)
	return strings.Join(g, "\x00") == strings.Join(w, "\x00")
}

// TestBridgePaintOverlay checks the fallback for browsers without the CSS
// Custom Highlight API: on a page where it was removed before the helper
// loaded, paint draws boxes over the ranges' text, redraws them when the
// window is resized, and removes them on a repaint.
func TestBridgePaintOverlay(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/nohl.html")
	if evalJS[bool](t, br.browser, `!!(window.CSS && CSS.highlights) || typeof Highlight === "function"`) {
		t.Fatal("the page still has the Highlight API")
	}
	d := longDoc(t, 30)
	br.show(t, "long", d)
	index := d.Index()
	pos := func(cpStart, cpEnd int) string {
		sn, so, _ := index.ToDOM(cpStart, true)
		en, eo, _ := index.ToDOM(cpEnd, false)
		return fmt.Sprint(sn, ",", so, ",", en, ",", eo)
	}
	// A claim over the first two paragraphs (two boxes or more) and a quote
	// in the third.
	third := strings.Index(d.Text().String(), "Paragraph 2 ")
	spans := "0," + pos(5, 130) + ",1," + pos(third, third+20)

	// check returns, for each box, how far it is from the client rect of
	// the range it stands for, in pixels.
	const check = `(() => {
		const boxes = [...document.querySelectorAll(".hl-overlay > .hl-box")];
		const rects = [];
		for (const [name, r] of window.__ranges) for (const rect of r.getClientRects()) if (rect.width || rect.height) rects.push([name, rect]);
		let worst = 0;
		boxes.forEach((b, i) => {
			const br = b.getBoundingClientRect(), [name, rr] = rects[i] || ["", new DOMRect()];
			if (!b.classList.contains("hl-" + name)) worst = 1e9;
			worst = Math.max(worst, Math.abs(br.left - rr.left), Math.abs(br.top - rr.top), Math.abs(br.width - rr.width), Math.abs(br.height - rr.height));
		});
		return { boxes: boxes.length, rects: rects.length, claims: document.querySelectorAll(".hl-box.hl-claim").length, quotes: document.querySelectorAll(".hl-box.hl-quote").length, worst, painted: window.__painted };
	})()`
	type overlayState struct {
		Boxes, Rects, Claims, Quotes int
		Worst                        float64
		Painted                      int
	}
	count := evalJS[int](t, br.browser, jsCall(`((spans) => {
		document.addEventListener("annotator:painted", (e) => { window.__painted = e.detail.count; });
		const n = annotator.paint("claim,quote", spans);
		// The same ranges, built here, to compare the boxes with.
		const nodes = []; const w = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
		for (let x = w.nextNode(); x; x = w.nextNode()) nodes.push(x);
		const v = spans.split(",").map(Number); window.__ranges = [];
		for (let i = 0; i < v.length; i += 5) { const r = document.createRange(); r.setStart(nodes[v[i+1]], v[i+2]); r.setEnd(nodes[v[i+3]], v[i+4]); window.__ranges.push([["claim", "quote"][v[i]], r]); }
		return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(n))));
	})`, spans))
	if count != 2 {
		t.Errorf("paint returned %d, want 2", count)
	}
	s := evalJS[overlayState](t, br.browser, check)
	if s.Boxes < 3 || s.Boxes != s.Rects || s.Claims < 2 || s.Quotes < 1 || s.Worst > 1 || s.Painted != 2 {
		t.Errorf("overlay: %+v; want a box on each of the ranges' rects", s)
	}

	// A narrower window wraps the text anew; the boxes follow.
	br.run(chromedp.EmulateViewport(500, 800))
	s2 := evalJS[overlayState](t, br.browser, `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(`+check+`))))`)

	if s2.Boxes != s2.Rects || s2.Worst > 1 || s2.Rects <= s.Rects {
		t.Errorf("after a resize: %+v (before: %+v); want more boxes, each on its rect", s2, s)
	}

	// The boxes stay on the text when the window scrolls, and when the
	// article scrolls inside a box.
	const afterFrames = `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(` + check + `))))`
	s3 := evalJS[overlayState](t, br.browser, `window.scrollTo(0, 150), `+afterFrames)
	evalJS[chromedp.Void](t, br.browser, `window.scrollTo(0, 0), document.body.classList.add("boxed")`)
	evalJS[overlayState](t, br.browser, `window.dispatchEvent(new Event("resize")), `+afterFrames)
	s4 := evalJS[overlayState](t, br.browser, `document.getElementById("app").scrollTop = 40, `+afterFrames)
	if s3.Boxes != s3.Rects || s3.Worst > 1 || s4.Boxes != s4.Rects || s4.Worst > 1 {
		t.Errorf("after scrolling the window: %+v; after scrolling the article's box: %+v; want each box on its rect", s3, s4)
	}

	if n := evalJS[int](t, br.browser, `annotator.paint("", "") + document.querySelectorAll(".hl-box").length`); n != 0 {
		t.Errorf("painting nothing left %d boxes", n)
	}
}

// TestBridgeCaretAt finds the text position under a word's centre.
func TestBridgeCaretAt(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	br.show(t, "hand", loadHand(t))
	r := evalJS[[]int](t, br.browser, `(() => {
		const nodes = []; const w = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
		for (let x = w.nextNode(); x; x = w.nextNode()) nodes.push(x);
		const node = nodes.findIndex((n) => n.data.includes("Thumbs"));
		const at = nodes[node].data.indexOf("Thumbs");
		const range = document.createRange();
		range.setStart(nodes[node], at); range.setEnd(nodes[node], at + 6);
		const rect = range.getBoundingClientRect();
		const inside = annotator.caretAt(rect.left + rect.width / 2, rect.top + rect.height / 2);
		const outside = annotator.caretAt(5, document.getElementById("before").getBoundingClientRect().top + 5);
		return [...inside, ...outside, node, at];
	})()`)
	if len(r) != 6 {
		t.Fatalf("got %v", r)
	}
	node, at := r[4], r[5]
	if r[0] != node || r[1] < at || r[1] > at+6 {
		t.Errorf("caretAt the middle of \"Thumbs\" (node %d, offset %d) = (%d, %d)", node, at, r[0], r[1])
	}
	if r[2] != -1 || r[3] != -1 {
		t.Errorf("caretAt a point outside the article = (%d, %d), want (-1, -1)", r[2], r[3])
	}
}

// TestBridgeScrollTo scrolls to the far end of a long article, in the
// window and in a scrolling box.
func TestBridgeScrollTo(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	d := longDoc(t, 300)
	br.show(t, "long", d)
	end := d.Text().Len() - 10
	node, off, _ := d.Index().ToDOM(end, true)

	type scrolled struct {
		OK              bool
		Before, After   float64
		Top, Bottom     float64
		ViewTop, ViewBt float64
	}
	const measure = `((node, off, box) => {
		const sel = box ? document.getElementById("app") : null;
		const scroller = () => box ? sel.scrollTop : window.scrollY;
		window.scrollTo(0, 0); if (box) sel.scrollTop = 0;
		const before = scroller();
		const ok = annotator.scrollTo(node, off);
		const nodes = []; const w = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
		for (let x = w.nextNode(); x; x = w.nextNode()) nodes.push(x);
		const r = document.createRange(); r.setStart(nodes[node], off);
		const rect = r.getBoundingClientRect();
		const view = box ? sel.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
		return { ok, before, after: scroller(), top: rect.top, bottom: rect.bottom, viewTop: Math.max(0, view.top), viewBt: Math.min(window.innerHeight, view.bottom) };
	})`
	for _, boxed := range []bool{false, true} {
		if boxed {
			evalJS[chromedp.Void](t, br.browser, `document.body.classList.add("boxed")`)
		}
		s := evalJS[scrolled](t, br.browser, jsCall(measure, node, off, boxed))
		if !s.OK || s.After <= s.Before || s.Top < s.ViewTop || s.Bottom > s.ViewBt {
			t.Errorf("boxed %v: scrollTo = %v, scrolled from %v to %v; the position is at %v-%v in a view of %v-%v", boxed, s.OK, s.Before, s.After, s.Top, s.Bottom, s.ViewTop, s.ViewBt)
		}
		// Near the middle of the view, unless the end of the scroll stopped it.
		if mid := (s.ViewTop + s.ViewBt) / 2; math.Abs((s.Top+s.Bottom)/2-mid) > 40 && s.Bottom < s.ViewBt-60 {
			t.Errorf("boxed %v: the position is at %v-%v, not centred in %v-%v", boxed, s.Top, s.Bottom, s.ViewTop, s.ViewBt)
		}
	}
	if evalJS[bool](t, br.browser, `annotator.scrollTo(100000, 0)`) {
		t.Error("scrollTo a node that does not exist returned true")
	}
	// A position that is not rendered: false, and no scrolling.
	hidden := evalJS[[]float64](t, br.browser, `(() => {
		const p = document.querySelectorAll("article.doc p")[39]; // the 300 are grouped in chunks: not :nth-of-type
		if (p.textContent !== annotator.text(39, 0, 39, p.textContent.length)) throw new Error("paragraph 40 is not text node 39");
		p.style.display = "none";
		const y = window.scrollY, box = document.getElementById("app").scrollTop;
		const ok = annotator.scrollTo(39, 3);
		const moved = [window.scrollY - y, document.getElementById("app").scrollTop - box];
		p.style.display = "";
		return [ok ? 1 : 0, ...moved];
	})()`)
	if fmt.Sprint(hidden) != "[0 0 0]" {
		t.Errorf("scrollTo a hidden position: [returned, window scrolled by, box scrolled by] = %v", hidden)
	}
}

// TestBridgeExtend grows a selection by words from the keyboard's point of
// view: from nothing, and from a selected word.
func TestBridgeExtend(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	d := loadHand(t)
	br.show(t, "hand", d)
	index, text := d.Index(), d.Text()
	textOf := func(s []int) string {
		if len(s) != 5 || s[0] != 1 {
			t.Fatalf("selection %v is not in the article", s)
		}
		a, _ := index.FromDOM(s[1], s[2])
		b, _ := index.FromDOM(s[3], s[4])
		return text.Slice(a, b)
	}

	evalJS[chromedp.Void](t, br.browser, `annotator.clear()`)
	first := evalJS[[]int](t, br.browser, `annotator.extend("forward", "word")`)
	if got := strings.TrimSpace(textOf(first)); got != "Emoji" {
		t.Errorf("extending from no selection selected %q, want the first word", got)
	}
	second := evalJS[[]int](t, br.browser, `annotator.extend("forward", "word")`)
	if got := strings.TrimSpace(textOf(second)); !strings.HasPrefix(got, "Emoji 😀") {
		t.Errorf("extending again selected %q, want the first two words", got)
	}
	back := evalJS[[]int](t, br.browser, `annotator.extend("backward", "word")`)
	if got := strings.TrimSpace(textOf(back)); got != "Emoji" {
		t.Errorf("extending back selected %q", got)
	}

	// From a word in the middle of the article.
	b := strings.Index(text.String(), "Nested")
	start := text.CodePointAtByte(b)
	sn, so, _ := index.ToDOM(start, true)
	en, eo, _ := index.ToDOM(start+6, false)
	grown := evalJS[[]int](t, br.browser, jsCall("annotator.select", sn, so, en, eo)+` && annotator.extend("forward", "word")`)
	if got := strings.TrimSpace(textOf(grown)); got != "Nested bold" {
		t.Errorf("extending \"Nested\" by a word selected %q", got)
	}
	if got := evalJS[[]int](t, br.browser, `annotator.extend("sideways", "word")`); jsSelection(got) != jsSelection(grown) {
		t.Errorf("a bad direction changed the selection to %v", got)
	}
}

// TestBridgeFiles checks copy, download and readFile.
func TestBridgeFiles(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	br.show(t, "hand", loadHand(t))

	// copy resolves to a boolean without throwing, in a page with and
	// without clipboard permission; with it, the text is on the clipboard.
	copied := evalJS[bool](t, br.browser, `annotator.copy("not allowed")`)
	t.Logf("copy without clipboard permission or focus: %v", copied)
	grantClipboard(t, br.browser, br.srv.URL)
	const clip = "Quote: \"yes we can\" 😀\u00a0—"
	if got := evalJS[string](t, br.browser, jsCall(`(async (s) => (await annotator.copy(s)) ? navigator.clipboard.readText() : "copy failed")`, clip)); got != clip {
		t.Errorf("the clipboard holds %q, want %q", got, clip)
	}

	// download saves the file under its name, with its content.
	dir := t.TempDir()
	br.run(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: new(true)})
		return err
	}))
	progress := chromedp.BrowserEvents(br.ctx, cdpbrowser.DownloadProgress)
	const content = "{\"text\": \"caf\u00e9 😀\"}\n"
	if !evalJS[bool](t, br.browser, jsCall("annotator.download", "notes.json", content, "application/json")) {
		t.Error("download returned false")
	}
	timeout := time.AfterFunc(browserTimeout, func() { t.Error("the download did not complete") })
	for ev, err := range progress {
		if err != nil {
			t.Fatal(err)
		}
		if ev.State == cdpbrowser.DownloadProgressStateCanceled {
			t.Fatal("the download was canceled")
		}
		if ev.State == cdpbrowser.DownloadProgressStateCompleted {
			break
		}
	}
	timeout.Stop()
	if data, err := os.ReadFile(filepath.Join(dir, "notes.json")); err != nil || string(data) != content {
		t.Errorf("the downloaded file holds %q (%v), want %q", data, err, content)
	}

	// readFile gives a Blob's bytes.
	if got := evalJS[[]int](t, br.browser, `annotator.readFile(new Blob([new Uint8Array([0, 1, 255]), "é"])).then((b) => [...b])`); fmt.Sprint(got) != "[0 1 255 195 169]" {
		t.Errorf("readFile gave %v", got)
	}
}

// TestBridgeStyle checks that style installs the label style sheet under
// the strict CSP (no inline style), replaces it on each call, and that its
// rules reach the page.
func TestBridgeStyle(t *testing.T) {
	sideBySide(t)
	br := newBridge(t, "/index.html")
	br.show(t, "hand", loadHand(t))
	n := evalJS[int](t, br.browser, `annotator.style("::highlight(label-x) { background-color: rgb(1, 2, 3); } .swatch.label-x { color: rgb(4, 5, 6); }")`)
	if n != 2 {
		t.Errorf("style reported %d rules, want 2", n)
	}
	got := evalJS[string](t, br.browser, `(() => {
		const el = document.createElement("span");
		el.className = "swatch label-x";
		document.body.appendChild(el);
		const c = getComputedStyle(el).color;
		el.remove();
		return c;
	})()`)
	if got != "rgb(4, 5, 6)" {
		t.Errorf("the label rule did not apply: color %q", got)
	}
	// A second call replaces the sheet rather than adding one.
	evalJS[int](t, br.browser, `annotator.style(".swatch.label-y { color: rgb(7, 8, 9); }")`)
	if sheets := evalJS[int](t, br.browser, `document.adoptedStyleSheets.length`); sheets != 1 {
		t.Errorf("%d adopted style sheets after two calls, want 1", sheets)
	}
	br.browser.expectNoConsoleErrors()
}
