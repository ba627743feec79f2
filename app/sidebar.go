package app

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// pageSize is how many entries the sidebar draws at once: enough to scroll
// through, few enough that a change redraws within a frame when an article
// holds thousands of annotations.
const pageSize = 100

// visible returns the annotations the sidebar lists: all of them in
// document order, or those of the filter's label.
func (a *Annotator) visible() []annotate.Annotation {
	all := a.annotations()
	if a.filter == "" {
		return all
	}
	var out []annotate.Annotation
	for _, ann := range all {
		if ann.Label == a.filter {
			out = append(out, ann)
		}
	}
	return out
}

// showEntry makes sure the sidebar shows annotation id: it drops a filter
// that hides it and turns to the page that holds it.
func (a *Annotator) showEntry(id string) {
	find := func() int {
		for i, ann := range a.visible() {
			if ann.ID == id {
				return i
			}
		}
		return -1
	}
	i := find()
	if i < 0 && a.filter != "" {
		a.filter = ""
		i = find()
	}
	if i >= 0 {
		a.page = i / pageSize * pageSize
	}
}

func (a *Annotator) renderSidebar() app.UI {
	if a.set == nil {
		return app.Aside().Class("sidebar")
	}
	all := a.annotations()
	counts := map[string]int{}
	for _, ann := range all {
		counts[ann.Label]++
	}
	list := a.visible()
	if a.page >= len(list) {
		a.page = max(0, (len(list)-1)/pageSize*pageSize)
	}
	shown := list[a.page:min(len(list), a.page+pageSize)]
	labels := a.schema().Labels
	return app.Aside().Class("sidebar").Aria("label", "Annotations").Body(
		app.H2().ID("annotations-title").TabIndex(-1).Text(fmt.Sprintf("Annotations (%d)", len(all))),
		app.Div().Class("filters").Role("group").Aria("label", "Show").Body(
			a.filterButton("", "All", len(all)),
			app.Range(labels).Slice(func(i int) app.UI {
				return a.filterButton(labels[i].Name, labels[i].Name, counts[labels[i].Name])
			}),
		),
		app.If(len(a.choices) > 1, a.renderChoices),
		app.If(len(list) == 0, func() app.UI {
			return app.P().Class("empty").Text(a.emptyText())
		}),
		app.If(a.selected != "", a.renderSelected),
		// The list is drawn as one piece of HTML, with one click handler for
		// it all: go-app compares lists by position, so one annotation
		// inserted at the top would otherwise rewrite every entry below it,
		// one DOM call at a time, which costs frames on long lists.
		app.Div().Class("entries-frame").OnClick(a.onEntryClick).Body(
			app.Raw(entriesHTML(shown, a.selected)),
		),
		app.If(len(list) > pageSize, func() app.UI { return a.renderPager(len(list)) }),
		app.If(len(a.orphans) > 0, a.renderOrphans),
	)
}

func (a *Annotator) emptyText() string {
	if a.filter != "" {
		return "No " + a.filter + " yet."
	}
	return "No annotations yet. Select text in the article and press a label's key: " + a.keyList() + "."
}

// keyList names the labels' keys: "C for claim, Q for quote, P for pledge".
func (a *Annotator) keyList() string {
	var parts []string
	for _, l := range a.schema().Labels {
		parts = append(parts, strings.ToUpper(l.Key)+" for "+l.Name)
	}
	return strings.Join(parts, ", ")
}

func (a *Annotator) filterButton(label, text string, count int) app.UI {
	return app.Button().ID("filter-"+orAll(label)).Class("filter", classIf(label != "", labelClass(label))).
		Aria("pressed", a.filter == label).
		OnClick(func(ctx app.Context, e app.Event) {
			a.filter, a.page = label, 0
		}, app.EventScope(label)).
		Body(app.Span().Text(text), app.Span().Class("count").Text(count))
}

func orAll(label string) string {
	if label == "" {
		return "all"
	}
	return label
}

// onEntryClick selects the annotation whose entry was clicked.
func (a *Annotator) onEntryClick(ctx app.Context, e app.Event) {
	target := e.Get("target")
	if !target.Truthy() || !target.Get("closest").Truthy() {
		return
	}
	main := target.Call("closest", ".entry-main")
	if !main.Truthy() {
		return // a click in the editor
	}
	if id := main.Get("parentElement").Get("dataset").Get("id"); id.Truthy() {
		a.choose(ctx, id.String())
	}
}

