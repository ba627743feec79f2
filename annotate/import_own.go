package annotate

// An export's HTML is, nearly always, what this package made: the
// document's root element around content that sanitising again gives back
// unchanged. Such HTML is imported as it is, sanitised and parsed, and not
// made again from a page: parsing it as a page, preparing it and rendering
// it would give the same HTML, as TestOwnHTMLImportsAsLoaded checks on
// every page of the corpus. (In a profile of the browser's first import,
// that was about 40% of loading an export's HTML; the whole import became
// about 14% shorter, as the code left now runs for the first time instead.)
// HTML that sanitising would change, or that does not give back the file's
// text, is loaded as a page, as before.

import (
	"strings"

	"golang.org/x/net/html"
)

// ownDocument returns the document of fd's HTML when that HTML is such a
// fixed point and gives back fd's text; nil otherwise. fd's TextSHA256
// must be known to be its text's: Import validates the file first. text,
// when not nil, is fd.Text's (the validator's), and the document's text
// is then that one.
func ownDocument(fd FileDocument, text *Text) *Document {
	inner, ok := strings.CutPrefix(fd.HTML, rootOpen)
	if ok {
		inner, ok = strings.CutSuffix(inner, rootClose)
	}
	if !ok || len(fd.HTML) > MaxJSONBytes || !isSHA256Hex(fd.TextSHA256) {
		return nil
	}
	root, written := keptRoot(inner)
	if root == nil {
		var stable bool
		var err error
		if root, _, stable, err = sanitizeContent(inner); err != nil || !stable {
			return nil
		}
	}
	// A tree that renders as the file's HTML is the tree the browser builds
	// from that HTML (fixpoint.go): it was parsed from that very HTML, or
	// from the sanitiser's output that renders as itself. And the HTML is
	// what the long way would give too: it is the sanitiser's own output,
	// or what the sanitiser keeps as it is.
	if !written && !rendersAs([]*html.Node{root}, fd.HTML) {
		return nil
	}
	if text != nil && text.String() != fd.Text {
		text = nil
	}
	if text == nil {
		text = NewText(fd.Text) // indexed once: flattenLike takes it when the HTML gives it
	}
	flat, index := flattenLike(root, text)
	if flat == "" || flat != fd.Text {
		return nil
	}
	return &Document{ID: DocumentID(fd.TextSHA256), HTML: fd.HTML, text: index.Text(), index: index, hash: fd.TextSHA256}
}

// keptRoot returns inner parsed and finished in the root element, when the
// article policy keeps every node of it as it is (kept.go); nil otherwise.
// It takes the place of sanitising. HTML as Render writes it is parsed by
// parseOwn, the rest by x/net/html; written reports that parseOwn read it
// and finishing it changed none of its attributes, so that the root
// renders as inner in it (parse_own.go).
func keptRoot(inner string) (root *html.Node, written bool) {
	nodes, own, ok := parseOwn(inner)
	if !ok {
		var err error
		if nodes, err = parseInBody(inner); err != nil {
			return nil, false
		}
	}
	for _, n := range nodes {
		if !keptAsIs(n) {
			return nil, false
		}
	}
	root = finishContent(nodes)
	return root, ok && asWritten(own)
}
