package app

import (
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
	sample, note := firstDocument(ws, "")
	if sample == "" || !strings.Contains(note, sampleTitle) {
		t.Fatalf("a first start opened %q, saying %q; want the sample", sample, note)
	}

	store.lists = 0
	if id, note := firstDocument(ws, sample); id != sample || note != "" {
		t.Errorf("reopening the last document gave %q, %q; want %q and no note", id, note, sample)
	}
	if store.lists != 0 {
		t.Errorf("reopening the last document read the whole library %d times; a start must look it up alone", store.lists)
	}

	if id, note := firstDocument(ws, "sha256:0000000000000000"); id != "" || !strings.Contains(note, "no longer in the library") {
		t.Errorf("with the last document gone: %q, %q; want the library and a note", id, note)
	}
}
