package app

// This file keeps the one promise of the workspace in the browser: no
// change is ever lost. Every change of the open document is taken from its
// Editor at once (workspace.Editor.Pending, which costs the change, not the
// document) and queued; the queue is written to the store in order, off
// the UI goroutine, one transaction a change. A write that fails stays at
// the head of the queue, the app says so, and the next change (or Retry)
// writes it again: a failed write is never dropped.

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// Storage is what the app needs of the browser's storage. The browser's
// main fills it in with the IndexedDB adapter; left empty (as natively),
// the app keeps the workspace in memory and says that changes last only as
// long as the tab.
type Storage struct {
	// Open opens the store the workspace is kept in.
	Open func() (workspace.Store, error)
	// Persist asks the browser to keep the site's storage under pressure,
	// and reports whether it will.
	Persist func() (bool, error)
	// Estimate reports how many bytes the site stores, and may store.
	Estimate func() (usage, quota int64, err error)
	// Prepare says which document the next start reopens, so that the
	// page can read it before the app's code runs (wasm/idb's PlanStart).
	Prepare func(doc string)
}

// BrowserStorage is the storage the app uses; see Storage.
var BrowserStorage Storage

// keeper holds the workspace, the open document's editor and the changes
// on their way to the store.
type keeper struct {
	ws    *workspace.Workspace
	store workspace.Store
	// memory is set when the store is in memory (no IndexedDB); why says
	// why, in words.
	memory bool
	why    string

	editor *workspace.Editor
	queue  []queuedChange
	// lockWaits is set when the head of the queue, a new document's
	// first change, waits for the answer to the document's lock (flush).
	lockWaits bool
	// writing is set while the head of the queue is being written, the
	// writes-th write; failed holds the error of the last write that
	// failed (or has not finished in time), until one succeeds.
	writing bool
	writes  int
	failed  error
	// retrying is set by Retry until its write ends: a failure then is
	// said again, in place of “Trying to save again…”.
	retrying bool
	// reloadSaved is set by the offer of a new version's Reload now,
	// pressed while a change was on its way (a field left as it was
	// pressed): the page reloads once it is written (reloadIfSaved), or
	// not at all when the write fails.
	reloadSaved bool
	// due is set while a change is made but not yet taken by save
	// (saveChangeAfterFrame's largeChange): the tab asks before it
	// closes, and the toolbar says "Saving…", as for a change queued.
	due bool
	// worked is set once a workspace kept only in memory held work of the
	// user's (memoryWork).
	worked bool
	// stale is the open document's id when the store changed it under its
	// editor (an import filled it from an export, the library renamed it
	// or undid a change of it): showing it again reads it again
	// (showOpen), and says staleNote, if set.
	stale, staleNote string
	// locks holds the documents whose lock this tab holds or waits for
	// (lockDocument): the open one, and those whose changes are not all
	// stored.
	locks map[string]*lockWait
	// persisted says whether the browser keeps the storage under
	// pressure; usage and quota are its estimate, in bytes (0: unknown).
	persisted    bool
	usage, quota int64
}

// queuedChange is one change of one document, not yet written, with the
// editor that made it.
type queuedChange struct {
	doc    string
	change workspace.Change
	editor *workspace.Editor
	// notAdded counts the annotations of a first change that this tab,
	// not holding the document, did not write (see flush).
	notAdded int
}

// queuedEditor returns the editor of document id when a change of it is
// still queued (being written, or failed), else nil. That document must
// be opened again from its editor, not from the store: the store lacks
// the queued changes, so the page would show the document without them,
// its download would leave them out, and the editor read back would number
// its next history step as one still queued.
func (k *keeper) queuedEditor(id string) *workspace.Editor {
	for i := len(k.queue) - 1; i >= 0; i-- {
		if k.queue[i].doc == id {
			return k.queue[i].editor
		}
	}
	return nil
}

// unstored returns, by document id, the work the store does not have yet
// (changes queued, being written, or whose write failed; a document whose
// own first write is among them), for an export or a backup made now:
// read from the store alone, it would leave that work out in silence. A
// change made but not yet taken is taken first.
func (a *Annotator) unstored(ctx app.Context) map[string]workspace.Unstored {
	k := &a.keep
	if k.due {
		a.save(ctx)
	}
	var out map[string]workspace.Unstored
	for _, q := range k.queue {
		if out == nil {
			out = map[string]workspace.Unstored{}
		}
		u, ok := out[q.doc]
		if !ok {
			u.Annotations = k.queuedEditor(q.doc).Annotations()
		}
		if q.change.Document != nil {
			rec := q.change.Document.Clone()
			u.Record = &rec
		}
		out[q.doc] = u
	}
	return out
}

