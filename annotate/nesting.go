package annotate

// This file keeps pages nested deeper than the HTML parser allows
// readable. golang.org/x/net/html refuses a page once more than 512
// elements are open at once; some generated pages (and some attacks) nest
// thousands deep. Such a page is parsed again with its structure beyond
// maxNesting levels dropped: the tags past that depth go, everything they
// hold stays where it was, in order, and the blocks among them leave empty
// ones that keep their text apart. Pages within the parser's limit, which
// are all real articles, are parsed once, as before: the flattening pass
// runs only after the parser has refused the page.

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNesting is the depth, in elements as the page's tags open them,
// beyond which a too-deep page's tags are dropped. No article needs more
// than a few dozen levels; half the parser's limit leaves room for the
// elements the parser opens by itself (html, body, tbody, and formatting
// elements it opens again in each new block).
const maxNesting = 256

// parsePage parses a whole page, flattening it first when it is nested
// deeper than the parser allows. It tries maxNesting, then a quarter of
// it, then no elements at all (only the text, the empty blocks that keep
// it apart and an xmp or a plaintext, one level deep, which always parse).
func parsePage(page string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(page))
	for _, depth := range []int{maxNesting, maxNesting / 4, 0} {
		if err == nil || !isTooDeep(err) {
			break
		}
		doc, err = html.Parse(strings.NewReader(flattenNesting(page, depth)))
	}
	return doc, err
}

// isTooDeep reports whether err is the parser's refusal of a page nested
// deeper than its limit. The parser has no sentinel error for it; the
// message is all there is.
func isTooDeep(err error) bool {
	return strings.Contains(err.Error(), "open stack of elements exceeds")
}

// isVoid reports whether a is a void element: it never holds anything, so
// it opens no level. (These sets are switches, not maps: a package-level
// map is built at every start of the app, before its first paint.)
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Keygen, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// closesItself reports whether a start tag of a's kind closes an open a
// (a new <p> ends the open one), so that a page of unclosed paragraphs
// does not count as deep.
func closesItself(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Dt, atom.Dd, atom.Option, atom.Tr, atom.Td, atom.Th:
		return true
	}
	return false
}

// isRawText reports whether a holds text that the tokenizer reads up to
// its end tag, even after a self-closing start tag.
func isRawText(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Textarea, atom.Title, atom.Xmp, atom.Iframe, atom.Noembed,
		atom.Noframes, atom.Noscript, atom.Plaintext:
		return true
	}
	return false
}

