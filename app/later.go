package app

// This file keeps what a start does in its first idle moment after the
// article is painted rather than before: drawing the panel that edits the
// selected annotation, hidden until something is selected, and asking the
// browser to keep the workspace's storage and how much it uses. In a new
// renderer process (a cold start, a browser started again, a new tab) V8
// compiles every function of app.wasm again on its first call, and its
// code cache keeps only optimised code, which code run once at start never
// becomes. The hidden panel had the start compile the go-app element types
// that it alone uses (a select, its options, a textarea, a fieldset) and
// its own render: 81 of the 1,099 functions compiled between main and the
// article shown, and the storage's calls 8 more (BenchmarkBrowserStartCompiles,
// BENCH.md). Both are done before anyone could select an annotation or look
// at the library's foot; a selection that comes first (a session that
// reopens with one) draws the panel at once.

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

const (
	// idleAtMost is how long afterStart waits at most for an idle moment.
	idleAtMost = 500 // ms
	// startIdleAtMost is how long after the workspace opened the idle
	// work runs at most, when no article is shown (a start in the
	// library, a document that could not be read).
	startIdleAtMost = 2 * time.Second
)

// afterStart runs the start's idle work (startIdle) in the browser's next
// idle moment, within idleAtMost; once per page.
func (a *Annotator) afterStart(ctx app.Context) {
	if a.idleQueued {
		return
	}
	a.idleQueued = true
	if !app.IsClient {
		a.startIdle(ctx)
		return
	}
	var idle app.Func
	idle = app.FuncOf(func(app.Value, []app.Value) any {
		idle.Release()
		ctx.Dispatch(a.startIdle)
		return nil
	})
	if app.Window().Get("requestIdleCallback").Truthy() {
		app.Window().Call("requestIdleCallback", idle, map[string]any{"timeout": idleAtMost})
	} else {
		app.Window().Call("setTimeout", idle, 0)
	}
}

// afterStartAtMost runs afterStart within startIdleAtMost, when the start
// shows no article that would have run it.
func (a *Annotator) afterStartAtMost(ctx app.Context) {
	time.AfterFunc(startIdleAtMost, func() { ctx.Dispatch(a.afterStart) })
}

// startIdle is the start's idle work: from now on the sidebar draws the
// panel with nothing selected, an import that stopped when its tab was
// reloaded, closed or crashed is said (sayStoppedImports), the code of a
// tag is run once (warm.go), and the
// browser is asked to keep the storage.
func (a *Annotator) startIdle(ctx app.Context) {
	a.panelDrawn = true
	sayStoppedImports(func(said string) {
		ctx.Dispatch(func(app.Context) { a.tell(notice{Text: said, Error: true}) })
	})
	a.warmTagging()
	if app.IsClient {
		go a.keepStorage(ctx)
	}
}
