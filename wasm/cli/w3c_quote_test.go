//go:build !wasm

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestW3CQuoteOverAWrongPosition converts another tool's annotation whose
// position counts its own page's text (the "Share" of a button that the
// sanitiser takes away), so that it falls on other words than its quote:
// the span is on the quote's words. The position's words ("ill c") were
// taken as the quote, placed as exact, and nothing was said.
func TestW3CQuoteOverAWrongPosition(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "art.html")
	if err := os.WriteFile(page, []byte(`<!doctype html><html><head><meta charset="utf-8"><title>Rents</title><link rel="canonical" href="https://ex.org/rents3"></head>
<body><article><p>The mayor 👩‍💻 said <button>Share</button>homes will come soon.</p><p>Critics 👍🏽 disagree with the plan entirely.</p></article></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	anno := filepath.Join(dir, "hyp.jsonld")
	if err := os.WriteFile(anno, []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hyp.is/1", "type": "Annotation",
 "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
 "target": {"source": "https://ex.org/rents3", "selector": [{"type": "TextPositionSelector", "start": 26, "end": 31},
  {"type": "TextQuoteSelector", "exact": "homes", "prefix": "said Share", "suffix": " will come"}]}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(nil, "convert", "--to", "jsonl", page, anno)
	var got struct {
		Text  string
		Spans []struct{ Start, End int }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Spans) != 1 {
		t.Fatalf("exit %d, %v, spans %v; stderr %q", code, err, got.Spans, stderr)
	}
	if r, s := []rune(got.Text), got.Spans[0]; string(r[s.Start:s.End]) != "homes" {
		t.Errorf("exit %d: the quote \"homes\" was placed on %q [%d, %d); stderr %q", code, string(r[s.Start:s.End]), s.Start, s.End, stderr)
	}
}
