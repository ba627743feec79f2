package app

import (
	"slices"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestViewOf: the panel has a field for each of the schema's attributes,
// then for those the annotation holds that the schema does not know,
// sorted, each with its value, and shows those the label takes or the
// annotation holds; the note apart; and it names every label's class for
// putSelected to take off.
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
	if want := []bool{true, true, true}; !slices.Equal(v.Shown, want) {
		t.Errorf("shown %v, want %v", v.Shown, want)
	}
	// Every annotation's panel has the schema's fields, whatever its
	// label: a claim without attributes hides them; one with an attribute
	// kept from an earlier label shows it.
	claim := annotate.Annotation{ID: "b", Label: "claim", Exact: "x"}
	v = viewOf(schema, claim)
	if !slices.Equal(v.Fields, []string{"speaker", "party"}) || !slices.Equal(v.Shown, []bool{false, false}) || !slices.Equal(v.Values, []string{"", ""}) {
		t.Errorf("a claim's fields %q, shown %v, values %q", v.Fields, v.Shown, v.Values)
	}
	claim.Attributes = map[string]string{"party": "Greens"}
	if v := viewOf(schema, claim); !slices.Equal(v.Shown, []bool{false, true}) || v.Values[1] != "Greens" {
		t.Errorf("a claim that kept a party: shown %v, values %q", v.Shown, v.Values)
	}
}
