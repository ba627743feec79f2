package app

// This file keeps what the annotator was typing into the selected
// annotation's field (its speaker, party or note), the toolbar's name or
// a library row's rename field when the page went away before the field
// was left: a reload, a closed tab, the update's reload. The field gives
// its text with its change event, which a page going away never fires,
// and the text was lost with no question asked. The page keeps it in
// local storage as it goes (pagehide), and the next start sets it, by the
// rule of annotate.Set.SetTyped (a title, workspace.RenameTyped's), and
// says so; or says, with the text, that it was not set.
//
// A tab the browser discards to free memory, or whose renderer is killed,
// goes with no pagehide; it is hidden first (the annotator went to another
// tab). So the text is kept as the page is hidden too, and forgotten as it
// is shown again, when the field is live once more (a change written
// since would have made the text kept look changed since, and said lost).
// Kept so, the tab may still be open, hidden, as another starts: that one
// leaves the text where it is when the document is the hidden tab's.

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// typedKey is where local storage keeps the text typed.
const typedKey = "annotator.typed"

// typed is text typed into field Name of annotation ID of document Doc,
// over Was, the value the annotation had; or, with Name authorField, into
// the toolbar's name field, over the workspace's name; or, with Name
// titleField, into the library's rename field of document Doc, over Was,
// the title the field showed.
type typed struct {
	Doc, ID, Name, Was, Value string
	// Hidden is set when the text was kept as the page was hidden
	// (keepTyped): its tab may be open still.
	Hidden bool
}

// typing is the field that took the focus last, and the value it was
// typed over: the annotation's, or the workspace's name, as the field
// showed it then. Compared at the page's going away with what the Set
// holds, a change already taken but not yet written (the field blurred as
// the page went) looked like nothing typed, and was lost.
type typing struct {
	field string // the field's id
	t     typed  // Value unset
}

// noteFocus notes the field el that took the focus, when it is the
// selected annotation's or the name's (a focusin on the page).
func (a *Annotator) noteFocus(el app.Value) {
	a.typing = typing{}
	if !isElement(el) {
		return
	}
	fid := el.Get("id").String()
	if fid == authorFieldID {
		a.typing = typing{field: fid, t: typed{Name: authorField, Was: a.author}}
		return
	}
	if doc, ok := strings.CutPrefix(fid, renameFieldPrefix); ok && doc != "" {
		// The title as the row showed it: the field, once typed in, no
		// longer says what it was typed over.
		a.typing = typing{field: fid, t: typed{Doc: doc, Name: titleField, Was: el.Get("dataset").Get("title").String()}}
		return
	}
	name, ok := fieldAttribute(el)
	if !ok || a.set == nil || a.keep.editor == nil {
		return
	}
	panel := el.Call("closest", "#selected")
	if !panel.Truthy() || !panel.Get("dataset").Get("id").Truthy() {
		return
	}
	id := panel.Get("dataset").Get("id").String()
	if ann, ok := a.set.Get(id); ok {
		a.typing = typing{field: fid, t: typed{Doc: a.keep.editor.ID(), ID: id, Name: name, Was: ann.Attributes[name]}}
	}
}

// keepTyped keeps in local storage the text of the field that took the
// focus last (noteFocus's), when it is not the value it was typed over. It
// runs as the page goes away (pagehide), when nothing can be written to
// IndexedDB any more, and as it is hidden (hidden set), when the browser
// may discard it with no pagehide.
func (a *Annotator) keepTyped(hidden bool) {
	w := a.typing
	if a.typedWaiting != nil {
		// Text of the last page, waiting for the document to be editable
		// here, is kept for the next, unless a field holds text since.
		waiting := *a.typedWaiting
		waiting.Hidden = hidden
		a.typedKept = storeTyped(waiting)
	}
	// The document read-only here keeps its annotations' fields, not
	// the name nor a title, which are the workspace's.
	if w.field == "" || a.readOnly && w.t.ofAnnotation() {
		return
	}
	// The field that took the focus last, focused or not: going to
	// another address blurs it before the page goes (a reload does not),
	// and its change event's edit, which Go would make after, is never
	// made. A field left earlier holds what its change wrote, which the
	// next start finds already there, and another field focused since
	// would have replaced it here (noteFocus).
	el := app.Window().Get("document").Call("getElementById", w.field)
	if !isElement(el) {
		return
	}
	if w.t.ofAnnotation() {
		// Still the annotation the field was focused on.
		panel := el.Call("closest", "#selected")
		if !panel.Truthy() || panel.Get("dataset").Get("id").String() != w.t.ID {
			return
		}
	}
	value := el.Get("value").String()
	// The value as the field showed it (an imported one may have spaces
	// at its edges), or as it would be kept: nothing typed.
	if value == w.t.Was || strings.TrimSpace(value) == w.t.Was || w.t.ofAnnotation() && annotate.AttributeValue(value) == w.t.Was || w.t.Name == titleField && annotate.CleanTitle(value) == w.t.Was {
		return
	}
	w.t.Value, w.t.Hidden = value, hidden
	a.typedKept = storeTyped(w.t)
}

