package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// This file draws the toolbar, the message lines, the article and the
// keyboard help.

func (a *Annotator) renderToolbar() app.UI {
	canUndo := a.set != nil && a.set.CanUndo()
	canRedo := a.set != nil && a.set.CanRedo()
	undoTitle, redoTitle := "Nothing to undo", "Nothing to redo"
	if canUndo {
		undoTitle = "Undo " + a.set.UndoLabel() + " (Ctrl+Z)"
	}
	if canRedo {
		redoTitle = "Redo " + a.set.RedoLabel() + " (Ctrl+Shift+Z)"
	}
	return app.Header().Class("toolbar").Body(
		// First in the tab order, shown when focused: past the toolbar.
		app.Div().Class("skip-links").Body(
			app.Button().ID("skip-article").Class("skip-link").Title("Alt+A").
				OnClick(func(ctx app.Context, e app.Event) { focusText() }).Text("Skip to the article"),
			app.Button().ID("skip-annotations").Class("skip-link").Title("Alt+L").
				OnClick(func(ctx app.Context, e app.Event) { a.focusAnnotations(ctx) }).Text("Skip to the annotations"),
		),
		app.Div().Class("brand").Body(
			// Decoration: go-app drops an empty alt, so it is hidden instead.
			app.Img().Src("/web/icon.svg").Class("brand-icon").Aria("hidden", "true"),
			app.Span().Text("Annotator"),
		),
		app.Div().Class("group").Role("group").Aria("label", "Library").Body(
			app.Button().ID("library-button").Aria("pressed", a.view == viewLibrary).
				Title("Every document of your workspace: open, rename, mark done, add many, export a dataset, back up").
				OnClick(func(ctx app.Context, e app.Event) { a.toggleLibrary() }).Text("Library"),
			app.Input().Type("file").ID(manyInputID).Class("hidden-input").TabIndex(-1).Aria("hidden", "true").Multiple(true).
				Accept(".html,.htm,.xhtml,.txt,.json,.jsonl,text/html,text/plain,application/json").
				OnChange(a.onManyChosen),
			app.Input().Type("file").ID(backupInputID).Class("hidden-input").TabIndex(-1).Aria("hidden", "true").
				Accept(".json,application/json").OnChange(a.onBackupChosen),
		),
		app.Div().Class("group").Role("group").Aria("label", "Article").Body(
			app.Button().ID("open-button").Title("Open an article (.html, .htm, .txt) or an export (.json) — Ctrl+O; or drop a file, or paste with Ctrl+V").
				OnClick(func(ctx app.Context, e app.Event) { openFilePicker() }).Text("Open…"),
			app.Input().Type("file").ID(fileInputID).Class("hidden-input").TabIndex(-1).Aria("hidden", "true").
				Accept(".html,.htm,.xhtml,.txt,.json,text/html,text/plain,application/json").
				OnChange(a.onFileChosen),
		),
		app.Div().Class("group").Role("group").Aria("label", "Export").Body(
			app.Button().ID("download-button").Title("Download the annotations as JSON (Ctrl+S)").Disabled(a.doc == nil).
				OnClick(func(ctx app.Context, e app.Event) { a.downloadExport(ctx) }).Text("Download JSON"),
			app.Button().ID("copy-button").Title("Copy the JSON export to the clipboard").Disabled(a.doc == nil).
				OnClick(func(ctx app.Context, e app.Event) { a.copyExport(ctx) }).Text("Copy JSON"),
		),
		app.Div().Class("group").Role("group").Aria("label", "History").Body(
			app.Button().ID("undo-button").Title(undoTitle).Aria("label", undoTitle).Disabled(!canUndo).
				OnClick(func(ctx app.Context, e app.Event) { a.undo(ctx) }).Text("Undo"),
			app.Button().ID("redo-button").Title(redoTitle).Aria("label", redoTitle).Disabled(!canRedo).
				OnClick(func(ctx app.Context, e app.Event) { a.redo(ctx) }).Text("Redo"),
		),
		app.Label().Class("author").Body(
			app.Span().Text("Your name"),
			app.Input().Type("text").ID("author-input").Value(a.author).Placeholder("anonymous").
				AutoComplete(true).OnChange(a.onAuthorChange),
		),
		a.renderSaveState(),
		&help{Labels: a.schema().Labels},
	)
}

// onAuthorChange keeps the annotator's name for new annotations.
func (a *Annotator) onAuthorChange(ctx app.Context, e app.Event) {
	a.author = strings.TrimSpace(ctx.JSSrc().Get("value").String())
	if ws := a.keep.ws; ws != nil {
		if err := ws.SetAuthor(a.author); err != nil {
			a.fail("Your name could not be saved: " + err.Error())
		}
	}
	if a.set != nil {
		a.set.SetAuthor(a.author)
	}
}

