package app

// This file is the sidebar: the list of annotations, the choices under a
// click and the orphans (the selected annotation's panel is in
// selected.go). It is a component
// that owns what the list shows (the label it is filtered by, the rows in
// view, and the copy of the annotations it draws from), and renders again
// only when the annotations, the selection or the orphans change, or other
// rows come into view: the root's other changes (a message, a save) leave
// it alone.
//
// In the browser the list's rows are not go-app's: go-app draws the list
// empty, once, and the sidebar puts and replaces its rows itself, one by
// one, through web/sidebar.js (drawRows). The root has it do so in the
// very turn of a change (Annotator.paint), so that a tag's row shows in
// the frame of its highlight; go-app would redraw the list whole, on its
// own ticker, two or three frames later.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// The list draws only the rows near the view, so that a change redraws
// within a frame whatever the number of annotations: the rows in view (as
// web/sidebar.js reports them, see watchList) and as many again above
// and below. A list of up to drawWhole rows is drawn whole, and viewGuess
// rows are taken to be in view until the page has said.
const (
	drawWhole = 60
	viewGuess = 20
)

// sidebarHost is what the sidebar asks of the root, which holds the
// document and its annotations.
type sidebarHost interface {
	// attach tells the root which sidebar is on the page (nil: none).
	attach(s *sidebar)
	choose(ctx app.Context, id string)
	relabel(ctx app.Context, id, label string)
	setAttribute(ctx app.Context, id, name, value string)
	delete(ctx app.Context, id string)
	placeOrphan(ctx app.Context, id string)
	dropOrphan(ctx app.Context, id string)
	// selection returns the id of the annotation selected now, which the
	// rows show even before go-app has handed the sidebar its new
	// Selected.
	selection() string
}

// sidebar lists the annotations of Set.
type sidebar struct {
	app.Compo

	Set      *annotate.Set
	Version  int    // Set's version: the sidebar renders again when it changes
	Selected string // the selected annotation's id, or ""
	// Reveal changes when the root asks for the selected entry to be
	// shown (after a tag, a click, a step), even when it was selected.
	Reveal  int
	Choices []string              // the annotations under a click, when several
	Orphans []annotate.Annotation // the imported annotations not placed
	// ReadOnly is set while the document is read-only here: the controls
	// that would change it are disabled, described by the line that
	// says why (readOnlyReasonID).
	ReadOnly bool
	// Panel is set once the panel of the selected annotation is drawn
	// even with none selected (later.go, paint.go); until then it is
	// drawn only for a selection.
	Panel bool
	Host  sidebarHost

	filter string // the label the list shows, or "" for all
	// view is the rows of the list in view, from view[0] to view[1]
	// (excluded), as the page last reported them.
	view      [2]int
	watcher   app.Func    // the page's callback when other rows come into view
	mounted   app.Context // its own, to run work after a render
	isMounted bool
	// showRow is the row to scroll into view after the next render, or -1.
	showRow int

	// shown is the Set the list was last rendered for: another is
	// another document's, which the list shows unfiltered, from its top.
	shown    *annotate.Set
	revealed int

	// drawn is the list as drawRows last put it in the page; drawQueued
	// is set while a drawRows waits for the end of a render.
	drawn      drawnRows
	drawQueued bool
	// orphansDrawn is the ids of the orphans' rows drawOrphans last put
	// in the page, in order.
	orphansDrawn []string
	// orphansShown is Orphans as drawOrphans last put them.
	orphansShown []annotate.Annotation
}

// drawnRows is what the page's list holds: its generation (0: nothing
// drawn yet), its rows (the ids from place first+1 of a list of total),
// each row's HTML by id, and what they show: which set, as of which
// version, with which annotation selected.
type drawnRows struct {
	gen          int
	first, total int
	ids          []string
	html         map[string]string
	set          *annotate.Set
	version      int
	selected     string
}

func (s *sidebar) OnMount(ctx app.Context) {
	s.mounted, s.isMounted = ctx, true
	s.Host.attach(s)
	s.showRow = -1
	s.view = [2]int{0, viewGuess}
	s.watch(ctx)
	s.reveal(ctx)
	s.queueDraw()
}

