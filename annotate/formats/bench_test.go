package formats

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testspans"
)

// benchDocs makes n articles of 25 paragraphs and 75 sentences, with an
// emoji, a combining mark and a phrase that comes back in every sentence,
// each with 100 annotations: every sentence a claim, and a quote nested in
// every third one (testspans).
func benchDocs(b *testing.B, n int) []annotate.File {
	b.Helper()
	files := make([]annotate.File, n)
	for i := range files {
		var page strings.Builder
		page.WriteString("<html><head><title>Article ")
		fmt.Fprint(&page, i)
		page.WriteString("</title></head><body><article>")
		for p := range 24 {
			page.WriteString("<p>")
			for s := range 3 {
				fmt.Fprintf(&page, "Sentence %d of article %d says the council 👍🏽 will build %d homes in the cafe\u0301 district. ", p*4+s, i, (p+1)*(s+7))
			}
			page.WriteString("</p>\n")
		}
		page.WriteString("<p>The council 👩‍💻 closes the meeting. It was a long day for everyone. The end of article ")
		fmt.Fprint(&page, i)
		page.WriteString(".</p></article></body></html>")
		doc, err := annotate.Load([]byte(page.String()), annotate.Source{Name: fmt.Sprintf("a%d.html", i), MediaType: "text/html"})
		if err != nil {
			b.Fatal(err)
		}
		f, err := testspans.Sentences(doc, 75)
		if err != nil {
			b.Fatal(err)
		}
		if len(f.Annotations) != 100 {
			b.Fatalf("article %d has %d annotations, want 100", i, len(f.Annotations))
		}
		files[i] = f
	}
	return files
}

// BenchmarkConvert1000Docs exports 1,000 documents of 100 annotations each
// to every format of this file's formats, and imports the export back.
func BenchmarkConvert1000Docs(b *testing.B) {
	files := benchDocs(b, 1000)
	for _, f := range []Format{jsonl, w3c} {
		var out []Output
		b.Run(f.Name+"/export", func(b *testing.B) {
			for b.Loop() {
				var err error
				if out, err = f.Export(files, goldenNow); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(out[0].Data))/1e6, "MB")
		})
		b.Run(f.Name+"/import", func(b *testing.B) {
			if out == nil { // the export was not run
				var err error
				if out, err = f.Export(files, goldenNow); err != nil {
					b.Fatal(err)
				}
			}
			in := []Input{{Name: "export" + f.Extension, Data: out[0].Data}}
			for b.Loop() {
				docs, faults := f.Import(in, nil)
				if len(faults) > 0 || len(docs) != len(files) {
					b.Fatalf("%d documents, faults %v", len(docs), faults)
				}
			}
		})
	}
}
