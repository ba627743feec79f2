package formats

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

func TestCSVGolden(t *testing.T) {
	checkGolden(t, csvFormat, "csv")
}

func TestCSVRoundTrip(t *testing.T) {
	// A document with no annotation has no row, and the rows of one
	// document id are one document's: a corpus page that has another's
	// text is left out.
	checkRoundTrips(t, csvFormat, carries{ids: true, authorAndTimes: true}, func(files []annotate.File) []annotate.File {
		var keep []annotate.File
		seen := map[string]bool{}
		for _, f := range files {
			if len(f.Annotations) > 0 && !seen[f.Document.ID] {
				keep = append(keep, f)
			}
			seen[f.Document.ID] = true
		}
		return keep
	})
}

func TestCSVGuardsAgainstFormulas(t *testing.T) {
	f := sample(t)
	values := []string{"=SUM(A1:A2)", "+1", "-1", "@cmd", "\tx", "\rx", "'quoted", "'=x", "''", "'", "plain", "a=b"}
	for i, v := range values {
		f.Annotations[i%len(f.Annotations)].Attributes = map[string]string{"speaker": v, "note": v}
		f.Annotations[i%len(f.Annotations)].Author = v
		docs := roundTrip(t, csvFormat, []annotate.File{f})
		checkSame(t, f, docs[0], carries{ids: true, authorAndTimes: true})
		outs, _ := csvFormat.Export([]annotate.File{f}, nowForTests)
		recs, err := csv.NewReader(bytes.NewReader(outs[0].Data)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs {
			for _, c := range rec {
				if c != "" && strings.IndexByte("=+-@\t\r", c[0]) >= 0 {
					t.Errorf("the cell %q starts as a formula would", c)
				}
			}
		}
	}
	if !bytes.HasPrefix(testcorpus.File(t, "testdata/formats/csv/sample.csv"), []byte("\xef\xbb\xbfdocument_id,")) {
		t.Error("the CSV does not start with a byte order mark and the header")
	}
}

func TestCSVFaults(t *testing.T) {
	f := sample(t)
	id := f.Document.ID
	data := "\ufeffdocument_id,document_title,document_url,annotation_id,label,start_codepoint,end_codepoint,text,speaker,note,author,created,modified\r\n" +
		id + ",T,,,claim,0,4,Café,,\"a note\r\nover two lines\",,,\r\n" + // lines 2-3
		id + ",T,,,claim,x,4,Café,,,,,\r\n" + // 4: bad offsets
		id + ",T,,,claim,0,4\r\n" + // 5: too few cells
		"sha256:unknown,T,https://example.org/other,,claim,0,4,Café,,,,,\r\n" + // 6: unknown document
		"sha256:unknown,T,https://example.org/other,,claim,5,9,Café,,,,,\r\n" +
		",T,https://example.org/news/cafe-mayor,,quote,5,11,owners,Ann,,,2026-13-01,\r\n" + // 8: bad time
		",T,https://example.org/news/cafe-mayor,,Quote,5,11,owners,Ann,,,,\r\n" // 9: by URL
	in := Input{Name: "rows.csv", Data: []byte(data)}
	docs, faults := csvFormat.Import([]Input{in}, knownOf([]annotate.File{f}))
	var lines []int
	for _, fault := range faults {
		lines = append(lines, fault.Line)
	}
	if len(faults) != 4 || lines[0] != 4 || lines[1] != 5 || lines[2] != 8 || lines[3] != 6 ||
		!strings.Contains(faults[3].Error(), "rows.csv:6: the rows of document sha256:unknown") || !strings.Contains(faults[3].Error(), "give the article") {
		t.Fatalf("faults %v", faults)
	}
	if len(docs) != 2 || len(docs[0].File.Annotations) != 1 || docs[0].File.Annotations[0].Attributes["note"] != "a note\nover two lines" ||
		docs[1].File.Annotations[0].Label != "quote" || docs[1].File.Annotations[0].Attributes["speaker"] != "Ann" {
		t.Fatalf("documents %+v", docs)
	}
	if _, faults := csvFormat.Import([]Input{{Name: "x.csv", Data: []byte("a,b\n1,2\n")}}, nil); len(faults) != 1 || faults[0].Line != 1 {
		t.Errorf("a CSV of something else: %v", faults)
	}
	if _, faults := csvFormat.Import([]Input{in}, nil); len(faults) != 6 {
		t.Errorf("with no document known: %v", faults)
	}
}

func FuzzCSVImport(f *testing.F) {
	f.Add(testcorpus.File(f, "testdata/formats/csv/sample.csv"))
	f.Add([]byte("label,start_codepoint,end_codepoint,document_id\nx,1,2,a\n\"unclosed\n"))
	known := func(string) (annotate.File, bool) {
		return annotate.File{Document: annotate.FileDocument{Text: "Café 🏠 text", Title: "t"}, Schema: annotate.DefaultSchema()}, true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := Input{Name: "f", Data: data}
		Recognise(in)
		csvFormat.Import([]Input{in}, known)
	})
}

// TestCSVSavedByASpreadsheetInItsCodePage: a CSV of annotations that a
// spreadsheet saved in Windows-1252 (Excel's "CSV (Comma delimited)"), its
// quote "Café" written as "Caf\xe9". The quote was read with U+FFFD for
// the é, did not match the text, and the span, its offsets right, was
// kept as an orphan, which a dataset leaves out. Now the file is read as
// Windows-1252, as the annotator reads a text that is not UTF-8, the
// span is placed, and a note says how the file was read.
func TestCSVSavedByASpreadsheetInItsCodePage(t *testing.T) {
	doc, err := annotate.Load([]byte("Café au lait."), annotate.FileSource("cafe.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	f := annotate.NewFile(doc, annotate.NewSet(doc.Text(), annotate.DefaultSchema()), nil, nowForTests)
	rows := "document_id,label,start_codepoint,end_codepoint,text\n" + doc.ID + ",claim,0,4,Caf\xe9\n"
	docs, faults := csvFormat.Import([]Input{{Name: "rows.csv", Data: []byte(rows)}}, func(id string) (annotate.File, bool) { return f, id == doc.ID })
	if len(faults) != 0 || len(docs) != 1 {
		t.Fatalf("%d documents, faults %v", len(docs), faults)
	}
	d := docs[0]
	if len(d.File.Annotations) != 1 || d.File.Annotations[0].Exact != "Café" || len(d.File.Orphans) != 0 || d.Moved != 0 {
		t.Errorf("annotations %+v, orphans %d, moved %d; want Café placed by its offsets", d.File.Annotations, len(d.File.Orphans), d.Moved)
	}
	if !strings.Contains(strings.Join(d.Notes, "\n"), "windows-1252") {
		t.Errorf("the notes %q do not say the file was read as Windows-1252", d.Notes)
	}
}
