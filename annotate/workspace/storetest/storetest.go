// Package storetest is the conformance suite of workspace.Store: one set of
// tests that every store must pass, so that the app behaves the same on
// Memory natively and on IndexedDB in the browser.
//
// The rule this file keeps: it checks only what the Store interface's doc
// comments promise (and the sentinel errors' docs), through the interface
// alone, so that any store can run it. Where the interface leaves a choice
// open (the order of Documents and Steps, whether an empty slice comes back
// as nil), the suite accepts every answer the promise allows.
//
// It is pure Go (no syscall/js): run it natively on Memory, and in a
// browser on the IndexedDB adapter.
package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// Run runs the suite, one subtest per promise. open must return a new,
// empty store each time it is called; it may register t.Cleanup to close
// and delete it.
func Run(t *testing.T, open func(t *testing.T) workspace.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s workspace.Store)
	}{
		{"Layout", testLayout},
		{"Settings", testSettings},
		{"PutDocument", testPutDocument},
		{"PutDocumentReplaces", testPutDocumentReplaces},
		{"PutDocumentRefusesRecordsWithoutID", testPutDocumentRecord},
		{"PutDocuments", testPutDocuments},
		{"AddDocument", testAddDocument},
		{"PutSummary", testPutSummary},
		{"MissingDocument", testMissingDocument},
		{"Documents", testDocuments},
		{"DocumentByText", testDocumentByText},
		{"StoredDocument", testStoredDocument},
		{"DeleteDocument", testDeleteDocument},
		{"Apply", testApply},
		{"ApplyKeepsRename", testApplyKeepsRename},
		{"ApplyLibraryChange", testApplyLibraryChange},
		{"VersionFollowsChanges", testVersion},
		{"ApplyMissingDocument", testApplyMissingDocument},
		{"ApplyRefusedWritesNothing", testApplyRecord},
		{"AnnotationsSortedWithOrphans", testAnnotationsSorted},
		{"Steps", testSteps},
		{"Copies", testCopies},
		{"Times", testTimes},
		{"Unicode", testUnicode},
		{"LargeBody", testLargeBody},
		{"ManyAnnotations", testManyAnnotations},
	}
	for _, tc := range tests {
		subtest(t, tc.name, func(t *testing.T) { tc.fn(t, open(t)) })
	}
}

// subtest runs fn as t's subtest name, a failure of must or expect (a
// panic of a failure) its fatal error.
func subtest(t *testing.T, name string, fn func(t *testing.T)) {
	t.Run(name, func(t *testing.T) {
		defer func() {
			if r := recover(); r != nil {
				f, ok := r.(failure)
				if !ok {
					panic(r)
				}
				t.Fatal(string(f))
			}
		}()
		fn(t)
	})
}

// base is a fixed instant with millisecond precision, in UTC: what the app
// stores (times come from the clock truncated to the millisecond).
var base = time.UnixMilli(1_735_000_000_123).UTC()

// Doc returns a document record with id, a title and a text of its own.
// It is exported for the benchmarks of stores.
func Doc(id string) workspace.DocumentRecord {
	text := "The text of " + id + "."
	return workspace.DocumentRecord{
		Summary: workspace.Summary{
			ID:      id,
			Title:   "Title of " + id,
			Site:    "example.org",
			URL:     "https://example.org/" + id,
			Status:  workspace.StatusNew,
			Added:   base,
			Changed: base,
			Counts:  map[string]int{},
		},
		Body: workspace.Body{
			SourceID:   "src-" + id,
			HTML:       `<article class="doc"><p>` + text + `</p></article>`,
			Text:       text,
			TextSHA256: fmt.Sprintf("%064x", len(id))[:56] + hexOf(id),
			// Bytes of every value, which a store keeps as they are.
			Index:  []byte{'X', 0, 1, 0x7f, 0x80, 0xff, byte(len(id))},
			Meta:   annotate.Meta{Author: "A. Writer", SiteName: "Example", MediaType: "text/html", Charset: "utf-8"},
			Schema: annotate.DefaultSchema(),
		},
	}
}

// hexOf returns 8 hex digits that depend on s, so that every document of
// the suite has its own text hash.
func hexOf(s string) string {
	var h uint32 = 2166136261
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return fmt.Sprintf("%08x", h)
}

// Ann returns annotation number i of a document, labelled as claim, quote
// or pledge in turn, every tenth one an orphan. Exported for benchmarks.
func Ann(i int) annotate.Annotation {
	labels := []string{"claim", "quote", "pledge"}
	a := annotate.Annotation{
		ID:       fmt.Sprintf("0190a000-0000-7000-8000-%012d", i),
		Label:    labels[i%3],
		Start:    i * 10,
		End:      i*10 + 7,
		Exact:    fmt.Sprintf("phrase %d", i),
		Prefix:   "before ",
		Suffix:   " after",
		Author:   "annotator",
		Created:  base.Add(time.Duration(i) * time.Millisecond),
		Modified: base.Add(time.Duration(i) * time.Second),
		Anchor:   annotate.AnchorExact,
	}
	if i%3 == 1 {
		a.Attributes = map[string]string{annotate.AttrSpeaker: "Speaker " + fmt.Sprint(i)}
	}
	if i%10 == 9 {
		a.Anchor = annotate.AnchorOrphan
	}
	return a
}

// Anns returns annotations 0 to n-1.
func Anns(n int) []annotate.Annotation {
	out := make([]annotate.Annotation, n)
	for i := range out {
		out[i] = Ann(i)
	}
	return out
}

// step returns a history step that placed a (an orphan before it, which
// the store must keep with the step) and changed b.
func step(seq int, a, b annotate.Annotation) annotate.Step {
	after := b.Clone()
	after.Label = "pledge"
	orphan := a.Clone()
	orphan.Start, orphan.End, orphan.Anchor = 0, 4, annotate.AnchorOrphan
	return annotate.Step{
		Seq:   seq,
		Label: fmt.Sprintf("step %d", seq),
		Changes: []annotate.StepChange{
			{After: &a, Orphan: &orphan},
			{Before: &b, After: &after},
		},
	}
}

