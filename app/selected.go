package app

// This file is the sidebar's panel of the selected annotation: its label,
// its text and the fields that edit it. go-app draws the panel with the
// rest of the sidebar, on its own ticker, two or three frames after the
// change that selected the annotation (44–51 ms after a tag's key at the
// median, BENCH.md, "tenth pass"). So in the turn of the change, with the
// list's row and counts (drawRows), putSelected writes the annotation into
// the panel go-app drew for the one selected before, or the empty, hidden
// panel it draws with none selected, which have the same fields, shown or
// hidden, whatever the labels (viewOf); or, after a relabel, the new label
// into the panel of the same annotation; with none selected now, it hides
// the panel. The panel then changes in the frame of the highlight, and
// go-app's render, after, writes the same values into the same nodes.
//
// The fields' handlers read the annotation they edit from the panel, not
// from the render that made them: between the two, the panel already shows
// the new annotation.

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// panelView is what the panel shows of an annotation, as both go-app's
// render (renderSelected) and putSelected write it.
type panelView struct {
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Class   string   `json:"class"`   // the label's class
	Classes []string `json:"classes"` // every label's class, to take off
	// Taken says, in the schema's order, which labels another annotation
	// of the span has (Set.RelabelTaken): the label's choice offers them
	// disabled.
	Taken   []bool   `json:"taken"`
	Excerpt string   `json:"excerpt"`
	Fields  []string `json:"fields"` // the attributes, in order
	Values  []string `json:"values"` // their values, in the same order
	Shown   []bool   `json:"shown"`  // whether each field shows
	Note    string   `json:"note"`
	Span    string   `json:"span"`
}

// viewOf returns what the panel shows of ann. The panel has a field for
// every attribute of the schema (Schema.Attributes), and one for each
// attribute the annotation holds that the schema does not know, after
// them, sorted; it shows those the annotation's label takes, and those it
// kept from an earlier label, which stay editable, and hides the others.
// So the panel of one annotation has the fields of another of any label,
// and putSelected can show it in their place.
func viewOf(schema annotate.Schema, ann annotate.Annotation) panelView {
	label, _ := schema.Label(ann.Label)
	fields := schema.Attributes()
	for _, name := range attributeOrder(ann.Attributes) {
		if !slices.Contains(fields, name) {
			fields = append(fields, name)
		}
	}
	values := make([]string, len(fields))
	shown := make([]bool, len(fields))
	for i, name := range fields {
		v, held := ann.Attributes[name]
		values[i], shown[i] = v, held || label.Takes(name)
	}
	classes := make([]string, len(schema.Labels))
	taken := make([]bool, len(schema.Labels)) // none known here: sidebar.viewOf
	for i, l := range schema.Labels {
		classes[i] = labelClass(l.Name)
	}
	return panelView{
		ID: ann.ID, Label: ann.Label, Class: labelClass(ann.Label), Classes: classes, Taken: taken,
		Excerpt: quoted(ann.Exact, 200),
		Fields:  fields, Values: values, Shown: shown, Note: ann.Attributes[annotate.AttrNote],
		Span: fmt.Sprintf("Characters %d–%d · %s", ann.Start, ann.End, authorText(ann.Author)),
	}
}

// viewOf returns what the panel shows of ann, one of the set's, with the
// labels its span has in other annotations.
func (s *sidebar) viewOf(ann annotate.Annotation) panelView {
	schema := s.Set.Schema()
	v := viewOf(schema, ann)
	taken := s.Set.RelabelTaken(ann.ID)
	for i, l := range schema.Labels {
		v.Taken[i] = slices.Contains(taken, l.Name)
	}
	return v
}

// emptyView is v, the view of no annotation, with nothing in it to read:
// no label, no text, no values. Its fields are the schema's, as any
// annotation's view has them, so that putSelected can fill it.
func emptyView(v panelView) panelView {
	v.Class, v.Excerpt, v.Span = "", "", ""
	for i := range v.Shown {
		v.Shown[i] = false
	}
	return v
}

// renderSelected draws the selected annotation with the fields that edit
// it. With none selected, it draws the panel empty and hidden: a panel is
// always on the page for putSelected to fill, so the first selection shows
// in the frame of its highlight too, and a deselection (Escape, a delete)
// hides the panel there, not two or three frames later.
func (s *sidebar) renderSelected() app.UI {
	ann, ok := s.Set.Get(s.Selected)
	v := s.viewOf(ann)
	panel := app.Section().ID("selected")
	if !ok {
		v = emptyView(v)
		// Only when true: go-app writes hidden="false" in HTML, which hides.
		panel = panel.Hidden(true)
	}
	return panel.Class("selected-panel", v.Class).DataSet("id", v.ID).Aria("label", "Selected annotation").Body(
		app.P().Class("selected-text").Body(
			app.Span().Class("badge", v.Class).Text(v.Label),
			app.Span().Class("excerpt").Text(v.Excerpt),
		),
		s.renderEditor(v),
	)
}

