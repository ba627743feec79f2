package e2e

import (
	"bytes"
	stdcsv "encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestAppOpensAndExportsExchangeFormats opens the Label Studio example
// with Open…, as a user would, finds its annotations in the app, and
// takes the library out as W3C Web Annotation and as CSV.
func TestAppOpensAndExportsExchangeFormats(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)

	// The example holds the sample's seven spans, in UTF-16 offsets.
	var tasks []struct {
		Annotations []struct {
			Result []struct {
				Type string `json:"type"`
			} `json:"result"`
		} `json:"annotations"`
	}
	if err := json.Unmarshal(testcorpus.File(t, "testdata/formats/labelstudio/sample.json"), &tasks); err != nil {
		t.Fatal(err)
	}
	spans := 0
	for _, r := range tasks[0].Annotations[0].Result {
		if r.Type == "labels" {
			spans++
		}
	}
	if spans == 0 {
		t.Fatal("the Label Studio example has no spans")
	}
	b.run(chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{filepath.Join(testcorpus.Root(t), "testdata", "formats", "labelstudio", "sample.json")}))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#notice").textContent.includes("with %d annotations")`, spans))
	if n := evalJS[int](t, b, `document.querySelectorAll(".entries-frame [data-id]").length`); n != spans {
		t.Errorf("the sidebar lists %d annotations, want %d", n, spans)
	}

	// A .txt opened alone is an article, not brat's text.
	article := filepath.Join(t.TempDir(), "note.txt")
	os.WriteFile(article, []byte("  A short note.\n\n  In two paragraphs."), 0o644)
	b.run(chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{article}))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Opened “note”")`)
	if got := evalJS[int](t, b, `document.querySelectorAll("article.doc pre").length`); got != 0 {
		t.Errorf("the .txt opened as %d preformatted blocks, not as paragraphs", got)
	}

	// The library as W3C: one collection, an annotation a span, each
	// with a quote and a position selector.
	showLibrary(t, b)
	chooseExportFormat(t, b, "w3c")
	data := downloadFile(t, b, "annotations-*.jsonld", chromedp.Click(chromedp.ID("export-all")))
	var c struct {
		Type  string `json:"type"`
		First struct {
			Items []struct {
				Target struct {
					Selector []struct {
						Type string `json:"type"`
					} `json:"selector"`
				} `json:"target"`
			} `json:"items"`
		} `json:"first"`
	}
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatalf("the W3C export is not JSON: %v", err)
	}
	if c.Type != "AnnotationCollection" || len(c.First.Items) != spans {
		t.Errorf("the W3C export is a %q of %d annotations, want an AnnotationCollection of %d", c.Type, len(c.First.Items), spans)
	}
	for _, a := range c.First.Items {
		var kinds []string
		for _, s := range a.Target.Selector {
			kinds = append(kinds, s.Type)
		}
		if strings.Join(kinds, " ") != "TextQuoteSelector TextPositionSelector" {
			t.Errorf("an annotation's selectors are %q", kinds)
		}
	}
	// The message comes after the download has started.
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("offsets count code points")`)

	// And as CSV, with the byte order mark Excel needs: a header, then a
	// row a span.
	chooseExportFormat(t, b, "csv")
	csv := downloadFile(t, b, "annotations-*.csv", chromedp.Click(chromedp.ID("export-all")))
	if !strings.HasPrefix(string(csv), "\ufeffdocument_id,") {
		t.Errorf("the CSV starts %q", string(csv[:min(len(csv), 40)]))
	}
	records, err := stdcsv.NewReader(bytes.NewReader(bytes.TrimPrefix(csv, []byte("\ufeff")))).ReadAll()
	if err != nil || len(records) != spans+1 {
		t.Errorf("the CSV has %d records (%v), want a header and %d rows", len(records), err, spans)
	}
}

// chooseExportFormat picks format in the library's export menu, as a
// user's choice does: the value, then a change event.
func chooseExportFormat(t testing.TB, b *browser, format string) {
	t.Helper()
	evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const s = document.getElementById("export-format");
		s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true}));
		return s.value === %q;
	})()`, format, format))
}

// TestCSVExportSaysWhichDocumentsHaveNoRow: a library of the sample,
// with no annotation, and an article with one, exported as CSV, a row an
// annotation: the message said "2 documents" of a file that holds one. It
// says how many are not in it, and why.
func TestCSVExportSaysWhichDocumentsHaveNoRow(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	path := filepath.Join(t.TempDir(), "budget.txt")
	if err := os.WriteFile(path, []byte("The minister said taxes would fall."), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, path)
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "budget"`)
	tagPhrase(t, b, "taxes would fall", "c")
	waitSaved(t, b)
	showLibrary(t, b)
	chooseExportFormat(t, b, "csv")
	csv := downloadFile(t, b, "annotations-*.csv", chromedp.Click(chromedp.ID("export-all")))
	rows := strings.Count(string(csv), "\n") - 1
	want := fmt.Sprintf("2 documents (offsets count code points); %d document without annotations has no row in it", 2-rows)
	if !tryWait(b, fmt.Sprintf(`document.querySelector("#notice").textContent.includes(%s)`, jsString(want))) {
		t.Errorf("the CSV has %d rows; the message is %q, want it to say %q", rows, text(t, b, "#notice"), want)
	}
}