// saving reports whether this tab has changes of document id not yet
// stored: queued, being written, or made and not yet taken; for
// workspace.Workspace.Saving, so that an import, a gold file or a delete
// does not look at the document without them and write over them. It is
// called off the UI goroutine too (an import's), and reads without
// blocking: WebAssembly runs one goroutine at a time, and switches only
// where one blocks.
func (k *keeper) saving(id string) bool {
	return k.queuedEditor(id) != nil || k.due && k.editor != nil && k.editor.ID() == id
}

// heldEditor returns the editor this tab holds document id in, open or
// with changes of it still queued, else nil.
func (k *keeper) heldEditor(id string) *workspace.Editor {
	if e := k.queuedEditor(id); e != nil {
		return e
	}
	if k.editor != nil && k.editor.ID() == id {
		return k.editor
	}
	return nil
}

// saveState is what the toolbar says of the work.
type saveState int

const (
	stateStarting saveState = iota
	stateSaved
	stateSaving
	stateFailed
	stateMemory
)

func (k *keeper) state() saveState {
	switch {
	case k.ws == nil:
		return stateStarting
	case k.failed != nil:
		return stateFailed
	case k.memory:
		return stateMemory
	case len(k.queue) > 0 || k.due:
		return stateSaving
	}
	return stateSaved
}

// unsafe reports whether closing the tab now would lose work: a change not
// yet written, or any work in a workspace kept only in memory.
func (k *keeper) unsafe() bool {
	return len(k.queue) > 0 || k.due || k.memoryWork()
}

// memoryWork reports whether the workspace is kept only in memory and
// holds work of the user's: any change, any article opened or imported,
// but not the sample a start shows and writes (the tab asked before
// closing when only that was there). It asks the store (in memory), so
// that any way of changing the library counts, whichever code made it;
// and only until the answer is yes (each render asks, for the offer of a
// new version: 0.13 ms natively on 1,000 documents), so that a library
// emptied by hand still asks, on the safe side.
func (k *keeper) memoryWork() bool {
	if !k.memory || k.ws == nil {
		return false
	}
	if !k.worked {
		work, err := k.ws.HoldsWork(sampleSourceID)
		k.worked = work || err != nil
	}
	return k.worked
}

// save takes the open document's change, if there is one, and queues it.
// It runs after every change of the annotations, on the UI goroutine.
func (a *Annotator) save(ctx app.Context) {
	k := &a.keep
	// A change that turned out empty queues nothing: a reload waiting
	// for it goes now.
	defer a.reloadIfSaved(ctx)
	k.due = false // taken now, with everything else
	if k.editor == nil || a.set == nil {
		return
	}
	mark("annotator:save") // to "annotator:save-queued": Pending, on the UI goroutine
	k.editor.Set, k.editor.Orphans = a.set, a.orphans
	c := k.editor.Pending()
	if c.Empty() {
		return
	}
	k.queue = append(k.queue, queuedChange{doc: k.editor.ID(), change: c, editor: k.editor})
	mark("annotator:save-queued")
	// The change is queued (and the tab asks before closing) now; the
	// write starts once the browser has drawn the frame that shows the
	// change (see changed), so that encoding it and handing it to
	// IndexedDB never holds that frame back. The toolbar says "Saving…"
	// in the render after that frame, with the sidebar.
}

