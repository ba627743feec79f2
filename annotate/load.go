package annotate

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxInputBytes is the largest input Load accepts: 10 MiB, six times the
// largest real article page we have met, and about a second of sanitising
// in the browser.
const MaxInputBytes = 10 << 20

// Errors that Load wraps with the details of the input.
var (
	ErrEmpty    = errors.New("the input is empty")
	ErrTooLarge = errors.New("the input is too large")
	ErrBinary   = errors.New("the input is not text")
	ErrEncoding = errors.New("the input's character encoding is not supported")
)

// Source says where input came from, so that Load can tell how to read it.
type Source struct {
	// Progress, when not nil, is told as Load reaches each of its steps,
	// so that a caller can show how far a large page has come. step counts
	// from 1 to steps.
	Progress func(step, steps int, what string)

	// Name is the file name or the title to fall back on. Its extension
	// (.html, .htm, .xhtml, .txt) tells HTML from text when MediaType is
	// empty.
	Name string
	// MediaType is a MIME type such as "text/html; charset=utf-8", when
	// known. A charset parameter counts as a declaration.
	MediaType string
	// URL is the address of the page, when known. It resolves the page's
	// relative links and is the document's URL unless the page names a
	// canonical one.
	URL string
}

// Load reads an article from data: an HTML page (a whole page or a
// fragment) or plain text. It decodes the characters, sanitises the
// HTML, pulls out the page's title and metadata, and flattens the result
// into the canonical text.
//
// Characters are decoded by, in order: a byte-order mark; valid UTF-8,
// which is trusted over any declaration; the charset the media type or
// the page declares; and Windows-1252, as browsers do. HTML whose only
// root is already <article class="doc"> (a document's own HTML) is
// sanitised again without being wrapped twice.
//
// Empty, binary and oversized input, and input in an encoding that cannot
// be read, is refused with an error that wraps ErrEmpty, ErrBinary,
// ErrTooLarge or ErrEncoding.
func Load(data []byte, src Source) (*Document, error) {
	name := src.Name
	if name == "" {
		name = "the input"
	}
	if len(data) > MaxInputBytes {
		return nil, fmt.Errorf("%s is %s; the annotator opens articles of up to %s: %w",
			name, formatSize(len(data)), formatSize(MaxInputBytes), ErrTooLarge)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s has no text in it: %w", name, ErrEmpty)
	}
	mediaType, params, _ := mime.ParseMediaType(src.MediaType)
	isHTML := looksLikeHTML(data, mediaType, src.Name)
	src.report(StepDecode)
	text, charset, err := decode(data, params["charset"], isHTML)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("%s has no text in it: %w", name, ErrEmpty)
	}
	meta := Meta{Source: src.Name, Charset: charset}
	if isHTML {
		meta.MediaType = "text/html"
		return loadHTML(text, src, meta)
	}
	meta.MediaType = "text/plain"
	return loadPlainText(text, src, meta)
}

// looksLikeHTML tells HTML from plain text by the media type, then the file
// name's extension, then the first thing in the data.
func looksLikeHTML(data []byte, mediaType, name string) bool {
	switch mediaType {
	case "text/html", "application/xhtml+xml":
		return true
	case "text/plain", "text/markdown":
		return false
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	case ".txt", ".text", ".md":
		return false
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(head) > 512 {
		head = head[:512]
	}
	lower := bytes.ToLower(head)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<meta", "<!--", "<h1", "<h2", "<section", "<table", "<ul", "<ol", "<blockquote", "<span", "<a "} {
		if bytes.HasPrefix(lower, []byte(p)) {
			return true
		}
	}
	return false
}

// loadHTML sanitises a page and makes it a Document.
func loadHTML(page string, src Source, meta Meta) (*Document, error) {
	src.report(StepParse)
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("%s could not be read as HTML: %w", src.Name, err)
	}
	info := readPageMeta(doc)
	meta.Author, meta.Published, meta.SiteName = info.Author, info.Published, info.SiteName
	meta.CanonicalURL, meta.Description, meta.Language = info.CanonicalURL, info.Description, info.Language

	docURL := src.URL
	if docURL == "" {
		docURL = info.CanonicalURL
	}
	base := baseURL(info.Base, src.URL, info.CanonicalURL)
	content := contentRoot(doc)
	prepare(content, base)

	var b strings.Builder
	for c := content.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return nil, fmt.Errorf("%s could not be read as HTML: %w", src.Name, err)
		}
	}
	src.report(StepSanitise)
	root, err := sanitizeContent(b.String())
	if err != nil {
		return nil, fmt.Errorf("%s could not be sanitised: %w", src.Name, err)
	}
	title := info.Title
	if title == "" {
		title = firstHeading(root)
	}
	if title == "" {
		title = titleFromName(src.Name)
	}
	src.report(StepIndex)
	d, err := newDocument(root, title, docURL, meta)
	if err != nil {
		return nil, err
	}
	if d.Text().Len() == 0 {
		return nil, fmt.Errorf("%s has no readable text once scripts, styles and hidden parts are removed: %w", name(src), ErrEmpty)
	}
	return d, nil
}

