package app

// This file is the keyboard help: its button in the toolbar and its
// dialog, one component that owns whether it is open. The rest of the app
// opens and closes it by action (actionHelp, actionCloseDialog), never by
// reaching into its state.

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// The actions the help handles.
const (
	// actionHelp shows the help, or hides it when it shows.
	actionHelp = "annotator.help"
	// actionCloseDialog closes the open dialog (Escape).
	actionCloseDialog = "annotator.close-dialog"
)

// help is the keyboard help's button and dialog.
type help struct {
	app.Compo

	// Labels are the open document's labels, whose keys the help lists.
	Labels []annotate.Label

	open bool
}

// OnMount listens for the actions that open and close the help.
func (h *help) OnMount(ctx app.Context) {
	ctx.Handle(actionHelp, func(ctx app.Context, _ app.Action) { h.open = !h.open })
	ctx.Handle(actionCloseDialog, func(ctx app.Context, _ app.Action) { h.open = false })
}

func (h *help) Render() app.UI {
	return app.Div().Class("help-holder").Body(
		app.Button().ID("help-button").Class("help-button").Title("Keyboard shortcuts (?)").Aria("expanded", h.open).
			OnClick(func(ctx app.Context, e app.Event) { h.open = !h.open }).Text("Keys ?"),
		app.If(h.open, h.renderDialog),
	)
}

func (h *help) renderDialog() app.UI {
	labels := h.Labels
	return &modal{ID: "help", Class: "help", Role: "dialog", TitleID: "help-title", Content: []app.UI{
		app.H2().ID("help-title").Text("Keyboard shortcuts"),
		// A table a screen reader can name and read by its headers: each
		// row's keys head what they do.
		app.Table().Aria("labelledby", "help-title").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Keys"),
				app.Th().Scope("col").Text("What they do"),
			)),
			app.TBody().Body(
				app.Range(labels).Slice(func(i int) app.UI {
					l := labels[i]
					return app.Tr().Body(
						app.Th().Scope("row").Body(app.Kbd().Text(strings.ToUpper(l.Key))),
						app.Td().Text(fmt.Sprintf("tag the selection as %s; with no selection, relabel the selected annotation (on an entry of the list: its annotation)", l.Name)),
					)
				}),
				app.Range(shortcuts).Slice(func(i int) app.UI {
					return app.Tr().Body(
						app.Th().Scope("row").Body(app.Kbd().Text(shortcuts[i].Keys)),
						app.Td().Text(shortcuts[i].Does),
					)
				}),
			),
		),
		// Close, the one stop, has the focus as the dialog opens (so that
		// "?" then Enter closes it), and stays in sight at the dialog's
		// foot (sticky, app.css), so that focusing it scrolls nothing: at
		// its place after the list, it scrolled the dialog to its end in
		// any window shorter than the list, its title out of sight.
		app.Button().ID("help-close").OnClick(func(ctx app.Context, e app.Event) { h.open = false }).Text("Close"),
	}}
}
