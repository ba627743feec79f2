package formats

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// A span id another tool wrote is kept when it is a UUID as the format
// writes one (8-4-4-4-12, lower case), written so when it is a UUID
// written another way, and replaced, with a note, when it is none: a
// dataset team that joins its rows by id must hear that an id changed.
func TestBuildSpanIDsAreKeptOrSaid(t *testing.T) {
	text := "One claim here. Two claims there. Three quotes now. Four pledges later."
	span := func(id, phrase string) Span {
		i := annotate.RuneCount(text[:strings.Index(text, phrase)])
		return Span{ID: id, Label: "claim", Start: i, End: i + annotate.RuneCount(phrase)}
	}
	const u = "6ba7b810-9dad-11d1-80b4-00c04fd430c8"
	p := Plain{Title: "T", Text: text, Spans: []Span{
		span(u, "One claim"),
		span("{"+strings.ToUpper(u)+"}", "Two claims"),
		span("urn:uuid:6ba7b811-9dad-11d1-80b4-00c04fd430c8", "Three quotes"),
		span("S4", "Four pledges"),
	}}
	d, err := Build(p, "t.jsonl:1")
	if err != nil {
		t.Fatal(err)
	}
	validFile(t, d.File)
	ids := map[string]bool{}
	for _, a := range d.File.Annotations {
		ids[a.ID] = true
	}
	if !ids[u] || !ids["6ba7b811-9dad-11d1-80b4-00c04fd430c8"] {
		t.Errorf("ids %v: want %s kept and the urn:uuid: one written 8-4-4-4-12", ids, u)
	}
	if len(d.File.Annotations) != 4 {
		t.Fatalf("%d annotations, want 4", len(d.File.Annotations))
	}
	said := strings.Join(d.Notes, "\n")
	if !strings.Contains(said, `"S4"`) || !strings.Contains(said, "not a UUID") {
		t.Errorf("notes %q: want the id \"S4\" said to be replaced, as not a UUID", d.Notes)
	}
}

// TestBuildSaysOtherToolsIDsOnce: a dataset whose spans are numbered by
// another tool ("1", "2", …) gets one note for them, not one a span.
func TestBuildSaysOtherToolsIDsOnce(t *testing.T) {
	var text strings.Builder
	var spans []Span
	for i := range 12 {
		at := annotate.RuneCount(text.String())
		text.WriteString(fmt.Sprintf("Sentence number %d is here. ", i))
		spans = append(spans, Span{ID: fmt.Sprint(i + 1), Label: "claim", Start: at, End: at + len("Sentence")})
	}
	d, err := Build(Plain{Title: "T", Text: text.String(), Spans: spans}, "t.jsonl:1")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.File.Annotations) != 12 {
		t.Fatalf("%d annotations, want 12", len(d.File.Annotations))
	}
	if len(d.Notes) != 1 || !strings.Contains(d.Notes[0], "the ids of 12 spans") || !strings.Contains(d.Notes[0], `"1", "2", "3", …`) {
		t.Errorf("notes %q: want one, of the 12 ids", d.Notes)
	}
}
