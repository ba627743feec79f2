package annotate

// parseOwn gives the tree that parseInBody gives, or gives up: it never
// gives another. It reads only HTML as x/net/html's Render writes it (tags
// in lower case, every value in double quotes, the five escapes Render
// uses and no other), made of elements whose tags the HTML parser puts in
// the tree as they are written. Anything else (an element that another
// one closes, a part of a table out of its place, a comment, a character
// reference of any other kind) makes it give up, and the caller parses the
// string with x/net/html as before.
//
// Why: an export's HTML is this package's own rendering, and the first
// import of a long export in the browser spent about a third of its
// annotate.Import in x/net/html's parser (74 of 213 ms in a profile of
// issue 9's 2,000-annotation export), code that V8 has not yet compiled
// well when a page imports its first file. TestParseOwnAgrees holds it to
// parseInBody on every page of the corpus, and FuzzParseOwn on any input.
//
// The rules it keeps are the HTML standard's tree construction "in body",
// as x/net/html implements it (parse.go, inBodyIM), for a document whose
// every end tag closes the element open last:
//   - a start tag of a block (p, div, a heading, a list, pre, hr…) closes
//     an open p: it gives up when a p is open;
//   - a heading's start tag closes a heading that is the current element;
//     an li's closes an open li, a dd's or dt's an open dd or dt, unless a
//     special element other than address, div and p lies between: it
//     gives up on those;
//   - an a inside an a is taken apart (the adoption agency): it gives up;
//   - the parser sorts the attributes of a formatting element (a, b, em…)
//     by key: so does parseOwn;
//   - a line feed that opens a pre is dropped: it gives up on one;
//   - a table closes an open p, and holds only its parts in their places
//     (a caption, a colgroup of cols, sections of rows of cells) and white
//     space between them: anything else there the parser moves before the
//     table or wraps in a part not written (a tr straight in a table gets
//     a tbody), and a part of a table in a cell closes the cell. It gives
//     up on all of these. A cell and a caption hold what a body holds.
// Every end tag must close the current element, and every element must be
// closed by the end, so that no element is closed for the parser nor
// reopened by it (the list of active formatting elements only ever holds
// elements that are open, and nothing is reconstructed).
//
// And since it reads only what Render writes, the tree renders as the
// string it read, but for the attributes that change after the string is
// read: those the parser sorts, and a link's, which finishLinks sets.
// parseOwn keeps those as written (ownWritten): while they are, Render
// would give back the string, and need not be run to find out.

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ownKind is what the parser does with an element's start tag.
type ownKind uint8

const (
	ownNone    ownKind = iota // not read: give up
	ownPhrase                 // inserted where it is ("any other start tag")
	ownFormat                 // the same, and its attributes sorted
	ownLink                   // a: a formatting element that no a may hold
	ownVoid                   // br, wbr: no content and no end tag
	ownRule                   // hr: a void element that closes a p
	ownBlock                  // closes a p
	ownHeading                // closes a p, and a heading that is current
	ownPre                    // closes a p; a line feed that opens it is dropped
	ownItem                   // li: closes a p and an li
	ownTerm                   // dd, dt: close a p and a dd or dt
	ownTable                  // table: closes a p; holds its parts
	ownSection                // tbody, thead, tfoot: in a table, hold rows
	ownRow                    // tr: in a section, holds cells
	ownCell                   // td, th: in a row, hold what a body holds
	ownCaption                // caption: in a table, holds what a body holds
	ownColumns                // colgroup: in a table, holds cols
	ownColumn                 // col: in a colgroup, void
)

