//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestRefusedRelabelInThePanelShowsTheLabelKept: in the panel of a claim
// whose words are a quote too, the label's choice offers quote disabled,
// and ↓ from claim (which relabels at each step) goes to pledge, past it.
// A relabel to quote chosen all the same is refused in words, and the
// choice shows the label the annotation keeps: it showed quote over the
// claim, and the next choice of claim there changed nothing.
func TestRefusedRelabelInThePanelShowsTheLabelKept(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "yes we can", "c")
	waitFor(t, b, `document.getElementById("edit-label").value === "claim"`)
	settle(t, b)
	if got := evalJS[string](t, b, `[...document.getElementById("edit-label").options].filter((o) => o.disabled).map((o) => o.value).join()`); got != "quote" {
		t.Errorf("the claim's choice of labels has %q disabled, want quote (its words are a quote already)", got)
	}

	evalJS[bool](t, b, `(() => { const s = document.getElementById("edit-label"); s.focus(); s.value = "quote"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	waitFor(t, b, `document.querySelector("#notice").classList.contains("error")`)
	settle(t, b)
	if msg := text(t, b, "#notice"); !strings.Contains(msg, "cannot be relabelled quote") {
		t.Errorf("the refusal says %q", msg)
	}
	if got := evalJS[string](t, b, `document.getElementById("edit-label").value`); got != "claim" {
		t.Errorf("after the refusal the label's select shows %q, the annotation is a claim", got)
	}

	b.run(chromedp.Focus(chromedp.ID("edit-label")))
	press(t, b, kb.ArrowDown)
	if !tryWait(b, `document.querySelector("#notice").textContent === "Relabelled “yes we can” as pledge."`) {
		t.Errorf("↓ on the claim's label says %q", text(t, b, "#notice"))
	}
	settle(t, b)
	if got := evalJS[string](t, b, `document.getElementById("edit-label").value`); got != "pledge" {
		t.Errorf("after ↓ the label's select shows %q", got)
	}
	if got := evalJS[string](t, b, `[...document.getElementById("edit-label").options].filter((o) => o.disabled).map((o) => o.value).join()`); got != "quote" {
		t.Errorf("the pledge's choice of labels has %q disabled, want quote", got)
	}
}
