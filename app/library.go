package app

// This file is the library: every document of the workspace, listed with
// its counts and status, sorted and filtered by the workspace's rules
// (workspace.Listing, which keeps the order as one document changes), and
// the actions on them. It is a component of its own that owns its
// listing; the root gives it the workspace and is told which document to
// open.

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// libraryPage is how many documents the library draws at once: a page of
// a thousand rows would cost a second to draw and help nobody.
const libraryPage = 50

// libraryHost is what the library asks of the root component.
type libraryHost interface {
	adjudicatorHost
	openFromLibrary(ctx app.Context, id string)
	tellFromLibrary(text string, isError bool)
	storageWords() string
	pickFiles()
	exportDataset(ctx app.Context, sel workspace.Selection, what, none, format string)
	backup(ctx app.Context)
	pickBackup()
	openID() string
	// changedUnder says that the library changed document id's
	// annotations in the store, in words (note) for when it is shown.
	changedUnder(id, note string)
	// tookSummary says that the library changed document id's summary
	// alone (its title, its status): the open document, when it is that
	// one, takes it, and reads nothing else.
	tookSummary(ctx app.Context, id string)
	// unsaved reports whether changes of document id are still on their
	// way to the store (or failed to get there).
	unsaved(id string) bool
	// takeWritten returns the documents whose changes were written since
	// it last ran, while the library was shown, and forgets them.
	takeWritten() []string
	// unstored returns the work this tab holds that the store does not
	// have: the library lists it as the exports hold it.
	unstored(ctx app.Context) map[string]workspace.Unstored
	// unstoredWords says why a document listed is not in the store.
	unstoredWords() string
	// libraryShows tells the root what the library shows (nil: it is
	// gone), so that an import can say what of it the filter hides.
	libraryShows(q *workspace.Query)
}

// library is the library view.
type library struct {
	app.Compo

	Host libraryHost
	// Generation changes when the workspace changed outside the library
	// (an import, a restore): the listing is read again. Writes changes
	// when a change of the open document was written: that document is
	// read again (Host.takeWritten).
	Generation int
	Writes     int

	seen, seenWrites int
	// list is the documents, as the query shows them: read whole when
	// the library is shown or the workspace changed under it, and one
	// document again after a change of it made here.
	list *workspace.Listing
	// notStored holds the documents listed that the store lacks (their
	// first write failed, the storage full): this tab holds them, the
	// exports too, and their rows say so.
	notStored map[string]bool
	// saidDamaged is what the library last said of documents it could
	// not read, said again only when it changes: each reading of the
	// listing would otherwise cover what the user was told since.
	saidDamaged string
	query       workspace.Query
	page        int
	checked     map[string]bool
	renaming    string
	// renamingFrom is the title of document renaming when its Rename was
	// pressed, which its field shows until it is left: drawn from the
	// summary, another tab's rename, read in meanwhile, wrote its title
	// over the one being typed, which was lost, and the title typed
	// before a reload was said to be that tab's (typed.go).
	renamingFrom string
	// refocus is the control (its class) of a document's row that takes
	// the focus once the listing is read again: a rename or a change of
	// status moves the row (listed by last change), and go-app, which
	// compares rows by place, left the focus where the row had been, on
	// the control of the document listed there now.
	refocus rowControl
	// onLoss finds where the focus goes, once the listing is read again,
	// when it fell to the page's body with the control that had it: a
	// row deleted, the Undo button disabled with nothing more to undo.
	// The next Tab started over at the top of the page.
	onLoss []string
	// leave, when set, is a control the focus must leave for onLoss even
	// when it kept it: a row deleted, go-app draws the next document in its
	// elements, and the focus stayed on the same Delete, now the next
	// document's, its name unsaid, which the next Enter deleted.
	leave  string
	loaded bool
	// putWords are the words searched for when the library was last
	// shown, put in the search field once it is drawn (showWords).
	putWords string
	// format is the exchange format the export buttons write: "jsonl",
	// the dataset, or one of annotate/formats' single-file formats.
	format string
	// own is the library's own context, from OnMount: reads finish
	// through it, since go-app drops a Dispatch whose element is gone
	// (the rename field that asked, say).
	own app.Context
}

// exportFormats are the formats the library's export buttons offer: each
// writes the documents chosen into one file. brat, which writes two files
// a document, is left to the command line (annotator convert --to brat),
// and the native export, one file a document, to the open document's
// Download JSON.
var exportFormats = []struct{ name, title string }{
	{"jsonl", "JSON Lines dataset"},
	{"w3c", "W3C Web Annotation"},
	{"labelstudio", "Label Studio tasks"},
	{"csv", "CSV (a row an annotation)"},
}