// ownKindOf returns the kind of the element named name, and its atom.
func ownKindOf(name string) (ownKind, atom.Atom) {
	var k ownKind
	switch name {
	case "abbr", "bdi", "bdo", "cite", "del", "dfn", "ins", "kbd", "mark", "q", "samp", "span", "sub", "sup", "time", "var":
		k = ownPhrase
	case "b", "code", "em", "i", "s", "small", "strong", "u":
		k = ownFormat
	case "a":
		k = ownLink
	case "br", "wbr":
		k = ownVoid
	case "hr":
		k = ownRule
	case "address", "article", "aside", "blockquote", "details", "div", "dl", "figcaption", "figure", "footer", "header", "main", "ol", "p", "section", "summary", "ul":
		k = ownBlock
	case "h1", "h2", "h3", "h4", "h5", "h6":
		k = ownHeading
	case "pre":
		k = ownPre
	case "li":
		k = ownItem
	case "dd", "dt":
		k = ownTerm
	case "table":
		k = ownTable
	case "tbody", "thead", "tfoot":
		k = ownSection
	case "tr":
		k = ownRow
	case "td", "th":
		k = ownCell
	case "caption":
		k = ownCaption
	case "colgroup":
		k = ownColumns
	case "col":
		k = ownColumn
	default:
		return ownNone, 0
	}
	return k, atom.Lookup([]byte(name))
}

// ownSpecial reports whether an open element of kind k is one of the
// standard's "special" elements (every kind that closes a p is, and every
// part of a table).
func ownSpecial(k ownKind) bool { return k >= ownRule }

// ownTableContext reports whether an open element of kind k holds only
// parts of a table and white space: what else is written in it, the
// parser moves out of the table ("foster parenting") or wraps in a part
// that is not written (a tr in a table gets a tbody).
func ownTableContext(k ownKind) bool {
	return k == ownTable || k == ownSection || k == ownRow || k == ownColumns
}

// current returns the kind of the current element, ownNone at the top.
func (p *ownParser) current() ownKind {
	if n := len(p.kinds); n > 0 {
		return p.kinds[n-1]
	}
	return ownNone
}

// ownWritten is an element whose attributes may change after parseOwn
// has read them, with its attributes as the string wrote them, and where
// the string wrote its start tag: s[start:end].
type ownWritten struct {
	n          *html.Node
	attr       []html.Attribute
	start, end int
}

// asWritten reports whether every element of written still has its
// attributes as the string wrote them.
func asWritten(written []ownWritten) bool {
	for _, w := range written {
		if !slices.Equal(w.n.Attr, w.attr) {
			return false
		}
	}
	return true
}

// ownRendering returns what Render writes of the nodes that parseOwn read
// from s, once some of their attributes have changed: s, with the start
// tag of each element of written whose attributes are no longer as s
// wrote them written again. Everything else renders as s wrote it (see
// above), so that the whole need not be rendered, its every text escaped
// again, to write a few links.
func ownRendering(s string, written []ownWritten) string {
	var b strings.Builder
	at := 0
	for _, w := range written {
		if slices.Equal(w.n.Attr, w.attr) {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 64*len(written))
		}
		b.WriteString(s[at:w.start])
		writeStartTag(&b, w.n)
		at = w.end
	}
	if at == 0 {
		return s
	}
	b.WriteString(s[at:])
	return b.String()
}

// writeStartTag writes n's start tag as Render does (n is not void).
func writeStartTag(b *strings.Builder, n *html.Node) {
	b.WriteByte('<')
	b.WriteString(n.Data)
	for _, a := range n.Attr {
		b.WriteByte(' ')
		if a.Namespace != "" {
			b.WriteString(a.Namespace)
			b.WriteByte(':')
		}
		b.WriteString(a.Key)
		b.WriteString(`="`)
		b.WriteString(html.EscapeString(a.Val))
		b.WriteByte('"')
	}
	b.WriteByte('>')
}

// ownParser is the state of parseOwn.
type ownParser struct {
	s       string
	i       int
	roots   []*html.Node
	written []ownWritten
	open    []*html.Node // the stack of open elements, the current one last
	kinds   []ownKind    // the kind of each open element
	p, a    int          // how many p and a elements are open
	buf     strings.Builder
	nodes   []html.Node // room for the next nodes, made nodeChunk at a time
}

// nodeChunk is how many nodes parseOwn makes room for at once: one
// allocation, not one a node (5 ms of a first import of a long article in
// the browser went to them one by one).
const nodeChunk = 256

