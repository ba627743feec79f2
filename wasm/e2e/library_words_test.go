//go:build !wasm

package e2e

// This file holds the library's words, as a user meets them: what its
// Undo says it undid, and the other messages its actions leave.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// libraryRow is a JavaScript expression for the library's row of the
// document titled title.
func libraryRow(title string) string {
	return fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(title))
}

// setSelect sets the select the JavaScript expression sel finds to value,
// as a user choosing it does.
func setSelect(t testing.TB, b *browser, sel, value string) {
	t.Helper()
	evalJS[bool](t, b, fmt.Sprintf(`(() => { const s = %s; s.value = %s; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, sel, jsString(value)))
}

// TestLibraryUndoSaysWhatItUndid marks a document done in the library and
// takes it back with the library's Undo: the message line names what was
// undone, as the button's title does.
func TestLibraryUndoSaysWhatItUndid(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	setSelect(t, b, libraryRow(sampleTitle)+`.querySelector(".status-select")`, "done")
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Marked")`)
	waitFor(t, b, `!document.querySelector("#library-undo").disabled`)
	title := evalJS[string](t, b, `document.querySelector("#library-undo").title`)
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Undid")`)
	waitFor(t, b, libraryRow(sampleTitle)+`.querySelector(".status-select").value !== "done"`)
	said := text(t, b, "#notice")
	if !strings.Contains(said, "done") || !strings.Contains(said, "Starmer") || title != "Undo "+strings.TrimSuffix(strings.TrimPrefix(said, "Undid: "), ".") {
		t.Errorf("the library's Undo, titled %q, says %q", title, said)
	}
}
