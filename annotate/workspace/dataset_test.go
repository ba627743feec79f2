package workspace

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// tricky is a text whose code points, UTF-16 units and bytes all differ:
// emoji outside the BMP, a skin-tone modifier, combining accents, NBSP and
// characters that JSON encoders like to escape.
const tricky = "Le maire 😀 a dit: «Nous 👍🏽 baisserons les impôts de 5 %» (cafe\u0301 & <b>).\n\nLa ministre Zoë a répondu: «Non»."

// datasetWorkspace holds three documents: tricky with four spans and an
// orphan (in progress), a done one with one span, and a new one.
func datasetWorkspace(t *testing.T) (*Workspace, []string) {
	t.Helper()
	w, _ := openMemory(t)
	doc := loadText(t, "tricky.txt", tricky)
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	text := doc.Text().String()
	span := func(label, s string) annotate.Annotation {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		start := annotate.RuneCount(text[:i])
		a, err := set.Add(label, start, start+annotate.RuneCount(s))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	q := span("quote", "«Nous 👍🏽 baisserons les impôts de 5 %»")
	if err := set.SetAttribute(q.ID, annotate.AttrSpeaker, "Le maire 😀"); err != nil {
		t.Fatal(err)
	}
	p := span("pledge", "baisserons les impôts")
	if err := set.SetAttribute(p.ID, annotate.AttrNote, "<i>tax</i> & more"); err != nil {
		t.Fatal(err)
	}
	span("claim", "cafe\u0301 & <b>")
	span("quote", "«Non»")
	orphan := annotate.Annotation{ID: "0190a000-0000-7000-8000-000000000001", Label: "claim", Start: 1, End: 3, Exact: "gone", Anchor: annotate.AnchorOrphan}
	s1, err := w.Add(doc, set, []annotate.Annotation{orphan}, "")
	if err != nil {
		t.Fatal(err)
	}
	doc2 := loadText(t, "done.txt", "Trade with the US is pretty balanced.")
	set2 := annotate.NewSet(doc2.Text(), annotate.DefaultSchema())
	if _, err := set2.Add("claim", 0, 37); err != nil {
		t.Fatal(err)
	}
	s2, err := w.Add(doc2, set2, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetStatus(s2.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	s3, err := w.Add(loadText(t, "new.txt", "Nothing tagged yet."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	return w, []string{s1.ID, s2.ID, s3.ID}
}

func readLines(t *testing.T, data []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("a line is not JSON: %v: %s", err, sc.Bytes())
		}
		out = append(out, m)
	}
	return out
}

func TestDatasetSpansAreCodePointSlices(t *testing.T) {
	w, ids := datasetWorkspace(t)
	var buf bytes.Buffer
	n, err := w.ExportDataset(&buf, SelectAll)
	if err != nil {
		t.Fatal(err)
	}
	lines := readLines(t, buf.Bytes())
	if n != 3 || len(lines) != 3 {
		t.Fatalf("wrote %d (%d lines), want 3", n, len(lines))
	}
	spans := 0
	for i, l := range lines {
		if l["id"] != ids[i] {
			t.Errorf("line %d is %v, want %s (the order of adding)", i+1, l["id"], ids[i])
		}
		runes := []rune(l["text"].(string))
		for _, s := range l["spans"].([]any) {
			sp := s.(map[string]any)
			start, end := int(sp["start"].(float64)), int(sp["end"].(float64))
			if got := string(runes[start:end]); got != sp["text"] {
				t.Errorf("span %v: text[%d:%d] = %q, span text %q", sp["id"], start, end, got, sp["text"])
			}
			spans++
		}
	}
	if spans != 5 {
		t.Errorf("%d spans written, want 5 (the orphan left out)", spans)
	}
	first := lines[0]["spans"].([]any)
	if first[0].(map[string]any)["speaker"] != "Le maire 😀" || first[1].(map[string]any)["label"] != "pledge" || first[2].(map[string]any)["label"] != "claim" {
		t.Errorf("spans not in text order with attributes flattened: %v", first)
	}
	if !strings.Contains(buf.String(), "<i>tax</i> & more") || !strings.Contains(buf.String(), `"spans":[]`) {
		t.Errorf("HTML characters escaped or empty spans not an array:\n%s", buf.String())
	}

	if py, err := exec.LookPath("python3"); err == nil {
		file := filepath.Join(t.TempDir(), "dataset.jsonl")
		if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		script := `
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        for s in d["spans"]:
            assert d["text"][s["start"]:s["end"]] == s["text"], (d["id"], s)
            n += 1
print(n)
`
		out, err := exec.Command(py, "-c", script, file).CombinedOutput()
		if err != nil {
			t.Fatalf("Python disagrees with a span: %v\n%s", err, out)
		}
		if got, _ := strconv.Atoi(strings.TrimSpace(string(out))); got != spans {
			t.Errorf("Python checked %s spans, want %d", out, spans)
		}
	} else {
		t.Log("python3 is not on the PATH: the Python check did not run")
	}
}

func TestDatasetSelections(t *testing.T) {
	w, ids := datasetWorkspace(t)
	export := func(sel Selection) []string {
		var buf bytes.Buffer
		if _, err := w.ExportDataset(&buf, sel); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range readLines(t, buf.Bytes()) {
			got = append(got, l["id"].(string))
		}
		return got
	}
	if got := export(SelectDone); len(got) != 1 || got[0] != ids[1] {
		t.Errorf("done: %v, want [%s]", got, ids[1])
	}
	if got := export(SelectIDs(ids[2], ids[0])); len(got) != 2 || got[0] != ids[2] || got[1] != ids[0] {
		t.Errorf("selected: %v, want [%s %s]", got, ids[2], ids[0])
	}
	var buf bytes.Buffer
	if _, err := w.ExportDataset(&buf, SelectIDs(ids[0], "sha256:nothere")); !errors.Is(err, ErrNoDocument) || buf.Len() != 0 {
		t.Errorf("an unknown id: %v, %d bytes written; want ErrNoDocument and nothing", err, buf.Len())
	}
}

// TestDatasetUnstoredChanges: the annotations of a document whose latest
// change the store does not have (its write failed) are exported as the
// editor holds them, in the dataset and in the other formats' files alike.
func TestDatasetUnstoredChanges(t *testing.T) {
	w, ids := datasetWorkspace(t)
	e, err := w.Edit(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Set.Add("quote", 0, 5)
	if err != nil {
		t.Fatal(err)
	}
	sel := SelectIDs(ids[1])
	sel.Unstored = map[string]Unstored{ids[1]: {Annotations: e.Annotations()}}
	var buf bytes.Buffer
	if _, err := w.ExportDataset(&buf, sel); err != nil {
		t.Fatal(err)
	}
	spans := readLines(t, buf.Bytes())[0]["spans"].([]any)
	if len(spans) != 2 || spans[0].(map[string]any)["id"] != a.ID {
		t.Errorf("the dataset's spans are %v, want the stored claim and the quote not yet stored", spans)
	}
	files, err := w.Files(sel)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(files[0].Annotations); got != 2 {
		t.Errorf("the file holds %d annotations, want 2", got)
	}
}

func TestDatasetSpanReservedAttribute(t *testing.T) {
	b, _ := json.Marshal(DatasetSpan{ID: "x", Start: 1, End: 2, Label: "claim", Text: "a", Attributes: map[string]string{"text": "b", "note": "c"}})
	if want := `{"id":"x","start":1,"end":2,"label":"claim","text":"a","note":"c","attr_text":"b"}`; string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
}

// TestDatasetImportsAgain imports the dataset export as a batch into
// another workspace: a line with spans is a dataset line, and its
// document comes with its annotations, to give the same export again.
func TestDatasetImportsAgain(t *testing.T) {
	w, _ := datasetWorkspace(t)
	var first bytes.Buffer
	if _, err := w.ExportDataset(&first, SelectAll); err != nil {
		t.Fatal(err)
	}
	other, _ := openMemory(t)
	rep, err := other.ImportBatch(t.Context(), "dataset.jsonl", first.Bytes(), nil)
	if err != nil || len(rep.Errors) > 0 || len(rep.Added) != 3 {
		t.Fatalf("import: %v, %+v", err, rep)
	}
	var again bytes.Buffer
	if _, err := other.ExportDataset(&again, SelectAll); err != nil {
		t.Fatal(err)
	}
	a, b := readLines(t, first.Bytes()), readLines(t, again.Bytes())
	for i := range a {
		for _, k := range []string{"id", "text", "spans", "label"} {
			if x, y := fmt.Sprint(a[i][k]), fmt.Sprint(b[i][k]); x != y {
				t.Errorf("line %d, %q: %s\nwas %s", i+1, k, y, x)
			}
		}
	}
}

// TestDatasetLineWithoutSpansComesBack: a document without annotations
// goes out as a dataset line with no span and comes back as it went: its
// text word for word (a table's tab, a run of spaces), under its own id,
// so that importing it again into the same library finds it there.
func TestDatasetLineWithoutSpansComesBack(t *testing.T) {
	w, _ := openMemory(t)
	doc, err := annotate.Load([]byte("<h1>Results</h1><table><tr><td>a</td><td>b</td></tr></table><pre>two  spaces</pre>"),
		annotate.Source{Name: "t.html", MediaType: "text/html"})
	if err != nil {
		t.Fatal(err)
	}
	s, err := w.Add(doc, nil, nil, "orig-7")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := w.ExportDataset(&buf, SelectAll); err != nil {
		t.Fatal(err)
	}
	r, err := w.ImportBatch(context.Background(), "dataset.jsonl", buf.Bytes(), nil)
	if err != nil || len(r.Added) != 0 || len(r.Duplicates) != 1 || len(r.Errors) != 0 {
		t.Fatalf("imported into the same library: %v; added %v, duplicates %v, errors %v; want it found there", err, r.Added, r.Duplicates, r.Errors)
	}
	fresh, _ := openMemory(t)
	r, err = fresh.ImportBatch(context.Background(), "dataset.jsonl", buf.Bytes(), nil)
	if err != nil || len(r.Added) != 1 {
		t.Fatalf("imported into a fresh library: %v; added %v, errors %v", err, r.Added, r.Errors)
	}
	rec, _ := fresh.Store().Document(r.Added[0].ID)
	if r.Added[0].ID != s.ID || rec.Text != doc.Text().String() || rec.SourceID != "orig-7" || rec.Title != "Results" {
		t.Errorf("came back as %s %q (source %q, title %q); want %s %q (source orig-7, title Results)", r.Added[0].ID, rec.Text, rec.SourceID, rec.Title, s.ID, doc.Text().String())
	}
}

// TestBatchLineTitles: a line without a title is named by its id, whole
// (an id is not a file's path), else by its file and line; never by the
// batch file's name alone, which would name every line the same.
func TestBatchLineTitles(t *testing.T) {
	w, _ := openMemory(t)
	batch := `{"id":"x1","text":"Gamma story.","label":[[0,5,"claim"]]}` + "\n" +
		`{"text":"Delta story.","label":[[0,5,"claim"]]}` + "\n" +
		`{"id":"reuters/2024/001","text":"Alpha story."}` + "\n" +
		`{"id":"doc.v2.final","html":"<p>Beta story.</p>"}` + "\n" +
		`{"id":"e5","title":"Its own title","text":"Epsilon story."}` + "\n"
	r, err := w.ImportBatch(context.Background(), "dataset.jsonl", []byte(batch), nil)
	if err != nil || len(r.Added) != 5 {
		t.Fatalf("the import: %v; added %d, errors %v", err, len(r.Added), r.Errors)
	}
	for i, want := range []string{"x1", "dataset.jsonl:2", "reuters/2024/001", "doc.v2.final", "Its own title"} {
		if got := r.Added[i].Title; got != want {
			t.Errorf("line %d is titled %q, want %q", i+1, got, want)
		}
	}
}

// TestBatchLineWithASpanIDTwice imports a dataset line whose two spans
// carry one id (a line put together by hand, or by a script that copied a
// span): both spans come into the library and its dataset, and the
// library's backup restores. The second span was kept as an orphan of
// that same id, the store kept one annotation under it, and the counts no
// longer fitted: the claim was gone, and the backup was refused.
func TestBatchLineWithASpanIDTwice(t *testing.T) {
	w, _ := openMemory(t)
	const id = "0194a000-0000-7000-8000-00000000000a"
	line := `{"id": "x1", "text": "Alpha beta gamma delta.", "spans": [{"id": "` + id + `", "start": 0, "end": 5, "label": "claim"}, {"id": "` + id + `", "start": 6, "end": 10, "label": "quote"}]}`
	rep, err := w.ImportBatch(t.Context(), "b.jsonl", []byte(line+"\n"), nil)
	if err != nil || len(rep.Added) != 1 {
		t.Fatalf("import: %v, %+v", err, rep)
	}
	var buf bytes.Buffer
	if _, err := w.ExportDataset(&buf, SelectAll); err != nil {
		t.Fatalf("the dataset: %v", err)
	}
	var got []string
	ids := map[string]bool{}
	for _, s := range readLines(t, buf.Bytes())[0]["spans"].([]any) {
		span := s.(map[string]any)
		got = append(got, span["text"].(string))
		ids[span["id"].(string)] = true
	}
	if strings.Join(got, ",") != "Alpha,beta" || len(ids) != 2 {
		t.Errorf("the dataset's spans are %q with %d ids, want Alpha and beta, each with its own id", got, len(ids))
	}
	data, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if err := Restore(NewMemory(), data); err != nil {
		t.Errorf("the library's backup does not restore: %v", err)
	}
}

// TestDatasetUnwrittenDocument: a document whose own first write has not
// been made (AddAndEditLater, its change queued, or failed) is in the
// dataset of the whole library and in the backup, with its annotations,
// when the caller hands its work over.
func TestDatasetUnwrittenDocument(t *testing.T) {
	w, _ := datasetWorkspace(t)
	doc := loadText(t, "fresh.txt", "Taxes will fall, the minister said.")
	e, err := w.AddAndEditLater(doc, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 16); err != nil {
		t.Fatal(err)
	}
	c := e.Pending() // handed to a write that fails: the store never has it
	unstored := map[string]Unstored{e.ID(): {Record: c.Document, Annotations: e.Annotations()}}
	var buf bytes.Buffer
	n, err := w.ExportDataset(&buf, Selection{Unstored: unstored})
	if err != nil || n != 4 {
		t.Fatalf("the dataset: %d documents, %v; want 4", n, err)
	}
	last := readLines(t, buf.Bytes())[3]
	if spans := last["spans"].([]any); last["id"] != e.ID() || len(spans) != 1 {
		t.Errorf("the last line is %v, want the document not yet stored with its claim", last)
	}
	data, err := w.BackupWith(unstored)
	if err != nil {
		t.Fatal(err)
	}
	m := NewMemory()
	if err := Restore(m, data); err != nil {
		t.Fatalf("the backup does not restore: %v", err)
	}
	if s, err := m.Summary(e.ID()); err != nil || s.Counts["claim"] != 1 || s.Status != StatusInProgress {
		t.Errorf("restored, the document not yet stored is %+v, %v; want a claim, in progress", s, err)
	}
}