// node returns a new node, a copy of n.
func (p *ownParser) node(n html.Node) *html.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]html.Node, 0, nodeChunk)
	}
	p.nodes = append(p.nodes, n)
	return &p.nodes[len(p.nodes)-1]
}

// parseOwn parses s as parseInBody does, when s is HTML of the kind it
// reads (see above); ok is false, and the nodes nil, when it gives up.
// written lists the elements whose attributes may change, for asWritten.
func parseOwn(s string) (nodes []*html.Node, written []ownWritten, ok bool) {
	p := &ownParser{s: s}
	for p.i < len(s) {
		var ok bool
		switch {
		case s[p.i] != '<':
			ok = p.text()
		case p.i+1 < len(s) && s[p.i+1] == '/':
			ok = p.endTag()
		default:
			ok = p.startTag()
		}
		if !ok {
			return nil, nil, false
		}
	}
	if len(p.open) > 0 {
		return nil, nil, false
	}
	return p.roots, p.written, true
}

// add puts n in the tree: under the current element, or at the top.
func (p *ownParser) add(n *html.Node) {
	if len(p.open) == 0 {
		p.roots = append(p.roots, n)
		return
	}
	p.open[len(p.open)-1].AppendChild(n)
}

// text reads the text up to the next tag.
func (p *ownParser) text() bool {
	end := strings.IndexByte(p.s[p.i:], '<')
	if end < 0 {
		end = len(p.s)
	} else {
		end += p.i
	}
	data, ok := p.unescape(p.s[p.i:end])
	if !ok {
		return false
	}
	if n := len(p.open); n > 0 && p.kinds[n-1] == ownPre && p.open[n-1].FirstChild == nil && data[0] == '\n' {
		return false // the parser would drop it, and Render write it twice
	}
	if ownTableContext(p.current()) && strings.Trim(data, " \t\n\f\r") != "" {
		return false // the parser would move it before the table
	}
	p.add(p.node(html.Node{Type: html.TextNode, Data: data}))
	p.i = end
	return true
}

// unescape returns s with Render's escapes undone, or false when s holds
// a character that Render escapes, a NUL, or any other reference.
func (p *ownParser) unescape(s string) (string, bool) {
	amp := indexSpecial(s)
	if amp < 0 {
		return s, true
	}
	p.buf.Reset()
	for amp >= 0 {
		if s[amp] != '&' {
			return "", false
		}
		p.buf.WriteString(s[:amp])
		s = s[amp:]
		var c byte
		switch {
		case strings.HasPrefix(s, "&amp;"):
			c, s = '&', s[5:]
		case strings.HasPrefix(s, "&lt;"):
			c, s = '<', s[4:]
		case strings.HasPrefix(s, "&gt;"):
			c, s = '>', s[4:]
		case strings.HasPrefix(s, "&#39;"):
			c, s = '\'', s[5:]
		case strings.HasPrefix(s, "&#34;"):
			c, s = '"', s[5:]
		default:
			return "", false
		}
		p.buf.WriteByte(c)
		amp = indexSpecial(s)
	}
	p.buf.WriteString(s)
	return p.buf.String(), true
}

// name reads a tag's or an attribute's name at p.i: a lower-case ASCII
// letter, then letters, digits and (for attributes) hyphens.
func (p *ownParser) name(hyphens bool) string {
	start := p.i
	for ; p.i < len(p.s); p.i++ {
		c := p.s[p.i]
		if 'a' <= c && c <= 'z' || p.i > start && ('0' <= c && c <= '9' || hyphens && c == '-') {
			continue
		}
		break
	}
	return p.s[start:p.i]
}

