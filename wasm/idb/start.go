//go:build js && wasm

package idb

// This file keeps the start's reads, made by the page before app.wasm's
// main (web/workspace.js's readEarly), and their one rule: they answer
// the store's first reads, each read the plan names, until the store is
// asked anything else (another read, any write); from then on every read
// goes to IndexedDB. A start reads the layout, the settings and the
// document open last, then its summary again once it holds the document's
// lock (Editor.Outdated), which ends them: what another tab wrote in
// between is then seen as it is today, when the reads came a little later.
// The plan names its reads by store and key, as this package makes them;
// a plan that names other reads (another document, an older build's) is
// simply not asked, and the store reads as it would without it.

import (
	"strconv"
	"sync"
	"syscall/js"

	"github.com/newsannotator/annotator/annotate"
)

// planKey is the local-storage key of the plan, which web/workspace.js
// reads as the page loads, before Go runs: the two must agree.
const planKey = "annotator.start"

// The plan is written and read without encoding/json, which a start in a
// new renderer process would compile again for it alone (the records it
// reads are decoded without it too: decodeJSON). It is the JSON object
// {"name", "version", "doc", "reads"}: the reads the next start makes
// first, as web/workspace.js carries them out, in one read-only
// transaction of the database name opened at version; doc is the document
// they reopen. Its reads are each {"op", "store"} with "key", or "lower"
// and "upper": get or count key, or getAll of the key range
// IDBKeyRange.bound(lower, upper). A start takes the plan only when it is,
// byte for byte, the plan this build writes for its name, version and doc.

// readPlan is one request: get or count Key, or getAll of the key range
// IDBKeyRange.bound(Lower, Upper), in Store. Keys are strings, numbers and
// arrays of them.
type readPlan struct {
	Op, Store    string
	Key          any
	Lower, Upper []any
}

// id is what the store looks a read up by: its JSON in the plan.
func (r readPlan) id() string { return string(r.appendJSON(nil)) }

// appendJSON appends the read's JSON object to b.
func (r readPlan) appendJSON(b []byte) []byte {
	b = append(b, `{"op":`...)
	b = annotate.AppendJSONString(b, r.Op)
	b = append(b, `,"store":`...)
	b = annotate.AppendJSONString(b, r.Store)
	if r.Key != nil {
		b = appendKey(append(b, `,"key":`...), r.Key)
	}
	if r.Lower != nil {
		b = appendKey(append(b, `,"lower":`...), r.Lower)
	}
	if r.Upper != nil {
		b = appendKey(append(b, `,"upper":`...), r.Upper)
	}
	return append(b, '}')
}

// appendKey appends an IndexedDB key made of strings, ints and arrays of
// them as JSON; anything else as null, which no read names.
func appendKey(b []byte, k any) []byte {
	switch k := k.(type) {
	case string:
		return annotate.AppendJSONString(b, k)
	case int:
		return strconv.AppendInt(b, int64(k), 10)
	case []any:
		b = append(b, '[')
		for i, v := range k {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendKey(b, v)
		}
		return append(b, ']')
	}
	return append(b, "null"...)
}

// planJSON is the plan of a start that reopens doc in the database name.
func planJSON(name, doc string) string {
	b := append([]byte(nil), `{"name":`...)
	b = annotate.AppendJSONString(b, name)
	b = strconv.AppendInt(append(b, `,"version":`...), int64(version), 10)
	b = annotate.AppendJSONString(append(b, `,"doc":`...), doc)
	b = append(b, `,"reads":[`...)
	for i, r := range startReads(doc) {
		if i > 0 {
			b = append(b, ',')
		}
		b = r.appendJSON(b)
	}
	return string(append(b, "]}"...))
}

func getRead(store string, key any) readPlan { return readPlan{Op: "get", Store: store, Key: key} }

func countRead(store string, key any) readPlan { return readPlan{Op: "count", Store: store, Key: key} }

// docReads is the getAll of a document's records in store (docRange).
func docReads(store, doc string) readPlan {
	lower, upper := docBounds(doc)
	return readPlan{Op: "getAll", Store: store, Lower: lower, Upper: upper}
}

// startReads are the reads of a start that reopens document doc:
// workspace.Open's layout, the settings, and Edit's reads of the document
// (Document, Annotations and Steps).
func startReads(doc string) []readPlan {
	reads := []readPlan{getRead(metaStore, layoutKey), getRead(metaStore, settingsKey)}
	if doc != "" {
		reads = append(reads,
			getRead(summaryStore, doc), getRead(bodyStore, doc), countRead(summaryStore, doc),
			docReads(annotationStore, doc), docReads(stepStore, doc))
	}
	return reads
}

// PlanStart keeps, for the page's next start, the reads of a start that
// reopens document doc in the database name, so that the page makes them
// while app.wasm loads. A browser without local storage keeps none.
func PlanStart(name, doc string) {
	j := planJSON(name, doc)
	_ = try(func() { js.Global().Get("localStorage").Call("setItem", planKey, j) })
}

// earlyReads are the start's reads a Store answers from, by id.
type earlyReads struct {
	mu    sync.Mutex
	reads map[string]js.Value // nil once the start's reads are over
}

// take returns the results of reads, all of them, or ends the start's
// reads and returns false.
func (e *earlyReads) take(reads ...readPlan) ([]js.Value, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.reads == nil {
		return nil, false
	}
	out := make([]js.Value, len(reads))
	for i, r := range reads {
		v, ok := e.reads[r.id()]
		if !ok {
			e.reads = nil
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

// end ends the start's reads: the store was asked something else.
func (e *earlyReads) end() {
	e.mu.Lock()
	e.reads = nil
	e.mu.Unlock()
}

// takeStart takes, from web/workspace.js, the database it opened as the
// page loaded and the results of the plan's reads, waiting for them if
// they are not in yet. ok is false when there are none, or when they were
// made by another layout's plan (the database is then closed, so that
// Open's own open, which may upgrade it, is not blocked by it).
func takeStart(name string) (db js.Value, reads map[string]js.Value, ok bool) {
	h := helper("takeStart")
	if h.Type() != js.TypeObject {
		return js.Value{}, nil, false
	}
	type taken struct {
		db      js.Value
		text    string
		results js.Value
		ok      bool
	}
	got := make(chan taken, 1)
	fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) < 3 || args[0].Type() != js.TypeObject || args[1].Type() != js.TypeString {
			got <- taken{}
			return nil
		}
		got <- taken{db: args[0], text: args[1].String(), results: args[2], ok: true}
		return nil
	})
	defer fn.Release()
	if err := try(func() { h.Call("takeStart", fn) }); err != nil {
		return js.Value{}, nil, false
	}
	t := <-got // at once when they are in: takeStart calls fn before it returns
	if !t.ok {
		return js.Value{}, nil, false
	}
	// The plan's doc, then the plan this build writes for it: another
	// build's, or another database's, is not taken.
	var doc string
	r := annotate.NewRecordReader([]byte(t.text))
	r.Object(func(k string) bool {
		if k == "doc" {
			doc = r.String()
		} else {
			r.Skip()
		}
		return true
	})
	planned := startReads(doc)
	if !r.OK() || t.text != planJSON(name, doc) || t.results.Type() != js.TypeObject || t.results.Length() != len(planned) {
		_ = try(func() { t.db.Call("close") })
		return js.Value{}, nil, false
	}
	reads = make(map[string]js.Value, len(planned))
	for i, rp := range planned {
		reads[rp.id()] = t.results.Index(i)
	}
	return t.db, reads, true
}
