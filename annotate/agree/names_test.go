package agree

import (
	"strings"
	"testing"
)

// TestNamesStayApart: a name told apart by " (2)" may be another
// annotator's own name; each annotator still gets a name of their own,
// so that the merge keeps every annotator's copy of a span as a source.
func TestNamesStayApart(t *testing.T) {
	doc := loadDoc(t, forty)
	f := func() Annotator {
		return Annotator{File: fileOf(t, doc, "", sp{label: "claim", start: 0, end: 10})}
	}
	as := []Annotator{f(), f(), f(), f()}
	as[0].Name, as[1].Name, as[2].Name, as[3].Name = "sam", "sam", "sam (2)", "annotator 4"
	got := names(as)
	seen := map[string]bool{}
	for _, n := range got {
		if seen[n] {
			t.Errorf("names %q: %q twice", got, n)
		}
		seen[n] = true
	}
	if got[0] != "sam" || got[1] != "sam (3)" || got[2] != "sam (2)" {
		t.Errorf("names %q", got)
	}
	merged, err := Merge(as, when)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(Sources(merged.Annotations[0])); n != 4 {
		t.Errorf("the claim has %d sources (%q), want 4", n, strings.Split(merged.Annotations[0].Attributes[AttrSourceAnnotator], "\n"))
	}
}
