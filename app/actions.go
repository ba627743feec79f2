package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// run carries out a keyboard command. While the open document waits for
// the first answer about its lock (locking), the commands wait with it, in
// order, and run once it comes (lockDocument): a key pressed as a document
// appears, on a loaded machine before the browser has said whose lock it
// is, is neither lost nor written under another tab.
func (a *Annotator) run(ctx app.Context, b binding) {
	if a.locking {
		a.waitingKeys = append(a.waitingKeys, b)
		return
	}
	mark("annotator:run") // from "annotator:key": the dispatch to the UI goroutine
	switch b.Command {
	case cmdTag:
		a.tagOrRelabel(ctx, b.Label, b.ID)
	case cmdUndo:
		a.undo(ctx)
	case cmdRedo:
		a.redo(ctx)
	case cmdDelete:
		a.deleteSelected(ctx, b.ID)
	case cmdEscape:
		a.escape(ctx)
	case cmdNext:
		a.step(ctx, +1, b.ID)
	case cmdPrevious:
		a.step(ctx, -1, b.ID)
	case cmdMove, cmdExtend:
		a.moveCaret(b)
	case cmdEdit:
		a.editAtCaret(ctx)
	case cmdFocus:
		a.goTo(ctx, b.Target)
	case cmdHelp:
		ctx.NewAction(actionHelp)
	case cmdOpen:
		openFilePicker()
	case cmdExport:
		a.downloadExport(ctx)
	case cmdSelectAll:
		a.selectArticle()
	case cmdDropOrphan:
		a.dropOrphan(ctx, b.ID)
	}
}

// tagOrRelabel relabels the annotation whose entry has the focus, when
// entry names one; else it tags the text selection with label, or with no
// text selection, relabels the selected annotation.
func (a *Annotator) tagOrRelabel(ctx app.Context, label, entry string) {
	if a.set == nil {
		return
	}
	if a.isAnnotation(entry) {
		a.relabel(ctx, entry, label)
		return
	}
	state, _ := readSelection()
	if state == selectionNone && a.selected != "" {
		a.relabel(ctx, a.selected, label)
		return
	}
	a.tag(ctx, label)
}

// tag tags the browser's selection with label.
func (a *Annotator) tag(ctx app.Context, label string) {
	if !a.canChange() {
		return
	}
	span, ok := a.selectedSpan()
	if !ok {
		return
	}
	ann, err := a.set.Add(label, span.Start, span.End)
	if errors.Is(err, annotate.ErrDuplicate) {
		if dup, ok := a.set.Duplicate(label, span.Start, span.End); ok {
			// The span tagged again: the annotation there is the one meant.
			collapseSelection(true)
			a.selInfo = ""
			a.selected, a.choices = dup.ID, nil
			a.revealSelected()
			a.say(fmt.Sprintf("%s is already tagged as %s; it is selected.", quoted(dup.Exact, 80), label))
			a.paint(ctx)
			return
		}
	}
	if err != nil {
		a.fail(err.Error())
		return
	}
	collapseSelection(true) // the caret stays after the span, for the next one
	a.selInfo = ""
	a.selected, a.choices = ann.ID, nil
	a.revealSelected()
	a.say(fmt.Sprintf("Tagged %s as %s.", quoted(ann.Exact, 80), label))
	a.changed(ctx)
}

// selectedSpan returns the browser's selection as a span of the canonical
// text, or says why there is none.
func (a *Annotator) selectedSpan() (annotate.Span, bool) {
	state, dom := readSelection()
	switch state {
	case selectionNone:
		a.fail("Select some text in the article first, then press a label's key.")
		return annotate.Span{}, false
	case selectionOutside:
		a.fail("The selection is outside the article. Select text in the article to tag it.")
		return annotate.Span{}, false
	case selectionAcross:
		a.fail("The selection runs past the edge of the article. Select text inside the article only.")
		return annotate.Span{}, false
	}
	index := a.doc.Index()
	start, err1 := index.FromDOM(dom.StartNode, dom.StartOffset)
	end, err2 := index.FromDOM(dom.EndNode, dom.EndOffset)
	if err1 != nil || err2 != nil {
		a.fail("The selection could not be mapped onto the article's text; reload the article and try again.")
		return annotate.Span{}, false
	}
	mark("annotator:offsets")
	return annotate.Span{Start: start, End: end}, true
}

