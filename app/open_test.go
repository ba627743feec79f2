package app

import (
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate/formats"
)

// A JSON Lines line of one article with a good span and one outside its
// text (16 code points).
const lineWithASpanLeftOut = `{"id":"d1","text":"Short text here.","spans":[{"start":0,"end":5,"label":"claim"},{"start":10,"end":99,"label":"claim"}]}` + "\n"

// TestImportOneSaysTheSpansLeftOut: a file of another tool opened alone
// is imported with its good spans, and says each span it left out, by its
// file and line, for the message after the import.
func TestImportOneSaysTheSpansLeftOut(t *testing.T) {
	imp, _, left, err := importOne([]byte(lineWithASpanLeftOut), "d.jsonl", nil)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Set.Len() != 1 {
		t.Errorf("imported %d annotations, want the good one", imp.Set.Len())
	}
	if len(left) != 1 || !strings.HasPrefix(left[0], "d.jsonl:1") || !strings.Contains(left[0], "left out") {
		t.Errorf("left out: %q; want the second span, named d.jsonl:1", left)
	}
}

// TestAdjudicationRefusesASpanLeftOut: a span of one annotator's file
// that cannot be read stops the comparison, in words, rather than being
// missing from that annotator's side.
func TestAdjudicationRefusesASpanLeftOut(t *testing.T) {
	good := `{"id":"d1","text":"Short text here.","spans":[{"start":0,"end":5,"label":"claim"}]}` + "\n"
	_, _, err := adjudication([]formats.Input{{Name: "ann.jsonl", Data: []byte(good)}, {Name: "bob.jsonl", Data: []byte(lineWithASpanLeftOut)}}, nil)
	if err == nil || !strings.Contains(err.Error(), "bob.jsonl:1") || !strings.Contains(err.Error(), "nothing was compared") {
		t.Errorf("adjudication: %v; want a refusal naming bob.jsonl:1", err)
	}
}

// TestSizeAndTime: an import's summary gives its size, and its time only
// when there is one to give.
func TestSizeAndTime(t *testing.T) {
	for _, c := range []struct {
		size int64
		took time.Duration
		want string
	}{
		{918, 3 * time.Millisecond, " (918 bytes)"},
		{2_500_000, 3400 * time.Millisecond, " (2.5 MB in 3.4 s)"},
		{0, time.Second, ""},
	} {
		if got := sizeAndTime(c.size, c.took); got != c.want {
			t.Errorf("sizeAndTime(%d, %v) = %q, want %q", c.size, c.took, got, c.want)
		}
	}
}
