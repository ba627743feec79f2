package app

// This file opens the workspace when the app starts and opens documents
// from it, under one rule: the app always shows a document as the store
// holds it. An article that is opened, dropped, pasted or imported is
// added to the workspace first and then opened from it, so that there is
// never work that lives only in the page; and on start the app reopens the
// document that was open, where it was read. The one exception is a
// document whose changes are still queued (being written, or failed to
// be): it opens again from the editor that made them, which holds them.

import (
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// Where the app keeps, in local storage, what the workspace does not: the
// document last open and its selected annotation, and where it was read
// (written by web/workspace.js as the page scrolls; place.go).
const (
	sessionKey = "annotator.session"
	scrollKey  = "annotator.scroll"
)

// session is what sessionKey holds.
type session struct {
	Doc      string `json:"doc"`
	Selected string `json:"selected,omitempty"`
}

// startWorkspace opens the store and the workspace, off the UI goroutine,
// then the document that was open last, or the sample on a first start.
func (a *Annotator) startWorkspace(ctx app.Context) {
	ctx = a.ui(ctx)
	last := storedSession()
	left := takeTyped() // typed as the page went away (typed.go)
	oldAuthor := storedAuthor()
	ctx.Async(func() {
		store, memory, why := openStore()
		ws, err := workspace.Open(store, nil)
		if err != nil && !memory {
			// The stored workspace cannot be read by this version (a
			// newer layout, or damage): keep it untouched and work in
			// memory, saying so.
			why = sentence(fmt.Sprintf("Your saved workspace could not be opened: %v. It is left untouched; "+
				"changes are kept only in this tab until that is solved", err), "")
			store, memory = workspace.NewMemory(), true
			ws, err = workspace.Open(store, nil)
		}
		if err != nil {
			ctx.Dispatch(func(ctx app.Context) { a.fail("The workspace could not be opened: " + err.Error()) })
			return
		}
		if app.IsClient && !memory {
			ws.Hold = holdDocument // a document another tab edits keeps its annotations
		}
		ws.Saving = a.keep.saving // and one whose changes this tab is still writing
		mark("annotator:workspace")
		// A title typed in the library is set first: the document open
		// last, read next, may be the one it renames.
		titleNote, renamed := "", ""
		switch {
		case left == nil || left.Name != titleField:
		case memory:
			// The library is not this store: its documents are not here.
			titleNote, left = left.titleLost("your saved workspace could not be opened"), nil
		default:
			var ok bool
			if titleNote, ok = setTypedTitle(ws, left); ok {
				renamed = left.Doc
			}
			left = nil
		}
		// The settings are read while the document open last is: in the
		// browser each read waits on IndexedDB, and one after the other
		// a start waited for each in turn.
		read := make(chan workspace.Settings, 1)
		go func() { settings, _ := ws.Settings(); read <- settings }()
		runtime.Gosched() // let the reader issue its read (one goroutine runs at a time)
		e, id, note, editErr := reopen(ws, last.Doc)
		settings := <-read
		if settings.Author == "" && oldAuthor != "" {
			ws.SetAuthor(oldAuthor) // kept in local storage by earlier versions
			settings.Author = oldAuthor
		}
		nameNote := ""
		if left != nil && left.Name == authorField {
			nameNote, left = setTypedAuthor(ws, &settings, left), nil
		}
		ctx.Dispatch(func(ctx app.Context) {
			k := &a.keep
			k.ws, k.store, k.memory, k.why = ws, store, memory, why
			a.author = settings.Author
			n := notice{Text: strings.TrimSpace(note + " " + nameNote + " " + titleNote)}
			if renamed != "" {
				// The other tabs' libraries, and one showing it, take the
				// title, as they take a rename in the library.
				sc := workspace.SummaryChange()
				announce(renamed, &sc)
			}
			if memory {
				n = notice{Text: strings.TrimSpace(why + " " + titleNote), Error: true} // what matters most: the work is not kept
			}
			restore := func() {
				a.restoreSession(ctx, last)
				a.setTyped(ctx, left)
			}
			switch {
			case e != nil && e.Unwritten():
				// The sample of a first start, written once it is shown,
				// as an opened file is (see addAndOpen); its record is
				// made after that frame too (a first start runs code V8
				// has not compiled yet: 2–7 ms before the frame).
				a.showEdited(ctx, e, nil, n, func() { restore(); a.saveChangeAfterFrame(ctx, true) })
			case e != nil || editErr != nil:
				a.showEdited(ctx, e, editErr, n, restore)
			case id == "":
				a.view = viewLibrary
				a.tell(n)
				a.setTyped(ctx, left) // said lost: no document is open
			default:
				a.openDocument(ctx, id, n, restore)
			}
		})
	})
	a.afterStartAtMost(ctx)
}

// openStore opens the store BrowserStorage gives, or one in memory, and says
// why when it is in memory.
func openStore() (store workspace.Store, memory bool, why string) {
	if open := BrowserStorage.Open; open != nil {
		s, err := open()
		if err == nil {
			return s, false, ""
		}
		// Why in words (a store's error says it: wasm/idb's Reason), not
		// the adapter's operation, the database's name and the browser's
		// exception.
		return workspace.NewMemory(), true, sentence(fmt.Sprintf("This browser does not let the annotator keep your work: %s. "+
			"Your changes are kept only in this tab: download the JSON or a backup before you close it", failureReason(err)), "")
	}
	return workspace.NewMemory(), true, "Your changes are kept only in this tab: download the JSON or a backup before you close it."
}

// firstDocument chooses the document to open on start: the one open last,
// else the sample, added on a first start. It returns "" to show the
// library. The document open last is looked up alone, so that a start
// does not read the whole library (1,000 summaries and more) every time.
// The sample comes with its editor, made from the document in hand as an
// opened file's is (AddAndEditLater): reading it back from the store, as
// opening id would, took 40–70 ms of a first start in Chromium, and
// writing it before it is shown 13–25 ms. The caller has it written once
// it is shown.
func firstDocument(ws *workspace.Workspace, last string) (e *workspace.Editor, id, note string) {
	if last != "" {
		_, err := ws.Store().Summary(last)
		if err == nil {
			return nil, last, ""
		}
		// A damaged summary costs its document (the listing says so),
		// not the start.
		if !errors.Is(err, workspace.ErrNoDocument) && !errors.Is(err, workspace.ErrDamaged) {
			return nil, "", "The library could not be read: " + err.Error()
		}
	}
	docs, err := ws.Store().Documents()
	damaged := ""
	if d, ok := errors.AsType[*workspace.DamagedError](err); ok {
		// The library lists the others, and says the damaged ones lost;
		// they are documents all the same, and no sample is added.
		damaged, err = sentence(d.Error(), ""), nil
	}
	if err != nil {
		return nil, "", "The library could not be read: " + err.Error()
	}
	if len(docs) > 0 || damaged != "" {
		if last == "" || damaged != "" {
			return nil, "", damaged // no document was open (the session was cleared): the library
		}
		return nil, "", "The document you had open is no longer in the library; choose one."
	}
	doc, err := loadSample()
	if err != nil {
		return nil, "", "The sample article could not be opened: " + err.Error()
	}
	e, err = ws.AddAndEditLater(doc, nil, nil, sampleSourceID)
	if err != nil {
		return nil, "", "The sample article could not be added to the library: " + err.Error()
	}
	return e, e.ID(), fmt.Sprintf("Opened “%s”: %d characters. Select text and press a label's key to tag it.", doc.Title, doc.Text().Len())
}

// loadSample loads the built-in sample article, with its title and date.
func loadSample() (*annotate.Document, error) {
	doc, err := annotate.Load(sampleArticle, annotate.FileSource(sampleName, "text/plain"))
	if err != nil {
		return nil, err
	}
	titleSample(doc)
	return doc, nil
}

// sampleSourceID marks the sample in the library, so that a restore may
// replace it when it is all the library holds.
const sampleSourceID = "annotator-sample"

// openDocument opens document id from the workspace, off the UI
// goroutine, and shows it with n on the message line (by default, that it
// opened as it was left); then calls then, if not nil, once it is drawn.
func (a *Annotator) openDocument(ctx app.Context, id string, n notice, then func()) {
	ctx = a.ui(ctx)
	ws := a.keep.ws
	if ws == nil {
		return
	}
	if e := a.keep.queuedEditor(id); e != nil {
		// Changes of it are still on their way to the store (or failed
		// to get there): it opens as this tab holds it.
		a.showEdited(ctx, e, nil, n, then)
		return
	}
	a.loading = &progress{Name: "the document", Steps: 1, What: "reading it from the library"}
	ctx.Async(func() {
		e, err := ws.Edit(id)
		mark("annotator:edited") // the document, its Set and history built
		ctx.Dispatch(func(ctx app.Context) {
			a.loading = nil
			a.showEdited(ctx, e, err, n, then)
		})
	})
}

// showEdited shows the document e that Edit returned, or says why it could
// not be opened.
func (a *Annotator) showEdited(ctx app.Context, e *workspace.Editor, err error, n notice, then func()) {
	if errors.Is(err, workspace.ErrNoDocument) {
		// Deleted since the library listed it, in a tab that could not
		// tell this one (no change channel): said in words, not with its
		// id, and the listing read again, without it.
		a.fail("That document is no longer in the library: it was deleted, perhaps in another tab, whose library's Undo brings it back.")
		a.libraryGeneration++
		mark("annotator:open-failed")
		return
	}
	if err != nil {
		a.fail(sentence("The document could not be opened: "+err.Error(), ""))
		mark("annotator:open-failed")
		return
	}
	if n.Text == "" {
		n.Text = fmt.Sprintf("Opened “%s” as you left it.", e.Document.Title)
	}
	n.About = e.ID()
	a.tell(n)
	a.showEditor(ctx, e, then)
}

// reopen opens, on start, the document that was open last (named by
// last), with no other read before it: a start that looked it up first
// waited for IndexedDB once more. When it is no longer in the library, or
// none was open, it leaves the choice to firstDocument and returns what it
// chose: the sample's editor, or the id of a document to open, with a note
// (err nil).
func reopen(ws *workspace.Workspace, last string) (e *workspace.Editor, id, note string, err error) {
	if last != "" {
		e, err = ws.Edit(last)
		mark("annotator:edited") // the document, its Set and history built
		if !errors.Is(err, workspace.ErrNoDocument) {
			return e, "", "", err
		}
	}
	e, id, note = firstDocument(ws, last)
	if e != nil {
		mark("annotator:edited")
	}
	return e, id, note, nil
}

// showEditor makes e's document the current one.
func (a *Annotator) showEditor(ctx app.Context, e *workspace.Editor, then func()) {
	k := &a.keep
	if k.due {
		a.save(ctx) // the document shown until now: its change is taken first
	}
	k.editor = e
	// A document not in the store yet (an article just opened, the
	// sample of a first start) is taken and written once it is on the
	// screen (then, saveChangeAfterFrame): until then its first change is
	// due, and the toolbar, drawn now, says "Saving…", not "Saved", and
	// the tab asks before it closes.
	k.due = e.Unwritten()
	a.view = viewArticle
	a.doc, a.set, a.orphans = e.Document, e.Set, e.Orphans
	a.set.SetAuthor(a.author)
	a.keySchema = a.set.Schema()
	a.selected, a.choices, a.selInfo = "", nil, ""
	a.readOnly, a.waitingKeys = false, nil // keys given for what was shown before
	// What waited for the document shown read-only to be read again (a
	// download) has it now, read from the store; asked of another
	// document, it is dropped.
	waiting := a.followWaiting
	if a.follow.Following() != e.ID() {
		waiting = nil
	}
	a.follow.Follow("")
	a.followWaiting = nil
	switch {
	case e.Lost != nil && e.HistoryLost:
		a.say(sentence(e.Lost.Error(), "") + " Its undo history could not be read back either.")
	case e.Lost != nil:
		a.say(sentence(e.Lost.Error(), "") + " The others are all there.")
	case e.HistoryLost:
		a.say("The undo history of this document could not be read back; its annotations are all there.")
	}
	a.lockDocument(ctx, e.ID()) // the session is remembered when it is painted
	a.afterRender(ctx, func(ctx app.Context) {
		mark("annotator:rendered")
		installLabelStyles(a.keySchema)
		a.paint(ctx)
		app.Window().Call("scrollTo", 0, 0)
		a.keepPlace(e.ID(), e.Document)
		if then != nil {
			then()
		}
		for _, w := range waiting {
			w(ctx)
		}
		mark("annotator:opened")
		a.afterStart(ctx)
	})
	// Drawn now, not at go-app's next frame: every caller shows the
	// document last in its Dispatch, and that frame could come up to a
	// frame's time (8 ms) later, the engine having gone idle while the
	// document was read or loaded (on the corpus's pages under 50 kB, the
	// median from the document added to it drawn went from 4.8 to 2.6 ms).
	ctx.RenderNow()
}

// restoreSession selects the annotation that was selected and scrolls to
// where the article was read.
func (a *Annotator) restoreSession(ctx app.Context, last session) {
	if a.doc == nil || last.Doc != a.keep.editor.ID() {
		return
	}
	if _, ok := a.set.Get(last.Selected); ok {
		a.selected = last.Selected
		a.revealSelected()
		a.paint(ctx)
	}
	if !app.IsClient {
		return
	}
	if pos, ok := storedScroll(); ok && pos.Doc == last.Doc {
		scrollToPlace(a.doc, pos)
	}
	mark("annotator:restored")
	ctx.Update()
}

// rememberSession keeps the open document and its selected annotation.
// A document newly open is written at once: a reload that came before the
// next frame found no session, and the library instead of the document.
// Otherwise (a new selection, in the turn of every tag) it is written once
// the browser has drawn its next frame, where the local-storage write and
// its JSON took 0.4 ms before the frame that shows the change; several
// calls before that frame write once, what is open then.
func (a *Annotator) rememberSession(ctx app.Context) {
	if a.keep.editor == nil || a.sessionDue && a.keep.editor.ID() == a.sessionDoc {
		return
	}
	write := func(ctx app.Context) {
		if a.keep.editor != nil {
			id := a.keep.editor.ID()
			if prepare := BrowserStorage.Prepare; id != a.sessionDoc && prepare != nil && !a.keep.memory {
				prepare(id)
			}
			a.sessionDoc = id
			storeSession(session{Doc: a.sessionDoc, Selected: a.selected})
		}
	}
	if !a.isMounted || a.keep.editor.ID() != a.sessionDoc {
		write(ctx)
		return
	}
	a.sessionDue = true
	afterNextFrame(func() {
		a.mounted.Dispatch(func(ctx app.Context) {
			a.sessionDue = false
			write(ctx)
		})
	})
}

// lockDocument takes the document's lock, so that a second tab shows it
// read-only; when this tab must wait for it, the document is read-only
// here until the other tab lets it go, and is then read again. The lock
// of the document shown before is let go once every change of it is
// stored (releaseLocks).
func (a *Annotator) lockDocument(ctx app.Context, id string) {
	ctx = a.ui(ctx)
	if !app.IsClient {
		return
	}
	w := &lockWait{}
	w.granted = app.FuncOf(func(this app.Value, args []app.Value) any {
		ok := args[0].Bool()
		ctx.Dispatch(func(ctx app.Context) {
			if a.keep.editor == nil || a.keep.editor.ID() != id {
				return
			}
			first := a.locking
			a.locking = false
			// Let go by the other tab: the document opens again, and its
			// answer then sets the text typed that waits (setTyped).
			granted := ok && a.readOnly
			switch {
			case ok && first && !a.readOnly:
				a.rereadIfOutdated(ctx, a.keep.editor)
			case !ok:
				a.readOnly = true
				if a.keep.due {
					// A new document's first change, not taken yet: taken
					// now, before the document is read again as the other
					// tab keeps it, and written without its annotations,
					// which the tab then says (flush).
					a.save(ctx)
					a.keep.lockWaits = true
				}
				a.followReadOnly(ctx, id)
				const readOnly = "This document is open in another tab, so it is read-only here. It becomes editable here when that tab closes it."
				switch n := a.notice; {
				case n.About == id && n.ReadOnly:
				case n.About == id && !n.Error:
					a.tell(notice{Text: n.Text + " " + readOnly, About: id, ReadOnly: true})
				default:
					a.say(readOnly)
				}
				mark("annotator:read-only")
			case a.readOnly:
				// The other tab let it go: read what it saved.
				a.openGranted(ctx, id)
			}
			// The keys pressed while the answer was awaited, in order: a
			// change is refused now if the document is read-only.
			keys := a.waitingKeys
			a.waitingKeys = nil
			for _, b := range keys {
				a.run(ctx, b)
			}
			// Text typed before the page went away waits for it too.
			if t := a.typedWaiting; t != nil && !granted {
				a.typedWaiting = nil
				a.setTyped(ctx, t)
			}
			// A new document's first change may wait for this answer.
			if a.keep.lockWaits {
				a.keep.lockWaits = false
				a.flush(ctx)
			}
		})
		if ok {
			w.granted.Release() // called no more
		}
		return nil
	})
	k := &a.keep
	if k.locks == nil {
		k.locks = map[string]*lockWait{}
	}
	// No change until the first answer: the lock may be another tab's.
	a.locking = true
	old := k.locks[id]
	k.locks[id] = w
	helper().Call("lockDocument", id, w.granted)
	if old != nil {
		// The helper called it for the last time, or let its wait go.
		old.granted.Release()
	}
	a.releaseLocks()
}

// lockAgain asks again for the lock of the open document, which the page
// let go as it went into the back-forward cache: back from it, the
// document is editable here if no tab took it meanwhile (read again if
// one changed it), else read-only until that tab lets it go.
func (a *Annotator) lockAgain(ctx app.Context) {
	a.unlockDocuments() // the waits of the page that went, called no more
	if e := a.keep.editor; e != nil {
		a.lockDocument(ctx, e.ID())
	}
}

// openGranted opens document id again, shown read-only until now, once
// the lock another tab held is this tab's. The other tab may have let it
// go because its library deleted the document (a delete holds the lock
// from its check to its write), or restored a backup without it: then
// the document is closed here, its lock let go, and the library shown,
// with what happened said in words;
// opened, it failed with the document's id, and the tab stayed read-only
// holding the lock of a document no longer there.
func (a *Annotator) openGranted(ctx app.Context, id string) {
	ws, title := a.keep.ws, a.doc.Title
	ctx.Async(func() {
		_, err := ws.Store().Summary(id)
		ctx.Dispatch(func(ctx app.Context) {
			if a.keep.editor == nil || a.keep.editor.ID() != id {
				return // another document opened meanwhile
			}
			if !errors.Is(err, workspace.ErrNoDocument) {
				// Opened again where it is being read: it came back at its
				// top, the reader's place lost for a lock let go elsewhere.
				place, ok := a.placeShown()
				a.openDocument(ctx, id, notice{Text: "The other tab closed this document: it is editable here now, with every change made there."}, func() {
					if ok {
						scrollToPlace(a.doc, place)
					}
				})
				return
			}
			a.keep.editor, a.doc, a.set, a.orphans, a.selected = nil, nil, nil, nil, ""
			a.readOnly, a.waitingKeys = false, nil
			a.follow.Follow("")
			a.followWaiting = nil
			a.releaseLocks()
			a.view = viewLibrary
			a.libraryGeneration++
			a.measureStorage(ctx)
			// A delete there or a restore of a backup without it: this tab
			// cannot tell which, and only a delete's Undo brings it back.
			a.say(fmt.Sprintf("“%s” is no longer in the library, so it is no longer shown here: another tab deleted it "+
				"(the Undo of that tab's library brings it back) or restored a backup without it.", title))
			mark("annotator:deleted-elsewhere")
		})
	})
}

// rereadIfOutdated opens e's document again, as the store holds it, when
// another tab wrote it after e read it and before this tab got its lock
// (an import that filled it, a gold file): e would go on from what it
// read, without what was written, and its changes would be counted
// without it. A change made here meanwhile keeps e (it is not read again
// under it).
func (a *Annotator) rereadIfOutdated(ctx app.Context, e *workspace.Editor) {
	ctx.Async(func() {
		outdated, err := e.Outdated()
		ctx.Dispatch(func(ctx app.Context) {
			k := &a.keep
			if err != nil || !outdated || k.editor != e || k.due || k.queuedEditor(e.ID()) != nil {
				return
			}
			a.openDocument(ctx, e.ID(), notice{Text: "Another tab changed this document as it opened here: it is shown as it is now."}, nil)
			mark("annotator:read-again")
		})
	})
}

// lockWait is a document's lock this tab holds or waits for: granted is
// the callback the helper calls with whether the lock is given, released
// once it is, or once the tab no longer wants the lock (Release may come
// twice: the second does nothing).
type lockWait struct {
	granted app.Func
}

// unlockDocuments lets go the lock of each of ids, or of every document
// when ids is nil, and the callbacks of the waits for them.
func (a *Annotator) unlockDocuments(ids ...string) {
	k := &a.keep
	all := ids == nil
	if all {
		helper().Call("unlockDocument")
		ids = slices.Collect(maps.Keys(k.locks))
	}
	for _, id := range ids {
		if !all {
			helper().Call("unlockDocument", id)
		}
		if w := k.locks[id]; w != nil {
			w.granted.Release() // the helper calls it no more
		}
		delete(k.locks, id)
	}
}

// releaseLocks lets go the lock of every document this tab no longer
// shows and whose changes are all stored. Until then another tab shows
// the document read-only: it would read it from the store without those
// changes, and its own would overwrite the history steps they bring.
func (a *Annotator) releaseLocks() {
	if !app.IsClient {
		return
	}
	k := &a.keep
	for id := range k.locks {
		if k.editor != nil && k.editor.ID() == id || k.queuedEditor(id) != nil {
			continue
		}
		a.unlockDocuments(id)
	}
}

// holdDocument takes the lock of document id until release is called,
// unless another tab holds it (has it open for editing), for
// workspace.Workspace.Hold: an import, a gold file, a delete or a restore
// then leaves the document alone, and otherwise holds it from its check
// to its write, so that no tab opens it in between. It waits for the
// browser's answer, so it runs only off the UI goroutine, as the
// workspace's imports do.
func holdDocument(id string) (release func(), held bool) {
	h := helper()
	if !h.Truthy() || !h.Get("holdDocument").Truthy() {
		return func() {}, true
	}
	answer := make(chan app.Value, 1)
	then := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			answer <- args[0]
		} else {
			answer <- app.Null()
		}
		return nil
	})
	catch := app.FuncOf(func(this app.Value, args []app.Value) any {
		answer <- app.Null()
		return nil
	})
	defer then.Release()
	defer catch.Release()
	h.Call("holdDocument", id).Call("then", then, catch)
	let := <-answer
	if !let.Truthy() {
		return nil, false
	}
	return func() { let.Invoke() }, true
}

