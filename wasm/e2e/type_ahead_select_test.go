//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadChoosesTheLabel: the keys typed after Enter, before the
// panel has the focus, choose in the label's select as they do there at
// a reader's pace: a letter the label it begins (q Enter c: a claim), ↓
// the next label (Enter ↓ ↓ on a claim: a pledge). They did nothing:
// typeKey left a select alone, and the annotation kept its label.
func TestTypeAheadChoosesTheLabel(t *testing.T) {
	b := typeAheadOnPhrase(t, "yes we can")
	press(t, b, "q")
	press(t, b, kb.Enter)
	press(t, b, "c")
	settleHeld(t, b)
	waitSaved(t, b)
	label := `document.querySelector("#entries .badge").textContent + " " + document.getElementById("edit-label").value`
	if got := evalJS[string](t, b, label); got != "claim claim" {
		t.Errorf("q Enter c typed ahead: the annotation and its select are %q, not claim", got)
	}

	press(t, b, kb.Escape)
	settleHeld(t, b)
	press(t, b, kb.Enter)
	press(t, b, kb.ArrowDown)
	press(t, b, kb.ArrowDown)
	settleHeld(t, b)
	waitSaved(t, b)
	if got := evalJS[string](t, b, label); got != "pledge pledge" {
		t.Errorf("Enter ↓ ↓ typed ahead on a claim: the annotation and its select are %q, not pledge, two labels down", got)
	}
}
