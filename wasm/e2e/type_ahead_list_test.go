//go:build !wasm

package e2e

import (
	"testing"
)

// TestTypeAheadStepsDownTheList: Alt+L, then ] twice, typed before the
// app has drawn what each key did, select the annotation two entries down
// the list, the focus on its entry. The keys held after Alt+L were given
// all at once, and ] on an entry moves the focus to the entry it selects
// only once the list is drawn: both ] stepped from the entry Alt+L had
// reached, and selected the second entry, one key lost.
func TestTypeAheadStepsDownTheList(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	// In the list's order: technology, yes we can, pretty balanced.
	tagThenDeselect(t, b, "technology", "p", "yes we can", "q", "pretty balanced", "c")
	settle(t, b)

	slowRelease(t, b, 300)
	press(t, b, "l", alt)
	press(t, b, "]")
	press(t, b, "]")
	settleHeld(t, b)
	selected := `(document.querySelector("#entries li.selected .excerpt") || {}).textContent`
	focused := `((document.activeElement.closest && document.activeElement.closest("#entries > li")) || {querySelector: () => ({})}).querySelector(".excerpt").textContent`
	if got := evalJS[string](t, b, selected); got != "“pretty balanced”" {
		t.Errorf("Alt+L ] ] selected %q, not the third entry", got)
	}
	if got := evalJS[string](t, b, focused); got != "“pretty balanced”" {
		t.Errorf("after Alt+L ] ] the focus is on the entry %q (#%s), not on the third", got, activeID(t, b))
	}
}
