//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestJumpsFromAField: Alt+A, pressed while typing a speaker's name,
// goes to the article as it does from anywhere, and the name typed is
// kept; Alt+L from the note goes to the list.
func TestJumpsFromAField(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	typeInField(t, b, "edit-speaker", "Obama")
	press(t, b, "a", alt)
	settle(t, b)
	if got := activeID(t, b); got != "article" {
		t.Errorf("Alt+A in the speaker's field left the focus on #%s", got)
	}
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Obama"`)

	b.run(chromedp.Focus(chromedp.ID("edit-note")))
	press(t, b, "l", alt)
	settle(t, b)
	if !evalJS[bool](t, b, `!!document.activeElement.closest("#entries")`) {
		t.Errorf("Alt+L in the note left the focus on #%s", activeID(t, b))
	}
}

// TestLibraryJumpFromAFieldKeepsTheEdit: Alt+W pressed while typing a
// speaker's name goes to the library, and the name typed is kept, as the
// other jumps keep it: the library took the field off the page while it
// had the focus, with no change event, and the name was lost.
func TestLibraryJumpFromAFieldKeepsTheEdit(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	typeInField(t, b, "edit-speaker", "Obama")
	press(t, b, "w", alt)
	waitFor(t, b, `document.querySelector("#library-table, #library-empty") !== null`)
	press(t, b, "a", alt)
	waitFor(t, b, `document.querySelector("#entries > li") !== null`)
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Obama"`)
}
