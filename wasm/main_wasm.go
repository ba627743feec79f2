//go:build wasm

package main

import (
	"runtime"
	"runtime/debug"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
	ui "github.com/newsannotator/annotator/app"
	"github.com/newsannotator/annotator/wasm/idb"
	"github.com/newsannotator/annotator/wasm/textdecode"
)

// databaseName is the IndexedDB database the workspace lives in.
const databaseName = "annotator"

func main() {
	// The benchmarks time the app's own start from here: everything
	// before is the download, the compilation and the packages'
	// initialisation (BenchmarkBrowserLoad, BenchmarkBrowserInit).
	app.Window().Get("performance").Call("mark", "annotator:main")
	// The browser reads legacy character encodings itself: app.wasm
	// carries none of x/text's tables.
	annotate.UseCharsets(textdecode.Charsets{})
	// Fewer collections, and those between changes (app/collect.go).
	debug.SetGCPercent(ui.GCPercent)
	debug.SetMemoryLimit(ui.MemoryLimit)
	ui.BrowserStorage = ui.Storage{
		Open:     openEarly(databaseName),
		Persist:  idb.Persist,
		Estimate: idb.Estimate,
		Prepare:  func(doc string) { idb.PlanStart(databaseName, doc) },
	}
	ui.RegisterRoutes()
	app.RunWhenOnBrowser()
}

// openEarly starts opening the database name at once and returns what
// gives the store: the first call waits for the database opened now, any
// later one opens it again. The browser opens it while go-app builds and
// draws the page, where the app asked for it only once its root component
// was mounted, about 10 ms after main on a reload and 60–100 ms after it
// on a first start. Go hears that it is open only when the page is built
// (its callbacks run on the same thread), so a start gains less: about
// 10 ms on a reload, 15–20 ms on a first start (BENCH.md, issue 9's
// eighth pass). A start that has the page's own open and reads, made
// as it loaded (wasm/idb's PlanStart), takes them here at once.
func openEarly(name string) func() (workspace.Store, error) {
	type opened struct {
		store workspace.Store
		err   error
	}
	open := func() (workspace.Store, error) {
		s, err := idb.Open(name)
		if err != nil {
			return nil, err // not a nil *idb.Store in a non-nil interface
		}
		return s, nil
	}
	early := make(chan opened, 1)
	go func() {
		s, err := open()
		early <- opened{s, err}
	}()
	runtime.Gosched() // let it ask the browser before main goes on
	var taken atomic.Bool
	return func() (workspace.Store, error) {
		if taken.CompareAndSwap(false, true) {
			r := <-early
			return r.store, r.err
		}
		return open()
	}
}
