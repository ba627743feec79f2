//go:build !wasm

package e2e

// This file holds a restore that the browser's storage cannot take to its
// word: what it says happened is what happened, in plain words.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRestoreIntoAFullStorageSaysWhyPlainly restores a backup while the
// browser's storage is full: it said "backup.json was not restored:
// IndexedDB: write 1 documents (sha256:…, …): the browser's storage for
// this site is full (QuotaExceededError: )", the adapter's error chain
// and a document id. It says why in words, and that nothing changed,
// which holds once the page is opened again.
func TestRestoreIntoAFullStorageSaysWhyPlainly(t *testing.T) {
	backup := keptBackup(t)

	b, profile, url := sampleThenFull(t)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("restore-file"), []string{backup}))
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("backup.json")`)
	got := text(t, b, "#notice")
	if !containsAll(got, "backup.json was not restored", "storage for this site is full", "Nothing in the library changed") ||
		strings.Contains(got, "sha256:") || strings.Contains(got, "IndexedDB") || strings.Contains(got, "QuotaExceededError") {
		t.Errorf("a restore into a full storage says %q, want why in plain words", got)
	}
	b.close(t)

	b = newBrowserWithProfile(t, profile)
	openAppAt(t, b, url+"/")
	waitStarted(t, b)
	showLibrary(t, b)
	if !tryWait(b, `document.querySelectorAll("#library-table .library-row").length === 1`) || libraryTitles(t, b)[0] != sampleTitle {
		t.Errorf("after the restore said to change nothing, the library lists %q", libraryTitles(t, b))
	}
}
