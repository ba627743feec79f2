//go:build !wasm

package e2e

// This file shows the start's reads made as the page loads
// (web/workspace.js's readEarly, wasm/idb's start.go): a reload reopens
// the document from them, with its annotations and history; and a plan
// that cannot be carried out (no database yet, another layout's version)
// leaves the start to Go, which opens the database as it always did.

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// openedEarly is true once wasm/idb took the database that the page
// opened as it loaded.
const openedEarly = `performance.getEntriesByName("idb:opened-early").length > 0`

func TestStartReadsMadeAsThePageLoads(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	want := tagTwo(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after a reload", want)
	if !evalJS[bool](t, b, openedEarly) {
		t.Error("the reload opened the database from Go: the page's reads, made as it loaded, were not taken")
	}
	// The history came with them: undo takes back the claim, and that is
	// read back, by Go this time, after the next reload.
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitSaved(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after an undo and a reload", want[:1])
	if !evalJS[bool](t, b, openedEarly) {
		t.Error("the second reload opened the database from Go")
	}
}

// planFirst has the page find plan in local storage on its first load
// only, before any of its scripts runs.
func planFirst(t testing.TB, b *browser, plan string) {
	t.Helper()
	b.run(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `(() => {
	if (location.protocol !== "http:" || sessionStorage.getItem("planned")) return;
	sessionStorage.setItem("planned", "1");
	localStorage.setItem("annotator.start", ` + jsString(plan) + `);
})();`})
		return err
	}))
}

// TestStartReadsWithoutADatabase: a plan kept where there is no database
// (the site's IndexedDB cleared alone) must not create one: the page's
// open is undone, and the first start makes the database and the sample
// as always; the next reload takes the page's reads.
func TestStartReadsWithoutADatabase(t *testing.T) {
	srv := appServer(t)
	b := newBrowser(t)
	b.expectNoConsoleErrors()
	planFirst(t, b, `{"name":"annotator","version":1,"reads":[{"op":"get","store":"meta","key":"layout"},{"op":"get","store":"summaries","key":"gone"}]}`)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	if got := text(t, b, "#doc-title"); got != sampleTitle {
		t.Fatalf("the first start shows %q (%q), not the sample", got, text(t, b, "#notice"))
	}
	waitSaved(t, b)
	if evalJS[bool](t, b, openedEarly) {
		t.Error("the first start took a database the page opened, where there was none")
	}
	want := tagTwo(t, b)
	b.run(chromedp.Reload())
	sameWork(t, b, "after a reload", want)
	if !evalJS[bool](t, b, openedEarly) {
		t.Error("the reload opened the database from Go")
	}
}

// TestStartReadsOfAnotherVersion: a plan of another version of the
// database (an older or a newer build's) must neither upgrade the
// database nor keep Go from opening it: the reload shows the work as it
// was, from Go's own reads.
func TestStartReadsOfAnotherVersion(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	want := tagTwo(t, b)
	evalJS[bool](t, b, `localStorage.setItem("annotator.start", JSON.stringify({name: "annotator", version: 2,
		reads: [{op: "get", store: "meta", key: "layout"}]})), true`)
	b.run(chromedp.Reload())
	sameWork(t, b, "after a reload", want)
	if evalJS[bool](t, b, openedEarly) {
		t.Error("the reload took the database the page opened at another version")
	}
	waitForPromise(t, b, `new Promise((ok) => indexedDB.databases().then((dbs) => ok(dbs.some((d) => d.name === "annotator" && d.version === 1))))`)
}

// BenchmarkBrowserStartReads measures, in one browser, reloads that reopen
// the sample with the start's reads made as the page loads and reloads
// without them (the plan taken out of local storage just before: the
// start reads as it did before the reads were made early), alternating,
// from main to the document painted ("annotator:opened") and to the
// workspace open. One build against itself: the two differ only in the
// plan, and the machine's load falls on both alike.
func BenchmarkBrowserStartReads(b *testing.B) {
	br, _ := openApp(b)
	waitStarted(b, br)
	tagTwo(b, br)
	evalJS[bool](b, br, `navigator.serviceWorker.ready.then(() => true)`)
	var opened, ws [2][]float64 // [0] with the reads, [1] without
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range 2 {
			without := (i+k)%2 == 1
			if without {
				evalJS[bool](b, br, `localStorage.removeItem("annotator.start"), true`)
			}
			br.runIn(b, chromedp.Reload())
			waitFor(b, br, `performance.getEntriesByName("annotator:opened").length > 0`)
			t := evalJS[[]float64](b, br, `(() => {
				const m = (n) => { const e = performance.getEntriesByName(n); return e.length ? e[0].startTime : -1; };
				return [m("annotator:main"), m("annotator:workspace"), m("annotator:opened"), m("idb:opened-early")];
			})()`)
			if early := t[3] >= 0; early == without {
				b.Fatalf("reload %d: the reads made early: %v, want %v", i, early, !without)
			}
			j := 0
			if without {
				j = 1
			}
			opened[j] = append(opened[j], t[2]-t[0])
			ws[j] = append(ws[j], t[1]-t[0])
		}
	}
	b.StopTimer()
	reportLatencies(b, opened[0], "main-to-opened-early")
	reportLatencies(b, opened[1], "main-to-opened-late")
	reportLatencies(b, ws[0], "main-to-workspace-early")
	reportLatencies(b, ws[1], "main-to-workspace-late")
}
