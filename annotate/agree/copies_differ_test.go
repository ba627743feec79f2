package agree

import (
	"maps"
	"slices"
	"testing"
)

// TestCopiesAreNotFilesThatDiffer: a team hands two annotators one
// pre-annotated file (a model's spans); each opens it, which keeps the
// ids, and corrects it: Bob relabels a span and gives a quote another
// speaker. Their files share every id, but they are not one file given
// twice: the report must not say their agreement is "perfect by
// construction" while it lists their disagreements.
func TestCopiesAreNotFilesThatDiffer(t *testing.T) {
	doc := loadDoc(t, forty)
	ann := fileOf(t, doc, "Ann",
		sp{label: "claim", start: 0, end: 10},
		sp{label: "quote", start: 20, end: 30, attrs: map[string]string{"speaker": "Mayor"}})
	bob := ann
	bob.Annotations = slices.Clone(ann.Annotations)
	for k := range bob.Annotations {
		bob.Annotations[k].Attributes = maps.Clone(bob.Annotations[k].Attributes)
		bob.Annotations[k].Author = "Bob"
		switch bob.Annotations[k].Label {
		case "claim":
			bob.Annotations[k].Label = "pledge"
		case "quote":
			bob.Annotations[k].Attributes["speaker"] = "Critic"
		}
	}
	rep, err := Agree([]Annotator{{File: ann}, {File: bob}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Copies) > 0 {
		t.Errorf("Bob's corrected file is said to be a copy of Ann's (%+v): %q\nyet the report lists %d disagreements and kappa %v",
			rep.Copies, rep.CopiesSaid(), len(rep.Disagreements), rep.Pairs[0].Kappa)
	}
}
