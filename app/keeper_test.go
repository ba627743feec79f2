package app

import (
	"errors"
	"strings"
	"testing"
)

// closedStore is a store's error that says itself in words, as
// wasm/idb's do, and that no Retry can mend.
type closedStore struct{}

func (closedStore) Error() string {
	return "IndexedDB: apply a change to document 0190a1b2-c3d4: the database was closed (close: …)"
}
func (closedStore) Reason() string  { return "the browser closed this site's storage" }
func (closedStore) Retryable() bool { return false }

// TestSaveFailureInWords: a failed write is said in the store's words,
// without its operation and the document's id; one that a Retry cannot
// mend promises neither that what was saved before is safe nor a Retry,
// and says to download the JSON before reloading.
func TestSaveFailureInWords(t *testing.T) {
	got := saveFailure(closedStore{})
	if !strings.Contains(got, "the browser closed this site's storage") || strings.Contains(got, "0190a1b2") ||
		strings.Contains(got, "Retry") || strings.Contains(got, "safe") || !strings.Contains(got, "download the JSON") {
		t.Errorf("a write into a closed storage is said as %q", got)
	}
	plain := saveFailure(errors.New("the disk is on fire"))
	if !strings.Contains(plain, "the disk is on fire") || !strings.Contains(plain, "press Retry") {
		t.Errorf("another failure is said as %q", plain)
	}
}
