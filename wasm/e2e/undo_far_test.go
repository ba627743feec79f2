//go:build !wasm

package e2e

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// selectedInArticleView is a script that tells whether the selected
// annotation's highlight shows in the article's view: under the toolbar
// and the legend, above the window's bottom.
const selectedInArticleView = `(() => {
	const s = [...(CSS.highlights.get("selected") || [])][0];
	if (!s) return false;
	const r = s.getBoundingClientRect(), top = ` + viewTopJS + `;
	return r.bottom > top && r.top < innerHeight;
})()`

// waitShort is waitFor with a few seconds' patience: false when cond
// never held.
func waitShort(b *browser, cond string) bool {
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := tryEvalJS[bool](b, "!!("+cond+")"); err == nil && ok {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

// TestUndoFarAwayShowsItInTheArticle: on an article of 50,000 words in
// 10,000 paragraphs with 2,000 annotations, the last annotation (at the
// article's end) is deleted, then relabelled after its delete is undone,
// and the reader goes back to the article's top (Ctrl+Home). Ctrl+Z, and
// then Ctrl+Shift+Z, select the annotation they change, and its entry is
// shown in the list; the article must show it too, as a step (] [) or a
// click on its entry does: the reader undid a change they cannot see, the
// article left 500,000 px away from the highlight that came back.
func TestUndoFarAwayShowsItInTheArticle(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openSynthetic(t, b, "two-thousand-short", benchWords, 10000, benchAnnotations)
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "[") // none selected: the last
	waitFor(t, b, `document.getElementById("selected").dataset.id !== undefined && document.querySelector("#entries > li.selected") !== null`)
	id := evalJS[string](t, b, `document.getElementById("selected").dataset.id`)
	// A step shows the annotation in the article.
	waitFor(t, b, selectedInArticleView)
	label := evalJS[string](t, b, `document.getElementById("edit-label").value`)
	other := map[string]string{"claim": "quote", "quote": "pledge", "pledge": "claim"}[label]

	check := func(when string) {
		t.Helper()
		waitFor(t, b, fmt.Sprintf(`document.getElementById("selected").dataset.id === %s`, jsString(id)))
		waitFor(t, b, entryInView(id)) // the list shows it, as it did
		if !waitShort(b, selectedInArticleView) {
			t.Errorf("%s: the annotation is selected and its entry shown, but the article stays at scrollY %.0f, away from it", when,
				evalJS[float64](t, b, `scrollY`))
		}
	}
	top := func() {
		t.Helper()
		press(t, b, kb.Home, ctrl)
		waitFor(t, b, `scrollY < 400`)
		settle(t, b)
	}

	press(t, b, kb.Delete)
	waitFor(t, b, fmt.Sprintf(`document.getElementById("annotations-title").textContent === "Annotations (%d)"`, benchAnnotations-1))
	top()
	press(t, b, "z", ctrl)
	waitFor(t, b, fmt.Sprintf(`document.getElementById("annotations-title").textContent === "Annotations (%d)"`, benchAnnotations))
	check("the delete undone")

	press(t, b, other[:1]) // relabel it, from the article
	waitFor(t, b, fmt.Sprintf(`document.getElementById("edit-label").value === %s`, jsString(other)))
	top()
	press(t, b, "z", ctrl)
	waitFor(t, b, fmt.Sprintf(`document.getElementById("edit-label").value === %s`, jsString(label)))
	check("the relabel undone")
	top()
	press(t, b, "z", ctrlShift)
	waitFor(t, b, fmt.Sprintf(`document.getElementById("edit-label").value === %s`, jsString(other)))
	check("the relabel redone")
}
