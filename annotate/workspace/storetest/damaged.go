package storetest

// This file holds a store to what it promises of records the browser kept
// damaged or left behind: one record lost costs what it holds, reported
// as ErrDamaged (a *workspace.DamagedError naming it), never the rest; a
// body left without its summary is no document. A store cannot damage
// its own records through the Store interface: the caller gives the
// suite a Damage that does it as the store keeps them.

import (
	"errors"
	"slices"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// Damage damages a store's records as a browser may keep them.
type Damage struct {
	// Summary makes the summary record of document doc unreadable (its
	// JSON cut short), the record still there.
	Summary func(t *testing.T, doc string)
	// Annotation makes the record of annotation id of document doc
	// unreadable.
	Annotation func(t *testing.T, doc, id string)
	// LeaveBody deletes the summary record of document doc and nothing
	// else: a deletion the browser did not finish.
	LeaveBody func(t *testing.T, doc string)
}

// RunDamaged runs the damage suite, one subtest per promise. open is as
// Run's, and returns with the store the Damage that damages its records.
func RunDamaged(t *testing.T, open func(t *testing.T) (workspace.Store, Damage)) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s workspace.Store, d Damage)
	}{
		{"DamagedSummary", testDamagedSummary},
		{"DamagedAnnotation", testDamagedAnnotation},
		{"LeftoverBody", testLeftoverBody},
		{"DamagedSummaryStoredAgain", testDamagedSummaryStoredAgain},
	}
	for _, tc := range tests {
		subtest(t, tc.name, func(t *testing.T) {
			s, d := open(t)
			tc.fn(t, s, d)
		})
	}
}

// damagedIDs returns the ids err reports lost, and whether they are
// annotations; it fails the test unless err is a *DamagedError wrapping
// ErrDamaged.
func damagedIDs(t *testing.T, what string, err error) ([]string, bool) {
	t.Helper()
	d, ok := errors.AsType[*workspace.DamagedError](err)
	if !ok || !errors.Is(err, workspace.ErrDamaged) {
		t.Fatalf("%s: %v, want a *DamagedError wrapping ErrDamaged", what, err)
	}
	return slices.Sorted(slices.Values(d.IDs)), d.Annotations
}

func testDamagedSummary(t *testing.T, s workspace.Store, d Damage) {
	for _, id := range []string{"d1", "d2", "d3"} {
		put(t, s, Doc(id), Anns(2))
	}
	d.Summary(t, "d2")
	docs, err := s.Documents()
	ids, anns := damagedIDs(t, "Documents with d2's summary damaged", err)
	expect(t, "the documents lost", ids, []string{"d2"})
	if anns {
		t.Errorf("a damaged summary is reported as annotations lost")
	}
	var listed []string
	for _, sum := range docs {
		listed = append(listed, sum.ID)
	}
	slices.Sort(listed)
	expect(t, "the documents listed beside the damaged one", listed, []string{"d1", "d3"})
	if _, err := s.Summary("d2"); !errors.Is(err, workspace.ErrDamaged) {
		t.Errorf("Summary of the damaged d2: %v, want ErrDamaged", err)
	}
	if _, err := s.Document("d2"); !errors.Is(err, workspace.ErrDamaged) {
		t.Errorf("Document of the damaged d2: %v, want ErrDamaged", err)
	}
	expect(t, "Document(d1) beside the damaged d2", must(s.Document("d1")).Title, Doc("d1").Title)
	// Deleting the damaged document is never blocked by its damage.
	if err := s.DeleteDocument("d2"); err != nil {
		t.Fatalf("DeleteDocument of the damaged d2: %v", err)
	}
	expect(t, "Documents after deleting the damaged one", len(must(s.Documents())), 2)
}

func testDamagedAnnotation(t *testing.T, s workspace.Store, d Damage) {
	all := Anns(4)
	put(t, s, Doc("d1"), all)
	put(t, s, Doc("d2"), all)
	d.Annotation(t, "d1", all[1].ID)
	got, err := s.Annotations("d1")
	ids, anns := damagedIDs(t, "Annotations with one record damaged", err)
	expect(t, "the annotations lost", ids, []string{all[1].ID})
	if !anns {
		t.Errorf("a damaged annotation is reported as a document lost")
	}
	expect(t, "the annotations read beside the damaged one", got, []annotate.Annotation{all[0], all[2], all[3]})
	expect(t, "Annotations(d2), undamaged", must(s.Annotations("d2")), all)
	if docs := must(s.Documents()); len(docs) != 2 {
		t.Errorf("a damaged annotation costs the listing: %d documents", len(docs))
	}
	// A change that deletes the damaged record leaves none.
	if err := s.Apply("d1", workspace.Change{Delete: []string{all[1].ID}, Counts: map[string]int{"claim": 1}}); err != nil {
		t.Fatalf("Apply deleting the damaged record: %v", err)
	}
	expect(t, "Annotations after deleting the damaged record", must(s.Annotations("d1")), []annotate.Annotation{all[0], all[2], all[3]})
	// And a document with a damaged annotation can be deleted.
	d.Annotation(t, "d2", all[2].ID)
	if err := s.DeleteDocument("d2"); err != nil {
		t.Fatalf("DeleteDocument with a damaged annotation: %v", err)
	}
	if _, err := s.Annotations("d2"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("Annotations of the deleted d2: %v, want ErrNoDocument", err)
	}
}