func name(src Source) string {
	if src.Name == "" {
		return "the input"
	}
	return src.Name
}

// contentRoot returns the element whose children are the article: the
// body, or the children of a document's own <article class="doc"> root
// when the page is one.
func contentRoot(doc *html.Node) *html.Node {
	body := findElement(doc, atom.Body)
	if body == nil {
		return doc
	}
	var only *html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && only == nil:
			only = c
		case c.Type == html.ElementNode, c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return body
		}
	}
	if only != nil && only.DataAtom == atom.Article && attr(only, "class") == RootClass {
		return only
	}
	return body
}

// baseURL returns the first absolute URL among a page's <base href>, the
// address it came from and its canonical URL, resolving <base> against the
// address.
func baseURL(base, from, canonical string) *url.URL {
	var fromURL *url.URL
	if u, err := url.Parse(from); err == nil && u.IsAbs() {
		fromURL = u
	}
	if u, err := url.Parse(base); err == nil && base != "" {
		if u.IsAbs() {
			return u
		}
		if fromURL != nil {
			return fromURL.ResolveReference(u)
		}
	}
	if fromURL != nil {
		return fromURL
	}
	if u, err := url.Parse(canonical); err == nil && u.IsAbs() {
		return u
	}
	return nil
}

// firstHeading returns the text of the first h1 under root, or "".
func firstHeading(root *html.Node) string {
	if h := findElement(root, atom.H1); h != nil {
		return collapseSpace(textContent(h))
	}
	return ""
}

// titleFromName makes a title out of a file name.
func titleFromName(name string) string {
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	if base == "." || base == "/" {
		return ""
	}
	return strings.TrimSuffix(base, path.Ext(base))
}

// loadPlainText makes a Document of plain text: paragraphs are separated
// by blank lines, and a single line break stays a line break.
func loadPlainText(text string, src Source, meta Meta) (*Document, error) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	root := &html.Node{Type: html.ElementNode, Data: "article", DataAtom: atom.Article,
		Attr: []html.Attribute{{Key: "class", Val: RootClass}}}
	var paragraphs []string
	for _, p := range splitParagraphs(text) {
		paragraphs = append(paragraphs, p)
		el := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		for i, line := range strings.Split(p, "\n") {
			if i > 0 {
				el.AppendChild(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br})
			}
			el.AppendChild(&html.Node{Type: html.TextNode, Data: line})
		}
		root.AppendChild(el)
	}
	title := titleFromName(src.Name)
	if len(paragraphs) > 1 {
		if first := paragraphs[0]; !strings.Contains(first, "\n") && RuneCount(first) <= 150 && !strings.HasSuffix(first, ".") {
			title = first
		}
	}
	src.report(StepIndex)
	return newDocument(root, title, src.URL, meta)
}

// The steps of Load, as Source.Progress is told of them.
const (
	StepDecode = iota + 1
	StepParse
	StepSanitise
	StepIndex
	loadSteps = StepIndex
)

var stepNames = [...]string{
	StepDecode:   "reading the characters",
	StepParse:    "parsing the page",
	StepSanitise: "sanitising",
	StepIndex:    "building the text and its index",
}

// report tells src.Progress that Load has reached step.
func (src Source) report(step int) {
	if src.Progress != nil {
		src.Progress(step, loadSteps, stepNames[step])
	}
}

// splitParagraphs splits text at blank lines and trims each paragraph's
// lines.
func splitParagraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.Trim(line, " \t\f")
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// findElement returns the first element with atom a under n, depth first.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if found := findElement(c, a); found != nil {
			return found
		}
	}
	return nil
}

// textContent returns the concatenated text of the nodes under n.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapseSpace trims s and turns every run of white space in it into one
// space.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// formatSize writes a byte count for people.
func formatSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