// renderSelected draws the selected annotation with the fields that edit
// it.
func (a *Annotator) renderSelected() app.UI {
	ann, ok := a.set.Get(a.selected)
	if !ok {
		return app.Div()
	}
	return app.Section().ID("selected").Class("selected-panel", labelClass(ann.Label)).Aria("label", "Selected annotation").Body(
		app.P().Class("selected-text").Body(
			app.Span().Class("badge", labelClass(ann.Label)).Text(ann.Label),
			app.Span().Class("excerpt").Text("“"+excerpt(ann.Exact, 200)+"”"),
		),
		a.renderEditor(ann),
	)
}

// renderEditor draws the fields that edit the selected annotation.
func (a *Annotator) renderEditor(ann annotate.Annotation) app.UI {
	id := ann.ID
	schema := a.schema()
	label, _ := schema.Label(ann.Label)
	fields := append([]string{}, label.Attributes...)
	// Attributes the annotation kept from an earlier label stay editable.
	for _, name := range attributeOrder(ann.Attributes) {
		if !label.Takes(name) {
			fields = append(fields, name)
		}
	}
	return app.Div().Class("editor").Role("group").Aria("label", "Edit the annotation").Body(
		app.Label().Body(
			app.Span().Text("Label"),
			app.Select().ID("edit-label").OnChange(func(ctx app.Context, e app.Event) {
				a.relabel(ctx, id, ctx.JSSrc().Get("value").String())
			}, app.EventScope(id)).Body(
				app.Range(schema.Labels).Slice(func(i int) app.UI {
					l := schema.Labels[i]
					return app.Option().Value(l.Name).Selected(l.Name == ann.Label).Text(l.Name)
				}),
			),
		),
		app.Range(fields).Slice(func(i int) app.UI {
			name := fields[i]
			return app.Label().Body(
				app.Span().Text(attributeTitle(name)),
				app.Input().Type("text").ID("edit-"+name).Value(ann.Attributes[name]).
					Placeholder(attributeHint(name)).
					OnChange(func(ctx app.Context, e app.Event) {
						a.setAttribute(ctx, id, name, ctx.JSSrc().Get("value").String())
					}, app.EventScope(id+"/"+name)),
			)
		}),
		app.Label().Body(
			app.Span().Text("Note"),
			app.Textarea().ID("edit-note").Rows(2).Text(ann.Attributes[annotate.AttrNote]).
				OnChange(func(ctx app.Context, e app.Event) {
					a.setAttribute(ctx, id, annotate.AttrNote, ctx.JSSrc().Get("value").String())
				}, app.EventScope(id)),
		),
		app.P().Class("span-info").Text(fmt.Sprintf("Characters %d–%d · %s", ann.Start, ann.End, authorText(ann.Author))),
		app.Button().ID("delete-button").Class("danger").Title("Delete this annotation (Delete key)").
			OnClick(func(ctx app.Context, e app.Event) { a.delete(ctx, id) }, app.EventScope(id)).Text("Delete"),
	)
}

func authorText(author string) string {
	if author == "" {
		return "by anonymous"
	}
	return "by " + author
}