// describeSelection shows the text selection's extent, or nothing; with
// caret (the caret moved by a key), a caret that comes to rest in
// annotations says which. The highlights are drawn for the eye alone (the
// CSS Custom Highlight API reaches no screen reader), and a screen
// reader's user heard nothing when the caret went into a quote. The line
// is a polite live region, whose words are spoken when they change: once
// as the caret comes into an annotation, not at each step within it.
func (a *Annotator) describeSelection(caret bool) {
	if a.doc == nil {
		return
	}
	state, dom := readSelection()
	a.selInfo = ""
	index := a.doc.Index()
	if state == selectionNone && caret && a.set != nil {
		if node, offset, ok := caretPosition(); ok {
			if cp, err := index.FromDOM(node, offset); err == nil {
				a.selInfo = caretWords(a.atCaret(cp))
			}
		}
		return
	}
	if state != selectionInside {
		return
	}
	start, err1 := index.FromDOM(dom.StartNode, dom.StartOffset)
	end, err2 := index.FromDOM(dom.EndNode, dom.EndOffset)
	mark("annotator:offsets")
	if err1 != nil || err2 != nil || end <= start {
		return
	}
	a.selInfo = fmt.Sprintf("Selected “%s”: %d characters (%d–%d). Press a label's key to tag them.",
		excerpt(a.doc.Text().Slice(start, end), 60), end-start, start, end)
}

// caretWords says which annotations the caret is at (Annotator.atCaret:
// those Enter edits), or nothing.
func caretWords(in []annotate.Annotation) string {
	switch len(in) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("At the %s %s. Enter edits it.", in[0].Label, quoted(in[0].Exact, 60))
	}
	names := make([]string, len(in))
	for i, x := range in {
		names[i] = x.Label + " " + quoted(x.Exact, 40)
	}
	return fmt.Sprintf("At %d annotations: %s. Enter chooses one to edit.", len(in), strings.Join(names, "; "))
}

// relabel gives annotation id another label.
func (a *Annotator) relabel(ctx app.Context, id, label string) {
	if !a.canChange() {
		return
	}
	if ann, ok := a.set.Get(id); ok && ann.Label == label {
		// Set.Relabel changes nothing: no step to undo, nothing to say
		// was relabelled (a key held down, or pressed twice).
		a.say(fmt.Sprintf("%s already has the label %s.", quoted(ann.Exact, 60), label))
		return
	}
	// The entry listed after it, else before it: where the focus goes
	// when the entry had it and leaves the list (below).
	onEntry, neighbour := focusedEntry() == id, a.neighbour(id, +1)
	if neighbour == "" {
		neighbour = a.neighbour(id, -1)
	}
	if err := a.set.Relabel(id, label); err != nil {
		if ann, ok := a.set.Get(id); ok && errors.Is(err, annotate.ErrDuplicate) {
			a.fail(fmt.Sprintf("%s cannot be relabelled %s: another %s has the same text already.", quoted(ann.Exact, 60), label, label))
			return
		}
		a.fail(err.Error())
		return
	}
	if id == a.selected && a.lister().position(id) >= 0 {
		// The panel, in the sidebar's head above the list, shows or hides
		// the fields the new label takes, and grew over the entry: it is
		// shown again, unless the filter no longer lists it (a reveal
		// would drop the filter the annotator relabels under).
		a.revealSelected()
	}
	ann, _ := a.set.Get(id)
	said := fmt.Sprintf("Relabelled %s as %s.", quoted(ann.Exact, 60), label)
	if kept := a.set.KeptAttributes(id); len(kept) > 0 {
		// Kept, so that a relabel there and back loses nothing, and in
		// the export: said, as the panel shows them among the fields the
		// label takes, and a claim's export named a speaker unawares.
		them, fields := "it", "its field"
		if len(kept) > 1 {
			them, fields = "them", "their fields"
		}
		said += fmt.Sprintf(" It keeps its %s, which the label %s does not take: the export has %s; empty %s to drop %s.",
			wordList(kept), label, them, fields, them)
	}
	a.say(said)
	leaves := onEntry && a.lister().position(id) < 0
	if leaves && neighbour != "" && id == a.selected {
		// Its entry left the list, which shows another label, and the
		// focus with it, to the page's body: the next Tab started over
		// at the top of the page, and the next key acted on an
		// annotation the list no longer showed. The entry in its place
		// is selected, and has the focus, which says it, as after a
		// Delete.
		a.selected = neighbour
		a.revealSelected()
	}
	a.changed(ctx)
	switch {
	case leaves && neighbour != "":
		focusEntry(neighbour) // its row is drawn in this turn (paint)
	case leaves:
		a.focusAfterRender(ctx, "#"+titleID)
	}
}

