package workspace

import (
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestSiteOfAddresses: the library's Site column names the site as a
// reader knows it, whatever way the page's address is written.
func TestSiteOfAddresses(t *testing.T) {
	for address, want := range map[string]string{
		"https://www.bbc.co.uk/news/1":             "bbc.co.uk",
		"https://WWW.BBC.CO.UK/news/1":             "bbc.co.uk", // a host is case-insensitive
		"https://сайт.рф/news":                     "сайт.рф",
		"http://127.0.0.1:8080/article":            "127.0.0.1",
		"http://[::1]:8000/a":                      "::1",
		"https://www.lemonde.fr./pixels/article/1": "lemonde.fr", // the root's dot
	} {
		if got := Site(annotate.Meta{}, address); got != want {
			t.Errorf("Site(%q) = %q, want %q", address, got, want)
		}
	}
}

// TestSiteOfInternationalDomainNames: an address whose host is an
// internationalised domain name, written in the ASCII form that pages'
// canonical links and og:url often use (and that a browser's Save as
// records), shows as its readers know it, as the browser's address bar
// shows it: "xn--80aswg.xn--p1ai" is unreadable.
func TestSiteOfInternationalDomainNames(t *testing.T) {
	for address, want := range map[string]string{
		"https://xn--80aswg.xn--p1ai/news":  "сайт.рф",
		"https://www.xn--mnchen-3ya.de/a/1": "münchen.de",
	} {
		if got := Site(annotate.Meta{}, address); got != want {
			t.Errorf("Site(%q) = %q, want %q", address, got, want)
		}
	}
}
