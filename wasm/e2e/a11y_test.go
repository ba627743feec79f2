//go:build !wasm

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// This file drives the app with the keyboard alone, as an annotator who
// never touches the mouse: no clicks, no selection made by script. Script
// only reads what the page shows.

// Key modifiers, for short.
var (
	shift     = chromedp.KeyModifiers(chromedp.ModifierShift)
	ctrl      = chromedp.KeyModifiers(chromedp.ModifierCtrl)
	alt       = chromedp.KeyModifiers(chromedp.ModifierAlt)
	ctrlShift = chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift)
)

// activeID returns the ID of the focused element.
func activeID(t testing.TB, b *browser) string {
	t.Helper()
	return evalJS[string](t, b, `document.activeElement ? document.activeElement.id : ""`)
}

// beforeCaret returns the text of the caret's text node before the caret,
// and afterCaret the text after it.
func beforeCaret(t testing.TB, b *browser) string {
	t.Helper()
	return evalJS[string](t, b, `(() => { const [n, o] = annotator.caret(); return n < 0 ? "" : annotator.text(n, 0, n, o); })()`)
}

func afterCaret(t testing.TB, b *browser) string {
	t.Helper()
	return evalJS[string](t, b, `(() => { const [n, o] = annotator.caret(); return n < 0 ? "" : annotator.text(n, o, n, 1e9); })()`)
}

// caretShown reports whether the drawn caret is visible, in view, and at
// the selection's focus, once the next frame (where a caret queued by a
// selection change is drawn) has run.
func caretShown(t testing.TB, b *browser) bool {
	t.Helper()
	return evalJS[bool](t, b, `new Promise(done => requestAnimationFrame(() => done((() => {
		const c = document.querySelector(".text-caret");
		if (!c || c.hidden) return false;
		const box = c.getBoundingClientRect();
		const s = getSelection();
		const r = document.createRange();
		r.setStart(s.focusNode, s.focusOffset);
		const at = r.getBoundingClientRect();
		return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight && Math.abs(box.left + box.width / 2 - at.left) < 2 && Math.abs(box.top - at.top) < 2;
	})())))`)
}

