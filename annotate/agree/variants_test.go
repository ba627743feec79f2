package agree

import (
	"slices"
	"testing"
)

// TestSettledLeavesDifferentAttributes: three annotators tag one quote;
// carol names another speaker. The quote is not settled (the merged file
// took alice's speaker, and the gold would have it unseen), and Variants
// gives every annotator's speaker, carol's with it; the claim all three
// made alike is settled.
func TestSettledLeavesDifferentAttributes(t *testing.T) {
	doc := loadDoc(t, forty)
	claim := sp{label: "claim", start: 0, end: 10}
	quote := func(speaker string) sp {
		return sp{label: "quote", start: 20, end: 30, attrs: map[string]string{"speaker": speaker}}
	}
	as := []Annotator{
		{File: fileOf(t, doc, "alice", claim, quote("Obama"))},
		{File: fileOf(t, doc, "bob", claim, quote("Obama"))},
		{File: fileOf(t, doc, "carol", claim, quote("Biden"))},
	}
	rep, err := Agree(as)
	if err != nil {
		t.Fatal(err)
	}
	merged, err := Merge(as, when)
	if err != nil {
		t.Fatal(err)
	}
	c, q := find(t, merged, "claim", 0, 10), find(t, merged, "quote", 20, 30)
	if got := Settled(rep, merged); !slices.Equal(got, []string{c.ID}) {
		t.Errorf("settled: %v, want only the claim %s (the quote %s has two speakers)", got, c.ID, q.ID)
	}
	v := Variants(rep, merged)
	if len(v) != 1 || len(v[q.ID]) != 3 {
		t.Fatalf("variants: %+v, want the quote's three", v)
	}
	for k, want := range []Variant{{"alice", map[string]string{"speaker": "Obama"}}, {"bob", map[string]string{"speaker": "Obama"}}, {"carol", map[string]string{"speaker": "Biden"}}} {
		if got := v[q.ID][k]; got.Annotator != want.Annotator || got.Attributes["speaker"] != want.Attributes["speaker"] {
			t.Errorf("variant %d: %+v, want %+v", k, got, want)
		}
	}

	// A speaker one annotator gave and the other did not differs too.
	as = []Annotator{{File: fileOf(t, doc, "alice", sp{label: "quote", start: 20, end: 30})}, {File: fileOf(t, doc, "bob", quote("Obama"))}}
	rep, err = Agree(as)
	if err != nil {
		t.Fatal(err)
	}
	merged, err = Merge(as, when)
	if err != nil {
		t.Fatal(err)
	}
	if got := Settled(rep, merged); len(got) != 0 {
		t.Errorf("settled: %v, want none: only bob named a speaker", got)
	}
}
