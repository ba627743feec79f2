package annotate

// This file keeps the way in: Load turns the bytes of an article into a
// Document, and every way it can refuse them says what is wrong in the
// user's terms, names the input and says what to do.

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"path"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The kinds of refusal. Load's errors wrap one of them, for errors.Is;
// their own messages are whole sentences in words, naming the input. The
// message of every refusal for want of text contains ErrEmpty's words,
// for callers that match text rather than use errors.Is.
var (
	ErrEmpty    = errors.New("no text to annotate")
	ErrTooLarge = errors.New("the input is too large")
	ErrBinary   = errors.New("the input is not text")
	ErrEncoding = errors.New("the input's character encoding is not supported")
	ErrHTML     = errors.New("the input could not be read as HTML")
)

// loadError is a refusal in words: Error is the whole message, with no
// Go-flavoured tail, and errors.Is finds its kind.
type loadError struct {
	msg  string
	kind error
}

func (e *loadError) Error() string { return e.msg }
func (e *loadError) Unwrap() error { return e.kind }

// refusal makes a loadError of kind with a formatted message.
func refusal(kind error, format string, args ...any) error {
	return &loadError{msg: fmt.Sprintf(format, args...), kind: kind}
}

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
	// MediaType is a declared MIME type such as "text/html;
	// charset=iso-8859-1": an HTTP Content-Type, or a type the user chose.
	// Its charset parameter counts as a declaration of the encoding, and
	// wins over the page's own <meta charset>. A type guessed from a file
	// name is not a declaration: make the Source of a file with FileSource.
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
// Characters are decoded by, in order: a byte-order mark (or, in a page
// that declares no charset, an XML declaration in UTF-16); valid UTF-8,
// which is trusted over any declaration; the charset the media type or
// the page declares; and Windows-1252, as browsers do. HTML whose only
// root is already <article class="doc"> (a document's own HTML) is
// sanitised again without being wrapped twice.
//
// Empty, binary and oversized input (over ArticleLimit), input in an
// encoding that cannot be read, and a page with no readable text are
// refused with an error that wraps ErrEmpty, ErrBinary, ErrTooLarge,
// ErrEncoding or ErrHTML and says, in words, what is wrong and what to do.
//
// An article whose sanitised HTML and text alone would fill more than half
// of an export (see limits.go) is refused too, with ErrTooLarge.
func Load(data []byte, src Source) (*Document, error) {
	d, err := load(data, src, ArticleLimit)
	if err != nil {
		return nil, err
	}
	if err := checkExportable(d, src.name()); err != nil {
		return nil, err
	}
	return d, nil
}

// load is Load with the limit that bounds data: ArticleLimit for an
// article, or the limit of the file that the data came out of.
func load(data []byte, src Source, limit Limit) (*Document, error) {
	name := src.name()
	if err := limit.Check(name, int64(len(data))); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, refusal(ErrEmpty, "%s is empty: it has no text to annotate; check that it is the file you meant to open", name)
	}
	data = trimClipboardHeader(data)
	mediaType, params, _ := mime.ParseMediaType(src.MediaType)
	isHTML := looksLikeHTML(data, mediaType, src.Name)
	src.report(StepDecode)
	text, charset, err := decode(data, params["charset"], isHTML, name)
	if err != nil {
		return nil, err
	}
	if charset == replacement {
		// A page of one U+FFFD is no article: say why there is no more.
		return nil, refusal(ErrEncoding, "%s says it is written in ISO-2022-KR, ISO-2022-CN or HZ, which browsers do not read, for safety "+
			"(they show the whole page as one “\ufffd”): save it as UTF-8 and open it again", name)
	}
	if strings.TrimSpace(text) == "" {
		return nil, refusal(ErrEmpty, "%s holds only blank space and control characters: no text to annotate; check that it is the file you meant to open", name)
	}
	meta := Meta{Source: src.Name, Charset: charset}
	if isHTML {
		if isXHTML(mediaType, src.Name) {
			text = expandSelfClosing(text)
		}
		meta.MediaType = "text/html"
		return loadHTML(text, src, meta)
	}
	meta.MediaType = "text/plain"
	return loadPlainText(text, src, meta)
}

// cfHTMLLine is a line of the description that Windows puts before the
// HTML on its clipboard (CF_HTML): "Version:0.9", then "StartHTML:…" and
// the other offsets, each on its own line.
var cfHTMLLine = lazyRegexp(`^[A-Za-z]+:[^<\r\n]*(\r\n|\r|\n)`)

// trimClipboardHeader returns data without the CF_HTML description at
// its start, if it has one: HTML that came through a clipboard that
// passes Windows' format on as it is (a remote desktop's, a virtual
// machine's) starts with it, and it is not the article's text.
func trimClipboardHeader(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte("Version:")) {
		return data
	}
	rest, keys := data, 0
	for {
		m := cfHTMLLine().Find(rest)
		if m == nil {
			break
		}
		rest, keys = rest[len(m):], keys+1
	}
	if keys < 2 || !bytes.Contains(data[:len(data)-len(rest)], []byte("StartHTML:")) {
		return data
	}
	return rest
}

// HTMLPageInstead says what a file that should be annotations (an export, a dataset)
// is when it opens as an HTML page: most often a page saved under the
// wrong name, or the error page of a server saved in a download's place.
// The validator and the reading of mixed files say it alike.
const HTMLPageInstead = "an HTML page, not a file of annotations: a web page saved under this name, or a server's error page saved in the file's place. To open a page as an article, name it .html"

