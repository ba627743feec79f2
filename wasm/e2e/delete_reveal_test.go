//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestDeleteRevealsTheNextEntry: on an article of 2,000 annotations, an
// entry chosen in the middle of the list, the sidebar then scrolled to
// its top (the reader looked at other entries), and Delete pressed: the
// annotation after the deleted one is selected, and its entry is drawn
// and scrolled into view, as any other selection's is. The list stayed
// where the reader had left it, the selected entry out of sight.
func TestDeleteRevealsTheNextEntry(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openSynthetic(t, b, "two-thousand", benchWords, 1000, benchAnnotations)
	evalJS[bool](t, b, `(() => { const s = document.querySelector(".sidebar"); s.scrollTop = s.scrollHeight / 2; return true; })()`)
	waitFor(t, b, sidebarRowsJS+`.shown > 900`)
	ids := evalJS[[]string](t, b, `(() => {
		const place = `+sidebarRowsJS+`.shown, li = document.querySelector('#entries > li[aria-posinset="' + place + '"]');
		return [li.dataset.id, li.nextElementSibling.dataset.id];
	})()`)
	b.run(chromedp.Click(`#entry-` + ids[0] + ` .entry-main`))
	waitFor(t, b, entryInView(ids[0]))

	// Scrolled away, to the list's start.
	evalJS[bool](t, b, `(document.querySelector(".sidebar").scrollTop = 0, true)`)
	waitFor(t, b, sidebarRowsJS+`.first === 1`)
	settle(t, b)
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, kb.Delete)
	waitFor(t, b, fmt.Sprintf(`document.getElementById("annotations-title").textContent === "Annotations (%d)"`, benchAnnotations-1))
	waitFor(t, b, fmt.Sprintf(`document.getElementById("selected").dataset.id === %s`, jsString(ids[1])))
	waitFor(t, b, entryInView(ids[1]))
}
