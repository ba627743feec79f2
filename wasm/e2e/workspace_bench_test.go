//go:build !wasm

package e2e

// The workspace's browser benchmarks (issue 8): reopening a 2,000-annotation
// document from IndexedDB on a reload, saving one change of it, showing a
// library of 1,000 documents, importing a batch of real articles, and the
// bytes the browser stores for each. Like app_bench_test.go, they read the
// page's own clock (performance.now(), event time stamps, the app's
// performance marks) and report with b.ReportMetric; nothing here asserts
// a time. Run them with
//
//	go test -count=1 -run '^$' -bench BrowserWorkspace -benchtime 20x ./wasm/e2e/

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// loadProbe runs in every new document of a tab, before the app's own
// scripts: it records every paint of the highlights, the long tasks (over
// 50 ms) of the main thread, and when each IndexedDB read (get, getAll) is
// issued and succeeds, by object store: what the app reads to reopen a
// document is told apart by store, so that the time between two reads is
// the Go work between them.
const loadProbe = `(() => {
	window.__load = {paints: [], long: [], idb: []};
	document.addEventListener("annotator:painted", (e) => __load.paints.push(e.detail));
	try {
		new PerformanceObserver((l) => { for (const e of l.getEntries()) __load.long.push([e.startTime, e.duration]); }).observe({type: "longtask", buffered: true});
	} catch (e) {}
	for (const name of ["get", "getAll"]) {
		const orig = IDBObjectStore.prototype[name];
		IDBObjectStore.prototype[name] = function (...args) {
			const r = orig.apply(this, args), store = this.name;
			__load.idb.push(["req", store, performance.now()]);
			r.addEventListener("success", () => __load.idb.push(["ok", store, performance.now()]));
			return r;
		};
	}
})();`

// addLoadProbe has every document b's tab loads from now on run loadProbe.
func addLoadProbe(t testing.TB, b *browser) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: loadProbe})
		return err
	}))
}

// pageLoad is what one reload of the app took, in milliseconds from the
// start of navigation (the page's clock), and what it showed.
type pageLoad struct {
	Wasm       float64 `json:"wasm"`       // app.wasm received (responseEnd)
	Workspace  float64 `json:"workspace"`  // the store and workspace open ("annotator:workspace")
	DocReq     float64 `json:"docReq"`     // the document's body asked of IndexedDB
	DocOK      float64 `json:"docOK"`      // … and read
	AnnReq     float64 `json:"annReq"`     // its annotations asked (once the body is read)
	AnnOK      float64 `json:"annOK"`      // … and read
	StepReq    float64 `json:"stepReq"`    // its history asked (beside the annotations)
	StepOK     float64 `json:"stepOK"`     // … and read
	MetaReq    float64 `json:"metaReq"`    // the settings asked (beside the annotations)
	MetaOK     float64 `json:"metaOK"`     // … and read, the last time before the Set is built
	LastOK     float64 `json:"lastOK"`     // the last of the four reads seen by the page
	Edited     float64 `json:"edited"`     // "annotator:edited": Edit returned, the Set built
	Rendered   float64 `json:"rendered"`   // "annotator:rendered": go-app rendered the article
	PaintStart float64 `json:"paintStart"` // annotator.paint called
	PaintEnd   float64 `json:"paintEnd"`   // … and returned
	Opened     float64 `json:"opened"`     // "annotator:opened"
	Frame      float64 `json:"frame"`      // the start of the frame that shows the highlights
	Highlights int     `json:"highlights"` // the labels' ranges painted (annotator.highlights)
	LongMax    float64 `json:"longMax"`    // the longest task between workspace and opened
	Early      bool    `json:"early"`      // the reads were made as the page loaded ("idb:opened-early")
}

