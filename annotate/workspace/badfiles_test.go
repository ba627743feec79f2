package workspace

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestAddFilesReadsAnExportNamedAsAnArticle: an export saved under an
// article's name (Copy JSON pasted into Notepad and saved as .txt, or a
// download renamed .html) is imported with its annotations by Open…
// (annotate.IsExport looks at its contents); the library's Add files…
// must read it alike, not add an article whose text is the JSON.
func TestAddFilesReadsAnExportNamedAsAnArticle(t *testing.T) {
	export, err := os.ReadFile("../../testdata/formats/sample.v1.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sample-export.txt", "sample-export.html"} {
		t.Run(name, func(t *testing.T) {
			// What Open… does with the same file.
			if !annotate.IsExport(export, name, "") {
				t.Fatalf("Open… would not import %s as an export", name)
			}
			imp, err := annotate.Import(export)
			if err != nil {
				t.Fatal(err)
			}
			w, _ := openMemory(t)
			r, err := w.ImportFiles(context.Background(), []File{{name, export}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Added) != 1 {
				t.Fatalf("added %d, errors %v", len(r.Added), r.Errors)
			}
			sum := r.Added[0]
			doc, err := w.Store().Document(sum.ID)
			if err != nil {
				t.Fatal(err)
			}
			text := doc.Text
			if strings.HasPrefix(strings.TrimSpace(text), "{") || sum.Annotations() != imp.Set.Len() {
				t.Errorf("Add files… of %s: %q with %d annotations, text %.60q; Open… imports %q with %d annotations",
					name, sum.Title, sum.Annotations(), text, imp.Document.Title, imp.Set.Len())
			}
		})
	}
}

// TestAddFilesTakesXHTML: the library's Add files… picker offers .xhtml
// files (app/toolbar.go's Accept), and Open… and the command line's
// convert read them as articles; the import must not refuse them as a
// kind of file it cannot take.
func TestAddFilesTakesXHTML(t *testing.T) {
	page := []byte(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>Council budget</title></head>
<body><p>The council said it would build 300 homes by 2027.</p></body></html>`)
	if _, err := annotate.Load(page, annotate.FileSource("chapter.xhtml", "application/xhtml+xml")); err != nil {
		t.Fatalf("Open… refuses it too: %v", err)
	}
	w, _ := openMemory(t)
	r, err := w.ImportFiles(context.Background(), []File{{"chapter.xhtml", page}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Added) != 1 {
		t.Errorf("Add files… of chapter.xhtml: added %d, errors %v; Open… opens it", len(r.Added), r.Errors)
	}
}

// TestAddFilesSaysAnHTMLPageNamedAsAnExport: an error page saved under a
// dataset's or an export's name is one fault, in words, however it is
// named; as .jsonl it was "cannot be read as an article" once a line.
func TestAddFilesSaysAnHTMLPageNamedAsAnExport(t *testing.T) {
	page := []byte("<!DOCTYPE html>\n<html>\n<head><title>Sign in</title></head>\n<body>\n<p>Your session has ended.</p>\n</body>\n</html>\n")
	for _, name := range []string{"batch.jsonl", "export.json", "spans.csv"} {
		t.Run(name, func(t *testing.T) {
			w, _ := openMemory(t)
			r, err := w.ImportFiles(context.Background(), []File{{name, page}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Added) != 0 || len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Error(), "an HTML page, not a file of annotations") {
				t.Errorf("added %d, errors %v: want one error saying it is an HTML page", len(r.Added), r.Errors)
			}
		})
	}
}