// OnMount reads the listing.
func (l *library) OnMount(ctx app.Context) {
	l.own = ctx
	l.seen, l.seenWrites = l.Generation, l.Writes
	l.Host.takeWritten()    // the listing, read whole now, has them
	l.query = storedQuery() // as it was last asked for, before a reload too
	l.putWords = l.query.Words
	l.reload(ctx)
}

// OnDismount says that the library is no longer shown.
func (l *library) OnDismount() { l.Host.libraryShows(nil) }

// OnUpdate reads the listing again when the root says the workspace
// changed, and the documents whose changes were written.
func (l *library) OnUpdate(ctx app.Context) {
	if l.Generation != l.seen {
		l.seen, l.seenWrites = l.Generation, l.Writes
		l.Host.takeWritten()
		l.reload(ctx)
		return
	}
	if l.Writes != l.seenWrites {
		l.seenWrites = l.Writes
		for _, id := range l.Host.takeWritten() {
			l.reread(id)
		}
	}
}

// reload reads every summary, off the UI goroutine, and finishes through
// the library's own context.
func (l *library) reload(app.Context) {
	ws := l.Host.workspaceOf()
	if ws == nil {
		return
	}
	ctx := l.own
	unstored := l.Host.unstored(ctx)
	ctx.Async(func() {
		docs, only, err := ws.DocumentsWith(unstored)
		damaged := ""
		if d, ok := errors.AsType[*workspace.DamagedError](err); ok {
			// The others are listed; the lost ones are said.
			damaged, err = sentence(d.Error(), ""), nil
		}
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				l.Host.tellFromLibrary("The library could not be read: "+err.Error(), true)
				return
			}
			if damaged != l.saidDamaged {
				l.saidDamaged = damaged
				if damaged != "" {
					l.Host.tellFromLibrary(damaged, false)
				}
			}
			l.list, l.notStored, l.loaded = workspace.NewListing(docs, l.query), only, true
			l.showWords(ctx)
			l.focusAgain(ctx)
			mark("annotator:library")
		})
	})
}

// showWords puts the words searched for when the library was last shown
// in the search field, once, when the listing is first drawn: the field's
// words are the user's, which Render never writes.
func (l *library) showWords(ctx app.Context) {
	words := l.putWords
	l.putWords = ""
	if words == "" || !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		if f := app.Window().GetElementByID("library-search"); f.Truthy() && f.Get("value").String() == "" {
			f.Set("value", words)
		}
	})
}

// reread reads document id's summary again, off the UI goroutine, after
// a change of it made here: its row moves, and the other 999 documents of
// a library of 1,000 are neither read nor sorted again.
func (l *library) reread(id string) {
	ws := l.Host.workspaceOf()
	if ws == nil {
		return
	}
	if l.list == nil {
		// The listing is still being read, maybe from before the change:
		// read it again, whole.
		l.reload(l.own)
		return
	}
	ctx := l.own
	ctx.Async(func() {
		sum, err := ws.Store().Summary(id)
		ctx.Dispatch(func(ctx app.Context) {
			switch {
			case errors.Is(err, workspace.ErrNoDocument) && l.notStored[id]:
				// Still only in this tab: its row stays.
			case errors.Is(err, workspace.ErrNoDocument):
				l.list.Remove(id)
			case err != nil:
				l.Host.tellFromLibrary("The library could not be read: "+err.Error(), true)
				return
			default:
				delete(l.notStored, id)
				l.list.Put(sum)
			}
			l.focusAgain(ctx)
			mark("annotator:library-row")
		})
	})
}

// focusAgain gives the focus to the control of a row that asks for it,
// once the listing shows the row where it moved, and has each status show
// its document's.
func (l *library) focusAgain(ctx app.Context) {
	at, lost, leave := l.refocus, l.onLoss, l.leave
	l.refocus, l.onLoss, l.leave = rowControl{}, nil, ""
	// The page shown follows the row to where it moved: marked on page 2
	// of the last changed first, it went to page 1, and the focus to the
	// title listed in its old place on page 2, which the next ↓ marked.
	if p := l.list.Place(at.Doc); at.Doc != "" && p >= 0 {
		l.page = p / libraryPage
	}
	ctx.Defer(func(app.Context) {
		showStatuses()
		if at.Doc != "" {
			focusInRow(at)
		}
		if len(lost) > 0 && (focusedNowhere() || leave != "" && focusIn(leave)) {
			focusFirst(lost...)
		}
	})
}

