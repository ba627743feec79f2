package app

// This file is adjudication: several annotators' files of one article
// brought together, their agreement shown, every span they made listed
// side by side with who made it, and the gold document saved to the
// library from the spans the adjudicator accepts. The figures, the merge
// and the gold file are annotate/agree's; this component reads the files,
// keeps what is accepted, and draws.

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/agree"
	"github.com/newsannotator/annotator/annotate/formats"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// adjudicateInputID is the hidden file input of the annotators' files.
const adjudicateInputID = "adjudicate-input"

// adjudicatorHost is what adjudication asks of the root.
type adjudicatorHost interface {
	workspaceOf() *workspace.Workspace
	// release closes document id when it is the open one, so that its
	// annotations can be replaced; it refuses while its changes are
	// still being written.
	release(id string) error
	// adjudication is the root's adjudication under way.
	adjudication() *adjudicationState
}

// adjudicator is the adjudication of one article. It draws and changes
// the adjudication's state, which the root keeps (adjudicationState).
type adjudicator struct {
	app.Compo

	Host adjudicatorHost

	// The root's, taken at the first Render: the component goes with the
	// library's view, and the adjudicator's decisions must not (opening a
	// document from the library and coming back finds them as they were).
	*adjudicationState
	busy bool
	own  app.Context
}

// adjudicationState is an adjudication under way: the merged file and
// what the adjudicator accepted. Nothing of it is in the workspace until
// the gold document is saved, so it lasts as long as the tab: Close asks
// before it drops decisions, and so do closing and reloading the tab
// (unsaved).
type adjudicationState struct {
	report   *agree.Report
	merged   annotate.File
	accepted map[string]bool
	// variants are the spans every annotator made with different
	// attributes (agree.Variants): shown with each annotator's, and
	// left for the adjudicator, as the gold document takes one of them.
	variants map[string][]agree.Variant
	// chosen is, by span, the annotator whose attributes the gold
	// document takes, where the adjudicator chose another than the first
	// (the merge's).
	chosen map[string]string
	// disputedOnly hides the spans every annotator made.
	disputedOnly bool
	// touched is set once the adjudicator accepted or rejected a span;
	// closing once Close was pressed with such decisions (a second Close
	// drops them).
	touched, closing bool
}

// unsaved reports whether the adjudication holds decisions that only the
// tab keeps: closing or reloading it would drop them (Annotator.unloadLoses).
func (s *adjudicationState) unsaved() bool { return s.report != nil && s.touched }

func (d *adjudicator) OnMount(ctx app.Context) { d.own = ctx }

// tell shows text in the root's message line: by action, since the root
// draws it and a child's Dispatch renders only the child.
func (d *adjudicator) tell(text string, isError bool) {
	d.own.NewActionWithValue(actionTell, notice{Text: text, Error: isError})
}

// close takes the panel away. The focus, which was in it (on Close, or
// on the button that saved the gold document), goes back to the button
// that started the adjudication, not to the page's body.
func (d *adjudicator) close() {
	*d.adjudicationState = adjudicationState{}
	d.unask()
	d.focusAfter("adjudicate-button")
}

// closeQuestion is what Close says, in the message line, when it would
// drop decisions.
const closeQuestion = "Closing drops the spans you accepted and rejected: an adjudication is kept only once its gold document is saved. " +
	"Press “Close without saving” to drop them, or save the gold document."

// unask takes closeQuestion off the message line, if it is still there: a
// decision made since turned “Close without saving” back into Close, or
// the adjudication closed, and it went on naming a button not there.
func (d *adjudicator) unask() {
	d.own.NewActionWithValue(actionUntell, closeQuestion)
}

// askClose closes the adjudication, or, when the adjudicator has accepted
// or rejected spans, first says that closing drops those decisions: Close
// (now "Close without saving") pressed again drops them.
func (d *adjudicator) askClose() {
	if d.touched && !d.closing {
		d.closing = true
		d.tell(closeQuestion, false)
		return
	}
	d.close()
}

// decide accepts or rejects span id.
func (d *adjudicator) decide(id string, accept bool) {
	if d.accepted[id] == accept {
		return
	}
	if accept {
		d.accepted[id] = true
	} else {
		delete(d.accepted, id)
	}
	if d.closing {
		d.unask()
	}
	d.touched, d.closing = true, false
}

