package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate/workspace"
)

// listing is a store that counts the times the whole library is read.
type listing struct {
	workspace.Store
	lists int
}

func (l *listing) Documents() ([]workspace.Summary, error) {
	l.lists++
	return l.Store.Documents()
}

// TestFirstDocument checks the choice of the document opened on start: the
// sample on a first start; the document open last, found without reading
// the whole library; the library when that document is gone.
func TestFirstDocument(t *testing.T) {
	store := &listing{Store: workspace.NewMemory()}
	ws, err := workspace.Open(store, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, sample, note := firstDocument(ws, "")
	if sample == "" || !strings.Contains(note, sampleTitle) {
		t.Fatalf("a first start opened %q, saying %q; want the sample", sample, note)
	}
	// The sample comes with its editor, made from the document in hand,
	// and is in the store as reading it back finds it.
	if e == nil || e.ID() != sample || e.Document.Title != sampleTitle || e.Set.Len() != 0 {
		t.Fatalf("the sample's editor: %+v", e)
	}
	// It is written by its first change, once shown (the app's start
	// saves it after the frame that shows it).
	if !e.Unwritten() {
		t.Fatal("the sample was written before it was shown")
	}
	if _, err := ws.Store().Summary(sample); !errors.Is(err, workspace.ErrNoDocument) {
		t.Fatalf("the sample is in the store before its first change: %v", err)
	}
	if err := workspace.Write(ws.Store(), sample, e.Pending()); err != nil {
		t.Fatal(err)
	}
	stored, err := ws.Edit(sample)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Document.HTML != e.Document.HTML || stored.Document.Text().String() != e.Document.Text().String() || stored.Document.Title != e.Document.Title {
		t.Errorf("the sample as stored differs from the sample opened")
	}
	if rec, err := ws.Store().Document(sample); err != nil || rec.SourceID != sampleSourceID {
		t.Errorf("the sample's record: %v; want it marked as the sample", err)
	}

	store.lists = 0
	if e, id, note := firstDocument(ws, sample); e != nil || id != sample || note != "" {
		t.Errorf("reopening the last document gave %v, %q, %q; want %q to open and no note", e, id, note, sample)
	}
	if store.lists != 0 {
		t.Errorf("reopening the last document read the whole library %d times; a start must look it up alone", store.lists)
	}

	if e, id, note := firstDocument(ws, "sha256:0000000000000000"); e != nil || id != "" || !strings.Contains(note, "no longer in the library") {
		t.Errorf("with the last document gone: %v, %q, %q; want the library and a note", e, id, note)
	}
	// No session (cleared) with a library: the library, and no word of a
	// document that was open.
	if e, id, note := firstDocument(ws, ""); e != nil || id != "" || note != "" {
		t.Errorf("with no document open last: %v, %q, %q; want the library and no note", e, id, note)
	}
}

// summaries is a store that counts the summaries read alone.
type summaries struct {
	workspace.Store
	reads int
}

func (s *summaries) Summary(id string) (workspace.Summary, error) {
	s.reads++
	return s.Store.Summary(id)
}

// TestReopen checks the start's choice with the document open last read
// first: it is opened with no lookup before it; when it is gone, or none
// was open, the choice is firstDocument's.
func TestReopen(t *testing.T) {
	store := &summaries{Store: workspace.NewMemory()}
	ws, err := workspace.Open(store, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, sample, note, err := reopen(ws, "")
	if e == nil || err != nil || sample == "" || e.ID() != sample || !strings.Contains(note, sampleTitle) {
		t.Fatalf("a first start gave %v, %q, %q, %v; want the sample's editor", e, sample, note, err)
	}
	if err := workspace.Write(ws.Store(), sample, e.Pending()); err != nil {
		t.Fatal(err)
	}

	store.reads = 0
	e, id, note, err := reopen(ws, sample)
	if err != nil || e == nil || e.ID() != sample || id != "" || note != "" {
		t.Fatalf("reopening the last document gave %v, %q, %q, %v; want its editor", e, id, note, err)
	}
	if store.reads != 0 {
		t.Errorf("reopening the last document read %d summaries before it; want none", store.reads)
	}

	e, id, note, err = reopen(ws, "sha256:0000000000000000")
	if e != nil || err != nil || id != "" || !strings.Contains(note, "no longer in the library") {
		t.Errorf("with the last document gone: %v, %q, %q, %v; want the library and a note", e, id, note, err)
	}
}
