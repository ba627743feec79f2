//go:build js && wasm

package idb

// This file keeps the page's side of web/store-writer.js, the worker that
// writes changes off the main thread (see apply.go), and its one rule: a
// change posted to the worker is answered, or the Store knows the worker
// is gone and writes the change itself. Nothing posted is left waiting on
// a worker that will never answer.

import (
	"sync"
	"syscall/js"
)

// writer is a Store's worker.
type writer struct {
	w        js.Value
	handlers []js.Func

	mu      sync.Mutex // held only for a map operation: never across a wait
	next    int
	waiting map[int]chan writerReply
	gone    bool
}

// writerReply is the worker's answer to one change (see
// web/store-writer.js): its status, the stored summary's JSON when it is
// "conflict", the browser's error when it is "error"; and ok, false when
// the worker went away before it answered.
type writerReply struct {
	ok            bool
	status        string
	stored        *string
	name, message string
}

// startWriter starts the worker through web/workspace.js's startWriter,
// and has it open the database name at version; nil when the page cannot
// start it (no script, no workers).
func startWriter(name string, version int) *writer {
	h := helper("startWriter")
	if h.Type() != js.TypeObject {
		return nil
	}
	var w js.Value
	if err := try(func() { w = h.Call("startWriter") }); err != nil || w.Type() != js.TypeObject {
		return nil
	}
	wr := &writer{w: w, waiting: map[int]chan writerReply{}}
	wr.handle("message", func(ev js.Value) {
		mark("idb:answered")
		d := ev.Get("data")
		if d.Get("op").Type() == js.TypeString { // {op: "gone"}
			wr.end()
			return
		}
		r := writerReply{ok: true, status: d.Get("status").String()}
		switch r.status {
		case "conflict":
			if v := d.Get("stored"); v.Type() == js.TypeString {
				s := v.String()
				r.stored = &s
			}
		case "error":
			r.name, r.message = d.Get("name").String(), d.Get("message").String()
		}
		wr.mu.Lock()
		id := d.Get("id").Int()
		ch := wr.waiting[id]
		delete(wr.waiting, id)
		wr.mu.Unlock()
		if ch != nil {
			ch <- r
		}
	})
	// The script failed to load (offline with nothing cached, say) or
	// threw.
	wr.handle("error", func(js.Value) { wr.end() })
	if err := try(func() {
		w.Call("postMessage", map[string]any{"op": "open", "name": name, "version": version})
	}); err != nil {
		wr.close()
		return nil
	}
	return wr
}

// handle sets the worker's handler of event to f.
func (wr *writer) handle(event string, f func(ev js.Value)) {
	fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		f(args[0])
		return nil
	})
	wr.handlers = append(wr.handlers, fn)
	wr.w.Set("on"+event, fn)
}

// write posts a change (its JSON) and waits for the worker's answer; ok
// is false when the worker is gone, and nothing was written.
func (wr *writer) write(change string) (r writerReply, ok bool) {
	ch := make(chan writerReply, 1)
	wr.mu.Lock()
	if wr.gone {
		wr.mu.Unlock()
		return r, false
	}
	id := wr.next
	wr.next++
	wr.waiting[id] = ch
	wr.mu.Unlock()
	if err := try(func() {
		wr.w.Call("postMessage", map[string]any{"op": "apply", "id": id, "change": change})
	}); err != nil {
		wr.end()
	}
	mark("idb:posted")
	r = <-ch
	return r, r.ok
}

// end marks the worker gone and answers every change still waiting with
// ok false, so that the Store writes them itself.
func (wr *writer) end() {
	wr.mu.Lock()
	wr.gone = true
	waiting := wr.waiting
	wr.waiting = map[int]chan writerReply{}
	wr.mu.Unlock()
	for _, ch := range waiting {
		ch <- writerReply{}
	}
}

// close has the worker close the database and end, and ends every wait.
// It does not wait for the worker: its connection closes itself when a
// database is deleted or upgraded.
func (wr *writer) close() {
	wr.end()
	_ = try(func() { wr.w.Call("postMessage", map[string]any{"op": "close"}) })
	wr.w.Set("onmessage", js.Null())
	wr.w.Set("onerror", js.Null())
	for _, f := range wr.handlers {
		f.Release()
	}
	wr.handlers = nil
}

// mark sets a performance mark, for the benchmarks (wasm/e2e's
// BenchmarkBrowserWorkspaceSave): "idb:posted" when a change has been
// posted, "idb:answered" when an answer arrives; and "idb:opened-early"
// when Open took the database the page opened as it loaded (start.go). A
// mark costs a few microseconds.
func mark(name string) {
	_ = try(func() { js.Global().Get("performance").Call("mark", name) })
}