func (s *sidebar) OnDismount() {
	s.isMounted = false
	s.Host.attach(nil)
	if s.watcher != nil {
		if h := helper(); h.Truthy() {
			h.Call("watchList", nil)
		}
		s.watcher.Release()
		s.watcher = nil
	}
}

// watch has the page report the rows in view when they come near an edge
// of the rows drawn (after a scroll, or a change of the list), to draw the
// rows about them.
func (s *sidebar) watch(ctx app.Context) {
	h := helper()
	if !app.IsClient || !h.Truthy() {
		return
	}
	s.watcher = app.FuncOf(func(this app.Value, args []app.Value) any {
		from, to := args[0].Int(), args[1].Int()
		ctx.Dispatch(func(ctx app.Context) { s.view = [2]int{from, to} })
		return nil
	})
	h.Call("watchList", s.watcher)
}

// keepFocus has the entry that has the focus keep it when the list is
// drawn anew (Tab moved it down the list, the list scrolled and drew the
// rows below): after the render, when the focus was lost with the old
// list, it goes back to that entry. A move of the focus made meanwhile (to
// the entry chosen, say) stands.
func (s *sidebar) keepFocus() {
	id := focusedEntry()
	if id == "" || !s.isMounted {
		return
	}
	s.mounted.Defer(func(app.Context) {
		if focusedNowhere() {
			focusEntry(id)
		}
	})
}

// focusedEntry returns the id of the annotation whose entry has the
// focus, or "".
func focusedEntry() string {
	if !app.IsClient {
		return ""
	}
	active := app.Window().Get("document").Get("activeElement")
	if !active.Truthy() || !active.Get("closest").Truthy() {
		return ""
	}
	if li := active.Call("closest", "#entries > li"); li.Truthy() {
		return li.Get("dataset").Get("id").String()
	}
	return ""
}

// focusEntry gives the focus to annotation id's entry, when it is drawn,
// without scrolling.
func focusEntry(id string) {
	if el := app.Window().GetElementByID("entry-" + id); el.Truthy() {
		el.Call("querySelector", ".entry-main").Call("focus", map[string]any{"preventScroll": true})
	}
}

// OnUpdate shows the selected entry when the root asks, or when another
// document opens.
func (s *sidebar) OnUpdate(ctx app.Context) {
	if s.shown != s.Set && s.shown != nil {
		s.filter = ""
		s.view = [2]int{0, viewGuess}
	}
	if s.Reveal != s.revealed {
		s.reveal(ctx)
	}
}

// reveal shows the selected entry: its row is drawn, and scrolled into
// view after the render.
func (s *sidebar) reveal(ctx app.Context) {
	s.revealed = s.Reveal
	if s.selection() == "" {
		return
	}
	row := s.showEntry(s.selection())
	if row < 0 || !app.IsClient {
		return
	}
	s.showRow = row
	ctx.Defer(func(ctx app.Context) {
		if s.showRow < 0 {
			return
		}
		if h := helper(); h.Truthy() {
			h.Call("revealRow", s.showRow)
		}
		s.showRow = -1
	})
}

// selection returns the id of the annotation selected now: the root's,
// which may be newer than Selected.
func (s *sidebar) selection() string {
	if s.Host != nil {
		return s.Host.selection()
	}
	return s.Selected
}

// onPage reports whether the list's rows are put by drawRows: in the
// browser, with the page's scripts loaded. Elsewhere (the server's
// prerender, native tests) go-app draws the list whole, as HTML.
func onPage() bool {
	return app.IsClient && helper().Truthy()
}

// drawNow puts the list's rows in the page at once, in the turn of a
// change of the annotations or of the selection, before the browser's
// next frame; reveal is the root's Reveal: a new one shows the selected
// entry, and scrolls the sidebar to it in that frame, and again once
// go-app has drawn the rest of the sidebar (the selected annotation's
// panel, above the list, may have come and pushed the row down).
func (s *sidebar) drawNow(reveal int) {
	if !s.isMounted || !onPage() {
		return
	}
	row := -1
	if reveal != s.revealed {
		s.revealed = reveal
		if id := s.selection(); id != "" {
			row = s.showEntry(id)
		}
	}
	s.drawRows(true)
	if row >= 0 {
		s.showRow = row
		helper().Call("revealRow", row)
	}
}

