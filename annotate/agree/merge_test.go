package agree

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/newsannotator/annotator/annotate"
)

// valid fails the test unless f, written, passes annotate.Validate with
// no problem at all, warnings included.
func valid(t *testing.T, f annotate.File) {
	t.Helper()
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if ps := annotate.Validate(data); len(ps) > 0 {
		for _, p := range ps {
			t.Error(p)
		}
	}
}

// find returns the merged annotation with label and span.
func find(t *testing.T, f annotate.File, label string, start, end int) annotate.Annotation {
	t.Helper()
	for _, a := range f.Annotations {
		if a.Label == label && a.Start == start && a.End == end {
			return a
		}
	}
	t.Fatalf("no %s [%d, %d) in the merged file", label, start, end)
	return annotate.Annotation{}
}

func TestMergeAndAdjudicate(t *testing.T) {
	doc := loadDoc(t, forty)
	alice := fileOf(t, doc, "alice",
		sp{label: "claim", start: 0, end: 10},
		sp{label: "quote", start: 20, end: 30, attrs: map[string]string{"speaker": "Obama", "note": "check"}})
	bob := fileOf(t, doc, "bob",
		sp{label: "claim", start: 0, end: 10},
		sp{label: "quote", start: 20, end: 30, attrs: map[string]string{"speaker": "Barack Obama"}},
		sp{label: "pledge", start: 32, end: 36})
	bob.Orphans = []annotate.Annotation{{ID: "lost-1", Label: "claim", Start: 50, End: 60, Exact: "gone", Created: when, Modified: when, Author: "bob"}}
	// A file by two authors, named by the caller.
	carol := fileOf(t, doc, "carol", sp{label: "claim", start: 0, end: 10})
	carol.Annotations[0].Author = "someone else"
	carol.Annotations = append(carol.Annotations, fileOf(t, doc, "carol", sp{label: "claim", start: 12, end: 18}).Annotations...)

	merged, err := Merge([]Annotator{{File: alice}, {File: bob}, {Name: "carol", File: carol}}, when)
	if err != nil {
		t.Fatal(err)
	}
	valid(t, merged)
	if len(merged.Annotations) != 4 {
		t.Fatalf("%d merged annotations, want 4: claim [0,10) once for three, quote, pledge, claim [12,18)", len(merged.Annotations))
	}
	ids := map[string]bool{}
	for _, a := range merged.Annotations {
		u, err := uuid.Parse(a.ID)
		if err != nil || u.Version() != 7 {
			t.Errorf("id %q is not a version-7 UUID", a.ID)
		}
		ids[a.ID] = true
	}
	if len(ids) != 4 {
		t.Errorf("ids are not unique")
	}

	claim := find(t, merged, "claim", 0, 10)
	got := Sources(claim)
	want := []Source{{"alice", alice.Annotations[0].ID}, {"bob", bob.Annotations[0].ID}, {"carol", carol.Annotations[0].ID}}
	if !slices.Equal(got, want) {
		t.Errorf("sources of the claim: %+v, want %+v", got, want)
	}
	if claim.Author != "alice" || claim.Exact != "abcdefghij" {
		t.Errorf("the claim: %+v", claim)
	}
	// The quote keeps alice's attributes; bob's speaker differs and is
	// not taken.
	quote := find(t, merged, "quote", 20, 30)
	if quote.Attributes["speaker"] != "Obama" || quote.Attributes["note"] != "check" {
		t.Errorf("the quote's attributes: %v", quote.Attributes)
	}
	if p := Sources(find(t, merged, "pledge", 32, 36)); len(p) != 1 || p[0].Annotator != "bob" {
		t.Errorf("the pledge's sources: %+v", p)
	}
	if len(merged.Orphans) != 1 || Sources(merged.Orphans[0])[0] != (Source{"bob", "lost-1"}) || merged.Orphans[0].Anchor != annotate.AnchorOrphan {
		t.Errorf("orphans: %+v", merged.Orphans)
	}
	// Without the source attributes in its schema, the same file would
	// not pass: Validate warns of attributes a label does not take.
	bare := merged
	bare.Schema = withoutSources(merged.Schema)
	if data, err := bare.Marshal(); err != nil || len(annotate.Validate(data)) == 0 {
		t.Errorf("a merged file whose schema lacks the source attributes passes Validate (%v)", err)
	}
	for _, l := range merged.Schema.Labels {
		if !l.Takes(AttrSourceAnnotator) || !l.Takes(AttrSourceID) {
			t.Errorf("label %s does not take the source attributes", l.Name)
		}
	}

	// Every source finds its merged annotation: alice 2, bob 3 and an
	// orphan, carol 2.
	index := SourceIndex(merged)
	if index[Source{"bob", bob.Annotations[0].ID}] != claim.ID || index[Source{"carol", carol.Annotations[0].ID}] != claim.ID ||
		index[Source{"bob", "lost-1"}] != merged.Orphans[0].ID || len(index) != 8 {
		t.Errorf("source index: %v", index)
	}

	// Only the claim is unanimous.
	if u := Unanimous(merged, []string{"alice", "bob", "carol"}); len(u) != 1 || u[0] != claim.ID {
		t.Errorf("unanimous: %v, want the claim %s", u, claim.ID)
	}

	gold, err := Adjudicate(merged, []string{claim.ID, quote.ID, quote.ID}, when)
	if err != nil {
		t.Fatal(err)
	}
	valid(t, gold)
	if len(gold.Annotations) != 2 || gold.Annotations[0].ID != claim.ID || gold.Annotations[1].ID != quote.ID {
		t.Fatalf("gold: %+v", gold.Annotations)
	}
	for _, a := range gold.Annotations {
		if _, ok := a.Attributes[AttrSourceAnnotator]; ok {
			t.Errorf("%s keeps its sources", a.ID)
		}
	}
	if gold.Annotations[1].Attributes["speaker"] != "Obama" {
		t.Errorf("the gold quote lost its speaker: %v", gold.Annotations[1].Attributes)
	}
	for _, l := range gold.Schema.Labels {
		if l.Takes(AttrSourceAnnotator) || l.Takes(AttrSourceID) {
			t.Errorf("the gold schema's %s takes a source attribute", l.Name)
		}
	}
	if len(gold.Orphans) != 0 {
		t.Errorf("gold orphans: %v", gold.Orphans)
	}

	if _, err := Adjudicate(merged, []string{claim.ID, "nope"}, when); !errors.Is(err, ErrUnknownID) || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("an unknown id: %v", err)
	}
	if _, err := Adjudicate(merged, []string{merged.Orphans[0].ID}, when); !errors.Is(err, ErrUnknownID) {
		t.Errorf("an orphan's id: %v", err)
	}
	// Merging a merged file again is refused: its sources would be lost.
	if _, err := Merge([]Annotator{{File: merged}, {File: alice}}, when); !errors.Is(err, ErrReserved) {
		t.Errorf("merging a merged file: %v", err)
	}
}

