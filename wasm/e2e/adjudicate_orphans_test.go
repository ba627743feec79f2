//go:build !wasm

package e2e

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/uuid"

	"github.com/newsannotator/annotator/annotate"
)

// TestAdjudicationSaysTheOrphansLeftOut: Bob's file holds two spans it
// could not place on the article (orphans, as an export keeps them).
// Adjudication compared and merged his placed spans only, and said
// nothing: his two spans were in neither the figures nor the gold
// document, unseen. Now the start and the panel say whose and how many,
// as the command line's table does.
func TestAdjudicationSaysTheOrphansLeftOut(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	claim := [2]string{"claim", "rents rose by 12% last year"}
	annPath, _ := annotatorFile(t, dir, "Ann", claim)
	bobPath, bob := annotatorFile(t, dir, "Bob", claim)
	for _, exact := range []string{"rents fell", "the mayor resigned"} {
		id, err := uuid.NewV7()
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		bob.Orphans = append(bob.Orphans, annotate.Annotation{ID: id.String(), Label: "claim", Start: 0, End: 10, Exact: exact,
			Attributes: map[string]string{}, Author: "Bob", Created: now, Modified: now, Anchor: annotate.AnchorOrphan})
	}
	data, err := bob.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bobPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	// The message line is the root's, told by an action after the panel.
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Adjudicating")`)
	for _, where := range []string{"#notice", "#adjudication p"} {
		if got := text(t, b, where); !strings.Contains(got, "Bob") || !strings.Contains(got, "2 spans") || !strings.Contains(got, "could not place") {
			t.Errorf("%s says %q, nothing of Bob's 2 spans left out", where, got)
		}
	}
}
