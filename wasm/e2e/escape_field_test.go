//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestEscapeFromTheNameGoesToTheArticle: Escape in the toolbar's name
// field leaves it for the article, as the help says Escape does in a
// field, and the name is kept.
func TestEscapeFromTheNameGoesToTheArticle(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	b.run(chromedp.Focus(chromedp.ID("author-input")))
	b.run(chromedp.KeyEvent("Ann"))
	press(t, b, kb.Escape)
	settle(t, b)
	if got := activeID(t, b); got != "article" {
		t.Errorf("after Escape in the name field the focus is on <%s id=%q>, not on the article", evalJS[string](t, b, `document.activeElement.tagName`), got)
	}
	tagPhrase(t, b, "yes we can", "q")
	waitFor(t, b, `document.querySelector("#selected .span-info").textContent.endsWith("by Ann")`)
}