// canChange reports whether the open document may be changed here, and
// says why not.
func (a *Annotator) canChange() bool {
	if a.set == nil {
		return false
	}
	if a.readOnly {
		a.fail("This document is open in another tab and is read-only here. Close it there to edit it here.")
		return false
	}
	if a.locking {
		a.fail("This document is still opening: the annotator is checking that no other tab is changing it. Try again in a moment.")
		return false
	}
	return true
}

// exportedCount is how many annotations an opened export brings (none when
// the file was an article, set nil), its orphans included.
func exportedCount(set *annotate.Set, orphans []annotate.Annotation) int {
	if set == nil {
		return 0
	}
	return set.Len() + len(orphans)
}

// addAndOpen adds an opened article to the workspace and opens it; an
// article already in the library is opened as it is there. An export
// (set not nil) fills the library's copy when that has no annotation: the
// store's, or this tab's editor of it when it holds one (fillHeld).
// done, when not nil, is called once the document is painted, or the
// opening has failed or gone to the library's copy.
func (a *Annotator) addAndOpen(ctx app.Context, doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, note string, done func()) {
	ctx = a.ui(ctx)
	if done == nil {
		done = func() {}
	}
	ws := a.keep.ws
	if ws == nil {
		a.fail("The workspace is still opening; try again in a moment.")
		done()
		return
	}
	ctx.Async(func() {
		// The new document opens from the one in hand: read back from the
		// store, a long article would be parsed a second time.
		// Written with its first change, after the frame that shows it.
		e, err := ws.AddAndEditLater(doc, set, orphans, "")
		mark("annotator:added")
		var dup *workspace.DuplicateError
		if !errors.As(err, &dup) || set == nil {
			ctx.Dispatch(func(ctx app.Context) { a.added(ctx, e, err, "", false, doc, set, orphans, note, done) })
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			// An export of a document this tab holds goes through its
			// editor (Editor.Fill), which may hold changes the store has
			// not yet: written beside it, the file's annotations were
			// missing from the page and its counts, and a change of the
			// editor's written in between was replaced.
			// One shown read-only, or whose lock is still being asked
			// for, may be another tab's to change: the store decides.
			held := a.keep.heldEditor(dup.ID)
			if held != nil && (held != a.keep.editor || !a.readOnly && !a.locking) {
				a.fillHeld(ctx, held, doc, set, orphans, note, done)
				return
			}
			ctx.Async(func() {
				filled, inUse := "", false
				sum, ok, ferr := ws.AddExport(doc, set, orphans)
				if ferr == nil && ok {
					filled, err = sum.ID, nil
				}
				inUse = errors.Is(ferr, workspace.ErrInUse)
				ctx.Dispatch(func(ctx app.Context) { a.added(ctx, e, err, filled, inUse, doc, set, orphans, note, done) })
			})
		})
	})
}

