package workspace

import (
	"context"
	"strings"
	"testing"
)

// groupMeanwhile is a Memory shared by two tabs: before the import's next
// group is written, the other tab does what before does (once).
type groupMeanwhile struct {
	*Memory
	before func()
}

func (m *groupMeanwhile) PutDocuments(docs []NewDocument) ([]string, error) {
	if f := m.before; f != nil {
		m.before = nil
		f()
	}
	return m.Memory.PutDocuments(docs)
}

// tagElsewhere is the other tab: it adds the article text (opened from a
// file) and tags its first word, as a user would, through a workspace of
// its own over the same store. It returns the document's id.
func tagElsewhere(t *testing.T, s Store, text string) string {
	t.Helper()
	other, err := Open(s, clock())
	if err != nil {
		t.Fatal(err)
	}
	e, err := other.AddAndEdit(loadText(t, "opened.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 9); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	return e.ID()
}

// TestImportKeepsWhatAnotherTabAddedMeanwhile: a batch import reads a line,
// finds its article nowhere in the workspace, and writes it with its group
// later; another tab opens the same article and tags it in between. The
// import does not replace that document (its tag was lost): it reports the
// line as a duplicate, in words.
func TestImportKeepsWhatAnotherTabAddedMeanwhile(t *testing.T) {
	const text = "Ministers pledged to raise defence spending."
	s := &groupMeanwhile{Memory: NewMemory()}
	w, err := Open(s, clock())
	if err != nil {
		t.Fatal(err)
	}
	var id string
	s.before = func() { id = tagElsewhere(t, s, text) }
	batch := jsonLine(t, map[string]any{"id": "first", "text": "Another article entirely."}) + "\n" +
		jsonLine(t, map[string]any{"id": "pledge", "text": text})
	r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
	if err != nil {
		t.Fatal(err)
	}
	anns, err := s.Annotations(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(anns) != 1 {
		t.Errorf("the document tagged in the other tab has %d annotations after the import, want its 1", len(anns))
	}
	if sum, _ := s.Summary(id); sum.Annotations() != 1 {
		t.Errorf("its summary counts %d annotations, want 1", sum.Annotations())
	}
	if len(r.Added) != 1 || len(r.Duplicates) != 1 || r.Duplicates[0].Of != id || r.Duplicates[0].Line != 2 {
		t.Fatalf("the import reports %d added and duplicates %+v; want 1 added and line 2 a duplicate of %s", len(r.Added), r.Duplicates, id)
	}
	if msg := r.Duplicates[0].String(); !strings.Contains(msg, "already in the workspace") {
		t.Errorf("the duplicate is reported as %q", msg)
	}
}
