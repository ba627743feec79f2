package workspace

// This file keeps what one change of a document writes, and the one rule
// of how it moves the document's summary: a change is the annotations and
// history steps it put or deleted and the counts they leave, never the
// document, so that its cost does not grow with the document. The one
// exception is the first change of a document added with
// AddAndEditLater, which writes the document itself, once.

import (
	"maps"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// Change is what one change of an open document writes: the annotations
// added or changed and those deleted, the undo history's steps likewise,
// and the document's new counts.
type Change struct {
	Put    []annotate.Annotation `json:"put,omitempty"`
	Delete []string              `json:"delete,omitempty"`

	PutSteps    []annotate.Step `json:"putSteps,omitempty"`
	DeleteSteps []int           `json:"deleteSteps,omitempty"`

	// Counts holds the placed annotations per label after the change,
	// Orphans how many could not be placed, Changed when it was made.
	Counts  map[string]int `json:"counts"`
	Orphans int            `json:"orphans"`
	Changed time.Time      `json:"changed"`
	// Annotated is set when the change added, changed or deleted an
	// annotation, rather than only moving the undo history.
	Annotated bool `json:"annotated"`
	// From is the version of the document the change was made on, To the
	// one it makes (Editor.Pending numbers them), so that a tab showing
	// the document read-only applies it only to what it was made on
	// (Editor.Follow).
	From Version `json:"from,omitzero"`
	To   Version `json:"to,omitzero"`

	// Document, when not nil, is the document itself, new and with no
	// annotation, to write before the rest (AddAndEditLater).
	Document *DocumentRecord `json:"-"`

	// Library, when not nil, makes this a change made from the library
	// to the summary alone (a rename, a status, their undo): it sets what
	// Library names and Changed, and leaves the counts as the store has
	// them. Written by Apply, which moves the summary inside its write,
	// it keeps the counts of a change another tab wrote since the library
	// read the summary (written back whole, they were lost). Announced
	// to the other tabs (SummaryChange), it tells them that the summary
	// alone changed, to take in place of reading the document again.
	Library *SummaryEdit `json:"library,omitempty"`
}

// SummaryEdit is what a change made from the library sets in a summary:
// its title and its status, each when not "". An undo sets back what its
// change replaced only while the summary still holds what the change
// wrote (IfTitle, IfStatus, when not ""), looked at inside the write:
// another tab may rename the document, or set its status, in between,
// and the undo would write over that.
type SummaryEdit struct {
	Title  string `json:"title,omitempty"`
	Status Status `json:"status,omitempty"`

	IfTitle  string `json:"ifTitle,omitempty"`
	IfStatus Status `json:"ifStatus,omitempty"`
}

// Empty reports whether the change writes nothing.
func (c Change) Empty() bool {
	return c.Document == nil && c.records() == 0
}

// Records reports whether the change puts or deletes an annotation or a
// history step.
func (c Change) Records() bool { return c.records() > 0 }

// DocumentOnly returns the change that writes c's document alone, none of
// its annotations: what a tab that does not hold the document writes of
// its first change (the app's keeper). Two tabs that opened one new
// article at once each found it nowhere; each wrote its own annotations,
// the second on top of the first with counts made for a document with
// none, and the library counted one file's annotations and held both.
func (c Change) DocumentOnly() Change { return Change{Document: c.Document} }

// records counts the annotations and steps the change puts or deletes.
func (c Change) records() int {
	return len(c.Put) + len(c.Delete) + len(c.PutSteps) + len(c.DeleteSteps)
}

// Write writes c, a change of document docID, to s: the document first
// when c carries it (unless s already holds it, added since in another
// tab, say: then it is not replaced, and its annotations stay), then the
// rest with Apply. A document of the same text under another id is not
// written to: the error is a *DuplicateError naming it. A Change whose
// write failed is written again whole; each of its steps may be taken
// twice.
func Write(s Store, docID string, c Change) error {
	if c.Document != nil {
		switch found, err := s.AddDocument(*c.Document, nil); {
		case err != nil:
			return err
		case found != "" && found != c.Document.ID:
			return &DuplicateError{ID: found}
		}
		if c.records() == 0 {
			return nil
		}
	}
	return s.Apply(docID, c)
}

// Update returns the summary s after the change: its counts, its time of
// change and, when an annotation changed on a new document, the status "in
// progress"; or, for a change made from the library, the title and status
// it sets (see Library). Stores call it inside the transaction that writes the change,
// so that a rename or a status set elsewhere in the meantime is kept.
func (c Change) Update(s Summary) Summary {
	s = s.clone()
	if l := c.Library; l != nil {
		if l.Title != "" && (l.IfTitle == "" || s.Title == l.IfTitle) {
			s.Title = l.Title
		}
		if l.Status != "" && (l.IfStatus == "" || s.Status == l.IfStatus) {
			s.Status = l.Status
		}
		if !c.Changed.IsZero() {
			s.Changed = c.Changed
		}
		return s
	}
	s.Counts = maps.Clone(c.Counts)
	if s.Counts == nil {
		s.Counts = map[string]int{}
	}
	s.Orphans = c.Orphans
	s.Version = c.To
	if !c.Changed.IsZero() {
		s.Changed = c.Changed
	}
	if c.Annotated {
		s.Status = annotated(s.Status)
	}
	return s
}

// annotated returns the status of a document of status st once its
// annotations change: a new document is in progress.
func annotated(st Status) Status {
	if st == StatusNew {
		return StatusInProgress
	}
	return st
}
