package annotate

// This file keeps pages nested deeper than the HTML parser allows
// readable. golang.org/x/net/html refuses a page once more than 512
// elements are open at once; some generated pages (and some attacks) nest
// thousands deep. Such a page is parsed again with its structure beyond
// maxNesting levels dropped: the tags past that depth go, everything they
// hold stays where it was, in order. Pages within the parser's limit, which
// are all real articles, are parsed once, as before: the flattening pass
// runs only after the parser has refused the page.

import (
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
// it, then no elements at all (only the text, which always parses).
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
// since without its tag that content would become text.
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
	}
	var (
		b        strings.Builder
		stack    []open
		skipName string // the element being removed with its content
		skip     int    // how many of skipName are open inside it
	)
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
				b.Write(raw)
				continue
			}
			if closesItself(a) && len(stack) > 0 && stack[len(stack)-1].name == name {
				stack = stack[:len(stack)-1]
			}
			if len(stack) < depth {
				stack = append(stack, open{name, true})
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
				if droppedWithContent(a) || isRawText(a) || hidden || strings.Contains(name, ":") {
					skipName, skip = name, 1
					continue
				}
			}
			stack = append(stack, open{name, false})
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
				b.Write(raw) // a stray end tag: the parser decides
				continue
			}
			kept := stack[i].kept
			stack = stack[:i]
			if kept {
				b.Write(raw)
			}
		default:
			if skip == 0 {
				b.Write(raw)
			}
		}
	}
}
