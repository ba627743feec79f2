//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestTypeAheadReachesTheLibrary: Alt+W from the article, then Tab,
// typed before the library has drawn its documents, leave the focus on
// the first document's status, the control after its title, where the
// Tab goes once Alt+W has put the focus on the title; and Alt+L from the
// library, then ], typed before the article's list is drawn, select the
// second annotation, the ] pressed on the first one's entry. The keys
// were given once the command had rendered, before the focus came, which
// waits for the library to read the workspace, or for the list to draw
// its rows: the Tab went to the page and the ] to its body.
func TestTypeAheadReachesTheLibrary(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	// In the list's order: technology, yes we can.
	tagThenDeselect(t, b, "technology", "p", "yes we can", "q")
	waitSaved(t, b)
	settle(t, b)

	slowCPU(t, b, 20)
	press(t, b, "w", alt)
	press(t, b, kb.Tab)
	slowCPU(t, b, 1)
	waitFor(t, b, `document.querySelector("#library-table .library-open") !== null`)
	settleHeld(t, b)
	const status = `document.activeElement && document.activeElement.matches("#library-table tbody tr:first-child .status-select")`
	if !evalJS[bool](t, b, status) {
		t.Errorf("after Alt+W Tab the focus is on %s, not on the first document's status", evalJS[string](t, b, `document.activeElement.outerHTML.slice(0, 120)`))
	}

	slowCPU(t, b, 20)
	press(t, b, "l", alt)
	press(t, b, "]")
	slowCPU(t, b, 1)
	waitFor(t, b, `document.querySelector("#entries li.selected") !== null`)
	settleHeld(t, b)
	selected := `(document.querySelector("#entries li.selected .excerpt") || {}).textContent`
	if got := evalJS[string](t, b, selected); got != "“yes we can”" {
		t.Errorf("Alt+L ] from the library selected %q, not the second entry", got)
	}
}