// reloadApp reloads the app in b, waits until it has opened the document
// kept in the session and painted its highlights, and returns the times.
func reloadApp(t testing.TB, b *browser) pageLoad {
	t.Helper()
	b.runIn(t, chromedp.Reload())
	waitFor(t, b, `window.__load && performance.getEntriesByName("annotator:opened").length > 0 && __load.paints.length > 0`)
	return evalJS[pageLoad](t, b, `(() => {
		const m = (n) => { const e = performance.getEntriesByName(n); return e.length ? e[0].startTime : -1; };
		const w = performance.getEntriesByType("resource").find((r) => r.name.endsWith("/app.wasm"));
		let hl = 0; // the labels' ranges painted, not the overlaps' nor the selection's
		for (const [name, [n]] of Object.entries(annotator.highlights())) if (name !== "overlap" && name !== "selected") hl += n;
		const p = __load.paints[0];
		const ws = m("annotator:workspace"), op = m("annotator:opened");
		// The reads made as the page loaded (web/workspace.js's readEarly)
		// come before the workspace's start: they are looked for from the
		// navigation's.
		const early = m("idb:opened-early") >= 0, from = early ? 0 : ws;
		const ev = __load.idb.filter((e) => e[2] >= from && e[2] <= op);
		const at = (kind, store, from) => { const e = ev.find((e) => e[0] === kind && e[1] === store && e[2] >= from); return e ? e[2] : -1; };
		// Edit reads the body, then asks for the other three at once: each
		// is found from the workspace's start, and the settings by their
		// last read before Edit returned (the start reads them too, on its
		// own).
		const docReq = at("req", "bodies", from), docOK = at("ok", "bodies", docReq);
		const annReq = at("req", "annotations", from), annOK = at("ok", "annotations", annReq);
		const stepReq = at("req", "steps", from), stepOK = at("ok", "steps", stepReq);
		const ed = m("annotator:edited"), metas = ev.filter((e) => e[1] === "meta" && e[2] <= ed);
		const metaOKs = metas.filter((e) => e[0] === "ok"), metaOK = metaOKs.length ? metaOKs[metaOKs.length - 1][2] : -1;
		const metaReqs = metas.filter((e) => e[0] === "req" && e[2] <= metaOK), metaReq = metaReqs.length ? metaReqs[metaReqs.length - 1][2] : -1;
		const lastOK = Math.max(docOK, annOK, stepOK, metaOK);
		const long = __load.long.filter(([s, d]) => s + d > ws && s < op).map(([s, d]) => d);
		return {wasm: w ? w.responseEnd : -1, workspace: ws, docReq, docOK, annReq, annOK, stepReq, stepOK, metaReq, metaOK, lastOK,
			edited: ed, rendered: m("annotator:rendered"), paintStart: p.started, paintEnd: p.ended,
			opened: op, frame: p.frame, highlights: hl, longMax: long.length ? Math.max(...long) : 0, early};
	})()`)
}

// idbRead reads, in the page's own JavaScript, the records that opening
// document id reads (its summary and body, its annotations and history),
// and returns the milliseconds the transaction took, those JSON.parse
// took on the records' JSON, and the JSON's size in bytes (UTF-16 code
// units): the share of a reopen that is IndexedDB's, without Go.
func idbRead(t testing.TB, b *browser) []float64 {
	t.Helper()
	return evalJS[[]float64](t, b, `(async () => {
		const id = JSON.parse(localStorage.getItem("annotator.session")).doc;
		const db = await new Promise((ok, fail) => { const r = indexedDB.open("annotator"); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
		const t0 = performance.now();
		const got = await new Promise((ok, fail) => {
			const tx = db.transaction(["summaries", "bodies", "annotations", "steps"], "readonly");
			const rng = IDBKeyRange.bound([id], [id, []]);
			const rs = [tx.objectStore("summaries").get(id), tx.objectStore("bodies").get(id),
				tx.objectStore("annotations").getAll(rng), tx.objectStore("steps").getAll(rng)];
			tx.oncomplete = () => ok(rs.map((r) => r.result));
			tx.onabort = () => fail(tx.error);
		});
		const t1 = performance.now();
		const jsons = [got[0].json, got[1].json, ...got[2].map((r) => r.json), ...got[3].map((r) => r.json)];
		let size = 0;
		for (const j of jsons) { JSON.parse(j); size += j.length; }
		const t2 = performance.now();
		db.close();
		return [t1 - t0, t2 - t1, size, got[2].length];
	})()`)
}

