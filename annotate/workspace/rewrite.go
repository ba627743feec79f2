package workspace

// This file keeps the rule for a document deleted from under its editor
// (from the library of another tab, say): the work the editor holds is
// never lost for it. A change of a document that is not stored gets
// ErrNoDocument and can never be written as it is; the editor then
// writes the document again, whole, with its annotations and its undo
// history as the editor holds them.

import "github.com/newsannotator/annotator/annotate"

// WriteWhole makes the editor's next Pending carry the whole document: its
// record (its status, when it was added and its source id as read, its
// title the editor's), every
// annotation and orphan, and every step of the undo history, so that
// Write stores it again when it is no longer stored. Every change taken
// from the editor before is in it: the caller drops those still to be
// written (each would fail with ErrNoDocument) and writes this one.
func (e *Editor) WriteWhole() {
	schema := e.Set.Schema()
	was, sourceID := e.read, e.sourceID
	if e.unwritten != nil {
		was, sourceID = e.unwritten.Summary, e.unwritten.SourceID
	}
	rec, _ := e.w.record(e.Document, nil, nil, sourceID, &schema)
	// Written back as it was: its status (a document marked done came
	// back in progress, out of Export done and the filter of the done),
	// when it was added (its place in the library's order) and its source
	// id, not as a document added now.
	if was.ID == rec.ID {
		rec.Status, rec.Added = was.Status, was.Added
	}
	e.unwritten = &rec
	// Nothing is stored: Pending compares the Set with nothing (tracked
	// nil is a Set it does not follow) and puts every annotation, orphan
	// and history step.
	e.saved = map[string]annotate.Annotation{}
	e.counts = map[string]int{}
	e.orphanIDs, e.looked = map[string]bool{}, false
	e.steps = map[int]bool{}
	e.stale = nil
	e.tracked = nil
}
