//go:build js && wasm

package idb_test

// These tests run in a browser (wasm/e2e's TestIndexedDBStore builds them
// and runs them in headless Chromium): the Store conformance suite on a
// fresh database per subtest, the errors the browser can cause, and the
// benchmarks of the writes and reads the app makes. The one rule: every
// database a test opens has a name of its own and is deleted after.

import (
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"
	"syscall/js"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
	"github.com/newsannotator/annotator/annotate/workspace/storetest"
	"github.com/newsannotator/annotator/wasm/idb"
)

var dbCount atomic.Int64

// dbName returns a database name no other test uses.
func dbName() string {
	return fmt.Sprintf("idb-test-%d-%d", time.Now().UnixNano(), dbCount.Add(1))
}

// openStore opens a fresh database, closed and deleted when tb ends.
func openStore(tb testing.TB) (*idb.Store, string) {
	tb.Helper()
	name := dbName()
	s, err := idb.Open(name)
	if err != nil {
		tb.Fatalf("Open(%s): %v", name, err)
	}
	tb.Cleanup(func() {
		s.Close()
		if err := idb.Delete(name); err != nil {
			tb.Errorf("Delete(%s): %v", name, err)
		}
	})
	return s, name
}

func TestStore(t *testing.T) {
	if helperMissing("startWriter") {
		t.Fatal("the page has no annotator.startWriter: the runner must load web/workspace.js, or the worker's writes go untested")
	}
	storetest.Run(t, func(t *testing.T) workspace.Store {
		s, _ := openStore(t)
		return s
	})
}

// TestStoreWithoutScript runs the suite on a page without
// web/workspace.js, where no worker writes and Apply issues each request
// from Go.
func TestStoreWithoutScript(t *testing.T) {
	hide(t, js.Global(), "annotator")
	storetest.Run(t, func(t *testing.T) workspace.Store {
		s, _ := openStore(t)
		return s
	})
}

// TestStoreDamaged runs the damage suite: records edited through a
// connection of their own, as the browser may have kept them.
func TestStoreDamaged(t *testing.T) {
	storetest.RunDamaged(t, func(t *testing.T) (workspace.Store, storetest.Damage) {
		s, name := openStore(t)
		return s, storetest.Damage{
			Summary:    func(t *testing.T, doc string) { rawEdit(t, name, "summaries", doc, true) },
			Annotation: func(t *testing.T, doc, id string) { rawEdit(t, name, "annotations", []any{doc, id}, true) },
			LeaveBody:  func(t *testing.T, doc string) { rawEdit(t, name, "summaries", doc, false) },
		}
	})
}

// rawEdit cuts the JSON of the record key of object store store short,
// or deletes the record, through a connection to database name of its
// own (the page allows no JavaScript made from a string).
func rawEdit(t *testing.T, name, store string, key any, cut bool) {
	t.Helper()
	done := make(chan string, 1)
	var funcs []js.Func
	on := func(target js.Value, event string, f func()) {
		fn := js.FuncOf(func(js.Value, []js.Value) any { f(); return nil })
		funcs = append(funcs, fn)
		target.Set("on"+event, fn)
	}
	defer func() {
		for _, f := range funcs {
			f.Release()
		}
	}()
	req := js.Global().Get("indexedDB").Call("open", name)
	on(req, "error", func() { done <- "open: " + req.Get("error").Call("toString").String() })
	on(req, "success", func() {
		db := req.Get("result")
		tx := db.Call("transaction", []any{store}, "readwrite")
		st := tx.Call("objectStore", store)
		on(tx, "complete", func() { db.Call("close"); done <- "" })
		on(tx, "abort", func() { db.Call("close"); done <- "aborted" })
		if !cut {
			st.Call("delete", key)
			return
		}
		get := st.Call("get", key)
		on(get, "success", func() {
			v := get.Get("result")
			j := v.Get("json").String()
			v.Set("json", j[:len(j)/2])
			st.Call("put", v)
		})
	})
	if err := <-done; err != "" {
		t.Fatalf("editing %s of %s: %s", store, name, err)
	}
}

// helperMissing reports whether the page lacks web/workspace.js's
// function name.
func helperMissing(name string) bool {
	h := js.Global().Get("annotator")
	return h.Type() != js.TypeObject || h.Get(name).Type() != js.TypeFunction
}

