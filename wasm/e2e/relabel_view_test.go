//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRelabelKeepsTheEntryInView: on an article of 2,000 annotations, a
// claim chosen at the top of the sidebar's view and relabelled a quote
// keeps its entry in view. The panel above the list, in the sidebar's
// head that stays at its top, grows a field for the quote's speaker, and
// the head covered the entry it had just been chosen from.
func TestRelabelKeepsTheEntryInView(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openSynthetic(t, b, "two-thousand", benchWords, 1000, benchAnnotations)
	evalJS[bool](t, b, `(() => { const s = document.querySelector(".sidebar"); s.scrollTop = s.scrollHeight / 2; return true; })()`)
	waitFor(t, b, sidebarRowsJS+`.shown > 900`)
	settle(t, b)
	// The first claim wholly in view, right under the head.
	topClaim := `(() => {
		const box = document.querySelector(".sidebar").getBoundingClientRect(), below = document.querySelector(".sidebar-head").getBoundingClientRect().bottom;
		const li = [...document.querySelectorAll("#entries > li.label-claim")].find((li) => {
			const r = li.getBoundingClientRect();
			return r.top >= below && r.bottom <= Math.min(box.bottom, innerHeight);
		});
		return li ? li.dataset.id : "";
	})()`
	id := evalJS[string](t, b, topClaim)
	if id == "" {
		t.Fatal("no claim in view")
	}
	b.run(chromedp.Click(`#entry-` + id + ` .entry-main`))
	waitFor(t, b, entryInView(id))
	settle(t, b)
	// Again, with the panel shown: the first claim under the head.
	if id = evalJS[string](t, b, topClaim); id == "" {
		t.Fatal("no claim in view")
	}
	b.run(chromedp.Click(`#entry-` + id + ` .entry-main`))
	waitFor(t, b, entryInView(id))
	settle(t, b)

	press(t, b, "q") // on the entry, with no text selected: a relabel
	waitFor(t, b, `document.getElementById("edit-label").value === "quote" && !document.getElementById("edit-speaker").closest("label").hidden`)
	waitFor(t, b, entryInView(id))
	settle(t, b)
	if !evalJS[bool](t, b, entryInView(id)) {
		t.Error("relabelled a quote, the selected entry is under the sidebar's head")
	}
}
