package agree

import (
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestGoldTakesAttributesAsKept: Ann's file (another tool's, or edited by
// hand) gives a quote the speaker "Obama " with a space after it, Bob's
// the same quote "Obama". Agreement counts them alike (sameAttributes),
// so the span is settled and accepted unseen; the gold file must then hold
// the speaker as the app keeps it, "Obama", whichever file came first, not
// a value that depends on the order of the files and that no adjudicator
// was shown.
func TestGoldTakesAttributesAsKept(t *testing.T) {
	doc := loadDoc(t, forty)
	quote := sp{label: "quote", start: 20, end: 30, attrs: map[string]string{"speaker": "Obama"}}
	ann := fileOf(t, doc, "Ann", quote)
	ann.Annotations[0].Attributes = map[string]string{"speaker": "Obama "} // as the file brings it
	bob := fileOf(t, doc, "Bob", quote)
	for _, order := range [][]Annotator{{{File: ann}, {File: bob}}, {{File: bob}, {File: ann}}} {
		rep, err := Agree(order)
		if err != nil {
			t.Fatal(err)
		}
		merged, err := Merge(order, when)
		if err != nil {
			t.Fatal(err)
		}
		settled := Settled(rep, merged)
		if len(settled) != 1 {
			t.Fatalf("settled %v, want the quote", settled)
		}
		gold, err := Adjudicate(merged, settled, when)
		if err != nil {
			t.Fatal(err)
		}
		got := gold.Annotations[0].Attributes["speaker"]
		if got != annotate.AttributeValue(got) || got != "Obama" {
			t.Errorf("%s's file first: the gold speaker is %q, want %q", order[0].File.Annotations[0].Author, got, "Obama")
		}
	}
}