// showStatuses has each row's status select show its document's status
// (its data-status). go-app compares rows by place and a select's options
// by their attributes: a status chosen in a row that then moved stayed
// chosen in the select, for the document listed there now, whose options
// had not changed.
func showStatuses() {
	list := app.Window().Get("document").Call("querySelectorAll", "#library-table .status-select")
	for i := 0; i < list.Length(); i++ {
		s := list.Index(i)
		s.Set("value", s.Get("dataset").Get("status"))
	}
}

// act runs a library change of document row and reads its summary again
// (the whole listing when row is ""). doc is the document whose title or
// annotations change, if any; summaryOnly is set when the change is of
// row's summary alone (a status, its undo): the other tabs take it with
// the summary, and one showing the document read-only does not read the
// document again.
func (l *library) act(ctx app.Context, done, doc, row string, summaryOnly bool, change func(ws *workspace.Workspace) error) {
	ws := l.Host.workspaceOf()
	if ws == nil {
		return
	}
	if err := change(ws); err != nil {
		// No listing follows: the focus goes where it was asked now (a
		// rename refused, to its Rename: it fell to the page's body).
		l.focusAgain(l.own)
		l.Host.tellFromLibrary(libraryFailure(err), true)
		return
	}
	// doc is the document whose annotations changed, if any: the open
	// document is read again when it is shown again.
	l.Host.changedUnder(doc, "")
	if row != "" && row != doc {
		// A delete, its Undo, a rename, a status: no annotation shown
		// changes, but the other tabs' libraries read the row again.
		// Untold, they listed a document deleted here until a reload,
		// and left out one its Undo brought back.
		var c *workspace.Change
		if summaryOnly {
			sc := workspace.SummaryChange()
			c = &sc
			l.Host.tookSummary(ctx, row)
		}
		announce(row, c)
	}
	if done != "" {
		l.Host.tellFromLibrary(done, false)
	}
	if row != "" {
		l.reread(row)
		return
	}
	l.reload(ctx)
}