// forgetTyped forgets the text kept as the page was hidden, now that it
// is shown again and the field live: its change event keeps it, or the
// next hiding or pagehide keeps it again. Text another tab kept since is
// that tab's, and stays.
func (a *Annotator) forgetTyped() {
	if a.typedKept == "" {
		return
	}
	if item, ok := localItem(typedKey); ok && item == a.typedKept {
		removeLocalItem(typedKey)
	}
	a.typedKept = ""
}

// The toolbar's name field, whose text typed is kept as an annotation's
// is, under authorField (no attribute has that name: theirs are words).
const (
	authorFieldID = "author-input"
	authorField   = "-author"
)

// A library row's rename field, whose id is renameFieldPrefix and its
// document's, and whose title typed is kept under titleField.
const (
	renameFieldPrefix = "rename-"
	titleField        = "-title"
)

// ofAnnotation reports whether t was typed into an annotation's field.
func (t *typed) ofAnnotation() bool { return t.Name != authorField && t.Name != titleField }

// storeTyped keeps t in local storage, and returns the item written.
func storeTyped(t typed) string {
	b := annotate.AppendJSONString([]byte(`{"doc":`), t.Doc)
	for _, f := range []struct{ key, value string }{{"id", t.ID}, {"name", t.Name}, {"was", t.Was}, {"value", t.Value}} {
		b = annotate.AppendJSONString(append(append(append(b, `,"`...), f.key...), `":`...), f.value)
	}
	if t.Hidden {
		b = append(b, `,"hidden":true`...)
	}
	item := string(append(b, '}'))
	setLocalItem(typedKey, item)
	return item
}

// setTypedAuthor sets the name typed in the toolbar before the page went
// away, t, when the workspace's name is still the one it was typed over
// (another tab may have set one since), and says what it did in words.
// It runs off the UI goroutine, where the start reads the settings.
func setTypedAuthor(ws *workspace.Workspace, settings *workspace.Settings, t *typed) string {
	if settings.Author == strings.TrimSpace(t.Value) {
		return "" // its change was written before the page went away
	}
	if settings.Author != t.Was {
		return fmt.Sprintf("The name you were typing when the page closed was not kept: it was changed since, perhaps in another tab. It was “%s”.", strings.TrimSpace(t.Value))
	}
	if err := ws.SetAuthor(t.Value); err != nil {
		return fmt.Sprintf("The name you were typing when the page closed could not be saved: %v. It was “%s”.", err, strings.TrimSpace(t.Value))
	}
	settings.Author = strings.TrimSpace(t.Value)
	return fmt.Sprintf("Kept the name you were typing when the page closed: “%s”.", settings.Author)
}

// setTypedTitle renames document t.Doc to the title typed in the library
// before the page went away, t, when it still has the title the field was
// typed over, as the library's rename does (its Undo takes it back); and
// says in words what it did, or why the title was not kept, with the
// title. renamed is set when it renamed the document. It runs off the UI
// goroutine, before the start reads the document open last, which then
// has its new title.
func setTypedTitle(ws *workspace.Workspace, t *typed) (note string, renamed bool) {
	old, renamed, err := ws.RenameTyped(t.Doc, t.Was, t.Value)
	lost := t.titleLost
	switch {
	case err == nil && !renamed:
		return "", false // its change was written before the page went away
	case errors.Is(err, workspace.ErrTitle):
		return "", false // a field emptied: no title typed to lose, and the rename is refused
	case errors.Is(err, workspace.ErrNoDocument):
		return lost("the document was deleted since, perhaps in another tab"), false
	case errors.Is(err, workspace.ErrRenamedSince):
		return lost(fmt.Sprintf("the document was renamed “%s” since, perhaps in another tab", old.Title)), false
	case err != nil:
		return lost(err.Error()), false
	}
	return fmt.Sprintf("Renamed “%s” to “%s”, the title you were typing when the page closed. The library's Undo takes it back.", old.Title, annotate.CleanTitle(t.Value)), true
}