// countPuts counts, until the test ends, the IndexedDB puts the page's
// main thread makes (a worker has IndexedDB objects of its own).
func countPuts(t *testing.T) func() int {
	t.Helper()
	proto := js.Global().Get("IDBObjectStore").Get("prototype")
	orig := proto.Get("put")
	n := 0
	wrap := js.FuncOf(func(this js.Value, args []js.Value) any {
		n++
		a := make([]any, len(args))
		for i, v := range args {
			a[i] = v
		}
		return orig.Call("apply", this, a)
	})
	proto.Set("put", wrap)
	t.Cleanup(func() {
		proto.Set("put", orig)
		wrap.Release()
	})
	return func() int { return n }
}

// TestApplyInWorker checks that a change is written by the worker, not
// from the page's main thread, and read back whole; and that with a
// worker that cannot start (its script missing, as offline with nothing
// cached), the change is written from the page, nothing lost.
func TestApplyInWorker(t *testing.T) {
	change := func(anns []annotate.Annotation) workspace.Change {
		a := anns[1]
		a.Label = "quote"
		return workspace.Change{Put: []annotate.Annotation{a}, Delete: []string{anns[2].ID},
			PutSteps: []annotate.Step{benchStep(1, anns[1], a)}, Counts: map[string]int{"quote": 9},
			Changed: time.UnixMilli(1_735_000_000_000).UTC(), Annotated: true}
	}
	check := func(t *testing.T, s *idb.Store, mainPuts func() int, wantMain bool) {
		anns := storetest.Anns(5)
		if err := s.PutDocument(storetest.Doc("d1"), anns); err != nil {
			t.Fatal(err)
		}
		before := mainPuts()
		c := change(anns)
		if err := s.Apply("d1", c); err != nil {
			t.Fatal(err)
		}
		if got := mainPuts() - before; (got > 0) != wantMain {
			t.Errorf("the page's main thread made %d puts for the change; want them made there: %v", got, wantMain)
		}
		got, err := s.Annotations("d1")
		if err != nil || len(got) != 4 || !reflect.DeepEqual(got[1], c.Put[0]) {
			t.Errorf("after the change: %d annotations, %v; the changed one %+v", len(got), err, got)
		}
		if st, err := s.Steps("d1"); err != nil || len(st) != 1 {
			t.Errorf("after the change: %d steps, %v", len(st), err)
		}
		if sum, err := s.Summary("d1"); err != nil || sum.Counts["quote"] != 9 || sum.Status != workspace.StatusInProgress {
			t.Errorf("after the change: summary %+v, %v", sum, err)
		}
	}
	t.Run("worker", func(t *testing.T) {
		puts := countPuts(t)
		s, _ := openStore(t)
		check(t, s, puts, false)
	})
	t.Run("worker missing", func(t *testing.T) {
		h := js.Global().Get("annotator")
		missing := js.FuncOf(func(js.Value, []js.Value) any {
			return js.Global().Get("Worker").New("/no-such-writer.js")
		})
		defer missing.Release()
		js.Global().Set("annotator", map[string]any{"startWriter": missing, "joinJSON": h.Get("joinJSON")})
		defer js.Global().Set("annotator", h)
		puts := countPuts(t)
		s, _ := openStore(t)
		check(t, s, puts, true)
	})
}