// take has the gold document take annotator's attributes for span id,
// one of its variants; taking them again goes back to the merge's.
func (d *adjudicator) take(id, annotator string) {
	if len(d.variants[id]) == 0 {
		return
	}
	if d.chosen == nil {
		d.chosen = map[string]string{}
	}
	if d.chosen[id] == annotator {
		delete(d.chosen, id)
	} else {
		d.chosen[id] = annotator
	}
	if d.closing {
		d.unask()
	}
	d.touched, d.closing = true, false
}

// choices returns, by span, the attributes chosen for the gold document
// (agree.AdjudicateChoosing).
func (d *adjudicator) choices() map[string]map[string]string {
	out := map[string]map[string]string{}
	for id, who := range d.chosen {
		for _, v := range d.variants[id] {
			if v.Annotator == who {
				out[id] = v.Attributes
			}
		}
	}
	return out
}

// focusAfter focuses element id once the adjudication has been drawn: the
// panel's title when it shows (it may be far down the library), the
// Adjudicate button when it goes.
func (d *adjudicator) focusAfter(id string) {
	if !app.IsClient {
		return
	}
	d.own.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// pickAnnotatorFiles opens the picker of the annotators' files.
func pickAnnotatorFiles() {
	if app.IsClient {
		app.Window().GetElementByID(adjudicateInputID).Call("click")
	}
}

// onChosen reads the files chosen and starts the adjudication.
func (d *adjudicator) onChosen(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	list := input.Get("files")
	n := list.Length()
	files := make([]app.Value, n)
	for i := range files {
		files[i] = list.Index(i)
	}
	// Emptied only now: clearing the input empties its FileList too.
	input.Set("value", "")
	if n == 0 {
		return
	}
	if n < 2 {
		d.tell("Choose the files of two annotators or more, of the same article, to adjudicate.", true)
		return
	}
	if d.report != nil && d.touched {
		d.tell("An adjudication with your decisions is open: save its gold document, or close it, before you start another.", true)
		return
	}
	// Every file is checked against its limit before any is read.
	for _, f := range files {
		name := f.Get("name").String()
		if err := annotate.LimitFor(name, f.Get("type").String()).Check(name, int64(f.Get("size").Int())); err != nil {
			d.tell(sentence(err.Error(), name), true)
			return
		}
	}
	inputs := make([]formats.Input, n)
	remaining := n
	for i, f := range files {
		name := f.Get("name").String()
		readFile(f, func(data []byte) {
			ctx.Dispatch(func(ctx app.Context) {
				inputs[i] = formats.Input{Name: name, Data: data}
				if remaining--; remaining == 0 {
					d.start(ctx, inputs)
				}
			})
		})
	}
}

// start reads the annotators' files, measures their agreement and merges
// them, off the UI goroutine.
func (d *adjudicator) start(ctx app.Context, inputs []formats.Input) {
	ws := d.Host.workspaceOf()
	d.busy = true
	d.tell(fmt.Sprintf("Reading %d annotators' files…", len(inputs)), false)
	ctx.Async(func() {
		var known formats.Known
		if ws != nil {
			known = ws.Find
		}
		rep, merged, err := adjudication(inputs, known)
		ctx.Dispatch(func(ctx app.Context) {
			d.busy = false
			if err != nil {
				d.tell(sentence(err.Error(), ""), true)
				return
			}
			*d.adjudicationState = adjudicationState{report: rep, merged: merged, accepted: map[string]bool{},
				variants: agree.Variants(rep, merged)}
			for _, id := range agree.Settled(rep, merged) {
				d.accepted[id] = true
			}
			n := len(merged.Annotations)
			msg := fmt.Sprintf("Adjudicating “%s”: %d %s, %d made alike by every annotator and accepted", merged.Document.Title,
				n, annotate.Plural(n, "span", "spans"), len(d.accepted))
			if n := len(d.variants); n > 0 {
				msg += fmt.Sprintf(", %d made by every annotator with different attributes, which %s shows", n,
					annotate.Plural(n, "its row", "their rows"))
			}
			msg += "; accept or reject the others, then save the gold document."
			if left := orphansLeftOut(rep); left != "" {
				msg += " " + left
			}
			if said := rep.CopiesSaid(); said != "" {
				msg += " " + said
			}
			d.tell(msg, false)
			d.focusAfter("adjudication-title")
		})
	})
}

// adjudication reads inputs as annotators' files of one article and
// returns their agreement and their merged file, or an error in words.
func adjudication(inputs []formats.Input, known formats.Known) (*agree.Report, annotate.File, error) {
	docs, faults := formats.ReadAll(inputs, known)
	// A span a file holds but that could not be read would be missing from
	// its annotator's side of the agreement, so it stops the comparison as
	// an unreadable file does.
	for _, d := range docs {
		faults = append(faults, d.Faults...)
	}
	if len(faults) > 0 {
		var b strings.Builder
		b.WriteString("These files could not be read, so nothing was compared: ")
		for i, f := range faults {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(f.Error())
		}
		return nil, annotate.File{}, errors.New(b.String())
	}
	if len(docs) < 2 {
		return nil, annotate.File{}, fmt.Errorf("the files hold %d %s: adjudication needs the files of two annotators or more, of the same article", len(docs), annotate.Plural(len(docs), "document", "documents"))
	}
	annotators := make([]agree.Annotator, len(docs))
	for i, doc := range docs {
		annotators[i] = agree.Annotator{Path: doc.From, File: doc.File}
	}
	rep, err := agree.Agree(annotators)
	if err != nil {
		return nil, annotate.File{}, fmt.Errorf("the files cannot be compared: %v", err)
	}
	merged, err := agree.Merge(annotators, time.Now())
	if err != nil {
		return nil, annotate.File{}, fmt.Errorf("the files cannot be merged: %v", err)
	}
	return rep, merged, nil
}

// acceptedIDs lists the accepted spans in the merged file's order.
func (d *adjudicator) acceptedIDs() []string {
	var ids []string
	for _, a := range d.merged.Annotations {
		if d.accepted[a.ID] {
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// saveGold saves the gold document of the accepted spans to the library.
func (d *adjudicator) saveGold(ctx app.Context) {
	ws := d.Host.workspaceOf()
	if ws == nil || d.report == nil || d.busy {
		return
	}
	gold, err := agree.AdjudicateChoosing(d.merged, d.acceptedIDs(), d.choices(), time.Now())
	if err != nil {
		d.tell("The gold document could not be made: "+err.Error()+".", true)
		return
	}
	if err := d.Host.release(gold.Document.ID); err != nil {
		d.tell(err.Error(), true)
		return
	}
	d.busy = true
	ctx.Async(func() {
		sum, replaced, err := ws.SaveGold(gold)
		ctx.Dispatch(func(ctx app.Context) {
			d.busy = false
			if err != nil {
				d.tell(sentence(fmt.Sprintf("The gold document was not saved: %v. Nothing in the library changed", err), ""), true)
				return
			}
			n := len(gold.Annotations)
			msg := fmt.Sprintf("Saved the gold document “%s” to the library, marked done: %d %s.", sum.Title, n, annotate.Plural(n, "annotation", "annotations"))
			if replaced {
				msg += " They replace the annotations it had; Undo in the library puts those back."
			}
			d.close()
			d.tell(msg, false)
			ctx.NewAction(actionLibraryChanged)
			mark("annotator:gold-saved")
		})
	})
}

// Render draws the hidden picker and, during an adjudication, its panel.
func (d *adjudicator) Render() app.UI {
	if d.adjudicationState == nil {
		d.adjudicationState = d.Host.adjudication()
	}
	return app.Div().Class("adjudicator").Body(
		app.Input().Type("file").ID(adjudicateInputID).Class("hidden-input").TabIndex(-1).Aria("hidden", "true").Multiple(true).
			Accept(".json,.jsonl,.jsonld,.ann,.txt,.csv,application/json,text/csv").OnChange(d.onChosen),
		app.If(d.report != nil, d.renderPanel),
	)
}

func (d *adjudicator) renderPanel() app.UI {
	rep := d.report
	names := rep.Names()
	all := len(names)
	var rows []annotate.Annotation
	disputed := 0
	for _, a := range d.merged.Annotations {
		open := d.disputed(a, all)
		if open {
			disputed++
		}
		if !d.disputedOnly || open {
			rows = append(rows, a)
		}
	}
	return app.Section().ID("adjudication").Class("adjudication").Aria("labelledby", "adjudication-title").Body(
		app.H2().ID("adjudication-title").TabIndex(-1).Text("Adjudication: "+d.merged.Document.Title),
		app.P().Text(strings.TrimSpace(fmt.Sprintf("%d annotators (%s); %d %s in all, %d not made alike by every annotator; %d accepted. %s %s",
			all, strings.Join(names, ", "), len(d.merged.Annotations), annotate.Plural(len(d.merged.Annotations), "span", "spans"),
			disputed, len(d.accepted), orphansLeftOut(rep), rep.CopiesSaid()))),
		d.renderAgreement(),
		app.Label().Class("check").Body(
			app.Input().Type("checkbox").ID("disputed-only").Checked(d.disputedOnly).
				OnChange(func(ctx app.Context, e app.Event) { d.disputedOnly = ctx.JSSrc().Get("checked").Bool() }),
			app.Span().Text(" Show only the spans not every annotator made alike"),
		),
		tableScroll("adjudication-spans-caption", app.Table().ID("adjudication-spans").Class("adjudication-spans").Body(
			app.Caption().ID("adjudication-spans-caption").Text("Every span, with who made it: accept those the gold document keeps"),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Label"),
				app.Th().Scope("col").Text("Text"),
				app.Th().Scope("col").Text("Characters"),
				app.Th().Scope("col").Text("Attributes"),
				app.Range(names).Slice(func(i int) app.UI { return app.Th().Scope("col").Text(names[i]) }),
				app.Th().Scope("col").Text("Gold"),
			)),
			app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI { return d.renderRow(rows[i], names) })),
		)),
		app.Div().Class("adjudication-tools").Body(
			app.Button().ID("gold-save").Class("primary").Disabled(d.busy).
				OnClick(func(ctx app.Context, e app.Event) { d.saveGold(ctx) }).
				Text(fmt.Sprintf("Save the gold document (%d %s)", len(d.accepted), annotate.Plural(len(d.accepted), "span", "spans"))),
			app.Button().ID("adjudication-close").OnClick(func(ctx app.Context, e app.Event) { d.askClose() }).
				Text(map[bool]string{false: "Close", true: "Close without saving"}[d.closing]),
		),
	)
}

