package annotate

import (
	"errors"
	"strings"
	"testing"
)

// TestLimitForBatchesAndFilesOfAnnotations: a JSON Lines batch over the
// limit was refused with an export's advice ("split its annotations across
// several exports of the same article"), and a CSV or a W3C Web
// Annotation file, such as the library's own Export dataset writes for a
// large library, was refused past 10 MB as an article, with the advice to
// save the article in the browser's reader view; the command line reads
// them up to 100 MB. Each is now held to 100 MB, and a batch over it is
// told to split itself between lines.
func TestLimitForBatchesAndFilesOfAnnotations(t *testing.T) {
	for _, c := range []struct {
		name, mediaType string
	}{
		{"batch.jsonl", ""},
		{"BATCH.NDJSON", ""},
		{"rows.csv", "text/csv"},
		{"annotations.jsonld", "application/ld+json"},
		{"doc.ann", ""},
		{"download", "application/x-ndjson"},
	} {
		l := LimitFor(c.name, c.mediaType)
		if err := l.Check(c.name, 12_000_000); err != nil {
			t.Errorf("%s of 12 MB: %v; want it read, as the command line reads it", c.name, err)
		}
		err := l.Check(c.name, 123_456_789)
		if !errors.Is(err, ErrTooLarge) || strings.Contains(err.Error(), "articles") || strings.Contains(err.Error(), "reader view") ||
			strings.Contains(err.Error(), "exports of the same article") {
			t.Errorf("%s over the limit: %v; want it refused in words for what it is", c.name, err)
		}
	}
	err := LimitFor("batch.jsonl", "").Check("batch.jsonl", 123_456_789)
	if want := "batch.jsonl is 123.5 MB; the annotator opens JSON Lines batches of up to 100 MB: split it"; err == nil || !strings.HasPrefix(err.Error(), want) ||
		!strings.Contains(err.Error(), "line") {
		t.Errorf("a batch over the limit: %v; want it to start %q and say to split it between lines", err, want)
	}
	// An article is held to its own limit, however it is named.
	for _, name := range []string{"page.html", "notes.txt", "brat.txt"} {
		if LimitFor(name, "").Bytes != MaxArticleBytes {
			t.Errorf("%s: limit %d, want the article's", name, LimitFor(name, "").Bytes)
		}
	}
}
