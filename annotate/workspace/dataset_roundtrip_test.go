package workspace

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// TestBatchNullSpanEdgeIsRefused: a span whose "start" is null, as a tool
// writes for a span it could not place, is not a span from the text's
// start (JSON's null decodes into a number as 0, without an error): its
// line is refused, with the reason, as a v1 export with a null "start" is.
func TestBatchNullSpanEdgeIsRefused(t *testing.T) {
	for _, line := range []string{
		`{"id":"a","text":"The minister said taxes fall.","spans":[{"start":null,"end":12,"label":"claim"}]}`,
		`{"id":"a","text":"The minister said taxes fall.","label":[[null,12,"claim"]]}`,
	} {
		w, _ := openMemory(t)
		r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(line+"\n"), nil)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := w.ExportDataset(&buf, SelectAll); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(buf.String(), `"start":0,"end":12`) {
			t.Errorf("%s\nwas imported as a span [0, 12):\n%s", line, buf.String())
		}
		if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Error(), "null") {
			t.Errorf("%s\nwas refused with %v, want one error that says the null", line, r.Errors)
		}
	}
}

// TestDatasetKeepsTheOrderOfABatch: the dataset export writes the
// documents in the order they were added, those of a batch read within
// one millisecond too (the clock is kept to the millisecond, and
// documents added at one time were sorted by title).
func TestDatasetKeepsTheOrderOfABatch(t *testing.T) {
	sameMillisecond := func() time.Time { return time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC) }
	w, err := Open(NewMemory(), sameMillisecond)
	if err != nil {
		t.Fatal(err)
	}
	batch := `{"id":"n1","title":"Zebras escape","text":"First article of the batch."}
{"id":"n2","title":"Markets fall","text":"Second article of the batch."}
{"id":"n3","title":"Alpine pass closed","text":"Third article of the batch."}
`
	if r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil); err != nil || len(r.Added) != 3 {
		t.Fatalf("%v %+v", err, r)
	}
	var buf bytes.Buffer
	if _, err := w.ExportDataset(&buf, SelectAll); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range readLines(t, buf.Bytes()) {
		got = append(got, fmt.Sprint(l["sourceId"]))
	}
	if strings.Join(got, ",") != "n1,n2,n3" {
		t.Errorf("dataset order %v, want the order added: n1, n2, n3", got)
	}
}

// TestBatchRepeatedDatasetLineIsADuplicate: the same article twice in one
// batch of dataset lines (two annotators' exports put together) is a
// duplicate article, as it is when the two lines come in two files; it
// was refused as an id "used by an earlier line", with the advice to give
// the line its own id, which a dataset line cannot take (its id is its
// text's).
func TestBatchRepeatedDatasetLineIsADuplicate(t *testing.T) {
	src, _ := openMemory(t)
	if _, err := src.ImportBatch(context.Background(), "b.jsonl", []byte(`{"id":"a","text":"The minister said taxes fall."}`), nil); err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if _, err := src.ExportDataset(&plain, SelectAll); err != nil {
		t.Fatal(err)
	}
	tagged, _ := openMemory(t)
	if _, err := tagged.ImportBatch(context.Background(), "b.jsonl", []byte(`{"id":"a","text":"The minister said taxes fall.","spans":[{"start":4,"end":12,"label":"claim"}]}`), nil); err != nil {
		t.Fatal(err)
	}
	var spans bytes.Buffer
	if _, err := tagged.ExportDataset(&spans, SelectAll); err != nil {
		t.Fatal(err)
	}

	// In two files: the second is a duplicate whose span fills the first.
	w1, _ := openMemory(t)
	r1, err := w1.ImportFiles(context.Background(), []File{{"a.jsonl", plain.Bytes()}, {"b.jsonl", spans.Bytes()}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r1.Errors) != 0 || len(r1.Duplicates) != 1 || !r1.Duplicates[0].Filled {
		t.Fatalf("two files: %+v", r1)
	}
	// In one file, the lines put together.
	w2, _ := openMemory(t)
	r2, err := w2.ImportBatch(context.Background(), "both.jsonl", append(plain.Bytes(), spans.Bytes()...), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r2.Errors) != 0 || len(r2.Duplicates) != 1 || !r2.Duplicates[0].Filled {
		t.Errorf("one file: refused %v; duplicates %+v; want the second line a duplicate whose span fills the first, as in two files", r2.Errors, r2.Duplicates)
	}
}

// TestDatasetThroughAnImportIsTheSame: a dataset exported, imported into
// another workspace and exported again is the same, byte for byte (an
// article that came as HTML said "mediaType":"text/plain" the second
// time, the line's own meta overwritten).
func TestDatasetThroughAnImportIsTheSame(t *testing.T) {
	w, _ := openMemory(t)
	if _, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(`{"id":"a","html":"<h1>Head</h1><p>Body of the article.</p>"}`), nil); err != nil {
		t.Fatal(err)
	}
	var first bytes.Buffer
	if _, err := w.ExportDataset(&first, SelectAll); err != nil {
		t.Fatal(err)
	}
	w2, _ := openMemory(t)
	if r, err := w2.ImportBatch(context.Background(), "dataset.jsonl", first.Bytes(), nil); err != nil || len(r.Added) != 1 {
		t.Fatal(err, r)
	}
	var second bytes.Buffer
	if _, err := w2.ExportDataset(&second, SelectAll); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("the dataset changed on its way through an import:\n%s%s", first.String(), second.String())
	}
}

