//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTypedSpeakerIsKeptThroughAReload: a quote's speaker typed into the
// panel, its field still focused as the tab is reloaded (or closed), is not
// lost: the tab asks first and keeps it, as a step that Ctrl+Z undoes after
// the reload. The field's change event comes only when it loses the focus,
// and a reload then lost the speaker without a word.
func TestTypedSpeakerIsKeptThroughAReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	typeInField(t, b, "edit-speaker", "Obama")

	if !evalJS[bool](t, b, `(() => { const e = new Event("beforeunload", {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; })()`) {
		t.Error("with a speaker typed and not yet kept, the tab does not ask before it closes")
	}
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Obama"`)
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	settle(t, b)
	if got := text(t, b, "#entries .attrs"); got != "speaker: Obama" {
		t.Fatalf("after the reload the entry's attributes are %q, want the speaker typed", got)
	}
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "z", ctrl)
	waitFor(t, b, `!document.querySelector("#entries .attrs")`)
	if !tryWait(b, `document.querySelector("#notice").textContent === "Undid: set speaker."`) {
		t.Errorf("Ctrl+Z after the reload says %q", text(t, b, "#notice"))
	}

	// Nothing typed: the tab does not ask.
	waitSaved(t, b)
	if evalJS[bool](t, b, `(() => { const e = new Event("beforeunload", {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented; })()`) {
		t.Error("with nothing typed nor unsaved, the tab asks before it closes")
	}
}
