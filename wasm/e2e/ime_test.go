//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestEscapeCancelsACompositionInAField: Escape pressed while an input
// method composes a speaker's name cancels the composition, as it does in
// any text field: the field keeps the focus, and the annotator neither
// leaves it for the article nor takes the key from the input method.
func TestEscapeCancelsACompositionInAField(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	b.run(chromedp.Focus(chromedp.ID("edit-speaker")))
	waitFor(t, b, `document.activeElement.id === "edit-speaker"`)

	for _, init := range []string{
		`{key: "Escape", isComposing: true}`,
		`{key: "Process", keyCode: 229}`, // Chromium's first key of a composition
	} {
		prevented := evalJS[bool](t, b, `(() => {
			const e = new KeyboardEvent("keydown", Object.assign({bubbles: true, cancelable: true}, `+init+`));
			document.activeElement.dispatchEvent(e);
			return e.defaultPrevented;
		})()`)
		settle(t, b)
		if prevented {
			t.Errorf("the annotator took the key %s from the input method", init)
		}
		if got := activeID(t, b); got != "edit-speaker" {
			t.Errorf("after the key %s of a composition the focus is on #%s, not the speaker's field", init, got)
		}
	}
}
