//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadEditsAsAMacField: on a Mac (navigator.platform), the
// editing keys typed ahead into the panel's fields, before Enter has given
// them the focus, do what a Mac's do there: Option+Backspace deletes the
// word before the caret, ⌘A selects the field's text, ⌘Z undoes, ⌘←
// goes to the line's start. The tests otherwise run on Linux, whose keys
// (Ctrl) TestTypeAheadEditsAsTheField checks: the Mac's were not tried.
func TestTypeAheadEditsAsAMacField(t *testing.T) {
	b := openAppWithScript(t, `Object.defineProperty(Navigator.prototype, "platform", {get: () => "MacIntel"})`)
	waitStarted(t, b)
	if !evalJS[bool](t, b, `navigator.platform === "MacIntel"`) {
		t.Fatal("the page does not take itself for a Mac's")
	}
	selectPhrase(t, b, "yes we can", 0)
	evalJS[bool](t, b, `(document.getElementById("article").focus({preventScroll: true}), true)`)
	slowRelease(t, b, 300)
	option := chromedp.KeyModifiers(chromedp.ModifierAlt)
	cmd := chromedp.KeyModifiers(chromedp.ModifierMeta)
	value := func(id string) string {
		t.Helper()
		return evalJS[string](t, b, `document.getElementById("`+id+`").value`)
	}

	b.run(chromedp.KeyEvent("q"), chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent("Barack Obamz"),
		chromedp.KeyEvent(kb.Backspace, option), chromedp.KeyEvent("Obama"), chromedp.KeyEvent(kb.Escape))
	settleHeld(t, b)
	if got := value("edit-speaker"); got != "Barack Obama" {
		t.Errorf("Barack Obamz, Option+Backspace, Obama typed ahead: the speaker is %q, not Barack Obama", got)
	}

	b.run(chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent("a", cmd), chromedp.KeyEvent("Michelle"),
		chromedp.KeyEvent(kb.ArrowLeft, cmd), chromedp.KeyEvent("M "), chromedp.KeyEvent(kb.Escape))
	settleHeld(t, b)
	if got := value("edit-speaker"); got != "M Michelle" {
		t.Errorf("⌘A Michelle ⌘← \"M \" typed ahead: the speaker is %q, not \"M Michelle\"", got)
	}

	b.run(chromedp.KeyEvent(kb.Enter), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.ArrowRight, cmd), chromedp.KeyEvent("!"),
		chromedp.KeyEvent("z", cmd), chromedp.KeyEvent(kb.Escape))
	settleHeld(t, b)
	if got := value("edit-speaker"); got != "M Michelle" {
		t.Errorf("⌘→ ! ⌘Z typed ahead: the speaker is %q, not \"M Michelle\"", got)
	}
}
