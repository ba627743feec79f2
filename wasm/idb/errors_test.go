package idb

import (
	"errors"
	"strings"
	"testing"
)

// TestErrorReason: what a failure says to the user names what happened,
// without the operation and the document's id its Error gives, and a
// database closed under the store is not worth a Retry.
func TestErrorReason(t *testing.T) {
	const op = "apply a change to document 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
	cases := []struct {
		err   *Error
		says  string
		retry bool
	}{
		{&Error{Op: op, Name: "QuotaExceededError", Message: "The quota has been exceeded.", kind: ErrQuota}, "storage for this site is full", true},
		{&Error{Op: op, Name: "close", Message: "the browser closed it", kind: ErrClosed}, "site's data was cleared", false},
		{&Error{Op: op, Name: "deleted", Message: "it was deleted", kind: ErrClosed}, "storage was deleted", false},
		{&Error{Op: op, Name: "versionchange", Message: "another tab opened it", kind: ErrClosed}, "newer version of the app", false},
		{&Error{Op: op, Name: "SecurityError", Message: "The user denied permission to access the database.", kind: ErrUnavailable}, "refuses this site its storage", true},
		{&Error{Op: op, Name: "UnknownError", Message: "Internal error."}, "the browser refused it (Internal error.)", true},
	}
	for _, c := range cases {
		if got := c.err.Reason(); !strings.Contains(got, c.says) || strings.Contains(got, "0190a1b2") || strings.Contains(got, "IndexedDB:") {
			t.Errorf("%s: Reason %q, want it to say %q without the operation", c.err.Name, got, c.says)
		}
		if c.err.Retryable() != c.retry {
			t.Errorf("%s: Retryable %v, want %v", c.err.Name, c.err.Retryable(), c.retry)
		}
		if c.err.kind != nil && !errors.Is(c.err, c.err.kind) {
			t.Errorf("%s: not its sentinel", c.err.Name)
		}
	}
}
