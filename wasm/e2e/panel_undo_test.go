//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestPanelFollowsUndoneAttributes: an attribute and a note typed into the
// selected annotation's panel, then undone and redone from the article,
// show in the panel's fields as the annotation holds them after each step:
// a field that kept the undone value would put it back at the next edit.
func TestPanelFollowsUndoneAttributes(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")

	typeInField(t, b, "edit-speaker", "Obama")
	press(t, b, kb.Escape) // kept, and back to the article
	waitFor(t, b, `document.activeElement.id === "article"`)
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Obama"`)
	typeInField(t, b, "edit-note", "Campaign slogan")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.activeElement.id === "article"`)
	waitFor(t, b, `!!document.querySelector("#entries .note")`)

	fields := func() (string, string) {
		settle(t, b)
		return evalJS[string](t, b, `document.getElementById("edit-speaker").value`),
			evalJS[string](t, b, `document.getElementById("edit-note").value`)
	}
	check := func(when, speaker, note string) {
		t.Helper()
		if s, n := fields(); s != speaker || n != note {
			t.Errorf("%s the panel's speaker is %q and note %q, want %q and %q", when, s, n, speaker, note)
		}
	}

	press(t, b, "z", ctrl) // the note
	waitFor(t, b, `!document.querySelector("#entries .note")`)
	check("after undoing the note", "Obama", "")
	press(t, b, "z", ctrl) // the speaker
	waitFor(t, b, `!document.querySelector("#entries .attrs")`)
	check("after undoing the speaker", "", "")
	press(t, b, "z", ctrlShift)
	waitFor(t, b, `!!document.querySelector("#entries .attrs")`)
	check("after redoing the speaker", "Obama", "")
	press(t, b, "y", ctrl)
	waitFor(t, b, `!!document.querySelector("#entries .note")`)
	check("after redoing the note", "Obama", "Campaign slogan")
	press(t, b, "z", ctrl)
	press(t, b, "z", ctrl)
	waitFor(t, b, `!document.querySelector("#entries .attrs")`)
	check("after undoing both", "", "")

	// An edit made now holds only what is typed, not the undone speaker.
	typeInField(t, b, "edit-note", "x")
	press(t, b, kb.Escape)
	waitFor(t, b, `!!document.querySelector("#entries .note")`)
	if got := text(t, b, "#entries .entry-more"); got != "note: x" {
		t.Errorf("after a new note the entry says %q, want only the note", got)
	}
}
