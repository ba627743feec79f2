//go:build !wasm

package e2e

import (
	"fmt"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// This file checks the offsets of spans selected with the keyboard over
// characters that are more than one UTF-16 unit or code point: what the
// caret steps over is one character to the reader, and the span stored
// and highlighted is exactly that.

// caretBefore puts the caret just before the first occurrence of phrase
// in the article, with the article focused, as a click there would.
func caretBefore(t testing.TB, b *browser, phrase string) {
	t.Helper()
	ok := evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const w = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
		for (let n = w.nextNode(); n; n = w.nextNode()) {
			const i = n.data.indexOf(%s);
			if (i < 0) continue;
			document.getElementById("article").focus({preventScroll: true});
			getSelection().collapse(n, i);
			return true;
		}
		return false;
	})()`, jsString(phrase)))
	if !ok {
		t.Fatalf("no %q in one text node of the article", phrase)
	}
	waitFor(t, b, `getSelection().isCollapsed && document.activeElement.id === "article"`)
}

// TestOffsetsKeyboardOverClusters selects, from a caret before each, one
// character by Shift+→ (an astral letter, an emoji family joined by
// ZWJs, a flag, an e with a combining acute, a letter of Arabic) and tags
// it: the export's offsets cut exactly that cluster out of the text, and
// the highlight covers it.
func TestOffsetsKeyboardOverClusters(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openArticle(t, b, "Clusters", "<p>Math 𝒳 then 👩‍👩‍👧 family, flag 🇫🇷 here, e\u0301cole <b><i>gras</i></b>.</p>"+
		"<p>Tab\there and\r\nCRLF, then <span dir=\"rtl\">مرحبا بكم</span> mixed.</p>")
	clusters := []string{"𝒳", "👩‍👩‍👧", "🇫🇷", "e\u0301", "م"}
	for i, c := range clusters {
		caretBefore(t, b, c)
		press(t, b, kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift))
		waitFor(t, b, `!getSelection().isCollapsed`)
		if got := evalJS[string](t, b, `getSelection().toString()`); got != c {
			t.Errorf("Shift+→ before %q selected %q", c, got)
		}
		press(t, b, "c")
		waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, i+1))
		waitFor(t, b, `CSS.highlights.get("selected").size === 1`)
		if got := evalJS[string](t, b, `[...CSS.highlights.get("selected")][0].toString()`); got != c {
			t.Errorf("the highlight of %q covers %q", c, got)
		}
	}
	// A word across nested inline elements, by Ctrl+Shift+→.
	caretBefore(t, b, "gras")
	press(t, b, kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
	waitFor(t, b, `getSelection().toString().startsWith("gras")`)
	press(t, b, "q")
	waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, len(clusters)+1))

	f := downloadExport(t, b)
	checkOffsets(t, f)
	got := map[string]bool{}
	for _, a := range f.Annotations {
		got[a.Exact] = true
	}
	for _, c := range append(clusters, "gras") {
		if !got[c] {
			t.Errorf("no annotation is exactly %q; the export holds %v", c, got)
		}
	}
}

// caretText returns the article's text from the caret on, up to n UTF-16
// units of its text node.
func caretText(t testing.TB, b *browser, n int) string {
	t.Helper()
	return evalJS[string](t, b, fmt.Sprintf(`(() => {
		const s = getSelection();
		const w = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
		const nodes = [];
		for (let x = w.nextNode(); x; x = w.nextNode()) nodes.push(x);
		const [i, k] = annotator.caret();
		return i < 0 ? "" : nodes[i].data.slice(k, k + %d);
	})()`, n))
}

// caretReaches waits until the text from the caret on starts with want,
// and fails with what it reads there when it does not within 5 s.
func caretReaches(t testing.TB, b *browser, after, want string) {
	t.Helper()
	n := len(utf16.Encode([]rune(want)))
	got := ""
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got = caretText(t, b, n); got == want {
			return
		}
	}
	t.Fatalf("%s went to %q, want %q", after, got, want)
}

// TestOffsetsCaretByParagraphAndSentence steps the caret through an
// article of every kind of block with Ctrl+↓ and Alt+↓, and back with
// Ctrl+↑: each step lands on the next start, none is skipped, and the
// caret never sticks.
func TestOffsetsCaretByParagraphAndSentence(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openArticle(t, b, "Blocks", "<h2>Heading here</h2><p>First para. Second 𝒳 sentence.<br>After break.</p>"+
		"<ul><li>Item one</li><li>Item <b>two</b></li></ul><table><tr><td>Cell A</td><td>Cell B</td></tr><tr><td>Row two</td></tr></table>"+
		"<pre>Pre line\n\tTabbed line</pre><blockquote><p>Quoted.</p></blockquote><p dir=\"rtl\">جملة أولى. جملة ثانية.</p>")
	paragraphs := []string{"Heading", "First", "After", "Item one", "Item ", "Cell A", "Row two", "Pre line", "Tabbed", "Quoted", "جملة أولى"}
	caretBefore(t, b, "Heading")
	for _, want := range paragraphs[1:] {
		press(t, b, kb.ArrowDown, chromedp.KeyModifiers(chromedp.ModifierCtrl))
		caretReaches(t, b, "Ctrl+↓", want)
	}
	for i := len(paragraphs) - 2; i >= 0; i-- {
		press(t, b, kb.ArrowUp, chromedp.KeyModifiers(chromedp.ModifierCtrl))
		caretReaches(t, b, "Ctrl+↑", paragraphs[i])
	}
	for _, want := range []string{"First", "Second", "After", "Item one"} {
		press(t, b, kb.ArrowDown, chromedp.KeyModifiers(chromedp.ModifierAlt))
		caretReaches(t, b, "Alt+↓", want)
	}
	caretBefore(t, b, "جملة أولى")
	press(t, b, kb.ArrowDown, chromedp.KeyModifiers(chromedp.ModifierAlt))
	caretReaches(t, b, "Alt+↓ in Arabic", "جملة ثانية")
}

// TestOffsetsArrowsInRightToLeftText moves the caret with ← and → in a
// right-to-left paragraph: → goes right on the screen, which there is
// back in the text, as in any editor; Shift+→ selects the character on
// the caret's right, and the span stored is that character.
func TestOffsetsArrowsInRightToLeftText(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openArticle(t, b, "Right to left", `<p>Left to right first.</p><p dir="rtl">שלום עולם יפה</p>`)
	caretBefore(t, b, "עולם")
	x0 := evalJS[float64](t, b, `getSelection().getRangeAt(0).getBoundingClientRect().left`)
	press(t, b, kb.ArrowRight)
	caretReaches(t, b, "→ in Hebrew", " עולם")
	if x := evalJS[float64](t, b, `getSelection().getRangeAt(0).getBoundingClientRect().left`); x <= x0 {
		t.Errorf("→ moved the caret from x %v to %v", x0, x)
	}
	press(t, b, kb.ArrowLeft)
	caretReaches(t, b, "← in Hebrew", "עולם")
	press(t, b, kb.ArrowLeft, chromedp.KeyModifiers(chromedp.ModifierShift))
	waitFor(t, b, `!getSelection().isCollapsed`)
	if got := evalJS[string](t, b, `getSelection().toString()`); got != "ע" {
		t.Errorf("Shift+← selected %q, want the letter on the caret's left", got)
	}
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	checkOffsets(t, downloadExport(t, b))
}

// TestOffsetsOverCarriageReturns tags words after carriage returns in a
// <pre> (a CRLF, two CRs, a lone CR), as a verbatim text imported from
// Label Studio or brat keeps them: the browser's text nodes hold each CR
// as the canonical text does, so the export's offsets cut out the words
// tagged.
func TestOffsetsOverCarriageReturns(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openArticle(t, b, "Carriage returns", "<pre>&#13;\nLine one&#13;\nLine two&#13;&#13;third word&#13;fourth</pre><p>After the block, fifth.</p>")
	words := []string{"two", "third", "fourth", "fifth"}
	for i, w := range words {
		caretBefore(t, b, w)
		press(t, b, kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
		waitFor(t, b, fmt.Sprintf(`getSelection().toString().startsWith(%s)`, jsString(w)))
		press(t, b, "c")
		waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, i+1))
	}
	f := downloadExport(t, b)
	if want := "\r\nLine one\r\nLine two\r\rthird word\rfourth\n\nAfter the block, fifth."; f.Document.Text != want {
		t.Errorf("text %q, want %q", f.Document.Text, want)
	}
	checkOffsets(t, f)
	got := map[string]bool{}
	for _, a := range f.Annotations {
		got[a.Exact] = true
	}
	for _, w := range words {
		if !got[w] {
			t.Errorf("no annotation is exactly %q; the export holds %v", w, got)
		}
	}
}
