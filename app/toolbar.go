package app

// This file is the toolbar: the library, opening and exporting an
// article, undo and redo, the author's name, whether the work is saved
// (saveIndicator, keeper.go) and the keyboard help (help.go). It is a
// component whose props are what it shows, so that go-app renders it again
// only when one of them changes; its buttons call the root.

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// toolbarHost is what the toolbar asks of the root.
type toolbarHost interface {
	toggleLibrary(ctx app.Context)
	goTo(ctx app.Context, target string)
	onManyChosen(ctx app.Context, e app.Event)
	onBackupChosen(ctx app.Context, e app.Event)
	onFileChosen(ctx app.Context, e app.Event)
	onAuthorChange(ctx app.Context, e app.Event)
	downloadExport(ctx app.Context)
	copyExport(ctx app.Context)
	undo(ctx app.Context)
	redo(ctx app.Context)
}

// toolbar is the bar at the top of the page.
type toolbar struct {
	app.Compo

	Library bool // the library is shown
	HasDoc  bool // a document is open
	// UndoTitle and RedoTitle say what undo and redo would do, or that
	// there is nothing to; CanUndo and CanRedo enable them.
	UndoTitle, RedoTitle string
	CanUndo, CanRedo     bool
	Author               string
	Labels               []annotate.Label
	Save                 saveView // what the save indicator says
	Host                 toolbarHost

	// shownUndo and shownRedo are CanUndo and CanRedo as last drawn.
	shownUndo, shownRedo bool
}

// OnMount notes what the history buttons show, and puts the author's
// name in its field.
func (t *toolbar) OnMount(app.Context) {
	t.shownUndo, t.shownRedo = t.CanUndo, t.CanRedo
	t.putAuthor()
}

// authorInput is the field of the author's name. On the page its value is
// putAuthor's, not go-app's: go-app writes a value that differs from the
// one it drew last, focused or not, a frame or more after the change
// event. A name typed, Enter, then more typed lost what came after the
// Enter ("Ann", Enter, " Lee" left "Ann": TestAuthorKeepsTextTypedAfterEnter).
func (t *toolbar) authorInput() app.HTMLInput {
	input := app.Input().Type("text").ID("author-input").Placeholder("anonymous").
		AutoComplete(true).OnChange(t.Host.onAuthorChange)
	if !onPage() {
		input = input.Value(t.Author)
	}
	return input
}

// putAuthor writes the author's name into its field, unless the field has
// the focus: what is typed there is the user's until its change event,
// which makes it the name.
func (t *toolbar) putAuthor() {
	if !onPage() {
		return
	}
	doc := app.Window().Get("document")
	field := doc.Call("getElementById", "author-input")
	if !field.Truthy() || field.Equal(doc.Get("activeElement")) || field.Get("value").String() == t.Author {
		return
	}
	field.Set("value", t.Author)
}

// OnUpdate gives the focus of a history button that its own press
// disabled (the last undo, or redo, there was) to the other one: the
// button kept it, disabled, and the page's body then had it. It is done
// when the root's new props come, not after the click: the click's own
// render may come before them, and under load it did (the focus then fell
// to the body). A button disabled while the focus is elsewhere (Ctrl+Z in
// the article) leaves it there (focusIfLost).
func (t *toolbar) OnUpdate(ctx app.Context) {
	if t.shownUndo && !t.CanUndo {
		focusIfLost(ctx, "#redo-button:not(:disabled)", "#article")
	}
	if t.shownRedo && !t.CanRedo {
		focusIfLost(ctx, "#undo-button:not(:disabled)", "#article")
	}
	t.shownUndo, t.shownRedo = t.CanUndo, t.CanRedo
	t.putAuthor()
}

// toolbarOf returns the toolbar's props for the root's state.
func (a *Annotator) toolbarOf() *toolbar {
	t := &toolbar{Library: a.view == viewLibrary, HasDoc: a.doc != nil, Author: a.author,
		UndoTitle: "Nothing to undo", RedoTitle: "Nothing to redo", Labels: a.schema().Labels, Save: a.saveView(), Host: a}
	if t.Library {
		// The article's history is out of sight, as its keys are (see
		// bindingFor); the library's own Undo takes back its changes.
		t.UndoTitle, t.RedoTitle = "Nothing to undo here: the library has its own Undo", "Nothing to redo here"
		return t
	}
	if a.readOnly {
		// Nothing of another tab's to undo from here: it is disabled.
		t.UndoTitle, t.RedoTitle = "Nothing to undo here. "+readOnlyReason, "Nothing to redo here. "+readOnlyReason
		return t
	}
	if a.set != nil && a.set.CanUndo() {
		t.CanUndo, t.UndoTitle = true, "Undo "+a.set.UndoLabel()+" (Ctrl+Z)"
	}
	if a.set != nil && a.set.CanRedo() {
		t.CanRedo, t.RedoTitle = true, "Redo "+a.set.RedoLabel()+" (Ctrl+Shift+Z)"
	}
	return t
}

