package workspace

// This file keeps the rule for a document shown read-only (another tab
// holds it open for editing): it is shown as the store holds it, at the
// cost of each change, not of the document. The other tab announces each
// change it wrote with what it wrote (its Change, numbered From one
// Version To the next): a change made on the version shown is applied to
// what is shown (Editor.Follow), one made on another version (a change
// missed, a document written whole, a page hidden meanwhile) has the
// document read again from the store. A burst of messages has it read at
// most twice: once for the first message, and once more after that read
// for every message that came during it and that the read cannot be
// followed by, so that what is shown last was read after the last change.
// A page hidden reads it once, when it is shown again.

import (
	"maps"
	"slices"

	"github.com/newsannotator/annotator/annotate"
)

// Version names a state of a document's annotations: the editor that
// wrote the change that made it (a random id, new at each opening) and
// how many changes that editor had written. The zero Version is a state
// nothing follows (a document written whole, or before versions).
type Version struct {
	Editor string `json:"editor,omitempty"`
	Seq    int    `json:"seq,omitempty"`
}

// Followable reports whether c, written, can be announced to a tab that
// shows its document read-only, for it to apply: a change of the
// annotations made by an editor, not the document written whole nor a
// change made from the library (a read-only tab reads those again, or
// takes the summary when that is all it changed: SummaryOnly), nor
// one of more than maxFollowed annotations (an undo of an import, say):
// the editing tab would encode them all on its UI thread, where the
// read-only tab reads the document again at about the cost of applying
// them.
func (c Change) Followable() bool {
	if c.Document != nil || c.Library != nil || c.To.Editor == "" {
		return false
	}
	n := len(c.Put) + len(c.Delete)
	for _, st := range c.PutSteps {
		n += len(st.Changes)
	}
	return n <= maxFollowed
}

// SummaryOnly reports whether c, announced, changes its document's
// summary alone (a title or a status set from the library, Library): a
// tab that shows the document, read-only or not, takes the summary as the
// store holds it (Editor.TakeSummary) and reads none of its annotations
// again, which for a status or a rename cost it the whole document (tens
// of milliseconds at 2,000 annotations in the browser).
func (c Change) SummaryOnly() bool {
	return c.Library != nil && c.Document == nil && c.records() == 0
}

// SummaryChange is the change announced for one made from the library to
// a document's summary alone (a rename, a status, their undo:
// Workspace.Rename, Workspace.SetStatus, Workspace.UndoSummaryOnly). It
// carries no more: the tabs told read the summary as the store holds it.
func SummaryChange() Change { return Change{Library: &SummaryEdit{}} }

// maxFollowed is how many annotations a change may touch (put, deleted,
// or in its history's steps) and still be announced whole.
const maxFollowed = 256

// Announced returns c as it is announced to a tab that shows its
// document read-only: its history's steps by number alone, for that tab
// holds no history (see Editor.Follow) but counts the steps stored.
func (c Change) Announced() Change {
	steps := make([]annotate.Step, len(c.PutSteps))
	for i, st := range c.PutSteps {
		steps[i] = annotate.Step{Seq: st.Seq, Redo: st.Redo}
	}
	c.PutSteps = steps
	return c
}

// maxWaiting is how many announced changes a Follower keeps while a read
// is on its way, to apply after it: more, and reading once more costs
// less than applying them.
const maxWaiting = 64

// Follower decides when a document shown read-only is read again. Its
// zero value follows nothing, in a page shown.
type Follower struct {
	doc string
	// reading is set while a read of doc is on its way; again when doc
	// changed after that read began, so that it must be read once more.
	reading, again bool
	// hidden is set while the page is hidden (another tab of the window
	// is in front); missed when doc changed meanwhile in a way that held
	// cannot show: it is read once the page is shown, not at each change
	// nobody sees.
	hidden, missed bool
	// waiting holds the changes announced while a read was on its way,
	// to apply after it (see Read).
	waiting []Change
	// held holds the changes announced while the page was hidden, to
	// apply once it is shown (see Show), at the cost of each change:
	// shown again after a few tags elsewhere, a tab read the whole
	// document (tens of milliseconds at 2,000 annotations). At most
	// maxWaiting, beyond which reading once costs less.
	held []Change
}

