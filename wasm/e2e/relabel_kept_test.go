//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestRelabelSaysTheAttributeKept: a quote with a speaker relabelled a
// claim keeps its speaker (a relabel back loses nothing), and the message
// says so, and how to drop it: the relabel said only that it was
// relabelled, and the claim's export named a speaker unawares. A relabel
// back to quote says nothing of it.
func TestRelabelSaysTheAttributeKept(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	typeInField(t, b, "edit-speaker", "Obama")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.activeElement.id === "article" && (document.querySelector("#entries .attrs") || {}).textContent === "speaker: Obama"`)

	press(t, b, "c")
	want := "Relabelled “yes we can” as claim. It keeps its speaker, which the label claim does not take: the export has it; empty its field to drop it."
	if !tryWait(b, `document.querySelector("#notice").textContent === `+jsString(want)) {
		t.Errorf("the relabel to claim says %q, want %q", text(t, b, "#notice"), want)
	}
	press(t, b, "q")
	want = "Relabelled “yes we can” as quote."
	if !tryWait(b, `document.querySelector("#notice").textContent === `+jsString(want)) {
		t.Errorf("the relabel back to quote says %q, want %q", text(t, b, "#notice"), want)
	}
}
