//go:build withannotator

package main

// Built with -tags withannotator, the bare app carries the annotator's
// code without running it: every package the annotator's main links is
// linked here too, and initialised at start, but nothing of it runs after
// (no storage opened, no article loaded, no component of the annotator
// drawn). BenchmarkBrowserLoadSizeFloor starts it beside the plain bare
// app: the ratio of the two is what a binary of the annotator's size costs
// a start before the app does anything, the floor under
// BenchmarkBrowserLoadVsBare's ratios.

import (
	"os"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
	ui "github.com/newsannotator/annotator/app"
	"github.com/newsannotator/annotator/wasm/idb"
	"github.com/newsannotator/annotator/wasm/textdecode"
)

func init() {
	// Never true (a page has a handful of arguments), but the linker
	// cannot know it, so everything the annotator's main reaches is kept.
	if len(os.Args) > 1<<30 {
		annotate.UseCharsets(textdecode.Charsets{})
		ui.BrowserStorage = ui.Storage{
			Open: func() (workspace.Store, error) {
				s, err := idb.Open("annotator")
				if err != nil {
					return nil, err
				}
				return s, nil
			},
			Persist:  idb.Persist,
			Estimate: idb.Estimate,
		}
		ui.RegisterRoutes()
	}
}