// flattenNesting returns page with every tag that would open an element
// more than depth levels deep removed, with its end tag. Text, comments
// and the tags within depth are kept byte for byte. An element past depth
// whose content is not article text (a script, a style, navigation, a
// hidden element: what prepare would drop) is removed with its content,
// since without its tag that content would become text. An xmp or a
// plaintext past depth, whose raw text prepare shows as a pre's, is kept
// whole: it holds no element, so it opens one level more at most.
//
// A removed block (or navigation, which prepare turns into an empty
// block) would leave its text run into the text around it, as the
// policy's dropped tags would (see blockStandIn): in its place goes an
// empty p or div, one for every run of removed tags between two pieces of
// content, the strongest that they ask for, so that the canonical text
// still sets the blocks' text apart (see separatorOf). A p and a div are
// what they are anywhere in a body, unlike a list item or a part of a
// table, which the parser would move or ignore; none goes inside an svg
// or a math element, which prepare drops or reads as words.
//
// Depth is counted from the tags as written, the way the parser would
// open them for well-formed HTML: void elements open nothing, an end tag
// closes everything opened after its element, and a <p>, <li> or table
// cell closes the one just before it. Where the parser would nest less,
// this counts more, which only drops more structure.
func flattenNesting(page string, depth int) string {
	type open struct {
		name string
		kept bool
		sep  separator // what the element asks for, when it is removed
		// nests: the element is, or lies within, one that nestsLists;
		// foreign: the same of an svg or a math element.
		nests, foreign bool
	}
	var (
		b        strings.Builder
		stack    []open
		skipName string    // the element being removed with its content
		skip     int       // how many of skipName are open inside it
		pending  separator // asked for by removed blocks since the last content
	)
	top := func() open {
		if len(stack) == 0 {
			return open{}
		}
		return stack[len(stack)-1]
	}
	// ask asks for sep before the next content; content writes the empty
	// block asked for, before the content that follows it.
	ask := func(sep separator) {
		if sep > pending && !top().foreign {
			pending = sep
		}
	}
	content := func() {
		switch pending {
		case sepParagraph:
			b.WriteString("<p></p>")
		case sepLine:
			b.WriteString("<div></div>")
		}
		pending = sepNone
	}
	b.Grow(len(page))
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String() // the reader is a string: this is its end
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			nameBytes, hasAttr := z.TagName()
			name := string(nameBytes)
			a := atom.Lookup(nameBytes)
			if skip > 0 {
				if name == skipName && tt == html.StartTagToken {
					skip++
				}
				continue
			}
			// raw is still this token's: TagName and TagAttr read the
			// tokenizer's buffer without moving on.
			if isVoid(a) {
				content()
				b.Write(raw)
				continue
			}
			if closesItself(a) && len(stack) > 0 && stack[len(stack)-1].name == name {
				stack = stack[:len(stack)-1]
			}
			shown := a
			if standIn := blockStandIn(a); standIn != 0 {
				shown = standIn
			}
			parent := top()
			el := open{name: name, kept: len(stack) < depth,
				sep:     separatorOf(shown, func() bool { return parent.nests }),
				nests:   parent.nests || nestsLists(shown),
				foreign: parent.foreign || a == atom.Svg || a == atom.Math}
			if el.kept {
				content()
				stack = append(stack, el)
				b.Write(raw)
				continue
			}
			if tt == html.StartTagToken || isRawText(a) {
				hidden := false
				for more := hasAttr; more && !hidden; {
					var k, v []byte
					k, v, more = z.TagAttr()
					hidden = isHidden(&html.Node{Attr: []html.Attribute{{Key: string(k), Val: string(v)}}})
				}
				if droppedWithContent(a) || (isRawText(a) && blockStandIn(a) == 0) || hidden || strings.Contains(name, ":") {
					if !hidden {
						ask(el.sep) // navigation's block
					}
					skipName, skip = name, 1
					continue
				}
				if isRawText(a) {
					// Not pushed: its end tag, which the stack does not
					// hold, is written as it stands.
					content()
					b.Write(raw)
					continue
				}
			}
			ask(el.sep)
			stack = append(stack, el)
		case html.EndTagToken:
			nameBytes, _ := z.TagName()
			name := string(nameBytes)
			if skip > 0 {
				if name == skipName {
					skip--
				}
				continue
			}
			i := len(stack) - 1
			for i >= 0 && stack[i].name != name {
				i--
			}
			if i < 0 {
				content()
				b.Write(raw) // a stray end tag: the parser decides
				continue
			}
			// A removed block's end tag asks for the strongest separator
			// of what it closes. An inline one's asks for none: the parser
			// closes no block for it (it ignores the end tag, or moves
			// the formatting element inside the block).
			sep := sepNone
			if stack[i].sep != sepNone {
				for _, o := range stack[i:] {
					if !o.kept {
						sep = max(sep, o.sep)
					}
				}
			}
			kept := stack[i].kept
			stack = stack[:i]
			ask(sep)
			if kept {
				b.Write(raw) // what was asked for goes after it, before the next content
			}
		case html.TextToken:
			if skip == 0 {
				if len(bytes.TrimLeft(raw, " \t\n\r\f")) > 0 {
					content()
				}
				b.Write(raw)
			}
		default:
			if skip == 0 {
				b.Write(raw)
			}
		}
	}
}