// attributeOrder returns the names of attrs without the note, sorted.
func attributeOrder(attrs map[string]string) []string {
	var names []string
	for name := range attrs {
		if name != annotate.AttrNote {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func attributeTitle(name string) string {
	switch name {
	case annotate.AttrSpeaker:
		return "Speaker"
	case annotate.AttrParty:
		return "Party"
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

func attributeHint(name string) string {
	switch name {
	case annotate.AttrSpeaker:
		return "who said it"
	case annotate.AttrParty:
		return "who pledged it"
	}
	return ""
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
func (a *Annotator) renderChoices() app.UI {
	return app.Div().ID("choices").Class("choices").Role("group").Aria("label", "Annotations at this place").Body(
		app.P().Text(fmt.Sprintf("%d annotations are here. Choose one:", len(a.choices))),
		app.Range(a.choices).Slice(func(i int) app.UI {
			id := a.choices[i]
			ann, _ := a.set.Get(id)
			return app.Button().Class("choice", labelClass(ann.Label)).
				OnClick(func(ctx app.Context, e app.Event) { a.choose(ctx, id) }, app.EventScope(id)).
				Body(
					app.Span().Class("badge", labelClass(ann.Label)).Text(ann.Label),
					app.Span().Text(" “"+excerpt(ann.Exact, 80)+"”"),
				)
		}),
	)
}

// renderPager turns the pages of a long list.
func (a *Annotator) renderPager(total int) app.UI {
	last := min(total, a.page+pageSize)
	return app.Div().Class("pager").Body(
		app.Button().ID("page-previous").Disabled(a.page == 0).
			OnClick(func(ctx app.Context, e app.Event) { a.page = max(0, a.page-pageSize) }).Text("Previous"),
		app.Span().Text(fmt.Sprintf("%d–%d of %d", a.page+1, last, total)),
		app.Button().ID("page-next").Disabled(last >= total).
			OnClick(func(ctx app.Context, e app.Event) { a.page += pageSize }).Text("Next"),
	)
}

// renderOrphans lists the imported annotations that could not be placed.
func (a *Annotator) renderOrphans() app.UI {
	return app.Section().ID("orphans").Class("orphans").Aria("label", "Orphans").Body(
		app.H3().Text(fmt.Sprintf("Orphans (%d)", len(a.orphans))),
		app.P().Class("hint").Text("These imported annotations were not found in the text, or were found in more than one place. Select where one belongs and press Place, or drop it."),
		app.Ul().Body(
			app.Range(a.orphans).Slice(func(i int) app.UI {
				o := a.orphans[i]
				id := o.ID
				return app.Li().Class("orphan", labelClass(o.Label)).Body(
					app.Span().Class("badge", labelClass(o.Label)).Text(o.Label),
					app.Span().Class("excerpt").Text("“"+excerpt(o.Exact, 120)+"”"),
					app.Button().Class("place").Title("Place it on the text selected in the article").
						OnMouseDown(func(ctx app.Context, e app.Event) { e.PreventDefault() }, app.EventScope(id)).
						OnClick(func(ctx app.Context, e app.Event) { a.placeOrphan(ctx, id) }, app.EventScope(id)).Text("Place"),
					app.Button().Class("drop").Title("Drop this annotation").
						OnClick(func(ctx app.Context, e app.Event) { a.dropOrphan(id) }, app.EventScope(id)).Text("Drop"),
				)
			}),
		),
	)
}

// placeOrphan puts orphan id on the selected text.
func (a *Annotator) placeOrphan(ctx app.Context, id string) {
	i := a.orphanIndex(id)
	if i < 0 {
		return
	}
	span, ok := a.selectedSpan()
	if !ok {
		return
	}
	o, err := a.set.PlaceOrphan(a.orphans[i], span.Start, span.End)
	switch {
	case errors.Is(err, annotate.ErrSpanEdges) || errors.Is(err, annotate.ErrEmptySpan):
		a.fail("Select the passage without white space at its edges to place the orphan.")
		return
	case err != nil:
		a.fail(err.Error())
		return
	}
	a.orphans = append(a.orphans[:i:i], a.orphans[i+1:]...)
	clearSelection()
	a.selected = o.ID
	a.showEntry(o.ID)
	a.say(fmt.Sprintf("Placed the %s on “%s”.", o.Label, excerpt(o.Exact, 60)))
	a.changed(ctx)
}

// dropOrphan forgets orphan id.
func (a *Annotator) dropOrphan(id string) {
	if i := a.orphanIndex(id); i >= 0 {
		o := a.orphans[i]
		a.orphans = append(a.orphans[:i:i], a.orphans[i+1:]...)
		a.say(fmt.Sprintf("Dropped the orphan %s “%s”.", o.Label, excerpt(o.Exact, 60)))
	}
}

func (a *Annotator) orphanIndex(id string) int {
	for i, o := range a.orphans {
		if o.ID == id {
			return i
		}
	}
	return -1
}

// excerpt shortens s to about n characters, at a word boundary, with the
// white space collapsed.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
