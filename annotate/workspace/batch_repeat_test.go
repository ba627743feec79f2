package workspace

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestBatchLineTwiceIsADuplicate: a batch that holds the same line twice
// (two runs of a scraper joined, a batch added to itself) refused the
// second as a line that reuses an id, telling the user to give every line
// its own id, and counted it among the refused. It is the same article:
// reported as a duplicate of the first line, as the same article under
// another id is; an id given to another article is still refused.
func TestBatchLineTwiceIsADuplicate(t *testing.T) {
	const line = `{"id": "a7", "title": "Budget", "html": "<p>The budget was passed.</p>"}`
	batch := strings.Join([]string{
		line,
		`{"id": "a8", "text": "Another story."}`,
		line,
		`{"id": "a7", "title": "Budget", "html": "<p>The budget  was\npassed.</p>"}`, // the same text, as a reader sees it
		`{"id": "a7", "text": "A third story under the first one's id."}`,
	}, "\n")
	inEachStore(t, func(t *testing.T, w *Workspace) {
		r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
		if err != nil || len(r.Added) != 2 || len(r.Duplicates) != 2 || len(r.Errors) != 1 {
			t.Fatalf("the import: %v; added %d, duplicates %v, errors %v; want 2 added, lines 3 and 4 duplicates, line 5 refused", err, len(r.Added), r.Duplicates, r.Errors)
		}
		for i, d := range r.Duplicates {
			if d.Line != 3+i || d.Earlier != "b.jsonl, line 1" || !strings.Contains(d.String(), "the same article as b.jsonl, line 1; it was not added twice") {
				t.Errorf("duplicate %d: %+v (%s); want line %d, the same article as line 1", i, d, d, 3+i)
			}
		}
		if e := r.Errors[0]; e.Line != 5 || !errors.Is(e, ErrDuplicateID) || !strings.Contains(e.Error(), "(line 1)") {
			t.Errorf("an id given to another article: %v; want line 5 refused, naming line 1", e)
		}
	})
}
