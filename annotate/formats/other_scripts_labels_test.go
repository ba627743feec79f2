package formats

import (
	"strings"
	"testing"
)

// TestNonLatinLabelsKeepTheirSpans: a team's dataset whose labels
// are written in its own script (Chinese, Russian), read as the README
// says other tools' labels are read: "renamed ... with a note". Each
// label becomes a name a schema takes, the labels stay apart, and no span
// is lost. Every span was left out ("its label cannot be a label's
// name"), so that a Chinese or Russian team's file came in with nothing.
func TestNonLatinLabelsKeepTheirSpans(t *testing.T) {
	for _, c := range []struct{ name, line string }{
		{"chinese", `{"text": "李明在北京工作。", "label": [[0, 2, "人物"], [3, 5, "地点"]]}`},
		{"russian", `{"text": "Путин сказал: мы победим.", "label": [[0, 5, "Персона"], [14, 24, "Цитата"]]}`},
		// Two long labels the 32 characters of a name cut alike.
		{"long", `{"text": "The minister said rents fell. The mayor said rents rose.", "label": [[4, 28, "Statement by a government official (verified)"], [31, 55, "Statement by a government official (disputed)"]]}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs, faults := ReadAll([]Input{{Name: c.name + ".jsonl", Data: []byte(c.line + "\n")}}, nil)
			if len(docs) != 1 {
				t.Fatalf("%d documents, faults %v", len(docs), faults)
			}
			d := docs[0]
			labels := map[string]bool{}
			for _, a := range d.File.Annotations {
				labels[a.Label] = true
			}
			var left []string
			for _, f := range d.Faults {
				left = append(left, f.Error())
			}
			if len(d.File.Annotations)+len(d.File.Orphans) != 2 || len(labels) != 2 {
				t.Errorf("a line of 2 spans of 2 labels became %d annotations of labels %v; left out: %s",
					len(d.File.Annotations)+len(d.File.Orphans), labels, strings.Join(left, "; "))
			}
		})
	}
}
