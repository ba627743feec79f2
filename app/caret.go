package app

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// This file keeps the keyboard's way through the page: the caret in the
// article (moved by the browser's Selection.modify for characters, words
// and lines, and by package annotate's boundaries for sentences,
// paragraphs and the article's ends), editing the annotation at the caret,
// and the jumps to the article and to the list of annotations.

// boundaries are where the open document's sentences and paragraphs
// begin, found once per document.
type boundaries struct {
	text                  *annotate.Text
	sentences, paragraphs []int
}

// starts returns the sentence or paragraph starts of the open document.
func (a *Annotator) starts(granularity string) []int {
	text := a.doc.Text()
	if a.bounds.text != text {
		s := text.String()
		a.bounds = boundaries{text: text, sentences: annotate.SentenceStarts(s), paragraphs: annotate.ParagraphStarts(s)}
	}
	if granularity == "paragraph" {
		return a.bounds.paragraphs
	}
	return a.bounds.sentences
}

// moveCaret carries out cmdMove and cmdExtend.
func (a *Annotator) moveCaret(b binding) {
	if a.doc == nil {
		return
	}
	alter := "move"
	if b.Command == cmdExtend {
		alter = "extend"
	}
	switch b.Granularity {
	case "sentence", "paragraph", "documentboundary":
		index := a.doc.Index()
		pos := 0
		if node, offset, ok := caretPosition(); ok {
			if cp, err := index.FromDOM(node, offset); err == nil {
				pos = cp
			}
		}
		end := a.doc.Text().Len()
		target := 0
		switch {
		case b.Granularity == "documentboundary" && b.Direction == "forward":
			target = end
		case b.Granularity == "documentboundary":
			target = 0
		case b.Direction == "forward":
			target = annotate.NextStart(a.starts(b.Granularity), pos, end)
		default:
			target = annotate.PreviousStart(a.starts(b.Granularity), pos)
		}
		if node, offset, ok := index.ToDOM(target, true); ok {
			placeCaret(node, offset, alter == "extend")
		}
	default:
		moveSelection(alter, b.Direction, b.Granularity)
	}
	a.describeSelection(alter == "move")
}

// selectArticle selects the article's text, from its first character to
// its last.
func (a *Annotator) selectArticle() {
	if a.doc == nil {
		return
	}
	index := a.doc.Index()
	sn, so, ok1 := index.ToDOM(0, true)
	en, eo, ok2 := index.ToDOM(a.doc.Text().Len(), false)
	if ok1 && ok2 {
		selectText(sn, so, en, eo)
	}
	a.describeSelection(false)
}

// atCaret returns the annotations that Enter edits with the caret at code
// point cp: those whose span holds it; or the selected annotation, when
// the caret is at one of its ends (or past the white space its tag left
// out), where its tag left the caret (after it, or before it when the
// selection was made upwards): q Enter edits the quote just tagged, not
// the claim around it whose text goes on past the caret. The selection
// line says the same (describeSelection).
func (a *Annotator) atCaret(cp int) []annotate.Annotation {
	if sel, ok := a.set.Get(a.selected); ok && (a.blankBetween(sel.End, cp) || a.blankBetween(cp, sel.Start)) {
		return []annotate.Annotation{sel}
	}
	return a.set.Covering(cp)
}

// blankBetween reports whether code points from..to are a few (0 to 16)
// of white space only.
func (a *Annotator) blankBetween(from, to int) bool {
	return from <= to && to-from <= 16 && strings.TrimSpace(a.doc.Text().Slice(from, to)) == ""
}

// editAtCaret opens the editor of the annotation at the caret: one, or a
// choice among several; with none there, the selected annotation's.
func (a *Annotator) editAtCaret(ctx app.Context) {
	if a.set == nil {
		return
	}
	if state, _ := readSelection(); state != selectionNone {
		a.say("Press a label's key to tag the selected text: " + keyList(a.schema().Labels) + ".")
		return
	}
	var ids []string
	if node, offset, ok := caretPosition(); ok {
		if cp, err := a.doc.Index().FromDOM(node, offset); err == nil {
			for _, ann := range a.atCaret(cp) {
				ids = append(ids, ann.ID)
			}
		}
	}
	switch {
	case len(ids) == 1:
		a.selected, a.choices = ids[0], nil
		a.revealSelected()
		a.paint(ctx)
	case len(ids) > 1:
		a.choices = ids
		a.say(fmt.Sprintf("%d annotations overlap here; choose one in the list.", len(ids)))
		a.focusAfterRender(ctx, "#choices button")
		return
	case a.selected == "":
		a.say("No annotation is at the caret. Move the caret into a highlight, or press ] to select the first annotation.")
		return
	}
	a.focusAfterRender(ctx, editorFields)
}

// editorFields finds the first field of the selected annotation's editor.
const editorFields = "#selected .editor select, #selected .editor input, #selected .editor textarea"