// queueDraw has drawRows run once go-app has rendered (and maybe drawn
// the list anew, empty).
func (s *sidebar) queueDraw() {
	if s.drawQueued || !s.isMounted || !onPage() {
		return
	}
	s.drawQueued = true
	s.mounted.Defer(func(app.Context) {
		s.drawQueued = false
		if !s.isMounted {
			return
		}
		s.drawRows(false)
		s.drawOrphans()
		// The render that shows the selection drawNow revealed.
		if s.showRow >= 0 && s.Selected == s.selection() {
			helper().Call("revealRow", s.showRow, true)
			s.showRow = -1
		}
	})
}

// drawRows puts the rows near the view in the page's list: the rows whose
// HTML is not as drawn (new, changed, selected or no longer) are sent
// whole, the others by id only, and web/sidebar.js's setRows puts them
// in order and numbers them. Its page's cost follows the rows drawn
// (about 60), not the annotations, and a row's HTML is written again only
// when its annotation changed (Set.ChangedSince) or was or is selected.
// When the page's list is not the one last drawn (go-app drew the sidebar
// anew), every row is sent.
//
// With now (in the turn of a change, before the frame that shows its
// highlight), only rows already drawn and the changed ones are put before
// that frame, and the rows new to the list's window after it: rows put
// before the frame are written, parsed, styled and laid out before it can
// be drawn (a window of 60 rows new to it cost 6–8 ms there, in a trace of
// the tagging benchmark). So when more than a row or two would be new
// (the view moves to another part of the list, to a tag far from the
// last one, or part way), the window before the frame is the rows drawn,
// with the selected annotation's row when it lies among them or next to
// them, else that row alone; the frame after puts the rest. Putting no
// row before the frame left the row two frames late (BENCH.md, "Issue 9,
// fourth pass").
func (s *sidebar) drawRows(now bool) {
	if s.Set == nil {
		return
	}
	selected := s.selection()
	total := s.listLen()
	first, end := s.rows(total)
	if d := s.drawn; now && d.gen > 0 {
		fresh := 0
		for _, ann := range s.listSlice(first, end) {
			if _, drawn := d.html[ann.ID]; !drawn && ann.ID != selected {
				fresh++
			}
		}
		if fresh > 2 {
			// The rows drawn, as they lie in the list now: one more, for
			// a row added before or among them.
			from, to := d.first, min(total, d.first+len(d.ids)+1)
			i := s.position(selected)
			switch {
			case i >= 0 && (from >= to || i < from-1 || i > to):
				first, end = i, i+1 // far from them: that row alone
			case i >= 0:
				first, end = min(from, i), max(to, i+1)
			case from < to:
				first, end = from, to
			default:
				first, end = 0, 0
			}
			afterNextFrame(func() {
				s.mounted.Dispatch(func(app.Context) {
					if !s.isMounted {
						return
					}
					// The page may have reported the view it had before
					// the list scrolled to the selected row.
					if id := s.selection(); id != "" {
						s.showEntry(id)
					}
					s.drawRows(false)
				})
			})
		}
	}
	d := s.drawn
	changed := map[string]bool{d.selected: true, selected: true}
	known := d.set == s.Set
	if known {
		var ids []string
		ids, known = s.Set.ChangedSince(d.version)
		for _, id := range ids {
			changed[id] = true
		}
	}
	ids := make([]string, 0, end-first)
	rows := make(map[string]string, end-first)
	var put strings.Builder
	for _, ann := range s.listSlice(first, end) {
		old, drawn := d.html[ann.ID]
		row := old
		if !drawn || !known || changed[ann.ID] {
			row = rowHTML(ann, ann.ID == selected)
		}
		ids = append(ids, ann.ID)
		rows[ann.ID] = row
		if !drawn || row != old {
			put.WriteString(row)
		}
	}
	h := helper()
	gen := s.drawn.gen + 1
	joined := strings.Join(ids, ",")
	if h.Call("setRows", s.drawn.gen, gen, first, total, joined, put.String()).Int() < 0 {
		put.Reset()
		for _, id := range ids {
			put.WriteString(rows[id])
		}
		h.Call("setRows", 0, gen, first, total, joined, put.String())
	}
	s.drawn = drawnRows{gen: gen, first: first, total: total, ids: ids, html: rows,
		set: s.Set, version: s.Set.Version(), selected: selected}
	s.putCounts(total == 0)
	s.putSelected()
}