func (a *Annotator) renderNotices() app.UI {
	return app.Div().Class("notices").Body(
		app.If(a.loading != nil, func() app.UI {
			p := a.loading
			label := fmt.Sprintf("Opening %s (%s): %s…", p.Name, annotate.FormatSize(int64(p.Size)), p.What)
			if p.Steps > 1 && p.Step > 0 {
				label = fmt.Sprintf("Opening %s (%s): %s (step %d of %d)…", p.Name, annotate.FormatSize(int64(p.Size)), p.What, p.Step, p.Steps)
			}
			return app.Div().ID("progress").Class("progress").Role("status").Body(
				app.Span().Text(label),
				app.Progress().Max(max(p.Steps, 1)).Value(p.Step).Aria("label", label),
			)
		}),
		&importer{Host: a},
		&update{Host: a},
		// The live region that says what each action did. A message said
		// again gets a trailing no-break space, so that it changes and is
		// said again.
		app.P().ID("notice").Class("notice", classIf(a.notice.Error, "error")).
			Role(map[bool]string{true: "alert", false: "status"}[a.notice.Error]).Aria("atomic", "true").
			Text(a.notice.Text+map[bool]string{true: "\u00a0"}[a.notice.Again]),
		app.P().ID("selection-info").Class("selection-info").Aria("live", "polite").Text(a.selInfo),
	)
}

func (a *Annotator) renderReader() app.UI {
	if a.doc == nil {
		return app.Main().Class("reader").Body(
			app.P().Class("placeholder").Text("Opening the sample article…"),
		)
	}
	d := a.doc
	var facts []string
	for _, f := range []string{d.Meta.SiteName, d.Meta.Author, d.Meta.Published} {
		if f != "" {
			facts = append(facts, f)
		}
	}
	source := d.URL
	if source == "" {
		source = d.Meta.Source
	}
	return app.Main().Class("reader").Aria("label", "Article").Body(
		app.Header().Class("article-head").Body(
			app.H1().ID("doc-title").Text(d.Title),
			app.If(len(facts) > 0, func() app.UI { return app.P().Class("byline").Text(strings.Join(facts, " · ")) }),
			app.If(source != "", func() app.UI { return app.P().Class("source").Text("Source: " + source) }),
		),
		a.renderLegend(),
		// The instructions are the frame's description, which a screen
		// reader says when the frame takes the focus; aria-label is only
		// heard on an element with a role, so the frame is a region.
		app.P().ID("article-hint").Class("visually-hidden").Text(a.articleHint()),
		app.Div().ID("article").Class("article-frame").TabIndex(0).
			Role("region").Aria("label", "Article text").Aria("describedby", "article-hint").
			OnClick(a.onArticleClick).
			Body(app.Raw(d.HTML)),
	)
}

// articleHint tells how to tag from the keyboard.
func (a *Annotator) articleHint() string {
	return "Move the caret with the arrow keys (Alt with up and down: by sentence; Ctrl: by paragraph), hold Shift to select from it, " +
		"then press a label's key: " + a.keyList() + ". Enter edits the annotation at the caret. Press ? for every key."
}

// onArticleClick keeps the article's links from leaving the annotator on
// a plain click, and selects the annotations under the click.
func (a *Annotator) onArticleClick(ctx app.Context, e app.Event) {
	target := e.Get("target")
	if target.Truthy() && target.Get("closest").Truthy() {
		if link := target.Call("closest", "a[href]"); link.Truthy() {
			if !e.Get("ctrlKey").Bool() && !e.Get("metaKey").Bool() {
				e.PreventDefault()
				a.say("Links open in a new tab with Ctrl+click (⌘+click on a Mac): " + link.Get("href").String())
				return
			}
			return // the link opens in a new tab, as the sanitiser set it
		}
	}
	a.clickArticle(ctx, e.Get("clientX").Float(), e.Get("clientY").Float())
}

// renderLegend names the labels with their keys; each tags the selection.
func (a *Annotator) renderLegend() app.UI {
	labels := a.schema().Labels
	return app.Div().Class("legend").Role("group").Aria("label", "Labels").Body(
		app.Range(labels).Slice(func(i int) app.UI {
			l := labels[i]
			return app.Button().ID("tag-"+l.Name).Class("legend-item", labelClass(l.Name)).
				Title(fmt.Sprintf("Tag the selection as %s (key %s)", l.Name, strings.ToUpper(l.Key))).
				// Pressing the button must not take the text selection away.
				OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }, app.EventScope(l.Name)).
				OnClick(func(ctx app.Context, e app.Event) { a.tagOrRelabel(ctx, l.Name) }, app.EventScope(l.Name)).
				Body(
					app.Span().Class("swatch", labelClass(l.Name)).Aria("hidden", "true"),
					app.Span().Text(l.Name),
					app.Kbd().Text(strings.ToUpper(l.Key)),
				)
		}),
		app.Span().Class("legend-item", "legend-overlap").Title("Where spans overlap or nest, a line runs above the text").Body(
			app.Span().Class("swatch", "swatch-overlap").Aria("hidden", "true"),
			app.Span().Text("overlap"),
		),
	)
}

// toggleLibrary shows the library, or the open article again.
func (a *Annotator) toggleLibrary() {
	if a.view == viewLibrary && a.doc != nil {
		a.view = viewArticle
		return
	}
	a.view = viewLibrary
}
