package app

// This file keeps a document shown read-only (another tab holds it open
// for editing) as the store holds it, at the cost of each change: the tab
// that edits it announces each change it wrote with what it wrote
// (announce, web/workspace.js's change channel), and this tab applies
// that change to what it shows (workspace.Editor.Follow) and paints what
// it touched, as the editing tab paints its own change (paintShown). A
// change it cannot apply (one missed, a document written whole) has it
// read the document again and show it in place, where it was
// scrolled to and with its selected annotation, without opening it anew.
// When to read is workspace.Follower's rule: a burst of changes is read
// twice at most, not once a change, and a hidden page shows none until
// it is shown, then applies them, or reads the document once.

import (
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate/workspace"
)

// announce tells the other tabs that document id changed in the store;
// c, when not nil, is the change written, which a tab showing it
// read-only applies (when it is one it can: Change.Followable) rather
// than reading the document again, or, when it changed the summary alone
// (Change.SummaryOnly), takes with the summary.
func announce(id string, c *workspace.Change) {
	h := helper()
	if !app.IsClient || !h.Truthy() || !h.Get("announceChange").Truthy() {
		return
	}
	if c != nil && (c.Followable() || c.SummaryOnly()) {
		if j, err := json.Marshal(c.Announced()); err == nil {
			h.Call("announceChange", id, string(j))
			return
		}
	}
	h.Call("announceChange", id, nil)
}

// announceLibrary tells the other tabs that the library changed as a
// whole (an import, a gold file, a restore: new documents, or many): a
// library shown there reads its listing again, once, not a row a
// document. Told nothing, it went on listing what it had read.
func announceLibrary() { announce("", nil) }

// followReadOnly starts following document id, which this tab now shows
// read-only: the changes announced from now on are shown, and those
// written since this tab read it (before it knew it would not hold it)
// are read at once.
func (a *Annotator) followReadOnly(ctx app.Context, id string) {
	ctx = a.ui(ctx)
	a.follow.Follow(id)
	e := a.keep.editor
	ctx.Async(func() {
		outdated, err := e.Outdated()
		ctx.Dispatch(func(ctx app.Context) {
			if err == nil && outdated && a.keep.editor == e && a.follow.Changed(id) {
				a.readFollowed(ctx)
			}
		})
	})
}

// followChanged reads the document shown read-only again when another
// tab announced a change of document id and it is that one, unless a read
// is on its way (then one more follows it).
func (a *Annotator) followChanged(ctx app.Context, id string) {
	if a.keep.editor != nil && a.follow.Changed(id) {
		a.readFollowed(ctx)
	}
}

// followChange shows change c of document id, written in another tab
// and announced with what it wrote, when this tab shows that document
// read-only: applied to what is shown, or, when it does not follow what is
// shown, by reading the document again.
func (a *Annotator) followChange(ctx app.Context, id string, c workspace.Change) {
	if e := a.keep.editor; e != nil && a.follow.Announced(id, c) {
		mark("annotator:follow-read")
		a.applyFollowed(ctx, e, []workspace.Change{c})
	}
}

// applyFollowed applies the changes cs to e, the editor of the document
// shown read-only, and shows them; it reports false, having read the
// document again (or asked for it), when one of them does not follow
// what e holds.
func (a *Annotator) applyFollowed(ctx app.Context, e *workspace.Editor, cs []workspace.Change) bool {
	for _, c := range cs {
		if !e.Follow(c) {
			if a.follow.Need(e.ID()) {
				a.readFollowed(ctx)
			}
			return false
		}
	}
	if len(cs) > 0 && a.readOnly {
		a.showFollowed(ctx, e)
	}
	mark("annotator:followed")
	return true
}

// whenFollowed calls then once the document shown read-only has been read
// again from the store, so that what then does (a download, a copy) holds
// what is stored now, not what was last shown; at once when the document
// is not shown read-only.
func (a *Annotator) whenFollowed(ctx app.Context, then func(ctx app.Context)) {
	e := a.keep.editor
	if !a.readOnly || e == nil || a.follow.Following() != e.ID() {
		then(ctx)
		return
	}
	a.followWaiting = append(a.followWaiting, then)
	if a.follow.Need(e.ID()) {
		a.readFollowed(ctx)
	}
}

// pageShown notes that the page was hidden (another tab of the window in
// front) or shown again: a document shown read-only shows no change while
// nobody sees it; on its return, it applies those announced meanwhile, or
// reads the document again once when they cannot show it (workspace.
// Follower.Show).
func (a *Annotator) pageShown(ctx app.Context, shown bool) {
	if !shown {
		a.follow.Hide()
		mark("annotator:page-hidden")
		return
	}
	mark("annotator:page-shown")
	read, held := a.follow.Show()
	switch e := a.keep.editor; {
	case e == nil:
	case read:
		a.readFollowed(ctx)
	case len(held) > 0:
		mark("annotator:follow-read")
		a.applyFollowed(ctx, e, held)
	}
}

// readFollowed reads the open document again, off the UI goroutine, and
// shows it; then again while more changes came during the read.
func (a *Annotator) readFollowed(ctx app.Context) {
	ctx = a.ui(ctx)
	e := a.keep.editor
	mark("annotator:follow-read")
	mark("annotator:follow-reread") // the whole document, not a change
	ctx.Async(func() {
		again, err := e.Reread()
		ctx.Dispatch(func(ctx app.Context) {
			if a.keep.editor != e {
				return // another editor shown since: it was read after this
			}
			more, waiting := a.follow.Read()
			if err == nil && a.readOnly {
				a.showFollowed(ctx, again)
			} else {
				waiting = nil // nothing shown they could be applied to
			}
			if more {
				mark("annotator:followed")
				a.readFollowed(ctx)
				return
			}
			// The changes announced during the read (those it holds
			// already are skipped), or, when one does not follow it, a
			// read once more.
			if !a.applyFollowed(ctx, again, waiting) {
				return
			}
			thens := a.followWaiting
			a.followWaiting = nil
			for _, then := range thens {
				then(ctx)
			}
		})
	})
}

// showFollowed shows e, the open document read again, in place of what
// was shown: the article's text is the same (not drawn again, so the page
// keeps its scroll position), the highlights and the sidebar are drawn
// anew, and the selected annotation stays selected while it exists.
func (a *Annotator) showFollowed(ctx app.Context, e *workspace.Editor) {
	a.keep.editor = e
	a.set, a.orphans = e.Set, e.Orphans
	a.set.SetAuthor(a.author)
	a.keySchema = a.set.Schema()
	if _, ok := a.set.Get(a.selected); !ok {
		a.selected = ""
	}
	a.choices = nil
	if a.view == viewArticle {
		installLabelStyles(a.keySchema)
		a.paintShown()
	}
}