// startTag reads a start tag and puts its element in the tree.
func (p *ownParser) startTag() bool {
	start := p.i
	p.i++ // '<'
	name := p.name(false)
	kind, a := ownKindOf(name)
	if kind == ownNone || !p.opens(kind) {
		return false
	}
	n := p.node(html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String()})
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
		key := p.name(true)
		if key == "" || !strings.HasPrefix(p.s[p.i:], `="`) {
			return false
		}
		p.i += 2
		end := strings.IndexByte(p.s[p.i:], '"')
		if end < 0 {
			return false
		}
		val, ok := p.unescape(p.s[p.i : p.i+end])
		if !ok || slices.ContainsFunc(n.Attr, func(at html.Attribute) bool { return at.Key == key }) {
			return false // a second value of a key: the tokenizer keeps the first
		}
		n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
		p.i += end + 1
	}
	void := kind == ownVoid || kind == ownRule || kind == ownColumn
	switch {
	case void && strings.HasPrefix(p.s[p.i:], "/>"):
		p.i += 2
	case !void && p.i < len(p.s) && p.s[p.i] == '>':
		p.i++
	default:
		return false
	}
	if kind == ownLink && len(n.Attr) > 0 || kind == ownFormat && len(n.Attr) > 1 {
		p.written = append(p.written, ownWritten{n, slices.Clone(n.Attr), start, p.i})
		slices.SortFunc(n.Attr, func(x, y html.Attribute) int { return strings.Compare(x.Key, y.Key) })
	}
	p.add(n)
	if void {
		return true
	}
	p.open = append(p.open, n)
	p.kinds = append(p.kinds, kind)
	switch a {
	case atom.P:
		p.p++
	case atom.A:
		p.a++
	}
	return true
}

// opens reports whether an element of kind k opens where it is written:
// whether the parser would close no element for it.
func (p *ownParser) opens(k ownKind) bool {
	switch cur := p.current(); k {
	case ownSection, ownCaption, ownColumns:
		return cur == ownTable
	case ownColumn:
		return cur == ownColumns
	case ownRow:
		return cur == ownSection
	case ownCell:
		return cur == ownRow
	default:
		if ownTableContext(cur) {
			return false
		}
	}
	switch k {
	case ownLink:
		return p.a == 0
	case ownRule, ownBlock, ownPre, ownTable:
		return p.p == 0
	case ownHeading:
		if n := len(p.kinds); n > 0 && p.kinds[n-1] == ownHeading {
			return false
		}
		return p.p == 0
	case ownItem, ownTerm:
		for i := len(p.open) - 1; i >= 0; i-- {
			switch o := p.open[i].DataAtom; {
			case k == ownItem && o == atom.Li, k == ownTerm && (o == atom.Dd || o == atom.Dt):
				return false
			case o == atom.Address || o == atom.Div || o == atom.P:
			case ownSpecial(p.kinds[i]):
				return p.p == 0
			}
		}
		return p.p == 0
	}
	return true
}

// endTag reads an end tag, which must close the current element.
func (p *ownParser) endTag() bool {
	p.i += 2 // "</"
	name := p.name(false)
	n := len(p.open)
	if n == 0 || p.open[n-1].Data != name || p.i >= len(p.s) || p.s[p.i] != '>' {
		return false
	}
	p.i++
	switch p.open[n-1].DataAtom {
	case atom.P:
		p.p--
	case atom.A:
		p.a--
	}
	p.open, p.kinds = p.open[:n-1], p.kinds[:n-1]
	return true
}

// indexSpecial returns the index of the first byte of s that Render
// escapes ("&'<>\"\r") or that is a NUL, or -1. It reads s eight bytes
// at a time: a text is mostly bytes that are none of these.
func indexSpecial(s string) int {
	i := 0
	for ; i+8 <= len(s) && !specialWord(stringWord(s, i)); i += 8 {
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case '&', '\'', '<', '>', '"', '\r', 0:
			return i
		}
	}
	return -1
}

// specialWord reports whether a byte of x is one that indexSpecial looks
// for.
func specialWord(x uint64) bool {
	return zeroBytes(x)|bytesOf(x, '&')|bytesOf(x, '\'')|bytesOf(x, '<')|bytesOf(x, '>')|bytesOf(x, '"')|bytesOf(x, '\r') != 0
}