// added shows what addAndOpen did: e, the new document's editor, or err;
// filled is the document an export's annotations were written into, and
// inUse is set when they were not, the document being open in another
// tab.
func (a *Annotator) added(ctx app.Context, e *workspace.Editor, err error, filled string, inUse bool,
	doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, note string, done func()) {
	var dup *workspace.DuplicateError
	switch {
	case errors.As(err, &dup):
		a.openDocument(ctx, dup.ID, notice{Text: keptNotice(dup.Title, exportedCount(set, orphans), inUse), ReadOnly: inUse}, nil)
		done()
	case err != nil:
		a.fail(sentence(fmt.Sprintf("“%s” could not be added to the library: %v. The current article stays open", doc.Title, err), ""))
		mark("annotator:open-failed")
		done()
	case filled != "":
		a.openDocument(ctx, filled, notice{Text: note}, nil)
		done()
	case a.keep.heldEditor(e.ID()) != nil:
		// The same article, opened again before its first write
		// got to the store (the storage full): AddAndEditLater,
		// finding it nowhere there, made a second editor of it,
		// which would show it without this tab's changes and
		// write its own over theirs. It opens as this tab holds it.
		held := a.keep.heldEditor(e.ID())
		msg := fmt.Sprintf("Opened “%s” as you left it in this tab, where its changes wait to be saved.", held.Document.Title)
		if n := exportedCount(set, orphans); n > 0 {
			msg = fmt.Sprintf("Opened “%s” as you left it in this tab, where its changes wait to be saved: "+
				"the file's %d %s not added to it.", held.Document.Title, n, annotate.Plural(n, "annotation was", "annotations were"))
		}
		a.showEdited(ctx, held, nil, notice{Text: msg}, nil)
		done()
	default:
		a.say(note)
		// The document and the file's annotations are the editor's
		// first change (AddAndEditLater): taken and written once the
		// document is on the screen, while the toolbar says
		// "Saving…" and the tab asks before it closes.
		a.showEditor(ctx, e, func() { a.saveChangeAfterFrame(ctx, set != nil); done() })
	}
}

