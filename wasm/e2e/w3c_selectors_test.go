//go:build !wasm

package e2e

// This file checks the W3C export against an implementation of the W3C
// selectors that is not the annotator's: Apache Annotator's
// TextQuoteSelector matcher (testdata/w3c/w3c_selectors.js, whose README
// says how it was made), run in Chromium over each article's sanitised
// HTML as a page. Every quote must match exactly once, the match must be
// its exact text, and it must be at the annotation's place: the article's
// non-white-space characters before the match must be as many as the
// canonical text's before the annotation's TextPositionSelector start
// (the canonical text differs from the DOM's text in white space only, so
// this compares the two places without the annotator's own map between
// them).

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
	"github.com/newsannotator/annotator/internal/testcorpus"
	"github.com/newsannotator/annotator/internal/testspans"
)

// w3cExport is the part of the W3C export the test reads.
type w3cExport struct {
	Documents []struct {
		ID   string `json:"id"`
		Text string `json:"annotator:text"`
		HTML string `json:"annotator:html"`
	} `json:"annotator:documents"`
	First struct {
		Items []struct {
			ID     string `json:"id"`
			Target struct {
				Source   string `json:"source"`
				Selector []struct {
					Type   string `json:"type"`
					Exact  string `json:"exact"`
					Prefix string `json:"prefix"`
					Suffix string `json:"suffix"`
					Start  int    `json:"start"`
					End    int    `json:"end"`
				} `json:"selector"`
			} `json:"target"`
		} `json:"items"`
	} `json:"first"`
}

// quoteSelector is what the matcher takes.
type quoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// quoteMatch is one match the matcher found.
type quoteMatch struct {
	Text   string `json:"text"`
	Before int    `json:"before"`
}

// sentencesPerPage is how many of a page's first sentences are tagged (a
// claim each, a quote in every third) on the repository's pages; on a
// page only the shared corpus has, sharedSentencesPerPage. Apache
// Annotator's matcher reads the whole page for each quote: with 40 on
// each of the shared corpus's 131 pages, this test took 70 s of the
// browser suite's 12 minutes (2-core machine); with 10 it takes 39 s and
// still checks about 1,300 quotes there.
const (
	sentencesPerPage       = 40
	sharedSentencesPerPage = 10
)

// w3cFiles are the documents the test exports: the shared sample of the
// golden files, the emoji article, and every corpus page, each sentence
// tagged (testspans, the first sentencesPerPage).
func w3cFiles(t *testing.T) []annotate.File {
	imp, err := annotate.Import(repoFile(t, "testdata/formats/sample.v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	files := []annotate.File{annotate.NewFile(imp.Document, imp.Set, nil, testspans.Exported)}
	add := func(data []byte, name string, sentences int) {
		doc, err := annotate.Load(data, annotate.Source{Name: name, MediaType: "text/html"})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, err := testspans.Sentences(doc, sentences)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	add(repoFile(t, "testdata/emoji-article.html"), "emoji-article.html", sentencesPerPage)
	repo := testcorpus.Root(t) + string(filepath.Separator)
	for _, page := range testcorpus.Pages(t) {
		data, err := os.ReadFile(page.Source())
		if err != nil {
			t.Fatal(err)
		}
		n := sentencesPerPage
		if !strings.HasPrefix(page.Dir, repo) {
			n = sharedSentencesPerPage
		}
		add(data, page.Name+".html", n)
	}
	return files
}

func TestW3CSelectorsInBrowser(t *testing.T) {
	sideBySide(t) // no app, no timing: beside the bridge's tests, at the suite's end
	w3c, err := formats.Lookup("w3c")
	if err != nil {
		t.Fatal(err)
	}
	out, err := w3c.Export(w3cFiles(t), testspans.Exported)
	if err != nil {
		t.Fatal(err)
	}
	var c w3cExport
	if err := json.Unmarshal(out[0].Data, &c); err != nil {
		t.Fatal(err)
	}
	// ANNOTATOR_BREAK_W3C=1 takes prefix and suffix from the canonical
	// text instead, as a check that the test sees the difference.
	canonicalContext := os.Getenv("ANNOTATOR_BREAK_W3C") == "1"

	pages := map[string][]byte{"/w3c_selectors.js": repoFile(t, "wasm/e2e/testdata/w3c/w3c_selectors.js")}
	for i, d := range c.Documents {
		pages[fmt.Sprintf("/doc%d.html", i)] = []byte(`<!doctype html><html><head><meta charset="utf-8"><title>` +
			html.EscapeString(d.ID) + `</title><script src="/w3c_selectors.js"></script></head><body>` + d.HTML + `</body></html>`)
	}
	srv := serveFiles(t, pages)
	b := newBrowser(t)
	b.expectNoConsoleErrors()

	checked := 0
	for i, d := range c.Documents {
		text := annotate.NewText(d.Text)
		var selectors []quoteSelector
		var starts []int
		var ids []string
		for _, a := range c.First.Items {
			if a.Target.Source != d.ID {
				continue
			}
			q, p := a.Target.Selector[0], a.Target.Selector[1]
			if q.Type != "TextQuoteSelector" || p.Type != "TextPositionSelector" {
				t.Fatalf("%s: selectors %+v", a.ID, a.Target.Selector)
			}
			if canonicalContext {
				q.Prefix = text.Slice(p.Start-annotate.ContextLen, p.Start)
				q.Suffix = text.Slice(p.End, p.End+annotate.ContextLen)
			}
			selectors = append(selectors, quoteSelector{Type: q.Type, Exact: q.Exact, Prefix: q.Prefix, Suffix: q.Suffix})
			starts = append(starts, p.Start)
			ids = append(ids, a.ID)
		}
		if len(selectors) == 0 {
			continue
		}
		b.run(chromedp.Navigate(fmt.Sprintf("%s/doc%d.html", srv.URL, i)))
		// A few selectors to a call: each runs over the whole article.
		var matches [][]quoteMatch
		for k := 0; k < len(selectors); k += 25 {
			matches = append(matches, evalJS[[][]quoteMatch](t, b, jsCall("w3cSelectors.matchAll", selectors[k:min(k+25, len(selectors))]))...)
		}
		failures := 0
		for k, ms := range matches {
			want := nonSpace(text.Slice(0, starts[k]))
			switch {
			case len(ms) != 1:
				t.Errorf("%s, %s: the quote %q matches %d times in the browser, want once", d.ID, ids[k], abbreviate(selectors[k].Exact, 60), len(ms))
			case ms[0].Text != selectors[k].Exact:
				t.Errorf("%s, %s: the match is %q, the quote %q", d.ID, ids[k], abbreviate(ms[0].Text, 60), abbreviate(selectors[k].Exact, 60))
			case ms[0].Before != want:
				t.Errorf("%s, %s: the quote %q matches after %d non-space characters, the annotation starts after %d", d.ID, ids[k], abbreviate(selectors[k].Exact, 60), ms[0].Before, want)
			default:
				checked++
				continue
			}
			if failures++; failures >= 5 {
				t.Errorf("%s: more failures left out", d.ID)
				break
			}
		}
	}
	t.Logf("%d quotes of %d documents found once, at their place, by Apache Annotator in Chromium", checked, len(c.Documents))
	if checked != len(c.First.Items) {
		t.Errorf("%d quotes checked of %d", checked, len(c.First.Items))
	}
}

// nonSpace counts the code points of s that are not HTML white space, as
// testdata/w3c/w3c_selectors_entry.js counts them in the browser.
func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !strings.ContainsRune(" \t\n\r\f", r) {
			n++
		}
	}
	return n
}
