//go:build !wasm

package e2e

// This file shows that what an annotator is typing in a field is not lost
// when the page goes away before the field is left: a field keeps its
// text with its change event, which a reload, a closed tab or the update's
// reload never fires.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTypedSpeakerSurvivesReload types a quote's speaker and reloads with
// the focus still in the field: the speaker is the quote's after the
// reload. It was lost, and the tab did not ask before closing.
func TestTypedSpeakerSurvivesReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	typeInField(t, b, "edit-speaker", "Barack Obama")
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	waitFor(t, b, `(() => { const el = document.getElementById("edit-speaker"); return el !== null && !el.closest("#selected").hidden; })()`)
	if got := evalJS[string](t, b, `document.getElementById("edit-speaker").value`); got != "Barack Obama" {
		t.Fatalf("after a reload with the speaker typed and the field not left, the speaker is %q", got)
	}
	// The page going away may blur the field now and then, whose change
	// is then written before it goes: either way, nothing is said lost.
	if got := text(t, b, "#notice"); strings.Contains(got, "not kept") {
		t.Errorf("after the reload the app says %q", got)
	}
	// Stored as any change is: a second reload finds it.
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	if got := text(t, b, "#entries"); !strings.Contains(got, "Barack Obama") {
		t.Errorf("after a second reload the list reads %q, without the speaker", got)
	}
}

// TestTypedNameSurvivesReload types a name in the toolbar and reloads with
// the focus still in the field: the name is the workspace's after the
// reload. It was lost.
func TestTypedNameSurvivesReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	b.run(chromedp.Focus(chromedp.ID("author-input")))
	waitFor(t, b, `document.activeElement && document.activeElement.id === "author-input"`)
	b.run(chromedp.KeyEvent("Ada Lovelace"))
	waitFor(t, b, `document.getElementById("author-input").value === "Ada Lovelace"`)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if got := evalJS[string](t, b, `document.getElementById("author-input").value`); got != "Ada Lovelace" {
		t.Fatalf("after a reload with the name typed and the field not left, the name is %q", got)
	}
	// The page going away may blur the field now and then, whose change
	// is then written before it goes: either way, nothing is said lost.
	if got := text(t, b, "#notice"); strings.Contains(got, "not kept") {
		t.Errorf("after the reload the app says %q", got)
	}
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if got := evalJS[string](t, b, `document.getElementById("author-input").value`); got != "Ada Lovelace" {
		t.Errorf("after a second reload the name is %q", got)
	}
}
