//go:build !wasm

package e2e

// This file shows that adjudicating one annotator's file twice (chosen
// twice, or a copy of it) is said, as its agreement is perfect by
// construction.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAdjudicationSaysTheSameFileTwice adjudicates Ann's file beside a
// copy of it: the app says that "Ann (2)" is "Ann", in its message and
// above the figures. It was adjudicated as two annotators in perfect
// agreement, with nothing said.
func TestAdjudicationSaysTheSameFileTwice(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	annPath, _ := annotatorFile(t, dir, "Ann", [2]string{"claim", "rents rose by 12% last year"})
	data, err := os.ReadFile(annPath)
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "ann copy.json")
	if err := os.WriteFile(copyPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, copyPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Adjudicating")`)
	for _, where := range []string{"#notice", "#adjudication p"} {
		if got := text(t, b, where); !strings.Contains(got, "“Ann (2)” is “Ann”") || !strings.Contains(got, "chosen twice") {
			t.Errorf("%s says %q, nothing of the file given twice", where, got)
		}
	}
}
