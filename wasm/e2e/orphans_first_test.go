//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// writeOrphanExport writes an export of the benchmarks' article of 50,000
// words with 2,000 annotations, orphans of which have words that the
// article does not hold (so that the import cannot place them), and
// returns its path.
func writeOrphanExport(t *testing.T, orphans int) string {
	t.Helper()
	return writeOrphanExportOf(t, benchWords, 1000, benchAnnotations, orphans)
}

// writeOrphanExportOf writes such an export of an article of words in
// paragraphs, with annotations, orphans of them, and returns its path.
func writeOrphanExportOf(t *testing.T, words, paragraphs, annotations, orphans int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "orphans.annotations.json")
	writeSyntheticExport(t, path, words, paragraphs, annotations)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	anns := f["annotations"].([]any)
	for i := 0; i < orphans; i++ {
		a := anns[i*len(anns)/orphans].(map[string]any)
		a["exact"] = fmt.Sprintf("words that were never in the article, number %d", i)
	}
	if data, err = json.Marshal(f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOrphansInSight: an export of 2,000 annotations, 300 of which cannot
// be placed, lists its orphans where the annotator sees them, under the
// sidebar's head with the sidebar at its top, as the import's message
// says; they were below the list of 1,700 entries, some 136,000 pixels
// down the sidebar.
func TestOrphansInSight(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExport(t, 300))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 300`)
	waitFor(t, b, `document.getElementById("annotations-title").textContent === "Annotations (1700)"`)
	settle(t, b)
	evalJS[bool](t, b, `(document.querySelector(".sidebar").scrollTop = 0, true)`)
	inSight := `(() => {
		const box = document.querySelector(".sidebar").getBoundingClientRect(), head = document.querySelector(".sidebar-head").getBoundingClientRect();
		const h = document.querySelector("#orphans h3").getBoundingClientRect();
		return h.top >= head.bottom - 0.5 && h.bottom <= Math.min(box.bottom, innerHeight) + 0.5;
	})()`
	waitFor(t, b, inSight)
}

// TestDropOrphanTouchesItsRow: with 300 orphans listed, dropping one
// changes the page's list by its row and the count in its heading, not
// by every row after it: go-app compares a list by position, so that the
// orphans after the one dropped were each written anew (889 changes of
// the page for one drop).
func TestDropOrphanTouchesItsRow(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExport(t, 300))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 300`)
	settle(t, b)
	evalJS[bool](t, b, `(() => {
		window.__orphanChanges = 0;
		new MutationObserver((l) => { for (const r of l) __orphanChanges += Math.max(1, r.addedNodes.length + r.removedNodes.length); })
			.observe(document.getElementById("orphans"), {subtree: true, childList: true, characterData: true, attributes: true});
		return true;
	})()`)
	kept := evalJS[[]string](t, b, `[...document.querySelectorAll("#orphans li .excerpt")].slice(1).map((e) => e.textContent)`)
	b.run(chromedp.Click(`#orphans li .drop`))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 299 && document.querySelector("#orphans h3").textContent === "Orphans (299)"`)
	settle(t, b)
	if got := evalJS[[]string](t, b, `[...document.querySelectorAll("#orphans li .excerpt")].map((e) => e.textContent)`); !slices.Equal(got, kept) {
		t.Errorf("after the drop the orphans are not the 299 others in order")
	}
	if n := evalJS[int](t, b, `__orphanChanges`); n > 10 {
		t.Errorf("dropping one orphan of 300 changed the page %d times", n)
	}
}

// TestUndoneOrphanComesBackInPlace: dropping, or placing, the second of
// four orphans and pressing Ctrl+Z lists it again where it was, second;
// it came back at the end of the list, away from where the annotator had
// just used its row.
func TestUndoneOrphanComesBackInPlace(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExportOf(t, 2000, 40, 40, 4))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 4`)
	settle(t, b)
	excerpts := `[...document.querySelectorAll("#orphans li .excerpt")].map((e) => e.textContent).join("|")`
	was := evalJS[string](t, b, excerpts)
	b.run(chromedp.Click(`#orphans li:nth-child(2) .drop`))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 3`)
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 4`)
	settle(t, b)
	if got := evalJS[string](t, b, excerpts); got != was {
		t.Errorf("after dropping the second orphan and undoing, the orphans read\n%s\nwant\n%s", got, was)
	}
	selectPhrase(t, b, evalJS[string](t, b, `document.querySelector("article.doc p").textContent.split(" ").slice(1, 3).join(" ")`), 0)
	b.run(chromedp.Click(`#orphans li:nth-child(2) .place`))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 3`)
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 4`)
	settle(t, b)
	if got := evalJS[string](t, b, excerpts); got != was {
		t.Errorf("after placing the second orphan and undoing, the orphans read\n%s\nwant\n%s", got, was)
	}
}