func (l *library) Render() app.UI {
	if !l.loaded {
		return app.Main().ID("library").Class("library").Body(app.P().Text("Reading the library…"))
	}
	if l.list.Query() != l.query {
		l.list.SetQuery(l.query) // another filter or order: every document
	}
	q := l.query
	l.Host.libraryShows(&q)
	n := l.list.Len()
	pages := max(1, (n+libraryPage-1)/libraryPage)
	l.page = min(l.page, pages-1)
	from, to := l.page*libraryPage, min(n, (l.page+1)*libraryPage)
	rows := l.list.Range(from, to)
	chosen, inView := l.chosen()
	ws := l.Host.workspaceOf()
	undo := ""
	if ws != nil {
		undo = ws.UndoLabel()
	}
	return app.Main().ID("library").Class("library").Aria("labelledby", "library-title").Body(
		app.Header().Class("library-head").Body(
			app.H1().ID("library-title").Text("Library"),
			app.P().ID("library-count").Aria("live", "polite").Text(l.countWords(n, chosen, inView)),
		),
		app.Div().Class("library-tools").Role("group").Aria("label", "Find").Body(
			app.Label().Body(app.Span().Text("Title has"),
				// The field's words are the user's alone, never drawn from
				// l.query: go-app runs OnInput a moment after the event, and
				// a frame drawn in between, with the words read from the
				// key before, wrote them back over the field's: Escape's
				// clear (actions.go) was undone, and the input event it
				// sent then read the old words back. A letter typed within
				// that frame could be dropped the same way.
				app.Input().Type("search").ID("library-search").Placeholder("words of the title").
					OnInput(func(ctx app.Context, e app.Event) {
						l.query.Words, l.page = ctx.JSSrc().Get("value").String(), 0
						storeQuery(l.query)
					})),
			app.Label().Body(app.Span().Text("Status"),
				app.Select().ID("library-status-filter").OnChange(func(ctx app.Context, e app.Event) {
					l.query.Status, l.page = workspace.Status(ctx.JSSrc().Get("value").String()), 0
					storeQuery(l.query)
				}).Body(
					app.Option().Value("").Selected(l.query.Status == "").Text("any"),
					app.Range(workspace.Statuses).Slice(func(i int) app.UI {
						st := workspace.Statuses[i]
						return app.Option().Value(string(st)).Selected(l.query.Status == st).Text(string(st))
					}),
				)),
			app.Label().Body(app.Span().Text("Sort by"),
				app.Select().ID("library-sort").OnChange(func(ctx app.Context, e app.Event) {
					v := ctx.JSSrc().Get("value").String()
					key, desc, _ := strings.Cut(v, ":")
					l.query.Sort, l.query.Descending = workspace.SortKey(key), desc == "desc"
					storeQuery(l.query)
				}).Body(
					l.sortOption("changed:desc", "last change, newest first"),
					l.sortOption("added:desc", "date added, newest first"),
					l.sortOption("added:asc", "date added, oldest first"),
					l.sortOption("title:asc", "title"),
					l.sortOption("status:asc", "status"),
				)),
		),
		app.Div().Class("library-tools").Role("group").Aria("label", "Bring in and take out").Body(
			app.Button().ID("library-add").Title("Add articles (.html, .htm, .xhtml, .txt), exports (.json; W3C Web Annotation, Label Studio, brat .txt with .ann, CSV) or a JSON Lines batch (.jsonl); or drop them on the page").
				OnClick(func(ctx app.Context, e app.Event) { l.Host.pickFiles() }).Text("Add files…"),
			app.Button().ID("export-all").OnClick(func(ctx app.Context, e app.Event) {
				l.Host.exportDataset(ctx, workspace.SelectAll, "the whole library", "The library holds no document", l.format)
			}).Text("Export dataset"),
			app.Button().ID("export-done").OnClick(func(ctx app.Context, e app.Event) {
				l.Host.exportDataset(ctx, workspace.SelectDone, "every document marked done", "No document is marked done", l.format)
			}).Text("Export done"),
			app.Button().ID("export-checked").Disabled(chosen == 0).OnClick(func(ctx app.Context, e app.Event) {
				ids := l.checkedIDs()
				l.Host.exportDataset(ctx, workspace.SelectIDs(ids...), chosenWords(len(ids)), "None of the documents chosen is in the library any more", l.format)
			}).Text(fmt.Sprintf("Export %d chosen", chosen)),
			app.Button().ID("library-clear-choice").Disabled(chosen == 0).
				OnClick(func(ctx app.Context, e app.Event) {
					l.checked = nil
					// Disabled with nothing chosen, it loses the focus.
					focusIfLost(ctx, "#library-check-all", "#library-search")
				}).Text("Clear choice"),
			app.Label().Class("inline").Body(app.Span().Text("as"),
				app.Select().ID("export-format").OnChange(func(ctx app.Context, e app.Event) {
					l.format = ctx.JSSrc().Get("value").String()
				}).Body(
					app.Range(exportFormats).Slice(func(i int) app.UI {
						f := exportFormats[i]
						return app.Option().Value(f.name).Selected(l.format == f.name || l.format == "" && i == 0).Text(f.title)
					}),
				)),
			app.Button().ID("adjudicate-button").Title("Compare several annotators' files of one article, accept or reject each span, and save the gold document").
				OnClick(func(ctx app.Context, e app.Event) { pickAnnotatorFiles() }).Text("Adjudicate…"),
			app.Button().ID("backup-button").Title("Download the whole workspace in one file, to restore in any browser").
				OnClick(func(ctx app.Context, e app.Event) { l.Host.backup(ctx) }).Text("Back up"),
			app.Button().ID("restore-button").Title("Restore a backup into this browser (its library must be empty, or hold only the untouched sample)").
				OnClick(func(ctx app.Context, e app.Event) { l.Host.pickBackup() }).Text("Restore…"),
			app.Button().ID("library-undo").Disabled(undo == "").Title(map[bool]string{true: "Nothing to undo in the library", false: "Undo " + undo}[undo == ""]).
				OnClick(func(ctx app.Context, e app.Event) {
					// What the undo changes is asked of the workspace at the
					// click, never taken from the render: go-app keeps the
					// handler of the first render (its code is the same), so
					// a label captured there said "Undid: ." ever after.
					ws := l.Host.workspaceOf()
					if ws == nil || ws.UndoLabel() == "" {
						return
					}
					label, doc, summaryOnly := ws.UndoLabel(), ws.UndoDocument(), ws.UndoSummaryOnly()
					l.onLoss = []string{rowSelector(ws.UndoRow()) + " .library-open", "#library-search"}
					l.act(ctx, "Undid: "+label+".", doc, ws.UndoRow(), summaryOnly, func(ws *workspace.Workspace) error { return ws.Undo() })
				}).Text("Undo"),
		),
		&adjudicator{Host: l.Host},
		app.If(n == 0, func() app.UI {
			return app.P().ID("library-empty").Class("placeholder").Text("No document matches. Add articles with “Add files…”, or by dropping them on the page.")
		}).Else(func() app.UI {
			// The table scrolls sideways in a box of its own where the
			// window is narrower than its columns (400 % zoom), rather than
			// the whole page with it.
			// A region with a name: a screen reader lists it among the
			// page's landmarks, and says where the focus went when a
			// jump (Alt+W, the skip link) lands on its first title.
			return app.Div().Class("library-scroll").Role("region").Aria("label", "Documents").Body(app.Table().ID("library-table").Class("library-table").Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Body(l.chooseShown(n, inView)),
					app.Th().Scope("col").Aria("sort", l.sortOf(workspace.SortTitle)).Text("Title"),
					app.Th().Scope("col").Text("Site"),
					app.Th().Scope("col").Aria("sort", l.sortOf(workspace.SortAdded)).Text("Added"),
					app.Th().Scope("col").Text("Annotations"),
					app.Th().Scope("col").Aria("sort", l.sortOf(workspace.SortStatus)).Text("Status"),
					app.Th().Scope("col").Aria("sort", l.sortOf(workspace.SortChanged)).Text("Last change"),
					app.Th().Scope("col").Body(app.Span().Class("visually-hidden").Text("Actions")),
				)),
				app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
					return l.renderRow(rows[i])
				})),
			))
		}),
		app.If(pages > 1, func() app.UI {
			return app.Nav().Class("pager").Aria("label", "Library pages").Body(
				app.Button().ID("library-prev").Disabled(l.page == 0).OnClick(func(ctx app.Context, e app.Event) {
					l.page--
					// Disabled on the first page, it loses the focus.
					focusIfLost(ctx, "#library-next:not(:disabled)", "#library-search")
				}).Text("Previous"),
				app.Span().Text(fmt.Sprintf("Documents %d–%d of %d", from+1, to, n)),
				app.Button().ID("library-next").Disabled(l.page >= pages-1).OnClick(func(ctx app.Context, e app.Event) {
					l.page++
					focusIfLost(ctx, "#library-prev:not(:disabled)", "#library-search")
				}).Text("Next"),
			)
		}),
		app.P().ID("storage-info").Class("storage-info").Text(l.Host.storageWords()),
	)
}

