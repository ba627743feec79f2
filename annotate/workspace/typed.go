package workspace

// This file keeps a title an annotator was typing into the library's
// rename field when the page went away before Enter or the field was
// left: a reload, a closed tab, the update's reload. The field gives its
// text with its change event, which a page going away never fires. The
// page keeps the text, with the title it was typed over, and the next
// start renames the document as the library's rename does (its Undo takes
// it back), unless the document was renamed since, in another tab: that
// title is never written over with one typed before it. It is the
// library's counterpart of annotate.Set.SetTyped, an annotation's field's.

import (
	"errors"
	"fmt"
)

// ErrRenamedSince is the error of a title typed over one the document no
// longer has: it was renamed since, and the title typed is not written
// over that one.
var ErrRenamedSince = errors.New("the document was renamed since the title was typed")

// RenameTyped renames document id to title, typed in a rename field that
// showed was, as Rename does (its rules, its Undo), and reports whether
// that renamed it: only while the document is still titled was. A
// document titled title already (its change was written before the page
// went away) is left as it is. Otherwise nothing changes, and the error
// wraps ErrRenamedSince, or ErrNoDocument when the document was deleted,
// or is Rename's for a title it refuses (ErrTitle, ErrTitleLong). The
// summary returned is the document's as it was found: its title is the
// one the field was typed over, or the one given since.
func (w *Workspace) RenameTyped(id, was, title string) (Summary, bool, error) {
	title, err := newTitle(title)
	if err != nil {
		return Summary{}, false, err
	}
	old, err := w.store.Summary(id)
	switch {
	case err != nil:
		return Summary{}, false, err
	case old.Title == title:
		return old, false, nil
	case old.Title != was:
		return old, false, fmt.Errorf("%s is titled %s now: %w", titled(was), titled(old.Title), ErrRenamedSince)
	}
	// Looked at again inside the write: another tab's rename in between
	// is kept too.
	return old, true, w.rename(id, old, title, was)
}