// TestMergeSchemas: a label one file has and the other not is added; its
// key, taken, is replaced by a free one; attributes are united.
func TestMergeSchemas(t *testing.T) {
	doc := loadDoc(t, forty)
	alice := fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10})
	bobSchema := annotate.DefaultSchema()
	bobSchema.Labels = append(bobSchema.Labels, annotate.Label{Name: "question", Color: "#cc79a7", Key: "q", Attributes: []string{}})
	bobSchema.Labels[0].Attributes = []string{"stance"}
	set := annotate.NewSet(doc.Text(), bobSchema)
	set.SetAuthor("bob")
	a, err := set.Add("question", 20, 30)
	if err != nil {
		t.Fatal(err)
	}
	c, err := set.Add("claim", 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if err := set.SetAttribute(c.ID, "stance", "against"); err != nil {
		t.Fatal(err)
	}
	bob := annotate.NewFile(doc, set, nil, when)
	merged, err := Merge([]Annotator{{File: alice}, {File: bob}}, when)
	if err != nil {
		t.Fatal(err)
	}
	valid(t, merged)
	l, ok := merged.Schema.Label("question")
	if !ok || l.Key == "q" || l.Key == "" {
		t.Errorf("the question label: %+v", l)
	}
	claim := find(t, merged, "claim", 0, 10)
	if claim.Attributes["stance"] != "against" {
		t.Errorf("the claim's attributes: %v (bob's stance fills in what alice's has not)", claim.Attributes)
	}
	if got := find(t, merged, "question", 20, 30); Sources(got)[0].ID != a.ID {
		t.Errorf("the question's sources: %+v", Sources(got))
	}
}