// BenchmarkBrowserWorkspaceReopen measures a reload of the app whose last
// document is the 50,000-word article with 2,000 annotations, kept in
// IndexedDB: from the start of navigation to the app's own start (its
// store and workspace open), to the article's HTML in the DOM, to the
// highlights painted ("annotator:opened") and to the frame that shows
// them. In the same run, alternating with it, a second browser whose last
// document is the small sample does the same: the app's own start.
func BenchmarkBrowserWorkspaceReopen(b *testing.B) { forEachShape(b, benchWorkspaceReopen) }

func benchWorkspaceReopen(b *testing.B, paragraphs int) {
	big, _ := openApp(b)
	waitStarted(b, big)
	openFile(b, big, benchExport(b, paragraphs))
	waitFor(b, big, fmt.Sprintf(`document.querySelector(".sidebar h2").textContent === "Annotations (%d)"`, benchAnnotations))
	waitSaved(b, big)
	small, _ := openApp(b)
	waitStarted(b, small)
	waitSaved(b, small)
	for _, br := range []*browser{big, small} {
		addLoadProbe(b, br)
		evalJS[bool](b, br, `navigator.serviceWorker.ready.then(() => true)`)
		reloadApp(b, br) // from now on the service worker serves the app
	}
	var (
		bigOpened, bigFrame, bigStart, beyond, longMax                       []float64
		toRead, readDoc, readAll, readAnns, readSteps, readMeta, buildRender []float64
		buildSet, render, prepPaint                                          []float64
		paint, paintToOpened, openedToFrame, wasm                            []float64
		smallOpened, smallFrame, smallStart, smallBeyond                     []float64
		early                                                                int
	)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := reloadApp(b, big)
		if l.Highlights != benchAnnotations {
			b.Fatalf("after the reload the page shows %d highlighted ranges, want %d", l.Highlights, benchAnnotations)
		}
		bigOpened = append(bigOpened, l.Opened)
		bigFrame = append(bigFrame, l.Frame)
		bigStart = append(bigStart, l.Workspace)
		beyond = append(beyond, l.Opened-l.Workspace)
		if l.DocReq < 0 || l.DocOK < 0 || l.AnnReq < 0 || l.AnnOK < 0 || l.StepReq < 0 || l.StepOK < 0 || l.MetaReq < 0 || l.MetaOK < 0 {
			b.Fatalf("a read of the reopen is missing: %+v", l)
		}
		if l.Early {
			early++
		}
		wasm = append(wasm, l.Wasm)
		firstReq := min(l.DocReq, l.AnnReq, l.StepReq, l.MetaReq)
		toRead = append(toRead, firstReq-l.Workspace)
		readDoc = append(readDoc, l.DocOK-l.DocReq)
		// The page sees a read's success only when Go yields: while the
		// HTML is parsed, the reads that ended wait for it.
		readAll = append(readAll, l.LastOK-firstReq)
		readAnns = append(readAnns, l.AnnOK-l.AnnReq)
		readSteps = append(readSteps, l.StepOK-l.StepReq)
		readMeta = append(readMeta, l.MetaOK-l.MetaReq)
		buildRender = append(buildRender, l.PaintStart-l.LastOK)
		buildSet = append(buildSet, l.Edited-l.LastOK)
		render = append(render, l.Rendered-l.Edited)
		prepPaint = append(prepPaint, l.PaintStart-l.Rendered)
		openedToFrame = append(openedToFrame, l.Frame-l.Opened)
		paint = append(paint, l.PaintEnd-l.PaintStart)
		paintToOpened = append(paintToOpened, l.Opened-l.PaintEnd)
		longMax = append(longMax, l.LongMax)

		s := reloadApp(b, small)
		smallOpened = append(smallOpened, s.Opened)
		smallFrame = append(smallFrame, s.Frame)
		smallStart = append(smallStart, s.Workspace)
		smallBeyond = append(smallBeyond, s.Opened-s.Workspace)
	}
	b.StopTimer()
	// The difference of the medians and of the 95th percentiles: the
	// large document against the app's own start with the sample.
	b.ReportMetric(percentile(bigOpened, 50)-percentile(smallOpened, 50), "ms-beyond-sample-p50")
	b.ReportMetric(percentile(bigOpened, 95)-percentile(smallOpened, 95), "ms-beyond-sample-p95")
	reportLatencies(b, bigOpened, "reopen-2000")
	// The share of reloads whose reads were made as the page loaded; the
	// reads' figures below then begin before the workspace's start.
	b.ReportMetric(float64(early)/float64(b.N), "early-reads-share")
	reportLatencies(b, bigFrame, "reopen-2000-frame")
	reportLatencies(b, bigStart, "reopen-2000-workspace")
	reportLatencies(b, beyond, "reopen-2000-beyond-workspace")
	reportLatencies(b, wasm, "reopen-2000-wasm-received")
	// Where the time beyond the app's start goes, in order.
	reportLatencies(b, toRead, "1-workspace-to-read")
	reportLatencies(b, readDoc, "2-idb-read-document")
	reportLatencies(b, readAll, "3-reads-asked-to-last-seen")
	reportLatencies(b, readAnns, "4-annotations-asked-to-seen")
	reportLatencies(b, readSteps, "5-idb-read-history")
	reportLatencies(b, readMeta, "6-idb-read-settings")
	reportLatencies(b, buildRender, "8-last-seen-to-paint")
	reportLatencies(b, buildSet, "8a-decode-build-set")
	reportLatencies(b, render, "8b-render")
	reportLatencies(b, prepPaint, "8c-prepare-paint")
	reportLatencies(b, paint, "9-paint")
	reportLatencies(b, paintToOpened, "10-paint-to-opened")
	reportLatencies(b, openedToFrame, "11-opened-to-frame")
	reportLatencies(b, longMax, "longest-task")
	reportLatencies(b, smallOpened, "reopen-sample")
	reportLatencies(b, smallFrame, "reopen-sample-frame")
	reportLatencies(b, smallStart, "reopen-sample-workspace")
	reportLatencies(b, smallBeyond, "reopen-sample-beyond-workspace")

	// IndexedDB's share: the same records read in JavaScript alone.
	var read, parse []float64
	var size, anns float64
	for range 10 {
		r := idbRead(b, big)
		read, parse, size, anns = append(read, r[0]), append(parse, r[1]), r[2], r[3]
	}
	if anns != benchAnnotations {
		b.Errorf("IndexedDB holds %v annotations of the document, want %d", anns, benchAnnotations)
	}
	reportLatencies(b, read, "idb-read")
	reportLatencies(b, parse, "idb-json-parse")
	b.ReportMetric(size/1e6, "MB-records")
}