// TestApplyAcrossConnections checks Apply's compare-and-swap of the
// summary where it matters: another connection (another tab) renames the
// document, marks it done or deletes it between two changes this Store
// writes, so the summary this Store last wrote is no longer the stored
// one. The rename and the status must be kept and the counts moved; a
// change of a deleted document must write nothing. Both ways of writing
// are checked.
func TestApplyAcrossConnections(t *testing.T) {
	for _, script := range []bool{true, false} {
		t.Run(fmt.Sprintf("script=%v", script), func(t *testing.T) {
			if !script {
				hide(t, js.Global(), "annotator")
			}
			s, name := openStore(t)
			other, err := idb.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			anns := storetest.Anns(3)
			if err := s.PutDocument(storetest.Doc("d1"), anns); err != nil {
				t.Fatal(err)
			}
			change := func(n int) workspace.Change {
				a := anns[0]
				a.Label = "pledge"
				return workspace.Change{Put: []annotate.Annotation{a}, Counts: map[string]int{"pledge": n},
					Orphans: n, Changed: time.UnixMilli(int64(1_735_000_000_000 + n)).UTC(), Annotated: true}
			}
			if err := s.Apply("d1", change(1)); err != nil {
				t.Fatal(err)
			}
			sum, err := other.Summary("d1")
			if err != nil {
				t.Fatal(err)
			}
			sum.Title, sum.Status = "Renamed elsewhere", workspace.StatusDone
			if err := other.PutSummary(sum); err != nil {
				t.Fatal(err)
			}
			if err := s.Apply("d1", change(2)); err != nil {
				t.Fatal(err)
			}
			got, err := other.Summary("d1")
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != "Renamed elsewhere" || got.Status != workspace.StatusDone || got.Counts["pledge"] != 2 || got.Orphans != 2 {
				t.Errorf("after a rename elsewhere, Apply left %+v", got)
			}
			// And the compare-and-swap holds again after the merge.
			if err := s.Apply("d1", change(3)); err != nil {
				t.Fatal(err)
			}
			if got, _ := other.Summary("d1"); got.Title != "Renamed elsewhere" || got.Counts["pledge"] != 3 {
				t.Errorf("the change after the merge left %+v", got)
			}
			if err := other.DeleteDocument("d1"); err != nil {
				t.Fatal(err)
			}
			if err := s.Apply("d1", change(4)); !errors.Is(err, workspace.ErrNoDocument) {
				t.Fatalf("Apply to a document deleted elsewhere: %v, want ErrNoDocument", err)
			}
			if got, err := other.Annotations("d1"); !errors.Is(err, workspace.ErrNoDocument) {
				t.Errorf("the refused change wrote annotations: %v, %v", got, err)
			}
		})
	}
}

// TestReopen checks that what one connection wrote, another reads: the
// records are in the database, not in the Store.
func TestReopen(t *testing.T) {
	s, name := openStore(t)
	r := storetest.Doc("d1")
	if err := s.PutDocument(r, storetest.Anns(20)); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLayout(2); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := s.Layout(); !errors.Is(err, idb.ErrClosed) {
		t.Errorf("Layout after Close: %v, want ErrClosed", err)
	}
	s2, err := idb.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if v, err := s2.Layout(); err != nil || v != 2 {
		t.Errorf("Layout after reopening = %d, %v; want 2", v, err)
	}
	if anns, err := s2.Annotations("d1"); err != nil || len(anns) != 20 {
		t.Errorf("Annotations after reopening: %d, %v; want 20", len(anns), err)
	}
}

// hide makes globalThis[name] (or navigator[name]) undefined until the
// test ends.
func hide(t *testing.T, obj js.Value, name string) {
	t.Helper()
	object := js.Global().Get("Object")
	desc := object.Call("getOwnPropertyDescriptor", obj, name)
	object.Call("defineProperty", obj, name, map[string]any{"value": js.Undefined(), "configurable": true, "writable": true})
	t.Cleanup(func() {
		if desc.IsUndefined() {
			js.Global().Get("Reflect").Call("deleteProperty", obj, name)
		} else {
			object.Call("defineProperty", obj, name, desc)
		}
	})
	if !obj.Get(name).IsUndefined() {
		t.Fatalf("could not hide %s", name)
	}
}

// awkwardAnns returns 300 annotations of which some hold what JSON and
// line-joined strings must keep: line breaks, quotes, markup, emoji, a
// line separator, and an id with quotes and a backslash.
func awkwardAnns() []annotate.Annotation {
	anns := storetest.Anns(300)
	anns[7].Exact = "a line\nbreak, a \"quote\", <b>&amp;</b> and 😀"
	anns[8].Attributes = map[string]string{"speaker": "Ünïcødé\u2028"}
	anns[9].ID = "id with \"quotes\", \\ and 😀"
	return anns
}

// TestAnnotationsJoined checks that the annotations are read through
// web/workspace.js's joinJSON when the page has it (the runner loads it,
// as the app's page does), and give the very same annotations as the
// record-by-record path a page without it takes.
func TestAnnotationsJoined(t *testing.T) {
	h := js.Global().Get("annotator")
	if helperMissing("joinJSON") {
		t.Fatal("the page has no annotator.joinJSON: the runner must load web/workspace.js, or the fast path goes untested")
	}
	s, _ := openStore(t)
	anns := awkwardAnns()
	if err := s.PutDocument(storetest.Doc("d1"), anns); err != nil {
		t.Fatal(err)
	}
	fast, err := s.Annotations("d1")
	if err != nil {
		t.Fatal(err)
	}
	js.Global().Set("annotator", js.Undefined())
	slow, err := s.Annotations("d1")
	js.Global().Set("annotator", h)
	if err != nil {
		t.Fatal(err)
	}
	if len(fast) != len(anns) || !reflect.DeepEqual(fast, slow) {
		t.Fatalf("joined: %d annotations, record by record: %d; they differ: %v", len(fast), len(slow), !reflect.DeepEqual(fast, slow))
	}
}