// flush writes the head of the queue, then the next, until the queue is
// empty or a write fails.
func (a *Annotator) flush(ctx app.Context) {
	ctx = a.ui(ctx)
	k := &a.keep
	if k.writing || len(k.queue) == 0 {
		return
	}
	if head := &k.queue[0]; head.change.Document != nil && head.change.Records() && head.editor == k.editor {
		// A new document's first change, with the annotations of the file
		// it came from: only the tab that holds the document's lock
		// writes them (workspace.Change.DocumentOnly).
		if a.locking {
			k.lockWaits = true // the lock's answer writes it (lockDocument)
			return
		}
		if a.readOnly {
			head.notAdded = len(head.change.Put)
			head.change = head.change.DocumentOnly()
		}
	}
	k.writing = true
	k.writes++
	head, store, write := k.queue[0], k.store, k.writes
	// A write the browser never finishes would leave "Saving…" for ever:
	// past stallAfter it is said to have failed, and it is still awaited.
	stall := time.AfterFunc(stallAfter, func() {
		ctx.Dispatch(func(ctx app.Context) {
			if k.writing && k.writes == write && k.failed == nil {
				k.failed = errStalled
				a.fail(saveFailure(errStalled))
				mark("annotator:save-stalled")
			}
		})
	})
	ctx.Async(func() {
		mark("annotator:apply") // to "annotator:applied": Apply's wall time, IndexedDB's wait included
		err := workspace.Write(store, head.doc, head.change)
		mark("annotator:applied")
		stall.Stop()
		ctx.Dispatch(func(ctx app.Context) {
			k.writing = false
			if errors.Is(err, workspace.ErrNoDocument) {
				if e := k.queuedEditor(head.doc); e != nil {
					a.writeWhole(ctx, head.doc, e)
					return
				}
			}
			retried := k.retrying
			k.retrying = false
			if err != nil {
				// The first failure is said; so is the real reason of a
				// write said to have stalled, and a Retry's failure.
				first := k.failed == nil || k.failed == errStalled || retried
				k.failed = err
				// A reload waiting for this write would lose it: the
				// offer says so now (reloadLoses), and waits no more.
				k.reloadSaved = false
				if first {
					a.fail(saveFailure(err))
				}
				mark("annotator:save-failed")
				return
			}
			if k.failed != nil {
				k.failed = nil
				a.say("Saved again: every change is now kept in this browser.")
			}
			k.queue = k.queue[1:]
			// A tab that shows it read-only applies it (follow.go).
			announce(head.doc, &head.change)
			if len(k.queue) == 0 {
				k.queue = nil
				mark("annotator:saved")
				defer a.reloadIfSaved(ctx)
			}
			if head.notAdded > 0 && k.editor != nil && k.editor.ID() == head.doc {
				// Shown read-only as the other tab stores it, read again
				// without this file's annotations (or read already, as it
				// follows that tab), which the tab says.
				a.followChanged(ctx, head.doc)
				a.tell(notice{Text: keptNotice(head.editor.Document.Title, head.notAdded, true), About: head.doc, ReadOnly: true})
			}
			a.releaseLocks() // a document left with its changes now stored
			if a.view == viewLibrary {
				// The library, shown while the change was being
				// written, read the listing before it: an article
				// opened just before is written with its first change,
				// and was missing from it. It reads that document again.
				a.libraryWritten = append(a.libraryWritten, head.doc)
				a.libraryWrites++
			}
			a.flush(ctx)
		})
	})
}

// writeWhole writes document doc again, whole, from its editor e: the
// store no longer has it (it was deleted from the library in another
// tab), so no change of it can be written as it is, and each would hold
// back every change queued after it. Its queued changes are replaced by
// one that holds them all (workspace.Editor.WriteWhole), and the user is
// told that the document is back in the library.
func (a *Annotator) writeWhole(ctx app.Context, doc string, e *workspace.Editor) {
	k := &a.keep
	if e == k.editor && k.due {
		a.save(ctx) // the change not yet taken is in the whole write too
	}
	e.WriteWhole()
	queue := []queuedChange{{doc: doc, change: e.Pending(), editor: e}}
	for _, q := range k.queue {
		if q.doc != doc {
			queue = append(queue, q)
		}
	}
	k.queue = queue
	a.say(sentence(fmt.Sprintf("“%s” was deleted from the library, perhaps in another tab, while you were changing it here: "+
		"it is back in the library with your changes", e.Document.Title), ""))
	mark("annotator:written-whole")
	a.flush(ctx)
}

// stallAfter is how long a write may take before the app says that it
// has not been saved: IndexedDB writes take tens of milliseconds here
// (about 100 ms at the 95th percentile on a loaded machine, BENCH.md), so
// ten seconds means a browser that is stuck, not slow.
const stallAfter = 10 * time.Second

