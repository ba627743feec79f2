package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// RegisterRoutes tells go-app which component each path shows, in the
// browser and on the server that pre-renders the page. The app has one
// route: its state lives in the browser's storage, not in the URL, and the
// service worker caches only routed pages.
func RegisterRoutes() {
	app.Route("/", func() app.Composer { return &Annotator{} })
}
