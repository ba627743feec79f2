//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// This file checks the offsets of spans made and found with the mouse as
// a reader uses it: a click on a highlight's characters, a triple click on
// a paragraph.

// openArticle opens an HTML article written to a file of the test's own,
// and waits until its title is shown.
func openArticle(t testing.TB, b *browser, title, body string) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "article.html")
	page := "<!doctype html><html><head><meta charset=utf-8><title>" + title + "</title></head><body>" + body + "</body></html>"
	if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, name)
	waitFor(t, b, fmt.Sprintf(`(document.querySelector("#doc-title")||{}).textContent === %s && document.querySelector("article.doc") !== null`, jsString(title)))
}

// charBox returns the viewport box [left, top, right, bottom] of the
// character at UTF-16 offset at of the first text node holding phrase,
// after phrase's paragraph is scrolled to the middle of the window.
func charBox(t testing.TB, b *browser, phrase string, at int) []float64 {
	t.Helper()
	return evalJS[[]float64](t, b, fmt.Sprintf(`(() => {
		const w = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) {
			const i = n.data.indexOf(%s);
			if (i < 0) continue;
			n.parentElement.scrollIntoView({block: "center", behavior: "instant"});
			const r = document.createRange();
			r.setStart(n, i + %d);
			r.setEnd(n, i + %d + 1);
			const b = r.getBoundingClientRect();
			return [b.left, b.top, b.right, b.bottom];
		}
		return [];
	})()`, jsString(phrase), at, at))
}

// TestOffsetsClickOnHighlightEdges clicks the right part of a highlight's
// last character, which selects its annotation, and the right part of the
// character just before it, which selects none: the character under the
// pointer decides, not the caret position nearest to it.
func TestOffsetsClickOnHighlightEdges(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openArticle(t, b, "Click edges", `<p>Alpha bravo charlie delta echo foxtrot.</p><p dir="rtl">مرحبا بالعالم الجميل</p>`)

	tagPhrase(t, b, "charlie", "c")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null && CSS.highlights.get("selected").size === 0`)

	// The right quarter of the "e" that ends "charlie".
	box := charBox(t, b, "charlie", len("charlie")-1)
	if len(box) != 4 {
		t.Fatal("no box for charlie")
	}
	b.run(chromedp.MouseClickXY(box[2]-(box[2]-box[0])/4, (box[1]+box[3])/2))
	waitFor(t, b, `document.querySelector("#entries li.selected") !== null && CSS.highlights.get("selected").size === 1`)
	if got := evalJS[string](t, b, `[...CSS.highlights.get("selected")][0].toString()`); got != "charlie" {
		t.Errorf("a click on charlie's last letter selected %q", got)
	}

	// In right-to-left text a character's end is on its left: the left
	// quarter of the last letter of "بالعالم".
	word := "بالعالم"
	tagPhrase(t, b, word, "c")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null && CSS.highlights.get("selected").size === 0`)
	box = charBox(t, b, word, len([]rune(word))-1)
	b.run(chromedp.MouseClickXY(box[0]+(box[2]-box[0])/4, (box[1]+box[3])/2))
	waitFor(t, b, `document.querySelector("#entries li.selected") !== null && CSS.highlights.get("selected").size === 1`)
	if got := evalJS[string](t, b, `[...CSS.highlights.get("selected")][0].toString()`); got != word {
		t.Errorf("a click on the last letter of %s selected %q", word, got)
	}

	// With "Alpha" tagged and selected, the right quarter of the space
	// before "charlie", which no annotation holds: the click selects none.
	tagPhrase(t, b, "Alpha", "q")
	waitFor(t, b, `(document.querySelector("#entries li.selected .excerpt")||{}).textContent === "“Alpha”"`)
	box = charBox(t, b, " charlie", 0)
	b.run(chromedp.MouseClickXY(box[2]-(box[2]-box[0])/4, (box[1]+box[3])/2))
	waitFor(t, b, `(document.querySelector("#entries li.selected .excerpt")||{}).textContent !== "“Alpha”"`)
	if evalJS[bool](t, b, `document.querySelector("#entries li.selected") !== null`) {
		t.Errorf("a click on the space before charlie selected %q", text(t, b, "#entries li.selected .excerpt"))
	}
}

// tripleClick clicks three times at a point, as a reader selecting a
// whole paragraph does.
func tripleClick(t testing.TB, b *browser, x, y float64) {
	t.Helper()
	for n := 1; n <= 3; n++ {
		b.runIn(t, chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(n)),
			chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(n)))
	}
}

// TestOffsetsTripleClickParagraph tags paragraphs selected by a triple
// click, which in Chromium ends at the next block's start (for the last
// paragraph of the article, past its end): the span is the paragraph's
// text, with no line break, and the last one is not refused.
func TestOffsetsTripleClickParagraph(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	paras := []string{"First paragraph with 𝒳 in it.", "Second one: e\u0301cole 👩‍👩‍👧 🇫🇷.", "Last paragraph of all."}
	openArticle(t, b, "Triple", "<p>"+paras[0]+"</p>\n<p>"+paras[1]+"</p>\n<p>"+paras[2]+"</p>")
	for i, p := range []int{2, 1} {
		box := charBox(t, b, paras[p], 3)
		tripleClick(t, b, (box[0]+box[2])/2, (box[1]+box[3])/2)
		waitFor(t, b, fmt.Sprintf(`getSelection().toString().includes(%s)`, jsString(paras[p])))
		press(t, b, "c")
		waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d || document.querySelector("#notice").textContent.includes("edge")`, i+1))
		if n := entryCount(t, b); n != i+1 {
			t.Fatalf("the triple-clicked paragraph %d was not tagged: %q", p, text(t, b, "#notice"))
		}
	}
	f := downloadExport(t, b)
	checkOffsets(t, f)
	got := map[string]bool{}
	for _, a := range f.Annotations {
		got[a.Exact] = true
	}
	if !got[paras[1]] || !got[paras[2]] || len(got) != 2 {
		t.Errorf("the triple-clicked paragraphs were tagged as %v", got)
	}
}