// percentile returns the p-th percentile of samples, as reportLatencies
// takes it.
func percentile(samples []float64, p int) float64 {
	if len(samples) == 0 {
		return 0
	}
	s := slices.Clone(samples)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// idbProbe records, in the page, when the main thread issues IndexedDB
// requests (get, put, delete), when a get succeeds and when a read-write
// transaction completes. The wrappers cost a performance.now() each.
const idbProbe = `(() => {
	window.__idb = [];
	const wrap = (proto, name, f) => {
		const orig = proto[name];
		proto[name] = function (...args) { const r = orig.apply(this, args); f(r, this); return r; };
	};
	for (const name of ["put", "delete"]) wrap(IDBObjectStore.prototype, name, () => __idb.push(["req", performance.now(), "write"]));
	wrap(IDBObjectStore.prototype, "get", (r) => {
		__idb.push(["req", performance.now()]);
		r.addEventListener("success", () => __idb.push(["ok", performance.now()]));
	});
	wrap(IDBDatabase.prototype, "transaction", (tx) => {
		if (tx.mode === "readwrite") tx.addEventListener("complete", () => __idb.push(["done", performance.now()]));
	});
	return true;
})()`

// saveTimes is one saved change, in milliseconds of the page's clock.
type saveTimes struct {
	Key      float64 `json:"key"`      // the key press
	Save     float64 `json:"save"`     // "annotator:save": save starts
	Queued   float64 `json:"queued"`   // "annotator:save-queued": Pending done
	Apply    float64 `json:"apply"`    // "annotator:apply": Store.Apply called
	Posted   float64 `json:"posted"`   // "idb:posted": the change posted to the writer
	Answered float64 `json:"answered"` // "idb:answered": the writer's answer arrives
	Applied  float64 `json:"applied"`  // "annotator:applied": Apply returned
	Saved    float64 `json:"saved"`    // "annotator:saved": the queue empty
	MainReqs int     `json:"mainReqs"` // IndexedDB requests the main thread made during Apply
	LongMax  float64 `json:"longMax"`  // the longest task from the key press to saved
	LongSave float64 `json:"longSave"` // … of those that overlap Apply
}

// BenchmarkBrowserWorkspaceSave measures, on the 2,000-annotation article,
// what saving one change costs the main thread: the Editor's Pending, on
// the UI goroutine; the part of Store.Apply before the change is posted
// to the writer, the worker that writes it (encoding the records); and
// the part after the worker's answer arrives (the wake-up). It measures
// them in wall time, from the page's marks, and in the main thread's CPU
// time, from the same marks traced (see traceMarks). Apply's wall time is
// mostly the worker's writing, during which the page runs. In the
// same run it measures the key press → the frame that shows the
// highlight, as BenchmarkBrowserTagging does. It fails when the main
// thread makes an IndexedDB request during Apply: the worker must write.
func BenchmarkBrowserWorkspaceSave(b *testing.B) { forEachShape(b, benchWorkspaceSave) }

func benchWorkspaceSave(b *testing.B, paragraphs int) {
	br := openBenchArticle(b, paragraphs)
	waitSaved(b, br)
	evalJS[bool](b, br, idbProbe)
	evalJS[bool](b, br, `(() => {
		__bench.long = [];
		new PerformanceObserver((l) => { for (const e of l.getEntries()) __bench.long.push([e.startTime, e.duration]); }).observe({type: "longtask"});
		return true;
	})()`)
	logFrames(b, br)
	rng := rand.New(rand.NewSource(int64(b.N) + 7))
	phase := rand.New(rand.NewSource(int64(b.N) + 8))
	var turns keyTurns
	var pending, applyPost, applyWake, toSaved, mainThread, applyWall, writerWait, longMax, longSave []float64
	stopTrace := traceMarks(b, br)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if !evalJS[bool](b, br, randomSelection(rng, `__bench.paints.length = 0;
			__bench.lists.length = 0;
			__bench.listFrames.length = 0;
			__bench.long.length = 0;
			__idb.length = 0;
			for (const m of ["annotator:save", "annotator:save-queued", "annotator:apply", "idb:posted", "idb:answered", "annotator:applied", "annotator:saved"]) performance.clearMarks(m);`)) {
			continue
		}
		settle(b, br)
		before := entryTotal(b, br)
		randomPhase(phase)
		b.StartTimer()
		press(b, br, "c")
		saved := `(__bench.paints.length > 0 && __bench.lists.length > 0 && performance.getEntriesByName("annotator:saved").length > 0)`
		waitFor(b, br, saved+` || document.querySelector("#notice-alert").textContent !== ""`)
		b.StopTimer()
		if entryTotal(b, br) <= before {
			b.Logf("the key press added no annotation: %q", text(b, br, "#notice"))
			b.StartTimer()
			continue
		}
		// The tag was made: an alert seen was an earlier one's.
		waitFor(b, br, saved)
		// Long tasks are reported a little after they end.
		evalJS[bool](b, br, `new Promise(r => setTimeout(() => r(true), 100))`)
		s := evalJS[saveTimes](b, br, `(() => {
			const m = (n) => { const e = performance.getEntriesByName(n); return e.length ? e[0].startTime : -1; };
			const apply = m("annotator:apply"), applied = m("annotator:applied");
			const key = __bench.keys[__bench.keys.length - 1];
			const saved = m("annotator:saved");
			const long = __bench.long.filter(([s, d]) => s + d > key && s < saved);
			const longSave = long.filter(([s, d]) => s + d > apply && s < applied);
			return {key: key, save: m("annotator:save"), queued: m("annotator:save-queued"), apply: apply,
				posted: m("idb:posted"), answered: m("idb:answered"), applied: applied, saved: saved,
				mainReqs: __idb.filter(([k, t]) => k === "req" && t >= apply && t <= applied).length,
				longMax: long.length ? Math.max(...long.map(([, d]) => d)) : 0,
				longSave: longSave.length ? Math.max(...longSave.map(([, d]) => d)) : 0};
		})()`)
		if s.Save < 0 || s.Queued < 0 || s.Apply < 0 || s.Posted < 0 || s.Answered < 0 || s.Applied < 0 {
			b.Fatalf("a mark is missing (no writer?): %+v", s)
		}
		if s.MainReqs > 0 {
			b.Fatalf("the main thread made %d IndexedDB requests while the change was written: the worker did not write it", s.MainReqs)
		}
		turns.add(evalJS[keyTurn](b, br, keyTurnJS))
		pending = append(pending, s.Queued-s.Save)
		applyPost = append(applyPost, s.Posted-s.Apply)
		applyWake = append(applyWake, s.Applied-s.Answered)
		toSaved = append(toSaved, s.Saved-s.Applied)
		mainThread = append(mainThread, (s.Queued-s.Save)+(s.Posted-s.Apply)+(s.Applied-s.Answered))
		applyWall = append(applyWall, s.Applied-s.Apply)
		writerWait = append(writerWait, s.Answered-s.Posted)
		longMax = append(longMax, s.LongMax)
		longSave = append(longSave, s.LongSave)
		b.StartTimer()
	}
	b.StopTimer()
	cpu, wall := threadTimes(stopTrace(), [][2]string{
		{"annotator:save", "annotator:save-queued"},
		{"annotator:apply", "idb:posted"},
		{"idb:answered", "annotator:applied"},
	}, "annotator:saved")
	reportLatencies(b, mainThread, "save-main-thread")
	// The same spans, in the main thread's own time: what the save cost
	// it, without the time the system gave its CPU to other threads.
	reportLatencies(b, cpu, "save-main-thread-cpu")
	b.Logf("traced: %d saves, wall p50 %.1f / p95 %.1f ms", len(wall), percentile(wall, 50), percentile(wall, 95))
	reportLatencies(b, pending, "save-pending")
	reportLatencies(b, applyPost, "apply-to-posted")
	reportLatencies(b, applyWake, "apply-answer-to-return")
	reportLatencies(b, toSaved, "applied-to-saved-mark")
	reportLatencies(b, applyWall, "apply-wall")
	reportLatencies(b, writerWait, "apply-writer-wait")
	turns.report(b)
	reportLatencies(b, longMax, "longest-task")
	reportLatencies(b, longSave, "longest-task-during-apply")
}

