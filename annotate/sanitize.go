package annotate

import (
	"cmp"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Sanitising happens in three passes over a page:
//
//  1. prepare, on the parsed page: drop what a reader does not see (hidden
//     elements, navigation, controls, media), turn images into their alt
//     text where it says something, put blocks that the policy does not
//     allow in allowed ones (blockStandIn), and resolve relative links;
//  2. bluemonday, with the article policy below: the one security boundary,
//     which passes nothing that is not on its lists;
//  3. finish, on the parsed result: give links their fixed target and rel,
//     and wrap everything in the one root element.
//
// An export's own HTML, parsed, may instead be checked against the same
// lists (keptAsIs, kept.go) and taken when the policy would keep every node
// of it as it is; anything else goes through bluemonday.

// AllowedElements lists every element that a sanitised article may hold,
// besides its root <article class="doc">.
var AllowedElements = []string{
	"a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br",
	"caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
	"dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hr", "i", "ins", "kbd", "li", "main", "mark", "ol", "p", "pre", "q", "rp",
	"rt", "ruby", "s", "samp", "section", "small", "span", "strong", "sub", "summary",
	"sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}

// LinkRel is the rel attribute of every link in an article: the article's
// links never get hold of the app's window, never learn where the reader
// came from and are not endorsed.
const LinkRel = "noopener noreferrer nofollow"

// AltTextClass is the class of the span that stands for an image by its
// alt text.
const AltTextClass = "img-alt"

// attributeRule is one line of the article policy's attributes: attrs
// are allowed on elements (on every element when elements is nil), with a
// value that pattern matches. The policy
// and keptAsIs (kept.go) both read these lines, so that they cannot part.
type attributeRule struct {
	attrs    []string
	elements []string
	pattern  func() *regexp.Regexp
}

// attributeRules are the article policy's attributes, but for a link's
// href, which is a URL (see articlePolicy).
var attributeRules = []attributeRule{
	{[]string{"lang"}, nil, lazyRegexp(`^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$`)},
	{[]string{"dir"}, nil, lazyRegexp(`^(?i:ltr|rtl|auto)$`)},
	{[]string{"title"}, []string{"abbr"}, bluemonday.Paragraph.Regexp},
	{[]string{"class"}, []string{"span"}, lazyRegexp(`^` + AltTextClass + `$`)},
	{[]string{"colspan", "rowspan"}, []string{"td", "th"}, bluemonday.Integer.Regexp},
	{[]string{"scope"}, []string{"th"}, lazyRegexp(`^(?i:row|col|rowgroup|colgroup)$`)},
	{[]string{"span"}, []string{"col", "colgroup"}, bluemonday.Integer.Regexp},
	{[]string{"start"}, []string{"ol"}, bluemonday.Integer.Regexp},
	{[]string{"value"}, []string{"li"}, bluemonday.Integer.Regexp},
	{[]string{"datetime"}, []string{"time", "del", "ins"}, lazyRegexp(`^[0-9T:+\-. Z]{4,40}$`)},
}

// linkSchemes are the URL schemes a link may keep.
var linkSchemes = []string{"http", "https", "mailto"}

// linkNamesHost reports whether u, a link's URL of one of linkSchemes,
// says where it goes as a browser reads it: an http or https URL must name
// its host. net/url takes "https:evil.com", "https:?q" or "https:#notice"
// for absolute URLs without one, but a browser resolves such a URL against
// the address of the page that shows it, when that page has the same
// scheme (the URL standard's "special relative or authority" state): in
// the annotator, a link to the annotator itself.
func linkNamesHost(u *url.URL) bool {
	if u.Scheme != "http" && u.Scheme != "https" {
		return true
	}
	return u.Host != "" && u.Opaque == ""
}

var (
	policyOnce sync.Once
	policy     *bluemonday.Policy
)

// articlePolicy returns the bluemonday policy for articles: text structure
// survives; scripts, styles, forms, frames, objects, media, event handlers,
// images and every URL scheme but http, https and mailto do not.
func articlePolicy() *bluemonday.Policy {
	policyOnce.Do(func() {
		p := bluemonday.NewPolicy()
		p.AllowElements(AllowedElements...)
		p.AllowAttrs("href").OnElements("a")
		for _, s := range linkSchemes {
			p.AllowURLSchemeWithCustomPolicy(s, linkNamesHost)
		}
		p.RequireParseableURLs(true)
		p.AllowRelativeURLs(false)
		p.RequireNoFollowOnLinks(true)
		p.RequireNoReferrerOnLinks(true)
		p.AddTargetBlankToFullyQualifiedLinks(true)
		for _, r := range attributeRules {
			b := p.AllowAttrs(r.attrs...).Matching(r.pattern())
			if r.elements == nil {
				b.Globally()
			} else {
				b.OnElements(r.elements...)
			}
		}
		// What these hold is never article text. (A page's xmp and
		// plaintext reach the policy as pre: see blockStandIn.)
		p.SkipElementsContent("script", "style", "noscript", "template", "title",
			"iframe", "frame", "frameset", "noframes", "noembed", "object", "embed",
			"applet", "video", "audio", "canvas", "svg", "select", "textarea",
			"button", "option", "datalist", "head", "xmp", "plaintext", "dialog")
		policy = p
	})
	return policy
}

// droppedWithContent reports whether prepare removes a with everything
// inside it: what a reader of the article never sees as its text.
func droppedWithContent(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Iframe, atom.Frame,
		atom.Frameset, atom.Object, atom.Embed, atom.Applet, atom.Video, atom.Audio, atom.Canvas,
		atom.Svg, atom.Map, atom.Select, atom.Textarea, atom.Input, atom.Button, atom.Datalist,
		atom.Dialog, atom.Head, atom.Link, atom.Meta, atom.Base, atom.Source, atom.Track, atom.Noframes,
		atom.Noembed, atom.Title:
		return true
	}
	return false
}

// blockStandIn returns the element that prepare puts in the place of an
// element of kind a that a browser shows as a block of its own but that
// the policy does not allow, or 0 for any other kind. The policy would
// drop its tags and keep its text, with nothing between that text and the
// text around it ("<center>Breaking</center><center>News</center>" would
// read "BreakingNews"); its stand-in, which the policy keeps, asks the
// canonical text for the separator the browser shows. Menu and dir are
// lists, shown as ul is; listing, xmp and plaintext are shown as pre is
// (the parser has already read the text of the last two raw, so that it
// is text, not markup). Main, which the policy drops when it has no
// attribute ("x<main>M</main>y" read "xMy"), is shown as a div is.
// Navigation goes with its content (see
// droppedWithContent), but the block it was still sets apart the text
// on either side of it: it leaves an empty stand-in.
func blockStandIn(a atom.Atom) atom.Atom {
	switch a {
	case atom.Center, atom.Fieldset, atom.Form, atom.Hgroup, atom.Legend, atom.Main, atom.Nav, atom.Search:
		return atom.Div
	case atom.Dir, atom.Menu:
		return atom.Ul
	case atom.Listing, atom.Plaintext, atom.Xmp:
		return atom.Pre
	}
	return 0
}

var (
	notBold        = lazyRegexp(`(?i)font-weight\s*:\s*(normal|[1-4]00|lighter)\b`)
	wordListMarker = lazyRegexp(`(?i)mso-list\s*:\s*ignore`)
)

// wordBullets are the bullets Word writes as codes of its symbol fonts:
// Symbol's "·", Courier New's "o", Wingdings' "§", "Ø", "ü", "v" and "¨".
var wordBullets = map[string]string{"·": "•", "o": "◦", "§": "▪", "Ø": "➢", "ü": "✓", "v": "❖", "¨": "•"}

// listMarker returns the text of Word's list marker n, its bullet or
// number with one space after it: a bullet as the character Word shows.
func listMarker(n *html.Node) string {
	m := strings.TrimFunc(strings.Join(leafTexts(n, nil), ""), func(r rune) bool { return r == '\u00a0' || unicode.IsSpace(r) })
	if b, ok := wordBullets[m]; ok {
		m = b
	}
	if m == "" {
		return ""
	}
	return m + " "
}

var hiddenStyle = lazyRegexp(`(?i)(display\s*:\s*none|visibility\s*:\s*hidden)`)

// hasWordFold reports whether s holds word, a lower-case ASCII word, in
// any case of ASCII letters. (No other letter folds to one of "none" or
// "hidden", as the Kelvin sign does to k.)
func hasWordFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for ; j < len(word); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != word[j] {
				break
			}
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

// isHidden reports whether the page hides n from its readers.
func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			// Most styles hide nothing; a style that hides says "none"
			// or "hidden", found faster than the expression runs.
			if (hasWordFold(a.Val, "none") || hasWordFold(a.Val, "hidden")) && hiddenStyle().MatchString(a.Val) {
				return true
			}
		}
	}
	return false
}

