package workspace

import (
	"context"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// TestImportCSVWithItsArticle adds a page and a CSV of rows on it in one
// import, as a team drops a folder holding both: the rows were refused
// ("a CSV holds no document text; give the article … in the same
// conversion", the article given) whenever the page still waited to be
// written with the import's next group, and placed when it had been
// written already (a store that writes one document at a time, or 32
// files before it). The page is added with the rows' annotations, however
// the store writes.
func TestImportCSVWithItsArticle(t *testing.T) {
	page := []byte("<title>Budget</title><p>Ministers pledged to raise defence spending.</p>")
	doc, err := annotate.Load(page, annotate.FileSource("budget.html", "text/html"))
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 0, 17); err != nil {
		t.Fatal(err)
	}
	csv, _ := formats.Lookup("csv")
	out, err := csv.Export([]annotate.File{annotate.NewFile(doc, set, nil, time.Unix(0, 0))}, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	inEachStore(t, func(t *testing.T, w *Workspace) {
		r, err := w.ImportFiles(context.Background(), []File{{"budget.html", page}, {"rows.csv", out[0].Data}}, nil)
		if err != nil || len(r.Errors) != 0 || len(r.Added) != 1 {
			t.Fatalf("the import: %v; added %d, errors %v; want the page added and no file refused", err, len(r.Added), r.Errors)
		}
		anns, _ := w.Store().Annotations(r.Added[0].ID)
		if len(anns) != 1 || anns[0].Label != "pledge" || anns[0].Exact != "Ministers pledged" {
			t.Errorf("the page holds %v; want the CSV's pledge", anns)
		}
		if len(r.Duplicates) != 1 || !r.Duplicates[0].Filled || r.Duplicates[0].Earlier != "budget.html" {
			t.Errorf("the CSV is reported as %+v; want its annotation said to be added to budget.html's document", r.Duplicates)
		}
	})
}
