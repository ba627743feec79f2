package formats

// This file keeps one rule of the W3C format: a text quote is taken from
// the text as the DOM of the document's HTML has it, not from the
// canonical text, so that a selector engine running in a browser over the
// article finds it.
//
// The DOM text is what a TreeWalker over the text nodes of the document's
// root element, <article class="doc">, concatenates, as textContent does:
// the HTML is parsed as a browser parses it (golang.org/x/net/html follows
// the same HTML standard), entities are decoded, <br> and other elements
// add nothing, white space stands as it is written (white-space-only nodes
// between blocks included, and the first line break of a <pre> dropped by
// the parser), and there is no blank line between paragraphs. The text
// index of the document (annotate.TextIndex) counts the same text nodes,
// which is how a canonical offset maps to a DOM offset and back.

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsannotator/annotator/annotate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// domText is a document's DOM text and its map to the canonical text.
type domText struct {
	text  *annotate.Text // the text nodes under the root, concatenated
	start []int          // the UTF-16 offset in text of each text node
	index *annotate.TextIndex
}

// newDOMText parses doc's sanitised HTML as a browser does and returns its
// DOM text. It fails when the HTML's text nodes are not those the
// document's index counts, which only HTML changed by hand can cause.
func newDOMText(doc *annotate.Document) (*domText, error) {
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(doc.HTML), body)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	d := &domText{index: doc.Index()}
	u := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			d.start = append(d.start, u)
			b.WriteString(n.Data)
			u += annotate.UTF16Count(n.Data)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		if n.Type == html.ElementNode {
			walk(n)
			break // the one root element
		}
	}
	if len(d.start) != d.index.NodeCount() {
		return nil, fmt.Errorf("the HTML has %d text nodes where its text index has %d", len(d.start), d.index.NodeCount())
	}
	d.text = annotate.NewText(b.String())
	for i := range d.start {
		if end := d.nodeEnd(i); end-d.start[i] != d.index.NodeLen(i) {
			return nil, fmt.Errorf("text node %d of the HTML is %d UTF-16 units long where its text index says %d", i, end-d.start[i], d.index.NodeLen(i))
		}
	}
	return d, nil
}

// nodeEnd returns the UTF-16 offset in the DOM text where node i ends.
func (d *domText) nodeEnd(i int) int {
	if i+1 < len(d.start) {
		return d.start[i+1]
	}
	return d.text.UTF16Len()
}

// toDOM returns the DOM code-point offset of canonical offset cp. An
// offset between two nodes' characters goes forward to the next node's
// when forward is true (a span's start) and back otherwise (its end).
func (d *domText) toDOM(cp int, forward bool) int {
	node, u, ok := d.index.ToDOM(cp, forward)
	if !ok {
		return 0
	}
	return d.text.CodePointAtUTF16(d.start[node] + u)
}

// fromDOM returns the canonical offset of DOM code-point offset at. An
// offset at the seam of two text nodes counts in the later node when
// forward is true (a span's start) and in the earlier one otherwise.
func (d *domText) fromDOM(at int, forward bool) int {
	u := d.text.UTF16(at)
	// The last node that starts at or before u; at a seam, the earlier
	// node when going back.
	k := sort.Search(len(d.start), func(i int) bool { return d.start[i] > u }) - 1
	if !forward {
		for k > 0 && d.start[k] == u {
			k--
		}
	}
	if k < 0 {
		return 0
	}
	cp, err := d.index.FromDOM(k, min(u-d.start[k], d.index.NodeLen(k)))
	if err != nil {
		return 0
	}
	return cp
}

// quote returns the DOM text of the canonical span [start, end), and the
// DOM span it is.
func (d *domText) quote(start, end int) (exact string, ds, de int) {
	ds, de = d.toDOM(start, true), d.toDOM(end, false)
	if de < ds {
		de = ds
	}
	return d.text.Slice(ds, de), ds, de
}

// context returns the prefix and suffix of the DOM span [ds, de): the
// ContextLen code points on each side, doubled until prefix, exact and
// suffix together occur once only in the DOM text (overlapping
// occurrences counted), which at worst takes the whole text on each side.
func (d *domText) context(ds, de int) (prefix, suffix string) {
	s := d.text.String()
	exact := d.text.Slice(ds, de)
	for n := annotate.ContextLen; ; n *= 2 {
		prefix, suffix = d.text.Slice(ds-n, ds), d.text.Slice(de, de+n)
		at := d.text.Byte(ds) - len(prefix)
		if once(s, prefix+exact+suffix, at) || (ds-n <= 0 && de+n >= d.text.Len()) {
			return prefix, suffix
		}
	}
}

// once reports whether pattern occurs in s at byte offset at and nowhere
// else, overlapping occurrences included.
func once(s, pattern string, at int) bool {
	if strings.Index(s, pattern) != at {
		return false
	}
	return pattern == "" || !strings.Contains(s[at+1:], pattern)
}

// find returns the DOM span of the quote (exact with its prefix and
// suffix) when it occurs once only in the DOM text.
func (d *domText) find(exact, prefix, suffix string) (ds, de int, ok bool) {
	s := d.text.String()
	pattern := prefix + exact + suffix
	at := strings.Index(s, pattern)
	if exact == "" || at < 0 || !once(s, pattern, at) {
		return 0, 0, false
	}
	ds = d.text.CodePointAtByte(at + len(prefix))
	return ds, ds + annotate.RuneCount(exact), true
}
