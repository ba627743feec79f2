package annotate

// HTML that the article policy keeps as it is needs no sanitising: a tree
// whose elements are all ones the policy allows, each with only
// attributes it allows and values it keeps unchanged, is what bluemonday
// would give back. An export's HTML is nearly always such a tree, since
// this package made it, and checking the tree costs a walk, where running
// bluemonday over its HTML cost about 80 ms of a first import in the
// browser (BENCH.md, issue 9's twelfth pass).
//
// keptAsIs may say no to a tree that the policy would keep, and the HTML is
// then sanitised as before; it must never say yes to one that the policy
// would change. TestKeptAsIsAgreesWithPolicy and FuzzKeptAsIs hold it to
// that. The rules it checks are the policy's own lines (attributeRules,
// linkSchemes, AllowedElements); what it adds is bluemonday's treatment of
// links and of elements left with no attribute.

import (
	"net/url"
	"slices"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// droppedWithoutAttributes are the allowed elements that bluemonday takes
// out, keeping their content, when they have no attribute left: a link
// with no target, a bdo with no direction, a main.
// TestKeptAsIsAgreesWithPolicy checks the list against bluemonday.
var droppedWithoutAttributes = []string{"a", "bdo", "main"}

// allowedElementSet is AllowedElements as a set, made on first use.
var allowedElementSet = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool, len(AllowedElements))
	for _, e := range AllowedElements {
		set[e] = true
	}
	return set
})

// keptAsIs reports whether the article policy keeps n exactly as it is,
// with everything under it: n is text, or an allowed element with allowed
// attributes and content that is kept as it is.
func keptAsIs(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return true
	case html.ElementNode:
		if n.Namespace != "" || !allowedElementSet()[n.Data] || !attributesKept(n) {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !keptAsIs(c) {
				return false
			}
		}
		return true
	}
	return false // comments, and anything else the policy drops
}

// attributesKept reports whether the policy keeps every attribute of e,
// an allowed element, and keeps e itself. A link's rel and target are
// taken only beside an href: finishLinks sets them, and rendersAs then
// tells whether they were as it sets them.
func attributesKept(e *html.Node) bool {
	kept, href := 0, false
	for _, a := range e.Attr {
		switch {
		case a.Namespace != "":
			return false
		case e.Data == "a" && a.Key == "href":
			if !linkKept(a.Val) {
				return false
			}
			kept++
			href = true
		case e.Data == "a" && (a.Key == "rel" || a.Key == "target"):
		case attributeAllowed(e.Data, a.Key, a.Val):
			kept++
		default:
			return false
		}
	}
	if !href && len(e.Attr) > kept {
		return false // a rel or target that the policy would drop
	}
	return kept > 0 || !slices.Contains(droppedWithoutAttributes, e.Data)
}

// attributeAllowed reports whether a line of the policy allows the
// attribute key with value val on element.
func attributeAllowed(element, key, val string) bool {
	for _, r := range attributeRules {
		if slices.Contains(r.attrs, key) && (r.elements == nil || slices.Contains(r.elements, element)) && r.pattern().MatchString(val) {
			return true
		}
	}
	return false
}

// linkKept reports whether the policy keeps href as it is: an absolute
// URL of an allowed scheme, with no white space, that parses and prints
// as itself (bluemonday writes the URL as net/url prints it), and names
// its host if it is http or https (linkNamesHost).
func linkKept(href string) bool {
	if strings.ContainsAny(href, " \t\n\r\f\v") {
		return false
	}
	u, err := url.Parse(href)
	return err == nil && slices.Contains(linkSchemes, u.Scheme) && linkNamesHost(u) && u.String() == href
}