// keptNotice says that the article opened, titled title, was already in
// the library and opened as it was: the file's n annotations, if any,
// were not added to it, since it has annotations of its own, or (inUse)
// it is open in another tab.
func keptNotice(title string, n int, inUse bool) string {
	// An export that brings no annotation has nothing that was left out.
	switch {
	case n == 0:
		return fmt.Sprintf("Opened “%s”, which was already in your library, as you left it.", title)
	case inUse:
		return fmt.Sprintf("Opened “%s” read-only: it is already in your library and open in another tab, "+
			"so the file's %d %s not added to it. Open the file again once it is closed there.", title, n, annotate.Plural(n, "annotation was", "annotations were"))
	}
	return fmt.Sprintf("Opened “%s” as you left it: it is already in your library with annotations of its own, "+
		"so the file's %d %s not added to it.", title, n, annotate.Plural(n, "annotation was", "annotations were"))
}

// fillHeld puts an export's annotations into held, this tab's editor of
// the export's article, when it holds none (Editor.Fill), and shows it;
// they are then written as any change of it is.
func (a *Annotator) fillHeld(ctx app.Context, held *workspace.Editor, doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, note string, done func()) {
	if a.keep.editor == held {
		// What the page holds and has not handed to the editor yet (a
		// change not taken, the orphans as the page has them) is the
		// editor's first.
		a.save(ctx)
	}
	msg := note
	filled := held.Fill(doc, set, orphans)
	if !filled {
		msg = keptNotice(held.Document.Title, exportedCount(set, orphans), false)
	}
	a.showEdited(ctx, held, nil, notice{Text: msg}, func() {
		if filled {
			a.saveChangeAfterFrame(ctx, true)
		}
		done()
	})
	// The annotations filled in are due from the frame that shows them,
	// as an unwritten document's are (showEditor).
	a.keep.due = a.keep.due || filled
}

// keepStorage asks the browser to keep the workspace's storage, and
// measures how much it uses. It runs on its own goroutine: both wait on
// the browser.
func (a *Annotator) keepStorage(ctx app.Context) {
	ctx = a.ui(ctx)
	st := BrowserStorage
	var persisted bool
	if st.Persist != nil {
		persisted, _ = st.Persist()
	}
	ctx.Dispatch(func(ctx app.Context) { a.keep.persisted = persisted })
	a.measureStorage(ctx)
}

// measureStorage measures again how much the workspace's storage uses, so
// that the library's foot says it as it is now: it runs when the library
// is shown and when an import, a restore or a gold file changed it (a
// measure taken once, at the start, said 12 MB after 300 articles had
// been added). It waits on the browser off the UI goroutine.
func (a *Annotator) measureStorage(ctx app.Context) {
	ctx = a.ui(ctx)
	estimate := BrowserStorage.Estimate
	if estimate == nil || !app.IsClient {
		return
	}
	ctx.Async(func() {
		usage, quota, err := estimate()
		if err != nil {
			return
		}
		ctx.Dispatch(func(ctx app.Context) { a.keep.usage, a.keep.quota = usage, quota })
	})
}