func testLeftoverBody(t *testing.T, s workspace.Store, d Damage) {
	old := Doc("d1")
	put(t, s, old, Anns(2))
	put(t, s, Doc("d2"), nil)
	d.LeaveBody(t, "d1")
	sha := old.TextSHA256
	if id, ok, err := s.DocumentByText(sha); err != nil || ok {
		t.Errorf("DocumentByText of a body left without its summary = %q, %v, %v; want not found", id, ok, err)
	}
	if id, ok, err := s.StoredDocument(sha, "d9"); err != nil || ok {
		t.Errorf("StoredDocument of a body left without its summary = %q, %v, %v; want not found", id, ok, err)
	}
	if _, err := s.Annotations("d1"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("Annotations of a document deleted but for its body: %v, want ErrNoDocument", err)
	}
	// The article is stored again, under an id of its own.
	again := Doc("d9")
	again.Body = old.Body
	found, err := s.AddDocument(again, Anns(1))
	if err != nil || found != "" {
		t.Fatalf("AddDocument of the article whose body was left behind = %q, %v; want it written", found, err)
	}
	expect(t, "Document(d9)", must(s.Document("d9")).Text, old.Text)
	expect(t, "Annotations(d9)", must(s.Annotations("d9")), Anns(1))
	if id, ok, err := s.DocumentByText(sha); err != nil || !ok || id != "d9" {
		t.Errorf("DocumentByText after storing the article again = %q, %v, %v; want d9", id, ok, err)
	}
	// Once stored again, it is found: added again, it is not doubled.
	third := Doc("d8")
	third.Body = old.Body
	if found := must(s.AddDocument(third, nil)); found != "d9" {
		t.Errorf("AddDocument of the article stored again = %q, want d9", found)
	}
	expect(t, "Documents", len(must(s.Documents())), 2)
	// PutDocuments looks the same way.
	d.LeaveBody(t, "d2")
	fourth := Doc("d7")
	fourth.Body = Doc("d2").Body
	found2, err := s.(workspace.ManyWriter).PutDocuments([]workspace.NewDocument{{Record: fourth}, {Record: Doc("d6")}})
	if err != nil {
		t.Fatalf("PutDocuments: %v", err)
	}
	expect(t, "PutDocuments' found, the first article's body left behind", found2, []string{"", ""})
	expect(t, "Documents after PutDocuments", len(must(s.Documents())), 3)
}

// testDamagedSummaryStoredAgain: a document whose summary is damaged is
// no document to find, by its text or its id: its article is stored
// again, under its own id or another, and is then found and listed. It
// was found, and so refused for good as a double of a document the
// library could not list.
func testDamagedSummaryStoredAgain(t *testing.T, s workspace.Store, d Damage) {
	old := Doc("d1")
	put(t, s, old, Anns(2))
	d.Summary(t, "d1")
	sha := old.TextSHA256
	if id, ok, err := s.DocumentByText(sha); err != nil || ok {
		t.Errorf("DocumentByText of a document whose summary is damaged = %q, %v, %v; want not found", id, ok, err)
	}
	if id, ok, err := s.StoredDocument(sha, "d1"); err != nil || ok {
		t.Errorf("StoredDocument of a document whose summary is damaged = %q, %v, %v; want not found", id, ok, err)
	}
	found, err := s.AddDocument(old, Anns(1))
	if err != nil || found != "" {
		t.Fatalf("AddDocument of the article whose summary is damaged = %q, %v; want it written", found, err)
	}
	expect(t, "Documents after the article is stored again", len(must(s.Documents())), 1)
	expect(t, "Annotations(d1) stored again", must(s.Annotations("d1")), Anns(1))
	if id, ok, err := s.DocumentByText(sha); err != nil || !ok || id != "d1" {
		t.Errorf("DocumentByText after storing the article again = %q, %v, %v; want d1", id, ok, err)
	}
}
