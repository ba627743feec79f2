package workspace

// These tests hold the workspace to what a damaged or leftover record
// costs: what it holds, said in words, never the rest of the document or
// of the library, and never the deletion of what holds it.

import (
	"errors"
	"strings"
	"testing"
)

// tagged adds an article with three annotations and returns its summary
// and the ids of the annotations.
func tagged(t *testing.T, w *Workspace, name string) (Summary, []string) {
	t.Helper()
	sum, err := w.Add(loadText(t, name, "One claim here, a quote there, and a pledge to end "+name+"."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range [][2]int{{0, 9}, {18, 23}, {37, 43}} {
		a, err := e.Set.Add("claim", s[0], s[1])
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	return sum, ids
}

func TestDamagedAnnotationOpensTheRest(t *testing.T) {
	w, m := openMemory(t)
	sum, ids := tagged(t, w, "a.txt")
	m.DamageAnnotation(sum.ID, ids[1])
	e, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatalf("a document with one damaged annotation does not open: %v", err)
	}
	if n := e.Set.Len(); n != 2 {
		t.Errorf("opened with %d annotations, want the 2 undamaged", n)
	}
	if e.Lost == nil || e.Lost.Error() != "1 annotation of this document could not be read: its stored record is damaged" {
		t.Errorf("the lost annotation is said %v", e.Lost)
	}
	// The next change deletes the damaged record: opened again, nothing
	// is said lost.
	if _, err := e.Set.Add("quote", 44, 50); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	if anns, err := m.Annotations(sum.ID); err != nil || len(anns) != 3 {
		t.Errorf("after a change, the store holds %d annotations, %v; want 3 and no damage", len(anns), err)
	}
	if got := must(m.Summary(sum.ID)).Annotations(); got != 3 {
		t.Errorf("the summary counts %d annotations, want 3", got)
	}
}

func TestDamagedAnnotationDocumentDeletes(t *testing.T) {
	w, m := openMemory(t)
	sum, ids := tagged(t, w, "a.txt")
	m.DamageAnnotation(sum.ID, ids[0])
	if err := w.Delete(sum.ID); err != nil {
		t.Fatalf("a document with a damaged annotation cannot be deleted: %v", err)
	}
	if err := w.Undo(); err != nil {
		t.Fatalf("Undo of the deletion: %v", err)
	}
	anns, err := m.Annotations(sum.ID)
	if err != nil || len(anns) != 2 {
		t.Errorf("Undo brought back %d annotations, %v; want the 2 that could be read", len(anns), err)
	}
	if got := must(m.Summary(sum.ID)).Annotations(); got != 2 {
		t.Errorf("brought back, the document counts %d annotations, want 2", got)
	}
}

func TestDamagedSummaryKeepsLibrary(t *testing.T) {
	w, m := openMemory(t)
	a, _ := tagged(t, w, "a.txt")
	b, _ := tagged(t, w, "b.txt")
	m.DamageSummary(a.ID)
	docs, _, err := w.DocumentsWith(nil)
	if !errors.Is(err, ErrDamaged) || err.Error() != "1 stored document could not be read: its record is damaged" {
		t.Errorf("the damaged document is said %v", err)
	}
	if len(docs) != 1 || docs[0].ID != b.ID {
		t.Errorf("the library lists %v, want the undamaged document alone", docs)
	}
	data, err := w.Backup()
	if err != nil {
		t.Fatalf("a damaged summary blocks the backup: %v", err)
	}
	if !strings.Contains(string(data), b.ID) {
		t.Errorf("the backup lacks the undamaged document")
	}
	if held, err := w.HoldsWork(""); err != nil || !held {
		t.Errorf("HoldsWork = %v, %v with a damaged document", held, err)
	}
}

func TestLeftoverBodyDoesNotBlockArticle(t *testing.T) {
	w, m := openMemory(t)
	doc := loadText(t, "a.txt", "An article deleted but for its body.")
	sum, err := w.Add(doc, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	m.LeaveBody(sum.ID)
	again, err := w.Add(loadText(t, "a.txt", "An article deleted but for its body."), nil, nil, "")
	if err != nil {
		t.Fatalf("adding the article again: %v", err)
	}
	if _, err := w.Edit(again.ID); err != nil {
		t.Errorf("the article added again does not open: %v", err)
	}
	if docs := must(m.Documents()); len(docs) != 1 {
		t.Errorf("the library lists %d documents, want 1", len(docs))
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestDamagedSummaryArticleAddedAgain: a document whose summary is damaged
// is not listed; its article added again is a document the user can see
// and work on, not refused as "already in the workspace".
func TestDamagedSummaryArticleAddedAgain(t *testing.T) {
	w, m := openMemory(t)
	a, _ := tagged(t, w, "a.txt")
	m.DamageSummary(a.ID)
	if _, err := w.Add(loadText(t, "a.txt", "One claim here, a quote there, and a pledge to end a.txt."), nil, nil, ""); err != nil {
		t.Fatalf("the article of a document whose summary is damaged, added again: %v", err)
	}
	docs, _, err := w.DocumentsWith(nil)
	if len(docs) != 1 {
		t.Errorf("after adding the article again, the library lists %d documents (%v); the article cannot be brought back", len(docs), err)
	}
}