// BenchmarkBrowserWorkspaceLibrary measures, with 1,000 documents in the
// library (a JSON Lines batch added through the library's file input),
// the click on the Library button → the library's element in place of the
// article ("Reading the library…") → the listing read ("annotator:library")
// → the table drawn with its first page of rows → the frame that shows it.
func BenchmarkBrowserWorkspaceLibrary(b *testing.B) {
	const docs = 1000
	br, _ := openApp(b)
	waitStarted(b, br)
	showLibrary(b, br)
	br.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batchOf(b, docs, nil)}))
	waitFor(b, br, `document.querySelector("#import-report") !== null`)
	if r := text(b, br, "#import-report"); !strings.Contains(r, "Added 1,000 documents") {
		b.Fatalf("the import report says %q", r)
	}
	waitFor(b, br, `document.querySelector("#library-count").textContent.startsWith("1,001 documents")`)
	toArticle := func() {
		br.run(chromedp.Click(chromedp.ID("library-button")))
		waitFor(b, br, `document.querySelector("#library") === null && document.querySelector("#doc-title") !== null`)
	}
	toArticle()
	evalJS[bool](b, br, `(() => {
		window.__lib = {click: 0, shown: 0, rows: 0, frame: 0};
		document.addEventListener("click", (e) => { if (e.target.closest && e.target.closest("#library-button")) __lib.click = e.timeStamp; }, true);
		new MutationObserver(() => {
			if (__lib.click && !__lib.shown && document.getElementById("library")) __lib.shown = performance.now();
			if (__lib.click && !__lib.rows && document.querySelectorAll("#library-table .library-row").length >= 50) {
				__lib.rows = performance.now();
				requestAnimationFrame(() => { __lib.frame = performance.now(); });
			}
		}).observe(document.body, {childList: true, subtree: true});
		return true;
	})()`)
	var toShown, toMark, toRows, toFrame []float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		evalJS[bool](b, br, `(() => { __lib.click = __lib.shown = __lib.rows = __lib.frame = 0; performance.clearMarks("annotator:library"); return true; })()`)
		evalJS[bool](b, br, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
		b.StartTimer()
		br.run(chromedp.Click(chromedp.ID("library-button")))
		waitFor(b, br, `__lib.frame > 0 && performance.getEntriesByName("annotator:library").length > 0`)
		b.StopTimer()
		t := evalJS[[]float64](b, br, `[performance.getEntriesByName("annotator:library")[0].startTime - __lib.click, __lib.rows - __lib.click, __lib.frame - __lib.click,
			document.querySelectorAll("#library-table .library-row").length, __lib.shown - __lib.click]`)
		if t[3] != 50 {
			b.Fatalf("the library shows %v rows, want its first page of 50", t[3])
		}
		toShown, toMark, toRows, toFrame = append(toShown, t[4]), append(toMark, t[0]), append(toRows, t[1]), append(toFrame, t[2])
		toArticle()
		b.StartTimer()
	}
	b.StopTimer()
	reportLatencies(b, toShown, "click-to-library-element")
	reportLatencies(b, toMark, "click-to-listing")
	reportLatencies(b, toRows, "click-to-rows")
	reportLatencies(b, toFrame, "click-to-frame")

	// The app's own start with 1,001 documents in the library: from its
	// main to the document open last shown again, over reloads.
	var starts []float64
	for range 10 {
		br.run(chromedp.Reload())
		waitStarted(b, br)
		t := evalJS[[]float64](b, br, `["annotator:main", "annotator:opened"].map((n) => performance.getEntriesByName(n)[0].startTime)`)
		starts = append(starts, t[1]-t[0])
	}
	reportLatencies(b, starts, "reload-main-to-opened")
}

