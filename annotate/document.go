package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Document is an article ready to annotate: its sanitised HTML, the
// canonical text flattened from it, and what the page said about itself.
// A Document is immutable once made; make one with Load or FromSanitized.
type Document struct {
	// ID names the document. It is derived from the canonical text, so two
	// annotators who load the same article get the same ID.
	ID    string
	Title string
	// URL is where the article came from, when it is known.
	URL  string
	Meta Meta
	// HTML is the sanitised article: balanced, with exactly one root
	// element, <article class="doc">.
	HTML string

	text  *Text
	index *TextIndex
	hash  string
}

// Meta is what a page says about itself. Every field may be empty.
type Meta struct {
	Author       string `json:"author,omitempty"`
	Published    string `json:"published,omitempty"`
	SiteName     string `json:"siteName,omitempty"`
	CanonicalURL string `json:"canonicalUrl,omitempty"`
	Description  string `json:"description,omitempty"`
	Language     string `json:"lang,omitempty"`
	// Source is the name of the file or the address the article came from.
	Source string `json:"source,omitempty"`
	// MediaType is how the input was read: "text/html" or "text/plain".
	MediaType string `json:"mediaType,omitempty"`
	// Charset is the encoding the input was decoded from.
	Charset string `json:"charset,omitempty"`
}

// DocumentID is the id of the document whose canonical text has the hex
// SHA-256 textSHA256: "sha256:" and the hash's first 16 digits.
func DocumentID(textSHA256 string) string { return "sha256:" + textSHA256[:16] }

// RootClass is the class of the one root element of every document's HTML.
const RootClass = "doc"

// FromSanitized makes a Document from HTML that this package sanitised
// before (a document's HTML field). It parses the HTML, checks that it has
// the one root element, and flattens it into the canonical text. It does
// not sanitise again: use Load for anything that did not come from
// Document.HTML.
func FromSanitized(sanitized string, title, url string, meta Meta) (*Document, error) {
	root, err := parseRoot(sanitized)
	if err != nil {
		return nil, err
	}
	return newDocument(root, "", rendersAs([]*html.Node{root}, sanitized), title, url, meta)
}

// Stored is what a store keeps of a Document to make it again.
type Stored struct {
	// HTML is Document.HTML, which is already what the parser gives back.
	HTML string
	// Text is the document's canonical text, and TextSHA256 its hex
	// SHA-256, which the document made again must have.
	Text, TextSHA256 string
	// Index is Document.IndexData, or nil: the document's text index, so
	// that its HTML need not be parsed again.
	Index      []byte
	Title, URL string
	Meta       Meta
}

// FromStored makes a Document again from what a store kept of one made
// here. With an index that fits the HTML and the text, it parses nothing;
// otherwise it parses the HTML once (it is not rendered again). HTML that
// does not give the stored text back (changed outside the annotator) is
// made again the long way, by FromSanitized, and must then give it back
// too: otherwise the error wraps ErrStoredText.
func FromStored(s Stored) (*Document, error) {
	if len(s.Index) > 0 {
		// The index is checked against the HTML and the text (their
		// lengths and CRC-32s) and the text's hash is the stored one: the
		// SHA-256 is not computed again.
		t := NewText(s.Text)
		if index, err := indexFromData(s.Index, s.HTML, t); err == nil && len(s.TextSHA256) == 64 {
			return &Document{
				ID: DocumentID(s.TextSHA256), Title: strings.TrimSpace(s.Title), URL: s.URL, Meta: s.Meta,
				HTML: s.HTML, text: t, index: index, hash: s.TextSHA256,
			}, nil
		}
	}
	storedHTML, text, textSHA256 := s.HTML, s.Text, s.TextSHA256
	title, url, meta := s.Title, s.URL, s.Meta
	if root, err := parseRoot(storedHTML); err == nil {
		flat, index := flatten(root)
		if flat == text {
			sum := sha256.Sum256([]byte(flat))
			if hash := hex.EncodeToString(sum[:]); hash == textSHA256 {
				return &Document{
					ID: DocumentID(hash), Title: strings.TrimSpace(title), URL: url, Meta: meta,
					HTML: storedHTML, text: index.Text(), index: index, hash: hash,
				}, nil
			}
		}
	}
	doc, err := FromSanitized(storedHTML, title, url, meta)
	if err != nil {
		return nil, err
	}
	if doc.Text().String() != text || doc.TextSHA256() != textSHA256 {
		return nil, ErrStoredText
	}
	return doc, nil
}

// ErrStoredText is the error of stored HTML that no longer gives back the
// text stored with it.
var ErrStoredText = errors.New("the stored HTML does not give back the stored text")

// newDocument renders root, which must be the document's root element, and
// indexes its text. rendered, when not "", is root's rendering, known
// without running Render (see readClean). stable says that root is a fixed
// point of the parser (see rendersAs), so that it is the tree the browser
// will build from the rendering; otherwise the rendering is parsed again,
// and that tree is indexed and rendered.
func newDocument(root *html.Node, rendered string, stable bool, title, url string, meta Meta) (*Document, error) {
	var b strings.Builder
	if rendered != "" {
		b.WriteString(rendered)
	} else if err := html.Render(&b, root); err != nil {
		return nil, fmt.Errorf("rendering the article: %w", err)
	}
	if !stable {
		// Index the tree that the browser will see: the one parsed back
		// from the rendered HTML, in which the parser's mending has moved
		// elements and adjacent text nodes have merged.
		reparsed, err := parseRoot(b.String())
		if err != nil {
			return nil, err
		}
		// Parsing can reorder attributes; keep the HTML the parser gives back.
		b.Reset()
		if err := html.Render(&b, reparsed); err != nil {
			return nil, fmt.Errorf("rendering the article: %w", err)
		}
		root = reparsed
	}
	text, index := flatten(root)
	sum := sha256.Sum256([]byte(text))
	hash := hex.EncodeToString(sum[:])
	return &Document{
		ID:    DocumentID(hash),
		Title: strings.TrimSpace(title),
		URL:   url,
		Meta:  meta,
		HTML:  b.String(),
		text:  index.Text(),
		index: index,
		hash:  hash,
	}, nil
}

// parseRoot parses s as the children of a <body> and returns its one root
// element, which must be <article class="doc">.
func parseRoot(s string) (*html.Node, error) {
	nodes, err := parseInBody(s)
	if err != nil {
		return nil, fmt.Errorf("parsing the article's HTML: %w", err)
	}
	if len(nodes) != 1 || nodes[0].Type != html.ElementNode || nodes[0].DataAtom != atom.Article || attr(nodes[0], "class") != RootClass {
		return nil, fmt.Errorf("the article's HTML must have exactly one root element <article class=%q>; it has %d top-level nodes", RootClass, len(nodes))
	}
	return nodes[0], nil
}

// Text returns the canonical text with its offset conversions.
func (d *Document) Text() *Text { return d.text }

// Index returns the map between DOM positions and canonical offsets.
func (d *Document) Index() *TextIndex { return d.index }

// TextSHA256 returns the hex SHA-256 of the canonical text's UTF-8 bytes.
func (d *Document) TextSHA256() string { return d.hash }

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}