// renderEditor draws the fields that edit the annotation of v.
func (s *sidebar) renderEditor(v panelView) app.UI {
	id := v.ID
	schema := s.Set.Schema()
	// A fieldset: disabled, it disables every control in it.
	editor := app.FieldSet().Class("editor").Aria("label", "Edit the annotation")
	if s.ReadOnly {
		editor = editor.Disabled(true).Aria("describedby", readOnlyReasonID)
	}
	return editor.Body(
		app.Label().Body(
			app.Span().Text("Label"),
			app.Select().ID("edit-label").OnChange(func(ctx app.Context, e app.Event) {
				s.Host.relabel(ctx, panelID(ctx, id), ctx.JSSrc().Get("value").String())
			}, app.EventScope(id)).Body(
				app.Range(schema.Labels).Slice(func(i int) app.UI {
					l := schema.Labels[i]
					return app.Option().Value(l.Name).Selected(l.Name == v.Label).Disabled(v.Taken[i]).Text(l.Name)
				}),
			),
		),
		app.Range(v.Fields).Slice(func(i int) app.UI {
			name := v.Fields[i]
			field := app.Label()
			if !v.Shown[i] {
				// Only when true: go-app writes hidden="false" in HTML,
				// which hides.
				field = field.Hidden(true)
			}
			// dir="auto": a speaker written in Hebrew or Arabic reads and
			// is typed right to left, an English one left to right.
			input := app.Input().Type("text").ID(attributeFieldID(name)).DataSet("attr", name).Dir("auto")
			if !onPage() {
				// On the page the values are putSelected's, written in the
				// turn of the change and after every render, but in the
				// field that has the focus. go-app writes a value that
				// differs from the one it drew last, focused or not, and
				// draws two or three frames after the change: it wrote a
				// speaker kept with Escape over " Jr" typed into the field
				// since (TestPanelKeepsTextTypedBeforeItsRender).
				input = input.Value(v.Values[i])
			}
			return field.Body(
				app.Span().Text(attributeTitle(name)),
				input.Placeholder(attributeHint(name)).
					OnChange(func(ctx app.Context, e app.Event) {
						s.Host.setAttribute(ctx, panelID(ctx, id), name, ctx.JSSrc().Get("value").String())
					}, app.EventScope(id+"/"+name)),
			)
		}),
		app.Label().Body(
			app.Span().Text("Note"),
			s.noteField(v.Note, id),
		),
		app.P().Class("span-info").Text(v.Span),
		app.Button().ID("delete-button").Class("danger").Title("Delete this annotation (Delete key)").
			OnClick(func(ctx app.Context, e app.Event) { s.Host.delete(ctx, panelID(ctx, id)) }, app.EventScope(id)).Text("Delete"),
	)
}

// panelID returns the annotation that the panel holding the event's
// element shows (putSelected may have put another there since go-app drew
// the element's handler), or id when the element is in no panel.
func panelID(ctx app.Context, id string) string {
	src := ctx.JSSrc()
	if !src.Truthy() || !src.Get("closest").Truthy() {
		return id
	}
	if panel := src.Call("closest", "#selected"); panel.Truthy() {
		if shown := panel.Get("dataset").Get("id"); shown.Truthy() {
			return shown.String()
		}
	}
	return id
}

// putSelected writes the selected annotation into the panel on the page
// when the panel shows another one with the same fields (else, as after an
// import that brought attributes the schema does not know, go-app's render
// draws it): in the turn of a change, so that the panel changes in the
// frame of its highlight; and after every render, so that the panel shows
// the annotation selected now even where go-app, finding its own values
// unchanged, wrote nothing (a tag undone before go-app drew it). A panel
// that shows the annotation selected gets its new label (a relabel) and
// the values it holds now (an edit undone), but in the focused field,
// which may hold what the annotator is typing.
func (s *sidebar) putSelected() {
	ann, ok := s.Set.Get(s.selection())
	if !ok {
		// None selected: the panel hides.
		helper().Call("putSelected", "")
		return
	}
	data, err := json.Marshal(s.viewOf(ann))
	if err != nil {
		return
	}
	helper().Call("putSelected", string(data))
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

// attributeFieldID is the id of the panel's field of attribute name:
// "edit-" and the name, but for an attribute called "label", whose
// "edit-label" is the label's select. An attribute's name is lower case
// (annotate.Schema), so "edit-Label" is no other field's. The fields'
// handlers take the name from the field's data-attr.
func attributeFieldID(name string) string {
	if name == "label" {
		return "edit-Label"
	}
	return "edit-" + name
}

// fieldAttribute returns the attribute that el, a field of the panel,
// edits: its data-attr.
func fieldAttribute(el app.Value) (string, bool) {
	name := el.Get("dataset").Get("attr")
	if name.Type() != app.TypeString || name.String() == "" {
		return "", false
	}
	return name.String(), true
}

// noteField is the selected annotation's note. On the page its value is
// putSelected's, as the other fields' are (renderEditor): go-app's Text
// of a textarea is its value, written over the note typed since a change
// (TestPanelKeepsNoteTypedBeforeItsRender).
func (s *sidebar) noteField(note, id string) app.HTMLTextarea {
	area := app.Textarea().ID(attributeFieldID(annotate.AttrNote)).DataSet("attr", annotate.AttrNote).Rows(2).Dir("auto").
		OnChange(func(ctx app.Context, e app.Event) {
			s.Host.setAttribute(ctx, panelID(ctx, id), annotate.AttrNote, ctx.JSSrc().Get("value").String())
		}, app.EventScope(id))
	if !onPage() {
		area = area.Text(note)
	}
	return area
}