// renderRow draws one merged span: who made it, and whether it is kept.
func (d *adjudicator) renderRow(a annotate.Annotation, names []string) app.UI {
	made := map[string]bool{}
	for _, s := range agree.Sources(a) {
		made[s.Annotator] = true
	}
	id := a.ID
	ok := d.accepted[id]
	return app.Tr().DataSet("id", id).Class(classIf(d.disputed(a, len(names)), "disputed"), classIf(ok, "accepted")).Body(
		app.Td().Body(app.Span().Class("badge", labelClass(a.Label)).Text(a.Label)),
		app.Td().Class("excerpt").Text(quoted(a.Exact, 120)),
		app.Td().Text(fmt.Sprintf("%d–%d", a.Start, a.End)),
		d.renderAttributes(a),
		app.Range(names).Slice(func(i int) app.UI {
			if made[names[i]] {
				return app.Td().Class("made").Aria("label", names[i]+" made it").Text("✓")
			}
			return app.Td().Class("not-made").Aria("label", names[i]+" did not").Text("—")
		}),
		app.Td().Body(
			// Named with their span: every row's buttons were "Accept"
			// and "Reject", and a screen reader's user moving by Tab heard
			// no span. The names start with the words shown (WCAG 2.5.3).
			app.Button().Class("accept").Aria("pressed", ok).Aria("label", "Accept the "+a.Label+" "+quoted(a.Exact, 60)).
				OnClick(func(ctx app.Context, e app.Event) { d.decide(id, true) }, app.EventScope(id)).Text("Accept"),
			app.Button().Class("reject").Aria("pressed", !ok).Aria("label", "Reject the "+a.Label+" "+quoted(a.Exact, 60)).
				OnClick(func(ctx app.Context, e app.Event) { d.decide(id, false) }, app.EventScope(id)).Text("Reject"),
		),
	)
}

