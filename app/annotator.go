// Package app holds the annotator's go-app components: a thin layer that
// turns DOM events into calls on package annotate and renders the result.
//
// Annotator is the root: it holds the open document, its annotations and
// the selection, and turns events into calls on package annotate. What the
// page shows is drawn by components that each own their own state and
// render only when their props change: the toolbar (toolbar.go) with the
// save indicator (keeper.go) and the keyboard help (help.go), the article's
// text (article.go), the sidebar (sidebar.go), the library (library.go),
// the batch import (bring.go) and the update offer (update.go). The
// highlights are painted, then patched, through web/annotator.js (paint.go,
// bridge.go).
package app

import (
	"fmt"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// Annotator is the root component: the whole annotator on one page.
type Annotator struct {
	app.Compo

	// keep holds the workspace and writes every change (keeper.go).
	keep keeper
	view view // the article or the library
	// readOnly is set while another tab holds the open document; locking
	// until the browser has said whose lock it is (lockDocument): a
	// change made before that was written under the tab holding it.
	readOnly, locking bool
	// waitingKeys are the keyboard commands given while locking, run once
	// the answer comes.
	waitingKeys []binding
	// keysHeld is set while a key whose command moves the focus runs:
	// the keys typed after it are held until the focus has moved
	// (listen.go), which a command whose focus waits past its render
	// says itself (takeHeld).
	keysHeld bool
	// typedWaiting is the text typed before the page went away
	// (typed.go), set once the lock's answer lets the document change.
	typedWaiting *typed
	// pageGone is set from the page's pagehide until it is shown again.
	pageGone bool
	// locksLetGo is set when the page let its documents' locks go as it
	// went into the back-forward cache (listen.go), until it is shown again.
	locksLetGo bool
	// typing is the field focused last, for keepTyped; typedKept is the
	// item it kept as the page was hidden (forgetTyped).
	typing    typing
	typedKept string
	// placeOf maps the article's DOM positions to offsets for the
	// reading place kept (place.go).
	placeOf app.Func
	// follow says when the document shown read-only is read again
	// (follow.go); followWaiting is what waits for that read (a download).
	follow        workspace.Follower
	followWaiting []func(app.Context)
	// libraryGeneration changes when the workspace changed under the
	// library's feet (an import, a restore): it reads its listing again.
	libraryGeneration int
	// libraryWrites changes when a change of a document was written while
	// the library was shown; libraryWritten holds those documents, which
	// the library reads again (takeWritten), not the whole listing.
	libraryWrites  int
	libraryWritten []string
	// libraryQuery is the filter and order the library shows, nil when
	// it is not shown (import_hidden.go).
	libraryQuery *workspace.Query
	// adjudicating is the adjudication under way, kept here so that it
	// outlives the library's view (adjudicate.go).
	adjudicating adjudicationState
	// importing is set while the importer brings files in: a reload or a
	// closed tab would stop it halfway, with no report of where
	// (importRunning).
	importing bool

	doc     *annotate.Document
	set     *annotate.Set
	orphans []annotate.Annotation

	selected string   // ID of the selected annotation, or ""
	choices  []string // IDs of the annotations under a click, when several
	// reveal changes when the sidebar must show the selected entry; list
	// is the sidebar on the page, which owns what it lists.
	reveal  int
	list    *sidebar
	selInfo string // the text selection, in words
	author  string // who the new annotations are by
	// keySchema is the schema the keyboard handler reads, outside the UI
	// goroutine; it is replaced, never changed, when a document opens.
	keySchema annotate.Schema
	bounds    boundaries // the sentences and paragraphs of doc

	notice   notice
	loading  *progress
	dragging bool

	// painter is what the page shows of the annotations (paint.go).
	painter painter
	// sessionDue is set while rememberSession waits for the next frame;
	// sessionDoc is the document it last wrote.
	sessionDue bool
	sessionDoc string
	// panelDrawn is set once the sidebar draws the selected annotation's
	// panel even with none selected: by the start's idle work, or by the
	// first selection painted (paint.go); idleQueued once the start's idle
	// work is asked for, after its first paint (later.go).
	panelDrawn, idleQueued bool

	listeners []func()
	// keydown is the document's keydown listener, which warmTagging
	// calls once with a key of no binding (warm.go); nil once dismounted.
	keydown app.Func
	// mounted is the component's own context, from OnMount.
	mounted   app.Context
	isMounted bool
}

// notice is the message line: what just happened, in words.
type notice struct {
	Text  string
	Error bool
	Again bool // toggled when the same message is said again
	// About names the document whose opening the message tells of, and
	// ReadOnly says that it tells that the document is read-only here,
	// open in another tab: the lock's answer, which says so, adds to it
	// or leaves it, and never takes its place (lockDocument). An opening
	// said "the file's annotations were not added" until that answer.
	About    string
	ReadOnly bool
}

// progress is the state of an article being opened.
type progress struct {
	Name        string
	Size        int
	Step, Steps int
	What        string
}

// said is what a screen reader hears of an opening while it runs: that
// it started, with the file's name and size; nil, nothing.
func (p *progress) said() string {
	switch {
	case p == nil:
		return ""
	case p.Size > 0:
		return fmt.Sprintf("Opening %s (%s)…", p.Name, annotate.FormatSize(int64(p.Size)))
	}
	return "Opening " + p.Name + "…"
}

// view is what the page shows: the open article or the library.
type view int

const (
	viewArticle view = iota
	viewLibrary
)

// authorKey is where earlier versions kept the annotator's name, in local
// storage; the workspace's settings keep it now.
const authorKey = "annotator.author"

// OnMount listens to the document and opens the workspace.
func (a *Annotator) OnMount(ctx app.Context) {
	a.mounted, a.isMounted = ctx, true
	ctx.Handle(actionLibraryChanged, func(ctx app.Context, act app.Action) {
		a.libraryGeneration++
		a.measureStorage(ctx)
		announceLibrary()
		// An import wrote the open document's annotations: its editor holds
		// it as it was, and it is read again when it is shown again; at
		// once when it is shown now (opened while the import ran), unless
		// it holds a change not yet taken, which would be left out.
		if ids, ok := act.Value.([]string); ok && a.keep.editor != nil && slices.Contains(ids, a.keep.editor.ID()) {
			a.changedUnder(a.keep.editor.ID(), "The import added annotations to this document: it shows them now.")
			if a.view == viewArticle && !a.readOnly && !a.keep.due {
				a.showOpen(ctx, nil)
			}
		}
	})
	ctx.Handle(actionRetrySave, func(ctx app.Context, _ app.Action) { a.retrySave(ctx) })
	ctx.Handle(actionTell, func(ctx app.Context, act app.Action) {
		if n, ok := act.Value.(notice); ok {
			a.tell(n)
		}
	})
	ctx.Handle(actionUntell, func(ctx app.Context, act app.Action) {
		if text, ok := act.Value.(string); ok && text != "" && a.notice.Text == text {
			a.notice = notice{}
		}
	})
	a.listen(ctx)
	if a.keep.ws == nil {
		a.startWorkspace(ctx)
	}
}

// OnDismount stops listening to the document.
func (a *Annotator) OnDismount() {
	for _, stop := range a.listeners {
		stop()
	}
	a.listeners = nil
	a.keydown = nil
}

// afterRender runs fn once the page has been rendered. It goes through the
// component's own context: go-app drops a deferred function whose element
// is gone, and the button that asked (in the unsaved-work banner, say) is
// often removed by that very render.
func (a *Annotator) afterRender(ctx app.Context, fn func(app.Context)) {
	if a.isMounted {
		a.mounted.Defer(fn)
		return
	}
	ctx.Defer(fn)
}

// ui returns the context to run work later in: the root's own, once it is
// mounted. go-app drops a Dispatch or Defer whose source element is gone,
// and the button that started a write or a read (Drop, in the orphan list,
// say) is often removed by the very render that follows: the write's
// result would be dropped and the queue would wait for it forever.
func (a *Annotator) ui(ctx app.Context) app.Context {
	if a.isMounted {
		return a.mounted
	}
	return ctx
}

// version returns the open document's Set's version, or 0.
func (a *Annotator) version() int {
	if a.set == nil {
		return 0
	}
	return a.set.Version()
}

// schema returns the label schema of the open document.
func (a *Annotator) schema() annotate.Schema {
	if a.set == nil {
		return annotate.DefaultSchema()
	}
	return a.set.Schema()
}

// say shows and announces a message.
func (a *Annotator) say(text string) { a.tell(notice{Text: text}) }

// fail shows and announces an error message.
func (a *Annotator) fail(text string) { a.tell(notice{Text: text, Error: true}) }

// tell shows n. The same message twice in a row is drawn a little
// differently, so that the live region announces it again.
func (a *Annotator) tell(n notice) {
	if n.Text != "" && n.Text == a.notice.Text && n.Error == a.notice.Error {
		n.Again = !a.notice.Again
	}
	a.notice = n
}

// Render draws the annotator.
func (a *Annotator) Render() app.UI {
	return app.Div().
		Class("annotator", classIf(a.dragging, "dragging")).
		Body(
			a.toolbarOf(),
			a.renderNotices(),
			app.If(a.view == viewLibrary, a.renderLibrary).Else(func() app.UI {
				return app.Div().Class("workspace").Body(
					a.renderReader(),
					&sidebar{Set: a.set, Version: a.version(), Selected: a.selected, Reveal: a.reveal,
						Choices: a.choices, Orphans: a.orphans, ReadOnly: a.readOnly, Panel: a.panelDrawn, Host: a},
				)
			}),
			app.If(a.dragging, func() app.UI {
				return app.Div().Class("drop-overlay").Aria("hidden", "true").Body(
					app.P().Text("Drop an article (.html, .htm, .txt) or an export (.json) to open it"),
				)
			}),
		)
}

// classIf returns class when cond holds, else "".
func classIf(cond bool, class string) string {
	if cond {
		return class
	}
	return ""
}