// errStalled is the failure of a write the browser has not finished. It
// is made without fmt: a package variable is made before the first paint,
// and fmt's first call there is the costliest thing in this package's
// initialisation in the browser (BenchmarkBrowserInit, BENCH.md).
var errStalled = errors.New("the browser has not finished writing it after " + strconv.Itoa(int(stallAfter/time.Second)) + " seconds")

// retrySave writes again what failed.
func (a *Annotator) retrySave(ctx app.Context) {
	if a.keep.failed == nil {
		return
	}
	if a.keep.writing {
		a.fail("The browser is still writing your last change; it is kept in this tab, and the toolbar will say “Saved” once it is written.")
		return
	}
	a.say("Trying to save again…")
	a.keep.retrying = true
	a.flush(ctx)
}

// storageError is what a store's error may say of itself (wasm/idb's
// do): the reason in words, without the operation and the document's id
// that its Error gives, and whether trying the write again can help.
type storageError interface {
	error
	Reason() string
	Retryable() bool
}

// retryable reports whether writing again may mend failure err.
func retryable(err error) bool {
	var se storageError
	return !errors.As(err, &se) || se.Retryable()
}

// saveFailure says why a write failed, and what is kept. A failure that
// trying again cannot mend (the storage closed under the tab, its data
// perhaps cleared) does not promise that what was saved before is safe,
// nor offer Retry: the tab holds the only sure copy, so it says to
// download the JSON before reloading.
func saveFailure(err error) string {
	what, retry := failureReason(err), retryable(err)
	if !retry {
		return sentence(fmt.Sprintf("Your last change could not be saved in this browser: %s. It is kept in this tab only: "+
			"download the JSON to keep it, then reload the page", what), "")
	}
	return sentence(fmt.Sprintf("Your last change could not be saved in this browser: %s. It is kept in this tab, "+
		"and everything saved before is safe; download the JSON to keep it, or press Retry", what), "")
}

// failureReason says, in words, why a write failed.
func failureReason(err error) string {
	var se storageError
	switch {
	case errors.Is(err, workspace.ErrNoDocument):
		return "this document was deleted from the library, perhaps in another tab"
	case errors.As(err, &se):
		return se.Reason()
	}
	return err.Error()
}

// libraryFailure says why a change made from the library (a rename, a
// status, a delete, their Undo) failed: the storage's refusal in words,
// not the adapter's operation and ids, and what can be done; any other
// error as it says itself.
func libraryFailure(err error) string {
	var se storageError
	if errors.As(err, &se) {
		s := "The library could not make that change in this browser: " + se.Reason()
		if se.Retryable() {
			s += ". Nothing changed: make room and try again"
		}
		return sentence(s, "")
	}
	return sentence(err.Error(), "")
}

// unstoredWords says, in a library's row, why a document the store lacks
// is listed all the same: this tab holds it, and its first write is on its
// way, or failed (why, and what the user can do).
func (a *Annotator) unstoredWords() string {
	if f := a.keep.failed; f != nil && f != errStalled {
		return sentence("Not saved in this browser: "+failureReason(f)+". It is kept in this tab only, and exported with the others; make room and press Retry, or export it", "")
	}
	return "Not saved in this browser yet: it is being saved."
}

// saveView is what the toolbar says of the work, in words.
type saveView struct {
	State string // starting, saved, saving, failed, memory or read-only
	Text  string
	Title string
}

// view says the keeper's state in words.
func (k *keeper) view() saveView {
	switch k.state() {
	case stateSaved:
		return saveView{"saved", "Saved", "Every change is kept in this browser as you make it"}
	case stateSaving:
		return saveView{"saving", "Saving…", fmt.Sprintf("%d %s being written", len(k.queue), annotate.Plural(len(k.queue), "change", "changes"))}
	case stateFailed:
		return saveView{"failed", "Not saved", saveFailure(k.failed)}
	case stateMemory:
		return saveView{"memory", "Kept in this tab only", k.why}
	}
	return saveView{"starting", "Opening your workspace…", ""}
}

// saveView is what the toolbar says of the work: the keeper's state, or,
// while the document shown is read-only here and nothing of this tab's
// waits to be written, that it is read-only. The message line said so
// once, and the next message took its place; the toolbar says it for as
// long as it lasts.
func (a *Annotator) saveView() saveView {
	v := a.keep.view()
	if a.readOnly && a.view == viewArticle && v.State == "saved" {
		return saveView{"read-only", "Read-only here", readOnlyReason}
	}
	return v
}

