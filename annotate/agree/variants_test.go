package agree

import (
	"errors"
	"slices"
	"testing"

	"github.com/newsannotator/annotator/annotate"
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

// TestAdjudicateChoosing: the gold quote takes carol's speaker, chosen
// over alice's, which the merge kept; a choice for a span not accepted is
// no part of the gold, and one for an id the merged file lacks is
// refused.
func TestAdjudicateChoosing(t *testing.T) {
	doc := loadDoc(t, forty)
	quote := func(speaker string) sp {
		return sp{label: "quote", start: 20, end: 30, attrs: map[string]string{"speaker": speaker}}
	}
	claim := sp{label: "claim", start: 0, end: 10}
	as := []Annotator{
		{File: fileOf(t, doc, "alice", quote("Obama"))},
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
	q, c := find(t, merged, "quote", 20, 30), find(t, merged, "claim", 0, 10)
	var carols map[string]string
	for _, v := range Variants(rep, merged)[q.ID] {
		if v.Annotator == "carol" {
			carols = v.Attributes
		}
	}
	if carols == nil {
		t.Fatal("no variant of carol's")
	}
	gold, err := AdjudicateChoosing(merged, []string{q.ID}, map[string]map[string]string{q.ID: carols, c.ID: {"note": "not taken"}}, when)
	if err != nil {
		t.Fatal(err)
	}
	if len(gold.Annotations) != 1 {
		t.Fatalf("gold: %+v, want the quote alone", gold.Annotations)
	}
	got := gold.Annotations[0].Attributes
	if got["speaker"] != "Biden" || got[AttrSourceAnnotator] != "" || got[AttrSourceID] != "" {
		t.Errorf("the gold quote's attributes are %q, want carol's speaker and no source", got)
	}
	if merged.Annotations[slices.IndexFunc(merged.Annotations, func(a annotate.Annotation) bool { return a.ID == q.ID })].Attributes["speaker"] != "Obama" {
		t.Error("the choice changed the merged file")
	}
	if _, err := AdjudicateChoosing(merged, []string{q.ID}, map[string]map[string]string{"nope": carols}, when); !errors.Is(err, ErrUnknownID) {
		t.Errorf("a choice for an unknown id: %v, want ErrUnknownID", err)
	}
}
