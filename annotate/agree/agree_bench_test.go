package agree

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// benchDocs returns docs documents of about 6,000 code points, each with
// the files of raters annotators of perSpans spans each: the first
// annotator's spans at random, and each other's a copy of them in which
// about 70% are the same, 15% have other ends, 10% another label and 5%
// are replaced by a span elsewhere.
func benchDocs(docs, raters, perSpans int) [][]Annotator {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the minister said that trade with the united states was pretty balanced and pledged to raise defence spending from april yes we can café 👍🏽 naïve")
	labels := []string{"claim", "quote", "pledge"}
	out := make([][]Annotator, docs)
	for d := range out {
		var b strings.Builder
		for count := 0; count < 6000; {
			w := words[rng.IntN(len(words))]
			b.WriteString(w)
			b.WriteByte(' ')
			count += annotate.RuneCount(w) + 1
		}
		text := strings.TrimSpace(b.String())
		n := annotate.RuneCount(text)
		file := func(anns []annotate.Annotation) annotate.File {
			return annotate.File{Version: annotate.FormatVersion, Document: annotate.FileDocument{ID: fmt.Sprint(d), Text: text},
				Schema: annotate.DefaultSchema(), Annotations: anns}
		}
		random := func() annotate.Annotation {
			start := rng.IntN(n - 200)
			return annotate.Annotation{Label: labels[rng.IntN(3)], Start: start, End: start + 5 + rng.IntN(150)}
		}
		first := make([]annotate.Annotation, perSpans)
		for k := range first {
			first[k] = random()
			first[k].ID = fmt.Sprintf("a%d", k)
		}
		out[d] = append(out[d], Annotator{Name: "r0", File: file(first)})
		for r := 1; r < raters; r++ {
			other := make([]annotate.Annotation, perSpans)
			for k, a := range first {
				switch p := rng.IntN(100); {
				case p < 70:
				case p < 85:
					a.Start = max(0, a.Start+rng.IntN(11)-5)
					a.End = max(a.Start+1, a.End+rng.IntN(11)-5)
				case p < 95:
					a.Label = labels[(slicesIndexOf(labels, a.Label)+1)%3]
				default:
					a = random()
				}
				a.ID = fmt.Sprintf("r%d-%d", r, k)
				other[k] = a
			}
			out[d] = append(out[d], Annotator{Name: fmt.Sprintf("r%d", r), File: file(other)})
		}
	}
	return out
}

func slicesIndexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func benchAgree(b *testing.B, raters int) {
	docs := benchDocs(1000, raters, 100)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, as := range docs {
			if _, err := Agree(as); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1000, "ns/doc")
}

// BenchmarkAgree1000Docs is the agreement of two annotators over 1,000
// documents of about 6,000 code points and 100 annotations each: one
// operation is all 1,000 documents.
func BenchmarkAgree1000Docs(b *testing.B) { benchAgree(b, 2) }

// BenchmarkAgree1000Docs3 is the same with three annotators (three pairs).
func BenchmarkAgree1000Docs3(b *testing.B) { benchAgree(b, 3) }
