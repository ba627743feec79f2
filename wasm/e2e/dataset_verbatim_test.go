//go:build !wasm

package e2e

// This file takes a dataset line of another tool into the library, whose
// text has CRLFs, tabs, runs of spaces and astral characters, tags more of
// it in the page and takes the dataset out again: the text and the spans
// the line had, and the new span, checked in Python.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestDatasetLineKeepsItsTextThroughTheApp(t *testing.T) {
	const text = "Vote\tresult:  yes 👍🏽\r\nThe mayor 👩‍💻 said  “we will build 300 homes”.\r\n\r\n\r\nCritics called it é\u0301lectoral."
	const title = "Council vote, CRLF"
	line, _ := json.Marshal(map[string]any{"id": "council-1", "title": title, "text": text,
		"spans": []map[string]any{{"start": 0, "end": 4, "label": "claim"}, {"start": 42, "end": 68, "label": "quote", "speaker": "the mayor"}}})
	path := filepath.Join(t.TempDir(), "lines.jsonl")
	if err := os.WriteFile(path, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := string([]rune(text)[42:68]); got != "“we will build 300 homes”." {
		t.Fatalf("the test's offsets read %q", got)
	}
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{path}))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	// The listing is read again after the report: its row, then its Open.
	waitFor(t, b, fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-title")].some(e => e.textContent === %s)`, jsString(title)))
	openFromLibrary(t, b, title)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	tagPhrase(t, b, "Critics called", "c")
	waitSaved(t, b)
	showLibrary(t, b)
	dataset := downloadFile(t, b, "dataset-*.jsonl", chromedp.Click(chromedp.ID("export-all")))
	checkDatasetInPython(t, dataset, 3) // the sample has none
	var got struct {
		Text  string           `json:"text"`
		Spans []map[string]any `json:"spans"`
	}
	for _, l := range bytes.Split(bytes.TrimSpace(dataset), []byte("\n")) {
		if strings.Contains(string(l), `"title":"`+title+`"`) {
			if err := json.Unmarshal(l, &got); err != nil {
				t.Fatal(err)
			}
		}
	}
	if got.Text != text {
		t.Errorf("the dataset's text is %q, want the line's %q", got.Text, text)
	}
	var spans []string
	for _, s := range got.Spans {
		spans = append(spans, s["text"].(string))
	}
	if want := []string{"Vote", "“we will build 300 homes”.", "Critics called"}; strings.Join(spans, "|") != strings.Join(want, "|") {
		t.Errorf("the dataset's spans are %q, want %q", spans, want)
	}
}
