package workspace

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

func jsonLine(t testing.TB, v map[string]any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// article returns the i-th test article, as HTML when i is even.
func article(t testing.TB, i int) string {
	v := map[string]any{"id": fmt.Sprintf("a%03d", i), "title": fmt.Sprintf("Article %d", i), "url": fmt.Sprintf("https://news.example/%d", i)}
	if i%2 == 0 {
		v["html"] = fmt.Sprintf("<h1>Heading %d</h1><p>The minister said <b>%d</b> things.</p><script>alert(1)</script>", i, i)
	} else {
		v["text"] = fmt.Sprintf("Plain story %d.\n\nIt has two paragraphs.", i)
		v["meta"] = map[string]any{"author": "Ada", "siteName": "Example News"}
	}
	return jsonLine(t, v)
}

// TestBatchOf200 imports 200 lines of which 5 are bad: 195 are added and
// the 5 are named by line.
func TestBatchOf200(t *testing.T) {
	w, _ := openMemory(t)
	bad := map[int]string{ // line number → the line
		7:   `{"id": "x7", "title": "broken", "html": "<p>no end}`,
		50:  `{"id": "x50", "title": "neither"}`,
		99:  `{"id": "x99", "html": "<p>a</p>", "text": "a"}`,
		150: `{"id": "x150", "text": "   "}`,
		200: `{"id": "a001", "text": "An id used twice."}`,
	}
	var lines []string
	good := 0
	for n := 1; n <= 200; n++ {
		if l, ok := bad[n]; ok {
			lines = append(lines, l)
			continue
		}
		lines = append(lines, article(t, good))
		good++
	}
	var calls, lastDone, lastTotal int
	r, err := w.ImportBatch(context.Background(), "batch.jsonl", []byte(strings.Join(lines, "\n")+"\n"), func(done, total int) {
		calls++
		if done < lastDone {
			t.Errorf("progress went back from %d to %d", lastDone, done)
		}
		lastDone, lastTotal = done, total
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Added) != 195 || len(r.Errors) != 5 || len(r.Duplicates) != 0 {
		t.Fatalf("added %d, refused %d, duplicates %d; want 195, 5, 0: %v", len(r.Added), len(r.Errors), len(r.Duplicates), r.Errors)
	}
	if calls != 200 || lastDone != 200 || lastTotal != 200 {
		t.Errorf("progress told %d times, last %d of %d; want 200 of 200", calls, lastDone, lastTotal)
	}
	want := []struct {
		line  int
		err   error
		words string
	}{
		{7, ErrBadJSON, "not closed"},
		{50, ErrNoArticle, "neither"},
		{99, ErrBothArticles, "both"},
		{150, ErrBlank, "empty"},
		{200, ErrDuplicateID, "line 2"},
	}
	for i, e := range r.Errors {
		if e.Line != want[i].line || !errors.Is(e, want[i].err) || !strings.Contains(e.Error(), want[i].words) ||
			!strings.HasPrefix(e.Error(), fmt.Sprintf("batch.jsonl, line %d", want[i].line)) {
			t.Errorf("error %d: %v; want line %d, %v, saying %q", i, e, want[i].line, want[i].err, want[i].words)
		}
	}
	all, _ := w.List(Query{})
	if len(all) != 195 {
		t.Errorf("the workspace holds %d documents, want 195", len(all))
	}
	// A line's title, URL and meta are kept, and its HTML is sanitised.
	rec, err := w.Store().Document(r.Added[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "Article 0" || rec.URL != "https://news.example/0" || rec.SourceID != "a000" || strings.Contains(rec.HTML, "script") {
		t.Errorf("line 1 stored as %q, %q, source %q, html %q", rec.Title, rec.URL, rec.SourceID, rec.HTML)
	}
	rec, _ = w.Store().Document(r.Added[1].ID)
	if rec.Meta.Author != "Ada" || rec.Site != "Example News" {
		t.Errorf("line 2's meta not kept: %+v, site %q", rec.Meta, rec.Site)
	}
}

func TestBatchDuplicates(t *testing.T) {
	w, _ := openMemory(t)
	first, err := w.Add(loadText(t, "kept.txt", "Already here."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	batch := strings.Join([]string{
		`{"id": "1", "text": "A new story."}`,
		`{"id": "2", "text": "Already here."}`,
		`{"id": "3", "html": "<p>A  new\n story.</p>"}`, // the same canonical text as line 1
	}, "\n")
	r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Added) != 1 || len(r.Duplicates) != 2 || len(r.Errors) != 0 {
		t.Fatalf("added %d, duplicates %v, errors %v; want 1 added, 2 duplicates", len(r.Added), r.Duplicates, r.Errors)
	}
	d := r.Duplicates[0]
	if d.Line != 2 || d.Of != first.ID || d.Earlier != "" || !strings.Contains(d.String(), "already in the workspace") {
		t.Errorf("duplicate of a stored document: %+v (%s)", d, d)
	}
	d = r.Duplicates[1]
	if d.Line != 3 || d.Of != r.Added[0].ID || d.Earlier != "b.jsonl, line 1" || !strings.Contains(d.String(), "the same article as b.jsonl, line 1") {
		t.Errorf("duplicate within the batch: %+v (%s)", d, d)
	}
}

func TestBatchLineErrors(t *testing.T) {
	big := strings.Repeat("a", annotate.MaxArticleBytes+1)
	for _, c := range []struct {
		line  string
		err   error
		words string
	}{
		{`[1, 2]`, ErrBadJSON, "JSON array"},
		{`{"text": "a",}`, ErrBadJSON, "broken JSON at column 14"},
		{`{"text": "a"} {"text": "b"}`, ErrBadJSON, "a line of its own"},
		{`{"text": "a", "body": "b"}`, ErrBadJSON, `"body"`},
		{`{"text": 12}`, ErrBadJSON, `"text" must be a string`},
		{`{"text": "a", "meta": "x"}`, ErrBadJSON, `"meta" must be an object`},
		{`{"id": "n"}`, ErrNoArticle, "neither"},
		{`{"html": "", "text": ""}`, ErrBothArticles, "both"},
		{`{"html": ""}`, ErrBlank, "empty"},
		{`{"html": "<img src=x>"}`, annotate.ErrEmpty, "no text"},
		{`{"text": "` + big + `"}`, annotate.ErrTooLarge, "10 MB"},
	} {
		w, _ := openMemory(t)
		r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte("\n"+c.line+"\n"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Errors) != 1 || r.Errors[0].Line != 2 || !errors.Is(r.Errors[0], c.err) || !strings.Contains(r.Errors[0].Error(), c.words) {
			t.Errorf("%.60s: %v; want line 2, %v, saying %q", c.line, r.Errors, c.err, c.words)
		}
	}
}

func TestBatchCancel(t *testing.T) {
	w, _ := openMemory(t)
	var lines []string
	for i := range 20 {
		lines = append(lines, article(t, i))
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, err := w.ImportBatch(ctx, "b.jsonl", []byte(strings.Join(lines, "\n")), func(done, total int) {
		if done == 5 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || len(r.Added) != 5 {
		t.Fatalf("cancelled after 5: %v, %d added", err, len(r.Added))
	}
	if all, _ := w.List(Query{}); len(all) != 5 {
		t.Errorf("%d stored after cancelling, want the 5 added", len(all))
	}
}

func TestImportFiles(t *testing.T) {
	seed, err := os.ReadFile("../../../shared/seed/000_d5daed31138c5547.txt")
	if err != nil {
		seed = []byte("A stand-in for the seed article.\n\nWith two paragraphs.")
	}
	// A version-1 export with one annotation.
	doc := loadText(t, "pledge.txt", "Ministers pledged to raise defence spending.")
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 0, 44); err != nil {
		t.Fatal(err)
	}
	export, err := annotate.NewFile(doc, set, nil, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	w, _ := openMemory(t)
	files := []File{
		{"seed.txt", seed},
		{"page.HTML", []byte("<title>A page</title><p>Hello from a page.</p>")},
		{"pledge.annotations.json", export},
		{"broken.json", []byte(`{"version": 1,`)},
		{"scan.pdf", []byte("%PDF-1.4")},
		{"empty.htm", nil},
		{"again.txt", seed},
		{"pledge-copy.json", export},
		{"batch.jsonl", []byte(`{"text": "From a batch."}` + "\n" + `{"oops"}`)},
	}
	var done int
	r, err := w.ImportFiles(context.Background(), files, func(d, total int) { done = d })
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Added) != 4 || len(r.Duplicates) != 2 || len(r.Errors) != 4 || done != len(files) {
		t.Fatalf("added %d, duplicates %v, errors %v, progress %d", len(r.Added), r.Duplicates, r.Errors, done)
	}
	for i, want := range []struct {
		name string
		line int
		err  error
	}{{"broken.json", 0, nil}, {"scan.pdf", 0, ErrUnsupported}, {"empty.htm", 0, annotate.ErrEmpty}, {"batch.jsonl", 2, ErrBadJSON}} {
		e := r.Errors[i]
		if e.Name != want.name || e.Line != want.line || (want.err != nil && !errors.Is(e, want.err)) || !strings.HasPrefix(e.Error(), want.name) {
			t.Errorf("error %d: %v; want %s line %d (%v)", i, e, want.name, want.line, want.err)
		}
	}
	var ie *annotate.ImportError
	if !errors.As(r.Errors[0], &ie) {
		t.Errorf("broken.json: %v; want an *annotate.ImportError", r.Errors[0])
	}
	if r.Duplicates[0].Name != "again.txt" || r.Duplicates[0].Earlier != "seed.txt" {
		t.Errorf("duplicate: %+v", r.Duplicates[0])
	}
	if d := r.Duplicates[1]; d.Annotations != 1 || d.Filled || d.Own != 1 || !strings.Contains(d.String(), "its 1 annotation was not imported: the library's copy has 1 annotation of its own") ||
		!strings.Contains(d.String(), "Adjudicate…") || strings.Contains(d.String(), "merge") {
		t.Errorf("an export of an article already there with annotations must say its annotations were not imported, and how to combine the two: %s", d)
	}
	// The export's annotation came with it.
	sum := r.Added[2]
	if sum.Counts["pledge"] != 1 || sum.Status != StatusInProgress {
		t.Errorf("imported export: counts %v, status %q", sum.Counts, sum.Status)
	}
	if anns, _ := w.Store().Annotations(sum.ID); len(anns) != 1 || anns[0].Exact != "Ministers pledged to raise defence spending." {
		t.Errorf("imported export's annotations: %v", anns)
	}
}

// TestImportReportsTheNotes: what package formats leaves out or changes
// in a line or file it reads (a span past the end of the text, a label
// read in lower case) is in the report's Notes, named by file and line,
// and the document is kept with its good spans; in a batch and in a file
// of another format, in groups and one document at a time.
func TestImportReportsTheNotes(t *testing.T) {
	const line = `{"id":"d1","text":"Short text here.","spans":[{"start":0,"end":5,"label":"claim"},{"start":10,"end":99,"label":"CLAIM"}]}`
	batch := func(w *Workspace) (Report, error) {
		return w.ImportBatch(context.Background(), "d.jsonl", []byte(line+"\n"), nil)
	}
	file := func(w *Workspace) (Report, error) {
		return w.ImportFiles(context.Background(), []File{{"d.ndjson", []byte(line + "\n")}}, nil)
	}
	for _, c := range []struct {
		name, file string
		store      func() Store
		run        func(w *Workspace) (Report, error)
	}{
		{"batch", "d.jsonl", func() Store { return NewMemory() }, batch},
		{"batch, one at a time", "d.jsonl", func() Store { return oneAtATime{NewMemory()} }, batch},
		{"file", "d.ndjson", func() Store { return NewMemory() }, file},
		{"file, one at a time", "d.ndjson", func() Store { return oneAtATime{NewMemory()} }, file},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, err := Open(c.store(), clock())
			if err != nil {
				t.Fatal(err)
			}
			r, err := c.run(w)
			if err != nil || len(r.Added) != 1 || len(r.Errors) != 0 {
				t.Fatalf("the import: %v; added %d, errors %v", err, len(r.Added), r.Errors)
			}
			if anns, _ := w.Store().Annotations(r.Added[0].ID); len(anns) != 1 || anns[0].Exact != "Short" {
				t.Errorf("the good span is not kept: %v", anns)
			}
			if len(r.Notes) != 2 {
				t.Fatalf("the report has the notes %v; want the lower-cased label and the span left out", r.Notes)
			}
			for i, want := range []string{"lower case", "span 2"} {
				n := r.Notes[i]
				if n.Name != c.file || n.Line != 1 || n.ID != "d1" || !strings.Contains(n.Text, want) || !strings.HasPrefix(n.String(), c.file+", line 1") {
					t.Errorf("note %d: %+v (%s); want line 1 of %s, id d1, saying %q", i, n, n, c.file, want)
				}
			}
		})
	}
}

// TestImportFilesFillsAnUntouchedCopy: an export added with other files
// fills the library's copy of its article when that has no annotation of
// its own, as opening it alone does (AddExport), whether the copy was
// there before or came earlier in the same import; a copy with
// annotations of its own keeps them, and the report says what the app
// offers to combine the two.
func TestImportFilesFillsAnUntouchedCopy(t *testing.T) {
	const text = "The minister said taxes fall."
	export := func(t *testing.T, spans ...[2]int) []byte {
		doc := loadText(t, "a.txt", text)
		set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
		for _, s := range spans {
			if _, err := set.Add("claim", s[0], s[1]); err != nil {
				t.Fatal(err)
			}
		}
		data, err := annotate.NewFile(doc, set, nil, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)).Marshal()
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	for _, c := range []struct {
		name  string
		store func() Store
	}{{"in groups", func() Store { return NewMemory() }}, {"one at a time", func() Store { return oneAtATime{NewMemory()} }}} {
		t.Run(c.name, func(t *testing.T) {
			w, err := Open(c.store(), clock())
			if err != nil {
				t.Fatal(err)
			}
			first, err := w.Add(loadText(t, "a.txt", text), nil, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			r, err := w.ImportFiles(context.Background(), []File{{"a.annotations.json", export(t, [2]int{4, 12})}, {"other.txt", []byte("Another article.")}}, nil)
			if err != nil || len(r.Added) != 1 || len(r.Duplicates) != 1 {
				t.Fatalf("the import: %v; added %d, duplicates %v", err, len(r.Added), r.Duplicates)
			}
			d := r.Duplicates[0]
			if !d.Filled || d.Of != first.ID || !strings.Contains(d.String(), "its 1 annotation was added to it, which had none") {
				t.Errorf("the export of an untouched copy: %+v (%s); want it filled", d, d)
			}
			sum, _ := w.Store().Summary(first.ID)
			if anns, _ := w.Store().Annotations(first.ID); len(anns) != 1 || sum.Counts["claim"] != 1 || sum.Status != StatusInProgress {
				t.Errorf("the library's copy holds %v, counts %v, status %q; want the export's claim", anns, sum.Counts, sum.Status)
			}

			// The copy has an annotation of its own now: another
			// annotator's file of it is not poured into it.
			r, err = w.ImportFiles(context.Background(), []File{{"b.annotations.json", export(t, [2]int{0, 3}, [2]int{18, 23})}}, nil)
			if err != nil || len(r.Duplicates) != 1 {
				t.Fatalf("the second import: %v; duplicates %v", err, r.Duplicates)
			}
			d = r.Duplicates[0]
			msg := d.String()
			if d.Filled || d.Own != 1 || !strings.Contains(msg, "its 2 annotations were not imported: the library's copy has 1 annotation of its own") ||
				!strings.Contains(msg, "Adjudicate…") || strings.Contains(msg, "merge") {
				t.Errorf("the export of an annotated copy: %+v (%s); want it refused, saying how to combine the two", d, msg)
			}
			if anns, _ := w.Store().Annotations(first.ID); len(anns) != 1 || anns[0].Start != 4 {
				t.Errorf("the annotated copy was changed: %v", anns)
			}

			// The article and its export in one import: the export fills
			// the article read just before it.
			w2, err := Open(c.store(), clock())
			if err != nil {
				t.Fatal(err)
			}
			r, err = w2.ImportFiles(context.Background(), []File{{"a.txt", []byte(text)}, {"a.json", export(t, [2]int{4, 12})}}, nil)
			if err != nil || len(r.Added) != 1 || len(r.Duplicates) != 1 {
				t.Fatalf("the article and its export: %v; added %d, duplicates %v", err, len(r.Added), r.Duplicates)
			}
			if d := r.Duplicates[0]; !d.Filled || d.Earlier != "a.txt" {
				t.Errorf("the export after its article: %+v (%s); want it to fill a.txt's document", d, d)
			}
			if anns, _ := w2.Store().Annotations(r.Added[0].ID); len(anns) != 1 {
				t.Errorf("the article holds %d annotations after its export, want 1", len(anns))
			}
		})
	}
}

// TestImportFilesReportsAnExportsWarnings: an export added with other
// files says its warnings (an annotation whose offsets did not match its
// quote, placed again by the quote), as opening it alone does.
func TestImportFilesReportsAnExportsWarnings(t *testing.T) {
	doc := loadText(t, "a.txt", "The minister said taxes fall. The rest is detail.")
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("claim", 4, 12); err != nil {
		t.Fatal(err)
	}
	data, err := annotate.NewFile(doc, set, nil, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	// The offsets moved two characters on, the quote left as it was.
	moved := strings.Replace(strings.Replace(string(data), `"start": 4`, `"start": 6`, 1), `"end": 12`, `"end": 14`, 1)
	if moved == string(data) {
		t.Fatalf("the export's offsets are not written as expected:\n%s", data)
	}
	w, _ := openMemory(t)
	r, err := w.ImportFiles(context.Background(), []File{{"moved.json", []byte(moved)}}, nil)
	if err != nil || len(r.Added) != 1 || len(r.Errors) != 0 {
		t.Fatalf("the import: %v; added %d, errors %v", err, len(r.Added), r.Errors)
	}
	if anns, _ := w.Store().Annotations(r.Added[0].ID); len(anns) != 1 || anns[0].Exact != "minister" {
		t.Errorf("the annotation is not placed by its quote: %v", anns)
	}
	if len(r.Notes) != 1 || r.Notes[0].Name != "moved.json" || r.Notes[0].Text == "" {
		t.Errorf("the report's notes are %v; want one about moved.json's annotation placed again", r.Notes)
	}
}

// TestBatchLineSourceID: a plain line's "sourceId" is kept as its source,
// over its "id", as a dataset line's is.
func TestBatchLineSourceID(t *testing.T) {
	w, _ := openMemory(t)
	batch := `{"sourceId": "nyt-123", "text": "Only a source id."}` + "\n" +
		`{"id": "a1", "sourceId": "reuters-9", "text": "Both an id and a source id."}` + "\n" +
		`{"id": "b2", "text": "Only an id."}` + "\n"
	r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
	if err != nil || len(r.Added) != 3 {
		t.Fatalf("the import: %v; added %d, errors %v", err, len(r.Added), r.Errors)
	}
	for i, want := range []string{"nyt-123", "reuters-9", "b2"} {
		if rec, _ := w.Store().Document(r.Added[i].ID); rec.SourceID != want {
			t.Errorf("line %d is stored with the source %q, want %q", i+1, rec.SourceID, want)
		}
	}
}

// TestImportSaysWhichControlCharactersWereLeftOut: a batch line whose
// title holds a bell (U+0007) and whose text holds U+0001 and a vertical
// tab (U+000B), which neither a title nor a document's text keeps. They were left out
// in silence; now the report has a note for each, naming them, and the
// library's title is the title without them.
func TestImportSaysWhichControlCharactersWereLeftOut(t *testing.T) {
	const batch = `{"id": "a", "title": "Budget\u0007 vote", "text": "Ministers\u0001 voted\u000b today."}` + "\n" +
		`{"id": "b", "title": "Clean", "text": "Nothing to leave out."}` + "\n"
	w, err := Open(NewMemory(), clock())
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
	if err != nil || len(r.Added) != 2 {
		t.Fatalf("the import: %v; added %d, errors %v", err, len(r.Added), r.Errors)
	}
	if got := r.Added[0].Title; got != "Budget vote" {
		t.Errorf("the title is %q, want %q", got, "Budget vote")
	}
	if len(r.Notes) != 2 {
		t.Fatalf("the notes are %v, want one on the title and one on the text of line 1", r.Notes)
	}
	for i, want := range [][]string{{"title", "U+0007"}, {"text", "2 control characters", "U+0001", "U+000B"}} {
		n := r.Notes[i]
		for _, w := range want {
			if n.Line != 1 || n.ID != "a" || !strings.Contains(n.Text, w) {
				t.Errorf("note %d is %q, want line 1 saying %q", i, n, w)
			}
		}
	}
}

// TestImportSaysLoneSurrogates: a line whose JSON escapes half a
// character ("\ud800" alone, which every decoder reads as U+FFFD) is
// imported, and the replacement is said, by line; a pair (an emoji) is
// not, and a dataset line (with spans) and a verbatim one say it too.
func TestImportSaysLoneSurrogates(t *testing.T) {
	const batch = `{"id": "a", "title": "Vote \ud83d\uddf3", "text": "Ministers\ud800 voted \udc00today."}` + "\n" +
		`{"id": "b", "title": "Clean", "text": "Nothing \ud83d\ude00 to say."}` + "\n" +
		`{"id": "c", "text": "A quote \ud800 here.", "spans": [{"start": 0, "end": 7, "label": "quote"}]}` + "\n"
	w, err := Open(NewMemory(), clock())
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
	if err != nil || len(r.Added) != 3 {
		t.Fatalf("the import: %v; added %d, errors %v", err, len(r.Added), r.Errors)
	}
	if len(r.Notes) != 2 {
		t.Fatalf("the notes are %v, want one on line 1 and one on line 3", r.Notes)
	}
	for i, want := range []struct {
		line int
		text string
	}{{1, "2 escapes of half a character"}, {3, "an escape of half a character"}} {
		if n := r.Notes[i]; n.Line != want.line || !strings.Contains(n.Text, want.text) || !strings.Contains(n.Text, "U+FFFD") {
			t.Errorf("note %d is %+v, want line %d saying %q and U+FFFD", i, n, want.line, want.text)
		}
	}
}

// TestBatchSaysAnEmptyFileIsEmpty: an empty .jsonl imported added
// nothing and said nothing of why; it is refused as holding no line.
func TestBatchSaysAnEmptyFileIsEmpty(t *testing.T) {
	w, err := Open(NewMemory(), clock())
	if err != nil {
		t.Fatal(err)
	}
	r, err := w.ImportFiles(context.Background(), []File{{"empty.jsonl", []byte("\n \n")}}, nil)
	if err != nil || len(r.Added) != 0 || len(r.Errors) != 1 || !errors.Is(r.Errors[0], ErrNoLines) || r.Errors[0].Name != "empty.jsonl" {
		t.Errorf("the import: %v; added %d, errors %v; want the file refused as holding no line", err, len(r.Added), r.Errors)
	}
}
