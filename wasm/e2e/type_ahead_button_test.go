//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadAfterAButton: ? Enter c typed ahead opens the help, closes
// it with its Close button and relabels the selected quote a claim, as at
// a reader's pace. The Enter, given to the Close button once the help had
// the focus, pressed it, and the c, given at once after it, went to the
// button still drawn, in the dialog, where it did nothing; so did the p
// of ? Space p.
func TestTypeAheadAfterAButton(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	evalJS[bool](t, b, `(document.getElementById("article").focus({preventScroll: true}), true)`)
	settle(t, b)
	slowRelease(t, b, 300)
	state := `(document.querySelector("#entries .badge") || {}).textContent + (document.querySelector("dialog") ? " in the help" : "") + " on #" + document.activeElement.id`

	for _, s := range []struct{ name, key, label string }{{"Enter", kb.Enter, "claim"}, {"Space", " ", "pledge"}} {
		press(t, b, "?")
		press(t, b, s.key)
		press(t, b, string(s.label[0]))
		settleHeld(t, b)
		if got, want := evalJS[string](t, b, state), s.label+" on #article"; got != want {
			t.Errorf("? %s %c typed ahead: %s, not %s", s.name, s.label[0], got, want)
		}
	}
	waitSaved(t, b)
}
