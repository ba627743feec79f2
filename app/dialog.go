package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file keeps the rule for dialogs: a dialog takes the focus when it
// opens and holds it (a modal <dialog>: the rest of the page is inert, and
// web/annotator.js wraps Tab inside it), Escape closes it (the keyboard
// handler turns Escape into the dialog's own way out, see escape), and
// closing it gives the focus back to the element that had it when it
// opened. Each dialog is named by its title and described by its text.

// modal is one dialog, open for as long as the annotator renders it.
type modal struct {
	app.Compo

	ID          string
	Class       string
	Role        string // "dialog", or "alertdialog" for a question
	TitleID     string // the element that names it
	DescribedBy string // the element that says what it is about, or ""
	Content     []app.UI

	opener app.Value // what had the focus when it opened
}

// OnMount remembers the focused element and shows the dialog as a modal
// once it is on the page.
func (m *modal) OnMount(ctx app.Context) {
	if !app.IsClient {
		return
	}
	m.opener = app.Window().Get("document").Get("activeElement")
	id := m.ID
	ctx.Defer(func(app.Context) {
		if h := helper(); h.Truthy() {
			h.Call("openModal", id)
		}
	})
}

// OnDismount gives the focus back.
func (m *modal) OnDismount() {
	if h := helper(); h.Truthy() {
		opener := m.opener
		if opener == nil {
			opener = app.Null()
		}
		h.Call("closeModal", m.ID, opener)
	}
}

// Render draws the dialog. The browser's own cancel (Escape) is stopped:
// the keyboard handler closes it through the annotator's state, so the
// page and the state never disagree.
func (m *modal) Render() app.UI {
	return app.Dialog().ID(m.ID).Class(m.Class).Role(m.Role).
		Aria("modal", "true").Aria("labelledby", m.TitleID).Aria("describedby", m.DescribedBy).
		On("cancel", func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		Body(m.Content...)
}