// setAttribute sets or clears an attribute of annotation id.
func (a *Annotator) setAttribute(ctx app.Context, id, name, value string) {
	if !a.canChange() {
		return
	}
	if err := a.set.SetAttribute(id, name, value); err != nil {
		if ann, ok := a.set.Get(id); ok && errors.Is(err, annotate.ErrAttribute) {
			// A value kept from an earlier label shows in the panel, and
			// can be cleared there, not changed (the panel then shows the
			// value kept again): say so in words, not with the id.
			a.fail(fmt.Sprintf("The label %s takes no %s: the %s kept from an earlier label can be cleared, not changed. Relabel the annotation to change it.",
				ann.Label, name, name))
			return
		}
		if long := (*annotate.AttributeTooLongError)(nil); errors.As(err, &long) {
			// A paste, in all likelihood (a whole article in the speaker):
			// it is still on the clipboard.
			a.fail(fmt.Sprintf("The %s was not changed: %s. Shorten the text and paste it again.", name, long))
			return
		}
		a.fail(err.Error())
		return
	}
	a.changed(ctx)
}

// isAnnotation tells whether entry, the annotation whose entry in the
// list had the focus as a key was pressed (keyPress.Entry), is one of the
// open document's: a key there acts on it, not on the selected one, which
// Tab, moving down the list, does not change.
func (a *Annotator) isAnnotation(entry string) bool {
	if entry == "" || a.set == nil {
		return false
	}
	_, ok := a.set.Get(entry)
	return ok
}

// deleteSelected deletes the annotation whose entry has the focus,
// when entry is not "", else the selected one.
func (a *Annotator) deleteSelected(ctx app.Context, entry string) {
	if a.isAnnotation(entry) {
		a.delete(ctx, entry)
		return
	}
	if a.selected == "" {
		a.fail("Select an annotation to delete it: press ] or [ to step to one, or click its highlight or its entry in the list.")
		return
	}
	a.delete(ctx, a.selected)
}

// delete deletes annotation id and selects its neighbour in the list.
func (a *Annotator) delete(ctx app.Context, id string) {
	if !a.canChange() {
		return
	}
	neighbour := a.neighbour(id, +1)
	if neighbour == "" {
		neighbour = a.neighbour(id, -1)
	}
	ann, _ := a.set.Get(id)
	onEntry, inPanel := focusedEntry() == id, focusIn("#selected")
	if err := a.set.Delete(id); err != nil {
		a.fail(err.Error())
		return
	}
	if a.selected == id {
		// The next annotation is selected, and shown in the list as any
		// selection is: the list may have been scrolled away from the
		// entry deleted.
		a.selected = neighbour
		a.revealSelected()
		// And in the article, when it is out of view (under the sheet of
		// a narrow window, or far away): what a second Delete or a
		// label's key would change.
		if next, ok := a.set.Get(neighbour); ok {
			showSpan(a.doc, annotate.Span{Start: next.Start, End: next.End})
		}
	}
	a.choices = nil
	said := fmt.Sprintf("Deleted the %s %s. Ctrl+Z brings it back.", ann.Label, quoted(ann.Exact, 60))
	if a.selected == neighbour && neighbour != "" && !onEntry && !inPanel {
		// Said, from the article: the focus stays there, and a screen
		// reader's user heard only what went, not which annotation a
		// second Delete would delete. From the list or the panel, the
		// focus goes to the next entry, which says it.
		said += " Selected now: " + a.placeWords(neighbour) + "."
	}
	a.say(said)
	a.changed(ctx)
	// The focus was on what goes (the deleted entry, or the panel's
	// Delete): it moves to the next entry, as the selection does, else to
	// the list's heading, not to the page. The panel stays with the next
	// annotation in it (putSelected), and the focus stayed on its Delete,
	// now the next annotation's, its text unsaid, which a second Enter
	// deleted too; on the entry, a screen reader says which it is.
	switch {
	case (onEntry || inPanel) && neighbour != "":
		focusEntry(neighbour) // its row is drawn in this turn (paint)
	case onEntry || inPanel:
		a.focusAfterRender(ctx, "#"+titleID)
	}
}

