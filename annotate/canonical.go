package annotate

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file holds the flattening algorithm: sanitised HTML in, canonical
// text and its index out. The package documentation describes it in words.
// Stores keep indexes made by it (textindex_data.go): a change here that
// changes a text or an index must increase indexDataVersion.

// separator is what stands between two pieces of content: nothing, a
// collapsed space, a table-cell tab, or one or two line breaks. When several
// are asked for at one place, the strongest wins.
type separator int

const (
	sepNone separator = iota
	sepSpace
	sepTab
	sepLine
	sepParagraph
)

func (s separator) String() string {
	switch s {
	case sepSpace:
		return " "
	case sepTab:
		return "\t"
	case sepLine:
		return "\n"
	case sepParagraph:
		return "\n\n"
	}
	return ""
}

// blockSeparator returns the separator that a block element asks for before
// and after itself, or sepNone for an inline element.
func blockSeparator(n *html.Node) separator {
	return separatorOf(n.DataAtom, func() bool {
		for p := n.Parent; p != nil; p = p.Parent {
			if nestsLists(p.DataAtom) {
				return true
			}
		}
		return false
	})
}

// separatorOf is blockSeparator for an element of kind a; nested, asked
// only of a list, reports whether the list lies within an element that
// nestsLists. flattenNesting asks it too, of the tags it drops, which are
// no nodes.
func separatorOf(a atom.Atom, nested func() bool) separator {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Pre, atom.Table, atom.Figure, atom.Hr,
		atom.Address, atom.Details:
		return sepParagraph
	case atom.Ul, atom.Ol, atom.Dl:
		if nested() {
			return sepLine // a nested list
		}
		return sepParagraph
	case atom.Div, atom.Li, atom.Dt, atom.Dd, atom.Tr, atom.Caption,
		atom.Figcaption, atom.Section, atom.Article, atom.Header,
		atom.Footer, atom.Aside, atom.Main, atom.Thead, atom.Tbody,
		atom.Tfoot, atom.Summary:
		return sepLine
	}
	return sepNone
}

// nestsLists reports whether a list within an element of kind a is a
// nested list, set apart by a line break rather than a blank line.
func nestsLists(a atom.Atom) bool { return a == atom.Li || a == atom.Dd }

// isCollapsible reports whether r is white space that CSS collapses in
// normal flow: the ASCII white space of HTML. NBSP and other Unicode spaces
// are content and are kept.
func isCollapsible(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// run says that n code points of the canonical text, starting at cp, are
// the same characters as the w UTF-16 units of text node node starting at
// offset u. A collapsed white-space run maps its first character to one
// space.
type run struct {
	node, u, w, cp, n int
}

// flattener builds the canonical text and its runs in one walk.
type flattener struct {
	out     strings.Builder
	n       int // code points written
	last    rune
	pending separator
	// spaceNode and spaceU say where a pending collapsed space came from.
	spaceNode, spaceU int
	runs              []run
	nodes             []nodeSpan
	pre               int // depth of preformatted elements around the walk
}

// flatten returns the canonical text of the tree under root and the index
// of its text nodes.
func flatten(root *html.Node) (string, *TextIndex) { return flattenLike(root, nil) }

// flattenLike is flatten for a tree whose text is likely like's, known
// before (an export's): the text is written into room made for it once,
// rather than grown again and again (in the browser every copy of a large
// text may grow the WebAssembly memory, which is slow), and when it is
// like's text, the index is built on like rather than on a new Text of
// the same string.
func flattenLike(root *html.Node, like *Text) (string, *TextIndex) {
	f := &flattener{}
	if like != nil {
		f.out.Grow(len(like.String()) + 8) // and a few line breaks at the end, taken off below
	}
	f.walk(root)
	text := f.out.String()
	// Line breaks that <br> elements left at the end are not content.
	kept := 0
	if k := len(f.runs); k > 0 {
		kept = f.runs[k-1].cp + f.runs[k-1].n
	}
	for f.n > kept && strings.HasSuffix(text, "\n") {
		text = text[:len(text)-1]
		f.n--
	}
	if like != nil && like.String() == text {
		return like.String(), newTextIndex(like, f.nodes, f.runs)
	}
	return text, newTextIndex(NewText(text), f.nodes, f.runs)
}

func (f *flattener) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		f.text(n.Data)
		return
	case html.ElementNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f.walk(c)
		}
		return
	}
	sep := blockSeparator(n)
	f.ask(sep)
	switch n.DataAtom {
	case atom.Br:
		if f.pending == sepSpace {
			f.pending = sepNone // a space at the end of a line is not shown
		}
		if f.n > 0 { // a line break before any text is not content
			f.emitSeparator()
			f.write("\n", -1, 0)
		}
		return
	case atom.Td, atom.Th:
		if n.PrevSibling != nil && hasElementBefore(n) {
			f.ask(sepTab)
		}
	case atom.Pre:
		f.pre++
		defer func() { f.pre-- }()
	case atom.Span:
		if attr(n, "class") == AltTextClass {
			// An image's alt text stands apart from the words around it.
			f.askSpace()
			defer f.askSpace()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c)
	}
	f.ask(sep)
}

