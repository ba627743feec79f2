//go:build !wasm

package e2e

// This file shows that where an annotator was reading is kept when the
// library is shown in between: back in the article, and after a reload.

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/wasm/server"
)

// TestReadingPlaceKeptThroughTheLibrary scrolls down the article, shows
// the library, and comes back to the article, then reloads: the article
// is where it was read each time. The library's own scrolling was kept
// as the article's place, and the article came back at the top.
func TestReadingPlaceKeptThroughTheLibrary(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	evalJS[bool](t, b, `(window.scrollTo(0, 600), true)`)
	waitFor(t, b, `JSON.parse(localStorage.getItem("annotator.scroll") || "{}").y === Math.round(window.scrollY)`)
	y := evalJS[float64](t, b, `window.scrollY`)
	if y < 300 {
		t.Fatalf("the page scrolled only to %v", y)
	}
	showLibrary(t, b)
	// What the library's scrolling may write, written (a quarter of a
	// second after the page stops scrolling).
	evalJS[bool](t, b, `new Promise((ok) => setTimeout(() => ok(true), 400))`)
	evalJS[bool](t, b, `(performance.clearMarks("annotator:placed"), true)`)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("#library") === null && document.querySelector("#article") !== null`)
	waitPlaced(t, b)
	if got := evalJS[float64](t, b, `window.scrollY`); got < y-2 || got > y+2 {
		t.Errorf("back from the library the article is scrolled to %v, want %v", got, y)
	}
	evalJS[bool](t, b, `new Promise((ok) => setTimeout(() => ok(true), 400))`)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitPlaced(t, b)
	if got := evalJS[float64](t, b, `window.scrollY`); got < y-2 || got > y+2 {
		t.Errorf("after the library and a reload the article is scrolled to %v, want %v", got, y)
	}
}

// waitPlaced waits until the app has put the article back at its reading
// place, and the place has stayed through the frames after it: the blocks
// near the view take their real heights only then (content-visibility),
// and the text at the top was two lines off one time in three before the
// app kept it there (web/annotator.js settlePlace).
func waitPlaced(t testing.TB, b *browser) {
	t.Helper()
	waitFor(t, b, `performance.getEntriesByName("annotator:placed").length > 0`)
}

// TestReadingPlaceKeptThroughAReflow reads a long article down to its
// middle in a wide window, leaves the page, and comes back in a narrow one
// (the sidebar a sheet at the bottom, the article's lines longer): the
// words that were at the top of the article's view are at its top again,
// within a line. The place was kept in pixels, which in the other layout
// showed other text.
func TestReadingPlaceKeptThroughAReflow(t *testing.T) {
	// The app's server, with a favicon for the page of its site that the
	// test leaves to (a style sheet), which the browser asks for.
	h, err := server.NewHandler(builtWebDir(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := serveHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		h.ServeHTTP(w, r)
	}))
	b := newBrowser(t)
	b.expectNoConsoleErrors()
	b.run(chromedp.Navigate(srv.URL + "/"))
	waitStarted(t, b)
	// 400 paragraphs: the article is drawn in chunks whose height, until
	// drawn, is estimated (web/annotator.js chunk).
	path := filepath.Join(t.TempDir(), "long.html")
	if err := os.WriteFile(path, []byte(syntheticArticle(20000, 50)), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, path)
	waitFor(t, b, `document.querySelector("#doc-title").textContent.includes("Fifty thousand words")`)
	waitSaved(t, b)
	evalJS[bool](t, b, `(window.scrollTo(0, document.documentElement.scrollHeight / 2), true)`)
	settle(t, b)
	waitFor(t, b, `JSON.parse(localStorage.getItem("annotator.scroll") || "{}").y === Math.round(window.scrollY)`)
	before := evalJS[topWords](t, b, topWordsJS)
	if before.Words == "" {
		t.Fatal("no words found at the top of the article's view")
	}
	// Away from the app, to a page of its site, until the document's lock
	// is let go (else the app opens it read-only, then again once the lock
	// comes, at its top); and back in another window's width.
	b.run(chromedp.Navigate(srv.URL + "/web/app.css"))
	evalJS[bool](t, b, `new Promise((ok) => {
		const poll = () => navigator.locks.query().then((s) => s.held.length === 0 ? ok(true) : setTimeout(poll, 20));
		poll();
	})`)
	b.run(chromedp.EmulateViewport(700, 800))
	b.run(chromedp.Navigate(srv.URL + "/"))
	waitStarted(t, b)
	waitPlaced(t, b)
	settle(t, b)
	if got := wordsTop(t, b, before.Words); got-before.Top < -before.Line || got-before.Top > before.Line {
		t.Errorf("in the narrow window the words %q that were %.0f px from the top of the article's view are %.0f px from it", before.Words, before.Top, got)
	}
}

// wordsTop returns how far below the top of the article's view the first
// of words is, in px.
func wordsTop(t testing.TB, b *browser, words string) float64 {
	t.Helper()
	return evalJS[float64](t, b, fmt.Sprintf(`(() => {
		const words = %s;
		const p = [...document.querySelectorAll("article.doc p")].find((p) => p.textContent.includes(words));
		if (!p) return -1e9;
		let at = p.textContent.indexOf(words);
		const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
		let n = walker.nextNode();
		for (; n && at >= n.data.length; n = walker.nextNode()) at -= n.data.length;
		const r = document.createRange();
		r.setStart(n, at);
		r.setEnd(n, at + 1);
		return r.getBoundingClientRect().top - (%s);
	})()`, jsString(words), viewTopJS))
}

// TestReadOnlyTabKeepsItsPlace reads a long article down to its middle in
// a tab that shows it read-only (another tab has it open); that tab then
// opens another document, and this one becomes editable: it stays where
// it was read. It was opened again at its top.
func TestReadOnlyTabKeepsItsPlace(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	dir := t.TempDir()
	long := filepath.Join(dir, "long.html")
	if err := os.WriteFile(long, []byte(syntheticArticle(20000, 50)), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, long)
	waitFor(t, b, `document.querySelector("#doc-title").textContent.includes("Fifty thousand words")`)
	waitSaved(t, b)

	tab := b.newTab(t)
	tab.expectNoConsoleErrors()
	openReadOnly(t, tab, srv.URL+"/")
	waitFor(t, tab, `document.querySelector("#doc-title").textContent.includes("Fifty thousand words")`)
	evalJS[bool](t, tab, `(window.scrollTo(0, document.documentElement.scrollHeight / 2), true)`)
	settle(t, tab)
	before := evalJS[topWords](t, tab, topWordsJS)
	if before.Words == "" {
		t.Fatal("no words found at the top of the article's view")
	}

	short := filepath.Join(dir, "short.txt")
	if err := os.WriteFile(short, []byte("Another article, short, for the first tab to open."), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, short)
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("editable here now")`)
	settle(t, tab)
	if got := wordsTop(t, tab, before.Words); got-before.Top < -before.Line || got-before.Top > before.Line {
		t.Errorf("once editable, the words %q that were %.0f px from the top of the article's view are %.0f px from it", before.Words, before.Top, got)
	}
}