// Follow makes f follow document id, shown read-only: any read of another
// document still on its way is no longer awaited. Follow("") follows
// nothing (the document is editable, or no longer shown).
func (f *Follower) Follow(id string) { *f = Follower{doc: id, hidden: f.hidden} }

// Following returns the document f follows, or "".
func (f *Follower) Following() string { return f.doc }

// Changed notes that document id was written elsewhere, and reports
// whether to read it now: only when it is the document followed, the
// page is shown, and no read of it is on its way (a read on its way is
// followed by one more, see Read; a hidden page reads it once shown, see
// Show).
func (f *Follower) Changed(id string) bool {
	if id == "" || id != f.doc {
		return false
	}
	if f.hidden {
		f.missed, f.held = true, nil
		return false
	}
	return f.start()
}

// Announced notes that change c of document id was written elsewhere,
// and reports whether to apply it now to what is shown
// (Editor.Follow; when that refuses it, read the document with Need):
// only when it is the document followed, the page is shown, and no read
// of it is on its way. A change announced during a read waits for it (see
// Read); one announced while the page is hidden, for the page to be shown
// (see Show).
func (f *Follower) Announced(id string, c Change) bool {
	if id == "" || id != f.doc {
		return false
	}
	switch {
	case f.hidden && !f.missed && !f.reading && len(f.held) < maxWaiting:
		f.held = append(f.held, c)
	case f.hidden:
		f.missed, f.held = true, nil
	case !f.reading:
		return true
	case !f.again && len(f.waiting) < maxWaiting:
		f.waiting = append(f.waiting, c)
	default:
		f.again, f.waiting = true, nil
	}
	return false
}

// Need reports whether to read document id now for something that needs
// what is stored (a download), shown or hidden: as Changed, but the read
// is not put off.
func (f *Follower) Need(id string) bool {
	if id == "" || id != f.doc {
		return false
	}
	f.missed, f.held = false, nil // the read holds them
	return f.start()
}

// start starts a read, or asks for one more after the read on its way.
func (f *Follower) start() bool {
	if f.reading {
		f.again, f.waiting = true, nil
		return false
	}
	f.reading = true
	return true
}

// Hide notes that the page is hidden.
func (f *Follower) Hide() { f.hidden = true }

// Show notes that the page is shown again, and reports whether to read
// the document now (it changed while the page was hidden in a way that
// held changes cannot show), or else the changes announced meanwhile, in
// order, to apply now (Editor.Follow; when that refuses one, read the
// document with Need).
func (f *Follower) Show() (read bool, held []Change) {
	f.hidden = false
	held, f.held = f.held, nil
	if !f.missed {
		return false, held
	}
	f.missed = false
	return f.start(), nil
}

// Read notes that the read Changed, Need or Show asked for has ended, and
// reports whether to read the document once more: it changed again while
// it was being read (and not only by changes announced with what they
// wrote). When it returns false no read is on its way, and what was read,
// followed by the changes waiting (those announced during the read, in
// order; each to apply with Editor.Follow, which skips one the read
// already holds), is the document as it is after every change announced
// so far (but those missed while hidden).
func (f *Follower) Read() (again bool, waiting []Change) {
	if !f.reading {
		return false, nil
	}
	waiting, f.waiting = f.waiting, nil
	if f.again {
		f.again = false
		return true, nil
	}
	f.reading = false
	return false, waiting
}

// TakeSummary takes the title and status of s, e's document's summary as
// the store holds it after a change made in another tab's library (a
// rename, a status), so that what e shows and downloads, and what it
// holds of the summary, stay in step without the document being read
// again. It returns the title e held before.
func (e *Editor) TakeSummary(s Summary) (old string) {
	old = e.Document.Title
	e.Document.Title = s.Title
	e.read.Title, e.read.Status = s.Title, s.Status
	return old
}

