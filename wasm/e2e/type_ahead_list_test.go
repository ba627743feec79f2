//go:build !wasm

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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
	tagPhrase(t, b, "technology", "p")
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
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

// slowRelease gives the keys held after a key that moves the focus ms
// later than the app asks, as on a machine where the key's render takes
// that long (a large document, a loaded machine): the keys the test
// presses meanwhile, at its own pace, are held, as a fast typist's are
// there.
func slowRelease(t testing.TB, b *browser, ms int) {
	t.Helper()
	evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const release = window.annotator.releaseKeys;
		window.annotator.releaseKeys = () => setTimeout(release, %d);
		return true;
	})()`, ms))
}

// settleHeld waits until the keys held have been given (after
// slowRelease's delay for each key that holds them again, or the hold's
// limit in annotator.js, a second) and the page is calm.
func settleHeld(t testing.TB, b *browser) {
	t.Helper()
	time.Sleep(1500 * time.Millisecond)
	settle(t, b)
}