// widgetPrefixes are the prefixes of the elements of social widgets
// ("fb:like", "g:plusone"), whose text is the widget's ("Like"), not the
// article's.
var widgetPrefixes = map[string]bool{"fb": true, "g": true, "gcse": true, "esi": true}

// isWidget reports whether c is a widget's element, dropped with its
// content. Other prefixed elements keep their text, as unknown inline
// elements do: Word's smart tags ("<st1:place>Boston</st1:place>") held
// place names, dates and people, which went with them.
func isWidget(c *html.Node) bool {
	if c.Namespace != "" || c.DataAtom != 0 {
		return false
	}
	prefix, _, ok := strings.Cut(c.Data, ":")
	return ok && widgetPrefixes[prefix]
}

// prepare cleans the content tree under root in place before the policy
// sees it. base, when not nil, resolves relative links.
func prepare(root *html.Node, base *url.URL) {
	var next *html.Node
	for c := root.FirstChild; c != nil; c = next {
		next = c.NextSibling
		switch c.Type {
		case html.CommentNode, html.DoctypeNode:
			root.RemoveChild(c)
			continue
		case html.ElementNode:
		default:
			continue
		}
		if dropped := droppedWithContent(c.DataAtom) || isWidget(c); dropped || isHidden(c) {
			// A hidden element leaves nothing: most (hidden, display:
			// none) have no box in a browser either.
			if a := blockStandIn(c.DataAtom); a != 0 && dropped && c.Namespace == "" && !isHidden(c) {
				root.InsertBefore(&html.Node{Type: html.ElementNode, Data: a.String(), DataAtom: a}, c)
			}
			root.RemoveChild(c)
			continue
		}
		if a := blockStandIn(c.DataAtom); a != 0 && c.Namespace == "" {
			c.Data, c.DataAtom = a.String(), a
		}
		switch c.DataAtom {
		case atom.Img:
			if alt := meaningfulAlt(attr(c, "alt")); alt != "" {
				span := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span,
					Attr: []html.Attribute{{Key: "class", Val: AltTextClass}}}
				span.AppendChild(&html.Node{Type: html.TextNode, Data: alt})
				root.InsertBefore(span, c)
			}
			root.RemoveChild(c)
			continue
		case atom.Math:
			// MathML markup is not text, but its symbols are what the
			// formula says: keep them, one space apart.
			span := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span}
			span.AppendChild(&html.Node{Type: html.TextNode, Data: strings.Join(leafTexts(c, nil), " ")})
			root.InsertBefore(span, c)
			root.RemoveChild(c)
			continue
		case atom.A:
			resolveLink(c, base)
		case atom.B, atom.Strong:
			if style := attr(c, "style"); style != "" && notBold().MatchString(style) {
				// Google Docs wraps all it copies in <b
				// style="font-weight:normal">: the policy drops the
				// style, and the whole passage was shown bold.
				c.Data, c.DataAtom, c.Attr = "span", atom.Span, nil
			}
		case atom.Span:
			// Most spans have no style, and few a Word list's: the
			// regular expression runs on those alone.
			if style := attr(c, "style"); strings.Contains(style, "mso-") && wordListMarker().MatchString(style) {
				// Word's list bullet: a code of a symbol font, padded
				// with no-break spaces, which the policy shows as
				// the code ("o", "§") without its font.
				marker := listMarker(c)
				for k := c.FirstChild; k != nil; k = c.FirstChild {
					c.RemoveChild(k)
				}
				c.AppendChild(&html.Node{Type: html.TextNode, Data: marker})
				continue
			}
		}
		prepare(c, base)
	}
}