// The list is the Set's annotations of the filter's label, or all of them,
// in document order, as the Set keeps it (annotate.Set.ListLen and the
// rest): after a change, the sidebar reads the rows it draws and the
// places it needs, not a copy of the whole list.

// listLen returns how many annotations the list shows.
func (s *sidebar) listLen() int { return s.Set.ListLen(s.filter) }

// listSlice returns the annotations the list shows from row from to row
// to (excluded), read only.
func (s *sidebar) listSlice(from, to int) []annotate.Annotation {
	return s.Set.ListRange(s.filter, from, to)
}

// position returns the row of annotation id in the list, or -1 when the
// list does not show it.
func (s *sidebar) position(id string) int { return s.Set.ListIndex(s.filter, id) }

// neighbour returns the ID of the annotation dir places from id among those
// the list shows, or "". An annotation the filter hides (selected in the
// article) has as neighbours the ones listed nearest to it in document
// order: ] and [ from it went nowhere.
func (s *sidebar) neighbour(id string, dir int) string { return s.Set.ListNeighbour(s.filter, id, dir) }

// showEntry makes sure the list draws annotation id: it drops a filter
// that hides it and moves the view to its row, when that is out of it. It
// returns the row, or -1.
func (s *sidebar) showEntry(id string) int {
	i := s.position(id)
	if i < 0 && s.filter != "" {
		s.filter = ""
		i = s.position(id)
	}
	if i >= 0 && (i < s.view[0] || i >= s.view[1]) {
		n := max(s.view[1]-s.view[0], viewGuess)
		first := max(0, i-n/2)
		s.view = [2]int{first, first + n}
	}
	return i
}

// rows returns the rows of a list of n to draw: those in view and as many
// again above and below, or all of them for a short list.
func (s *sidebar) rows(n int) (first, end int) {
	if n <= drawWhole {
		return 0, n
	}
	from, to := s.view[0], s.view[1]
	span := max(to-from, viewGuess)
	if from >= n { // the list has shrunk below the view: its end
		from = max(0, n-span)
	}
	first = max(0, from-span)
	end = min(n, from+2*span)
	return first, end
}

func (s *sidebar) Render() app.UI {
	if s.Set == nil {
		return app.Aside().Class("sidebar")
	}
	s.shown = s.Set
	n := s.listLen()
	s.keepFocus()
	s.queueDraw()
	labels := s.Set.Schema().Labels
	return app.Aside().Class("sidebar").Aria("label", "Annotations").Body(
		// The head stays at the top of the sidebar while the list scrolls
		// under it (web/app.css): on a long document the list is scrolled
		// to the selected annotation's row, thousands of pixels below, and
		// its panel, where a quote's speaker is typed, was out of view with
		// the filters.
		app.Div().Class("sidebar-head").Body(
			app.H2().ID(titleID).TabIndex(-1).Text(listTitle(s.Set.Len())),
			app.Div().Class("filters").Role("group").Aria("label", "Show").Body(
				s.filterButton("", "All", s.Set.Len()),
				app.Range(labels).Slice(func(i int) app.UI {
					return s.filterButton(labels[i].Name, labels[i].Name, s.Set.Count(labels[i].Name))
				}),
			),
			// What comes and goes in the head leaves an empty <template> in
			// its place, so that the panel keeps its place among the head's
			// elements: go-app compares them by place, and would draw it
			// anew when it moved.
			app.If(len(s.Choices) > 1, s.renderChoices).Else(slot),
			s.renderEmpty(n == 0, labels),
			app.If(s.Panel || s.Selected != "", s.renderSelected).Else(slot),
		),
		// The orphans come before the list, under its head: after it, on
		// a long document, they were as far down the sidebar as 2,000
		// entries reach (136,000 pixels), where the import's message that
		// lists them sent no one. Absent, a slot keeps the list's place.
		app.If(len(s.Orphans) > 0, s.renderOrphans).Else(slot),
		// The list is HTML, with one click handler for it all: go-app
		// compares lists by position, so one annotation inserted at the top
		// would otherwise rewrite every entry below it, one DOM call at a
		// time, which costs frames on long lists. In the browser go-app draws
		// it empty, and drawRows puts its rows.
		app.Div().Class("entries-frame").OnClick(s.onEntryClick).Body(
			app.Raw(s.listHTML(n)),
		),
	)
}