// undo undoes the last change.
func (a *Annotator) undo(ctx app.Context) {
	if a.set != nil && a.set.CanUndo() && !a.canChange() {
		return
	}
	if a.set == nil || !a.set.CanUndo() {
		a.say("Nothing to undo.")
		return
	}
	what, since := a.set.UndoLabel(), a.set.Version()
	entry, inPanel := focusedEntry(), focusIn("#selected")
	a.orphans, _ = a.set.UndoWithOrphans(a.orphans) // an undone placement lists its orphan again
	a.followStep(since)
	a.say("Undid: " + what + ".")
	a.changed(ctx)
	a.keepFocusAfterStep(ctx, entry, inPanel)
}

// redo redoes the last undone change.
func (a *Annotator) redo(ctx app.Context) {
	if a.set != nil && a.set.CanRedo() && !a.canChange() {
		return
	}
	if a.set == nil || !a.set.CanRedo() {
		a.say("Nothing to redo.")
		return
	}
	what, since := a.set.RedoLabel(), a.set.Version()
	entry, inPanel := focusedEntry(), focusIn("#selected")
	a.orphans, _ = a.set.RedoWithOrphans(a.orphans)
	a.followStep(since)
	a.say("Redid: " + what + ".")
	a.changed(ctx)
	a.keepFocusAfterStep(ctx, entry, inPanel)
}

// keepFocusAfterStep keeps the focus on the page after an undo or a redo
// that took away what had it, as a delete does: the entry of an
// annotation it took away (entry) gives it to the entry selected now, else
// to the list's heading; the panel, gone with the annotation it showed,
// gives it back to the article, where the annotation was tagged. It fell
// to the page's body, where Escape and the arrows did nothing and the
// next Tab started at the page's top.
func (a *Annotator) keepFocusAfterStep(ctx app.Context, entry string, inPanel bool) {
	if _, there := a.set.Get(entry); entry != "" && !there {
		if a.selected != "" {
			focusEntry(a.selected)
		} else {
			a.focusAfterRender(ctx, "#"+titleID)
		}
		return
	}
	if inPanel && a.selected == "" {
		focusText()
	}
}

// followStep selects, after an undo or a redo (the set's version before
// it is since), the one annotation it brought back or changed, and shows
// its entry, so that the annotator sees what was undone: an undone delete
// brought the annotation back while the panel kept the one the delete had
// selected, and an undone edit of another annotation changed it out of
// sight. A step that took its annotation away (an undone tag), or that
// concerns several, leaves the selection as keepSelection does.
func (a *Annotator) followStep(since int) {
	if ids, ok := a.set.ChangedSince(since); ok && len(ids) == 1 {
		if ann, there := a.set.Get(ids[0]); there {
			a.selected, a.choices = ids[0], nil
			a.revealSelected()
			// The article shows it too, as a step or a click on its entry
			// does: it may be far from where the reader is.
			showSpan(a.doc, annotate.Span{Start: ann.Start, End: ann.End})
			return
		}
	}
	a.keepSelection()
}

// keepSelection forgets a selected annotation that a change removed.
func (a *Annotator) keepSelection() {
	if _, ok := a.set.Get(a.selected); !ok {
		a.selected = ""
	}
	a.choices = nil
}

