package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// RegisterRoutes tells go-app which component each path shows, in the
// browser and on the server that pre-renders the page. The app has one
// route: its state lives in the browser's storage, not in the URL, and the
// service worker caches only routed pages. A static host serves the page
// at index.html too (GitHub Pages, an S3 site), where a bookmark may name
// it: that is the app as well, not go-app's "Not found" (a pattern, which
// the static build does not write a page of its own for).
func RegisterRoutes() {
	app.Route("/", func() app.Composer { return &Annotator{} })
	app.RouteWithRegexp(`^/index\.html$`, func() app.Composer { return &Annotator{} })
}
