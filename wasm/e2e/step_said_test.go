//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestStepSaysTheAnnotation: ] and [ pressed in the article say which
// annotation they selected, and where it stands in the list: a screen
// reader's user heard nothing, the focus staying in the article and the
// message line unchanged, and knew neither that the key had worked nor
// which annotation a label's key or Delete would now change.
func TestStepSaysTheAnnotation(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	press(t, b, "a", alt)
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
	said := `document.getElementById("notice-said").textContent`
	press(t, b, "]")
	waitFor(t, b, `document.querySelector("#entries li.selected") !== null`)
	first := text(t, b, "#entries li.selected .excerpt")
	waitFor(t, b, said+`.startsWith("Selected the ")`)
	if got := evalJS[string](t, b, said); got != "Selected the "+text(t, b, "#entries li.selected .badge")+" "+first+", 1 of 2." {
		t.Errorf("] said %q", got)
	}
	press(t, b, "]")
	waitFor(t, b, said+`.endsWith(", 2 of 2.")`)
	press(t, b, "[")
	waitFor(t, b, said+`.endsWith(", 1 of 2.")`)
}

// TestStepOnAnEmptyListSaysSo: ] pressed in the article while the list
// shows nothing (no annotation yet, or none of the label it is filtered
// by) says so: it was silent, as though the key had not been heard.
func TestStepOnAnEmptyListSaysSo(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	said := `document.getElementById("notice-said").textContent`
	press(t, b, "a", alt)
	press(t, b, "]")
	waitFor(t, b, said+`.startsWith("No annotations yet")`)
	tagPhrase(t, b, "yes we can", "q")
	evalJS[bool](t, b, `(document.getElementById("filter-pledge").focus(), true)`)
	press(t, b, kb.Enter)
	waitFor(t, b, `document.getElementById("filter-pledge").getAttribute("aria-pressed") === "true"`)
	press(t, b, "a", alt)
	press(t, b, "[")
	waitFor(t, b, said+`.startsWith("No pledge yet")`)
}

// TestDeleteWithNothingSelectedNamesTheKeys: Delete with no annotation
// selected tells how to select one from the keyboard too (] or [): it
// said only to click a highlight or an entry.
func TestDeleteWithNothingSelectedNamesTheKeys(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	press(t, b, "a", alt)
	press(t, b, kb.Delete)
	waitFor(t, b, `document.getElementById("notice-alert").textContent.startsWith("Select an annotation to delete it")`)
	if got := text(t, b, "#notice-alert"); !strings.Contains(got, "]") {
		t.Errorf("Delete with nothing selected says %q, nothing of the keys that select", got)
	}
}
