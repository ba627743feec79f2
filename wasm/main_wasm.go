//go:build wasm

package main

import (
	"runtime/debug"

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
		Open:     func() (workspace.Store, error) { return idb.Open(databaseName) },
		Persist:  idb.Persist,
		Estimate: idb.Estimate,
	}
	ui.RegisterRoutes()
	app.RunWhenOnBrowser()
}
