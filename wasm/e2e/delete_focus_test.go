//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestDeleteKeepsTheFocusInTheList: Delete pressed on an entry of the
// list deletes its annotation and moves the focus to the entry selected
// after it, so that the next Delete or Tab goes on from there; the last
// one deleted leaves it on the list's heading. The panel's Delete button
// on the last annotation, which hides the panel, does the same.
func TestDeleteKeepsTheFocusInTheList(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "[") // the first
	waitFor(t, b, `(document.querySelector("#entries li.selected .excerpt") || {}).textContent === "“yes we can”"`)
	press(t, b, "l", alt)
	waitFor(t, b, `!!document.activeElement.closest("#entries li.selected")`)

	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	settle(t, b)
	if got := evalJS[string](t, b, focusedEntry); got != "“pretty balanced”" {
		t.Errorf("after Delete on an entry the focus is on %s, not on the next entry", got)
	}
	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0`)
	settle(t, b)
	if got := activeID(t, b); got != "annotations-title" {
		t.Errorf("after the last Delete the focus is on %s, not on the list's heading", evalJS[string](t, b, focusedEntry))
	}

	// The panel's Delete button, on the one annotation there is.
	tagPhrase(t, b, "yes we can", "q")
	b.run(chromedp.Focus(chromedp.ID("delete-button")))
	press(t, b, kb.Enter)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0`)
	settle(t, b)
	if got := activeID(t, b); got != "annotations-title" {
		t.Errorf("after the panel's Delete the focus is on %s, not on the list's heading", evalJS[string](t, b, focusedEntry))
	}
}

// TestPanelDeleteMovesToTheNextEntry: Enter on the panel's Delete, with
// another annotation after the one deleted, leaves the focus on that next
// annotation's entry in the list, said as its label and text, and the
// message line says what was deleted and that Ctrl+Z brings it back.
// go-app and putSelected show the next annotation in the same panel, so
// the focus stayed on the same Delete, now the next annotation's, its
// text unsaid, and a second Enter deleted that one too.
func TestPanelDeleteMovesToTheNextEntry(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "[") // the first
	waitFor(t, b, `(document.querySelector("#selected .excerpt") || {}).textContent === "“yes we can”"`)
	b.run(chromedp.Focus(chromedp.ID("delete-button")))
	press(t, b, kb.Enter)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitFor(t, b, `document.getElementById("notice-said").textContent === "Deleted the quote “yes we can”. Ctrl+Z brings it back."`)
	waitFor(t, b, `document.activeElement.matches("#entries > li > .entry-main") && document.activeElement.querySelector(".excerpt").textContent === "“pretty balanced”"`)
}

// TestDeleteKeySaysTheNextSelected: Delete pressed in the article says
// what it deleted and which annotation it selected in its place, so that
// a screen reader's user knows what a second Delete would delete: the
// focus stays in the article, and the message named only the one gone.
func TestDeleteKeySaysTheNextSelected(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "[") // the first
	waitFor(t, b, `(document.querySelector("#selected .excerpt") || {}).textContent === "“yes we can”"`)
	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitFor(t, b, `document.getElementById("notice-said").textContent === "Deleted the quote “yes we can”. Ctrl+Z brings it back. Selected now: the claim “pretty balanced”, 1 of 1."`)
	if got := activeID(t, b); got != "article" {
		t.Errorf("after Delete in the article the focus is on %q", got)
	}
	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0`)
	waitFor(t, b, `document.getElementById("notice-said").textContent === "Deleted the claim “pretty balanced”. Ctrl+Z brings it back."`)
}

// focusedEntry is the excerpt of the list's entry that has the focus, or
// else the focused element's tag and id ("<BODY id=>").
const focusedEntry = `(() => { const li = document.activeElement.closest("#entries > li"); return li ? li.querySelector(".excerpt").textContent : "<" + document.activeElement.tagName + " id=" + document.activeElement.id + ">"; })()`

// firstEntryFocused opens the app on the sample tagged twice, the quote
// “yes we can” and the claim “pretty balanced”, selected, and moves the
// focus from the article to the list (Alt+L), then back with Shift+Tab to
// the quote's entry, which that does not select.
func firstEntryFocused(t *testing.T) *browser {
	t.Helper()
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c") // selected, the second entry
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "l", alt)
	waitFor(t, b, `!!document.activeElement.closest("#entries li.selected")`)
	press(t, b, kb.Tab, shift)
	waitFor(t, b, focusedEntry+` === "“yes we can”"`)
	return b
}

// TestDeleteOnAFocusedEntryDeletesIt: Delete pressed on an entry of the
// list that the keyboard reached with Tab (Shift+Tab), which does not
// select it, deletes that entry's annotation, the one a screen reader
// just said, and not the selected one: it deleted the selected
// annotation, perhaps one out of sight, and the entry focused stayed.
func TestDeleteOnAFocusedEntryDeletesIt(t *testing.T) {
	b := firstEntryFocused(t)
	if got := text(t, b, "#entries li.selected .excerpt"); got != "“pretty balanced”" {
		t.Fatalf("Shift+Tab in the list changed the selection to %q", got)
	}

	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	if got := text(t, b, "#entries > li .excerpt"); got != "“pretty balanced”" {
		t.Errorf("Delete on the entry of “yes we can” left %s in the list", got)
	}
	// The list's rows change in the turn of the key, the message line in
	// go-app's render after it: read at once, it could still be the tag's.
	waitFor(t, b, `document.getElementById("notice").textContent.includes("yes we can")`)
	if got := text(t, b, "#notice"); strings.Contains(got, "pretty balanced") {
		t.Errorf("Delete on the entry of “yes we can” says %q", got)
	}
	settle(t, b)
	if got := evalJS[string](t, b, focusedEntry); got != "“pretty balanced”" {
		t.Errorf("after Delete on an entry the focus is on the entry %q, not on the next one", got)
	}
}

// TestLabelKeyOnAFocusedEntryRelabelsIt: a label's key pressed on an
// entry of the list that Tab (Shift+Tab) reached, which does not select
// it, relabels that entry's annotation, the one a screen reader just
// said, as Delete there deletes it; the selected one is left as it was.
func TestLabelKeyOnAFocusedEntryRelabelsIt(t *testing.T) {
	b := firstEntryFocused(t)

	press(t, b, "p")
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Relabelled")`)
	// The list's rows change in the turn of the key, the message line in
	// go-app's render after it: read at once, it could still be the tag's.
	waitFor(t, b, `document.getElementById("notice").textContent.includes("yes we can")`)
	if got := text(t, b, "#notice"); strings.Contains(got, "pretty balanced") {
		t.Errorf("p on the entry of “yes we can” says %q", got)
	}
	labels := `Array.from(document.querySelectorAll("#entries > li")).map(li => li.querySelector(".badge").textContent + " " + li.querySelector(".excerpt").textContent).join(", ")`
	waitFor(t, b, labels+` === "pledge “yes we can”, claim “pretty balanced”"`)
	if got := text(t, b, "#entries li.selected .excerpt"); got != "“pretty balanced”" {
		t.Errorf("p on the entry of “yes we can” selected %q", got)
	}
}
