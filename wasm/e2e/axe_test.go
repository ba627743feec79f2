//go:build !wasm

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// This file audits the app with axe-core in its main states. axe comes
// from testdata/axe (no network needed) and is injected through the
// DevTools protocol, which the page's Content-Security-Policy does not
// govern: the app itself never loads it.

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeViolation is what the test reports of one violation.
type axeViolation struct {
	ID, Impact, Help string
	Targets          []string
}

// auditA11y runs axe over the whole page as it is and fails the test with
// each violation's id, impact and target. state names the page's state
// in the messages.
func auditA11y(t testing.TB, b *browser, state string) {
	t.Helper()
	axeOnce.Do(func() {
		data, err := os.ReadFile(filepath.Join(testcorpus.Root(t), "testdata", "axe", "axe.min.js"))
		axeSource, axeErr = string(data), err
	})
	if axeErr != nil {
		t.Fatal(axeErr)
	}
	if !evalJS[bool](t, b, `typeof window.axe === "object"`) {
		evalJS[chromedp.Void](t, b, axeSource+"\n;undefined")
	}
	if got := evalJS[string](t, b, `axe.version`); got != "4.14.1" {
		t.Fatalf("axe %s was injected, want 4.14.1", got)
	}
	violations := evalJS[[]axeViolation](t, b, `axe.run(document).then(r => r.violations.map(v => ({
		ID: v.id, Impact: v.impact || "", Help: v.help,
		Targets: v.nodes.map(n => n.target.join(" ") + (n.failureSummary ? " — " + n.failureSummary.replace(/\s+/g, " ") : "")),
	})))`)
	for _, v := range violations {
		t.Errorf("%s: axe %s (%s): %s\n\t%s", state, v.ID, v.Impact, v.Help, strings.Join(v.Targets, "\n\t"))
	}
	t.Logf("%s: axe %s found %d violations", state, "4.14.1", len(violations))
}

// TestAxe audits the app with the sample article open, with annotations
// and the editor open, with the keyboard help open, and with the question
// about unexported work open.
func TestAxe(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	auditA11y(t, b, "the article open")

	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	tagPhrase(t, b, "2.5%", "p")
	waitFor(t, b, `document.querySelector("#selected:not([hidden]) #edit-note") !== null`)
	auditA11y(t, b, "annotations with the editor open")

	press(t, b, "?")
	waitFor(t, b, `document.querySelector("#help") !== null && document.querySelector("#help").open`)
	auditA11y(t, b, "the keyboard help open")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#help") === null`)

	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 2`)
	auditA11y(t, b, "the library with two documents")
}