// orphansLeftOut says whose spans, and how many, their files could not
// place on the article: no figure counts them and the gold document
// cannot take them, so an adjudicator must know that they were there.
// It is "" when every span was placed.
func orphansLeftOut(rep *agree.Report) string {
	var whose []string
	for _, a := range rep.Annotators {
		if a.Orphans > 0 {
			whose = append(whose, fmt.Sprintf("%s's %d %s", a.Name, a.Orphans, annotate.Plural(a.Orphans, "span", "spans")))
		}
	}
	if len(whose) == 0 {
		return ""
	}
	return "Left out, as their files could not place them on the article (orphans): " + strings.Join(whose, ", ") +
		"; they are in no figure and cannot be in the gold document."
}

// disputed reports whether span a of the merged file needs the
// adjudicator: not every one of all annotators made it, or they gave it
// different attributes.
func (d *adjudicator) disputed(a annotate.Annotation, all int) bool {
	_, differ := d.variants[a.ID]
	return differ || len(agree.Sources(a)) < all
}

// renderAttributes draws a merged span's attributes, those the gold
// document takes; where the annotators gave different ones, each
// annotator's, each with a button that has the gold document take them
// instead of the merge's (the first annotator's, filled in from the
// others'): before, only the merge's could be taken, and another's
// speaker had to be typed into the gold document after it was saved.
func (d *adjudicator) renderAttributes(a annotate.Annotation) app.UI {
	gold := attributesText(a.Attributes)
	vs, differ := d.variants[a.ID]
	if !differ {
		return app.Td().Class("attributes").Text(gold)
	}
	id, taken := a.ID, d.chosen[a.ID]
	for _, v := range vs {
		if v.Annotator == taken {
			gold = attributesText(v.Attributes)
		}
	}
	return app.Td().Class("attributes", "differ").Body(
		app.Range(vs).Slice(func(i int) app.UI {
			who, text := vs[i].Annotator, attributesText(vs[i].Attributes)
			if text == "" {
				text = "none"
			}
			return app.Div().Body(
				app.Button().Class("take").Aria("pressed", who == taken).
					Aria("label", "Take "+who+"'s attributes for the "+a.Label+" "+quoted(a.Exact, 60)+": "+text).
					OnClick(func(ctx app.Context, e app.Event) { d.take(id, who) }, app.EventScope(id+"/"+who)).Text(who),
				app.Text(": "+text),
			)
		}),
		app.Div().Class("gold-attributes").Text("The gold takes: "+map[bool]string{true: "none", false: gold}[gold == ""]),
	)
}