// TestDatasetLinesTakeTheWorkspaceLabels: a dataset line's spans take the
// workspace's labels, their keys and colours, and only the labels it
// lacks are added. The default schema's three were added to every such
// line: a workspace of 24 labels refused its own dataset (27 labels, over
// the 26 allowed), and a smaller one's documents came in with claim, quote
// and pledge and its own label under another key and colour.
func TestDatasetLinesTakeTheWorkspaceLabels(t *testing.T) {
	var team annotate.Schema
	for i := range 24 {
		team.Labels = append(team.Labels, annotate.Label{Name: fmt.Sprintf("tag%c", 'a'+i), Color: "#cc79a7", Key: string(rune('a' + i)), Attributes: []string{}})
	}
	w, _ := openMemory(t)
	if err := w.SetSchema(team); err != nil {
		t.Fatal(err)
	}
	text := strings.TrimSpace(strings.Repeat("word ", 24))
	doc := loadText(t, "a.txt", text)
	set := annotate.NewSet(doc.Text(), team)
	for i := range 24 {
		if _, err := set.Add(team.Labels[i].Name, i*5, i*5+4); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Add(doc, set, nil, ""); err != nil {
		t.Fatal(err)
	}
	var ds bytes.Buffer
	if _, err := w.ExportDataset(&ds, SelectAll); err != nil {
		t.Fatal(err)
	}
	again, _ := openMemory(t)
	if err := again.SetSchema(team); err != nil {
		t.Fatal(err)
	}
	r, err := again.ImportBatch(context.Background(), "dataset.jsonl", ds.Bytes(), nil)
	if err != nil || len(r.Added) != 1 {
		t.Fatalf("the workspace's own dataset: %v; added %d, errors %v", err, len(r.Added), r.Errors)
	}
	var back bytes.Buffer
	if _, err := again.ExportDataset(&back, SelectAll); err != nil || back.String() != ds.String() {
		t.Errorf("exported again (%v):\n%s\nwant\n%s", err, back.String(), ds.String())
	}

	small, _ := openMemory(t)
	person := annotate.Label{Name: "person", Color: "#cc79a7", Key: "x", Attributes: []string{}}
	if err := small.SetSchema(annotate.Schema{Labels: []annotate.Label{person}}); err != nil {
		t.Fatal(err)
	}
	r, err = small.ImportBatch(context.Background(), "b.jsonl", []byte(`{"id": "p", "text": "Jane Doe spoke, Acme said.", "spans": [{"start": 0, "end": 8, "label": "person"}, {"start": 16, "end": 20, "label": "org"}]}`), nil)
	if err != nil || len(r.Added) != 1 {
		t.Fatalf("a line of a small schema: %v; added %d, errors %v", err, len(r.Added), r.Errors)
	}
	rec, err := small.store.Document(r.Added[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range rec.Schema.Labels {
		got = append(got, l.Name+"/"+l.Key)
	}
	if len(rec.Schema.Labels) != 2 || !reflect.DeepEqual(rec.Schema.Labels[0], person) || rec.Schema.Labels[1].Name != "org" {
		t.Errorf("the document's labels %q; want the workspace's person/x, then org", got)
	}
}

// TestBatchEmptyLabelsKeepTheText: a batch line with "label": [] (doccano's
// example nobody tagged) keeps its text character for character, as the
// same line with a span does: it was read as a .txt, its CRLF and its run
// of spaces made one.
func TestBatchEmptyLabelsKeepTheText(t *testing.T) {
	const text = "First paragraph here.\r\n\r\nSecond   paragraph."
	w, _ := openMemory(t)
	r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(`{"id": 7, "text": "First paragraph here.\r\n\r\nSecond   paragraph.", "label": []}`), nil)
	if err != nil || len(r.Added) != 1 {
		t.Fatalf("the import: %v; added %d, errors %v", err, len(r.Added), r.Errors)
	}
	var ds bytes.Buffer
	if _, err := w.ExportDataset(&ds, SelectAll); err != nil {
		t.Fatal(err)
	}
	var line struct{ Text string }
	if err := json.Unmarshal(ds.Bytes(), &line); err != nil || line.Text != text {
		t.Errorf("the dataset's text %q (%v); want %q", line.Text, err, text)
	}
}
