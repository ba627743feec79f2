package app

import (
	"slices"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestViewOf: the panel edits the label's attributes first, then those the
// annotation kept from an earlier label, sorted, each with its value; the
// note apart; and names every label's class for putSelected to take off.
func TestViewOf(t *testing.T) {
	schema := annotate.DefaultSchema()
	ann := annotate.Annotation{
		ID: "a", Label: "quote", Start: 3, End: 9, Exact: "yes  we\ncan",
		Attributes: map[string]string{"speaker": "Ann", "party": "Greens", "zeal": "high", annotate.AttrNote: "check"},
	}
	v := viewOf(schema, ann)
	if want := []string{"speaker", "party", "zeal"}; !slices.Equal(v.Fields, want) {
		t.Errorf("fields %q, want %q", v.Fields, want)
	}
	if want := []string{"Ann", "Greens", "high"}; !slices.Equal(v.Values, want) {
		t.Errorf("values %q, want %q", v.Values, want)
	}
	if v.Note != "check" || v.Excerpt != "“yes we can”" || v.Class != "label-quote" || v.Label != "quote" || v.ID != "a" {
		t.Errorf("view %+v", v)
	}
	if v.Span != "Characters 3–9 · by anonymous" {
		t.Errorf("span %q", v.Span)
	}
	if want := []string{"label-claim", "label-quote", "label-pledge"}; !slices.Equal(v.Classes, want) {
		t.Errorf("classes %q, want %q", v.Classes, want)
	}
	// A claim takes no attribute of its own: only the kept ones.
	ann.Label = "claim"
	if v := viewOf(schema, ann); !slices.Equal(v.Fields, []string{"party", "speaker", "zeal"}) {
		t.Errorf("a claim's fields %q", v.Fields)
	}
}
