//go:build !wasm

package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestAdjudicationShowsDifferentAttributes: two annotators tag the same
// quote and name different speakers. The quote was accepted at the
// start as if they agreed, the table showed no speaker at all, and the
// gold document took the first file's speaker unseen. Now the row is left
// for the adjudicator, with each annotator's speaker and the one the gold
// document takes.
func TestAdjudicationShowsDifferentAttributes(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	adjudicateSpeakers(t, b)

	type row struct {
		Label, Attributes string
		Accepted          bool
		Disputed          bool
	}
	rows := evalJS[[]row](t, b, `[...document.querySelectorAll("#adjudication-spans tbody tr")].map(tr => ({
		Label: tr.querySelector(".badge").textContent,
		Attributes: tr.querySelector(".attributes") ? tr.querySelector(".attributes").textContent : "",
		Accepted: tr.classList.contains("accepted"),
		Disputed: tr.classList.contains("disputed"),
	}))`)
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2: %+v", len(rows), rows)
	}
	for _, r := range rows {
		switch r.Label {
		case "claim":
			if !r.Accepted || r.Disputed {
				t.Errorf("the claim both made alike: %+v, want it accepted", r)
			}
		case "quote":
			if r.Accepted || !r.Disputed {
				t.Errorf("the quote whose speakers differ: %+v, want it left for the adjudicator", r)
			}
			for _, want := range []string{"Ann", "the mayor", "Bob", "Mayor Lee"} {
				if !strings.Contains(r.Attributes, want) {
					t.Errorf("the quote's attributes say %q, nothing of %q", r.Attributes, want)
				}
			}
		}
	}
	if n := text(t, b, "#notice"); !strings.Contains(n, "different attributes") {
		t.Errorf("the message line says %q, nothing of the speakers that differ", n)
	}
	// With only the disputed spans shown, the quote is there.
	b.run(chromedp.Click(chromedp.ID("disputed-only")))
	waitFor(t, b, `document.querySelectorAll("#adjudication-spans tbody tr").length === 1`)
	if got := text(t, b, "#adjudication-spans tbody tr .badge"); got != "quote" {
		t.Errorf("only the disputed shown: %q, want the quote", got)
	}
}

// TestAdjudicationTakesAnotherAnnotatorsAttributes: of a quote whose two
// annotators named different speakers, the adjudicator takes the second
// annotator's, and the gold document's quote has that speaker. Only the
// first annotator's could be taken before.
func TestAdjudicationTakesAnotherAnnotatorsAttributes(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	adjudicateSpeakers(t, b)
	const quoteRow = `[...document.querySelectorAll("#adjudication-spans tbody tr")].find(tr => tr.querySelector(".badge").textContent === "quote")`
	if got := text(t, b, "#adjudication-spans .gold-attributes"); got != "The gold takes: speaker “the mayor”" {
		t.Errorf("before a choice the row says %q, want Ann's speaker taken", got)
	}
	evalJS[bool](t, b, `(() => { const tr = `+quoteRow+`; [...tr.querySelectorAll("button.take")].find(b => b.textContent === "Bob").click(); tr.querySelector("button.accept").click(); return true; })()`)
	waitFor(t, b, `document.querySelector("#adjudication-spans .gold-attributes").textContent === "The gold takes: speaker “Mayor Lee”"`)
	if got := evalJS[string](t, b, `[...document.querySelectorAll("#adjudication-spans button.take[aria-pressed=true]")].map(b => b.textContent).join()`); got != "Bob" {
		t.Errorf("the pressed choice is %q, want Bob's alone", got)
	}
	waitFor(t, b, `document.querySelectorAll("#adjudication-spans tr.accepted").length === 2`)
	b.run(chromedp.Click(chromedp.ID("gold-save")))
	waitFor(t, b, `performance.getEntriesByName("annotator:gold-saved").length > 0`)
	dataset := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-all")))
	var speakers []string
	for _, line := range bytes.Split(bytes.TrimSpace(dataset), []byte("\n")) {
		var doc struct {
			Spans []struct {
				Label   string `json:"label"`
				Speaker string `json:"speaker"`
			} `json:"spans"`
		}
		if err := json.Unmarshal(line, &doc); err != nil {
			t.Fatal(err)
		}
		for _, sp := range doc.Spans {
			if sp.Label == "quote" {
				speakers = append(speakers, sp.Speaker)
			}
		}
	}
	if !slices.Contains(speakers, "Mayor Lee") || slices.Contains(speakers, "the mayor") {
		t.Errorf("the library's quotes have speakers %q, want the gold's Mayor Lee, not the mayor", speakers)
	}
}

// adjudicateSpeakers adjudicates Ann's and Bob's files of one article,
// each with the same claim and quote, where Ann's quote's speaker is "the
// mayor" and Bob's "Mayor Lee".
func adjudicateSpeakers(t *testing.T, b *browser) {
	t.Helper()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()
	quote := [2]string{"quote", "“We will build 300 homes by 2027,”"}
	claim := [2]string{"claim", "rents rose by 12% last year"}
	withSpeaker := func(author, speaker string) string {
		path, f := annotatorFile(t, dir, author, claim, quote)
		for k := range f.Annotations {
			if f.Annotations[k].Label == "quote" {
				f.Annotations[k].Attributes["speaker"] = speaker
			}
		}
		data, err := f.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	annPath := withSpeaker("Ann", "the mayor")
	bobPath := withSpeaker("Bob", "Mayor Lee")
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)
	// The message line is the root's, told by an action after the panel.
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Adjudicating")`)

}
