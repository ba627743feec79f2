//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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

// TestOrphansAreOneTabStop: with 30 orphans above the list of
// annotations, Tab passes the orphans in one stop, not at each of their
// 60 Place and Drop buttons; within them ↓ and ↑ move between orphans,
// → and ← between Place and Drop, and Enter presses the button: a drop
// leaves the focus on the orphans, and Place places one on the text
// selected.
func TestOrphansAreOneTabStop(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExportOf(t, 2000, 40, 60, 30))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 30 && document.querySelector("#entries .entry-main") !== null`)
	settle(t, b)
	on := func(sel string) string {
		return fmt.Sprintf(`document.activeElement && document.activeElement.matches(%s)`, jsString(sel))
	}
	// Back from the first entry: one Shift+Tab into the orphans, at the
	// first one's Place, and one more out of them.
	evalJS[bool](t, b, `(document.querySelector("#entries .entry-main").focus(), true)`)
	press(t, b, kb.Tab, shift)
	waitFor(t, b, on(`#orphan-list li:first-child .place`))
	press(t, b, kb.Tab, shift)
	waitFor(t, b, `!document.getElementById("orphans").contains(document.activeElement)`)
	press(t, b, kb.Tab)
	waitFor(t, b, on(`#orphan-list li:first-child .place`))
	press(t, b, kb.Tab)
	waitFor(t, b, on(`#entries .entry-main`))
	press(t, b, kb.Tab, shift)
	waitFor(t, b, on(`#orphan-list li:first-child .place`))

	// Within them: the arrows.
	press(t, b, kb.ArrowDown)
	waitFor(t, b, on(`#orphan-list li:nth-child(2) .place`))
	press(t, b, kb.ArrowRight)
	waitFor(t, b, on(`#orphan-list li:nth-child(2) .drop`))
	press(t, b, kb.End)
	waitFor(t, b, on(`#orphan-list li:last-child .drop`))
	press(t, b, kb.Home)
	waitFor(t, b, on(`#orphan-list li:first-child .drop`))
	press(t, b, kb.ArrowDown)
	stops := `[...document.querySelectorAll("#orphans button, #orphans [tabindex]")].filter((e) => e.tabIndex >= 0 && !e.disabled).length`
	if n := evalJS[int](t, b, stops); n != 1 {
		t.Errorf("the orphans hold %d Tab stops, want 1", n)
	}
	auditA11y(t, b, "30 orphans listed, one Tab stop")
	// Each button says, besides its name, which orphan it acts on: the
	// arrows go from Place to Place, and "Place, button" thirty times
	// told a screen reader's user nothing of the orphan.
	if bad := evalJS[[]string](t, b, `[...document.querySelectorAll("#orphan-list button")].filter((e) => {
		const li = e.closest("li");
		const said = (e.getAttribute("aria-describedby") || "").split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || "").join(" ");
		return !["Place", "Drop"].includes(e.textContent) || !said.includes(li.querySelector(".badge").textContent) || !said.includes(li.querySelector(".excerpt").textContent);
	}).map((e) => e.closest("li").querySelector(".excerpt").textContent + " " + e.textContent)`); len(bad) > 0 {
		t.Errorf("%d orphan buttons do not say which orphan they act on: %q", len(bad), bad[:min(len(bad), 3)])
	}

	// Enter drops the second; the focus stays on the orphans, at the
	// Drop of the one now second.
	second := text(t, b, "#orphan-list li:nth-child(2) .excerpt")
	press(t, b, kb.Enter)
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 29`)
	waitFor(t, b, on(`#orphan-list li:nth-child(2) .drop`))
	if got := text(t, b, "#orphan-list li:nth-child(2) .excerpt"); got == second {
		t.Errorf("Enter on Drop did not drop %s", second)
	}
	if n := evalJS[int](t, b, stops); n != 1 {
		t.Errorf("after a drop the orphans hold %d Tab stops, want 1", n)
	}

	// Place, on text selected in the article.
	entries := entryCount(t, b)
	selectPhrase(t, b, evalJS[string](t, b, `document.querySelector("article.doc p").textContent.split(" ").slice(1, 3).join(" ")`), 0)
	press(t, b, kb.ArrowLeft)
	waitFor(t, b, on(`#orphan-list li:nth-child(2) .place`))
	press(t, b, kb.Enter)
	waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#orphans li").length === 28 && document.querySelectorAll("#entries > li").length > %d`, entries))
	waitFor(t, b, on(`#orphan-list li:nth-child(2) .place`))
}