// importArticles is how many articles each batch of
// BenchmarkBrowserWorkspaceImport holds.
const importArticles = 300

// corpusBatch writes a JSON Lines batch of n articles made of the corpus
// pages' articles (Readability's extraction of each page: the article as a
// reader keeps it), each made unique with a last paragraph naming its
// copy, and returns its path, its size and the total size of its HTML.
func corpusBatch(b testing.TB, n, round int) (path string, size, html int64) {
	b.Helper()
	pages := testcorpus.Pages(b)
	var buf strings.Builder
	for i := range n {
		p := pages[i%len(pages)]
		data, err := os.ReadFile(filepath.Join(p.Dir, "expected.html"))
		if err != nil {
			b.Fatal(err)
		}
		h := string(data) + fmt.Sprintf("\n<p>Copy %d of round %d of the corpus page %s.</p>\n", i, round, p.Name)
		html += int64(len(h))
		line, err := json.Marshal(map[string]any{
			"id": fmt.Sprintf("r%d-%d", round, i), "title": fmt.Sprintf("%s (%d.%d)", p.Name, round, i),
			"url": fmt.Sprintf("https://news.example/%d/%d/%s", round, i, p.Name), "html": h,
		})
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	path = filepath.Join(b.TempDir(), fmt.Sprintf("corpus-%d.jsonl", round))
	if err := os.WriteFile(path, []byte(buf.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, int64(buf.Len()), html
}

// BenchmarkBrowserWorkspaceImport imports, each iteration, a JSON Lines
// batch of 300 articles of the corpus through the library's file input,
// and measures the file chosen (its change event) → "annotator:imported",
// in MB/s of the batch file and in ms per article. It also reads the
// bytes the origin stores (Storage.getUsageAndQuota) before and after
// each import, and reports the bytes stored per document against the
// size of its HTML; and, of each article's time, how long the writes
// waited for IndexedDB (from a write transaction's first write request to
// its end, over the articles it wrote).
func BenchmarkBrowserWorkspaceImport(b *testing.B) {
	br, srv := openApp(b)
	waitStarted(b, br)
	showLibrary(b, br)
	evalJS[bool](b, br, `(() => {
		window.__imp = {change: 0};
		document.addEventListener("change", (e) => { if (e.target.id === "add-files") __imp.change = e.timeStamp; }, true);
		return true;
	})()`)
	evalJS[bool](b, br, idbProbe)
	type batch struct {
		path       string
		size, html int64
	}
	// Every batch is written before the timer runs; each holds texts of
	// its own, so that none is a duplicate of an earlier one.
	batches := make([]batch, b.N)
	for i := range batches {
		batches[i].path, batches[i].size, batches[i].html = corpusBatch(b, importArticles, i)
	}
	var mbps, perArticle, writeWait, ratio []float64
	var totalStored, totalHTML, totalDocs int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		evalJS[bool](b, br, `(() => { __imp.change = 0; __idb.length = 0; performance.clearMarks("annotator:imported"); return true; })()`)
		usage := originUsage(b, br, srv.URL)
		stop := profileIf(b, br, fmt.Sprintf("import-batch-%d", i))
		b.StartTimer()
		br.run(chromedp.SetUploadFiles(chromedp.ID("add-files"), []string{batches[i].path}))
		waitFor(b, br, `performance.getEntriesByName("annotator:imported").length > 0`)
		b.StopTimer()
		stop()
		ms := evalJS[float64](b, br, `performance.getEntriesByName("annotator:imported")[0].startTime - __imp.change`)
		// The time the documents' writes waited for IndexedDB: from each
		// write transaction's first write request to its completion (the
		// reads that look for a duplicate are transactions of their own).
		wait := evalJS[float64](b, br, `(() => {
			let sum = 0, first = -1;
			for (const [k, t, w] of __idb) {
				if (k === "req" && w === "write" && first < 0) first = t;
				if (k === "done" && first >= 0) { sum += t - first; first = -1; }
			}
			return sum;
		})()`)
		waitFor(b, br, `document.querySelector("#import-report") !== null`)
		if r := text(b, br, "#import-report"); !strings.Contains(r, fmt.Sprintf("Added %d documents", importArticles)) {
			b.Fatalf("the import report says %q", r)
		}
		stored := originUsage(b, br, srv.URL) - usage
		mbps = append(mbps, float64(batches[i].size)/1e6/(ms/1000))
		perArticle = append(perArticle, ms/importArticles)
		writeWait = append(writeWait, wait/importArticles)
		ratio = append(ratio, float64(stored)/float64(batches[i].html))
		totalStored += stored
		totalHTML += batches[i].html
		totalDocs += importArticles
		b.StartTimer()
	}
	b.StopTimer()
	slices.Sort(mbps)
	b.ReportMetric(mbps[len(mbps)/2], "MB/s-p50")
	b.ReportMetric(mbps[len(mbps)*5/100], "MB/s-p5")
	reportLatencies(b, perArticle, "per-article")
	reportLatencies(b, writeWait, "per-article-idb-write")
	b.ReportMetric(float64(batches[0].size)/1e6, "MB-batch")
	b.ReportMetric(float64(totalHTML)/float64(totalDocs)/1e3, "KB-html-per-doc")
	b.ReportMetric(float64(totalStored)/float64(totalDocs)/1e3, "KB-stored-per-doc")
	b.ReportMetric(float64(totalStored)/float64(totalHTML), "stored/html")
	slices.Sort(ratio)
	b.Logf("stored per document: %.1f KB over %d imports (each %.1f–%.1f× its HTML)", float64(totalStored)/float64(totalDocs)/1e3, len(ratio), ratio[0], ratio[len(ratio)-1])
}