// escape closes the open dialog; else it leaves a text field (for the
// article, when the article is shown); else it drops the text selection
// (the caret stays), the choice list and the selected annotation.
func (a *Annotator) escape(ctx app.Context) {
	if app.IsClient && dialogOpen() {
		ctx.NewAction(actionCloseDialog)
		return
	}
	if app.IsClient {
		if el := app.Window().Get("document").Get("activeElement"); isField(el) {
			if el.Get("classList").Call("contains", "rename").Bool() {
				// Escape cancels a rename in the library: the title is put
				// back before the blur, whose change event would keep the
				// one typed, and the focus goes back to the row's Rename.
				el.Set("value", el.Get("dataset").Get("title"))
				el.Call("blur")
				if row := el.Call("closest", "tr"); row.Truthy() {
					if b := row.Call("querySelector", ".library-rename"); b.Truthy() {
						b.Call("focus")
					}
				}
				return
			}
			if a.view == viewLibrary {
				// No article to go back to: blurred, the field left the
				// focus on the page's body. It stays, and a search's
				// words go, as Escape clears a search box.
				if el.Get("type").String() == "search" && el.Get("value").String() != "" {
					el.Set("value", "")
					el.Call("dispatchEvent", app.Window().Get("Event").New("input", map[string]any{"bubbles": true}))
				}
				return
			}
			// An attribute's edit is kept here, in this turn, not left to
			// the field's change event alone: twice in full runs of the
			// browser tests a speaker typed and left with Escape never
			// reached its quote, the change's handler never running (its
			// cause is not proven: go-app drops an event's dispatch whose
			// element it takes as gone, and a blur fires no change when
			// the browser takes the value as unchanged). The change event
			// that may follow sets the same value, which records nothing.
			a.keepFieldEdit(ctx, el)
			el.Call("blur") // back to the keyboard shortcuts
			if a.view == viewArticle && a.doc != nil {
				// For the article, as the help says, from the toolbar's
				// name too: blurred alone, the focus fell to the body.
				focusText()
			}
			return
		}
	}
	if len(a.choices) > 0 && focusIn("#choices") || a.selected != "" && focusIn("#selected") {
		// The choice list goes, and the focus with it: back to the
		// article, where Enter offered the choice. So does the panel of
		// the annotation no longer selected, whose Delete or label list
		// had the focus, which fell to the page's body.
		focusText()
	}
	collapseSelection(false)
	a.selInfo = ""
	a.choices = nil
	if a.selected != "" {
		a.selected = ""
		a.paint(ctx)
	}
}

// keepFieldEdit sets the value of el, when it is a text field of the
// selected annotation's panel (its data-attr the attribute's name), on the
// annotation the panel shows.
func (a *Annotator) keepFieldEdit(ctx app.Context, el app.Value) {
	tag := el.Get("tagName").String()
	name, ok := fieldAttribute(el)
	if !ok || tag != "INPUT" && tag != "TEXTAREA" || a.set == nil {
		return
	}
	panel := el.Call("closest", "#selected")
	if !panel.Truthy() || !panel.Get("dataset").Get("id").Truthy() {
		return
	}
	id := panel.Get("dataset").Get("id").String()
	// Nothing typed: the field holds the value as the panel showed it,
	// which an import may have kept with spaces at its edges (and which
	// a label that does not take it refuses to change). Or the change
	// already taken, kept as SetAttribute keeps a value.
	if ann, ok := a.set.Get(id); !ok || ann.Attributes[name] == el.Get("value").String() || ann.Attributes[name] == annotate.AttributeValue(el.Get("value").String()) {
		return
	}
	a.setAttribute(ctx, id, name, el.Get("value").String())
}

// choose selects annotation id, scrolls the article to it and marks it.
func (a *Annotator) choose(ctx app.Context, id string) {
	ann, ok := a.set.Get(id)
	if !ok {
		return
	}
	fromChoices := focusIn("#choices")
	a.selected = id
	a.choices = nil
	a.revealSelected()
	a.paint(ctx)
	scrollToSpan(a.doc, annotate.Span{Start: ann.Start, End: ann.End})
	switch {
	case focusedEntry() != "":
		// The list is drawn anew: keep the keyboard on the chosen entry.
		a.afterRender(ctx, func(ctx app.Context) { focusEntry(id) })
	case fromChoices:
		// The choice list goes with its buttons, and the focus with them:
		// the chosen annotation is edited, as Enter on one alone does.
		a.focusAfterRender(ctx, editorFields)
	}
}

