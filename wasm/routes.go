package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "github.com/newsannotator/annotator/app"
)

// registerRoutes tells go-app which component each path shows. The app has
// one route: its state lives in the browser's storage, not in the URL, and
// the service worker caches only routed pages.
func registerRoutes() {
	app.Route("/", func() app.Composer { return &ui.Annotator{} })
}
