package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// This file draws the message lines and the article's head and legend.

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
			// The steps are drawn for the eye, not said: as a status
			// region, the progress had a screen reader read out each
			// step. What it hears is progress-said's start, below, and
			// the message line's end.
			return app.Div().ID("progress").Class("progress").Body(
				app.Span().Text(label),
				app.Progress().Max(max(p.Steps, 1)).Value(p.Step).Aria("label", "Opening "+p.Name),
			)
			// Absent, a slot keeps its place: go-app compares elements by
			// place, and the progress coming and going shifted the message
			// line, which it then wrote anew, its live regions new on the
			// page at each opening (screen readers often miss what a new
			// region holds, "Opened …" there).
		}).Else(slot),
		// Always on the page, as a live region must be for its change to
		// be heard: the opening's start, once, and empty after it.
		app.Span().ID("progress-said").Class("visually-hidden").Role("status").Text(a.loading.said()),
		&importer{Host: a},
		&update{Host: a, Loses: a.reloadLoses(), Held: a.heldHere()},
		// The message line, which says what each action did, in two live
		// regions that are always there and never change their role: a
		// polite one (status) for what went well and an assertive one
		// (alert) for what went wrong, the other one empty. A screen
		// reader misses a change made with a change of role, as when one
		// region switched between the two. A message said again gets a
		// trailing no-break space, so that it changes and is said again.
		app.P().ID("notice").Class("notice", classIf(a.notice.Error, "error")).Body(
			app.Span().ID("notice-said").Role("status").Aria("atomic", "true").Text(a.noticeText(false)),
			app.Span().ID("notice-alert").Role("alert").Aria("atomic", "true").Text(a.noticeText(true)),
		),
		app.P().ID("selection-info").Class("selection-info").Aria("live", "polite").Text(a.selInfo),
	)
}

// noticeText returns the message line's text for its assertive region
// (alert) or its polite one, "" for the one that does not say it.
func (a *Annotator) noticeText(alert bool) string {
	if a.notice.Error != alert {
		return ""
	}
	return a.notice.Text + map[bool]string{true: "\u00a0"}[a.notice.Again]
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
		&articleText{Doc: d, Hint: a.articleHint(), Host: a},
	)
}

// articleHint tells how to tag from the keyboard: the moves, the
// selection and the labels' keys, then the help's lines that have words
// for the hint (Shortcut.Hint), so that the two say the same keys.
func (a *Annotator) articleHint() string {
	hint := "Move the caret with the arrow keys (Alt with up and down: by sentence; Ctrl: by paragraph), hold Shift to select from it, " +
		"then press a label's key: " + keyList(a.schema().Labels) + "."
	for _, s := range shortcuts {
		if s.Hint != "" {
			hint += " " + s.Hint
		}
	}
	return hint
}

// clickText selects the annotations under a click on the article's text,
// on the root's own context: the click came to the article's component.
func (a *Annotator) clickText(x, y float64) {
	if a.isMounted {
		a.mounted.Dispatch(func(ctx app.Context) { a.clickArticle(ctx, x, y) })
	}
}

// textShown paints the highlights on the article's text, drawn anew: the
// page then has every highlight again (web/annotator.js's patch refuses an
// article it did not paint, and paint paints all).
func (a *Annotator) textShown() {
	if a.isMounted {
		a.mounted.Defer(func(ctx app.Context) { a.paint(ctx) })
	}
}

// stayOnLink says how to follow a link of the article.
func (a *Annotator) stayOnLink(href string) {
	if a.isMounted {
		a.mounted.Dispatch(func(ctx app.Context) {
			a.say("Links open in a new tab with Ctrl+click (⌘+click on a Mac): " + href)
		})
	}
}

// renderLegend names the labels with their keys; each tags the selection.
// While the document is read-only here, they are disabled, and a line
// says why (readOnlyReason), which describes each.
func (a *Annotator) renderLegend() app.UI {
	labels := a.schema().Labels
	return app.Div().Class("legend").Role("group").Aria("label", "Labels").Body(
		app.Range(labels).Slice(func(i int) app.UI {
			l := labels[i]
			button := app.Button()
			if a.readOnly {
				button = button.Disabled(true).Aria("describedby", readOnlyReasonID)
			}
			return button.ID("tag-"+l.Name).Class("legend-item", labelClass(l.Name)).
				Title(fmt.Sprintf("Tag the selection as %s (key %s)", l.Name, strings.ToUpper(l.Key))).
				// Pressing the button must not take the text selection away.
				OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }, app.EventScope(l.Name)).
				OnClick(func(ctx app.Context, e app.Event) { a.tagOrRelabel(ctx, l.Name, "") }, app.EventScope(l.Name)).
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
		app.If(a.readOnly, func() app.UI {
			return app.P().ID(readOnlyReasonID).Class("read-only-reason").Text("Read-only here. " + readOnlyReason + ".")
		}),
	)
}

// toggleLibrary shows the library, or the open article again.
func (a *Annotator) toggleLibrary(ctx app.Context) {
	if a.view == viewLibrary && a.doc != nil {
		a.showOpen(ctx, nil)
		return
	}
	a.view = viewLibrary
	if app.IsClient {
		// The article's place is kept as it is left: the library's own
		// scrolling was kept as the article's, which came back at the
		// top, and so did a reload.
		helper().Call("keepScroll", "", "")
	}
	a.measureStorage(ctx)
}

// showOpen shows the open article again, read again from the store when
// the library changed it there since it was opened (keeper.stale): its
// editor holds it as it was before, and its title, its download and the
// counts its next change writes would leave out what changed. then, if
// not nil, runs once it is drawn.
func (a *Annotator) showOpen(ctx app.Context, then func()) {
	k := &a.keep
	if id := k.stale; k.editor != nil && id == k.editor.ID() && k.queuedEditor(id) == nil {
		note := k.staleNote
		k.stale, k.staleNote = "", ""
		a.openDocument(ctx, id, notice{Text: note}, then)
		return
	}
	a.view = viewArticle
	a.afterRender(ctx, func(app.Context) {
		if k.editor != nil {
			a.backToPlace(k.editor.ID())
		}
		if then != nil {
			then()
		}
	})
}

// backToPlace scrolls the article shown again, document id, to where it
// was read, and keeps its place from now on (web/workspace.js's
// keepScroll, which toggleLibrary stopped).
func (a *Annotator) backToPlace(id string) {
	if !app.IsClient {
		return
	}
	if pos, ok := storedScroll(); ok && pos.Doc == id {
		scrollToPlace(a.doc, pos)
	}
	a.keepPlace(id, a.doc)
}
