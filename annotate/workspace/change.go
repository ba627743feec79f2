package workspace

// This file keeps what one change of a document writes, and the one rule
// of how it moves the document's summary: a change is the annotations and
// history steps it put or deleted and the counts they leave, never the
// document, so that its cost does not grow with the document.

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
}

// Empty reports whether the change writes nothing.
func (c Change) Empty() bool {
	return len(c.Put)+len(c.Delete)+len(c.PutSteps)+len(c.DeleteSteps) == 0
}

// Update returns the summary s after the change: its counts, its time of
// change and, when an annotation changed on a new document, the status "in
// progress". Stores call it inside the transaction that writes the change,
// so that a rename or a status set elsewhere in the meantime is kept.
func (c Change) Update(s Summary) Summary {
	s = s.clone()
	s.Counts = maps.Clone(c.Counts)
	if s.Counts == nil {
		s.Counts = map[string]int{}
	}
	s.Orphans = c.Orphans
	if !c.Changed.IsZero() {
		s.Changed = c.Changed
	}
	if c.Annotated && s.Status == StatusNew {
		s.Status = StatusInProgress
	}
	return s
}
