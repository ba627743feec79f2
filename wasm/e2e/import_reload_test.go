//go:build !wasm

package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// importNoted is JavaScript: whether local storage notes a running import
// of what (web/workspace.js, importBegan).
func importNoted(what string) string {
	return `Object.keys(localStorage).some((k) => k.startsWith("annotator:import:") && localStorage.getItem(k) === ` + jsString(what) + `)`
}

// TestImportStoppedByAReloadIsSaid: while an import runs, the browser
// notes its name, and its end takes it away; a start that finds it noted
// with no tab running it (the tab reloaded in the middle of an import)
// says that the import stopped and how to bring in the rest. The library
// held what the import had added, and nothing said that the rest was not
// there.
func TestImportStoppedByAReloadIsSaid(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 1500, nil)}))
	waitFor(t, b, `document.querySelector("#import-progress") !== null && `+importNoted("batch.jsonl"))
	waitFor(t, b, `document.querySelector("#import-report") !== null`)
	if evalJS[bool](t, b, importNoted("batch.jsonl")) {
		t.Errorf("after the import its name is still noted")
	}
	// The reload itself is not the test's (a reload in the middle of an
	// import asks first, and the test's browser answers no): the start
	// finds what the reload would have left, and no lock held.
	evalJS[bool](t, b, `(localStorage.setItem("annotator:import:reloaded", "batch.jsonl"), true)`)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("stopped before its end")`)
	if said := text(t, b, "#notice"); !strings.Contains(said, "The import of batch.jsonl stopped before its end, when its tab was reloaded or closed") || !strings.Contains(said, "Add the same files again") {
		t.Errorf("the start says %q", said)
	}
	b.run(chromedp.Reload())
	waitStarted(t, b)
	settle(t, b)
	if said := text(t, b, "#notice"); strings.Contains(said, "stopped before its end") {
		t.Errorf("the next start says it again: %q", said)
	}
}

// TestImportStoppedByACrashIsSaidInANewTab: a tab that crashes (or is
// closed) in the middle of an import of 200 articles takes its session
// storage with it, and a new tab said nothing of the articles not
// imported. A tab opened while the import runs says nothing: the import
// is not stopped. After the crash, a new tab says it, and the library
// holds every article that was stored, whole.
func TestImportStoppedByACrashIsSaidInANewTab(t *testing.T) {
	b, srv := openApp(t)
	waitStarted(t, b)
	waitSaved(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(t, 200, nil)}))
	waitFor(t, b, `document.querySelector("#import-progress") !== null && `+importNoted("batch.jsonl"))
	// Another tab, opened while the import runs.
	other := b.newTab(t)
	openAppAt(t, other, srv.URL+"/")
	waitStarted(t, other)
	settle(t, other)
	if evalJS[bool](t, b, `document.querySelector("#import-report") !== null`) {
		t.Skip("the import ended before the crash; the machine is faster than this test")
	}
	if said := text(t, other, "#notice"); strings.Contains(said, "stopped") {
		t.Errorf("a tab opened while another imports says %q", said)
	}
	// Crash once some of the articles are stored, before the end.
	for start := time.Now(); !evalJS[bool](t, b, idbEdit(`const r = tx.objectStore("summaries").count(); r.onsuccess = () => { out = r.result > 2; };`)); {
		if time.Since(start) > browserTimeout {
			t.Fatal("no article of the import was stored")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if evalJS[bool](t, b, `document.querySelector("#import-report") !== null`) {
		t.Skip("the import ended before the crash; the machine is faster than this test")
	}
	b.crashTab(t)
	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("stopped before its end")`)
	if said := text(t, tab, "#notice"); !strings.Contains(said, "The import of batch.jsonl stopped before its end") {
		t.Errorf("a new tab after the crash says %q", said)
	}
	type check struct {
		Summaries         int
		NoBody, NoSummary []string
	}
	c := evalJS[check](t, tab, idbEdit(`
		const sums = tx.objectStore("summaries").getAllKeys(), bodies = tx.objectStore("bodies").getAllKeys();
		bodies.onsuccess = () => {
			const s = new Set(sums.result), b = new Set(bodies.result);
			out = {Summaries: s.size, NoBody: [...s].filter((id) => !b.has(id)), NoSummary: [...b].filter((id) => !s.has(id))};
		};`))
	if len(c.NoBody)+len(c.NoSummary) > 0 || c.Summaries >= 201 {
		t.Errorf("after a crash in an import of 200 articles the library holds %d documents, summaries without their body %v, bodies without their summary %v", c.Summaries, c.NoBody, c.NoSummary)
	}
}