func (t *toolbar) Render() app.UI {
	h := t.Host
	return app.Header().Class("toolbar").Body(
		// First in the tab order, shown when focused: past the toolbar.
		app.Div().Class("skip-links").Body(
			// In the library, its documents first: the first one was 18
			// Tab presses away, past every control. Absent, a slot keeps
			// the other links' places, which go-app compares by place.
			app.If(t.Library, func() app.UI {
				return app.Button().ID("skip-documents").Class("skip-link").Title("Alt+W").
					OnClick(func(ctx app.Context, e app.Event) { h.goTo(ctx, focusDocuments) }).Text("Skip to the documents")
			}).Else(slot),
			app.Button().ID("skip-article").Class("skip-link").Title("Alt+A").
				OnClick(func(ctx app.Context, e app.Event) { h.goTo(ctx, focusArticle) }).Text("Skip to the article"),
			app.Button().ID("skip-annotations").Class("skip-link").Title("Alt+L").
				OnClick(func(ctx app.Context, e app.Event) { h.goTo(ctx, focusAnnotations) }).Text("Skip to the annotations"),
		),
		app.Div().Class("brand").Body(
			// Decoration: go-app drops an empty alt, so it is hidden instead.
			app.Img().Src("/web/icon.svg").Class("brand-icon").Aria("hidden", "true"),
			app.Span().Class("wide-only").Text("Annotator"),
		),
		app.Div().Class("group").Role("group").Aria("label", "Library").Body(
			app.Button().ID("library-button").Aria("pressed", t.Library).
				Title("Every document of your workspace: open, rename, mark done, add many, export a dataset, back up").
				OnClick(func(ctx app.Context, e app.Event) { h.toggleLibrary(ctx) }).Text("Library"),
			app.Input().Type("file").ID(manyInputID).Class("hidden-input").TabIndex(-1).Aria("hidden", "true").Multiple(true).
				Accept(".html,.htm,.xhtml,.txt,.json,.jsonl,.jsonld,.ann,.csv,text/html,text/plain,application/json,text/csv").
				OnChange(h.onManyChosen),
			app.Input().Type("file").ID(backupInputID).Class("hidden-input").TabIndex(-1).Aria("hidden", "true").
				Accept(".json,application/json").OnChange(h.onBackupChosen),
		),
		app.Div().Class("group").Role("group").Aria("label", "Article").Body(
			app.Button().ID("open-button").Title("Open an article (.html, .htm, .txt) or an export (.json, or one document in W3C, Label Studio, JSON Lines or CSV) — Ctrl+O; or drop a file, or paste with Ctrl+V").
				OnClick(func(ctx app.Context, e app.Event) { openFilePicker() }).Text("Open…"),
			app.Input().Type("file").ID(fileInputID).Class("hidden-input").TabIndex(-1).Aria("hidden", "true").
				Accept(".html,.htm,.xhtml,.txt,.json,.jsonld,.jsonl,.csv,text/html,text/plain,application/json,text/csv").
				OnChange(h.onFileChosen),
		),
		app.Div().Class("group").Role("group").Aria("label", "Export").Body(
			// In a window too narrow for the toolbar on one line, " JSON"
			// goes (web/app.css); the name says it always.
			app.Button().ID("download-button").Title("Download the annotations as JSON (Ctrl+S)").Aria("label", "Download JSON").Disabled(!t.HasDoc).
				OnClick(func(ctx app.Context, e app.Event) { h.downloadExport(ctx) }).Body(app.Text("Download"), app.Span().Class("wide-only").Text(" JSON")),
			app.Button().ID("copy-button").Title("Copy the JSON export to the clipboard").Aria("label", "Copy JSON").Disabled(!t.HasDoc).
				OnClick(func(ctx app.Context, e app.Event) { h.copyExport(ctx) }).Body(app.Text("Copy"), app.Span().Class("wide-only").Text(" JSON")),
		),
		app.Div().Class("group").Role("group").Aria("label", "History").Body(
			app.Button().ID("undo-button").Title(t.UndoTitle).Aria("label", t.UndoTitle).Disabled(!t.CanUndo).
				OnClick(func(ctx app.Context, e app.Event) { h.undo(ctx) }).Text("Undo"), // disabled by the last undo: OnUpdate
			app.Button().ID("redo-button").Title(t.RedoTitle).Aria("label", t.RedoTitle).Disabled(!t.CanRedo).
				OnClick(func(ctx app.Context, e app.Event) { h.redo(ctx) }).Text("Redo"),
		),
		app.Label().Class("author").Body(
			app.Span().Text("Your name"),
			t.authorInput(),
		),
		&saveIndicator{View: t.Save},
		&help{Labels: t.Labels},
	)
}
