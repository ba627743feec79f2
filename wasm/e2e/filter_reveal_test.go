//go:build !wasm

package e2e

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// entryInView returns a script that tells whether annotation id's row is
// drawn, selected and wholly in the sidebar's view, below its head.
func entryInView(id string) string {
	return fmt.Sprintf(`(() => {
		const li = document.getElementById("entry-" + %s);
		if (!li || !li.classList.contains("selected")) return false;
		const r = li.getBoundingClientRect(), box = li.closest(".sidebar").getBoundingClientRect();
		const head = document.querySelector(".sidebar-head"), below = head ? head.getBoundingClientRect().bottom : 0;
		return r.top >= Math.max(box.top, 0, below) - 0.5 && r.bottom <= Math.min(box.bottom, innerHeight) + 0.5;
	})()`, jsString(id))
}

// TestFilterKeepsTheSelectedInView: on an article of 2,000 annotations,
// an entry chosen in the middle of the list stays in view when the list
// is filtered to its label, and again when it shows all the labels: the
// filters moved the list's rows to its top and left the sidebar scrolled
// where it was, so that All showed other annotations, hundreds of rows
// from the selected one. A filter that hides it shows its list's start.
func TestFilterKeepsTheSelectedInView(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openSynthetic(t, b, "two-thousand", benchWords, 1000, benchAnnotations)
	// The middle of the list, scrolled to, and the entry there chosen.
	evalJS[bool](t, b, `(() => { const s = document.querySelector(".sidebar"); s.scrollTop = s.scrollHeight / 2; return true; })()`)
	waitFor(t, b, sidebarRowsJS+`.shown > 900`)
	settle(t, b)
	entry := evalJS[map[string]string](t, b, `(() => {
		const place = `+sidebarRowsJS+`.shown, li = document.querySelector('#entries > li[aria-posinset="' + place + '"]');
		return {id: li.dataset.id, label: li.querySelector(".badge").textContent, place: String(place)};
	})()`)
	id := entry["id"]
	place, _ := strconv.Atoi(entry["place"])
	clickRow(t, b, place)
	waitFor(t, b, entryInView(id))
	waitFor(t, b, fmt.Sprintf(`document.getElementById("selected").dataset.id === %s`, jsString(id)))

	b.run(chromedp.Click(chromedp.ID("filter-" + entry["label"])))
	waitFor(t, b, fmt.Sprintf(`document.getElementById("filter-%s").getAttribute("aria-pressed") === "true"`, entry["label"]))
	waitFor(t, b, entryInView(id))
	settle(t, b)
	if !evalJS[bool](t, b, entryInView(id)) {
		t.Errorf("filtered to %s, the selected entry is out of view", entry["label"])
	}

	// A filter that hides it shows the start of its list.
	other := map[string]string{"claim": "quote", "quote": "pledge", "pledge": "claim"}[entry["label"]]
	b.run(chromedp.Click(chromedp.ID("filter-" + other)))
	waitFor(t, b, fmt.Sprintf(`document.getElementById("filter-%s").getAttribute("aria-pressed") === "true"`, other))
	waitFor(t, b, rowInView(1))

	b.run(chromedp.Click(chromedp.ID("filter--all")))
	waitFor(t, b, `document.getElementById("filter--all").getAttribute("aria-pressed") === "true"`)
	waitFor(t, b, entryInView(id))
	settle(t, b)
	if !evalJS[bool](t, b, entryInView(id)) {
		t.Errorf("back to all, the selected entry is out of view")
	}
}