// askSpace requests a space that is no text node's character.
func (f *flattener) askSpace() {
	if f.pending < sepSpace {
		f.pending = sepSpace
		f.spaceNode, f.spaceU = -1, 0
	}
}

// hasElementBefore reports whether an element precedes n among its siblings.
func hasElementBefore(n *html.Node) bool {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// ask requests separator s before the next content.
func (f *flattener) ask(s separator) {
	if s > f.pending {
		f.pending = s
	}
}

// emitSeparator writes the pending separator, if content came before it.
func (f *flattener) emitSeparator() {
	s := f.pending
	f.pending = sepNone
	if f.n == 0 || s == sepNone {
		return
	}
	if s == sepSpace {
		if f.last == '\n' || f.last == '\t' {
			return // a space at the start of a line is not shown
		}
		f.write(" ", f.spaceNode, f.spaceU)
		return
	}
	f.write(s.String(), -1, 0)
}

// write appends s to the text. When node is not -1, s is the same
// characters as text node node from UTF-16 offset u, and a run records it.
func (f *flattener) write(s string, node, u int) {
	w := 0
	if node >= 0 {
		w = UTF16Count(s)
	}
	f.writeCounted(s, node, u, utf8.RuneCountInString(s), w)
}

// writeCounted is write of s, which is count code points and w UTF-16
// units long (w counts only when node is not -1).
func (f *flattener) writeCounted(s string, node, u, count, w int) {
	if node >= 0 {
		k := len(f.runs) - 1
		if k >= 0 && f.runs[k].node == node && f.runs[k].cp+f.runs[k].n == f.n && f.runs[k].u+f.runs[k].w == u {
			f.runs[k].n += count // extends the previous run
			f.runs[k].w += w
		} else {
			f.runs = append(f.runs, run{node: node, u: u, w: w, cp: f.n, n: count})
		}
	}
	f.out.WriteString(s)
	f.n += count
	f.last, _ = utf8.DecodeLastRuneInString(s)
}

// wordByWord, set by a test only, writes every word of a text node apart,
// each space between two of them as a collapsed separator: the rule as
// the package documentation states it, which text otherwise follows a
// stretch of words at a time (TestFlattenWholeStretches holds the two to
// the same text and index).
var wordByWord = false

// text adds one text node's characters.
func (f *flattener) text(data string) {
	node := len(f.nodes)
	f.nodes = append(f.nodes, nodeSpan{start: f.n, firstRun: len(f.runs)})
	u := 0 // UTF-16 offset in the node; at the end, its length
	defer func() { f.nodes[node].endRun, f.nodes[node].utf16Len = len(f.runs), u }()

	if f.pre > 0 {
		if data != "" {
			f.emitSeparator()
			u = UTF16Count(data)
			f.writeCounted(data, node, 0, utf8.RuneCountInString(data), u)
		}
		return
	}
	for i := 0; i < len(data); {
		if b := data[i]; b < utf8.RuneSelf && isCollapsible(rune(b)) {
			if f.pending < sepSpace {
				f.pending = sepSpace
				f.spaceNode, f.spaceU = node, u
			}
			i++
			u++
			continue
		}
		// A stretch of visible characters up to the next white space, and
		// with it every further word that one space ' ' parts from it.
		// Written word by word, that space would be a collapsed separator
		// from this node at this offset, after a visible character: the
		// same " " in the text, extending the same run.
		j, n, w := i, 0, 0
		for j < len(data) {
			if !wordByWord && stretchWord(data, j) {
				j, n, w = j+8, n+8, w+8
				continue
			}
			b := data[j]
			if b >= utf8.RuneSelf {
				c, size := utf8.DecodeRuneInString(data[j:])
				j += size
				n++
				w += utf16.RuneLen(c)
				continue
			}
			if isCollapsible(rune(b)) && (b != ' ' || wordByWord || j+1 == len(data) || isCollapsible(rune(data[j+1]))) {
				break
			}
			j++
			n++
			w++
		}
		f.emitSeparator()
		f.writeCounted(data[i:j], node, u, n, w)
		i = j
		u += w
	}
}

// stretchWord reports whether the eight bytes of s from j go on a stretch
// of words whole, as the byte-by-byte loop of text would take them one by
// one: ASCII, no white space but spaces each before a byte that is not
// white space, and the eighth not a space (whose next byte is not read).
func stretchWord(s string, j int) bool {
	if j+8 > len(s) {
		return false
	}
	x := stringWord(s, j)
	space := bytesOf(x, ' ')
	return x&highBits == 0 && bytesOf(x, '\t')|bytesOf(x, '\n')|bytesOf(x, '\r')|bytesOf(x, '\f') == 0 &&
		space&(space>>8) == 0 && space>>56 == 0
}
