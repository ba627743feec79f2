package annotate

import (
	"math/rand"
	"os"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// BenchmarkLoadCorpus loads every page of the Readability corpus once per
// iteration; its MB/s is the loading speed over real pages.
func BenchmarkLoadCorpus(b *testing.B) {
	var data [][]byte
	total := 0
	for _, p := range testcorpus.Pages(b) {
		d, err := os.ReadFile(p.Source())
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, d)
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for range b.N {
		for _, d := range data {
			if _, err := Load(d, Source{Name: "page.html"}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoadLargePage loads the corpus's largest page (yahoo-2, 1.6 MB).
func BenchmarkLoadLargePage(b *testing.B) {
	data, err := os.ReadFile(testcorpus.PageNamed(b, "yahoo-2").Source())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for range b.N {
		if _, err := Load(data, Source{Name: "yahoo-2.html"}); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticArticle returns an HTML article of about words words in
// paragraphs of 50, with some emoji and non-Latin text among them.
func syntheticArticle(words int) string {
	vocabulary := strings.Fields("the minister said on Thursday that trade was pretty balanced and pledged to raise spending 😀 from April café 日本語 naïve “quoted” words")
	rng := rand.New(rand.NewSource(1))
	var b strings.Builder
	b.WriteString("<h1>A long article</h1>\n")
	for i := 0; i < words; i++ {
		if i%50 == 0 {
			if i > 0 {
				b.WriteString("</p>\n")
			}
			b.WriteString("<p>")
		} else {
			b.WriteString(" ")
		}
		w := vocabulary[rng.Intn(len(vocabulary))]
		if i%17 == 0 {
			b.WriteString("<em>" + w + "</em>")
		} else {
			b.WriteString(w)
		}
	}
	b.WriteString("</p>\n")
	return b.String()
}

// BenchmarkLoad50kWords loads a synthetic article of 50,000 words.
func BenchmarkLoad50kWords(b *testing.B) {
	data := []byte(syntheticArticle(50000))
	b.SetBytes(int64(len(data)))
	for range b.N {
		if _, err := Load(data, Source{Name: "long.html"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOffsetMapping maps random DOM positions of a 50,000-word
// article to code points and back: what each selection costs.
func BenchmarkOffsetMapping(b *testing.B) {
	d, err := Load([]byte(syntheticArticle(50000)), Source{Name: "long.html"})
	if err != nil {
		b.Fatal(err)
	}
	x := d.Index()
	rng := rand.New(rand.NewSource(2))
	type pos struct{ node, u int }
	positions := make([]pos, 1024)
	for i := range positions {
		n := rng.Intn(x.NodeCount())
		positions[i] = pos{n, rng.Intn(x.NodeLen(n) + 1)}
	}
	b.ResetTimer()
	for i := range b.N {
		p := positions[i%len(positions)]
		cp, err := x.FromDOM(p.node, p.u)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, ok := x.ToDOM(cp, true); !ok {
			b.Fatal("no DOM position")
		}
	}
}

// BenchmarkTextConversions converts random code-point offsets of a
// 50,000-word text to UTF-16 and bytes and back.
func BenchmarkTextConversions(b *testing.B) {
	d, err := Load([]byte(syntheticArticle(50000)), Source{Name: "long.html"})
	if err != nil {
		b.Fatal(err)
	}
	text := d.Text()
	rng := rand.New(rand.NewSource(3))
	offsets := make([]int, 1024)
	for i := range offsets {
		offsets[i] = rng.Intn(text.Len() + 1)
	}
	b.ResetTimer()
	for i := range b.N {
		cp := offsets[i%len(offsets)]
		if text.CodePointAtUTF16(text.UTF16(cp)) != cp || text.CodePointAtByte(text.Byte(cp)) != cp {
			b.Fatal("round trip failed")
		}
	}
}