func TestUnavailable(t *testing.T) {
	hide(t, js.Global(), "indexedDB")
	s, err := idb.Open(dbName())
	if !errors.Is(err, idb.ErrUnavailable) {
		t.Fatalf("Open without indexedDB: %v, %v; want ErrUnavailable", s, err)
	}
	if err := idb.Delete(dbName()); !errors.Is(err, idb.ErrUnavailable) {
		t.Errorf("Delete without indexedDB: %v, want ErrUnavailable", err)
	}
	t.Logf("the message: %v", err)
}

// TestClosedByNewerVersion opens the database at version 2, as a newer
// app in another tab would: the store closes its connection so as not to
// block the upgrade, and says so on its next call.
func TestClosedByNewerVersion(t *testing.T) {
	s, name := openStore(t)
	if err := s.PutDocument(storetest.Doc("d1"), nil); err != nil {
		t.Fatal(err)
	}
	req := js.Global().Get("indexedDB").Call("open", name, 2)
	done := make(chan string, 1)
	var funcs []js.Func
	for _, ev := range []string{"success", "error", "blocked"} {
		f := js.FuncOf(func(js.Value, []js.Value) any {
			select {
			case done <- ev:
			default:
			}
			return nil
		})
		funcs = append(funcs, f)
		req.Set("on"+ev, f)
	}
	got := <-done
	for _, f := range funcs {
		f.Release()
	}
	if got != "success" {
		t.Fatalf("opening version 2 while the store is open: %s, want success (the store should close for it)", got)
	}
	newer := req.Get("result")
	defer newer.Call("close")

	for name, call := range map[string]func() error{
		"Layout":      func() error { _, err := s.Layout(); return err },
		"Document":    func() error { _, err := s.Document("d1"); return err },
		"PutDocument": func() error { return s.PutDocument(storetest.Doc("d2"), nil) },
		"Apply":       func() error { return s.Apply("d1", workspace.Change{}) },
	} {
		if err := call(); !errors.Is(err, idb.ErrClosed) {
			t.Errorf("%s after a newer version opened the database: %v, want ErrClosed", name, err)
		}
	}

	// And this version of the app cannot open it any more.
	newer.Call("close")
	if s2, err := idb.Open(name); !errors.Is(err, idb.ErrClosed) {
		if s2 != nil {
			s2.Close()
		}
		t.Errorf("Open of a database a newer version upgraded: %v, want ErrClosed", err)
	} else {
		t.Logf("the message: %v", err)
	}
}

func TestStorage(t *testing.T) {
	usage, quota, err := idb.Estimate()
	if err != nil {
		t.Fatalf("Estimate: %v", err)
	}
	if quota <= 0 || usage < 0 {
		t.Errorf("Estimate = %d, %d; want a positive quota", usage, quota)
	}
	t.Logf("usage %d of %d bytes", usage, quota)
	persisted, err := idb.Persist()
	if err != nil {
		t.Fatalf("Persist: %v", err)
	}
	t.Logf("persist: %v", persisted)

	hide(t, js.Global().Get("navigator"), "storage")
	if _, _, err := idb.Estimate(); err == nil {
		t.Error("Estimate without navigator.storage gave no error")
	} else {
		t.Logf("the message: %v", err)
	}
	if _, err := idb.Persist(); err == nil {
		t.Error("Persist without navigator.storage gave no error")
	}
}

// benchStep returns a history step that changed a into b.
func benchStep(seq int, a, b annotate.Annotation) annotate.Step {
	return annotate.Step{Seq: seq, Label: "edit", Changes: []annotate.StepChange{{Before: &a, After: &b}}}
}