// titleLost says that t, a title typed, was not kept, why, and what it
// was, so that it can be typed again.
func (t *typed) titleLost(why string) string {
	return fmt.Sprintf("The title you were typing for “%s” when the page closed was not kept: %s. It was “%s”.", t.Was, why, annotate.CleanTitle(t.Value))
}

// takeTyped returns the text kept by keepTyped, or nil, and forgets it:
// it is set, or said to be lost, once.
func takeTyped() *typed {
	item, ok := localItem(typedKey)
	if !ok {
		return nil
	}
	removeLocalItem(typedKey)
	var t typed
	err := annotate.DecodeRecord([]byte(item), &t, func(r *annotate.RecordReader, t *typed) {
		r.Object(func(k string) bool {
			switch k {
			case "doc":
				t.Doc = r.String()
			case "id":
				t.ID = r.String()
			case "name":
				t.Name = r.String()
			case "was":
				t.Was = r.String()
			case "value":
				t.Value = r.String()
			case "hidden":
				t.Hidden = r.Bool()
			default:
				return false
			}
			return true
		})
	})
	if err != nil || t.Name == titleField && t.Doc == "" || t.ofAnnotation() && (t.Doc == "" || t.ID == "" || t.Name == "") {
		return nil
	}
	return &t
}

// setTyped sets t, the text typed before the page went away, on its
// annotation in the document open, and selects it; or says, with the
// text, why it was not set. A document still asking for its lock waits
// for the answer (lockDocument).
func (a *Annotator) setTyped(ctx app.Context, t *typed) {
	if t == nil {
		return
	}
	if a.keep.editor == nil || a.set == nil || a.keep.editor.ID() != t.Doc {
		a.fail(t.lost("its document is not the one open now"))
		return
	}
	if a.locking {
		a.typedWaiting = t
		return
	}
	if a.readOnly {
		if t.Hidden {
			// Most likely typed in the tab that holds the document,
			// hidden, not gone: its field still has the text, and it
			// keeps it, or this kept copy, if it is discarded after all,
			// for the next start.
			storeTyped(*t)
			return
		}
		// Kept until the other tab lets the document go, which may be
		// at once: a tab come back to the app from another address finds
		// the lock its own page held a moment before, and the text was
		// said lost. The lock's next answer sets it (lockDocument).
		if a.typedWaiting == nil {
			n := a.notice
			n.Text = strings.TrimSpace(n.Text + " " + fmt.Sprintf("The %s you were typing when the page closed, “%s”, is set once the document is editable here.", t.field(), t.shown()))
			n.Error = false
			a.tell(n)
		}
		a.typedWaiting = t
		return
	}
	changed, err := a.set.SetTyped(t.ID, t.Name, t.Was, t.Value)
	switch {
	case err == nil && !changed:
		// Its change was written before the page went away.
	case errors.Is(err, annotate.ErrNotFound):
		a.fail(t.lost("the annotation was deleted since, perhaps in another tab"))
	case errors.Is(err, annotate.ErrChangedSince):
		a.fail(t.lost("the annotation's " + t.field() + " was changed since, perhaps in another tab"))
	case err != nil:
		a.fail(t.lost(err.Error()))
	default:
		a.selected = t.ID
		a.revealSelected()
		a.changed(ctx)
		a.say(fmt.Sprintf("Kept the %s you were typing when the page closed: “%s”. Ctrl+Z takes it back.", t.field(), t.shown()))
		mark("annotator:typed-kept")
	}
}

// field names t's field in words.
func (t *typed) field() string { return strings.ToLower(attributeTitle(t.Name)) }

// lost says that t was not kept, why, and what it was, so that it can be
// typed again.
func (t *typed) lost(why string) string {
	return fmt.Sprintf("The %s you were typing when the page closed was not kept: %s. It was “%s”.", t.field(), why, t.shown())
}

// shown is t's text as a message quotes it: whole, unless it is long (a
// paste of pages), when its start is enough to know it by.
func (t *typed) shown() string {
	v := strings.TrimSpace(t.Value)
	if utf8.RuneCountInString(v) > 500 {
		return excerpt(v, 200)
	}
	return v
}