// focusIn reports whether the focused element is in the element that
// selector finds.
func focusIn(selector string) bool {
	if !app.IsClient {
		return false
	}
	active := app.Window().Get("document").Get("activeElement")
	return active.Truthy() && active.Get("closest").Truthy() && active.Call("closest", selector).Truthy()
}

// step selects the next (+1) or previous (-1) annotation in the list:
// next to entry, the annotation whose entry had the focus as the key was
// pressed (keyPress.Entry), else to the selected one. Tab moves the focus
// down the list without selecting, and ] on the entry Tab had reached
// went on from the selected one, perhaps out of sight: from the first
// entry selected and the second focused, it selected the second, where
// the annotator already was, not the third.
func (a *Annotator) step(ctx app.Context, dir int, entry string) {
	l := a.lister()
	n := l.listLen()
	if n == 0 {
		// Said, not silent, as at the list's ends.
		a.say(l.emptyText(a.schema().Labels))
		return
	}
	from := a.selected
	if a.isAnnotation(entry) {
		from = entry
	}
	next := ""
	if from == "" {
		if dir > 0 {
			next = l.listSlice(0, 1)[0].ID
		} else {
			next = l.listSlice(n-1, n)[0].ID
		}
	} else {
		next = l.neighbour(from, dir)
	}
	// At an end, what is said is of the entry stepped from: another
	// annotation may be selected.
	end := "is selected"
	if from != a.selected {
		end = "has the focus"
	}
	switch {
	case next != "":
		if focusIn("#choices") {
			// The choice list goes with the step, and the focus goes back
			// to the article, where Enter offered it: taken as a choice
			// made in the list, the step put the focus in the panel's
			// label list, where the next [ or ] did nothing.
			focusText()
		}
		a.choose(ctx, next)
		if _, ok := a.set.Get(next); ok && focusedEntry() == "" {
			// Said, from the article: the focus stays there, and a screen
			// reader's user heard nothing of which annotation a label's
			// key or Delete would now change. On the list, the entry
			// focused says it.
			a.say("Selected " + a.placeWords(next) + ".")
		}
	case l.position(from) < 0:
		// Stepped from an annotation the filter hides (selected in the
		// article, or relabelled out of the list): the list's end is not
		// selected, and the one that is is not in the list.
		ann, _ := a.set.Get(from)
		side, back := "after", "["
		if dir < 0 {
			side, back = "before", "]"
		}
		a.say(fmt.Sprintf("No %s comes %s the selected %s %s; %s goes to the nearest %s.",
			l.filter, side, ann.Label, quoted(ann.Exact, 60), back, l.filter))
	case dir > 0:
		// Said, not silent: a screen reader's user hears the key did
		// nothing because the list ends there.
		a.say("The last annotation of the list " + end + "; [ goes back.")
	default:
		a.say("The first annotation of the list " + end + "; ] goes on.")
	}
}

// placeWords names annotation id and its place in the list, as the
// message line says them after a step or a delete that selected it: “the
// quote “yes we can”, 1 of 2”.
func (a *Annotator) placeWords(id string) string {
	ann, _ := a.set.Get(id)
	l := a.lister()
	return fmt.Sprintf("the %s %s, %d of %d", ann.Label, quoted(ann.Exact, 60), l.position(id)+1, l.listLen())
}

// neighbour returns the ID of the annotation dir places from id among those
// the sidebar shows, or "".
func (a *Annotator) neighbour(id string, dir int) string { return a.lister().neighbour(id, dir) }

// lister returns the sidebar that lists the open document's annotations:
// the one on the page, or, when there is none, one that lists them all.
func (a *Annotator) lister() *sidebar {
	if a.list != nil && a.list.Set == a.set {
		return a.list
	}
	return &sidebar{Set: a.set}
}