func (l *library) sortOption(value, text string) app.UI {
	cur := string(l.query.Sort) + ":" + map[bool]string{true: "desc", false: "asc"}[l.query.Descending]
	return app.Option().Value(value).Selected(cur == value).Text(text)
}

// chooseShown is the head's box that chooses every document the filter
// shows, on every page, not only the fifty drawn: a team exporting "every
// report on the budget" filters by its words and chooses them at once. It
// is ticked when each of them is chosen, and then unchooses them alone
// (those the filter hides stay chosen; "Clear choice" drops them all).
func (l *library) chooseShown(n, inView int) app.UI {
	label := fmt.Sprintf("Choose the %s documents shown", annotate.GroupDigits(int64(n)))
	if n == 1 {
		label = "Choose the document shown"
	}
	return app.Input().Type("checkbox").ID("library-check-all").Class("library-check").Aria("label", label).
		Checked(n > 0 && inView == n).Disabled(n == 0).OnChange(func(ctx app.Context, e app.Event) {
		on := ctx.JSSrc().Get("checked").Bool()
		if l.checked == nil {
			l.checked = map[string]bool{}
		}
		// What the filter shows is read again at the change, not taken
		// from the render (go-app keeps the first render's handler).
		for _, d := range l.list.Range(0, l.list.Len()) {
			if on {
				l.checked[d.ID] = true
			} else {
				delete(l.checked, d.ID)
			}
		}
	})
}

// checkedIDs returns the documents chosen, in the listing's order: those
// the filter hides too. A choice outlives a filter (the row is chosen
// again when it shows again), so “Export N chosen” exports what was
// chosen, hidden or not, and the count line says how many are hidden: it
// counted only the rows in view, and left the others out of the export in
// silence.
func (l *library) checkedIDs() []string {
	var sums []workspace.Summary
	for id, on := range l.checked {
		if s, ok := l.list.Get(id); on && ok {
			sums = append(sums, s)
		}
	}
	var ids []string
	for _, s := range workspace.List(sums, workspace.Query{Sort: l.query.Sort, Descending: l.query.Descending}) {
		ids = append(ids, s.ID)
	}
	return ids
}

// chosen returns how many documents are chosen, and how many of them the
// filter shows: a look at each one chosen, not at every document.
func (l *library) chosen() (chosen, inView int) {
	for id, on := range l.checked {
		if _, ok := l.list.Get(id); on && ok {
			chosen++
			if l.list.Shows(id) {
				inView++
			}
		}
	}
	return chosen, inView
}

// countWords says how many documents the library holds, shows (n) and has
// chosen, and how many of those chosen the filter hides.
func (l *library) countWords(n, chosen, inView int) string {
	total := l.list.Total()
	s := fmt.Sprintf("%s %s; %s shown", annotate.GroupDigits(int64(total)), annotate.Plural(total, "document", "documents"),
		annotate.GroupDigits(int64(n)))
	if chosen > 0 {
		s += fmt.Sprintf("; %s chosen", annotate.GroupDigits(int64(chosen)))
		if hidden := chosen - inView; hidden > 0 {
			s += fmt.Sprintf(", %s of them hidden by the filter", annotate.GroupDigits(int64(hidden)))
		}
	}
	return s + "."
}

