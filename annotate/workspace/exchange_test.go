package workspace

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// sampleFile is the shared sample of the exchange formats' tests: emoji,
// combining marks, nested spans, attributes and a note.
func sampleFile(t *testing.T) annotate.File {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "formats", "sample.v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	imp, err := annotate.Import(data)
	if err != nil {
		t.Fatal(err)
	}
	return annotate.NewFile(imp.Document, imp.Set, imp.Orphans, time.Unix(0, 0))
}

// spansOf lists a file's annotations as label, start, end and text.
func spansOf(anns []annotate.Annotation) map[[3]any]bool {
	out := map[[3]any]bool{}
	for _, a := range anns {
		out[[3]any{a.Label, a.Start, a.End}] = true
	}
	return out
}

// TestImportFilesOfEveryFormat exports the sample in each exchange format
// that carries its text, imports the files into a fresh library, and
// finds the same annotations there.
func TestImportFilesOfEveryFormat(t *testing.T) {
	sample := sampleFile(t)
	want := spansOf(sample.Annotations)
	for _, f := range formats.All() {
		if f.Name == "csv" || f.Name == "v1" {
			continue // csv carries no text (below); v1 is the native import
		}
		t.Run(f.Name, func(t *testing.T) {
			out, err := f.Export([]annotate.File{sample}, time.Unix(0, 0))
			if err != nil {
				t.Fatal(err)
			}
			var files []File
			for _, o := range out {
				name := o.Name
				if name == "" {
					name = "export" + f.Extension
				}
				files = append(files, File{Name: name, Data: o.Data})
			}
			w, _ := Open(NewMemory(), nil)
			rep, err := w.ImportFiles(context.Background(), files, nil)
			if err != nil || len(rep.Errors) > 0 || len(rep.Added) != 1 {
				t.Fatalf("import: %v; errors %v; added %d", err, rep.Errors, len(rep.Added))
			}
			anns, _ := w.Store().Annotations(rep.Added[0].ID)
			if got := spansOf(anns); len(got) != len(want) {
				t.Fatalf("%d annotations, want %d", len(got), len(want))
			} else {
				for k := range want {
					if !got[k] {
						t.Errorf("missing %v", k)
					}
				}
			}
		})
	}
}

// TestImportCSVFindsTheLibrarysDocument imports a CSV whose document is in
// the library already, and one whose document is not.
func TestImportCSVFindsTheLibrarysDocument(t *testing.T) {
	sample := sampleFile(t)
	csv, _ := formats.Lookup("csv")
	out, err := csv.Export([]annotate.File{sample}, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	w, _ := Open(NewMemory(), nil)
	rep, err := w.ImportFiles(context.Background(), []File{{Name: "rows.csv", Data: out[0].Data}}, nil)
	if err != nil || len(rep.Errors) != 1 || len(rep.Added) != 0 {
		t.Fatalf("without its document: %v; errors %v; added %d", err, rep.Errors, len(rep.Added))
	}
	if msg := rep.Errors[0].Error(); !strings.HasPrefix(msg, "rows.csv, line 2: the rows of document") || !errors.Is(rep.Errors[0], formats.ErrUnreadable) {
		t.Errorf("the error says %q", msg)
	}

	doc, err := annotate.FromStored(annotate.Stored{HTML: sample.Document.HTML, Text: sample.Document.Text, TextSHA256: sample.Document.TextSHA256, Title: sample.Document.Title})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Add(doc, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	found, ok := w.Find(sample.Document.ID)
	if !ok || found.Document.Text != sample.Document.Text {
		t.Fatal("Find does not find the document by its id")
	}
	rep, err = w.ImportFiles(context.Background(), []File{{Name: "rows.csv", Data: out[0].Data}}, nil)
	if err != nil || len(rep.Errors) != 0 || len(rep.Duplicates) != 1 || rep.Duplicates[0].Annotations != len(sample.Annotations) {
		t.Fatalf("with its document: %v; errors %v; duplicates %+v", err, rep.Errors, rep.Duplicates)
	}
}

// TestFilesExportsTheLibrary checks that Files gives each document with
// its annotations, for the exchange formats' exports.
func TestFilesExportsTheLibrary(t *testing.T) {
	sample := sampleFile(t)
	data, _ := sample.Marshal()
	w, _ := Open(NewMemory(), nil)
	rep, err := w.ImportFiles(context.Background(), []File{{Name: "sample.json", Data: data}}, nil)
	if err != nil || len(rep.Added) != 1 {
		t.Fatal(err, rep.Errors)
	}
	files, err := w.Files(SelectAll)
	if err != nil || len(files) != 1 {
		t.Fatalf("Files: %v, %d", err, len(files))
	}
	if got, want := spansOf(files[0].Annotations), spansOf(sample.Annotations); len(got) != len(want) || files[0].Document.Text != sample.Document.Text {
		t.Errorf("%d annotations, want %d", len(got), len(want))
	}
}

// TestImportTellsFilesApart checks which files the library reads itself:
// a .txt alone is an article, a JSON Lines dataset under another name is
// still read.
func TestImportTellsFilesApart(t *testing.T) {
	sample := sampleFile(t)
	jsonl, _ := formats.Lookup("jsonl")
	out, err := jsonl.Export([]annotate.File{sample}, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	w, _ := Open(NewMemory(), nil)
	rep, err := w.ImportFiles(context.Background(), []File{
		{Name: "notes.txt", Data: []byte("A short article.\n\nWith two paragraphs.")},
		{Name: "dataset.ndjson", Data: out[0].Data},
	}, nil)
	if err != nil || len(rep.Errors) > 0 || len(rep.Added) != 2 {
		t.Fatalf("import: %v; errors %v; added %d", err, rep.Errors, len(rep.Added))
	}
	if n := rep.Added[1].Annotations(); n != len(sample.Annotations) {
		t.Errorf("the dataset's document has %d annotations, want %d", n, len(sample.Annotations))
	}
}

// TestImportFilesStopsWhenTheStoreFails: a store that fails while the
// documents of another format's file are written stops the import with
// its error, as a batch's does, keeping what was written; the failure is
// not reported as a fault of one of the files (before, of a later one
// than the document that failed) while the import went on.
func TestImportFilesStopsWhenTheStoreFails(t *testing.T) {
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf(`{"id": "d%d", "text": "Article number %d of the file."}`, i, i))
	}
	files := []File{{"many.ndjson", []byte(strings.Join(lines, "\n"))}}
	var reports []Report
	for _, store := range []Store{&filling{Memory: NewMemory(), limit: 20}, oneAtATime{&filling{Memory: NewMemory(), limit: 20}}} {
		w, err := Open(store, clock())
		if err != nil {
			t.Fatal(err)
		}
		r, err := w.ImportFiles(context.Background(), files, nil)
		if !errors.Is(err, errFull) {
			t.Errorf("%T: the import ends with %v, want the store's %v", store, err, errFull)
		}
		if len(r.Added) != 20 || len(r.Errors) != 0 {
			t.Errorf("%T: added %d, errors %v; want the 20 that fit and no file blamed", store, len(r.Added), r.Errors)
		}
		reports = append(reports, r)
	}
	if !reflect.DeepEqual(reports[0], reports[1]) {
		t.Errorf("in groups the import reports\n%+v\none at a time\n%+v", reports[0], reports[1])
	}
}
