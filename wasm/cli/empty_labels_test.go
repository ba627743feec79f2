//go:build !wasm

package cli

import (
	"encoding/json"
	"testing"
)

// TestEmptyLabelsKeepTheText reads doccano's lines of one example, one
// annotator's with a span and another's with none ("label": []): the
// line with none keeps its text character for character, as the other
// does, so that the two are compared. It was read as a .txt, its CRLFs
// and runs of spaces made one, and agree refused the two as of different
// texts.
func TestEmptyLabelsKeepTheText(t *testing.T) {
	text := "First paragraph here.\r\n\r\nSecond   paragraph."
	line := func(field, labels string) []byte {
		b, _ := json.Marshal(text)
		return []byte(`{"id":7,"text":` + string(b) + `,"` + field + `":` + labels + "}\n")
	}
	ann := writeFile(t, "ann.jsonl", line("label", `[[0,5,"claim"]]`))
	for _, empty := range [][]byte{line("label", "[]"), line("spans", "[]")} {
		bob := writeFile(t, "bob.jsonl", empty)
		if code, _, stderr := run(nil, "agree", ann, bob); code != exitOK {
			t.Errorf("%s: agree of one example: exit %d; stderr %q", empty, code, stderr)
		}
		code, stdout, stderr := run(nil, "convert", "--to", "jsonl", bob)
		var got struct{ Text string }
		if err := json.Unmarshal([]byte(stdout), &got); err != nil || got.Text != text {
			t.Errorf("%s: exit %d (%v): the text %q became %q; stderr %q", empty, code, err, text, got.Text, stderr)
		}
	}
}