// chosenWords names the documents chosen, for the export's message.
func chosenWords(n int) string {
	if n == 1 {
		return "the chosen document"
	}
	return fmt.Sprintf("the %d chosen documents", n)
}

// renderRow draws one document's row. Its handlers read the document's id
// from the row (data-id), never from the closure: go-app keeps an
// element's handler when a list is drawn again in another order, since
// the closure's code is the same, so a captured id would belong to
// whichever document the row showed first.
func (l *library) renderRow(s workspace.Summary) app.UI {
	id := s.ID
	var counts []string
	for _, label := range sortedLabels(s.Counts) {
		counts = append(counts, fmt.Sprintf("%d %s", s.Counts[label], label))
	}
	if s.Orphans > 0 {
		counts = append(counts, fmt.Sprintf("%d unplaced", s.Orphans))
	}
	countText := strings.Join(counts, ", ")
	if countText == "" {
		countText = "none"
	}
	open := l.Host.openID() == id
	// A document whose changes are not all stored cannot be deleted: the
	// changes would fail, and write it again whole (writeWhole).
	unsaved := !open && l.Host.unsaved(id)
	// The open document's row says so to a screen reader too, not by its
	// colour alone.
	current := "false"
	if open {
		current = "true"
	}
	return app.Tr().ID("doc-"+id).Class("library-row", classIf(open, "open")).Aria("current", current).DataSet("id", id).Body(
		app.Td().Body(app.Input().Type("checkbox").Class("library-check").Aria("label", "Choose “"+s.Title+"”").
			Checked(l.checked[id]).OnChange(func(ctx app.Context, e app.Event) {
			if l.checked == nil {
				l.checked = map[string]bool{}
			}
			l.checked[rowID(ctx)] = ctx.JSSrc().Get("checked").Bool()
		})),
		app.Td().Class("library-title").Body(
			app.If(l.renaming == id, func() app.UI {
				// The field is focused by the Rename button (autofocus works
				// once a page in Chromium); Enter renames, Escape puts the
				// title back (escape, actions.go) and leaving it closes it.
				return app.Input().Type("text").ID(renameFieldPrefix+id).Class("rename").Value(l.renamingFrom).DataSet("title", l.renamingFrom).
					Aria("label", "New title of “"+s.Title+"”").
					OnChange(func(ctx app.Context, e app.Event) {
						id, title := rowID(ctx), ctx.JSSrc().Get("value").String()
						// Its place too: a title without the words searched
						// takes the row out of the list, and the focus then
						// goes to the row in its place (focusInRow); it went
						// to the first row's, at the top of the list.
						at := rowControl{Doc: id, Class: "library-rename", At: rowPlace(ctx)}
						l.renaming, l.refocus = "", at
						ctx.Defer(func(app.Context) { focusInRow(at) })
						l.act(ctx, "Renamed it “"+annotate.CleanTitle(title)+"”.", "", id, true, func(ws *workspace.Workspace) error { return ws.Rename(id, title) })
					}).
					OnBlur(func(ctx app.Context, e app.Event) {
						if id := rowID(ctx); l.renaming == id {
							l.renaming = ""
						}
					})
			}).Else(func() app.UI {
				return app.Button().Class("link", "library-open").Title("Open this document").
					OnClick(func(ctx app.Context, e app.Event) { l.Host.openFromLibrary(ctx, rowID(ctx)) }).Text(s.Title)
			}),
		),
		app.Td().Class("library-site").Text(s.Site),
		app.Td().Class("library-added").Body(app.Time().DateTime(s.Added.Format(time.RFC3339)).Text(wallClock(s.Added).Format("2 Jan 2006"))),
		app.Td().Class("library-counts").Text(countText),
		app.Td().Class("library-status").Body(
			app.Select().Class("status-select").Aria("label", "Status of “"+s.Title+"”").DataSet("status", string(s.Status)).Disabled(l.notStored[id]).OnChange(func(ctx app.Context, e app.Event) {
				id, st := rowID(ctx), workspace.Status(ctx.JSSrc().Get("value").String())
				// From the keyboard, ↓ marks it and ↓ again marks it done:
				// the focus goes with the row.
				l.refocus = rowControl{Doc: id, Class: "status-select", At: rowPlace(ctx)}
				l.act(ctx, fmt.Sprintf("Marked “%s” %s.", l.title(id), st), "", id, true, func(ws *workspace.Workspace) error { return ws.SetStatus(id, st) })
			}).Body(app.Range(workspace.Statuses).Slice(func(i int) app.UI {
				st := workspace.Statuses[i]
				return app.Option().Value(string(st)).Selected(s.Status == st).Text(string(st))
			})),
			app.If(l.notStored[id], func() app.UI {
				return app.P().Class("library-unstored").Text(l.Host.unstoredWords())
			}),
		),
		app.Td().Class("library-changed").Body(app.Time().DateTime(s.Changed.Format(time.RFC3339)).Text(wallClock(s.Changed).Format("2 Jan 2006 15:04"))),
		app.Td().Class("library-actions").Body(
			// A document the store lacks has no record to rename or mark:
			// the row says why, and the editor's work is kept meanwhile.
			app.Button().Class("library-rename").Aria("label", "Rename “"+s.Title+"”").Disabled(l.notStored[id]).
				OnClick(func(ctx app.Context, e app.Event) {
					id := rowID(ctx)
					l.renaming, l.renamingFrom = id, l.title(id)
					ctx.Defer(func(app.Context) { focusRenameField(id) })
				}).Text("Rename"),
			app.Button().Class("library-delete").Aria("label", "Delete “"+s.Title+"”").Disabled(open || unsaved).
				Title(deleteTitle(open, unsaved)).
				OnClick(func(ctx app.Context, e app.Event) {
					id := rowID(ctx)
					if id == l.Host.openID() || l.Host.unsaved(id) {
						return
					}
					// The title of the row now in its place, else of the
					// last: a screen reader says the document the focus is
					// on, and Enter there opens it, where a Delete would
					// delete it.
					n := strconv.Itoa(rowPlace(ctx) + 1)
					l.onLoss = []string{
						"#library-table tbody tr:nth-child(" + n + ") .library-open",
						"#library-table tbody tr:last-child .library-open",
						"#library-undo",
					}
					l.leave = ".library-delete"
					l.act(ctx, fmt.Sprintf("Deleted “%s”. Undo brings it back.", l.title(id)), "", id, false, func(ws *workspace.Workspace) error { return ws.Delete(id) })
				}).Text("Delete"),
		),
	)
}

