package formats

import (
	"strings"
	"testing"
)

// TestJoinedBatchesKeepTheirLines: two JSON Lines files joined into one
// (cat a.jsonl b.jsonl, or a copy of each into one file), each saved by
// an editor that starts a file with a byte-order mark, hold a mark at the
// start of the second file's first line. That line was refused as
// "broken JSON at column 1 (invalid character 'ï' …)", of a mark no
// editor shows. A mark at the start of any line is left out, as at the
// start of the file; the line's number stays its own.
func TestJoinedBatchesKeepTheirLines(t *testing.T) {
	const bom = "\xef\xbb\xbf"
	data := bom + `{"id": "a1", "text": "First file."}` + "\r\n" + bom + `{"id": "b1", "text": "Second file."}` + "\r\n" + `{"id": "b2", "text": "Its second line."}`
	lines := SplitLines([]byte(data))
	if len(lines) != 3 {
		t.Fatalf("%d lines, want 3", len(lines))
	}
	for i, l := range lines {
		if l.N != i+1 {
			t.Errorf("line %d is numbered %d", i+1, l.N)
		}
		bl, err := ParseLine(l.Data)
		if err != nil {
			t.Errorf("line %d (%q): %v", l.N, l.Data, err)
			continue
		}
		if bl.Text == nil || !strings.Contains(*bl.Text, "line") && !strings.Contains(*bl.Text, "file") {
			t.Errorf("line %d reads %+v", l.N, bl)
		}
	}
}