// LooksLikeHTMLPage reports whether data, whatever its name, opens as an
// HTML page does (see HTMLPageInstead).
func LooksLikeHTMLPage(data []byte) bool { return looksLikeHTML(data, "", "") }

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
	content, info, err := preparePage(page, src.URL)
	if err != nil {
		return nil, notHTML(src, err)
	}
	meta.Author, meta.Published, meta.SiteName = info.Author, info.Published, info.SiteName
	meta.CanonicalURL, meta.Description, meta.Language = info.CanonicalURL, info.Description, info.Language

	docURL := src.URL
	if docURL == "" {
		docURL = info.CanonicalURL
	}
	src.report(StepSanitise)
	root, rendered, stable, err := sanitizeTree(content)
	if err != nil {
		return nil, notHTML(src, err)
	}
	title := info.Title
	if title == "" {
		title = firstHeading(root)
	}
	if title == "" {
		title = TitleFromName(src.Name)
	}
	src.report(StepIndex)
	d, err := newDocument(root, rendered, stable, title, docURL, meta)
	if err != nil {
		return nil, notHTML(src, err)
	}
	if d.Text().Len() == 0 {
		return nil, refusal(ErrEmpty, "%s has no text to annotate once its scripts, styles and hidden parts are removed: "+
			"the page may fill in its article with a script; open the article in a browser, then copy its text and paste it, or save the page once it has loaded", src.name())
	}
	return d, nil
}

// preparePage parses page and returns what the policy is to see: its
// content (see contentRoot), prepared with links resolved against the
// page's base, from, or its canonical address; and what its head says.
func preparePage(page, from string) (*html.Node, pageInfo, error) {
	doc, err := parsePage(page)
	if err != nil {
		return nil, pageInfo{}, err
	}
	info := readPageMeta(doc)
	content := contentRoot(doc)
	keepDirection(doc, content)
	prepare(content, baseURL(info.Base, from, info.CanonicalURL))
	return content, info, nil
}

// notHTML is the refusal of a page that the HTML parser could not read.
// With strings as input and deep nesting flattened that should not
// happen; if it does, the text of the page is still worth having.
func notHTML(src Source, err error) error {
	return refusal(ErrHTML, "%s could not be read as a web page (%v): save it again from the browser, or open its text as a .txt file", src.name(), err)
}

// name returns how messages call the input: its name, or "the input".
func (src Source) name() string {
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

// keepDirection keeps the direction that a page declares on its <html> or
// <body> (as Arabic and Hebrew news sites do, once for the whole page),
// with the language declared beside it: content, the body, gets its
// children wrapped in a <div> that carries them, which the policy keeps.
// Without it an Arabic article was shown left to right, in the app's own
// language, and End went to the line's start. A page that declares a
// language alone is left as it is (its text reads as before, and its
// stored HTML is what it was).
func keepDirection(doc, content *html.Node) {
	if content.Type != html.ElementNode || content.DataAtom != atom.Body || content.FirstChild == nil {
		return
	}
	var attrs []html.Attribute
	for _, key := range []string{"dir", "lang"} {
		v := strings.TrimSpace(attr(content, key))
		if v == "" {
			if root := findElement(doc, atom.Html); root != nil {
				v = strings.TrimSpace(attr(root, key))
			}
		}
		if v != "" {
			attrs = append(attrs, html.Attribute{Key: key, Val: v})
		}
	}
	if len(attrs) == 0 || attrs[0].Key != "dir" {
		return
	}
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div, Attr: attrs}
	for c := content.FirstChild; c != nil; c = content.FirstChild {
		content.RemoveChild(c)
		div.AppendChild(c)
	}
	content.AppendChild(div)
}

// rightToLeft are the scripts written from right to left.
var rightToLeft = []*unicode.RangeTable{unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana,
	unicode.Nko, unicode.Samaritan, unicode.Mandaic, unicode.Adlam, unicode.Hanifi_Rohingya}

// hasRightToLeft reports whether s has a letter of a right-to-left script.
func hasRightToLeft(s string) bool {
	for _, r := range s {
		if r >= 0x0590 && unicode.IsOneOf(rightToLeft, r) {
			return true
		}
	}
	return false
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

// TitleFromName makes a title out of a file name: its last part, without
// its extension. It is the title of an article that names none.
func TitleFromName(name string) string {
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
		// A paragraph in a right-to-left script reads in the direction of
		// its own text: plain text declares none, and an Arabic or Hebrew
		// one was shown left to right. (Only those: the others' HTML is
		// what it was.)
		el := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		if hasRightToLeft(p) {
			el.Attr = []html.Attribute{{Key: "dir", Val: "auto"}}
		}
		for i, line := range strings.Split(p, "\n") {
			if i > 0 {
				el.AppendChild(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br})
			}
			el.AppendChild(&html.Node{Type: html.TextNode, Data: line})
		}
		root.AppendChild(el)
	}
	title := TitleFromName(src.Name)
	if len(paragraphs) > 1 {
		if first := paragraphs[0]; !strings.Contains(first, "\n") && RuneCount(first) <= 150 && !strings.HasSuffix(first, ".") {
			title = first
		}
	}
	src.report(StepIndex)
	return newDocument(root, "", false, title, src.URL, meta)
}

// The steps of Load, as Source.Progress is told of them.
const (
	StepDecode = iota + 1
	StepParse
	StepSanitise
	StepIndex
	// LoadSteps is how many steps Load reports.
	LoadSteps = StepIndex
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
		src.Progress(step, LoadSteps, stepNames[step])
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