// focusRenameField puts the focus in document id's rename field, its
// title selected to be typed over.
func focusRenameField(id string) {
	if el := app.Window().GetElementByID(renameFieldPrefix + id); el.Truthy() {
		el.Call("focus")
		el.Call("select")
	}
}

// rowSelector finds document id's row.
func rowSelector(id string) string { return `#library-table tr[data-id="` + id + `"]` }

// rowControl is a control of a document's row: the document, the
// control's class, and the row's place when it was asked for.
type rowControl struct {
	Doc, Class string
	At         int
}

// focusInRow puts the focus on the control at of its document's row: on
// the Rename button, where it was before the rename field (the field goes
// with the rename, and the focus fell to the page's body), or on the
// status, after the row moved.
//
// When the row left the list (marked out of the status shown), the focus
// goes to the title of the row now in its place, else of the last: it
// stayed where the row had been, on the same control of another
// document, unsaid, which the next key changed.
func focusInRow(at rowControl) {
	if row := app.Window().GetElementByID("doc-" + at.Doc); row.Truthy() {
		if c := row.Call("querySelector", "."+at.Class); c.Truthy() {
			c.Call("focus")
		}
		return
	}
	n := strconv.Itoa(at.At + 1)
	focusFirst("#library-table tbody tr:nth-child("+n+") .library-open", "#library-table tbody tr:last-child .library-open", "#library-status-filter")
}

// rowID returns the id of the document whose row holds the event's
// element.
func rowID(ctx app.Context) string {
	row := ctx.JSSrc().Call("closest", "tr")
	if !row.Truthy() {
		return ""
	}
	return row.Get("dataset").Get("id").String()
}

// rowPlace returns the place (from 0) among the listed rows of the row
// that holds the event's element.
func rowPlace(ctx app.Context) int {
	return ctx.JSSrc().Call("closest", "tr").Get("sectionRowIndex").Int()
}

// title returns the title of document id as listed.
func (l *library) title(id string) string {
	if s, ok := l.list.Get(id); ok {
		return s.Title
	}
	return id
}

// deleteTitle says what a row's Delete does, or why it is disabled.
func deleteTitle(open, unsaved bool) string {
	switch {
	case open:
		return "Open another document to delete this one"
	case unsaved:
		return "Its last changes are not saved yet: delete it once the toolbar says “Saved”"
	}
	return "Delete it; Undo brings it back"
}

// sortedLabels returns the labels of counts in a stable order.
func sortedLabels(counts map[string]int) []string {
	return slices.Sorted(maps.Keys(counts))
}

