//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestStepFromTheFocusedEntry: ] and [ pressed on an entry of the list,
// which Tab reached without selecting it, select the annotation after or
// before that entry, not after or before the selected one, which may lie
// out of sight: from the first entry selected and the second focused, ]
// selected the second, the one the focus was already on.
func TestStepFromTheFocusedEntry(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	// In the list's order: technology, yes we can, pretty balanced.
	tagPhrase(t, b, "technology", "p")
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	selected := `(document.querySelector("#entries li.selected .excerpt") || {}).textContent`
	focused := `((document.activeElement.closest && document.activeElement.closest("#entries > li")) || {querySelector: () => ({})}).querySelector(".excerpt").textContent`
	on := func(cond, what string) {
		t.Helper()
		waitFor(t, b, cond+` === `+jsString(what))
	}

	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, kb.Escape)
	press(t, b, "]")
	on(selected, "“technology”")
	press(t, b, "l", alt)
	on(focused, "“technology”")
	press(t, b, kb.Tab) // the focus moves on; the selection stays
	on(focused, "“yes we can”")
	settle(t, b)
	if got := evalJS[string](t, b, selected); got != "“technology”" {
		t.Fatalf("Tab down the list selected %q", got)
	}

	press(t, b, "]")
	settle(t, b)
	if got := evalJS[string](t, b, selected); got != "“pretty balanced”" {
		t.Fatalf("] on the entry of “yes we can”, with “technology” selected, selected %q, not the entry after it", got)
	}
	on(focused, "“pretty balanced”")

	press(t, b, kb.Tab, shift)
	on(focused, "“yes we can”")
	press(t, b, "[")
	on(selected, "“technology”")
	on(focused, "“technology”")

	// On the last entry, the first selected: nothing after it, said of
	// the entry the focus is on; the selection stays.
	press(t, b, kb.Tab)
	press(t, b, kb.Tab)
	on(focused, "“pretty balanced”")
	press(t, b, "]")
	said := `document.getElementById("notice-said").textContent`
	on(said, "The last annotation of the list has the focus; [ goes back.")
	if got := evalJS[string](t, b, selected); got != "“technology”" {
		t.Errorf("] on the last entry selected %q", got)
	}
}
