//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestLibraryKeysLeaveTheHiddenDocument: with the library shown, a
// label's key, Delete and Ctrl+Z do not relabel, delete or undo the
// annotations of the document out of sight, nor does the toolbar's Undo
// offer to; back in the article, the annotation is as it was.
func TestLibraryKeysLeaveTheHiddenDocument(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q") // selected
	evalJS[chromedp.Void](t, b, `document.getElementById("library-button").click()`)
	waitFor(t, b, `document.querySelector("#library-table") !== null`)
	b.run(chromedp.Focus(chromedp.ID("library-button")))
	for _, k := range []struct {
		key string
		mod []chromedp.KeyOption
	}{{"c", nil}, {kb.Delete, nil}, {"z", []chromedp.KeyOption{ctrl}}, {kb.Backspace, nil}} {
		press(t, b, k.key, k.mod...)
	}
	settle(t, b)
	if evalJS[bool](t, b, `!document.getElementById("undo-button").disabled`) {
		t.Errorf("the toolbar's Undo, in the library, would undo %q in the document out of sight",
			evalJS[string](t, b, `document.getElementById("undo-button").title`))
	}
	if got := text(t, b, "#notice"); got != "Tagged “yes we can” as quote." {
		t.Errorf("keys pressed in the library changed the hidden document: the app says %q", got)
	}
	evalJS[chromedp.Void](t, b, `document.getElementById("library-button").click()`)
	waitFor(t, b, `document.querySelector("article.doc") !== null`)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	if got := text(t, b, "#entries .badge"); got != "quote" {
		t.Errorf("back in the article the annotation is a %q", got)
	}
}
