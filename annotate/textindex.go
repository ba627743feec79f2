package annotate

import (
	"fmt"
	"sort"
)

// TextIndex maps between positions in the DOM of a document's sanitised
// HTML and code-point offsets in its canonical text.
//
// A DOM position is a pair (text node, UTF-16 offset): the node is counted
// among all the text nodes under the document's root element in document
// order, from 0, whitespace-only nodes included (what a TreeWalker with
// NodeFilter.SHOW_TEXT visits); the offset counts UTF-16 code units, as a
// DOM Range does.
type TextIndex struct {
	text  *Text
	nodes []nodeSpan
	runs  []run // ascending by cp and by node
}

// nodeSpan is one text node: where the text stood when the walk reached it
// and which runs are its characters.
type nodeSpan struct {
	start            int // for a node without runs, the offset it maps to
	firstRun, endRun int // runs[firstRun:endRun] belong to the node
	utf16Len         int
}

func newTextIndex(t *Text, nodes []nodeSpan, runs []run) *TextIndex {
	// A node that keeps no character maps to where the next kept character
	// lands, so that positions map in document order.
	next := t.Len()
	for i := len(nodes) - 1; i >= 0; i-- {
		if nodes[i].firstRun < nodes[i].endRun {
			next = runs[nodes[i].firstRun].cp
		} else {
			nodes[i].start = next
		}
	}
	return &TextIndex{text: t, nodes: nodes, runs: runs}
}

// Text returns the canonical text that the index maps into.
func (x *TextIndex) Text() *Text { return x.text }

// NodeCount returns the number of text nodes the index knows.
func (x *TextIndex) NodeCount() int { return len(x.nodes) }

// NodeLen returns the UTF-16 length of text node node.
func (x *TextIndex) NodeLen(node int) int { return x.nodes[node].utf16Len }

// FromDOM returns the canonical code-point offset of the DOM position
// (text node node, UTF-16 offset u). A position inside white space that the
// canonical text collapsed maps to the end of the characters kept before it
// in that node, or to the first character kept after it when there is none.
func (x *TextIndex) FromDOM(node, u int) (int, error) {
	if node < 0 || node >= len(x.nodes) {
		return 0, fmt.Errorf("text node %d is not in the article (it has %d)", node, len(x.nodes))
	}
	ns := x.nodes[node]
	if u < 0 || u > ns.utf16Len {
		return 0, fmt.Errorf("offset %d is outside text node %d (length %d)", u, node, ns.utf16Len)
	}
	runs := x.runs[ns.firstRun:ns.endRun]
	if len(runs) == 0 {
		return ns.start, nil
	}
	// The last run that starts at or before u.
	k := sort.Search(len(runs), func(i int) bool { return runs[i].u > u }) - 1
	if k < 0 {
		return runs[0].cp, nil
	}
	r := runs[k]
	if u >= r.u+r.w {
		return r.cp + r.n, nil
	}
	// Inside the run: the characters are the same, so count the text's.
	base := x.text.UTF16(r.cp)
	return x.text.CodePointAtUTF16(base + (u - r.u)), nil
}

// ToDOM returns the DOM position of canonical offset cp. An offset that
// falls between nodes (a line break the canonical text inserts between
// blocks, say) goes forward to the start of the next node's characters when
// forward is true, and back to the end of the previous ones otherwise, so a
// span's start is placed with forward true and its end with forward false.
// ok is false when there is no text node to go to.
func (x *TextIndex) ToDOM(cp int, forward bool) (node, u int, ok bool) {
	if len(x.runs) == 0 {
		return 0, 0, false
	}
	// The last run that starts at or before cp.
	k := sort.Search(len(x.runs), func(i int) bool { return x.runs[i].cp > cp }) - 1
	if k < 0 {
		r := x.runs[0]
		return r.node, r.u, true
	}
	r := x.runs[k]
	end := r.cp + r.n
	switch {
	case cp < end || (cp == end && !forward):
		return r.node, r.u + x.text.UTF16(cp) - x.text.UTF16(r.cp), true
	case !forward || k+1 == len(x.runs):
		return r.node, r.u + r.w, true
	}
	next := x.runs[k+1]
	return next.node, next.u, true
}