// readOnlyReason says why the document shown is read-only here: the
// toolbar's title says it, and so does the line beside the labels
// (readOnlyReasonID) that describes every control it disables.
const readOnlyReason = "This document is open in another tab: it shows the changes made there, and becomes editable here when that tab closes it"

// readOnlyReasonID is the id of the line that says readOnlyReason, while
// the document is read-only here.
const readOnlyReasonID = "read-only-reason"

// The indicator's action: its Retry button, to the root.
const actionRetrySave = "annotator.retry-save"

// saveIndicator says whether the work is saved, with Retry when a write
// failed. What it says is the toolbar's prop, made by the root from the
// keeper in the same render as the rest of the page, so that the page
// never shows a change as listed while the toolbar still says "Saved".
type saveIndicator struct {
	app.Compo

	View saveView
}

func (s *saveIndicator) Render() app.UI {
	v := s.View
	if v.State == "" {
		v = saveView{"starting", "Opening your workspace…", ""}
	}
	// No live region: a screen reader would say "Saving…" and "Saved"
	// after every change. A failure is said once, by the message line's
	// alert (keeper's fail); here it shows, under the group's name.
	return app.Div().ID("save-state").Class("save-state", "save-"+v.State).DataSet("state", v.State).Title(v.Title).
		Role("group").Aria("label", "Save state").Body(
		app.Span().Text(v.Text),
		app.If(v.State == "failed", func() app.UI {
			return app.Button().ID("save-retry").OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actionRetrySave) }).Text("Retry")
		}),
	)
}

// reloadLoses says in words what reloading the tab now would lose for
// good, or "" when nothing: a change that could not be written, the
// work of a workspace kept only in this tab, an import still running (it
// would stop halfway), or the decisions of an adjudication whose gold
// document is not saved (they live only in the tab: adjudicationState).
// A change still on its way is
// not said: it is written in a moment (the offer of a new version waits
// for it), and the offer, a live region, would be said again at every
// change.
func (a *Annotator) reloadLoses() string {
	k := &a.keep
	switch {
	case k.failed != nil && k.failed != errStalled && !retryable(k.failed):
		return "Your last change could not be saved in this browser, and reloading now would lose it: download the JSON first."
	case k.failed != nil && k.failed != errStalled:
		return "Your last change could not be saved in this browser, and reloading now would lose it: download the JSON first, or press Retry once there is room."
	case k.memoryWork():
		return "Your work is kept only in this tab, and reloading would lose it: download the JSON or a backup first."
	case a.importing:
		return importWait
	case a.adjudicating.unsaved():
		return "Your adjudication's decisions are kept only until its gold document is saved, and reloading now would drop them: save the gold document first."
	}
	return ""
}

// heldHere returns the open document when this tab holds it for editing
// (its lock granted), else "".
func (a *Annotator) heldHere() string {
	if a.keep.editor == nil || a.readOnly || a.locking {
		return ""
	}
	return a.keep.editor.ID()
}

// unloadLoses reports whether closing or reloading the tab now would lose
// work, so that the browser asks first: the keeper's (keeper.unsafe), an
// adjudication's decisions not yet saved as a gold document, or an import
// still running (stopped halfway, it would leave no report of where).
func (a *Annotator) unloadLoses() bool {
	return a.keep.unsafe() || a.adjudicating.unsaved() || a.importing
}

// importWait is what the offer of a new version says while an import
// runs: its reload waits for the import's end.
const importWait = "An import is running, and reloading now would stop it halfway: reload once it has ended, or cancel it first."

// changedUnder notes that the library changed document id's annotations
// in the store (an import's, a gold file's, their undo): when it is the
// open document, its editor holds it as it was, and showing it again
// reads it again, saying note (or, if empty, that it opened as it was
// left). The other tabs are told (changedElsewhere).
func (a *Annotator) changedUnder(id, note string) {
	if id == "" {
		return
	}
	if a.keep.editor != nil && a.keep.editor.ID() == id {
		a.keep.stale, a.keep.staleNote = id, note
	}
	announce(id, nil)
}