// renderEmpty draws the line that says the list is empty, hidden when it
// is not: the line is always on the page, so that putCounts shows or hides
// it in the turn of the change that empties the list or fills it (the
// first tag of a document, the last one deleted), with the rows.
func (s *sidebar) renderEmpty(empty bool, labels []annotate.Label) app.UI {
	p := app.P().ID(emptyID).Class("empty")
	if !empty {
		// Only when true: go-app writes hidden="false" in HTML, which hides.
		p = p.Hidden(true)
	}
	// Its text even when hidden: a text node for setCounts to write.
	return p.Text(s.emptyText(labels))
}

// emptyID is the id of the line that says the list is empty.
const emptyID = "list-empty"

// slot is what stands in for an element not shown: nothing, in its place.
func slot() app.UI { return app.Template() }

// listHTML returns the list as go-app draws it: in the browser, empty
// (drawRows puts its rows); elsewhere, the rows near the view.
func (s *sidebar) listHTML(n int) string {
	if onPage() {
		return listShell
	}
	first, end := s.rows(n)
	return entriesHTML(s.listSlice(first, end), s.selection(), first, n)
}

func (s *sidebar) emptyText(labels []annotate.Label) string {
	if s.filter != "" {
		return "No " + s.filter + " yet."
	}
	return "No annotations yet. Select text in the article and press a label's key: " + keyList(labels) + "."
}

// keyList names the labels' keys: "C for claim, Q for quote, P for pledge".
func keyList(labels []annotate.Label) string {
	var parts []string
	for _, l := range labels {
		parts = append(parts, strings.ToUpper(l.Key)+" for "+l.Name)
	}
	return strings.Join(parts, ", ")
}

// titleID is the id of the list's title, which says how many annotations
// there are.
const titleID = "annotations-title"

// listTitle is the list's title for n annotations.
func listTitle(n int) string { return fmt.Sprintf("Annotations (%d)", n) }

// filterID is the id of the filter button of label ("" for all). All's
// has a "-" where a label's name has a letter, so that a label called
// "all" (a schema takes the name) has an id of its own: both were
// "filter-all", and the counts of the label went to All's button.
func filterID(label string) string {
	if label == "" {
		return "filter--all"
	}
	return "filter-" + label
}

// putCounts puts the list's counts in the page (its title's and its
// filters'), and the line that says the list is empty, shown when empty
// is true, as Render writes them. drawRows calls it with the rows: in
// the turn of a change (drawNow), so that the counts come in the frame of
// the change's highlight, go-app's render writing the same two or three
// frames later; and after every render, so that the page shows the counts
// of now even where go-app, finding its own text unchanged, wrote
// nothing.
func (s *sidebar) putCounts(empty bool) {
	labels := s.Set.Schema().Labels
	ids := make([]string, 0, len(labels)+1)
	counts := make([]string, 0, len(labels)+1)
	ids, counts = append(ids, filterID("")), append(counts, strconv.Itoa(s.Set.Len()))
	for _, l := range labels {
		ids, counts = append(ids, filterID(l.Name)), append(counts, strconv.Itoa(s.Set.Count(l.Name)))
	}
	emptyText := ""
	if empty {
		emptyText = s.emptyText(labels)
	}
	helper().Call("setCounts", titleID, listTitle(s.Set.Len()), strings.Join(ids, ","), strings.Join(counts, ","), emptyID, emptyText)
}