// TestOrphansKeepTheirOrderAfterReload: the orphans listed after a reload
// are in the order they were listed in before it; they came back in the
// order of their ids.
func TestOrphansKeepTheirOrderAfterReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExportOf(t, 2000, 40, 40, 8))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 8`)
	waitSaved(t, b)
	excerpts := `[...document.querySelectorAll("#orphans li .excerpt")].map((e) => e.textContent).join("|")`
	was := evalJS[string](t, b, excerpts)
	b.run(chromedp.Reload())
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 8`)
	settle(t, b)
	if got := evalJS[string](t, b, excerpts); got != was {
		t.Errorf("after a reload the orphans read\n%s\nwant, as before it,\n%s", got, was)
	}
}

// TestDeleteOnAnOrphanDropsIt: Delete (or Backspace) with the focus on an
// orphan drops that orphan, as Delete on the list's selected entry
// deletes that one; it deleted the annotation selected in the list,
// which the annotator on the orphans was not looking at.
func TestDeleteOnAnOrphanDropsIt(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExportOf(t, 2000, 40, 40, 4))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 4 && document.querySelector("#entries .entry-main") !== null`)
	settle(t, b)
	entries := evalJS[string](t, b, `document.querySelector("#annotations-title").textContent`)
	press(t, b, "]")
	waitFor(t, b, `document.querySelector("#entries li.selected") !== null`)
	evalJS[bool](t, b, `(document.querySelector("#orphan-list li:nth-child(2) .drop").focus(), true)`)
	second := text(t, b, "#orphan-list li:nth-child(2) .excerpt")
	for i, key := range []string{kb.Delete, kb.Backspace} {
		name := map[string]string{kb.Delete: "Delete", kb.Backspace: "Backspace"}[key]
		press(t, b, key)
		waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#orphans li").length === %d || document.querySelector("#annotations-title").textContent !== %s`, 3-i, jsString(entries)))
		settle(t, b)
		if got := evalJS[string](t, b, `document.querySelector("#annotations-title").textContent`); got != entries {
			t.Fatalf("%s on an orphan changed the annotations: %s, then %s", name, entries, got)
		}
		if n := evalJS[int](t, b, `document.querySelectorAll("#orphans li").length`); n != 3-i {
			t.Fatalf("%s on an orphan left %d orphans, want %d", name, n, 3-i)
		}
		if !evalJS[bool](t, b, `document.getElementById("orphans").contains(document.activeElement)`) {
			t.Errorf("after %s the focus left the orphans", name)
		}
	}
	if got := text(t, b, "#orphan-list"); strings.Contains(got, second) {
		t.Errorf("Delete dropped another orphan than the one focused, %s", second)
	}
}