// These methods make the root the library's host.

func (a *Annotator) workspaceOf() *workspace.Workspace { return a.keep.ws }

func (a *Annotator) adjudication() *adjudicationState { return &a.adjudicating }

// openFromLibrary opens document id, chosen in the library. The focus
// goes to its article, where the keys that move the caret and tag act: the title's button goes with the library, the focus fell to
// the page's body, and the annotator started again from the top of the
// page.
func (a *Annotator) openFromLibrary(ctx app.Context, id string) {
	if a.keep.editor != nil && a.keep.editor.ID() == id {
		a.showOpen(ctx, focusFrameIfLost)
		return
	}
	a.openDocument(ctx, id, notice{}, focusFrameIfLost)
}

// release closes document id when it is the open one, so that adjudication
// can replace its annotations; while its changes are on their way to the
// store it refuses, in words, open or not: written after the gold
// annotations, they would put the annotations they change back among
// them, with counts that no longer fit (a backup of that library is
// refused on restore).
func (a *Annotator) release(id string) error {
	if e := a.keep.queuedEditor(id); e != nil && (a.keep.editor == nil || a.keep.editor.ID() != id) {
		return fmt.Errorf("“%s” has changes not saved yet in this browser, which would be written over the gold annotations: save the gold document again once they are saved (Retry, in the toolbar)", e.Document.Title)
	}
	if a.keep.editor == nil || a.keep.editor.ID() != id {
		return nil
	}
	if len(a.keep.queue) > 0 {
		return fmt.Errorf("“%s” is open and its last changes are still being saved: save the gold document again in a moment", a.doc.Title)
	}
	a.keep.editor, a.doc, a.set, a.orphans, a.selected = nil, nil, nil, nil, ""
	// Its lock goes with it: kept, another tab showed it read-only, open
	// in no tab.
	a.releaseLocks()
	return nil
}

func (a *Annotator) tellFromLibrary(text string, isError bool) {
	a.tell(notice{Text: text, Error: isError})
}

func (a *Annotator) unsaved(id string) bool { return a.keep.queuedEditor(id) != nil }

func (a *Annotator) takeWritten() []string {
	ids := a.libraryWritten
	a.libraryWritten = nil
	return ids
}

func (a *Annotator) openID() string {
	if a.keep.editor == nil {
		return ""
	}
	return a.keep.editor.ID()
}

// storageWords says where the work is kept and how much room it takes.
func (a *Annotator) storageWords() string {
	k := &a.keep
	if k.memory {
		return "This library is kept only in this tab: " + k.why
	}
	s := "Your library is kept in this browser's storage for this site (IndexedDB)"
	if k.quota > 0 {
		s += fmt.Sprintf(", using %s of the %s the browser allows", annotate.FormatSize(k.usage), annotate.FormatSize(k.quota))
	}
	if k.persisted {
		s += ". The browser has agreed to keep it even when space runs low."
	} else {
		s += ". The browser may clear it if space runs low: back it up now and then."
	}
	return s
}

// renderLibrary draws the library.
func (a *Annotator) renderLibrary() app.UI {
	return &library{Host: a, Generation: a.libraryGeneration, Writes: a.libraryWrites}
}

// sortOf is the aria-sort of the column that key sorts by: the order the
// library is in when it is that column's ("Sort by" chooses it), else
// "none". A screen reader says it with the column's header.
func (l *library) sortOf(key workspace.SortKey) string {
	switch {
	case l.query.Sort != key:
		return "none"
	case l.query.Descending:
		return "descending"
	}
	return "ascending"
}

// wallClock returns t as the clock on the user's wall read at that
// instant: with the browser's offset from UTC for t, not today's. Go's
// time.Local in the browser is one fixed offset, the one of the moment
// the app started, so that a time from the other side of a change to or
// from summer time was shown an hour off, on the wrong day near midnight.
//
// The offsets asked are kept by instant (zoneOffsets): a row is drawn at
// every render of the library, and its two times are the same from one
// render to the next.
func wallClock(t time.Time) time.Time {
	if !app.IsClient {
		return t.Local()
	}
	ms := t.UnixMilli()
	zone, ok := zoneOffsets[ms]
	if !ok {
		off := app.Window().Get("Date").New(float64(ms)).Call("getTimezoneOffset").Int()
		zone = time.FixedZone("", -off*60)
		if len(zoneOffsets) >= 10_000 {
			clear(zoneOffsets) // a library's two times a document, and room to spare
		}
		zoneOffsets[ms] = zone
	}
	return t.In(zone)
}

// zoneOffsets are the zones wallClock found, by instant in milliseconds.
var zoneOffsets = map[int64]*time.Location{}