// put stores r with anns, failing the test on an error.
func put(t *testing.T, s workspace.Store, r workspace.DocumentRecord, anns []annotate.Annotation) {
	t.Helper()
	if err := s.PutDocument(r, anns); err != nil {
		t.Fatalf("PutDocument(%s): %v", r.ID, err)
	}
}

func testLayout(t *testing.T, s workspace.Store) {
	if v, err := s.Layout(); err != nil || v != 0 {
		t.Fatalf("a new store's Layout() = %d, %v; want 0, nil", v, err)
	}
	for _, want := range []int{3, 1, 12} {
		if err := s.SetLayout(want); err != nil {
			t.Fatalf("SetLayout(%d): %v", want, err)
		}
		if v, err := s.Layout(); err != nil || v != want {
			t.Fatalf("Layout() after SetLayout(%d) = %d, %v", want, v, err)
		}
	}
}

func testSettings(t *testing.T, s workspace.Store) {
	got, err := s.Settings()
	if err != nil {
		t.Fatalf("a new store's Settings(): %v", err)
	}
	if !equal(got, workspace.Settings{}) {
		t.Fatalf("a new store's Settings() = %+v, want the zero Settings", got)
	}
	want := workspace.Settings{Author: "Ana", Schema: annotate.DefaultSchema()}
	want.Schema.Labels = append(want.Schema.Labels, annotate.Label{
		Name: "fact-check", Color: "#cc79a7", Key: "f", Attributes: []string{"verdict", "source"},
	})
	if err := s.PutSettings(want); err != nil {
		t.Fatalf("PutSettings: %v", err)
	}
	expect(t, "Settings()", must(s.Settings()), want)

	// PutSettings replaces, and a schema with fewer labels stays so.
	want2 := workspace.Settings{Author: "Bo", Schema: annotate.Schema{Labels: want.Schema.Labels[:1]}}
	if err := s.PutSettings(want2); err != nil {
		t.Fatalf("PutSettings: %v", err)
	}
	expect(t, "Settings() after a second PutSettings", must(s.Settings()), want2)

	// EditSettings sets what it names, and keeps the rest.
	name := "Cy"
	if err := s.EditSettings(workspace.SettingsEdit{Author: &name}); err != nil {
		t.Fatalf("EditSettings: %v", err)
	}
	want2.Author = name
	expect(t, "Settings() after EditSettings of the author", must(s.Settings()), want2)
	if err := s.EditSettings(workspace.SettingsEdit{Schema: &want.Schema}); err != nil {
		t.Fatalf("EditSettings: %v", err)
	}
	want2.Schema = want.Schema
	expect(t, "Settings() after EditSettings of the schema", must(s.Settings()), want2)
}

func testPutDocument(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	r.Counts = map[string]int{"claim": 2, "quote": 1}
	r.Orphans = 1
	anns := []annotate.Annotation{Ann(3), Ann(1), Ann(9), Ann(2)}
	put(t, s, r, anns)

	expect(t, "Document", must(s.Document("d1")), r)
	expect(t, "Summary", must(s.Summary("d1")), r.Summary)
	expect(t, "Annotations", must(s.Annotations("d1")), []annotate.Annotation{Ann(1), Ann(2), Ann(3), Ann(9)})
	if steps := must(s.Steps("d1")); len(steps) != 0 {
		t.Errorf("a new document has %d steps, want none", len(steps))
	}

	// A document with no annotations at all.
	put(t, s, Doc("d2"), nil)
	if anns := must(s.Annotations("d2")); len(anns) != 0 {
		t.Errorf("a document put without annotations has %d", len(anns))
	}
	expect(t, "Document(d2)", must(s.Document("d2")), Doc("d2"))
	// The first is untouched by the second.
	expect(t, "Annotations(d1) after putting d2", len(must(s.Annotations("d1"))), 4)
}

