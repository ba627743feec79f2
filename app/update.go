package app

// This file offers a new version of the app: go-app's service worker
// installs it in the background and tells every component (OnAppUpdate);
// this one, which owns whether the offer shows, offers to reload. Reloading
// loses nothing, since every change is written as it is made; it waits only
// for a write still on its way.
//
// The browser looks for a new version when the page loads; a tab that an
// annotator keeps open all day would never hear of one. So the app asks
// too (app.TryUpdate) when the tab comes back into view and every
// updateEvery while it stays open.

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// updateEvery is how often an open tab looks for a new version.
const updateEvery = time.Hour

// updateHost is what the update offer asks of the root.
type updateHost interface {
	// unwritten returns how many changes are still being written.
	unwritten() int
	// reloadWhenSaved reloads the page once those are written, and
	// returns what to say.
	reloadWhenSaved(ctx app.Context) notice
	// importRuns reports whether an import is bringing files in: a
	// reload would stop it halfway, with no report of where it stopped.
	importRuns() bool
}

// update is the banner that offers a new version.
type update struct {
	app.Compo

	Host updateHost
	// Loses says what reloading now would lose for good (the root's
	// reloadLoses), or "" when nothing: the offer then says so instead of
	// promising that reloading keeps all the work.
	Loses string
	// Held is the open document when this tab holds it for editing (its
	// lock), else "".
	Held string

	ready bool
	stop  func()
	// waited is the document held that another tab was found waiting
	// for (lookWaited): the reload lets that tab have it, and the
	// reloaded tab shows it read-only, which the offer says first.
	waited  string
	checked string // the document held when lookWaited last looked
}

// OnMount looks for a new version when the tab comes back into view, and
// every updateEvery.
func (u *update) OnMount(ctx app.Context) {
	doc := app.Window().Get("document")
	visible := app.FuncOf(func(this app.Value, args []app.Value) any {
		if doc.Get("visibilityState").String() == "visible" {
			app.TryUpdate()
			ctx.Dispatch(u.lookWaited)
		}
		return nil
	})
	doc.Call("addEventListener", "visibilitychange", visible)
	tick := time.NewTicker(updateEvery)
	done := make(chan struct{})
	ctx.Async(func() {
		for {
			select {
			case <-tick.C:
				app.TryUpdate()
			case <-done:
				return
			}
		}
	})
	u.stop = func() {
		doc.Call("removeEventListener", "visibilitychange", visible)
		visible.Release()
		tick.Stop()
		close(done)
	}
}

// OnDismount stops looking.
func (u *update) OnDismount() {
	if u.stop != nil {
		u.stop()
		u.stop = nil
	}
}

// OnAppUpdate shows the offer once a new version is installed.
func (u *update) OnAppUpdate(ctx app.Context) {
	if ctx.AppUpdateAvailable() {
		u.ready = true
		u.lookWaited(ctx)
		mark("annotator:update-ready")
	}
}

// OnUpdate looks again when the document held changes.
func (u *update) OnUpdate(ctx app.Context) {
	if u.Held != u.checked {
		u.lookWaited(ctx)
	}
}

// lookWaited asks the browser, while the offer shows, whether another tab
// waits for the document held (a tab that has it open read-only). It
// looks when the offer comes, when the tab is shown again and when the
// document held changes: a tab opened after that is not seen, and the
// reloaded tab then says that it is read-only, as it does after any
// reload.
func (u *update) lookWaited(ctx app.Context) {
	u.checked = u.Held
	h := helper()
	if !u.ready || u.Held == "" || !h.Truthy() || !h.Get("waitedFor").Truthy() {
		u.waited = ""
		return
	}
	id := u.Held
	var then app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		then.Release()
		waited := len(args) > 0 && args[0].Bool()
		ctx.Dispatch(func(app.Context) {
			if u.Held != id {
				return
			}
			if waited {
				u.waited = id
			} else {
				u.waited = ""
			}
		})
		return nil
	})
	h.Call("waitedFor", id).Call("then", then)
}

func (u *update) Render() app.UI {
	if !u.ready {
		return app.Div().Class("update-holder")
	}
	return app.Div().Class("update-holder").Body(
		app.Div().ID("update").Class("update").Role("status").Body(
			app.Span().Text("A new version of the annotator is ready. "+u.reloadWords()),
			app.Button().ID("update-reload").OnClick(u.reload).Text("Reload now"),
		),
	)
}

// reloadWords says what reloading does to the work.
func (u *update) reloadWords() string {
	words := "Reloading keeps all your work."
	if u.Loses != "" {
		words = u.Loses
	}
	if u.waited != "" && u.waited == u.Held {
		words += " " + waitedWords
	}
	return words
}

// waitedWords says what a reload does when another tab waits for the
// document this tab holds.
const waitedWords = "Another tab is waiting to edit this document: reloading lets that tab have it, and this one will show it read-only until that tab closes it."

// reload reloads the page once every change is written (a field left as
// Reload now is pressed gives one on its way: the page reloads once it is
// written, reloadWhenSaved) and no import runs (the report of an import
// stopped halfway would be lost with the page: it says how far it got).
// A change that failed to be written is never waited for in vain: the offer says that
// reloading would lose it. With work that only this tab keeps (a
// workspace in memory, an adjudication's decisions) the page reloads, and
// the browser asks first (the tab's beforeunload: Annotator.unloadLoses).
func (u *update) reload(ctx app.Context, e app.Event) {
	if u.Host.importRuns() {
		ctx.NewActionWithValue(actionTell, notice{Text: importWait, Error: true})
		return
	}
	if u.Host.unwritten() > 0 {
		ctx.NewActionWithValue(actionTell, u.Host.reloadWhenSaved(ctx))
		return
	}
	ctx.Reload()
}
