//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStepPastTheEndsSaysSo: ] on the last annotation and [ on the first
// keep the selection and say why nothing moved, in the message line that
// screen readers announce.
func TestStepPastTheEndsSaysSo(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "]")
	settle(t, b)
	if got := text(t, b, "#notice"); got != "The last annotation of the list is selected; [ goes back." {
		t.Errorf("] on the last annotation says %q", got)
	}
	press(t, b, "[")
	waitFor(t, b, `(document.querySelector("#entries li.selected .excerpt") || {}).textContent === "“yes we can”"`)
	press(t, b, "[")
	settle(t, b)
	if got := text(t, b, "#notice"); got != "The first annotation of the list is selected; ] goes on." {
		t.Errorf("[ on the first annotation says %q", got)
	}
	if got := text(t, b, "#entries li.selected .excerpt"); got != "“yes we can”" {
		t.Errorf("the selection moved to %q", got)
	}
}
