package annotate

import (
	"net/url"
	"strings"
)

// IsLink reports whether text is one web address and nothing else: what a
// browser puts on the clipboard for "Copy link address", and as the plain
// text of a link dragged from another tab. Such text is the address of a
// page, not its article: opened as one, it gave a document whose whole
// text was the address (or the link's few words), added to the library.
// The annotator fetches nothing from the network, so the page itself has
// to be saved and opened.
func IsLink(text string) bool {
	s := strings.TrimSpace(text)
	if s == "" || strings.ContainsAny(s, " \t\r\n\f") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