// TestChangeLeavesTheOrphansAlone: a change of the annotations (a tag)
// leaves the list of orphans alone. After every change, Go built the 300
// orphans' ids and handed them to the page, which walked the 300 rows to
// find nothing to do.
func TestChangeLeavesTheOrphansAlone(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExport(t, 300))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 300`)
	settle(t, b)
	n := evalJS[int](t, b, `Number(document.getElementById("annotations-title").textContent.match(/\d+/)[0])`)
	evalJS[bool](t, b, `(() => {
		window.__setOrphans = 0;
		const set = window.annotator.setOrphans;
		window.annotator.setOrphans = (...args) => { __setOrphans++; return set(...args); };
		return true;
	})()`)
	selectPhrase(t, b, "thousand", 0)
	press(t, b, "c")
	waitFor(t, b, fmt.Sprintf(`document.getElementById("annotations-title").textContent === "Annotations (%d)"`, n+1))
	settle(t, b)
	if calls := evalJS[int](t, b, `__setOrphans`); calls != 0 {
		t.Errorf("a tag handed the page the 300 orphans %d times; want none", calls)
	}
	if got := evalJS[int](t, b, `document.querySelectorAll("#orphans li").length`); got != 300 {
		t.Errorf("after the tag the page lists %d orphans, want 300", got)
	}
}

// TestOrphansKeepTheirStopOnRedraw: the orphans' one Tab stop stays on
// the orphan the annotator was on when the sidebar is drawn again (a
// filter by label, an undo) or anew (back from the library, where go-app
// draws the list anew, empty): it went back to the first orphan's Place,
// and Shift+Tab into the orphans started over from the top of 30.
func TestOrphansKeepTheirStopOnRedraw(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExportOf(t, 2000, 40, 60, 30))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 30 && document.querySelector("#entries .entry-main") !== null`)
	settle(t, b)
	on := func(sel string) string {
		return fmt.Sprintf(`document.activeElement && document.activeElement.matches(%s)`, jsString(sel))
	}
	evalJS[bool](t, b, `(document.querySelector("#orphan-list li:first-child .place").focus(), true)`)
	press(t, b, kb.ArrowDown)
	press(t, b, kb.ArrowDown)
	press(t, b, kb.ArrowRight)
	waitFor(t, b, on(`#orphan-list li:nth-child(3) .drop`))
	stop := `(() => { const s = document.querySelectorAll('#orphan-list button[tabindex="0"]'); return s.length === 1 ? s[0].closest("li").querySelector(".excerpt").textContent + " " + s[0].textContent : s.length + " stops"; })()`
	want := evalJS[string](t, b, stop)
	check := func(after string) {
		t.Helper()
		if got := evalJS[string](t, b, stop); got != want {
			t.Errorf("%s the orphans' stop is %q, want %q", after, got, want)
		}
		evalJS[bool](t, b, `(document.querySelector("#entries .entry-main").focus(), true)`)
		press(t, b, kb.Tab, shift)
		waitFor(t, b, `document.getElementById("orphans").contains(document.activeElement)`)
		if got := evalJS[string](t, b, `document.activeElement.closest("li").querySelector(".excerpt").textContent + " " + document.activeElement.textContent`); got != want {
			t.Errorf("%s Shift+Tab into the orphans reached %q, want %q", after, got, want)
		}
	}

	evalJS[bool](t, b, `(document.getElementById("filter-quote").focus(), true)`)
	press(t, b, kb.Enter)
	waitFor(t, b, `document.getElementById("filter-quote").getAttribute("aria-pressed") === "true"`)
	settle(t, b)
	check("after a filter by label")

	evalJS[bool](t, b, `(document.getElementById("filter--all").focus(), true)`)
	press(t, b, kb.Enter)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("#library-table") !== null`)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 30 && document.querySelector("#entries .entry-main") !== null`)
	settle(t, b)
	check("back from the library")

	tagPhrase(t, b, evalJS[string](t, b, `document.querySelector("article.doc p").textContent.split(" ").slice(1, 3).join(" ")`), "c")
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Undid")`)
	settle(t, b)
	check("after an undo")
}

// TestDatasetSaysItsOrphansAreLeftOut: a library whose document has 3
// orphans (listed "3 unplaced"), exported as the dataset and as CSV: the
// formats have no place for an annotation without a place in the text,
// and the message said only "Downloaded …: 1 document", the 3 left out in
// silence. It says they are not in the file, and what keeps them.
func TestDatasetSaysItsOrphansAreLeftOut(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	openFile(t, b, writeOrphanExportOf(t, 400, 10, 20, 3))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 3`)
	waitSaved(t, b)
	showLibrary(t, b)
	waitFor(t, b, `[...document.querySelectorAll("#library-table .library-counts")].some(c => c.textContent.includes("3 unplaced"))`)
	for _, f := range []struct{ format, pattern string }{{"jsonl", "dataset-*.jsonl"}, {"csv", "annotations-*.csv"}} {
		chooseExportFormat(t, b, f.format)
		downloadFile(t, b, f.pattern, chromedp.Click(chromedp.ID("export-all")))
		if !tryWait(b, `document.querySelector("#notice").textContent.includes("3 unplaced annotations are not in it")`) {
			t.Errorf("%s: the message is %q, want the 3 unplaced annotations said to be left out", f.format, text(t, b, "#notice"))
		}
	}
}
