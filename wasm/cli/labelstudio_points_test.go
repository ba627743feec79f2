//go:build !wasm

package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestLabelStudioCodePointOffsets converts a Label Studio task whose
// offsets count code points (a Python backend's predictions), after two
// emoji: "word" starts within the second emoji's UTF-16 halves, "more"
// does not; both are read in code points, where they hold their text, and a
// note says so. "word" was left out, its text given, and "more" placed by
// its text, as "word" would have been: found twice, an orphan.
func TestLabelStudioCodePointOffsets(t *testing.T) {
	task := `[{"id":1,"data":{"text":"🏠🏠 word and more words"},"predictions":[{"model_version":"py","result":[
 {"id":"a","type":"labels","from_name":"label","to_name":"text","value":{"start":3,"end":7,"text":"word","labels":["claim"]}},
 {"id":"b","type":"labels","from_name":"label","to_name":"text","value":{"start":12,"end":16,"text":"more","labels":["claim"]}}]}]}]`
	in := writeFile(t, "pred.json", []byte(task))
	code, stdout, stderr := run(nil, "convert", "--to", "jsonl", in)
	var got struct {
		Text  string
		Spans []struct{ Start, End int }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Spans) != 2 {
		t.Fatalf("exit %d (%v): spans %v; stderr %q", code, err, got.Spans, stderr)
	}
	r := []rune(got.Text)
	for i, want := range []string{"word", "more"} {
		if s := got.Spans[i]; string(r[s.Start:s.End]) != want {
			t.Errorf("span %d is %q, want %q", i+1, string(r[s.Start:s.End]), want)
		}
	}
	if strings.Contains(stderr, "left out") || !strings.Contains(stderr, "task 1: 2 results' offsets count code points") {
		t.Errorf("exit %d; stderr %q; want a note that the offsets count code points", code, stderr)
	}
}
