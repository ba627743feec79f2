//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestRelabelOutOfTheFilterMovesTheFocus: with the list showing one
// label's annotations (quotes, say), a label's key pressed on the
// selected entry relabels it, and, its entry leaving the list, the entry
// listed in its place is selected and has the focus, said as it moves.
// The entry went with the focus, which fell to the page's body: the next
// Tab started over at the top of the page, and the next key acted on an
// annotation the list no longer showed.
func TestRelabelOutOfTheFilterMovesTheFocus(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "q")
	evalJS[bool](t, b, `(document.getElementById("filter-quote").focus(), true)`)
	press(t, b, kb.Enter)
	waitFor(t, b, `document.getElementById("filter-quote").getAttribute("aria-pressed") === "true" && document.querySelectorAll("#entries > li").length === 2`)
	waitFor(t, b, `document.querySelector("#entries > li.selected") !== null`) // the last tagged
	press(t, b, "l", alt)
	waitFor(t, b, `document.activeElement.matches("#entries > li.selected > .entry-main")`)
	other := text(t, b, "#entries > li:not(.selected) .excerpt")
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1 && document.getElementById("notice-said").textContent.startsWith("Relabelled")`)
	waitFor(t, b, `document.activeElement.matches("#entries > li.selected > .entry-main") && document.activeElement.querySelector(".excerpt").textContent === `+jsString(other))
}
