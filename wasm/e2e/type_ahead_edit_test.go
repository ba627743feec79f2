//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadEditsAsTheField: the editing keys typed ahead into the
// panel's fields, before Enter has given them the focus, do there what
// they do at a reader's pace: Ctrl+Backspace deletes the word before
// the caret, Ctrl+A selects the field's text, Home goes to the start of
// the note's line, Shift+→ after Shift+← selects nothing again, Ctrl+Z
// undoes the typing. Ctrl+A and Ctrl+Backspace did nothing (the name
// typed after them was added to the one meant to go), Home went to the
// note's start, Shift+→ selected one more character, which the next
// letter replaced, and Ctrl+Z did nothing.
func TestTypeAheadEditsAsTheField(t *testing.T) {
	b := typeAheadOnPhrase(t, "yes we can")
	value := func(id string) string {
		t.Helper()
		return evalJS[string](t, b, `document.getElementById("`+id+`").value`)
	}

	press(t, b, "q")
	press(t, b, kb.Enter)
	press(t, b, kb.Tab)
	press(t, b, "Barack Obamz")
	press(t, b, kb.Backspace, ctrl)
	press(t, b, "Obama")
	press(t, b, kb.Escape)
	settleHeld(t, b)
	if got := value("edit-speaker"); got != "Barack Obama" {
		t.Errorf("Barack Obamz, Ctrl+Backspace, Obama typed ahead: the speaker is %q, not Barack Obama", got)
	}

	press(t, b, kb.Enter)
	press(t, b, kb.Tab)
	press(t, b, kb.End)
	press(t, b, "!")
	press(t, b, "a", ctrl)
	press(t, b, "Michelle")
	press(t, b, kb.Escape)
	settleHeld(t, b)
	if got := value("edit-speaker"); got != "Michelle" {
		t.Errorf("End ! Ctrl+A Michelle typed ahead: the speaker is %q, not Michelle", got)
	}

	press(t, b, kb.Enter)
	press(t, b, kb.Tab)
	press(t, b, kb.Tab)
	press(t, b, "ab")
	press(t, b, kb.Enter)
	press(t, b, "cd")
	press(t, b, kb.Home)
	press(t, b, "x")
	press(t, b, kb.ArrowLeft, shift)
	press(t, b, kb.ArrowRight, shift)
	press(t, b, "y")
	press(t, b, kb.Escape)
	settleHeld(t, b)
	if got := value("edit-note"); got != "ab\nxycd" {
		t.Errorf("ab Enter cd Home x Shift+← Shift+→ y typed ahead into the note: it is %q, not %q", got, "ab\nxycd")
	}

	press(t, b, kb.Enter)
	press(t, b, kb.Tab)
	press(t, b, kb.End)
	press(t, b, " Jr")
	press(t, b, "z", ctrl)
	press(t, b, kb.Escape)
	settleHeld(t, b)
	if got := value("edit-speaker"); got != "Michelle" {
		t.Errorf("End, Jr, Ctrl+Z typed ahead: the speaker is %q, not Michelle", got)
	}
	waitSaved(t, b)
}
