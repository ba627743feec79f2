package app

// This file keeps a document shown read-only (another tab holds it open
// for editing) as the store holds it: the tab that edits it announces
// each change it wrote (announce, web/workspace.js's change channel), and
// this tab reads the document again and shows it in place, where it was
// scrolled to and with its selected annotation, without opening it anew.
// When to read is workspace.Follower's rule: a burst of changes is read
// twice at most, not once a change, and a hidden page reads none until it
// is shown.

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate/workspace"
)

// announce tells the other tabs that document id changed in the store.
func announce(id string) {
	if h := helper(); app.IsClient && h.Truthy() && h.Get("announceChange").Truthy() {
		h.Call("announceChange", id)
	}
}

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
// front) or shown again: a document shown read-only is not read again
// while nobody sees it, and once on its return when it changed meanwhile.
func (a *Annotator) pageShown(ctx app.Context, shown bool) {
	if !shown {
		a.follow.Hide()
		mark("annotator:page-hidden")
		return
	}
	mark("annotator:page-shown")
	if a.follow.Show() && a.keep.editor != nil {
		a.readFollowed(ctx)
	}
}

// readFollowed reads the open document again, off the UI goroutine, and
// shows it; then again while more changes came during the read.
func (a *Annotator) readFollowed(ctx app.Context) {
	ctx = a.ui(ctx)
	e := a.keep.editor
	mark("annotator:follow-read")
	ctx.Async(func() {
		again, err := e.Reread()
		ctx.Dispatch(func(ctx app.Context) {
			if a.keep.editor != e {
				return // another editor shown since: it was read after this
			}
			more := a.follow.Read()
			if err == nil && a.readOnly {
				a.showFollowed(ctx, again)
			}
			mark("annotator:followed")
			if more {
				a.readFollowed(ctx)
				return
			}
			waiting := a.followWaiting
			a.followWaiting = nil
			for _, then := range waiting {
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
