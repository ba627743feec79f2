package workspace

import (
	"context"
	"testing"
)

// TestImportFilesReportsInTheirOrder: the files of other tools' formats
// are read after the workspace's own (articles, exports, batches), and
// what was said of them came after everything said of those: a CSV first
// in a folder was named last, out of the order the folder lists them in,
// which the report promises. The report follows the files' order, and
// the lines' within a file.
func TestImportFilesReportsInTheirOrder(t *testing.T) {
	rows := "\xef\xbb\xbfdocument_id,document_title,document_url,annotation_id,label,start_codepoint,end_codepoint,text,note,author,created,modified\n" +
		"sha256:0000000000000000000000000000000000000000000000000000000000000000,T,,a1,claim,0,3,abc,,,,\n"
	w, _ := openMemory(t)
	r, err := w.ImportFiles(context.Background(), []File{
		{"a-rows.csv", []byte(rows)},
		{"b-empty.html", nil},
		{"c.jsonl", []byte("{\"id\": \"1\"}\n{\"id\": \"2\", \"text\": \"A story.\"}\n{\"id\": \"3\"}\n")},
		{"d-page.html", []byte("<p>A page.</p>")},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name string
		line int
	}{{"a-rows.csv", 2}, {"b-empty.html", 0}, {"c.jsonl", 1}, {"c.jsonl", 3}}
	if len(r.Errors) != len(want) {
		t.Fatalf("errors %v; want %d", r.Errors, len(want))
	}
	for i, e := range r.Errors {
		if e.Name != want[i].name || e.Line != want[i].line {
			t.Errorf("error %d is %v; want %s, line %d, in the files' order", i+1, e, want[i].name, want[i].line)
		}
	}
}
