//go:build !wasm

package e2e

// This file holds two tabs of one workspace to their promise: each keeps
// its own work and shows the other's, and a tab lets go of what it no
// longer wants.

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// documentWaits is a promise of whether n document locks are waited for
// (Web Locks asked for and not given), by any tab of the browser.
func documentWaits(n int) string {
	return fmt.Sprintf(`navigator.locks.query().then(q => q.pending.filter(l => l.name.startsWith("annotator-document:")).length === %d)`, n)
}

// TestWorkspaceReadOnlyTabLetsTheWaitGo: a tab that shows a document
// read-only (another tab holds it) and then opens another document no
// longer waits for the first one's lock: its request stayed in the
// browser's queue, to be granted to a tab that no longer wanted it.
func TestWorkspaceReadOnlyTabLetsTheWaitGo(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)

	tab := b.newTab(t)
	tab.expectNoConsoleErrors()
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	waitFor(t, tab, `performance.getEntriesByName("annotator:read-only").length > 0`)
	waitForPromise(t, tab, documentWaits(1))

	openFile(t, tab, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, tab, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, tab)
	waitForPromise(t, tab, documentWaits(0))
}