// TestKeyboardOnlyTagging reaches the article through the skip link, moves
// the caret to the middle of the sample's third paragraph, selects a phrase
// with Shift and the arrows, tags it, writes its note, and exports with
// Ctrl+S: the export holds the phrase at the right code points.
func TestKeyboardOnlyTagging(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	const phrase = "fighter jets providing air cover"

	// The first Tab reaches the skip link; Enter takes it.
	press(t, b, kb.Tab)
	if got := activeID(t, b); got != "skip-article" {
		t.Fatalf("the first Tab reached #%s, not the skip link", got)
	}
	if !evalJS[bool](t, b, `document.activeElement.getBoundingClientRect().width > 20`) {
		t.Errorf("the focused skip link is not shown")
	}
	press(t, b, kb.Enter)
	waitFor(t, b, `document.activeElement.id === "article"`)
	if got := afterCaret(t, b); !strings.HasPrefix(got, "date 2025-02-27") {
		t.Errorf("the caret starts before %q, not at the article's start", abbreviate(got, 40))
	}
	if !caretShown(t, b) {
		t.Errorf("no caret is drawn at the article's start")
	}

	// Two paragraphs down, then word by word into the third one.
	press(t, b, kb.ArrowDown, ctrl)
	press(t, b, kb.ArrowDown, ctrl)
	waitFor(t, b, `(() => { const [n, o] = annotator.caret(); return annotator.text(n, o, n, o + 18) === "The Prime Minister"; })()`)
	for i := 0; !strings.HasSuffix(strings.TrimSpace(beforeCaret(t, b)), "including"); i++ {
		if i == 30 {
			t.Fatalf("Ctrl+→ never reached “including”: the caret is after %q", beforeCaret(t, b))
		}
		press(t, b, kb.ArrowRight, ctrl)
	}
	if strings.HasSuffix(beforeCaret(t, b), "including") {
		press(t, b, kb.ArrowRight) // over the space
	}
	if !caretShown(t, b) {
		t.Errorf("the caret is not drawn where it moved")
	}

	// Select the phrase: by words (the comma is one), then back by a
	// character.
	for range 6 {
		press(t, b, kb.ArrowRight, ctrlShift)
	}
	waitFor(t, b, `getSelection().toString() === "fighter jets providing air cover,"`)
	press(t, b, kb.ArrowLeft, shift)
	waitFor(t, b, fmt.Sprintf(`getSelection().toString() === %s`, jsString(phrase)))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#selection-info").textContent.includes(%s)`, jsString("“"+phrase+"”")))

	// Tag it; the tagging is announced in words.
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#notice").textContent.startsWith(%s)`, jsString("Tagged “"+phrase+"” as claim")))
	if got := text(t, b, `#notice [role="status"]`); !strings.HasPrefix(got, "Tagged") {
		t.Errorf("the status region says %q, not the announcement", got)
	}
	if got := activeID(t, b); got != "article" {
		t.Errorf("after tagging the focus is on #%s", got)
	}
	// The caret is put back after the frame that shows the tag (placing
	// it in the tag's turn forced a layout before the highlight's paint):
	// on a loaded machine, that frame can come after the notice is seen.
	if !tryWait(b, `getSelection().isCollapsed && document.querySelector("#article").contains(getSelection().focusNode)`) {
		t.Errorf("after tagging no caret is left in the article")
	}

	// Enter edits the annotation: its label, then (Tab) its note, at once,
	// while the tag is still being written.
	press(t, b, kb.Enter)
	waitFor(t, b, `document.activeElement.id === "edit-label"`)
	press(t, b, kb.Tab)
	if got := activeID(t, b); got != "edit-note" {
		t.Fatalf("Tab from the label reached #%s, not the note", got)
	}
	const note = "Backstop: jets, not troops."
	b.run(chromedp.KeyEvent(note))
	press(t, b, kb.Escape) // leaves the note, kept, for the article
	waitFor(t, b, `document.activeElement.id === "article"`)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#entries .note") && document.querySelector("#entries .note").textContent.includes(%s)`, jsString(note)))

	// Ctrl+S downloads the export.
	f := parseExport(t, downloadVia(t, b, chromedp.KeyEvent("s", ctrl)))
	if len(f.Annotations) != 1 {
		t.Fatalf("the export holds %d annotations", len(f.Annotations))
	}
	ann := f.Annotations[0]
	text := []rune(f.Document.Text)
	if ann.Start < 0 || ann.End > len(text) || ann.Start >= ann.End {
		t.Fatalf("the export's span is %d–%d in a text of %d code points", ann.Start, ann.End, len(text))
	}
	if got := string(text[ann.Start:ann.End]); got != phrase {
		t.Errorf("text[%d:%d] is %q, want %q", ann.Start, ann.End, got, phrase)
	}
	third := strings.Index(f.Document.Text, "The Prime Minister will push")
	if third < 0 || ann.Start < len([]rune(f.Document.Text[:third])) {
		t.Errorf("the span starts at %d, before the third paragraph", ann.Start)
	}
	if ann.Label != "claim" || ann.Attributes["note"] != note {
		t.Errorf("the export has label %q and attributes %v", ann.Label, ann.Attributes)
	}
	checkOffsets(t, f)
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Downloaded ")`)
}

