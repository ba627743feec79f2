// Package testcorpus finds the articles and payloads that the tests run
// on: always the small, licensed sample that the repository ships in
// testdata/corpus, and in addition the whole corpus beside the repository
// (../shared/corpus, or $ANNOTATOR_SHARED/corpus) when it is there.
//
// A fresh clone with nothing beside it has only the sample, and every test
// passes on it: no test skips for want of the shared corpus. CI has both.
// Only tests import this package.
package testcorpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// SampleArticle is the repository path of the built-in sample article,
// which is also the shared corpus's reference article (seed/000_…).
const SampleArticle = "app/sample/starmer-trump-white-house.txt"

// Root returns the repository's root: the nearest directory at or above
// the working directory (a package's directory, under go test) that holds
// go.mod.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("testcorpus: no go.mod above the working directory")
		}
		dir = up
	}
}

// File returns the repository file at path (slash-separated, from the
// root), failing tb when it cannot be read.
func File(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(Root(tb), filepath.FromSlash(path)))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// Shared returns the directory of the whole shared corpus (the one that
// holds readability/ and xss/), and whether it is there: $ANNOTATOR_SHARED
// when set, else ../shared beside the repository.
func Shared(tb testing.TB) (string, bool) {
	tb.Helper()
	dir := os.Getenv("ANNOTATOR_SHARED")
	if dir == "" {
		dir = filepath.Join(Root(tb), "..", "shared")
	}
	dir = filepath.Join(dir, "corpus")
	if _, err := os.Stat(filepath.Join(dir, "readability")); err != nil {
		return "", false
	}
	return dir, true
}

// sample returns the directory of the repository's own sample corpus.
func sample(tb testing.TB) string {
	return filepath.Join(Root(tb), "testdata", "corpus")
}

// Page is one page of the Readability corpus.
type Page struct {
	// Name is the page's directory name, such as "qq".
	Name string
	// Dir holds source.html (the page as served), expected.html and
	// expected-metadata.json (Readability's extraction of it).
	Dir string
}

// Source returns the path of the page as served.
func (p Page) Source() string { return filepath.Join(p.Dir, "source.html") }

// Pages returns the pages of the Readability corpus, sorted by name: the
// repository's sample, and every page of the shared corpus when it is
// there. A page in both is listed once.
func Pages(tb testing.TB) []Page {
	tb.Helper()
	byName := map[string]Page{}
	dirs := []string{filepath.Join(sample(tb), "readability")}
	if shared, ok := Shared(tb); ok {
		dirs = append(dirs, filepath.Join(shared, "readability"))
	}
	for _, dir := range dirs {
		found, err := filepath.Glob(filepath.Join(dir, "*", "source.html"))
		if err != nil {
			tb.Fatal(err)
		}
		for _, src := range found {
			p := Page{Name: filepath.Base(filepath.Dir(src)), Dir: filepath.Dir(src)}
			if _, ok := byName[p.Name]; !ok {
				byName[p.Name] = p
			}
		}
	}
	pages := make([]Page, 0, len(byName))
	for _, p := range byName {
		pages = append(pages, p)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Name < pages[j].Name })
	if len(pages) == 0 {
		tb.Fatal("testcorpus: no Readability pages in testdata/corpus/readability")
	}
	return pages
}

// PageNamed returns the corpus page called name, from the repository's
// sample or else from the shared corpus, failing tb when neither has it.
func PageNamed(tb testing.TB, name string) Page {
	tb.Helper()
	dirs := []string{filepath.Join(sample(tb), "readability", name)}
	if shared, ok := Shared(tb); ok {
		dirs = append(dirs, filepath.Join(shared, "readability", name))
	}
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, "source.html")); err == nil {
			return Page{Name: name, Dir: dir}
		}
	}
	tb.Fatalf("testcorpus: no corpus page %q in testdata/corpus/readability (nor in the shared corpus)", name)
	return Page{}
}

// Payload is one XSS payload of DOMPurify's test fixtures.
type Payload struct {
	Title   *string `json:"title"`
	Payload string  `json:"payload"`
}

// XSSPayloads returns DOMPurify's payloads: all 223 of the shared corpus
// when it is there, else the repository's sample of them.
func XSSPayloads(tb testing.TB) []Payload {
	tb.Helper()
	path := filepath.Join(sample(tb), "xss", "dompurify.json")
	if shared, ok := Shared(tb); ok {
		path = filepath.Join(shared, "xss", "dompurify.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var cases []Payload
	if err := json.Unmarshal(data, &cases); err != nil {
		tb.Fatalf("testcorpus: %s: %v", path, err)
	}
	if len(cases) == 0 {
		tb.Fatalf("testcorpus: %s holds no payloads", path)
	}
	return cases
}

// ArticleOfSize returns an HTML page of exactly size bytes made of
// realistic news paragraphs, with relative links that loading makes
// absolute (so its sanitised HTML is larger than the page): the largest
// article the annotator opens, for the tests of the size limits.
func ArticleOfSize(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long report</title>` +
		`<link rel="canonical" href="https://news.example.com/2026/12/03/long-report"></head><body><article><h1>A very long report</h1>` + "\n")
	const tail = "</article></body></html>\n"
	for i := 0; ; i++ {
		p := fmt.Sprintf(`<p>Paragraph %d. The council said on Tuesday that “spending on roads will rise by 2.5%% from April”, `+
			`a pledge the <a href="/people/mayor-%d">mayor</a> repeated at the café on Main Street. Critics called the figures `+
			`<em>pretty balanced</em> at best; see <a href="../related/%d.html">the related story</a> for the background.</p>`+"\n", i, i%97, i)
		if b.Len()+len(p)+len(tail) > size {
			break
		}
		b.WriteString(p)
	}
	pad := size - b.Len() - len(tail) - len("<p></p>\n")
	b.WriteString("<p>" + strings.Repeat("x", max(pad, 0)) + "</p>\n")
	b.WriteString(tail)
	return b.Bytes()
}
