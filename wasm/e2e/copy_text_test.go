//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestCopiedTextIsTheSpansText: text selected in the article and copied
// with Ctrl+C is the text that tagging the same selection exports (the
// annotation's "text", the document's text between its offsets): a
// passage quoted from the article in a note, a chat or a spreadsheet is
// found again in the dataset. The browser's own copy wrote one line break
// where the article's text has a blank line (after a headline, a list, a
// table), and a space for a no-break space.
func TestCopiedTextIsTheSpansText(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	grantClipboard(t, b, srv.URL)
	pasteTypes(t, b, map[string]string{"text/plain": "x", "text/html": `<article><h1>Budget row deepens</h1>
<p>The minister said the plan would cost two billion pounds.</p>
<ul><li>First point here</li><li>Second point here</li></ul>
<p>Critics called it a gamble.</p>
<table><tr><td>Cell one</td><td>Cell two</td></tr></table>
<p>It costs 2&nbsp;billion, she said.</p></article>`})
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("she said")`)
	waitStarted(t, b)
	cases := []struct{ name, from, to string }{
		{"a headline and its first paragraph", "deepens", "The minister"},
		{"a list and the paragraph after it", "Second point", "Critics called"},
		{"a table and the paragraph after it", "Cell two", "It costs"},
		{"a no-break space", "costs 2", "billion, she"},
	}
	for i, c := range cases {
		// The selection, as the mouse makes it: from the start of from to
		// the end of to.
		ok := evalJS[bool](t, b, fmt.Sprintf(`(() => {
			const root = document.querySelector("article.doc");
			const find = (s) => {
				const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
				for (let n = w.nextNode(); n; n = w.nextNode()) { const i = n.data.indexOf(s); if (i >= 0) return [n, i]; }
				return null;
			};
			const a = find(%s), z = find(%s);
			if (!a || !z) return false;
			const r = document.createRange();
			r.setStart(a[0], a[1]);
			r.setEnd(z[0], z[1] + %d);
			getSelection().removeAllRanges();
			getSelection().addRange(r);
			document.getElementById("article").focus({preventScroll: true});
			return true;
		})()`, jsString(c.from), jsString(c.to), len([]rune(c.to))))
		if !ok {
			t.Fatalf("%s: no %q or %q in the article", c.name, c.from, c.to)
		}
		evalJS[bool](t, b, `navigator.clipboard.writeText("").then(() => true)`)
		press(t, b, "c", ctrl)
		waitFor(t, b, `navigator.clipboard.readText().then((s) => s !== "")`)
		copied := evalJS[string](t, b, `navigator.clipboard.readText()`)
		press(t, b, "c")
		waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, i+1))
		id := evalJS[string](t, b, `document.querySelector("#entries > li.selected").dataset.id`)
		b.run(chromedp.Click(chromedp.ID("copy-button")))
		waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Copied the export")`)
		f := parseExport(t, []byte(evalJS[string](t, b, `navigator.clipboard.readText()`)))
		exported := ""
		for _, a := range f.Annotations {
			if a.ID == id {
				exported = a.Exact
			}
		}
		if copied != exported {
			t.Errorf("%s: Ctrl+C copied %q, the same selection tagged exports %q", c.name, copied, exported)
		}
		press(t, b, kb.Escape)
	}
}
