package app

// This file offers a new version of the app: go-app's service worker
// installs it in the background and tells every component (OnAppUpdate);
// this one, which owns whether the offer shows, offers to reload. Reloading
// loses nothing, since every change is written as it is made; it waits only
// for a write still on its way.

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// updateHost is what the update offer asks of the root.
type updateHost interface {
	// unwritten returns how many changes are still being written.
	unwritten() int
}

// update is the banner that offers a new version.
type update struct {
	app.Compo

	Host updateHost

	ready bool
}

// OnAppUpdate shows the offer once a new version is installed.
func (u *update) OnAppUpdate(ctx app.Context) {
	if ctx.AppUpdateAvailable() {
		u.ready = true
		mark("annotator:update-ready")
	}
}

func (u *update) Render() app.UI {
	if !u.ready {
		return app.Div().Class("update-holder")
	}
	return app.Div().Class("update-holder").Body(
		app.Div().ID("update").Class("update").Role("status").Body(
			app.Span().Text("A new version of the annotator is ready. Reloading keeps all your work."),
			app.Button().ID("update-reload").OnClick(u.reload).Text("Reload now"),
		),
	)
}

// reload reloads the page once every change is written.
func (u *update) reload(ctx app.Context, e app.Event) {
	if u.Host.unwritten() > 0 {
		ctx.NewActionWithValue(actionTell, notice{Text: "A change is still being saved; reload once the toolbar says “Saved”.", Error: true})
		return
	}
	ctx.Reload()
}
