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

// TestBatchRefusedLineLeavesItsID: a line refused (an empty scrape) added
// no article under its id, and a later line that gives the id (the
// scraper's retry) is added. It was refused as "the id is used by an
// earlier line for another article".
func TestBatchRefusedLineLeavesItsID(t *testing.T) {
	batch := strings.Join([]string{
		`{"id": "a7", "text": "   "}`,
		`{"id": "a8", "html": "<script>x()</script>"}`,
		`{"id": "a7", "title": "Retry", "text": "The real article, scraped again."}`,
		`{"id": "a8", "title": "Retry", "html": "<p>The second article, scraped again.</p>"}`,
		`{"id": "a8", "text": "A third story under the retry's id."}`,
	}, "\n")
	inEachStore(t, func(t *testing.T, w *Workspace) {
		r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
		if err != nil || len(r.Added) != 2 || len(r.Errors) != 3 {
			t.Fatalf("the import: %v; added %d, errors %v; want lines 3 and 4 added, 1, 2 and 5 refused", err, len(r.Added), r.Errors)
		}
		if e := r.Errors[2]; e.Line != 5 || !errors.Is(e, ErrDuplicateID) || !strings.Contains(e.Error(), "(line 4)") {
			t.Errorf("an id given to another article after a retry: %v; want line 5 refused, naming line 4", e)
		}
	})
}

// TestBatchSpansLineTwiceIsADuplicate: the same line with spans twice in
// a batch (a doccano export joined to itself) is the same article again,
// reported as a duplicate of the first line, as two files of it are; it
// was refused as an id used "for another article". An id given to another
// text with spans is still refused.
func TestBatchSpansLineTwiceIsADuplicate(t *testing.T) {
	const line = `{"id": "s1", "text": "EU rejects German call.", "spans": [{"start": 0, "end": 2, "label": "claim"}]}`
	batch := strings.Join([]string{line, line, `{"id": "s1", "text": "Another text.", "spans": [{"start": 0, "end": 7, "label": "claim"}]}`}, "\n")
	inEachStore(t, func(t *testing.T, w *Workspace) {
		r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
		if err != nil || len(r.Added) != 1 || len(r.Duplicates) != 1 || len(r.Errors) != 1 {
			t.Fatalf("the import: %v; added %d, duplicates %v, errors %v; want line 2 a duplicate, line 3 refused", err, len(r.Added), r.Duplicates, r.Errors)
		}
		if d := r.Duplicates[0]; d.Line != 2 || d.Earlier != "b.jsonl, line 1" {
			t.Errorf("the duplicate: %+v (%s); want line 2, the same article as line 1", d, d)
		}
		if e := r.Errors[0]; e.Line != 3 || !errors.Is(e, ErrDuplicateID) || !strings.Contains(e.Error(), "(line 1)") {
			t.Errorf("an id given to another text: %v; want line 3 refused, naming line 1", e)
		}
	})
}

// TestBatchSaysACutTitle: a line or a file whose title is over the 500
// characters a title keeps is added with its title cut, and a note says
// so. It was cut unsaid, and the dataset came back out with other titles.
func TestBatchSaysACutTitle(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("Parliament debates the long budget bill ", 15)) + " final words"
	line := `{"id": "long-1", "title": "` + long + `", "text": "The minister said taxes would fall."}`
	inEachStore(t, func(t *testing.T, w *Workspace) {
		r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(line), nil)
		if err != nil || len(r.Added) != 1 || len(r.Notes) != 1 {
			t.Fatalf("the import: %v; added %d, notes %v; want one added, one note", err, len(r.Added), r.Notes)
		}
		n := r.Notes[0]
		if n.Line != 1 || !strings.Contains(n.String(), "its title of 611 characters was cut to the 500 a title keeps: “Parliament debates") || !strings.Contains(n.String(), r.Added[0].Title) {
			t.Errorf("the note: %s; the title kept: %q", n, r.Added[0].Title)
		}
	})
}
