package app

// This file keeps the garbage collector out of a key press's turn. Go in
// the browser has one thread: a collection that starts while a tag is
// being handled marks the whole heap (the article, its index, the
// annotations) in that turn, and the frame that shows the highlight waits
// for it. In a CPU profile of 30 tags on 50,000 words with 2,000
// annotations, 4 turns held 5.7–9.2 ms of marking. Two things keep it out:
//
//   - the browser build collects less often (GCPercent): a tag and the
//     render after it allocate about 1 MB, against a live heap of about
//     4 MB, so at Go's default a collection started every third or
//     fourth tag;
//   - after a change the app asks the browser for an idle moment, and
//     collects there when the heap has come halfway to the size that
//     would start the next collection, so that the tags after it start
//     with room to allocate;
//   - opening a file, which the user waits for, does not collect until
//     the document is painted (holdCollections): in a profile of the
//     first import of the 2,000-annotation export, collections and the
//     write barriers that run while they mark took about 60 of its 590
//     ms. The memory limit still collects if the heap comes near it.

import (
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// GCPercent is the browser build's GOGC, and MemoryLimit its soft limit
// on Go's memory (wasm/main_wasm.go sets both). The heap may grow to five
// times what a collection leaves (about 20 MB with the 2,000-annotation
// article open) before the next one starts. Near the limit, collections
// come sooner, so that a large heap (a big backup being restored) does not
// grow the page's memory fivefold: WebAssembly memory never shrinks. Up
// to a live heap of about 50 MB the limit does not act; past 128 MB it
// keeps the heap nearer to what default GOGC allows.
const (
	GCPercent   = 400
	MemoryLimit = 256 << 20
)

// collectQueued is set while an idle collection is asked for.
var collectQueued bool

// collectWhenIdle asks for a collection in the browser's next idle period
// (within two seconds), made only if dueForCollection says so.
func collectWhenIdle() {
	if !app.IsClient || collectQueued || !app.Window().Get("requestIdleCallback").Truthy() {
		return
	}
	collectQueued = true
	var idle app.Func
	idle = app.FuncOf(func(this app.Value, args []app.Value) any {
		idle.Release()
		collectQueued = false
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if dueForCollection(m.HeapAlloc, m.NextGC, GCPercent) {
			mark("annotator:collect")
			runtime.GC()
			mark("annotator:collected")
		}
		return nil
	})
	app.Window().Call("requestIdleCallback", idle, map[string]any{"timeout": 2000})
}

// dueForCollection reports whether a heap of heapAlloc bytes has come
// halfway from the heap the last collection left to next, the size that
// starts the next one, which is percent more than that heap.
func dueForCollection(heapAlloc, next uint64, percent int) bool {
	if next == 0 {
		return false
	}
	live := next / uint64(100+percent) * 100
	return heapAlloc >= live+(next-live)/2
}

// holdAtMost is how long holdCollections holds at most: a release that
// never comes (a render dropped) must not leave the heap to the memory
// limit.
const holdAtMost = 5 * time.Second

var (
	holdMu sync.Mutex
	holds  int // holdCollections not yet released
)

// holdUpTo is the largest file whose opening holds collections. Reading a
// file allocates about seven times its size (natively, the 1.3 MB
// export of 2,000 annotations: 9.5 MB), and WebAssembly memory never
// shrinks: a larger file is read with collections as usual, so that the
// page does not keep tens of megabytes more for ever.
const holdUpTo = 4 << 20

// holdCollections stops collections but those the memory limit starts,
// for the opening of a file of size bytes (none past holdUpTo), until the
// frame after release is called (or holdAtMost has passed): then they
// start again at GCPercent, and one is asked for when idle. It is for work
// the user waits for, which allocates much and needs little of it
// collected meanwhile. Holds may overlap; collections start again with
// the last release.
func holdCollections(size int) (release func()) {
	if !app.IsClient || size > holdUpTo {
		return func() {}
	}
	holdMu.Lock()
	if holds++; holds == 1 {
		debug.SetGCPercent(-1)
		markCycles("annotator:collections-held")
	}
	holdMu.Unlock()
	var once sync.Once
	release = func() {
		// After the next frame: a collection due at once runs in the Go
		// turn that lets it start, and would hold back the frame that
		// shows the document.
		once.Do(func() {
			afterNextFrame(func() {
				holdMu.Lock()
				defer holdMu.Unlock()
				if holds--; holds == 0 {
					markCycles("annotator:collections-released")
					debug.SetGCPercent(GCPercent)
					collectWhenIdle()
				}
			})
		})
	}
	time.AfterFunc(holdAtMost, release)
	return release
}

// markCycles marks the page's timeline with name and, in the mark's
// detail, the number of collections so far: a test can tell that none ran
// while they were held. (From runtime.ReadMemStats, not runtime/metrics:
// the first metrics.Read of a page builds the table of every metric,
// 8 ms of a first import in Chromium, and the package is linked and
// initialised for nothing else.)
func markCycles(name string) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	app.Window().Get("performance").Call("mark", name, map[string]any{"detail": map[string]any{"cycles": m.NumGC}})
}