// TestKeyboardCaretMoves moves the caret by sentence, by paragraph and to
// the article's ends, and checks that it never leaves the article.
func TestKeyboardCaretMoves(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()

	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement.id === "article"`)

	// The first paragraph is the page's donation box: sentences in a row.
	press(t, b, kb.ArrowDown, alt)
	waitFor(t, b, `(() => { const [n, o] = annotator.caret(); return annotator.text(n, o, n, o + 7) === "Whether"; })()`)
	press(t, b, kb.ArrowDown, alt)
	waitFor(t, b, `(() => { const [n, o] = annotator.caret(); return annotator.text(n, o, n, o + 7) === "At such"; })()`)
	// From inside a sentence, Alt+↑ goes to its start.
	press(t, b, kb.ArrowRight, ctrl)
	press(t, b, kb.ArrowUp, alt)
	waitFor(t, b, `(() => { const [n, o] = annotator.caret(); return annotator.text(n, o, n, o + 7) === "At such"; })()`)

	// Shift+Alt+↓ selects to the next sentence.
	press(t, b, kb.ArrowDown, chromedp.KeyModifiers(chromedp.ModifierAlt, chromedp.ModifierShift))
	waitFor(t, b, `getSelection().toString().startsWith("At such a critical moment in US history, we need reporters on the ground.")`)
	press(t, b, kb.Escape)
	// The selection goes at once, the caret comes after the next frame.
	waitFor(t, b, `getSelection().rangeCount === 1 && getSelection().isCollapsed`)
	if !evalJS[bool](t, b, `document.querySelector("#article").contains(getSelection().focusNode)`) {
		t.Errorf("Escape left no caret in the article")
	}

	// Ctrl+End goes to the article's end; further moves stay in it.
	press(t, b, kb.End, ctrl)
	waitFor(t, b, `(() => { const [n, o] = annotator.caret(); return n === annotator.nodeCount() - 1 && annotator.text(n, o, n, 1e9) === ""; })()`)
	if !caretShown(t, b) {
		t.Errorf("the caret is not shown at the article's end")
	}
	for _, k := range []string{kb.ArrowDown, kb.ArrowRight} {
		press(t, b, k)
		press(t, b, k, ctrl)
	}
	if !evalJS[bool](t, b, `document.querySelector("article.doc").contains(getSelection().focusNode)`) {
		t.Errorf("moving past the end took the caret out of the article")
	}
	press(t, b, kb.Home, ctrl)
	waitFor(t, b, `(() => { const [n, o] = annotator.caret(); return annotator.text(n, o, n, o + 4) === "date"; })()`)
	if y := evalJS[float64](t, b, `window.scrollY`); y > 200 {
		t.Errorf("at the article's start the page is scrolled to %v", y)
	}

	// Alt+L reaches the list of annotations (its heading while it is
	// empty); Alt+A goes back with the caret where it was.
	press(t, b, "l", alt)
	waitFor(t, b, `document.activeElement.id === "annotations-title"`)
	if caretShown(t, b) {
		t.Errorf("the caret is drawn while the article does not have the focus")
	}
	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement.id === "article"`)
	if got := afterCaret(t, b); !strings.HasPrefix(got, "date") {
		t.Errorf("back in the article the caret is before %q", abbreviate(got, 30))
	}
}

