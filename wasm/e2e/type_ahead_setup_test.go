//go:build !wasm

package e2e

// The set-ups of the type-ahead's tests (web/annotator.js, "Type-ahead"):
// keys pressed at the test's pace, held as a fast typist's are on a
// loaded machine.

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

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

// typeAheadOnPhrase opens the app with phrase selected in the article,
// which has the focus, and the keys held slowly (slowRelease).
func typeAheadOnPhrase(t *testing.T, phrase string) *browser {
	t.Helper()
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	selectPhrase(t, b, phrase, 0)
	evalJS[bool](t, b, `(document.getElementById("article").focus({preventScroll: true}), true)`)
	slowRelease(t, b, 300)
	return b
}

// typeAheadFromSaved opens the app with the sample saved, the focus in
// the article, and the keys held slowly (slowRelease).
func typeAheadFromSaved(t *testing.T) *browser {
	t.Helper()
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	b.run(chromedp.Focus(chromedp.ID("article")))
	settle(t, b)
	slowRelease(t, b, 300)
	return b
}

// tagThenDeselect tags the phrases with the label keys (phraseKeys:
// phrase, key, phrase, key…), then deselects with Escape in the
// article.
func tagThenDeselect(t *testing.T, b *browser, phraseKeys ...string) {
	t.Helper()
	for i := 0; i+1 < len(phraseKeys); i += 2 {
		tagPhrase(t, b, phraseKeys[i], phraseKeys[i+1])
	}
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
}
