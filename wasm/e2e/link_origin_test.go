//go:build !wasm

package e2e

import (
	"strings"
	"testing"
)

// TestAppArticleLinksNeverPointAtTheApp pastes a page whose links are http
// URLs that name no host ("http:evil.com", "http:#notice", "http:?x"), as
// net/url reads absolute URLs, and checks that no link the article shows
// resolves, in the browser, to the annotator's own origin: the page is
// served over http, so the browser resolves each against the app's
// address.
func TestAppArticleLinksNeverPointAtTheApp(t *testing.T) {
	b, _ := openApp(t)
	const page = `<p>Read <a href="http:evil.com">one</a>, <a href="http:#notice">two</a>, ` +
		`<a href="HTTP:?open=x">three</a>, <a href="http:/x">four</a> and <a href="https://example.com/a">five</a>.</p>`
	const pasteAndInspect = `(async (payload) => {
		const done = () => performance.getEntriesByName("annotator:opened").length + performance.getEntriesByName("annotator:open-failed").length;
		const before = done();
		const dt = new DataTransfer();
		dt.setData("text/html", payload);
		document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
		for (let i = 0; i < 500 && done() === before; i++) await new Promise(r => setTimeout(r, 10));
		if (done() === before) return "the app did not answer";
		const links = [...document.querySelectorAll("article.doc a[href]")];
		const own = links.filter(a => new URL(a.href).origin === location.origin).map(a => a.getAttribute("href") + " -> " + a.href);
		return own.length ? own.join(" ") : "ok " + links.length;
	})`
	got := evalJS[string](t, b, pasteAndInspect+"("+jsString(page)+")")
	if got != "ok 1" {
		t.Errorf("links of the article that point at the app (or not one external link kept): %s", got)
	}
	if !strings.Contains(text(t, b, "#article"), "Read one, two, three, four and five.") {
		t.Errorf("the article's text is not shown: %q", text(t, b, "#article"))
	}
}