// TestDialogsTakeTheFocus opens each dialog from the keyboard: it takes
// the focus, keeps it on Tab, says what it is, closes with Escape, and
// gives the focus back to where it was.
func TestDialogsTakeTheFocus(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()

	// The help, from the article.
	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement.id === "article"`)
	press(t, b, "?")
	waitFor(t, b, `document.querySelector("#help") && document.querySelector("#help").open && document.querySelector("#help").contains(document.activeElement)`)
	checkDialog(t, b, "help", "Keyboard shortcuts")
	for _, want := range []string{"Alt+A", "Alt+L", "Alt+↑ ↓", "Ctrl+↑ ↓", "Enter"} {
		if !strings.Contains(text(t, b, "#help"), want) {
			t.Errorf("the help does not list %s", want)
		}
	}
	press(t, b, "q") // no tagging behind the dialog
	// Nor an article pasted in its place (Ctrl+V), which the keys' handler
	// kept out and the paste's did not.
	title := text(t, b, "#doc-title")
	evalJS[chromedp.Void](t, b, `(() => {
		const dt = new DataTransfer();
		dt.setData("text/plain", "Pasted while the help was open.\n\nA second paragraph.");
		document.activeElement.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
	})()`)
	settle(t, b)
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#help") === null`)
	waitFor(t, b, `document.activeElement.id === "article"`)
	if n := entryCount(t, b); n != 0 {
		t.Errorf("a key pressed in the help tagged %d annotations", n)
	}
	if got := text(t, b, "#doc-title"); got != title {
		t.Errorf("a paste in the help opened %q in place of %q", got, title)
	}

	// The help, from its button: the focus goes back to the button.
	b.run(chromedp.Focus(chromedp.ID("help-button")))
	press(t, b, kb.Enter)
	waitFor(t, b, `document.querySelector("#help") && document.querySelector("#help").contains(document.activeElement)`)
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#help") === null && document.activeElement.id === "help-button"`)

	// The library: a view, not a dialog; the focus stays on its button.
	b.run(chromedp.Focus(chromedp.ID("library-button")))
	press(t, b, kb.Enter)
	waitFor(t, b, `document.querySelector("#library-table") !== null && document.activeElement.id === "library-button"`)
	if got := evalJS[string](t, b, `document.querySelector("#library-button").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("the library button says aria-pressed=%q while the library shows", got)
	}
}

// checkDialog checks that dialog id is modal, named by its title, and
// keeps the focus however often Tab or Shift+Tab is pressed.
func checkDialog(t testing.TB, b *browser, id, title string) {
	t.Helper()
	sel := "#" + id
	if !evalJS[bool](t, b, fmt.Sprintf(`document.querySelector(%q).matches(":modal")`, sel)) {
		t.Errorf("%s is not modal", sel)
	}
	if got := evalJS[string](t, b, fmt.Sprintf(`document.querySelector(%q).getAttribute("aria-modal")`, sel)); got != "true" {
		t.Errorf("%s has aria-modal %q", sel, got)
	}
	if got := evalJS[string](t, b, fmt.Sprintf(`document.getElementById(document.querySelector(%q).getAttribute("aria-labelledby")).textContent`, sel)); got != title {
		t.Errorf("%s is named %q, want %q", sel, got, title)
	}
	for i := range 7 {
		if i%3 == 2 {
			press(t, b, kb.Tab, shift)
		} else {
			press(t, b, kb.Tab)
		}
		if !evalJS[bool](t, b, fmt.Sprintf(`document.querySelector(%q).contains(document.activeElement)`, sel)) {
			t.Fatalf("after %d Tabs the focus left %s for #%s", i+1, sel, activeID(t, b))
		}
	}
}

// TestAnnouncements tags, deletes, undoes and redoes from the keyboard:
// each is said in words in the status live region, a message said twice
// included.
func TestAnnouncements(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	if got := evalJS[string](t, b, `(() => { const n = document.querySelector("#notice-said"); return n.getAttribute("role") + " " + n.getAttribute("aria-atomic"); })()`); got != "status true" {
		t.Errorf("the message line's polite region is %q, not an atomic status region", got)
	}
	said := func(want string) {
		t.Helper()
		waitFor(t, b, fmt.Sprintf(`document.querySelector("#notice").textContent.trim() === %s`, jsString(want)))
	}
	tagPhrase(t, b, "yes we can", "q")
	said("Tagged “yes we can” as quote.")
	press(t, b, kb.Delete)
	said("Deleted the quote “yes we can”. Ctrl+Z brings it back.")
	press(t, b, "z", ctrl)
	said("Undid: delete quote.")
	press(t, b, "z", ctrl)
	said("Undid: add quote.")
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
	said("Redid: add quote.")

	// The same message again still changes the region, so it is said again.
	press(t, b, "]")
	waitFor(t, b, `document.querySelector("#entries li.selected") !== null`)
	press(t, b, kb.Delete)
	said("Deleted the quote “yes we can”. Ctrl+Z brings it back.")
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
	said("Nothing to redo.")
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#notice").textContent !== %s`, jsString("Nothing to redo.")))
	said("Nothing to redo.")
}

// TestCaretAfterMouseSelection: while the mouse selects text the caret
// is hidden (the browser draws the selection, and measuring the caret in
// every frame of the drag delayed the release); at the release it is drawn
// at the selection's focus.
func TestCaretAfterMouseSelection(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	pts := evalJS[[]float64](t, b, `(() => {
		const p = document.querySelectorAll("article.doc p")[2];
		p.scrollIntoView({block: "center"});
		const r = p.getClientRects()[0];
		return [r.left + 5, r.top + 8, r.left + r.width * 0.6, r.top + 8];
	})()`)
	b.run(chromedp.MouseEvent(chromedp.MousePressed, pts[0], pts[1], chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, pts[2], pts[3], chromedp.ButtonLeft))
	waitFor(t, b, `!getSelection().isCollapsed`)
	if caretShown(t, b) {
		t.Error("the caret is drawn while the mouse is still selecting")
	}
	b.run(chromedp.MouseEvent(chromedp.MouseReleased, pts[2], pts[3], chromedp.ButtonLeft))
	if !caretShown(t, b) {
		t.Error("after the mouse selection the caret is not drawn at its focus")
	}
}
