package agree

import "testing"

// An annotator who tagged nothing did not make the other's spans: none
// of them is unanimous, so none is accepted without being looked at.
func TestUnanimousCountsAnAnnotatorWithNoSpan(t *testing.T) {
	doc := loadDoc(t, forty)
	alice := fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10})
	bob := fileOf(t, doc, "bob")
	as := []Annotator{{File: alice}, {File: bob}}
	rep, err := Agree(as)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := Merge(as, when)
	if err != nil {
		t.Fatal(err)
	}
	if u := Unanimous(merged, rep.Names()); len(u) != 0 {
		t.Errorf("unanimous: %v, want none: bob made no span", u)
	}
	// With bob's span too, the claim is unanimous.
	bob = fileOf(t, doc, "bob", sp{label: "claim", start: 0, end: 10})
	merged, err = Merge([]Annotator{{File: alice}, {File: bob}}, when)
	if err != nil {
		t.Fatal(err)
	}
	if u := Unanimous(merged, []string{"alice", "bob"}); len(u) != 1 || u[0] != merged.Annotations[0].ID {
		t.Errorf("unanimous: %v, want the claim", u)
	}
	if u := Unanimous(merged, nil); len(u) != 0 {
		t.Errorf("unanimous of no annotator: %v, want none", u)
	}
}
