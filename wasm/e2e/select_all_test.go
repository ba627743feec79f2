//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCtrlASelectsTheArticle: Ctrl+A (⌘A on a Mac) with the focus, or
// the caret, in the article selects the article's text, all of it and
// nothing of the toolbar or the sidebar, which can then be tagged; it
// selected the whole page, and tagging that was refused as crossing the
// article's edge. In a field it is the field's own select-all.
func TestCtrlASelectsTheArticle(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	// The selection is the article's text, from its first character to
	// its last, and no more.
	articleSelected := `(() => {
		const s = getSelection(), art = document.querySelector("article.doc");
		if (s.rangeCount !== 1 || s.isCollapsed || !art.contains(s.anchorNode) || !art.contains(s.focusNode)) return false;
		return s.toString().replace(/\s+/g, " ").trim() === art.innerText.replace(/\s+/g, " ").trim();
	})()`

	press(t, b, "a", alt) // the focus to the article, as the keyboard takes it there
	waitFor(t, b, `document.activeElement && document.activeElement.id === "article"`)
	press(t, b, "a", ctrl)
	waitFor(t, b, articleSelected)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1 && document.querySelector("#notice-said").textContent.startsWith("Tagged")`)

	// ⌘A, with a caret left in the article and the focus on the page.
	evalJS[bool](t, b, `(() => {
		const p = document.querySelector("article.doc p");
		getSelection().collapse(p.firstChild, 2);
		document.activeElement.blur();
		return document.activeElement === document.body;
	})()`)
	press(t, b, "a", chromedp.KeyModifiers(chromedp.ModifierMeta))
	waitFor(t, b, articleSelected)

	// In a field, the field's own.
	b.run(chromedp.Focus("#author-input"))
	b.run(chromedp.SendKeys("#author-input", "Ada Lovelace"))
	press(t, b, "a", ctrl)
	waitFor(t, b, `(() => { const f = document.getElementById("author-input"); return f.selectionStart === 0 && f.selectionEnd === f.value.length && f.value.length > 0; })()`)
	if evalJS[bool](t, b, articleSelected) {
		t.Errorf("Ctrl+A in a field selected the article")
	}
}

// TestArticleHintNamesCtrlA: the words the article's frame is described
// by, which a screen reader says when the frame takes the focus, name
// Ctrl+A (⌘A on a Mac), as the keyboard help does: they named the arrows,
// Shift, the labels' keys and Enter, not the key that selects the
// article's text.
func TestArticleHintNamesCtrlA(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement && document.activeElement.id === "article"`)
	said := evalJS[string](t, b, `document.activeElement.getAttribute("aria-describedby").split(/\s+/).map((id) => document.getElementById(id).textContent).join(" ")`)
	for _, want := range []string{"Ctrl+A", "⌘A", "Enter"} {
		if !strings.Contains(said, want) {
			t.Errorf("the article's hint does not name %s: %q", want, said)
		}
	}
	press(t, b, "?")
	waitFor(t, b, `document.getElementById("help-title") !== null`)
	if help := text(t, b, "#help"); !strings.Contains(help, "Ctrl+A / ⌘A") {
		t.Errorf("the keyboard help does not name Ctrl+A / ⌘A: %q", help)
	}
}
