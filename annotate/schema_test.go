package annotate

import (
	"slices"
	"testing"
)

// TestSchemaAttributes: every attribute of the labels, once, in the order
// the labels first name them, without the note.
func TestSchemaAttributes(t *testing.T) {
	if got, want := DefaultSchema().Attributes(), []string{AttrSpeaker, AttrParty}; !slices.Equal(got, want) {
		t.Errorf("the default schema's attributes are %q, want %q", got, want)
	}
	s := Schema{Labels: []Label{
		{Name: "a", Attributes: []string{"y", "x"}},
		{Name: "b"},
		{Name: "c", Attributes: []string{"x", "z", "y"}},
	}}
	if got, want := s.Attributes(), []string{"y", "x", "z"}; !slices.Equal(got, want) {
		t.Errorf("attributes %q, want %q", got, want)
	}
	if got := (Schema{Labels: []Label{{Name: "a"}}}).Attributes(); len(got) != 0 {
		t.Errorf("a schema without attributes lists %q", got)
	}
}