// resolveLink makes a's href absolute against base, or removes it when it
// cannot be made absolute or points inside the page: a link in an article
// must never navigate the annotator itself.
func resolveLink(a *html.Node, base *url.URL) {
	for i := 0; i < len(a.Attr); i++ {
		if a.Attr[i].Key != "href" || a.Attr[i].Namespace != "" {
			continue
		}
		href := strings.TrimSpace(a.Attr[i].Val)
		u, err := url.Parse(href)
		keep := err == nil && href != "" && !strings.HasPrefix(href, "#")
		if keep && !u.IsAbs() {
			if base == nil {
				keep = false
			} else {
				u = base.ResolveReference(u)
			}
		}
		if !keep {
			a.Attr = append(a.Attr[:i], a.Attr[i+1:]...)
			i--
			continue
		}
		a.Attr[i].Val = u.String()
	}
}

var (
	fileNameAlt = lazyRegexp(`(?i)^[\w\-. ]+\.(jpe?g|png|gif|webp|svg|avif|bmp)$`)
	slugAlt     = lazyRegexp(`^[\w]+([_\-][\w]+)+$`)
)

// leafTexts appends the trimmed text of every text node under n.
func leafTexts(n *html.Node, out []string) []string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			if t := collapseSpace(c.Data); t != "" {
				out = append(out, t)
			}
		}
		out = leafTexts(c, out)
	}
	return out
}

