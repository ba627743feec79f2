//go:build !wasm

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// caretX returns the viewport x of the selection's focus.
func caretX(t testing.TB, b *browser) float64 {
	t.Helper()
	settle(t, b)
	return evalJS[float64](t, b, `(() => { const s = getSelection(); const r = document.createRange(); r.setStart(s.focusNode, s.focusOffset); return r.getBoundingClientRect().left; })()`)
}

// TestArticleKeepsThePagesDirection opens an Arabic article as Arabic news
// sites write it, its direction and language declared once on <html>
// (Readability's rtl-1; rtl-2 declares them on <body>): the article is
// shown right to left, in its language, and End takes the caret from the
// line's start (on its right) to the line's end, on its left.
func TestArticleKeepsThePagesDirection(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	for i, root := range []string{`<html lang="ar" dir="rtl"><head><meta charset=utf-8><title>Arabic</title></head><body>`,
		`<html><head><meta charset=utf-8><title>Arabic</title></head><body lang="ar" dir="rtl">`} {
		name := filepath.Join(t.TempDir(), "ar.html")
		page := "<!doctype html>" + root + `<article><p>في عام 2025 زار رئيس الوزراء واشنطن. ثم عاد إلى لندن.</p><p>الفقرة رقم ` + string(rune('١'+i)) + `.</p></article></body></html>`
		if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		openFile(t, b, name)
		waitFor(t, b, `(document.querySelector("article.doc p")||{}).textContent?.startsWith("في عام")`)
		if got := evalJS[string](t, b, `getComputedStyle(document.querySelector("article.doc p")).direction`); got != "rtl" {
			t.Errorf("%s: the article's paragraph is shown %s, not rtl", root, got)
		}
		if got := evalJS[string](t, b, `(document.querySelector("article.doc p").closest("[lang]")||{}).lang`); got != "ar" {
			t.Errorf("%s: the article's paragraph is in language %q, not ar", root, got)
		}
		caretBefore(t, b, "في عام")
		x0 := caretX(t, b)
		press(t, b, kb.End)
		caretReaches(t, b, "End", "")
		if x := caretX(t, b); x > x0-100 {
			t.Errorf("%s: End took the caret from x %v to x %v, not to the line's end on its left", root, x0, x)
		}
	}
}

// TestMacArrowsInRightToLeftText: on a Mac ⌘← and ⌘→ go to the line's
// left and right ends, on the screen (moveToLeftEndOfLine:,
// moveToRightEndOfLine:), as ← and → move on the screen: in a Hebrew
// paragraph ⌘→ takes the caret right, to the line's start, and ⌘← left,
// to its end.
func TestMacArrowsInRightToLeftText(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openArticle(t, b, "Right to left", `<p>Left to right first.</p><p dir="rtl">שלום עולם יפה מאוד.</p>`)
	meta := chromedp.KeyModifiers(chromedp.ModifierMeta)
	caretBefore(t, b, "עולם")
	x0 := caretX(t, b)
	press(t, b, kb.ArrowRight, meta)
	if x := caretX(t, b); x <= x0 {
		t.Errorf("⌘→ in Hebrew moved the caret from x %v to x %v, to the left (before %q)", x0, x, afterCaret(t, b))
	}
	caretBefore(t, b, "עולם")
	press(t, b, kb.ArrowLeft, meta)
	if x := caretX(t, b); x >= x0 {
		t.Errorf("⌘← in Hebrew moved the caret from x %v to x %v, to the right (before %q)", x0, x, afterCaret(t, b))
	}
}

// TestTextArticleInArabicReadsRightToLeft opens an Arabic article saved as
// plain text, as a dataset's JSON Lines "text" or a .txt brings it: its
// paragraphs are shown right to left, each in the direction of its own
// text, and End takes the caret to the line's end, on its left.
func TestTextArticleInArabicReadsRightToLeft(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	name := filepath.Join(t.TempDir(), "arabic.txt")
	if err := os.WriteFile(name, []byte("في عام 2025 زار رئيس الوزراء واشنطن. ثم عاد إلى لندن.\n\nجملة ثانية هنا.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, name)
	waitFor(t, b, `(document.querySelector("article.doc p")||{}).textContent?.startsWith("في عام")`)
	if got := evalJS[string](t, b, `getComputedStyle(document.querySelector("article.doc p")).direction`); got != "rtl" {
		t.Errorf("the Arabic text's paragraph is shown %s, not rtl", got)
	}
	caretBefore(t, b, "في عام")
	x0 := caretX(t, b)
	press(t, b, kb.End)
	caretReaches(t, b, "End", "")
	if x := caretX(t, b); x > x0-100 {
		t.Errorf("End took the caret from x %v to x %v, not to the line's end on its left", x0, x)
	}
}