// topWords is what topWordsJS finds: the words that start the first line
// at the top of the article's view, that line's top from the view's top,
// and the height of a line.
type topWords struct {
	Words     string
	Top, Line float64
}

// viewTopJS is where the article's view begins: under the toolbar and
// the legend where they stay at the top of the window.
const viewTopJS = `Math.max(0, ...[".toolbar", ".legend"].map((s) => document.querySelector(s).getBoundingClientRect().bottom))`

// topWordsJS finds topWords: the first line under the view's top that
// starts with 60 characters of its paragraph after it (the point at the
// view's top may be in the margin between two paragraphs).
const topWordsJS = `(() => {
	const top = ` + viewTopJS + `;
	const left = document.querySelector("article.doc").getBoundingClientRect().left + 1;
	for (let y = top + 2; y < innerHeight; y += 4) {
		const c = document.caretRangeFromPoint(left, y);
		if (!c || c.startContainer.nodeType !== Node.TEXT_NODE) continue;
		const p = c.startContainer.parentElement.closest("p");
		const rest = document.createRange();
		rest.setStart(c.startContainer, c.startOffset);
		rest.setEnd(p, p.childNodes.length);
		const words = rest.toString().slice(0, 60);
		if (words.length < 60) continue;
		const ch = document.createRange();
		ch.setStart(c.startContainer, c.startOffset);
		ch.setEnd(c.startContainer, c.startOffset + 1);
		const box = ch.getBoundingClientRect();
		if ([...document.querySelectorAll("article.doc p")].filter((q) => q.textContent.includes(words)).length !== 1) continue;
		return {Words: words, Top: box.top - top, Line: box.height * 1.5};
	}
	return {Words: "", Top: 0, Line: 0};
})()`