// changedElsewhere follows a change that another tab made to document id
// in the store (its change channel, web/workspace.js): this tab's
// library, when shown, reads that document's row again (not the whole
// listing: a tab tagging announces every change); the open document,
// when it is that one and shown read-only, is read again (follow.go); and
// it takes the title and status the library keeps now, for its title line
// and its download (Editor.TakeSummary). Only those when it is editable
// here: the library of a tab changes no annotation of a document another
// tab holds open (workspace.Workspace.Hold), and this tab's editor holds
// changes the store may not have yet.
//
// c, when not nil, is the change the other tab wrote, which the document
// shown read-only applies rather than reading the document again; or,
// when it changed the summary alone (a rename, a status:
// Change.SummaryOnly), takes with the summary, read-only or not, reading
// nothing else.
func (a *Annotator) changedElsewhere(ctx app.Context, id string, c *workspace.Change) {
	ctx = a.ui(ctx)
	mark("annotator:changed-elsewhere")
	if id == "" {
		// The library as a whole (announceLibrary: an import, a gold
		// file, a restore): its listing is read again, and the storage
		// it says it uses measured again, as after this tab's own.
		a.libraryGeneration++
		a.measureStorage(ctx)
		return
	}
	if a.view == viewLibrary {
		a.libraryWritten = append(a.libraryWritten, id)
		a.libraryWrites++
	}
	e, ws := a.keep.editor, a.keep.ws
	if e == nil || ws == nil || e.ID() != id {
		return
	}
	switch {
	case c != nil && c.SummaryOnly():
		// A rename, a status: taken with the summary below; the
		// annotations did not change, and are not read again.
	case a.readOnly && c != nil:
		a.followChange(ctx, id, *c)
	case a.readOnly:
		a.followChanged(ctx, id)
	}
	a.takeSummary(ctx, id, true)
}

// takeSummary has the open document, when it is id, take its title and
// status as the store holds them now (Editor.TakeSummary), for its title
// line, its download and what it writes next, reading nothing else: a
// rename or a status set in this tab's library, or announced by another
// tab (elsewhere: a new title is then said).
func (a *Annotator) takeSummary(ctx app.Context, id string, elsewhere bool) {
	ws := a.keep.ws
	if ws == nil || a.keep.editor == nil || a.keep.editor.ID() != id {
		return
	}
	ctx.Async(func() {
		s, err := ws.Store().Summary(id)
		ctx.Dispatch(func(ctx app.Context) {
			// The document's editor may be another by now: one shown
			// read-only is replaced by each read of it again, which keeps
			// its Document, title and all, and may come back first.
			e := a.keep.editor
			if err != nil || e == nil || e.ID() != id {
				return
			}
			if old := e.TakeSummary(s); old != s.Title && elsewhere {
				a.say(fmt.Sprintf("“%s” was renamed “%s” in another tab.", old, s.Title))
				mark("annotator:renamed-elsewhere")
			}
		})
	})
}

// tookSummary is takeSummary for a change made in this tab's library.
func (a *Annotator) tookSummary(ctx app.Context, id string) { a.takeSummary(a.ui(ctx), id, false) }

// unwritten returns how many changes are still being written.
func (a *Annotator) unwritten() int {
	if a.keep.due {
		return len(a.keep.queue) + 1
	}
	return len(a.keep.queue)
}

// reloadWhenSaved reloads the page once every change on its way is
// written, and returns what to say: pressed as a field is left, Reload now
// found the field's change on its way and said to press it again once
// saved, which the annotator had to watch for. A change whose write
// failed is not waited for in vain: what reloading would lose is said.
func (a *Annotator) reloadWhenSaved(ctx app.Context) notice {
	k := &a.keep
	if k.failed != nil && k.failed != errStalled {
		return notice{Text: a.reloadLoses(), Error: true}
	}
	k.reloadSaved = true
	a.reloadIfSaved(a.ui(ctx))
	return notice{Text: "Reloading once your last change is saved…"}
}

// reloadIfSaved reloads the page when a reload waits (reloadWhenSaved)
// and every change is written. An import started meanwhile holds it
// back, said as the offer says it.
func (a *Annotator) reloadIfSaved(ctx app.Context) {
	k := &a.keep
	if !k.reloadSaved || len(k.queue) > 0 || k.due || k.failed != nil {
		return
	}
	k.reloadSaved = false
	if a.importing {
		a.fail(importWait)
		return
	}
	mark("annotator:update-reload")
	ctx.Reload()
}

func (a *Annotator) importRuns() bool { return a.importing }