// attributesText writes attributes, the sources' left out, by name:
// speaker “Mayor Lee”; note “check”.
func attributesText(attrs map[string]string) string {
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(attrs)) {
		if name == agree.AttrSourceAnnotator || name == agree.AttrSourceID || attrs[name] == "" {
			continue
		}
		parts = append(parts, name+" “"+attrs[name]+"”")
	}
	return strings.Join(parts, "; ")
}

// renderAgreement draws the agreement table: each pair's precision,
// recall and F1, exact and overlapping, its kappa, and α_u of all.
func (d *adjudicator) renderAgreement() app.UI {
	rep := d.report
	return tableScroll("agreement-caption", app.Table().ID("agreement-table").Class("agreement-table").Body(
		app.Caption().ID("agreement-caption").Text(fmt.Sprintf("Agreement, each pair with the first as the reference · Krippendorff's α_u over all: %s", rep.AlphaU)),
		app.THead().Body(
			app.Tr().Body(
				app.Th().Scope("col").Rowspan(2).Text("Reference"),
				app.Th().Scope("col").Rowspan(2).Text("Other"),
				app.Th().Scope("colgroup").ColSpan(3).Text("Exact spans"),
				app.Th().Scope("colgroup").ColSpan(3).Text("Overlapping spans"),
				app.Th().Scope("col").Rowspan(2).Text("Cohen's κ"),
			),
			app.Tr().Body(
				app.Th().Scope("col").Text("precision"), app.Th().Scope("col").Text("recall"), app.Th().Scope("col").Text("F1"),
				app.Th().Scope("col").Text("precision"), app.Th().Scope("col").Text("recall"), app.Th().Scope("col").Text("F1"),
			),
		),
		app.TBody().Body(app.Range(rep.Pairs).Slice(func(i int) app.UI {
			p := rep.Pairs[i]
			return app.Tr().Body(
				app.Td().Text(p.Reference), app.Td().Text(p.Other),
				app.Td().Text(p.Exact.Precision.String()), app.Td().Text(p.Exact.Recall.String()), app.Td().Text(p.Exact.F1.String()),
				app.Td().Text(p.Overlap.Precision.String()), app.Td().Text(p.Overlap.Recall.String()), app.Td().Text(p.Overlap.F1.String()),
				app.Td().Text(p.Kappa.String()),
			)
		})),
	))
}

// tableScroll holds a table that may be wider than the window (at 400 %
// zoom it is 320 CSS px), which then scrolls sideways in it rather than
// the page. Tab reaches it, so that the keyboard scrolls it, and its
// table's caption (captionID) names it.
func tableScroll(captionID string, table app.UI) app.UI {
	return app.Div().Class("table-scroll").Role("region").Aria("labelledby", captionID).TabIndex(0).Body(table)
}
