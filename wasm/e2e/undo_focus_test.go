//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// tagSirKeir tags "Sir" as a claim and "Keir" as a quote, from the keyboard,
// in the sample's second paragraph; the quote is selected.
func tagSirKeir(t *testing.T, b *browser) {
	t.Helper()
	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement.id === "article"`)
	press(t, b, kb.ArrowDown, ctrl)
	waitFor(t, b, `(() => { const [n, o] = annotator.caret(); return annotator.text(n, o, n, o + 8) === "Sir Keir"; })()`)
	press(t, b, kb.ArrowRight, ctrlShift)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	press(t, b, kb.ArrowRight, ctrl)
	press(t, b, kb.ArrowRight, ctrlShift)
	press(t, b, "q")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
}

// TestUndoFromTheLabelFieldKeepsTheFocus: Enter after a tag, then Ctrl+Z
// in the panel's label list, undoes the tag, and the panel goes with it:
// the focus goes back to the article, where Escape and the arrows work.
// It fell to the page's body.
func TestUndoFromTheLabelFieldKeepsTheFocus(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	b.expectNoConsoleErrors()
	tagSirKeir(t, b)
	press(t, b, kb.Enter)
	waitFor(t, b, `document.activeElement.id === "edit-label"`)
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	settle(t, b)
	if got := evalJS[string](t, b, `document.activeElement.id || document.activeElement.tagName`); got != "article" {
		t.Errorf("after Ctrl+Z in the Label field the focus is on %s, not the article", got)
	}
	press(t, b, kb.ArrowRight, ctrlShift) // the keyboard goes on from the article
	waitFor(t, b, `!getSelection().isCollapsed && document.querySelector("#article").contains(getSelection().focusNode)`)
}

// TestUndoOnAnEntryKeepsTheFocus: Ctrl+Z on the entry of the annotation
// just tagged takes the entry away; the focus goes to the list's heading,
// not to the page's body, whence the next Tab started at the page's top.
func TestUndoOnAnEntryKeepsTheFocus(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	b.expectNoConsoleErrors()
	tagSirKeir(t, b)
	press(t, b, "l", alt)
	waitFor(t, b, `document.activeElement.matches("#entries li.selected .entry-main")`)
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	settle(t, b)
	if got := evalJS[string](t, b, `document.activeElement.id || document.activeElement.tagName`); got != "annotations-title" {
		t.Errorf("after Ctrl+Z on the entry the focus is on %s, not the list's heading", got)
	}
}

// TestStepTwiceFromTheChoiceList: [ on the list of the annotations that
// overlap where Enter was pressed steps to the previous annotation, and
// a second [ steps again. The first put the focus in the panel's label
// list, as a choice made in the list does, and the second did nothing.
func TestStepTwiceFromTheChoiceList(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	b.expectNoConsoleErrors()
	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement.id === "article"`)
	press(t, b, kb.ArrowDown, ctrl) // "Sir Keir Starmer is in the White House…"
	waitFor(t, b, `(() => { const [n, o] = annotator.caret(); return annotator.text(n, o, n, o + 8) === "Sir Keir"; })()`)
	for range 4 {
		press(t, b, kb.ArrowRight, ctrlShift)
	}
	press(t, b, "c") // "Sir Keir Starmer is"
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	press(t, b, kb.ArrowLeft, ctrl)
	press(t, b, kb.ArrowLeft, ctrl)
	press(t, b, kb.ArrowRight, ctrlShift)
	press(t, b, "q") // "Starmer", inside the claim
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	press(t, b, kb.ArrowDown, ctrl)
	press(t, b, kb.ArrowRight, ctrlShift)
	press(t, b, "c") // "The", in the next paragraph
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 3`)
	press(t, b, kb.ArrowUp, ctrl)
	press(t, b, kb.ArrowUp, ctrl)
	press(t, b, kb.ArrowRight, ctrl)
	press(t, b, kb.ArrowRight, ctrl)
	press(t, b, kb.ArrowRight) // inside "Starmer": the claim and the quote
	press(t, b, kb.Enter)
	waitFor(t, b, `document.activeElement.matches("#choices button")`)
	selected := `(document.querySelector("#selected:not([hidden]) .excerpt")||{}).textContent`
	press(t, b, "[")
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Selected the quote")`)
	settle(t, b)
	first := evalJS[string](t, b, selected)
	t.Logf("first [: %q selected, message %q, focus on #%s", first, text(t, b, "#notice"), activeID(t, b))
	press(t, b, "[")
	settle(t, b)
	b.run(chromedp.Sleep(300e6))
	if second := evalJS[string](t, b, selected); second == first {
		t.Errorf("the second [ did nothing: %s is still selected, the message still %q, the focus on #%s",
			second, text(t, b, "#notice"), activeID(t, b))
	}
}

// TestBackwardTagLeavesTheCaretInView tags a long selection made upwards
// from the article's end: the caret stays where the selection ended, at
// its start, in the window. It went to the span's end, out of the window,
// and the next arrow key jumped the page there.
func TestBackwardTagLeavesTheCaretInView(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	b.expectNoConsoleErrors()
	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement.id === "article"`)
	press(t, b, kb.End, ctrl)
	for range 10 {
		press(t, b, kb.ArrowUp, ctrlShift)
	}
	settle(t, b)
	if !caretShown(t, b) {
		t.Fatalf("no caret in view before tagging")
	}
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitFor(t, b, `getSelection().rangeCount === 1 && getSelection().isCollapsed`)
	settle(t, b)
	t.Logf("%s; caret drawn at top %v px in a window %v px high",
		text(t, b, ".span-info"), evalJS[float64](t, b, `document.querySelector(".text-caret").getBoundingClientRect().top`), evalJS[float64](t, b, `innerHeight`))
	if !caretShown(t, b) {
		t.Errorf("after tagging, the caret is out of the window")
	}
}
