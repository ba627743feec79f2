package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/agree"
)

// adjudicationArticle is the article two annotators tagged.
const adjudicationArticle = "The council 😀 said rents rose by 12% last year.\n\n" +
	"“We will build 300 homes by 2027,” the mayor promised.\n\n" +
	"Critics said the plan was too small, naïvely or not."

// annotatorFile writes an annotator's export of adjudicationArticle with
// spans (label, exact text) and returns its path and the file.
func annotatorFile(t *testing.T, dir, author string, spans ...[2]string) (string, annotate.File) {
	t.Helper()
	doc, err := annotate.Load([]byte(adjudicationArticle), annotate.FileSource("rents.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	set.SetAuthor(author)
	text := doc.Text().String()
	for _, s := range spans {
		i := strings.Index(text, s[1])
		if i < 0 {
			t.Fatalf("%q is not in the article", s[1])
		}
		start := annotate.RuneCount(text[:i])
		if _, err := set.Add(s[0], start, start+annotate.RuneCount(s[1])); err != nil {
			t.Fatal(err)
		}
	}
	f := annotate.NewFile(doc, set, nil, time.Now())
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, author+".json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, f
}

// TestAdjudicationToGold brings two annotators' files of one article into
// the app, checks the agreement it shows against the native figures,
// accepts and rejects the spans they disagree on, saves the gold document
// and finds exactly the chosen spans in the library's dataset.
func TestAdjudicationToGold(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	dir := t.TempDir()

	// Files of two different articles are refused, in words.
	other := filepath.Join(dir, "other.txt")
	os.WriteFile(other, []byte("Another article altogether, with other words."), 0o644)
	annPath, annFile := annotatorFile(t, dir, "Ann",
		[2]string{"claim", "rents rose by 12% last year"},
		[2]string{"pledge", "We will build 300 homes by 2027"},
		[2]string{"quote", "“We will build 300 homes by 2027,”"},
		[2]string{"claim", "the plan was too small"})
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, other}))
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("cannot be compared")`)

	bobPath, bobFile := annotatorFile(t, dir, "Bob",
		[2]string{"claim", "rents rose by 12% last year"},
		[2]string{"pledge", "We will build 300 homes"},
		[2]string{"claim", "Critics said the plan was too small"})
	b.run(chromedp.SetUploadFiles(chromedp.ID("adjudicate-input"), []string{annPath, bobPath}))
	waitFor(t, b, `document.querySelector("#adjudication") !== null`)

	// The table shows the native figures.
	annotators := []agree.Annotator{{Path: "Ann.json", File: annFile}, {Path: "Bob.json", File: bobFile}}
	rep, err := agree.Agree(annotators)
	if err != nil {
		t.Fatal(err)
	}
	p := rep.Pairs[0]
	want := []string{"Ann", "Bob", p.Exact.Precision.String(), p.Exact.Recall.String(), p.Exact.F1.String(),
		p.Overlap.Precision.String(), p.Overlap.Recall.String(), p.Overlap.F1.String(), p.Kappa.String()}
	got := evalJS[[]string](t, b, `[...document.querySelectorAll("#agreement-table tbody td")].map(e => e.textContent)`)
	if !slices.Equal(got, want) {
		t.Errorf("the agreement row is %q, want %q", got, want)
	}
	if p.Exact.Precision.String() != "0.333" || p.Overlap.F1.String() != "0.857" {
		t.Errorf("exact precision %s, overlap F1 %s: the article's spans changed, check the test", p.Exact.Precision, p.Overlap.F1)
	}
	if caption := text(t, b, "#agreement-table caption"); !strings.Contains(caption, rep.AlphaU.String()) {
		t.Errorf("the caption %q does not give α_u %s", caption, rep.AlphaU)
	}

	// Six spans: one both made (accepted), five one of them made.
	type row struct {
		Label, Text string
		Made        []string
		Accepted    bool
	}
	rows := func() []row {
		return evalJS[[]row](t, b, `[...document.querySelectorAll("#adjudication-spans tbody tr")].map(tr => ({
			Label: tr.querySelector(".badge").textContent,
			Text: tr.querySelector(".excerpt").textContent.slice(1, -1),
			Made: [...tr.querySelectorAll("td.made")].map(td => td.getAttribute("aria-label").replace(" made it", "")),
			Accepted: tr.classList.contains("accepted"),
		}))`)
	}
	all := rows()
	if len(all) != 6 {
		t.Fatalf("%d rows, want 6: %+v", len(all), all)
	}
	for _, r := range all {
		if both := len(r.Made) == 2; r.Accepted != both {
			t.Errorf("row %+v: accepted %v, want it accepted only when both made it", r, r.Accepted)
		}
	}
	// Accept Bob's shorter pledge and Ann's claim on the plan; reject the
	// rest of what only one made (already rejected: nothing to do).
	click := func(label, exact, button string) {
		t.Helper()
		ok := evalJS[bool](t, b, fmt.Sprintf(`(() => {
			const tr = [...document.querySelectorAll("#adjudication-spans tbody tr")].find(tr =>
				tr.querySelector(".badge").textContent === %q && tr.querySelector(".excerpt").textContent === "“" + %q + "”");
			if (!tr) return false;
			tr.querySelector("button.%s").click();
			return true;
		})()`, label, exact, button))
		if !ok {
			t.Fatalf("no row for %s %q", label, exact)
		}
	}
	click("pledge", "We will build 300 homes", "accept")
	click("claim", "the plan was too small", "accept")
	click("claim", "the plan was too small", "reject")
	click("claim", "the plan was too small", "accept")
	waitFor(t, b, `document.querySelectorAll("#adjudication-spans tr.accepted").length === 3`)

	b.run(chromedp.Click(chromedp.ID("gold-save")))
	waitFor(t, b, `performance.getEntriesByName("annotator:gold-saved").length > 0`)
	// The message line is the root's, told by an action after the mark.
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("Saved the gold document")`)
	if n := text(t, b, "#notice"); !strings.Contains(n, "3 annotations") {
		t.Errorf("the notice says %q", n)
	}

	// The library's dataset holds the gold document with exactly the
	// three spans accepted.
	dataset := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-all")))
	var spans []string
	found := false
	sc := bufio.NewScanner(bytes.NewReader(dataset))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var line struct {
			Text  string `json:"text"`
			Spans []struct {
				Label string `json:"label"`
				Text  string `json:"text"`
			} `json:"spans"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		if line.Text != annFile.Document.Text {
			continue
		}
		found = true
		for _, s := range line.Spans {
			spans = append(spans, s.Label+": "+s.Text)
		}
	}
	if !found {
		t.Fatal("the gold document is not in the library's dataset")
	}
	wantSpans := []string{"claim: rents rose by 12% last year", "pledge: We will build 300 homes", "claim: the plan was too small"}
	if !slices.Equal(spans, wantSpans) {
		t.Errorf("the gold document's spans are %q, want %q", spans, wantSpans)
	}
	checkDatasetInPython(t, dataset, 3)
}
