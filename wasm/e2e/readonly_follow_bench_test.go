//go:build !wasm

package e2e

import (
	"fmt"
	"math/rand"
	"testing"
)

// BenchmarkBrowserReadOnlyFollow measures, on the 50,000-word article of
// 2,000 annotations (1,000 paragraphs), a tag made in the tab that edits
// it until a second tab that shows it read-only shows it: the timed span
// is the key press in the first tab to the "annotator:followed" mark in
// the second. Reported beside it: the second tab's own read and show
// (its marks "annotator:follow-read" to "annotator:followed": the change
// announced applied to its Set and what it touched painted, or, when it
// cannot be, the document read again from IndexedDB and drawn again),
// and its longest task in that time.
func BenchmarkBrowserReadOnlyFollow(b *testing.B) {
	editing, tab := readOnlyPair(b)
	rng := rand.New(rand.NewSource(int64(b.N) + 11))
	var read, longest []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if !evalJS[bool](b, editing, randomSelection(rng, "")) {
			continue
		}
		settle(b, tab)
		n := evalJS[int](b, tab, `performance.getEntriesByName("annotator:followed").length`)
		want := entryTotal(b, editing) + 1
		b.StartTimer()
		press(b, editing, "c")
		waitFor(b, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:followed").length > %d && parseInt(document.querySelector(".sidebar h2").textContent.replace(/\D/g, ""), 10) === %d`, n, want))
		b.StopTimer()
		// Long tasks are reported a little after they end.
		evalJS[bool](b, tab, `new Promise(r => setTimeout(() => r(true), 100))`)
		s := evalJS[[2]float64](b, tab, `(() => {
			const r = performance.getEntriesByName("annotator:follow-read"), f = performance.getEntriesByName("annotator:followed");
			const from = r[r.length - 1].startTime, to = f[f.length - 1].startTime;
			const long = __long.filter(([s, d]) => s + d > from && s < to + 50);
			return [to - from, long.length ? Math.max(...long.map(([, d]) => d)) : 0];
		})()`)
		read = append(read, s[0])
		longest = append(longest, s[1])
		b.StartTimer()
	}
	b.StopTimer()
	reportLatencies(b, read, "follow-read-and-show")
	reportLatencies(b, longest, "follow-longest-task")
}