// meaningfulAlt returns the alt text of an image when it says something a
// reader would miss, or "" for empty, file-name and filler alt texts.
func meaningfulAlt(alt string) string {
	alt = strings.Join(strings.Fields(alt), " ")
	switch strings.ToLower(alt) {
	case "", "image", "img", "photo", "picture", "logo", "icon", "spacer", "avatar", "thumbnail", "placeholder":
		return ""
	}
	if fileNameAlt().MatchString(alt) || slugAlt().MatchString(alt) || !strings.ContainsFunc(alt, unicode.IsLetter) {
		return ""
	}
	return alt
}

// sanitizeContent runs the policy over the HTML of the content and returns
// the finished root element, and whether it is a fixed point of the parser
// (see rendersAs): then it is the tree that its rendering parses into,
// once its links are finished and it is wrapped in the root, which change
// no element's place.
//
// bluemonday writes the tokens of well-formed HTML (the rendering of the
// prepared page) as Render writes them, so that parseOwn reads its output
// for most articles (every one of the corpus's 130, tables and all) and
// says whether it renders as itself; the rest is parsed by x/net/html.
func sanitizeContent(content string) (root *html.Node, rendered string, stable bool, err error) {
	return readClean(articlePolicy().Sanitize(content))
}

// sanitizeTree is sanitizeContent of the children of a parsed page's
// content, rendered. The policy reads them as tokens straight from the
// tree when tokenizable says that these are the tokens of their rendering.
func sanitizeTree(content *html.Node) (root *html.Node, rendered string, stable bool, err error) {
	if tokenizable(content) {
		return readClean(articlePolicy().SanitizeTokens(newTreeTokens(content).next))
	}
	var b strings.Builder
	for c := content.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return nil, "", false, err
		}
	}
	return sanitizeContent(b.String())
}

// readClean parses the policy's output clean into the article's root,
// and reports whether the root renders back as clean (see sanitizeContent).
// rendered is the root's rendering when parseOwn read clean, which then
// need not be rendered (ownRendering); "" otherwise.
func readClean(clean string) (root *html.Node, rendered string, stable bool, err error) {
	nodes, written, ok := parseOwn(clean)
	if !ok {
		if nodes, err = parseInBody(clean); err != nil {
			return nil, "", false, err
		}
		stable = rendersAs(nodes, clean) // before the links are finished
		return finishContent(nodes), "", stable, nil
	}
	stable = asWritten(written) // before the links are finished
	root = finishContent(nodes)
	return root, rootOpen + ownRendering(clean, written) + rootClose, stable, nil
}

// rootOpen and rootClose are how Render writes the root element's tags.
const rootOpen, rootClose = `<article class="` + RootClass + `">`, `</article>`

// finishContent wraps nodes, content that the policy keeps as it is, in
// the root element, and finishes their links.
func finishContent(nodes []*html.Node) *html.Node {
	root := &html.Node{Type: html.ElementNode, Data: "article", DataAtom: atom.Article,
		Attr: []html.Attribute{{Key: "class", Val: RootClass}}}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	finishLinks(root)
	return root
}

// finishLinks gives every link that kept its href the same target and rel,
// and takes rel and target off links that have no href.
func finishLinks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.A {
			href := attr(c, "href")
			kept := c.Attr[:0]
			for _, a := range c.Attr {
				if a.Key == "lang" || a.Key == "dir" {
					kept = append(kept, a)
				}
			}
			c.Attr = kept
			if href != "" {
				c.Attr = append(c.Attr,
					html.Attribute{Key: "href", Val: href},
					html.Attribute{Key: "target", Val: "_blank"},
					html.Attribute{Key: "rel", Val: LinkRel})
			}
			// In the order the parser gives a formatting element's
			// attributes (x/net/html sorts them), so that the link
			// renders as it will parse back.
			slices.SortFunc(c.Attr, func(x, y html.Attribute) int {
				return cmp.Or(strings.Compare(x.Namespace, y.Namespace), strings.Compare(x.Key, y.Key), strings.Compare(x.Val, y.Val))
			})
		}
		finishLinks(c)
	}
}