func testPutDocumentReplaces(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	put(t, s, r, Anns(5))
	put(t, s, Doc("other"), []annotate.Annotation{Ann(0), Ann(1)})
	if err := s.Apply("d1", workspace.Change{
		PutSteps: []annotate.Step{step(1, Ann(0), Ann(1)), step(2, Ann(2), Ann(3))},
		Counts:   map[string]int{"claim": 2},
	}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if err := s.Apply("other", workspace.Change{PutSteps: []annotate.Step{step(7, Ann(0), Ann(1))}}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if n := len(must(s.Steps("d1"))); n != 2 {
		t.Fatalf("Steps after Apply: %d, want 2", n)
	}

	// Put again, renamed, with other annotations: the old annotations and
	// steps are gone, the new ones are there.
	r2 := r
	r2.Title = "Renamed"
	r2.Status = workspace.StatusDone
	r2.Counts = map[string]int{"pledge": 1}
	newAnns := []annotate.Annotation{Ann(40), Ann(3)}
	newAnns[1].Label = "pledge"
	put(t, s, r2, newAnns)
	expect(t, "Document after replacing", must(s.Document("d1")), r2)
	expect(t, "Annotations after replacing", must(s.Annotations("d1")), []annotate.Annotation{newAnns[1], newAnns[0]})
	if steps := must(s.Steps("d1")); len(steps) != 0 {
		t.Errorf("a replaced document kept %d steps of its history, want none", len(steps))
	}
	// The other document keeps its own.
	expect(t, "Annotations(other)", must(s.Annotations("other")), []annotate.Annotation{Ann(0), Ann(1)})
	expect(t, "Steps(other)", len(must(s.Steps("other"))), 1)
}

func testPutDocumentRecord(t *testing.T, s workspace.Store) {
	if err := s.PutDocument(Doc(""), nil); !errors.Is(err, workspace.ErrRecord) {
		t.Errorf("PutDocument of a document without an id: %v, want ErrRecord", err)
	}
	bad := Ann(2)
	bad.ID = ""
	if err := s.PutDocument(Doc("d1"), []annotate.Annotation{Ann(1), bad}); !errors.Is(err, workspace.ErrRecord) {
		t.Errorf("PutDocument with an annotation without an id: %v, want ErrRecord", err)
	}
	if _, err := s.Document("d1"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("a refused PutDocument wrote the document (Document: %v)", err)
	}
	if docs := must(s.Documents()); len(docs) != 0 {
		t.Errorf("a refused PutDocument left %d documents", len(docs))
	}
}

// testPutDocuments checks a store that writes several documents at once
// (workspace.ManyWriter): each new one is stored as PutDocument stores
// it; one already there, by its id or by its text, is left as it is, with
// its annotations and history, and found; a group with one record it
// refuses writes none of them.
func testPutDocuments(t *testing.T, s workspace.Store) {
	m, ok := s.(workspace.ManyWriter)
	if !ok {
		t.Skip("the store writes one document at a time")
	}
	d1 := Doc("d1")
	put(t, s, d1, Anns(5))
	if err := s.Apply("d1", workspace.Change{PutSteps: []annotate.Step{step(1, Ann(0), Ann(1))}}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	again := Doc("d1")
	again.Title = "Replaced"
	sameText := Doc("d9")
	sameText.TextSHA256 = d1.TextSHA256
	docs := []workspace.NewDocument{
		{Record: again, Annotations: []annotate.Annotation{Ann(7)}},
		{Record: Doc("d2"), Annotations: nil},
		{Record: sameText, Annotations: []annotate.Annotation{Ann(2)}},
		{Record: Doc("d3"), Annotations: []annotate.Annotation{Ann(3), Ann(1)}},
	}
	found, err := m.PutDocuments(docs)
	if err != nil {
		t.Fatalf("PutDocuments: %v", err)
	}
	expect(t, "PutDocuments' found", found, []string{"d1", "", "d1", ""})
	for _, d := range []workspace.NewDocument{{Record: d1}, docs[1], docs[3]} {
		expect(t, "Document("+d.Record.ID+")", must(s.Document(d.Record.ID)), d.Record)
		expect(t, "Summary("+d.Record.ID+")", must(s.Summary(d.Record.ID)), d.Record.Summary)
		id, found, err := s.DocumentByText(d.Record.TextSHA256)
		if err != nil || !found || id != d.Record.ID {
			t.Errorf("DocumentByText of %s: %q, %v, %v", d.Record.ID, id, found, err)
		}
	}
	expect(t, "Annotations(d1)", must(s.Annotations("d1")), Anns(5))
	if steps := must(s.Steps("d1")); len(steps) != 1 {
		t.Errorf("a document already there kept %d steps of its history, want its 1", len(steps))
	}
	if _, err := s.Document("d9"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("a document of a text already there was written (Document: %v)", err)
	}
	if anns := must(s.Annotations("d2")); len(anns) != 0 {
		t.Errorf("a document put without annotations has %d", len(anns))
	}
	expect(t, "Annotations(d3)", must(s.Annotations("d3")), []annotate.Annotation{Ann(1), Ann(3)})
	if _, err := m.PutDocuments(nil); err != nil {
		t.Errorf("PutDocuments of none: %v", err)
	}
	// Within one group, a document of the text, or the id, of one
	// written before it is left out as well.
	twin := Doc("d7")
	twin.TextSHA256 = Doc("d6").TextSHA256
	found, err = m.PutDocuments([]workspace.NewDocument{{Record: Doc("d6")}, {Record: twin}, {Record: Doc("d6")}})
	if err != nil {
		t.Fatalf("PutDocuments: %v", err)
	}
	expect(t, "PutDocuments' found in its own group", found, []string{"", "d6", "d6"})
	if _, err := s.Document("d7"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("a document of the text of one written before it in its group was written (Document: %v)", err)
	}

	bad := Ann(2)
	bad.ID = ""
	for _, group := range [][]workspace.NewDocument{
		{{Record: Doc("d4")}, {Record: Doc("")}},
		{{Record: Doc("d4")}, {Record: Doc("d5"), Annotations: []annotate.Annotation{Ann(1), bad}}},
	} {
		if _, err := m.PutDocuments(group); !errors.Is(err, workspace.ErrRecord) {
			t.Errorf("PutDocuments of a group with a bad record: %v, want ErrRecord", err)
		}
		if _, err := s.Document("d4"); !errors.Is(err, workspace.ErrNoDocument) {
			t.Errorf("a refused PutDocuments wrote its first document (Document: %v)", err)
		}
	}
	if docs := must(s.Documents()); len(docs) != 4 {
		t.Errorf("%d documents after the refused groups, want the 4 written", len(docs))
	}
}

// testAddDocument checks that AddDocument writes a new document as
// PutDocument does, and leaves one stored under its id, or with its
// text, as it is, with its annotations, naming it.
func testAddDocument(t *testing.T, s workspace.Store) {
	d1 := Doc("d1")
	if found, err := s.AddDocument(d1, Anns(3)); err != nil || found != "" {
		t.Fatalf("AddDocument of a new document: found %q, %v", found, err)
	}
	expect(t, "Document(d1)", must(s.Document("d1")), d1)
	expect(t, "Annotations(d1)", must(s.Annotations("d1")), Anns(3))
	again := Doc("d1")
	again.Title = "Replaced"
	sameText := Doc("d9")
	sameText.TextSHA256 = d1.TextSHA256
	for _, r := range []workspace.DocumentRecord{again, sameText} {
		if found, err := s.AddDocument(r, nil); err != nil || found != "d1" {
			t.Errorf("AddDocument of %s over d1: found %q, %v; want d1", r.ID, found, err)
		}
	}
	expect(t, "Document(d1)", must(s.Document("d1")), d1)
	expect(t, "Annotations(d1)", must(s.Annotations("d1")), Anns(3))
	if _, err := s.Document("d9"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("a document of a text already there was written (Document: %v)", err)
	}
	if _, err := s.AddDocument(Doc(""), nil); !errors.Is(err, workspace.ErrRecord) {
		t.Errorf("AddDocument of a record without an id: %v, want ErrRecord", err)
	}
}

func testPutSummary(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	put(t, s, r, Anns(3))
	sum := r.Summary
	sum.Title = "A new title"
	sum.Status = workspace.StatusDone
	sum.Changed = base.Add(time.Hour)
	sum.Counts = map[string]int{"claim": 5}
	sum.Orphans = 2
	if err := s.PutSummary(sum); err != nil {
		t.Fatalf("PutSummary: %v", err)
	}
	want := r
	want.Summary = sum
	expect(t, "Document after PutSummary", must(s.Document("d1")), want)
	expect(t, "Summary after PutSummary", must(s.Summary("d1")), sum)
	expect(t, "Annotations after PutSummary", must(s.Annotations("d1")), Anns(3))

	missing := Doc("nope").Summary
	if err := s.PutSummary(missing); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("PutSummary of a document not stored: %v, want ErrNoDocument", err)
	}
	if _, err := s.Summary("nope"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("a refused PutSummary wrote a summary (Summary: %v)", err)
	}
	expect(t, "Documents after a refused PutSummary", len(must(s.Documents())), 1)
}

// testApplyLibraryChange: a change made from the library (a rename, a
// status) sets what it names and its time, and keeps the counts and
// annotations the store holds.
func testApplyLibraryChange(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	put(t, s, r, Anns(3))
	at := base.Add(time.Hour)
	if err := s.Apply("d1", workspace.Change{Library: &workspace.SummaryEdit{Title: "Renamed"}, Changed: at}); err != nil {
		t.Fatalf("Apply of a rename: %v", err)
	}
	if err := s.Apply("d1", workspace.Change{Library: &workspace.SummaryEdit{Status: workspace.StatusDone}, Changed: at}); err != nil {
		t.Fatalf("Apply of a status: %v", err)
	}
	want := r.Summary
	want.Title, want.Status, want.Changed = "Renamed", workspace.StatusDone, at
	expect(t, "Summary after a library change", must(s.Summary("d1")), want)
	expect(t, "Annotations after a library change", must(s.Annotations("d1")), Anns(3))
	if err := s.Apply("nope", workspace.Change{Library: &workspace.SummaryEdit{Title: "x"}, Changed: at}); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("a library change of a document not stored: %v, want ErrNoDocument", err)
	}
}

// testVersion: a change moves the document's version to the one it makes
// (a tab showing it read-only applies the next change only on it), a
// change from the library keeps it, and a document written whole has
// none, whatever version its record carries.
func testVersion(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	put(t, s, r, Anns(3))
	v := workspace.Version{Editor: "e1", Seq: 4}
	if err := s.Apply("d1", workspace.Change{Put: []annotate.Annotation{Ann(5)}, Counts: map[string]int{"claim": 4},
		From: workspace.Version{Editor: "e1", Seq: 3}, To: v}); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	expect(t, "Version after a change", must(s.Summary("d1")).Version, v)
	if err := s.Apply("d1", workspace.Change{Library: &workspace.SummaryEdit{Title: "Renamed"}, Changed: base}); err != nil {
		t.Fatalf("Apply of a rename: %v", err)
	}
	expect(t, "Version after a rename", must(s.Summary("d1")).Version, v)
	whole := must(s.Document("d1"))
	put(t, s, whole, Anns(2))
	expect(t, "Version after a whole write", must(s.Summary("d1")).Version, workspace.Version{})
}

func testMissingDocument(t *testing.T, s workspace.Store) {
	put(t, s, Doc("d1"), nil)
	for _, id := range []string{"d2", "", "D1", "d1 "} {
		if _, err := s.Document(id); !errors.Is(err, workspace.ErrNoDocument) {
			t.Errorf("Document(%q): %v, want ErrNoDocument", id, err)
		}
		if _, err := s.Summary(id); !errors.Is(err, workspace.ErrNoDocument) {
			t.Errorf("Summary(%q): %v, want ErrNoDocument", id, err)
		}
		// The interface leaves open whether reading the annotations or
		// steps of a missing document is an error; if it is, it is
		// ErrNoDocument, and if not, there are none.
		if anns, err := s.Annotations(id); err != nil && !errors.Is(err, workspace.ErrNoDocument) || len(anns) != 0 {
			t.Errorf("Annotations(%q) = %d annotations, %v; want none, or ErrNoDocument", id, len(anns), err)
		}
		if steps, err := s.Steps(id); err != nil && !errors.Is(err, workspace.ErrNoDocument) || len(steps) != 0 {
			t.Errorf("Steps(%q) = %d steps, %v; want none, or ErrNoDocument", id, len(steps), err)
		}
	}
}

func testDocuments(t *testing.T, s workspace.Store) {
	if docs, err := s.Documents(); err != nil || len(docs) != 0 {
		t.Fatalf("a new store's Documents() = %v, %v; want none", docs, err)
	}
	want := map[string]workspace.Summary{}
	for _, id := range []string{"c", "a", "b", "d"} {
		r := Doc(id)
		r.Counts = map[string]int{"claim": len(id) + int(id[0])}
		put(t, s, r, []annotate.Annotation{Ann(int(id[0]))})
		want[id] = r.Summary
	}
	if err := s.DeleteDocument("d"); err != nil {
		t.Fatal(err)
	}
	delete(want, "d")
	docs := must(s.Documents())
	got := map[string]workspace.Summary{}
	for _, d := range docs {
		if _, dup := got[d.ID]; dup {
			t.Errorf("Documents() lists %s twice", d.ID)
		}
		got[d.ID] = d
	}
	expect(t, "Documents()", got, want)
}

func testStoredDocument(t *testing.T, s workspace.Store) {
	r1, r2 := Doc("d1"), Doc("d2")
	put(t, s, r1, nil)
	put(t, s, r2, nil)
	unknown := strings.Repeat("0", 64)
	for _, c := range []struct {
		sha, id, want string
	}{
		{r1.TextSHA256, "new", "d1"},    // by its text
		{r2.TextSHA256, "d1", "d2"},     // the text first
		{unknown, "d2", "d2"},           // by its id
		{"", "d1", "d1"},                // no hash: by its id
		{unknown, "new", ""},            // neither
		{"", "new", ""},                 // neither, no hash
		{r1.TextSHA256[:10], "new", ""}, // only a hash's start
	} {
		got, found, err := s.StoredDocument(c.sha, c.id)
		if err != nil || found != (c.want != "") || got != c.want {
			t.Errorf("StoredDocument(%q, %q) = %q, %v, %v; want %q", c.sha, c.id, got, found, err, c.want)
		}
	}
	if err := s.DeleteDocument("d2"); err != nil {
		t.Fatal(err)
	}
	if got, found, err := s.StoredDocument(r2.TextSHA256, "d2"); err != nil || found {
		t.Errorf("StoredDocument of a deleted document = %q, %v, %v; want not found", got, found, err)
	}
}

func testDocumentByText(t *testing.T, s workspace.Store) {
	r1, r2 := Doc("d1"), Doc("d2")
	put(t, s, r1, nil)
	put(t, s, r2, nil)
	for _, r := range []workspace.DocumentRecord{r1, r2} {
		id, found, err := s.DocumentByText(r.TextSHA256)
		if err != nil || !found || id != r.ID {
			t.Errorf("DocumentByText(%s) = %q, %v, %v; want %s", r.TextSHA256, id, found, err, r.ID)
		}
	}
	if id, found, err := s.DocumentByText(strings.Repeat("0", 64)); err != nil || found {
		t.Errorf("DocumentByText of an unknown hash = %q, %v, %v; want not found", id, found, err)
	}

	// Replaced with another text: the old hash finds nothing.
	old := r1.TextSHA256
	r1.Text, r1.TextSHA256 = "Another text.", strings.Repeat("ab", 32)
	put(t, s, r1, nil)
	if id, found, err := s.DocumentByText(old); err != nil || found {
		t.Errorf("DocumentByText of a replaced document's old hash = %q, %v, %v; want not found", id, found, err)
	}
	if id, found, err := s.DocumentByText(r1.TextSHA256); err != nil || !found || id != "d1" {
		t.Errorf("DocumentByText of the new hash = %q, %v, %v; want d1", id, found, err)
	}

	// Deleted: its hash finds nothing.
	if err := s.DeleteDocument("d2"); err != nil {
		t.Fatal(err)
	}
	if id, found, err := s.DocumentByText(r2.TextSHA256); err != nil || found {
		t.Errorf("DocumentByText of a deleted document's hash = %q, %v, %v; want not found", id, found, err)
	}

	// A document without a hash is not found by the empty one.
	r3 := Doc("d3")
	r3.TextSHA256 = ""
	put(t, s, r3, nil)
	if id, found, err := s.DocumentByText(""); err != nil || found {
		t.Errorf(`DocumentByText("") = %q, %v, %v; want not found`, id, found, err)
	}
}

func testDeleteDocument(t *testing.T, s workspace.Store) {
	put(t, s, Doc("d1"), Anns(4))
	put(t, s, Doc("d2"), Anns(2))
	for _, id := range []string{"d1", "d2"} {
		if err := s.Apply(id, workspace.Change{PutSteps: []annotate.Step{step(1, Ann(0), Ann(1))}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteDocument("d1"); err != nil {
		t.Fatalf("DeleteDocument: %v", err)
	}
	if _, err := s.Document("d1"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("Document of a deleted document: %v, want ErrNoDocument", err)
	}
	if _, err := s.Summary("d1"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("Summary of a deleted document: %v, want ErrNoDocument", err)
	}
	if err := s.DeleteDocument("d1"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("DeleteDocument twice: %v, want ErrNoDocument", err)
	}
	if err := s.DeleteDocument("never"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("DeleteDocument of a document never stored: %v, want ErrNoDocument", err)
	}
	// Stored again under the same id, it has none of the old annotations
	// or steps: they went with it.
	put(t, s, Doc("d1"), nil)
	if n := len(must(s.Annotations("d1"))); n != 0 {
		t.Errorf("a deleted document's annotations survived: %d", n)
	}
	if n := len(must(s.Steps("d1"))); n != 0 {
		t.Errorf("a deleted document's steps survived: %d", n)
	}
	// The other document is untouched.
	expect(t, "Annotations(d2)", must(s.Annotations("d2")), Anns(2))
	expect(t, "Steps(d2)", len(must(s.Steps("d2"))), 1)
	expect(t, "Documents()", len(must(s.Documents())), 2)
}

func testApply(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	put(t, s, r, Anns(5))
	put(t, s, Doc("d2"), Anns(5))

	changed := Ann(2)
	changed.Label = "pledge"
	changed.Attributes = map[string]string{annotate.AttrParty: "Greens", annotate.AttrNote: "checked"}
	c := workspace.Change{
		Put:       []annotate.Annotation{Ann(7), changed},
		Delete:    []string{Ann(0).ID, Ann(4).ID, "no-such-annotation"},
		PutSteps:  []annotate.Step{step(1, Ann(7), Ann(2)), step(2, Ann(0), Ann(4))},
		Counts:    map[string]int{"claim": 1, "pledge": 2},
		Orphans:   0,
		Changed:   base.Add(time.Minute),
		Annotated: true,
	}
	if err := s.Apply("d1", c); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	expect(t, "Annotations after Apply", must(s.Annotations("d1")), []annotate.Annotation{Ann(1), changed, Ann(3), Ann(7)})
	expect(t, "Steps after Apply", sortSteps(must(s.Steps("d1"))), c.PutSteps)
	want := r.Summary
	want.Counts = c.Counts
	want.Orphans = 0
	want.Changed = c.Changed
	want.Status = workspace.StatusInProgress
	expect(t, "Summary after Apply", must(s.Summary("d1")), want)
	expect(t, "Body after Apply", must(s.Document("d1")).Body, r.Body)

	// Only the history moves: the status stays, the time stays when the
	// change has none.
	if err := s.PutSummary(func() workspace.Summary { x := want; x.Status = workspace.StatusNew; return x }()); err != nil {
		t.Fatal(err)
	}
	undone := step(2, Ann(0), Ann(4))
	undone.Redo = true
	c2 := workspace.Change{PutSteps: []annotate.Step{undone}, DeleteSteps: []int{1, 99}, Counts: map[string]int{"claim": 1}, Orphans: 3}
	if err := s.Apply("d1", c2); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	expect(t, "Steps after a second Apply", sortSteps(must(s.Steps("d1"))), []annotate.Step{undone})
	want.Status = workspace.StatusNew
	want.Counts = c2.Counts
	want.Orphans = 3
	expect(t, "Summary after a change of the history only", must(s.Summary("d1")), want)

	// The other document saw nothing.
	expect(t, "Annotations(d2)", must(s.Annotations("d2")), Anns(5))
	expect(t, "Steps(d2)", len(must(s.Steps("d2"))), 0)
	expect(t, "Summary(d2)", must(s.Summary("d2")), Doc("d2").Summary)

	// An empty change still rewrites the counts.
	if err := s.Apply("d1", workspace.Change{}); err != nil {
		t.Fatalf("Apply of an empty change: %v", err)
	}
	want.Counts, want.Orphans = map[string]int{}, 0
	expect(t, "Summary after an empty change", must(s.Summary("d1")), want)
}

func testApplyKeepsRename(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	put(t, s, r, Anns(2))
	// Renamed and marked done elsewhere (another tab, the library)
	// between the editor's load and its change.
	renamed := r.Summary
	renamed.Title = "Renamed in the library"
	renamed.Status = workspace.StatusDone
	if err := s.PutSummary(renamed); err != nil {
		t.Fatal(err)
	}
	c := workspace.Change{Put: []annotate.Annotation{Ann(5)}, Counts: map[string]int{"claim": 3}, Changed: base.Add(2 * time.Hour), Annotated: true}
	if err := s.Apply("d1", c); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	expect(t, "Summary after a rename then a change", must(s.Summary("d1")), c.Update(renamed))
	if got := must(s.Summary("d1")); got.Title != renamed.Title || got.Status != workspace.StatusDone {
		t.Errorf("Apply lost the rename: title %q, status %q", got.Title, got.Status)
	}
}

func testApplyMissingDocument(t *testing.T, s workspace.Store) {
	put(t, s, Doc("d1"), Anns(2))
	c := workspace.Change{
		Put:       []annotate.Annotation{Ann(5)},
		Delete:    []string{Ann(0).ID},
		PutSteps:  []annotate.Step{step(1, Ann(5), Ann(1))},
		Counts:    map[string]int{"claim": 9},
		Annotated: true,
	}
	if err := s.Apply("ghost", c); !errors.Is(err, workspace.ErrNoDocument) {
		t.Fatalf("Apply to a document not stored: %v, want ErrNoDocument", err)
	}
	if _, err := s.Summary("ghost"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("a refused Apply wrote a summary (Summary: %v)", err)
	}
	expect(t, "Documents after a refused Apply", len(must(s.Documents())), 1)
	if anns, err := s.Annotations("ghost"); err != nil && !errors.Is(err, workspace.ErrNoDocument) || len(anns) != 0 {
		t.Errorf("a refused Apply: Annotations(ghost) = %d, %v", len(anns), err)
	}

	// Deleted after it was opened: same, and nothing comes back when a
	// document of that id is stored again.
	if err := s.DeleteDocument("d1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply("d1", c); !errors.Is(err, workspace.ErrNoDocument) {
		t.Fatalf("Apply to a deleted document: %v, want ErrNoDocument", err)
	}
	if _, err := s.Summary("d1"); !errors.Is(err, workspace.ErrNoDocument) {
		t.Errorf("Apply to a deleted document brought its summary back (Summary: %v)", err)
	}
	if docs := must(s.Documents()); len(docs) != 0 {
		t.Errorf("Apply to a deleted document: Documents() = %d, want 0", len(docs))
	}
}

func testApplyRecord(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	put(t, s, r, Anns(2))
	bad := Ann(8)
	bad.ID = ""
	c := workspace.Change{
		Put:      []annotate.Annotation{Ann(5), bad},
		Delete:   []string{Ann(0).ID},
		PutSteps: []annotate.Step{step(1, Ann(5), Ann(1))},
		Counts:   map[string]int{"claim": 9},
	}
	if err := s.Apply("d1", c); !errors.Is(err, workspace.ErrRecord) {
		t.Fatalf("Apply with an annotation without an id: %v, want ErrRecord", err)
	}
	expect(t, "Annotations after a refused Apply", must(s.Annotations("d1")), Anns(2))
	expect(t, "Steps after a refused Apply", len(must(s.Steps("d1"))), 0)
	expect(t, "Summary after a refused Apply", must(s.Summary("d1")), r.Summary)
}

func testAnnotationsSorted(t *testing.T, s workspace.Store) {
	// Ids in an order unlike the input, orphans among them, and ids whose
	// byte order differs from their UTF-16 order (U+FF01 sorts before
	// U+1F600 in UTF-8, after it in UTF-16): sorted as Go sorts strings.
	ids := []string{"b", "a", "\uff01x", "\U0001F600y", "B", "a0", "0", "~", "é", "Z"}
	var anns []annotate.Annotation
	for i, id := range ids {
		a := Ann(i)
		a.ID = id
		anns = append(anns, a)
	}
	put(t, s, Doc("d1"), anns)
	got := must(s.Annotations("d1"))
	var gotIDs []string
	orphans := 0
	for _, a := range got {
		gotIDs = append(gotIDs, a.ID)
		if a.Anchor == annotate.AnchorOrphan {
			orphans++
		}
	}
	want := append([]string(nil), ids...)
	sort.Strings(want)
	expect(t, "the ids Annotations() returns", gotIDs, want)
	if orphans != 1 {
		t.Errorf("Annotations() returned %d orphans, want 1 (annotation 9 of 10)", orphans)
	}
	byID := map[string]annotate.Annotation{}
	for _, a := range anns {
		byID[a.ID] = a
	}
	for _, a := range got {
		expect(t, "annotation "+a.ID, a, byID[a.ID])
	}
}

func testSteps(t *testing.T, s workspace.Store) {
	put(t, s, Doc("d1"), Anns(3))
	var all []annotate.Step
	for seq := 1; seq <= 30; seq++ {
		st := step(seq, Ann(seq+10), Ann(seq%3))
		st.Redo = seq > 25
		all = append(all, st)
	}
	// Put in three changes, out of order; delete a few, one never put.
	for _, part := range [][]annotate.Step{all[20:], all[:10], all[10:20]} {
		if err := s.Apply("d1", workspace.Change{PutSteps: part}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Apply("d1", workspace.Change{DeleteSteps: []int{1, 2, 30, 31}}); err != nil {
		t.Fatal(err)
	}
	expect(t, "Steps()", sortSteps(must(s.Steps("d1"))), all[2:29])

	// A step put again replaces the one of that number.
	again := all[5]
	again.Redo = true
	again.Label = "redone"
	again.Changes = again.Changes[:1]
	if err := s.Apply("d1", workspace.Change{PutSteps: []annotate.Step{again}}); err != nil {
		t.Fatal(err)
	}
	got := sortSteps(must(s.Steps("d1")))
	if len(got) != 27 {
		t.Fatalf("Steps() after putting a step again: %d, want 27", len(got))
	}
	expect(t, "step 6 after putting it again", got[3], again)
}

func testCopies(t *testing.T, s workspace.Store) {
	r := Doc("d1")
	r.Counts = map[string]int{"claim": 1}
	anns := []annotate.Annotation{Ann(1)}
	st := step(1, Ann(4), Ann(1))
	put(t, s, r, anns)
	if err := s.Apply("d1", workspace.Change{PutSteps: []annotate.Step{st}, Counts: map[string]int{"claim": 1}}); err != nil {
		t.Fatal(err)
	}
	settings := workspace.Settings{Author: "Ana", Schema: annotate.DefaultSchema()}
	if err := s.PutSettings(settings); err != nil {
		t.Fatal(err)
	}
	want, wantAnns, wantStep, wantSettings := r.Clone(), []annotate.Annotation{Ann(1)}, step(1, Ann(4), Ann(1)), workspace.Settings{Author: "Ana", Schema: annotate.DefaultSchema()}

	// Change what went in.
	r.Counts["claim"] = 99
	r.Schema.Labels[0].Name = "changed"
	r.Schema.Labels[1].Attributes[0] = "changed"
	anns[0].Attributes[annotate.AttrSpeaker] = "changed"
	st.Changes[0].After.Label = "changed"
	st.Changes[1].Before.Attributes[annotate.AttrSpeaker] = "changed"
	settings.Schema.Labels[0].Name = "changed"

	// Change what came out.
	d := must(s.Document("d1"))
	d.Counts["claim"] = 77
	d.Schema.Labels[0].Name = "changed"
	d.Schema.Labels[1].Attributes[0] = "changed"
	sum := must(s.Summary("d1"))
	sum.Counts["claim"] = 66
	for _, sm := range must(s.Documents()) {
		sm.Counts["claim"] = 55
	}
	a := must(s.Annotations("d1"))
	a[0].Attributes[annotate.AttrSpeaker] = "changed"
	steps := must(s.Steps("d1"))
	steps[0].Changes[0].After.Label = "changed"
	steps[0].Changes[1].Before.Attributes[annotate.AttrSpeaker] = "changed"
	steps[0].Changes[1].After.Attributes[annotate.AttrSpeaker] = "changed"
	steps[0].Changes = nil
	set := must(s.Settings())
	set.Schema.Labels[0].Name = "changed"
	set.Schema.Labels[1].Attributes[0] = "changed"

	expect(t, "Document", must(s.Document("d1")), want)
	expect(t, "Documents", must(s.Documents()), []workspace.Summary{want.Summary})
	expect(t, "Annotations", must(s.Annotations("d1")), wantAnns)
	expect(t, "Steps", must(s.Steps("d1")), []annotate.Step{wantStep})
	expect(t, "Settings", must(s.Settings()), wantSettings)
}

func testTimes(t *testing.T, s workspace.Store) {
	times := []time.Time{
		base,
		time.UnixMilli(0).UTC(),
		time.Date(1969, 7, 20, 20, 17, 40, 999_000_000, time.UTC),
		time.Date(2038, 1, 19, 3, 14, 8, 1_000_000, time.UTC),
		time.Date(9999, 12, 30, 23, 59, 59, 999_000_000, time.UTC),
	}
	for i, tm := range times {
		id := fmt.Sprintf("t%d", i)
		r := Doc(id)
		r.Added, r.Changed = tm, tm.Add(time.Millisecond)
		a := Ann(i)
		a.Created, a.Modified = tm, tm.Add(-time.Millisecond)
		put(t, s, r, []annotate.Annotation{a})
		later := a
		later.Modified = tm.Add(3 * time.Millisecond)
		c := workspace.Change{Put: []annotate.Annotation{later}, PutSteps: []annotate.Step{step(1, a, later)}, Changed: tm.Add(5 * time.Millisecond)}
		if err := s.Apply(id, c); err != nil {
			t.Fatal(err)
		}
		got := must(s.Document(id))
		checkTime(t, "Added", got.Added, tm)
		checkTime(t, "Changed", got.Changed, c.Changed)
		ga := must(s.Annotations(id))
		if len(ga) != 1 {
			t.Fatalf("%d annotations, want 1", len(ga))
		}
		checkTime(t, "Created", ga[0].Created, tm)
		checkTime(t, "Modified", ga[0].Modified, later.Modified)
		gs := must(s.Steps(id))
		if len(gs) != 1 {
			t.Fatalf("%d steps, want 1", len(gs))
		}
		checkTime(t, "a step's Created", gs[0].Changes[0].After.Created, tm)
		checkTime(t, "a step's Modified", gs[0].Changes[1].After.Modified, later.Modified)
	}
}

// checkTime checks that got is want to the nanosecond, in UTC.
func checkTime(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) || got.Location() != time.UTC || got.Nanosecond() != want.Nanosecond() {
		t.Errorf("%s came back as %s (%s), want %s", what, got.Format(time.RFC3339Nano), got.Location(), want.Format(time.RFC3339Nano))
	}
}

// odd is text that a store must keep exactly: emoji with modifiers and
// joiners, combining marks, right-to-left text with bidi controls, astral
// and private-use characters, U+2028, a BOM, a non-character, and
// characters JSON and HTML escape.
var odd = []string{
	"👩🏽‍💻 🇪🇺 🏳️‍🌈 👨‍👩‍👧‍👦",
	"e\u0301 a\u0308\u0323 ก่ \u0915\u094d\u0937",
	"\u05e9\u05dc\u05d5\u05dd \u202b\u0645\u0631\u062d\u0628\u0627\u202c \u200f\u200e",
	"\U0001d54f\U00010348 \ue000\U000f0000 \ufeff \ufffe \uffff",
	"line\u2028sep\u2029para \t\r\n \x01\x1f \u007f",
	`<script>"&'\` + "\u00a0\u200b",
}

func testUnicode(t *testing.T, s workspace.Store) {
	for i, text := range odd {
		id := fmt.Sprintf("doc-%d-%s", i, text)
		r := Doc(id)
		r.Title = text
		r.Text = text + " " + text
		r.HTML = `<article class="doc"><p dir="auto">` + text + `</p></article>`
		r.Meta.Author = text
		r.Schema.Labels[0].Description = text
		r.Counts = map[string]int{text: i + 1}
		a := Ann(i)
		a.ID = "ann-" + text
		a.Exact, a.Prefix, a.Suffix = text, string([]rune(text)[:1]), text
		a.Attributes = map[string]string{text: text}
		put(t, s, r, []annotate.Annotation{a})
		if err := s.Apply(id, workspace.Change{PutSteps: []annotate.Step{step(1, a, a)}, Counts: r.Counts}); err != nil {
			t.Fatal(err)
		}
		if err := s.PutSettings(workspace.Settings{Author: text, Schema: r.Schema}); err != nil {
			t.Fatal(err)
		}
		expect(t, fmt.Sprintf("Document %d", i), must(s.Document(id)), r)
		expect(t, fmt.Sprintf("Annotations %d", i), must(s.Annotations(id)), []annotate.Annotation{a})
		expect(t, fmt.Sprintf("Steps %d", i), must(s.Steps(id)), []annotate.Step{step(1, a, a)})
		expect(t, fmt.Sprintf("Settings %d", i), must(s.Settings()), workspace.Settings{Author: text, Schema: r.Schema})
		if got, found, err := s.DocumentByText(r.TextSHA256); err != nil || !found || got != id {
			t.Errorf("DocumentByText found %q, %v, %v; want %q", got, found, err, id)
		}
	}
	expect(t, "Documents()", len(must(s.Documents())), len(odd))
}

func testLargeBody(t *testing.T, s workspace.Store) {
	// 10 MB of HTML, with the characters that JSON escapes among them.
	var b strings.Builder
	b.WriteString(`<article class="doc">`)
	for i := 0; b.Len() < 10<<20; i++ {
		fmt.Fprintf(&b, `<p id="p%d">Paragraph %d &amp; "quoted" <b>bold</b> — é 🙂</p>`, i, i)
	}
	b.WriteString(`</article>`)
	r := Doc("big")
	r.HTML = b.String()
	r.Text = strings.Repeat("Paragraph text. ", 1<<16)
	put(t, s, r, Anns(3))
	got := must(s.Document("big"))
	if got.HTML != r.HTML {
		t.Fatalf("the 10 MB body came back changed: %d bytes, want %d", len(got.HTML), len(r.HTML))
	}
	expect(t, "the large document", got, r)
	expect(t, "its summary", must(s.Summary("big")), r.Summary)
}

func testManyAnnotations(t *testing.T, s workspace.Store) {
	const n = 2000
	anns := Anns(n)
	// Put in reverse order: they come out sorted.
	rev := make([]annotate.Annotation, n)
	for i, a := range anns {
		rev[n-1-i] = a
	}
	put(t, s, Doc("d1"), rev)
	expect(t, "2,000 annotations", must(s.Annotations("d1")), anns)

	// One change among them touches only what it names.
	changed := anns[1234]
	changed.Label = "quote"
	changed.Attributes = map[string]string{annotate.AttrSpeaker: "X"}
	if err := s.Apply("d1", workspace.Change{Put: []annotate.Annotation{changed}, Delete: []string{anns[7].ID}, PutSteps: []annotate.Step{step(1, changed, anns[1234])}}); err != nil {
		t.Fatal(err)
	}
	want := append([]annotate.Annotation(nil), anns...)
	want[1234] = changed
	want = append(want[:7], want[8:]...)
	expect(t, "2,000 annotations after a change", must(s.Annotations("d1")), want)
}

// sortSteps sorts steps by Seq: Steps returns them in no set order.
func sortSteps(steps []annotate.Step) []annotate.Step {
	sort.Slice(steps, func(i, j int) bool { return steps[i].Seq < steps[j].Seq })
	return steps
}

// failure is what must panics with; Run's subtests turn it into t.Fatal.
type failure string

// must returns v, or stops the subtest on an error, naming the line that
// called it: the suite's reads are expected to work.
func must[T any](v T, err error) T {
	if err != nil {
		_, file, line, _ := runtime.Caller(1)
		panic(failure(fmt.Sprintf("%s:%d: unexpected error: %v", filepath.Base(file), line, err)))
	}
	return v
}

// expect fails the test unless got equals want, taking an empty slice or
// map as equal to a nil one (a store that encodes records may not keep
// the difference, and no caller relies on it).
func expect(t *testing.T, what string, got, want any) {
	t.Helper()
	if !equal(got, want) {
		t.Errorf("%s:\n got  %s\n want %s", what, show(got), show(want))
	}
}

// show writes v as JSON (pointers followed), cut to 2,000 bytes.
func show(v any) string {
	j, err := json.Marshal(v)
	if err != nil {
		return abbreviate(fmt.Sprintf("%+v", v))
	}
	return abbreviate(string(j))
}

func abbreviate(s string) string {
	if len(s) > 2000 {
		return s[:2000] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}

// equal is reflect.DeepEqual with nil and empty slices and maps equal.
func equal(a, b any) bool {
	return deepEqual(reflect.ValueOf(a), reflect.ValueOf(b))
}

func deepEqual(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !deepEqual(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() || !deepEqual(a.MapIndex(k), bv) {
				return false
			}
		}
		return true
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return deepEqual(a.Elem(), b.Elem())
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return deepEqual(a.Elem(), b.Elem())
	case reflect.Struct:
		if a.Type() == reflect.TypeFor[time.Time]() {
			ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
			return ta.Equal(tb) && ta.Location() == tb.Location()
		}
		for i := 0; i < a.NumField(); i++ {
			if !deepEqual(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	default:
		return reflect.DeepEqual(a.Interface(), b.Interface())
	}
}
