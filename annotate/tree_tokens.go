package annotate

// The policy sees a page's content as the tokens that x/net/html's
// tokenizer would read from the content rendered by html.Render, without
// that string being written and read. Rendering and tokenizing again were
// a quarter of a page's Load, and they give back what the tree holds.

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// treeTokens gives, one at a time, the tokens of the children of a tree's
// root as the tokenizer reads them from their rendering: a start tag per
// element (a self-closing tag for a void one), its children, an end tag;
// the text of adjacent text nodes as one token, none for empty text; a
// newline before the text of a pre or a listing that starts with one, as
// Render writes it. Only trees that tokenizable accepts are walked.
type treeTokens struct {
	root    *html.Node
	n       *html.Node // the node to visit next, nil at the end
	leaving bool       // whether n's children are done and its end tag is next
	text    []string   // text read since the last tag, not given yet
}

// newTreeTokens returns the tokens of root's children.
func newTreeTokens(root *html.Node) *treeTokens {
	return &treeTokens{root: root, n: root.FirstChild}
}

// next returns the next token, or io.EOF after the last.
func (t *treeTokens) next() (html.Token, error) {
	for {
		n := t.n
		if n == nil {
			if len(t.text) > 0 {
				return t.textToken(), nil
			}
			return html.Token{}, io.EOF
		}
		if n.Type == html.TextNode {
			if n.Data != "" {
				t.text = append(t.text, n.Data)
			}
			t.after(n)
			continue
		}
		// An element: its tags end the text before them.
		if len(t.text) > 0 {
			return t.textToken(), nil
		}
		name, a := tokenName(n)
		if t.leaving {
			t.after(n)
			return html.Token{Type: html.EndTagToken, DataAtom: a, Data: name}, nil
		}
		tok := html.Token{Type: html.StartTagToken, DataAtom: a, Data: name, Attr: tokenAttrs(n.Attr)}
		switch {
		case voidNode(n):
			tok.Type = html.SelfClosingTagToken
			t.after(n)
		case n.FirstChild == nil:
			t.leaving = true
		default:
			if c := n.FirstChild; c.Type == html.TextNode && strings.HasPrefix(c.Data, "\n") && (n.Data == "pre" || n.Data == "listing") {
				t.text = append(t.text, "\n")
			}
			t.n = n.FirstChild
		}
		return tok, nil
	}
}

// after moves past n, whose tokens are all given: to its next sibling, or
// to its parent's end tag.
func (t *treeTokens) after(n *html.Node) {
	t.leaving = false
	switch {
	case n.NextSibling != nil:
		t.n = n.NextSibling
	case n.Parent == t.root || n.Parent == nil:
		t.n = nil
	default:
		t.n, t.leaving = n.Parent, true
	}
}

// textToken gives the text read since the last tag as one token.
func (t *treeTokens) textToken() html.Token {
	s := t.text[0]
	if len(t.text) > 1 {
		s = strings.Join(t.text, "")
	}
	t.text = t.text[:0]
	return html.Token{Type: html.TextToken, Data: s}
}

// tokenName returns an element's name as the tokenizer reads it: ASCII
// letters in lower case.
func tokenName(n *html.Node) (string, atom.Atom) {
	if a := parsedAtom(n); a != 0 {
		return n.Data, a
	}
	name := asciiLower(n.Data)
	return name, atom.Lookup([]byte(name))
}

// tokenAttrs returns attributes as the tokenizer reads them: no
// namespace (Render writes it before the key, with a colon), keys in
// lower case. Attributes that are already so are returned as they are:
// the policy does not change the slice it is given.
func tokenAttrs(attrs []html.Attribute) []html.Attribute {
	plain := true
	for _, a := range attrs {
		if a.Namespace != "" || hasASCIIUpper(a.Key) {
			plain = false
			break
		}
	}
	if plain {
		return attrs
	}
	out := make([]html.Attribute, len(attrs))
	for i, a := range attrs {
		key := a.Key
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		out[i] = html.Attribute{Key: asciiLower(key), Val: a.Val}
	}
	return out
}

// tokenizable reports whether the tokens of root's children, rendered and
// read again, are what treeTokens gives. It refuses what the walk does
// not copy: any node but an element or text; an element whose text the
// tokenizer reads raw (script, style, textarea, title, xmp, plaintext and
// the like, whatever their namespace); a void element with children,
// which Render refuses; a name or key that would not read back as itself
// (empty, not starting as a tag does, holding a NUL, white space, a slash
// or a '>', a key with '=' after its first byte); and a NUL in a value,
// which the tokenizer replaces.
func tokenizable(root *html.Node) bool {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			continue
		case html.ElementNode:
		default:
			return false
		}
		name := parsedAtom(c) // the parser's own name: a tag name as it reads back
		if name == 0 && !tokenTag(c.Data) {
			return false
		}
		if name == 0 {
			name = atom.Lookup([]byte(asciiLower(c.Data)))
		}
		if isRawText(name) || (voidNode(c) && c.FirstChild != nil) {
			return false
		}
		for _, a := range c.Attr {
			if (a.Namespace != "" && !tokenKey(a.Namespace)) || !tokenKey(a.Key) || strings.IndexByte(a.Val, 0) >= 0 {
				return false
			}
			if a.Namespace != "" && strings.IndexByte(a.Key, '=') >= 0 {
				return false
			}
		}
		if !tokenizable(c) {
			return false
		}
	}
	return true
}

// parsedAtom returns the atom of an element of the HTML namespace whose
// name is its atom's, as the parser names what it reads; 0 otherwise.
func parsedAtom(n *html.Node) atom.Atom {
	if n.Namespace == "" && n.DataAtom != 0 && n.Data == n.DataAtom.String() {
		return n.DataAtom
	}
	return 0
}

// tokenTag reports whether name reads back as a tag name: a letter first,
// then nothing that ends a name (nor an '=', which the tokenizer would
// read in a name, but that no parsed name has).
func tokenTag(name string) bool {
	if name == "" || !('a' <= name[0] && name[0] <= 'z' || 'A' <= name[0] && name[0] <= 'Z') {
		return false
	}
	return tokenKey(name)
}

// tokenKey reports whether key reads back as an attribute's key: nothing
// that ends a key, and no '=' but as its first byte.
func tokenKey(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case ' ', '\n', '\r', '\t', '\f', '/', '>', 0:
			return false
		case '=':
			if i > 0 {
				return false
			}
		}
	}
	return true
}

// voidNode reports whether Render writes n as a void element, "<name/>",
// which reads back as a self-closing tag. Render goes by the name alone,
// in any namespace.
func voidNode(n *html.Node) bool {
	if a := parsedAtom(n); a != 0 {
		return isVoid(a)
	}
	return isVoid(atom.Lookup([]byte(n.Data)))
}

// hasASCIIUpper reports whether s has a letter from A to Z.
func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// asciiLower returns s with A to Z in lower case, as the tokenizer lowers
// names and keys; s itself when it has none.
func asciiLower(s string) string {
	if !hasASCIIUpper(s) {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