func (s *sidebar) filterButton(label, text string, count int) app.UI {
	return app.Button().ID(filterID(label)).Class("filter", classIf(label != "", labelClass(label))).
		Aria("pressed", s.filter == label).
		OnClick(func(ctx app.Context, e app.Event) { s.filterBy(ctx, label) }, app.EventScope(label)).
		Body(app.Span().Text(text), app.Span().Class("count").Text(count))
}

// filterBy has the list show the annotations of label ("" for all). The
// selected annotation's entry, when the list shows it, is drawn and
// scrolled into view, as a reveal does; else the list shows its start.
// The filter used to move the rows drawn to the list's top and leave the
// sidebar scrolled where it was: on a long list, the selected entry went
// out of view, and All came back hundreds of rows away from it.
func (s *sidebar) filterBy(ctx app.Context, label string) {
	s.filter = label
	s.view = [2]int{0, max(s.view[1]-s.view[0], viewGuess)}
	id := s.selection()
	if id != "" && s.position(id) >= 0 {
		s.reveal(ctx) // the filter shows it: showEntry keeps the filter
		return
	}
	if !app.IsClient || s.listLen() == 0 {
		return
	}
	s.showRow = 0
	ctx.Defer(func(ctx app.Context) {
		if h := helper(); h.Truthy() && s.showRow == 0 {
			h.Call("revealRow", 0)
			s.showRow = -1
		}
	})
}

// onEntryClick selects the annotation whose entry was clicked.
func (s *sidebar) onEntryClick(ctx app.Context, e app.Event) {
	target := e.Get("target")
	if !target.Truthy() || !target.Get("closest").Truthy() {
		return
	}
	main := target.Call("closest", ".entry-main")
	if !main.Truthy() {
		return // a click in the editor
	}
	if id := main.Get("parentElement").Get("dataset").Get("id"); id.Truthy() {
		s.Host.choose(ctx, id.String())
	}
}

func anchorWords(how annotate.Anchoring) string {
	switch how {
	case annotate.AnchorContext:
		return "by its text and context"
	case annotate.AnchorFuzzy:
		return "by a close match"
	}
	return string(how)
}

// renderChoices lists the annotations under a click, to choose one.
func (s *sidebar) renderChoices() app.UI {
	return app.Div().ID("choices").Class("choices").Role("group").Aria("label", "Annotations at this place").Body(
		app.P().Text(fmt.Sprintf("%d annotations are here. Choose one:", len(s.Choices))),
		app.Range(s.Choices).Slice(func(i int) app.UI {
			id := s.Choices[i]
			ann, _ := s.Set.Get(id)
			return app.Button().Class("choice", labelClass(ann.Label)).
				OnClick(func(ctx app.Context, e app.Event) { s.Host.choose(ctx, id) }, app.EventScope(id)).
				Body(
					app.Span().Class("badge", labelClass(ann.Label)).Text(ann.Label),
					app.Span().Text(" "+quoted(ann.Exact, 80)),
				)
		}),
	)
}

// renderOrphans lists the imported annotations that could not be placed.
// Its rows are HTML, put by drawOrphans, with one handler for their
// buttons; the Place button's mousedown, which would take the selection
// it places the orphan on, is prevented in the page (web/sidebar.js).
func (s *sidebar) renderOrphans() app.UI {
	list := orphanShell
	if !onPage() {
		list = orphansHTML(s.Orphans)
	}
	return app.Section().ID("orphans").Class("orphans").Aria("label", "Orphans").Body(
		app.H3().Text(fmt.Sprintf("Orphans (%d)", len(s.Orphans))),
		app.P().Class("hint").Text("These imported annotations could not be placed without guessing: their passage is gone, is in more than one place, or has other words around it now. Select where one belongs and press Place, or drop it. From the keyboard, Tab reaches them once: ↑ and ↓ move between them, ← and → between Place and Drop, and Delete drops one."),
		// A fieldset: disabled, it disables the rows' buttons, put in it
		// by the page.
		app.FieldSet().Class("orphan-frame").Disabled(s.ReadOnly).OnClick(s.placeOrDrop).Body(app.Raw(list)),
	)
}

