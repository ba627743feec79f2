//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAdjudicationButtonsNameTheirSpan: each row's Accept and Reject are
// named with the row's span, each its own, starting with the word shown,
// so that a screen reader's user moving by Tab hears which span a press
// decides; every row's were "Accept" and "Reject".
func TestAdjudicationButtonsNameTheirSpan(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	ann, _ := annotatorFile(t, dir, "Ann", [2]string{"claim", "rents rose by 12% last year"}, [2]string{"claim", "the plan was too small"})
	bob, _ := annotatorFile(t, dir, "Bob", [2]string{"claim", "rents rose by 12% last year"}, [2]string{"pledge", "We will build 300 homes"})
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{ann, bob}))
	waitFor(t, b, `document.querySelectorAll("#adjudication tr[data-id] button.accept").length === 3`)
	names := evalJS[[]string](t, b, `[...document.querySelectorAll("#adjudication tr[data-id] button")].map((e) => e.getAttribute("aria-label") || e.textContent)`)
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] || !(strings.HasPrefix(n, "Accept the ") || strings.HasPrefix(n, "Reject the ")) || !strings.Contains(n, "“") {
			t.Errorf("a row's button is named %q; want Accept or Reject, the label and the span, each name its own (all: %q)", n, names)
		}
		seen[n] = true
	}
	if !seen["Accept the pledge “We will build 300 homes”"] {
		t.Errorf("no button is named for the pledge: %q", names)
	}
}
