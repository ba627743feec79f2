package idb

// This file keeps the errors of the package, untagged so that code built
// for both the server and the browser can test for them: every failure the
// browser reports becomes an *Error naming the operation and the
// DOMException, and wraps a sentinel when the caller can do something
// about it.

import "errors"

// Errors a Store returns, wrapped in an *Error. Test for them with
// errors.Is.
var (
	// ErrUnavailable: the browser offers no IndexedDB to this page (it is
	// missing, or the browser refused to open the database: a private
	// window, storage blocked for the site, a sandboxed frame).
	ErrUnavailable = errors.New("the browser does not let this page keep its work (IndexedDB is unavailable)")
	// ErrQuota: the browser refused to store more for this site.
	ErrQuota = errors.New("the browser's storage for this site is full")
	// ErrClosed: the database was closed under the store, usually because
	// a newer version of the app opened it in another tab; reloading the
	// page loads that version.
	ErrClosed = errors.New("the database was closed, most likely by a newer version of the app in another tab: reload the page")
)

// Error is a failure IndexedDB reported.
type Error struct {
	// Op is what the store was doing, such as "apply a change to document
	// 0190a…".
	Op string
	// Name and Message are those of the browser's DOMException, such as
	// "QuotaExceededError".
	Name, Message string
	// kind is ErrUnavailable, ErrQuota, ErrClosed or nil.
	kind error
}

func (e *Error) Error() string {
	s := "IndexedDB: " + e.Op + ": "
	if e.kind != nil {
		s += e.kind.Error() + " ("
	}
	if e.Name != "" {
		s += e.Name + ": "
	}
	s += e.Message
	if e.kind != nil {
		s += ")"
	}
	return s
}

// Unwrap returns the sentinel the failure is an instance of, if any.
func (e *Error) Unwrap() error { return e.kind }

// Reason says the failure in words for the person at the keyboard: what
// happened, without the operation and the document's id that Error
// gives (the app shows it in its message line).
func (e *Error) Reason() string {
	switch {
	case e.kind == ErrClosed && e.Name == "deleted":
		return "this site's storage was deleted (in another tab, or by the browser), with the work it held"
	case e.kind == ErrClosed && e.Name == "close":
		return "the browser closed this site's storage, perhaps because the site's data was cleared"
	case e.kind == ErrClosed:
		return "a newer version of the app, opened in another tab, has taken over this site's storage"
	case e.kind == ErrUnavailable:
		return "the browser refuses this site its storage, as a private window or a site whose storage is blocked may"
	case e.kind != nil:
		return e.kind.Error()
	case e.Message != "":
		return "the browser refused it (" + e.Message + ")"
	}
	return "the browser refused it (" + e.Name + ")"
}

// Retryable reports whether the same write may succeed later: not once
// the database is closed under the store, since every call then fails.
func (e *Error) Retryable() bool { return e.kind != ErrClosed }
