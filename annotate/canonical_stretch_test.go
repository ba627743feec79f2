package annotate

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// flattenBothWays flattens the page src parsed, a stretch of words at a
// time and word by word (wordByWord), and fails t when the texts or the
// indexes differ.
func flattenBothWays(t *testing.T, name, src string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return
	}
	text, index := flatten(doc)
	wordByWord = true
	wantText, want := flatten(doc)
	wordByWord = false
	if text != wantText {
		t.Fatalf("%s: the text a stretch at a time differs from the text word by word:\n%q\n%q", name, abbreviate(text), abbreviate(wantText))
	}
	if !slices.Equal(index.runs, want.runs) {
		t.Fatalf("%s: a stretch at a time gives %d runs, word by word %d: the first that differ: %v", name, len(index.runs), len(want.runs), firstDiff(index.runs, want.runs))
	}
	if !slices.Equal(index.nodes, want.nodes) {
		t.Fatalf("%s: the text nodes' spans differ: the first: %v", name, firstDiff(index.nodes, want.nodes))
	}
}

func firstDiff[T comparable](a, b []T) []T {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return []T{a[i], b[i]}
		}
	}
	return nil
}

var stretchSeeds = []string{
	"<p>one two three</p>",
	"<p> one  two\tthree\nfour </p>",
	"<p>one <b>two</b> three</p><p>four</p>",
	"<p>a b</p>x y<br> z  w<pre>  kept  as  is </pre>v u",
	"<p>émoji 😀 x 😀😀 y</p><p>\u00a0nbsp\u00a0 here\u2003em</p>",
	"<p>bad \xff bytes \xc3 here</p>",
	"<td>a b</td><td> c d </td>",
	"<p>trailing </p><p> leading</p><span> a </span><span>b </span>c",
	"<img alt='alt text here'> words <img alt=x>",
}

// TestFlattenWholeStretches holds text's writing of a stretch of words at
// a time to the rule written word by word, on these seeds and every page
// of the corpus.
func TestFlattenWholeStretches(t *testing.T) {
	for i, s := range stretchSeeds {
		flattenBothWays(t, "seed "+string(rune('0'+i)), s)
	}
	for _, p := range testcorpus.Pages(t) {
		data, err := os.ReadFile(p.Source())
		if err != nil {
			t.Fatal(err)
		}
		flattenBothWays(t, p.Name, string(data))
	}
}

func FuzzFlattenWholeStretches(f *testing.F) {
	for _, s := range stretchSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { flattenBothWays(t, "input", s) })
}
