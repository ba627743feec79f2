//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// selectedAboveSheet is a script that tells whether some of the selected
// annotation's highlight shows in the article's view: under the toolbar
// and the legend, above the sheet the sidebar is in a narrow window.
const selectedAboveSheet = `(() => {
	const s = [...(CSS.highlights.get("selected") || [])][0];
	if (!s) return false;
	const side = document.querySelector(".workspace > .sidebar");
	const bottom = getComputedStyle(side).position === "fixed" ? side.getBoundingClientRect().top : innerHeight;
	const r = s.getBoundingClientRect(), top = ` + viewTopJS + `;
	return r.bottom > top && r.top < bottom;
})()`

// TestDeleteShowsTheNextInTheArticle: in a window 700 px wide (the
// sidebar a sheet along its bottom) on an article of 50,000 words in
// 10,000 paragraphs with 2,000 annotations, [ selects the annotation
// before the last, shown above the sheet; Delete deletes it and selects
// the next one, the last: its entry is shown, but in the article it lay
// under the sheet, where the annotator could not see what a second Delete
// or a label's key would now change.
func TestDeleteShowsTheNextInTheArticle(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	b.run(chromedp.EmulateViewport(700, 800))
	openSynthetic(t, b, "two-thousand-short", benchWords, 10000, benchAnnotations)
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, "[")
	press(t, b, "[")
	waitFor(t, b, `document.querySelector("#entries > li.selected") !== null && document.querySelector("#entries > li.selected").getAttribute("aria-posinset") === "1999"`)
	waitFor(t, b, selectedAboveSheet) // a step shows it
	next := evalJS[string](t, b, `document.querySelector("#entries > li.selected").nextElementSibling.dataset.id`)
	press(t, b, kb.Delete)
	waitFor(t, b, fmt.Sprintf(`document.getElementById("selected").dataset.id === %s`, jsString(next)))
	waitFor(t, b, entryInView(next))
	if !waitShort(b, selectedAboveSheet) {
		t.Errorf("after Delete the next annotation is selected and its entry shown, but in the article it is out of view: %s",
			evalJS[string](t, b, `(() => { const s = [...(CSS.highlights.get("selected") || [])][0]; if (!s) return "not near the view"; const r = s.getBoundingClientRect(); return "at " + Math.round(r.top) + "–" + Math.round(r.bottom) + " px, the sheet from " + Math.round(document.querySelector(".workspace > .sidebar").getBoundingClientRect().top) + " px"; })()`))
	}
}
