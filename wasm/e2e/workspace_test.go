//go:build !wasm

package e2e

// This file holds the helpers of the workspace's browser tests: the
// library, read as a user reads it.

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// showLibrary shows the library and waits until its listing is read.
func showLibrary(t testing.TB, b *browser) {
	t.Helper()
	if !evalJS[bool](t, b, `document.querySelector("#library") !== null`) {
		b.run(chromedp.Click(chromedp.ID("library-button")))
	}
	waitFor(t, b, `document.querySelector("#library-table, #library-empty") !== null`)
}

// focusControl focuses the control that the JavaScript expression el
// finds, once it is in the page and enabled. A library row's status,
// Rename and Delete are disabled until its document's first write is
// stored (a start's sample, an article just opened: app/library.go's
// notStored), and focus() on a disabled control does nothing: the key
// pressed next went to the page's body, and the test waited in vain.
func focusControl(t testing.TB, b *browser, el string) {
	t.Helper()
	waitFor(t, b, `((el) => !!el && !el.disabled)(`+el+`)`)
	waitFor(t, b, `((el) => (el.focus(), document.activeElement === el))(`+el+`)`)
}

// libraryTitles returns the titles the library lists, in its order.
func libraryTitles(t testing.TB, b *browser) []string {
	t.Helper()
	showLibrary(t, b)
	return evalJS[[]string](t, b, `[...document.querySelectorAll("#library-table .library-row .library-title")].map(e => e.textContent)`)
}

// openFromLibrary opens the document titled title from the library and
// waits until it is shown.
func openFromLibrary(t testing.TB, b *browser, title string) {
	t.Helper()
	showLibrary(t, b)
	before := evalJS[int](t, b, `performance.getEntriesByName("annotator:opened").length`)
	ok := evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const row = [...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s);
		if (!row) return false;
		row.querySelector(".library-open").click();
		return true;
	})()`, jsString(title)))
	if !ok {
		t.Fatalf("the library does not list %q: it lists %q", title, libraryTitles(t, b))
	}
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:opened").length > %d || (%s && document.querySelector("#doc-title") && document.querySelector("#doc-title").textContent === %s)`,
		before, "document.querySelector('#library') === null", jsString(title)))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#library") === null && document.querySelector("#doc-title").textContent === %s`, jsString(title)))
}

// waitSaved waits until the toolbar says every change is saved (or, in a
// tab that shows its document read-only, that it is: it says so only with
// nothing left to write), and every change queued has been written (a
// write per change queued: the marks annotator:save-queued and
// annotator:applied). The toolbar alone is not
// enough: it says "Saving…" with go-app's render after the change's
// frame, and the sidebar's row, which a test waits for, comes before that
// render, in the change's own turn.
func waitSaved(t testing.TB, b *browser) {
	t.Helper()
	// A large change (an import's, a start's sample) is queued only after
	// the frame that shows it, and the toolbar, drawn before, says "Saved"
	// until then: the marks of its being due and taken are counted too.
	if !tryWait(b, `document.querySelector("#save-state") && ["saved", "memory", "read-only"].includes(document.querySelector("#save-state").dataset.state) &&
		performance.getEntriesByName("annotator:save-due").length <= performance.getEntriesByName("annotator:save-due-taken").length &&
		performance.getEntriesByName("annotator:save-queued").length <= performance.getEntriesByName("annotator:applied").length`) {
		state, _ := tryEvalJS[string](b, `(() => { const e = document.querySelector("#save-state"); return e ? e.dataset.state + ": " + e.title : "none"; })()`)
		t.Fatalf("the changes were not saved within %v: the toolbar says %q; the app says %q", browserTimeout, state, text(t, b, "#notice"))
	}
}

// emptyDocument deletes every annotation of the open document and drops
// its orphans, as a user would, and waits until that is saved.
func emptyDocument(t testing.TB, b *browser) {
	t.Helper()
	for i := 0; evalJS[int](t, b, `document.querySelectorAll("#entries > li, .orphan").length`) > 0; i++ {
		if i > 200 {
			t.Fatal("the annotations would not go")
		}
		evalJS[bool](t, b, `(() => {
			const drop = document.querySelector(".orphan .drop");
			if (drop) { drop.click(); return true; }
			// The list may have been drawn again since it was counted.
			const entry = document.querySelector("#entries > li .entry-main");
			if (entry) entry.click();
			return true;
		})()`)
		if evalJS[bool](t, b, `document.querySelector(".entry-main[aria-pressed=true]") !== null`) {
			press(t, b, kb.Delete)
		}
		time.Sleep(50 * time.Millisecond)
	}
	waitSaved(t, b)
}

// downloadFile runs action and returns the one file the browser saved
// whose name matches pattern, once it is complete.
func downloadFile(t testing.TB, b *browser, pattern string, action chromedp.Action[chromedp.Void]) []byte {
	t.Helper()
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	b.run(action)
	deadline := time.Now().Add(browserTimeout)
	for {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		if len(matches) == 1 {
			// Chromium writes to a .crdownload file and renames it when done.
			if d, err := os.ReadFile(matches[0]); err == nil && len(d) > 0 {
				return d
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s was downloaded (the app says %q)", pattern, text(t, b, "#notice"))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// tryWait polls a JavaScript condition until it is true, and reports
// whether it became true within browserTimeout.
func tryWait(b *browser, cond string) bool {
	deadline := time.Now().Add(browserTimeout)
	for time.Now().Before(deadline) {
		if ok, err := tryEvalJS[bool](b, "!!("+cond+")"); err == nil && ok {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}
