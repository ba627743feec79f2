package app

// This file keeps what a start draws after its first paint rather than
// before it: the panel that edits the selected annotation, hidden until
// something is selected. In a new renderer process (a cold start, a
// browser started again, a new tab) V8 compiles every function of
// app.wasm again on its first call, and its code cache keeps only
// optimised code, which code run once at start never becomes. The panel,
// drawn hidden at start, had the start compile the go-app element types
// it alone uses (a select, its options, a textarea, a fieldset) and its
// own render: 81 of the 1,099 functions compiled between main and the
// article shown (BenchmarkBrowserStartCompiles, BENCH.md). It is drawn
// in the first idle moment after the article is painted instead, before
// anyone could select an annotation; a selection that comes first (a
// session that reopens with one) draws it at once.

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// panelLater is how long drawPanelSoon waits at most for an idle moment.
const panelLater = 500 // ms

// drawPanelSoon has the sidebar draw its panel in the browser's next idle
// moment (within panelLater), once: from then on it is always drawn.
func (a *Annotator) drawPanelSoon(ctx app.Context) {
	if a.panelDrawn || a.panelQueued {
		return
	}
	a.panelQueued = true
	if !app.IsClient {
		a.panelDrawn = true
		return
	}
	var idle app.Func
	idle = app.FuncOf(func(app.Value, []app.Value) any {
		idle.Release()
		ctx.Dispatch(func(app.Context) { a.panelDrawn = true })
		return nil
	})
	if app.Window().Get("requestIdleCallback").Truthy() {
		app.Window().Call("requestIdleCallback", idle, map[string]any{"timeout": panelLater})
	} else {
		app.Window().Call("setTimeout", idle, 0)
	}
}