// BenchmarkApplyOneChange writes what one change of a 2,000-annotation
// document writes: one annotation, one history step, the summary.
func BenchmarkApplyOneChange(b *testing.B) {
	s, _ := openStore(b)
	anns := storetest.Anns(2000)
	if err := s.PutDocument(storetest.Doc("d1"), anns); err != nil {
		b.Fatal(err)
	}
	counts := map[string]int{"claim": 600, "quote": 600, "pledge": 600}
	for i := 0; b.Loop(); i++ {
		a := anns[i%len(anns)]
		changed := a
		changed.Label = "claim"
		c := workspace.Change{
			Put:       []annotate.Annotation{changed},
			PutSteps:  []annotate.Step{benchStep(i+1, a, changed)},
			Counts:    counts,
			Orphans:   200,
			Changed:   time.Now(),
			Annotated: true,
		}
		if err := s.Apply("d1", c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReopen2000 reads what opening a 2,000-annotation document
// reads: the document, its annotations and its history of 100 steps.
func BenchmarkReopen2000(b *testing.B) {
	s, _ := openStore(b)
	anns := storetest.Anns(2000)
	if err := s.PutDocument(storetest.Doc("d1"), anns); err != nil {
		b.Fatal(err)
	}
	var steps []annotate.Step
	for i := range 100 {
		steps = append(steps, benchStep(i+1, anns[i], anns[i+1]))
	}
	if err := s.Apply("d1", workspace.Change{PutSteps: steps}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := s.Document("d1"); err != nil {
			b.Fatal(err)
		}
		got, err := s.Annotations("d1")
		if err != nil || len(got) != 2000 {
			b.Fatalf("Annotations: %d, %v", len(got), err)
		}
		st, err := s.Steps("d1")
		if err != nil || len(st) != 100 {
			b.Fatalf("Steps: %d, %v", len(st), err)
		}
	}
}

// BenchmarkDocuments1000 lists a library of 1,000 documents.
func BenchmarkDocuments1000(b *testing.B) {
	s, _ := openStore(b)
	for i := range 1000 {
		r := storetest.Doc(fmt.Sprintf("doc-%04d", i))
		r.Counts = map[string]int{"claim": i % 7, "quote": i % 5}
		if err := s.PutDocument(r, nil); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		docs, err := s.Documents()
		if err != nil || len(docs) != 1000 {
			b.Fatalf("Documents: %d, %v", len(docs), err)
		}
	}
}

// TestAnnotationsPutJoined checks that a document's annotations are put
// through web/workspace.js's putRecords when the page has it, in one call,
// and read back the very same as those put record by record by a page
// without it.
func TestAnnotationsPutJoined(t *testing.T) {
	h := js.Global().Get("annotator")
	if helperMissing("putRecords") {
		t.Fatal("the page has no annotator.putRecords: the runner must load web/workspace.js, or the fast path goes untested")
	}
	s, _ := openStore(t)
	anns := awkwardAnns()
	calls := 0
	orig := h.Get("putRecords")
	spy := js.FuncOf(func(this js.Value, args []js.Value) any {
		calls++
		return orig.Invoke(args[0], args[1], args[2], args[3])
	})
	defer spy.Release()
	// window.annotator is frozen: the spy goes in a page object of its own.
	js.Global().Set("annotator", map[string]any{"putRecords": spy})
	err := s.PutDocument(storetest.Doc("d1"), anns)
	js.Global().Set("annotator", h)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("putRecords was called %d times for one document, want once", calls)
	}
	js.Global().Set("annotator", js.Undefined())
	err = s.PutDocument(storetest.Doc("d2"), anns)
	js.Global().Set("annotator", h)
	if err != nil {
		t.Fatal(err)
	}
	joined, err := s.Annotations("d1")
	if err != nil {
		t.Fatal(err)
	}
	single, err := s.Annotations("d2")
	if err != nil {
		t.Fatal(err)
	}
	if len(joined) != len(anns) || !reflect.DeepEqual(joined, single) {
		t.Fatalf("put joined: %d annotations, record by record: %d; they differ: %v", len(joined), len(single), !reflect.DeepEqual(joined, single))
	}
	if err := s.PutDocument(storetest.Doc("d3"), nil); err != nil {
		t.Fatalf("a document without annotations: %v", err)
	}
	if got, err := s.Annotations("d3"); err != nil || len(got) != 0 {
		t.Fatalf("a document put without annotations has %d (%v)", len(got), err)
	}
}
