//go:build !wasm

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestQuoteInsideAClaimGetsItsSpeaker: a quote tagged inside a claim
// already there (the commonest nesting: the claim's sentence holds the
// quote), then Enter Tab name Esc, as the README promises for `q` Enter
// Tab name Esc, names the quote's speaker. The caret stays after the new
// span, inside the claim, and Enter opened the claim's panel: the name
// went into the claim's note, the quote had no speaker.
func TestQuoteInsideAClaimGetsItsSpeaker(t *testing.T) {
	b, claim := taggedClaimAroundAQuote(t)
	tagPhrase(t, b, "“yes we can”", "q")
	quote := selectedID(t, b)
	if quote == claim || quote == "" {
		t.Fatalf("the quote is not selected after its tag: %q", quote)
	}
	waitFor(t, b, `document.activeElement && document.activeElement.id === "article" && getSelection().isCollapsed`)
	// A step on, over the space after the quote: the selection line says
	// what Enter would edit there, the quote, not the claim around it.
	press(t, b, kb.ArrowRight)
	settle(t, b)
	if got := evalJS[string](t, b, `document.querySelector("#selection-info").textContent`); !strings.HasPrefix(got, "At the quote “") {
		t.Errorf("after the quote's tag and →, the selection line says %q, not the quote Enter edits", got)
	}
	press(t, b, kb.Enter)
	waitFor(t, b, `document.activeElement && document.activeElement.closest("#selected")`)
	press(t, b, kb.Tab)
	t.Logf("after Enter Tab the panel shows %s (quote %s, claim %s), the focus is on %s", selectedID(t, b), quote, claim, evalJS[string](t, b, `document.activeElement.id`))
	b.run(chromedp.KeyEvent("Donald Trump"))
	press(t, b, kb.Escape)
	waitFor(t, b, `document.activeElement && document.activeElement.id === "article"`)
	waitSaved(t, b)
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	for _, a := range f.Annotations {
		switch a.ID {
		case quote:
			if got := a.Attributes["speaker"]; got != "Donald Trump" {
				t.Errorf("the quote just tagged has the speaker %q, want the name typed after q Enter Tab: %q", got, "Donald Trump")
			}
		case claim:
			if n := a.Attributes["note"]; n != "" {
				t.Errorf("the name typed went into the claim's note: %q", n)
			}
		}
	}
}

// selectedID is the id of the annotation the panel shows, or "".
func selectedID(t testing.TB, b *browser) string {
	return evalJS[string](t, b, `(() => { const s = document.querySelector("#selected"); return s && !s.hidden && s.dataset.id || ""; })()`)
}

// TestEnterAfterABackwardTagEditsIt: a selection made upwards (Shift+←,
// or a drag from its end) leaves the caret at the span's start once
// tagged. Enter there edits the annotation just tagged, as after a
// selection made downwards; inside a claim it offered the choice between
// the two.
func TestEnterAfterABackwardTagEditsIt(t *testing.T) {
	b, claim := taggedClaimAroundAQuote(t)
	n := entryCount(t, b)
	selectPhrase(t, b, "“yes we can”", 0)
	evalJS[bool](t, b, `(() => { const s = getSelection(), r = s.getRangeAt(0); s.setBaseAndExtent(r.endContainer, r.endOffset, r.startContainer, r.startOffset); return true; })()`)
	press(t, b, "q")
	waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length > %d`, n))
	quote := selectedID(t, b)
	if quote == claim || quote == "" {
		t.Fatalf("the quote is not selected after its tag: %q", quote)
	}
	waitFor(t, b, `document.activeElement && document.activeElement.id === "article" && getSelection().isCollapsed`)
	press(t, b, kb.Enter)
	waitFor(t, b, `document.activeElement && document.activeElement.closest("#selected, #choices")`)
	if evalJS[bool](t, b, `!!document.activeElement.closest("#choices")`) {
		t.Fatalf("Enter after a backward tag offers a choice: %q", evalJS[string](t, b, `document.querySelector("#notice").textContent`))
	}
	if got := selectedID(t, b); got != quote {
		t.Errorf("Enter after a backward tag edits %s, want the quote just tagged %s (the claim is %s)", got, quote, claim)
	}
}

// taggedClaimAroundAQuote opens the app on the sample, its article focused,
// and tags as a claim the sentence that holds the quote "yes we can"; it
// returns the browser and the claim's id.
func taggedClaimAroundAQuote(t *testing.T) (*browser, string) {
	t.Helper()
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	evalJS[bool](t, b, `(document.getElementById("article").focus(), true)`)
	tagPhrase(t, b, "The US President said “yes we can” when asked if a peace deal could be achieved in Ukraine", "c")
	return b, selectedID(t, b)
}
