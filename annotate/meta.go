package annotate

import (
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageInfo is what a page says about itself in its head and markup.
type pageInfo struct {
	Title, Author, Published, SiteName        string
	CanonicalURL, Description, Language, Base string
}

// readPageMeta reads a parsed page's metadata. For each field it takes the
// first of: Open Graph and article meta tags, JSON-LD (schema.org), plain
// meta tags, and the markup (<title>, <time>, rel=author).
func readPageMeta(doc *html.Node) pageInfo {
	metas := map[string]string{} // lower-cased name or property → first content
	var info pageInfo
	var titleEl, timeEl, timePublished, authorLink string
	var ld []any
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				info.Language = strings.TrimSpace(attr(n, "lang"))
			case atom.Meta:
				content := collapseSpace(attr(n, "content"))
				for _, key := range []string{"property", "name", "itemprop"} {
					for _, k := range strings.Fields(strings.ToLower(attr(n, key))) {
						k = dublinCore(k)
						if _, seen := metas[k]; !seen && content != "" {
							metas[k] = content
						}
					}
				}
			case atom.Title:
				if titleEl == "" && n.Namespace == "" {
					titleEl = collapseSpace(textContent(n))
				}
			case atom.Link:
				rel := strings.ToLower(attr(n, "rel"))
				if hasWord(rel, "canonical") && info.CanonicalURL == "" {
					info.CanonicalURL = absoluteURL(attr(n, "href"))
				}
			case atom.Base:
				if info.Base == "" {
					info.Base = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Time:
				// The one marked as the date published, else the first not
				// marked as the date of a change: a dateline that says
				// "Last updated …" first is not when the page came out.
				at := strings.TrimSpace(attr(n, "datetime"))
				prop := strings.Fields(strings.ToLower(attr(n, "itemprop")))
				class := strings.Fields(strings.ToLower(attr(n, "class")))
				switch {
				case at == "":
				case slices.Contains(prop, "datepublished") || slices.Contains(class, "published") || slices.Contains(class, "dt-published"):
					// hAtom's "published" (WordPress writes a post never
					// changed since as "entry-date published updated").
					if timePublished == "" {
						timePublished = at
					}
				case slices.Contains(prop, "datemodified") || slices.Contains(class, "updated") || slices.Contains(class, "dt-updated") || slices.Contains(class, "modified"):
				case timeEl == "":
					timeEl = at
				}
			case atom.A:
				if authorLink == "" && hasWord(strings.ToLower(attr(n, "rel")), "author") {
					authorLink = collapseSpace(textContent(n))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					var v any
					if json.Unmarshal([]byte(unwrapCDATA(textContent(n))), &v) == nil {
						ld = append(ld, v)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	article := findLDArticle(ld)
	first := func(values ...string) string {
		for _, v := range values {
			if v = collapseSpace(v); v != "" {
				return v
			}
		}
		return ""
	}
	info.Title = first(metas["og:title"], metas["twitter:title"], ldTitle(article, titleEl), metas["dc.title"], metas["dcterms.title"], titleEl)
	info.Author = first(personName(metas["article:author"]), ldName(article, "author"), metas["author"], metas["dc.creator"], metas["dcterms.creator"], metas["byl"], authorLink)
	info.Published = first(metas["article:published_time"], ldString(article, "datePublished"), metas["datepublished"],
		metas["date"], metas["pubdate"], metas["dc.date"], metas["dcterms.issued"], metas["dcterms.date"], metas["dcterms.created"], timePublished, timeEl)
	info.SiteName = first(metas["og:site_name"], ldName(article, "publisher"), metas["application-name"])
	info.Description = first(metas["og:description"], ldString(article, "description"), metas["description"], metas["twitter:description"])
	if info.CanonicalURL == "" {
		info.CanonicalURL = first(absoluteURL(metas["og:url"]), absoluteURL(ldString(article, "url")))
	}
	return info
}

// dublinCore spells a Dublin Core key as the code looks it up: sites
// write "DC.creator", "dc:creator" (RDFa's prefix, kept by many CMSs in
// name attributes) and "dcterms:created" alike, and an author written
// with the colon was not read.
func dublinCore(k string) string {
	for _, p := range [...]string{"dc:", "dcterms:"} {
		if strings.HasPrefix(k, p) {
			return p[:len(p)-1] + "." + k[len(p):]
		}
	}
	return k
}

// unwrapCDATA returns a script's text without the CDATA section that
// wraps it, as many sites write their JSON-LD ("<![CDATA[{…}]]>", or
// "//<![CDATA[" … "//]]>" for scripts): the JSON inside was thrown away
// with the wrapper, and the article's author and date with it.
func unwrapCDATA(s string) string {
	t := strings.TrimSpace(s)
	i := strings.Index(t, "<![CDATA[")
	j := strings.LastIndex(t, "]]>")
	if i < 0 || i > 8 || j < i || len(t)-j > 8 {
		return s
	}
	t = strings.TrimSpace(t[i+len("<![CDATA[") : j])
	t = strings.TrimSpace(strings.TrimPrefix(t, "*/"))
	for _, end := range []string{"//", "/*"} {
		t = strings.TrimSpace(strings.TrimSuffix(t, end))
	}
	return t
}

// ldTitle returns the title of a JSON-LD article: its "headline", but
// its "name" when the two differ and the page's <title> holds the name
// and not the headline. Wikipedia's headline is its short description
// ("Wikimedia list article"), its name the article's.
func ldTitle(article map[string]any, titleEl string) string {
	headline, name := ldString(article, "headline"), ldString(article, "name")
	title := strings.ToLower(titleEl)
	if name != "" && name != headline && strings.Contains(title, strings.ToLower(collapseSpace(name))) &&
		(headline == "" || !strings.Contains(title, strings.ToLower(collapseSpace(headline)))) {
		return name
	}
	return headline
}

// hasWord reports whether the space-separated list s holds w.
func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// absoluteURL returns s when it is an absolute http or https URL, else "".
func absoluteURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// personName drops an article:author value that is a profile URL rather
// than a name.
func personName(s string) string {
	if absoluteURL(s) != "" {
		return ""
	}
	return s
}

// findLDArticle returns the first JSON-LD object whose @type is an article
// of some kind, looking inside arrays and @graph.
func findLDArticle(values []any) map[string]any {
	var found map[string]any
	var visit func(any)
	visit = func(v any) {
		if found != nil {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				visit(e)
			}
		case map[string]any:
			if isArticleType(v["@type"]) {
				found = v
				return
			}
			if g, ok := v["@graph"]; ok {
				visit(g)
			}
		}
	}
	visit(values)
	return found
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldString returns a string property of a JSON-LD object, or "".
func ldString(obj map[string]any, key string) string {
	if s, ok := obj[key].(string); ok {
		return s
	}
	return ""
}

// ldName returns the name of a JSON-LD property that is a person or an
// organisation, a list of them (names joined with commas) or a plain string.
func ldName(obj map[string]any, key string) string {
	var names []string
	var visit func(any)
	visit = func(v any) {
		switch v := v.(type) {
		case string:
			names = append(names, v)
		case map[string]any:
			if s, ok := v["name"].(string); ok {
				names = append(names, s)
			}
		case []any:
			for _, e := range v {
				visit(e)
			}
		}
	}
	visit(obj[key])
	return strings.Join(names, ", ")
}