// BenchmarkBrowserReadOnlyRename measures, on the same article, a rename
// made in the library of the tab that edits it, as the tab that shows it
// read-only takes it: from that tab's "annotator:changed-elsewhere" mark
// (the announcement heard) to its title line saying the new title, its
// longest task in the 300 ms after the mark, and how many times it read
// the whole document again for the rename ("annotator:follow-reread"),
// with how long that took, to the document shown again.
func BenchmarkBrowserReadOnlyRename(b *testing.B) {
	editing, tab := readOnlyPair(b)
	title := text(b, tab, "#doc-title")
	showLibrary(b, editing)
	evalJS[bool](b, tab, `(() => {
		window.__titled = [];
		new MutationObserver(() => __titled.push([performance.now(), document.querySelector("#doc-title").textContent]))
			.observe(document.querySelector("#doc-title"), {childList: true, subtree: true, characterData: true});
		return true;
	})()`)
	var shown, longest, reading []float64
	rereads := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		to := fmt.Sprintf("Renamed %d", i)
		settle(b, tab)
		heard := evalJS[int](b, tab, `performance.getEntriesByName("annotator:changed-elsewhere").length`)
		reread := evalJS[int](b, tab, `performance.getEntriesByName("annotator:follow-reread").length`)
		b.StartTimer()
		renameInLibrary(b, editing, title, to)
		waitFor(b, tab, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s && performance.getEntriesByName("annotator:changed-elsewhere").length > %d`, jsString(to), heard))
		b.StopTimer()
		// What the rename set going in the read-only tab, and the long
		// tasks, reported a little after they end.
		evalJS[bool](b, tab, `new Promise(r => setTimeout(() => r(true), 300))`)
		s := evalJS[[3]float64](b, tab, fmt.Sprintf(`(() => {
			const m = performance.getEntriesByName("annotator:changed-elsewhere"), from = m[%d].startTime;
			const t = __titled.find(([at, text]) => at >= from && text === %s);
			const long = __long.filter(([s, d]) => s + d > from && s < from + 300);
			// A read of the whole document: from its mark to the next
			// "annotator:followed", the document shown again.
			const reads = performance.getEntriesByName("annotator:follow-reread").filter((e) => e.startTime >= from);
			const shown = performance.getEntriesByName("annotator:followed");
			let reading = 0;
			for (const r of reads) {
				const end = shown.find((e) => e.startTime >= r.startTime);
				if (end) reading += end.startTime - r.startTime;
			}
			return [t ? t[0] - from : -1, long.length ? Math.max(...long.map(([, d]) => d)) : 0, reading];
		})()`, heard, jsString(to)))
		if s[0] >= 0 {
			shown = append(shown, s[0])
		}
		longest = append(longest, s[1])
		reading = append(reading, s[2])
		rereads += evalJS[int](b, tab, `performance.getEntriesByName("annotator:follow-reread").length`) - reread
		title = to
		b.StartTimer()
	}
	b.StopTimer()
	reportLatencies(b, shown, "rename-heard-to-shown")
	reportLatencies(b, longest, "rename-longest-task")
	reportLatencies(b, reading, "rename-reread")
	b.ReportMetric(float64(rereads)/float64(b.N), "rereads/op")
}

// BenchmarkBrowserReadOnlyShownAgain measures, on the same article, a
// read-only tab shown again after the editing tab made three tags while it
// was hidden: from its "annotator:page-shown" mark to its
// "annotator:followed" (the tags shown), its longest task in that time,
// and how many times it read the whole document again.
func BenchmarkBrowserReadOnlyShownAgain(b *testing.B) {
	editing, tab := readOnlyPair(b)
	rng := rand.New(rand.NewSource(int64(b.N) + 13))
	// The first tag after the import's whole write is read whole by the
	// read-only tab, whatever it does: made before the loop.
	for !evalJS[bool](b, editing, randomSelection(rng, "")) {
	}
	want := entryTotal(b, editing) + 1
	press(b, editing, "c")
	waitFor(b, tab, fmt.Sprintf(`parseInt(document.querySelector(".sidebar h2").textContent.replace(/\D/g, ""), 10) === %d`, want))
	var shown, longest []float64
	rereads := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		setHidden(b, tab, true)
		heard := evalJS[int](b, tab, `performance.getEntriesByName("annotator:changed-elsewhere").length`)
		reread := evalJS[int](b, tab, `performance.getEntriesByName("annotator:follow-reread").length`)
		for range 3 {
			for !evalJS[bool](b, editing, randomSelection(rng, "")) {
			}
			want = entryTotal(b, editing) + 1
			press(b, editing, "c")
			waitFor(b, editing, fmt.Sprintf(`parseInt(document.querySelector(".sidebar h2").textContent.replace(/\D/g, ""), 10) === %d`, want))
		}
		waitSaved(b, editing)
		waitFor(b, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:changed-elsewhere").length >= %d`, heard+3))
		b.StartTimer()
		setHidden(b, tab, false)
		waitFor(b, tab, fmt.Sprintf(`parseInt(document.querySelector(".sidebar h2").textContent.replace(/\D/g, ""), 10) === %d`, want))
		b.StopTimer()
		evalJS[bool](b, tab, `new Promise(r => setTimeout(() => r(true), 100))`)
		s := evalJS[[2]float64](b, tab, `(() => {
			const p = performance.getEntriesByName("annotator:page-shown"), from = p[p.length - 1].startTime;
			const f = performance.getEntriesByName("annotator:followed").filter((e) => e.startTime >= from);
			const to = f.length ? f[f.length - 1].startTime : from;
			const long = __long.filter(([s, d]) => s + d > from && s < to + 50);
			return [to - from, long.length ? Math.max(...long.map(([, d]) => d)) : 0];
		})()`)
		shown = append(shown, s[0])
		longest = append(longest, s[1])
		rereads += evalJS[int](b, tab, `performance.getEntriesByName("annotator:follow-reread").length`) - reread
		b.StartTimer()
	}
	b.StopTimer()
	reportLatencies(b, shown, "shown-to-followed")
	reportLatencies(b, longest, "shown-longest-task")
	b.ReportMetric(float64(rereads)/float64(b.N), "rereads/op")
}

// readOnlyPair opens the benchmarks' article of 2,000 annotations on
// 1,000 paragraphs in a tab that edits it, and a second tab that shows it
// read-only, which records its long tasks in __long ([start, duration]).
func readOnlyPair(b *testing.B) (editing, tab *browser) {
	b.Helper()
	editing = openBenchArticle(b, 1000)
	waitSaved(b, editing)
	url := evalJS[string](b, editing, `location.origin + "/"`)
	tab = editing.newTab(b)
	openReadOnly(b, tab, url)
	waitFor(b, tab, fmt.Sprintf(`document.querySelector(".sidebar h2").textContent === "Annotations (%d)"`, benchAnnotations))
	evalJS[bool](b, tab, `(() => {
		window.__long = [];
		new PerformanceObserver((l) => { for (const e of l.getEntries()) __long.push([e.startTime, e.duration]); }).observe({type: "longtask"});
		return true;
	})()`)
	return editing, tab
}
