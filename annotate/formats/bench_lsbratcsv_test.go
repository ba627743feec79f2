package formats

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// benchFiles makes n documents of perDoc annotations each: plain-text
// articles of sentences with emoji and accents, every sentence annotated
// and some nested.
func benchFiles(tb testing.TB, n, perDoc int) []annotate.File {
	files := make([]annotate.File, n)
	for i := range files {
		var b strings.Builder
		for s := 0; s < perDoc*2; s++ {
			if s%5 == 0 && s > 0 {
				b.WriteString("\n\n")
			} else if s > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "Document %d, sentence %d: the mayor 👩‍💻 said “we will build %d homes” in Malmö.", i, s, 100+s)
		}
		doc, err := annotate.Load([]byte(b.String()), annotate.Source{Name: fmt.Sprintf("doc%d.txt", i), MediaType: "text/plain"})
		if err != nil {
			tb.Fatal(err)
		}
		f := annotateSentences(doc, perDoc)
		if len(f.Annotations) > perDoc {
			f.Annotations = f.Annotations[:perDoc]
		}
		if len(f.Annotations) != perDoc {
			tb.Fatalf("%d annotations, not %d", len(f.Annotations), perDoc)
		}
		files[i] = f
	}
	return files
}

// BenchmarkConvert1000DocsLSBratCSV exports 1,000 documents of 100
// annotations each to Label Studio, brat and CSV, and imports each export
// back: Label Studio and brat alone (the text is loaded again), CSV with
// the documents known, as it must be.
func BenchmarkConvert1000DocsLSBratCSV(b *testing.B) {
	files := benchFiles(b, 1000, 100)
	byID := make(map[string]annotate.File, len(files))
	for _, f := range files {
		byID[f.Document.ID] = f
	}
	known := func(id string) (annotate.File, bool) { f, ok := byID[id]; return f, ok }
	for _, f := range []Format{labelStudio, brat, csvFormat} {
		outs, err := f.Export(files, nowForTests)
		if err != nil {
			b.Fatal(err)
		}
		size := 0
		for _, o := range outs {
			size += len(o.Data)
		}
		b.Run(f.Name+"/export", func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				if _, err := f.Export(files, nowForTests); err != nil {
					b.Fatal(err)
				}
			}
		})
		ins := inputsOf(f, outs)
		var k Known
		if f.Name == "csv" {
			k = known
		}
		b.Run(f.Name+"/import", func(b *testing.B) {
			b.SetBytes(int64(size))
			for b.Loop() {
				docs, faults := f.Import(ins, k)
				if len(faults) > 0 || len(docs) != len(files) {
					b.Fatalf("%d documents, faults %v", len(docs), faults[:min(len(faults), 3)])
				}
			}
		})
	}
}
