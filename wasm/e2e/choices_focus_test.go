//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestChoiceKeepsTheFocus: Enter in the article where two annotations
// overlap offers the choice between them; the one chosen with the
// keyboard is edited, as Enter on a single one is: the focus goes to its
// label, not to the page's body with the choice list gone.
func TestChoiceKeepsTheFocus(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "we can", "c")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)

	// The caret inside "we can", within "yes we can".
	selectPhrase(t, b, "yes we can", 0)
	evalJS[chromedp.Void](t, b, `(() => { const s = getSelection(), r = s.getRangeAt(0); s.collapse(r.startContainer, r.startOffset + 5); document.getElementById("article").focus(); })()`)
	press(t, b, kb.Enter)
	waitFor(t, b, `!!document.activeElement.closest("#choices")`)
	press(t, b, kb.Tab) // the second choice
	waitFor(t, b, `document.activeElement === document.querySelectorAll("#choices button")[1]`)
	press(t, b, kb.Enter)
	waitFor(t, b, `document.querySelector("#choices") === null && !!document.querySelector("#entries li.selected")`)
	settle(t, b)
	if got := activeID(t, b); got != "edit-label" {
		t.Errorf("after choosing an annotation the focus is on <%s id=%q>, not on its label", evalJS[string](t, b, `document.activeElement.tagName`), got)
	}
	if got := evalJS[string](t, b, `document.getElementById("edit-label").value`); got != "claim" {
		t.Errorf("the chosen annotation's label is %q, want the claim", got)
	}
}

// TestEscapeFromTheChoiceGoesBackToTheArticle: Escape on the choice
// between overlapping annotations closes it and gives the focus back to
// the article, where Enter offered it, with the caret where it was.
func TestEscapeFromTheChoiceGoesBackToTheArticle(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "we can", "c")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
	selectPhrase(t, b, "yes we can", 0)
	evalJS[chromedp.Void](t, b, `(() => { const s = getSelection(), r = s.getRangeAt(0); s.collapse(r.startContainer, r.startOffset + 5); document.getElementById("article").focus(); })()`)
	press(t, b, kb.Enter)
	waitFor(t, b, `!!document.activeElement.closest("#choices")`)
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#choices") === null`)
	settle(t, b)
	if got := activeID(t, b); got != "article" {
		t.Errorf("after Escape on the choice the focus is on <%s id=%q>, not on the article", evalJS[string](t, b, `document.activeElement.tagName`), got)
	}
	if got := afterCaret(t, b); !strings.HasPrefix(got, "e can”") {
		t.Errorf("back in the article the caret is before %q", abbreviate(got, 30))
	}
}
