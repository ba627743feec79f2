package workspace

// This file keeps the one rule for a document's status: it is one of three
// words, and nothing else is ever stored.

import (
	"errors"
	"fmt"
)

// Status is where a document stands in an annotator's work.
type Status string

// The statuses a document can have. A document starts as StatusNew.
const (
	StatusNew        Status = "new"
	StatusInProgress Status = "in progress"
	StatusDone       Status = "done"
)

// Statuses lists every status in the order of the work, which is also the
// order a listing sorted by status follows.
var Statuses = []Status{StatusNew, StatusInProgress, StatusDone}

// ErrStatus is the error of a status that is not one of Statuses.
var ErrStatus = errors.New(`the status is not one of "new", "in progress" or "done"`)

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	return s.rank() >= 0
}

// rank is s's place in Statuses, or -1.
func (s Status) rank() int {
	for i, t := range Statuses {
		if s == t {
			return i
		}
	}
	return -1
}

// ParseStatus reads a status as stored or typed, and refuses anything that
// is not one of Statuses with an error wrapping ErrStatus.
func ParseStatus(s string) (Status, error) {
	st := Status(s)
	if !st.Valid() {
		return "", fmt.Errorf("%q: %w", s, ErrStatus)
	}
	return st, nil
}