// placeOrDrop places or drops the orphan whose button was clicked.
func (s *sidebar) placeOrDrop(ctx app.Context, e app.Event) {
	target := e.Get("target")
	if !target.Truthy() || !target.Get("closest").Truthy() {
		return
	}
	button := target.Call("closest", "#"+orphanListID+" button")
	if !button.Truthy() {
		return
	}
	id := button.Call("closest", "li").Get("dataset").Get("id")
	if !id.Truthy() {
		return
	}
	if button.Get("classList").Call("contains", "place").Bool() {
		s.Host.placeOrphan(ctx, id.String())
	} else {
		s.Host.dropOrphan(ctx, id.String())
	}
}

// drawOrphans puts the orphans' rows in the page's list after a render:
// the rows not drawn yet are sent whole, the others by id, and
// web/sidebar.js's setOrphans keeps those, takes out the rows of orphans
// gone and puts the others in order, so that a drop or a placement
// changes one row. When the page's list is not the one last drawn
// (go-app drew the list anew, empty), every row is sent.
func (s *sidebar) drawOrphans() {
	if len(s.Orphans) == 0 {
		s.orphansDrawn, s.orphansShown = nil, nil
		return
	}
	h := helper()
	// The orphans are replaced when they change, never changed in place
	// (the root's placeOrphan, dropOrphan, undo): the same slice, its rows
	// still in the page's list (go-app did not draw it anew), is nothing
	// to put. A change of the annotations, after which this runs, so
	// costs no pass over 300 orphans, in Go or in the page.
	if annotate.SameSlice(s.Orphans, s.orphansShown) && h.Call("orphanRows").Int() == len(s.orphansDrawn) {
		return
	}
	drawn := make(map[string]bool, len(s.orphansDrawn))
	for _, id := range s.orphansDrawn {
		drawn[id] = true
	}
	ids := make([]string, 0, len(s.Orphans))
	var put strings.Builder
	for _, o := range s.Orphans {
		ids = append(ids, o.ID)
		if !drawn[o.ID] {
			writeOrphan(&put, o, false) // setOrphans chooses the stop
		}
	}
	joined := strings.Join(ids, ",")
	if h.Call("setOrphans", joined, put.String()).Int() < 0 {
		put.Reset()
		for _, o := range s.Orphans {
			writeOrphan(&put, o, false)
		}
		h.Call("setOrphans", joined, put.String())
	}
	s.orphansDrawn, s.orphansShown = ids, s.Orphans
}

// excerpt shortens s to about n characters, at a word boundary, with the
// white space collapsed.
func excerpt(s string, n int) string {
	e, _ := clip(s, n)
	return e
}

// clip is excerpt, and whether it cut s short.
func clip(s string, n int) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s, false
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…", true
}

// quoted returns the excerpt of s (at most n characters) between quotation
// marks, as the app shows a span. A span that is itself a quotation with
// its own marks (a quote tagged with them, as quotes usually are) keeps
// them and gets none added: “…” around it read as doubled marks. Its
// excerpt gets a closing mark only when the cut took its own.
func quoted(s string, n int) string {
	e, cut := clip(s, n)
	t := strings.TrimSpace(s)
	first, size := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t[size:])
	switch {
	case !isOpeningQuote(first) || !isClosingQuote(last):
		return "“" + e + "”"
	case cut:
		return e + "”"
	}
	return e
}

// isOpeningQuote and isClosingQuote report whether r opens or closes a
// quotation in English, French, German, Polish or Japanese usage. Single
// quotation marks are left out: a span that ends with an apostrophe
// (“the players'”) is no quotation.
func isOpeningQuote(r rune) bool {
	switch r {
	case '"', '“', '„', '‟', '«', '»', '「', '『':
		return true
	}
	return false
}

func isClosingQuote(r rune) bool {
	switch r {
	case '"', '”', '“', '»', '«', '」', '』':
		return true
	}
	return false
}