// revealSelected has the sidebar show the selected annotation's entry.
func (a *Annotator) revealSelected() { a.reveal++ }

// attach keeps the sidebar on the page, which the keyboard's steps ask for
// the annotations it shows.
func (a *Annotator) attach(s *sidebar) { a.list = s }

// selection returns the selected annotation's id, for the sidebar's rows.
func (a *Annotator) selection() string { return a.selected }

// drawList has the sidebar's list show the annotations and the selection
// as they are now, in this turn, when the sidebar lists the open
// document's annotations; the rest of the sidebar follows with go-app's
// render.
func (a *Annotator) drawList() {
	if a.list != nil && a.list.Set == a.set {
		a.list.drawNow(a.reveal)
	}
}

// clickArticle selects the annotations under a click on the article's
// text: one at once, several as a choice.
func (a *Annotator) clickArticle(ctx app.Context, x, y float64) {
	if a.set == nil {
		return
	}
	if state, _ := readSelection(); state != selectionNone {
		return // the click ended a text selection
	}
	node, offset, ok := caretAt(x, y)
	if !ok {
		return
	}
	cp, err := a.doc.Index().FromDOM(node, offset)
	if err != nil {
		return
	}
	var ids []string
	for _, ann := range a.set.Covering(cp) {
		ids = append(ids, ann.ID)
	}
	switch len(ids) {
	case 0:
		if a.selected != "" {
			a.selected, a.choices = "", nil
			a.paint(ctx)
		}
	case 1:
		a.choose(ctx, ids[0])
	default:
		a.choices = ids
		a.say(fmt.Sprintf("%d annotations overlap here; choose one in the list.", len(ids)))
	}
}

// changed is called after every change of the annotations. The highlights
// are painted at once, before go-app renders the rest of the page in its
// next frame: they depend only on the annotations and the article, whose
// DOM does not change, so the change shows in the frame after the key
// press even when the sidebar takes longer.
//
// The rest of the page waits for that frame: go-app would otherwise render
// the sidebar in its next tick, which often comes before the browser's
// frame and would hold the highlight back by the time it takes.
func (a *Annotator) changed(ctx app.Context) {
	a.paint(ctx)
	if a.saveAfterFrame(ctx) {
		ctx.PreventUpdate() // the rest of the page too waits for the frame
	}
}

// saveAfterFrame queues the open document's change and writes it once the
// browser has drawn the frame that shows it; it reports whether it waits
// for that frame (it writes at once before the app is mounted).
func (a *Annotator) saveAfterFrame(ctx app.Context) bool {
	return a.saveChangeAfterFrame(ctx, false)
}

// saveChangeAfterFrame is saveAfterFrame; with largeChange, the change is
// taken (Pending) after the frame too, not in the turn that shows it: an
// import's first change, its 2,000 annotations, took 14–19 ms of Pending
// in the browser. Until it is taken, the keeper says it is due: the tab
// asks before it closes, and a document shown in the meantime takes it
// first (showEditor).
func (a *Annotator) saveChangeAfterFrame(ctx app.Context, largeChange bool) bool {
	if !largeChange || !a.isMounted {
		a.save(ctx)
	} else {
		a.keep.due = true
		// Until "annotator:save-due-taken" nothing is queued; what waits
		// for the work to be saved (the browser tests' waitSaved) waits
		// for this too. The toolbar has said "Saving…" since the frame
		// that shows the change (showEditor, fillHeld).
		mark("annotator:save-due")
	}
	if !a.isMounted {
		a.flush(ctx)
		return false
	}
	afterNextFrame(func() {
		a.mounted.Dispatch(func(ctx app.Context) {
			if a.keep.due {
				a.save(ctx)
			}
			a.flush(ctx)
			if largeChange {
				mark("annotator:save-due-taken")
			}
		})
	})
	// Once the page is idle, maybe a collection (collect.go).
	collectWhenIdle()
	return true
}

// wordList joins words as a sentence lists them: "a", "a and b",
// "a, b and c".
func wordList(words []string) string {
	if n := len(words); n > 1 {
		return strings.Join(words[:n-1], ", ") + " and " + words[n-1]
	}
	return strings.Join(words, "")
}
