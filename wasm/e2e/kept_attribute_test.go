//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestKeptAttributeEditIsRefusedInWords: a quote's speaker, kept when the
// quote is relabelled a claim, shows in the panel; changing it there is
// refused (a claim takes no speaker) with a message in plain words, and
// the field shows the speaker kept again, not the refused value that the
// annotation does not hold. Emptying it removes it.
func TestKeptAttributeEditIsRefusedInWords(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	typeInField(t, b, "edit-speaker", "Obama")
	press(t, b, kb.Escape)
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Obama"`)
	press(t, b, "c")
	waitFor(t, b, `document.getElementById("edit-label").value === "claim"`)

	typeInField(t, b, "edit-speaker", " Jr")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#notice").classList.contains("error")`)
	settle(t, b)
	msg := text(t, b, "#notice")
	if !strings.HasPrefix(msg, "The label claim takes no speaker") || strings.Contains(msg, `"`) {
		t.Errorf("the refusal says %q", msg)
	}
	if got := evalJS[string](t, b, `document.getElementById("edit-speaker").value`); got != "Obama" {
		t.Errorf("after the refusal the speaker's field shows %q, the annotation holds Obama", got)
	}

	// Emptied, it goes.
	b.run(chromedp.Focus(chromedp.ID("edit-speaker")))
	evalJS[chromedp.Void](t, b, `(() => { const f = document.getElementById("edit-speaker"); f.value = ""; f.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	waitFor(t, b, `!document.querySelector("#entries .attrs")`)
}