// Reread reads e's document again from the store: its annotations, its
// undo history and its summary, and returns a new Editor of it, for a tab
// that shows it read-only while another tab writes it. The document
// itself, whose text never changes under its id, is e's: the page that
// shows it keeps its article as drawn (a new Document is drawn anew, and
// the reader's place in it lost). Its cost is Edit's less the HTML made
// again from the stored index, which is little (BenchmarkReread2000: about
// 5–6 ms natively for 2,000 annotations either way; building the Set is
// most of it). The body is read only to check the text and to take its
// schema; a document whose text changed (a restore replaced it) is opened
// again whole, as Edit does.
func (e *Editor) Reread() (*Editor, error) {
	w := e.w
	rec, err := w.store.Document(e.id)
	if err != nil {
		return nil, err
	}
	if rec.TextSHA256 != e.Document.TextSHA256() {
		return w.Edit(e.id)
	}
	got := w.readEdits(e.id)
	if got.err != nil {
		return nil, got.err
	}
	again, err := w.editor(got.settings, e.id, e.Document, rec.Schema, got.anns, got.steps)
	if err != nil {
		return nil, err
	}
	again.read, again.version = rec.Summary, rec.Version
	// The title is the library's, renamed perhaps since e read it (in a
	// tab whose announcement this one missed): the document kept e's.
	again.Document.Title = rec.Title
	return again, nil
}

// Follow applies change c, written by the editor of this document in
// another tab and announced (Change.Followable), to this editor, which
// shows the document read-only: its Set (in place, so that a painter
// repaints only what c touched), its orphans and its counts, at the cost
// of the change. It reports false, changing nothing, when c was not made
// on the version e holds (a change missed, or e read before the document
// was written whole) or does not fit e's document: the caller must read
// the document again (Reread). A change e already holds (read after it
// was written) is skipped, and reports true.
//
// The Set's undo history is not followed but dropped (a read-only tab
// undoes nothing; the tab reads the document again, history and all,
// once it may edit), while the steps the store holds are counted as such,
// so that e's next Pending, if any, writes what it must.
func (e *Editor) Follow(c Change) bool {
	v := e.version
	if c.To.Editor != "" && c.To.Editor == v.Editor && c.To.Seq <= v.Seq {
		return true // the read already holds it
	}
	if !c.Followable() || c.From.Editor == "" || c.From != v {
		return false
	}
	var placed, orphans []annotate.Annotation
	gone := slices.Clone(c.Delete)
	for _, a := range c.Put {
		if a.Anchor == annotate.AnchorOrphan {
			orphans = append(orphans, a)
			gone = append(gone, a.ID) // placed before, perhaps
		} else {
			placed = append(placed, a)
		}
	}
	if err := e.Set.Follow(placed, gone); err != nil {
		return false
	}
	// The orphans are looked at only when the change touches one: the
	// ids of those held are kept beside them.
	if !e.looked || !annotate.SameSlice(e.Orphans, e.taken) {
		e.orphanIDs = make(map[string]bool, len(e.Orphans))
		for _, o := range e.Orphans {
			e.orphanIDs[o.ID] = true
		}
		e.taken, e.looked = e.Orphans, true
	}
	touched := len(orphans) > 0
	for _, id := range gone {
		touched = touched || e.orphanIDs[id]
	}
	for _, a := range placed {
		touched = touched || e.orphanIDs[a.ID]
	}
	if touched {
		drop := make(map[string]bool, len(gone)+len(placed))
		for _, id := range gone {
			drop[id] = true
		}
		for _, a := range placed {
			drop[a.ID] = true
		}
		kept := make([]annotate.Annotation, 0, len(e.Orphans)+len(orphans))
		for _, o := range e.Orphans {
			if !drop[o.ID] {
				kept = append(kept, o)
			}
		}
		for _, o := range orphans {
			kept = append(kept, o.Clone())
		}
		annotate.SortOrphans(kept)
		// A new slice, as the Editor's rule for its orphans says.
		e.Orphans = kept
		e.orphanIDs = make(map[string]bool, len(kept))
		for _, o := range kept {
			e.orphanIDs[o.ID] = true
		}
		e.taken = kept
	}
	for _, id := range c.Delete {
		delete(e.saved, id)
	}
	for _, a := range c.Put {
		e.saved[a.ID] = a.Clone()
	}
	for _, st := range c.PutSteps {
		e.steps[st.Seq] = true
	}
	for _, seq := range c.DeleteSteps {
		delete(e.steps, seq)
	}
	e.Set.ClearHistory()
	e.Set.TakeTouchedSteps() // what the store holds is counted in e.steps
	e.Set.TakeTouched()      // and in e.saved
	e.counts = maps.Clone(c.Counts)
	if e.counts == nil {
		e.counts = map[string]int{}
	}
	e.read = c.Update(e.read)
	e.version = c.To
	return true
}