// goTo moves the focus to the part of the page target names (Alt+A,
// Alt+L, Alt+W, the skip links): the article, the list of annotations,
// or the library's documents. From the library it shows the open article
// first, and focuses once that is drawn: there the jumps did nothing, and
// the skip links, the page's first two Tab stops, led nowhere. The
// library's documents are shown first from the article, and the focus
// goes to the first one's title once it is drawn: it was 18 Tab presses
// away, past every control of the library.
func (a *Annotator) goTo(ctx app.Context, target string) {
	if target == focusDocuments {
		if a.view != viewLibrary {
			a.toggleLibrary(ctx)
		}
		// The library reads the workspace before it draws its table: a
		// few seconds at most on a loaded machine.
		focusWhenDrawn(libraryDrawn, 600, a.takeHeld(), firstTitle, "#library-search")
		return
	}
	if a.view != viewLibrary {
		if target == focusAnnotations {
			a.focusAnnotations(ctx)
			return
		}
		focusText()
		return
	}
	if a.doc == nil {
		return
	}
	focused := a.takeHeld()
	a.showOpen(ctx, func() {
		if target == focusAnnotations {
			// The sidebar, drawn anew, puts its rows in the frames after
			// its first render: the focus waits for them (a second at
			// most), or would fall on the list's heading.
			focusWhenListed(a.set.Len() > 0, 60, focused)
			return
		}
		focusText()
		focused()
	})
}

// takeHeld returns what gives the keys held after the key being run
// (listen.go) to the element that has the focus, for a command whose
// focus moves later than its render (the library's documents, drawn once
// the workspace is read; the article shown again): the key's handler
// leaves them to it, and gave them before the focus had moved (Alt+W Tab
// typed ahead left the focus on the first document's title, the Tab
// gone to the page). Outside a key's command (a skip link's click), the
// function does nothing.
func (a *Annotator) takeHeld() func() {
	if !a.keysHeld {
		return func() {}
	}
	a.keysHeld = false
	return releaseKeys
}

// focusWhenListed focuses the list of annotations (annotationsFocus) once
// it shows its rows, when it has any, looking again at each of the next
// frames, at most tries times, then calls then.
func focusWhenListed(rows bool, tries int, then func()) {
	if !rows {
		tries = 0
	}
	focusWhenDrawn("#entries .entry-main", tries, then, annotationsFocus...)
}

// The library drawn: its table, or the line that says no document
// matches; and where the focus goes in it, the first document's title.
const (
	libraryDrawn = "#library-table, #library-empty"
	firstTitle   = "#library-table tbody tr:first-child .library-open"
)

// focusWhenDrawn focuses the element the first of selectors finds once
// the page holds an element that ready finds, looking again at each of
// the next frames, at most tries times, then calls then.
func focusWhenDrawn(ready string, tries int, then func(), selectors ...string) {
	doc := app.Window().Get("document")
	if tries > 0 && !doc.Call("querySelector", ready).Truthy() {
		afterNextFrame(func() { focusWhenDrawn(ready, tries-1, then, selectors...) })
		return
	}
	focusFirst(selectors...)
	then()
}

// annotationsFocus finds where the focus goes in the list of annotations:
// the selected entry, else the first, else the list's heading.
var annotationsFocus = []string{"#entries li.selected .entry-main", "#entries .entry-main", "#" + titleID}

// focusAnnotations moves the focus to the list of annotations: the
// selected entry (its row drawn first, wherever it lies in the list),
// else the first, else the list's heading.
func (a *Annotator) focusAnnotations(ctx app.Context) {
	if a.selected != "" {
		a.revealSelected()
		a.drawList()
	}
	a.focusAfterRender(ctx, annotationsFocus...)
}

// focusAfterRender focuses, once the page has been rendered, the element
// the first of selectors finds. They are tried one by one: a selector
// list given to querySelector finds the first element in the page's
// order, and the list's heading, above the list, always came before
// the selected entry.
func (a *Annotator) focusAfterRender(ctx app.Context, selectors ...string) {
	if !app.IsClient {
		return
	}
	a.afterRender(ctx, func(ctx app.Context) { focusFirst(selectors...) })
}

// focusIfLost focuses, once ctx's component has been rendered, the
// element the first of selectors finds, when the focus fell to the page's
// body with the element that had it (a button disabled by what it did),
// from where the next Tab starts over at the top of the page. ctx must
// be of a component that stays on the page.
func focusIfLost(ctx app.Context, selectors ...string) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		if focusedNowhere() {
			focusFirst(selectors...)
		}
	})
}

// focusedNowhere reports whether no element has the focus: the page's
// body has it, or a button just disabled, which Chromium leaves
// focused until its next frame and then leaves the body with.
func focusedNowhere() bool {
	doc := app.Window().Get("document")
	active := doc.Get("activeElement")
	return !active.Truthy() || active.Equal(doc.Get("body")) || active.Get("disabled").Truthy()
}

// focusFirst focuses the element the first of selectors finds.
func focusFirst(selectors ...string) {
	doc := app.Window().Get("document")
	for _, selector := range selectors {
		if el := doc.Call("querySelector", selector); el.Truthy() {
			el.Call("focus")
			return
		}
	}
}
