//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// This file reads the app with the text spacing WCAG 1.4.12 asks a page
// to bear, as a reader's style sheet (or a bookmarklet) sets it: lines
// 1.5 high, paragraphs 2 em apart, letters 0.12 em and words 0.16 em.

const textSpacingCSS = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`

// applyTextSpacing adds the text spacing style sheet to the page, after
// its own, and waits for two frames.
func applyTextSpacing(t testing.TB, b *browser) {
	t.Helper()
	evalJS[bool](t, b, `new Promise((done) => {
		const s = new CSSStyleSheet();
		s.replaceSync(`+jsString(textSpacingCSS)+`);
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, s];
		requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
	})`)
}

// clippedJS lists the elements of the sidebar and the toolbar that cut
// off their content's bottom: it overflows a box that hides what
// overflows. Text clamped to its lines on purpose (line-clamp) is not,
// nor what is out of sight on purpose (a box a pixel high).
const clippedJS = `[...document.querySelectorAll(".toolbar *, .sidebar *, .legend *")].filter((el) => {
	const s = getComputedStyle(el);
	if (!el.offsetParent || el.clientHeight <= 1 || !["hidden", "clip"].includes(s.overflowY) || s.webkitLineClamp !== "none") return false;
	return el.scrollHeight > el.clientHeight + 1;
}).map((el) => el.className + " " + JSON.stringify(el.textContent.slice(0, 40)) + ": " + el.scrollHeight + " px in " + el.clientHeight)`

// TestTextSpacingRows: with the text spacing, a row of the list shows its
// last line (the speaker, the note) whole. Its height was fixed for lines
// 1.3 high, and the row of a quote of two lines with its speaker cut the
// speaker's line off.
func TestTextSpacingRows(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "said “yes we can” when asked if a peace deal could be achieved in Ukraine", "q")
	b.run(chromedp.Click(chromedp.ID("edit-speaker")), chromedp.SendKeys(chromedp.ID("edit-speaker"), "Donald Trump"))
	press(t, b, kb.Tab)
	waitFor(t, b, `document.querySelector("#entries .entry-more") !== null`)
	if c := evalJS[[]string](t, b, clippedJS); len(c) > 0 {
		t.Fatalf("without the text spacing, content is cut off: %q", c)
	}
	applyTextSpacing(t, b)
	if c := evalJS[[]string](t, b, clippedJS); len(c) > 0 {
		t.Errorf("with the text spacing, content is cut off: %q", c)
	}
}

// TestTextSpacingCaret: the text spacing applied while the caret is in
// the article (a bookmarklet, a reader's extension turned on), the caret
// follows its place in the text, which moves as the lines wrap anew. It
// was drawn where its character had been until the caret moved.
func TestTextSpacingCaret(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	caretAt(t, b, "when asked if", 4)
	applyTextSpacing(t, b)
	waitFor(t, b, caretAtFocusJS)
}
