//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// panelJS reads the selected annotation's panel and the list's selected
// row and count.
const panelJS = `(() => {
	const p = document.getElementById("selected"), li = document.querySelector("#entries > li.selected");
	return {id: p.hidden ? "" : p.dataset.id, label: document.getElementById("edit-label").value,
		row: li ? li.dataset.id : "", count: document.getElementById("annotations-title").textContent};
})()`

// TestUndoShowsWhatItUndid: on an article of 2,000 annotations, an entry
// chosen in the middle of the list is relabelled, then deleted (the next
// one selected); Ctrl+Z brings it back selected, its panel and its row in
// view as before the delete, and again as before the relabel; Ctrl+Y
// relabels it again, selected. The undo brought the annotation back, or
// changed it, while the panel and the list kept the one the delete had
// selected, so that the annotator could not see what was undone.
func TestUndoShowsWhatItUndid(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openSynthetic(t, b, "two-thousand", benchWords, 1000, benchAnnotations)
	evalJS[bool](t, b, `(() => { const s = document.querySelector(".sidebar"); s.scrollTop = s.scrollHeight / 2; return true; })()`)
	waitFor(t, b, sidebarRowsJS+`.shown > 900`)
	entry := evalJS[map[string]string](t, b, `(() => {
		const place = `+sidebarRowsJS+`.shown, li = document.querySelector('#entries > li[aria-posinset="' + place + '"]');
		return {id: li.dataset.id, label: li.querySelector(".badge").textContent, next: li.nextElementSibling.dataset.id,
			nextLabel: li.nextElementSibling.querySelector(".badge").textContent};
	})()`)
	id := entry["id"]
	b.run(chromedp.Click(`#entry-` + id + ` .entry-main`))
	waitFor(t, b, entryInView(id))
	total := fmt.Sprintf("Annotations (%d)", benchAnnotations)
	want := func(when, id, label, count string) {
		t.Helper()
		waitFor(t, b, fmt.Sprintf(`(() => { const s = %s; return s.id === %s && s.row === s.id && s.label === %s && s.count === %s; })()`,
			panelJS, jsString(id), jsString(label), jsString(count)))
		if when != "relabelled" { // TestRelabelKeepsTheEntryInView
			waitFor(t, b, entryInView(id))
		}
		settle(t, b)
		if got := evalJS[map[string]string](t, b, panelJS); got["id"] != id || got["row"] != id || got["label"] != label || got["count"] != count {
			t.Errorf("%s: the panel and the list show %v, want %s labelled %s and %s", when, got, id, label, count)
		}
	}

	// Relabelled (to the label after its own), then deleted.
	other := map[string]string{"claim": "quote", "quote": "pledge", "pledge": "claim"}[entry["label"]]
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, other[:1])
	want("relabelled", id, other, total)
	press(t, b, kb.Delete)
	want("deleted", entry["next"], entry["nextLabel"], fmt.Sprintf("Annotations (%d)", benchAnnotations-1))

	press(t, b, "z", ctrl)
	want("the delete undone", id, other, total)
	press(t, b, "z", ctrl)
	want("the relabel undone", id, entry["label"], total)
	press(t, b, "y", ctrl)
	want("the relabel redone", id, other, total)
}
