//go:build !wasm

package e2e

// This file holds the browser's storage to its promise when a write fails:
// the change stays in the tab, whatever the user does next in it.

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// emojiTitle is the title of testdata/emoji-article.html.
const emojiTitle = "Emoji 😀 and nested spans"

// fullStorage opens the app on a profile whose library holds the emoji
// article and the sample with two annotations, the storage then made full
// (see TestWorkspaceTinyQuota); and makes a change that cannot be written:
// a long note on the quote "yes we can", of n characters. It returns the
// browser, its profile's server's URL and the sample's excerpts.
func fullStorage(t *testing.T, n int) (*browser, string, []string) {
	t.Helper()
	profile := t.TempDir()
	srv := appServerAt(t, freeAddr(t))
	b := newBrowserWithProfile(t, profile)
	openAppAt(t, b, srv.URL+"/")
	waitStarted(t, b)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, b)
	openFromLibrary(t, b, sampleTitle)
	want := tagTwo(t, b)
	b.close(t)

	b = newBrowserWithProfile(t, profile)
	overrideQuota(t, b, srv.URL, 1)
	openAppAt(t, b, srv.URL+"/")
	sameWork(t, b, "with a full storage", want)
	clickPhrase(t, b, "yes we can")
	waitFor(t, b, `document.querySelector("#selected:not([hidden]) #edit-note") !== null`)
	evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const f = document.querySelector("#edit-note");
		let s = ""; for (let i = 0; i < %d; i++) s += String.fromCharCode(33 + Math.floor(Math.random() * 90));
		f.value = s; f.dispatchEvent(new Event("change", {bubbles: true})); return true;
	})()`, n))
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "failed"`)
	return b, srv.URL, want
}

// TestWorkspaceFailedChangeKeptOnReopen: a change whose write failed (the
// storage full) is kept in the tab when the user opens another document
// and comes back to this one: the document shows it, and its download
// (what the failure message offers) holds it.
func TestWorkspaceFailedChangeKeptOnReopen(t *testing.T) {
	const n = 200000
	b, _, want := fullStorage(t, n)
	openFromLibrary(t, b, emojiTitle)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s && document.querySelectorAll("#entries > li").length === %d`,
		jsString(sampleTitle), len(want)))
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	note := -1
	for _, a := range f.Annotations {
		if a.Exact == "yes we can" {
			note = len(a.Attributes["note"])
		}
	}
	if note != n {
		t.Errorf("back on the document whose change could not be written, its download holds a note of %d characters on the quote, want %d", note, n)
	}
	if got := evalJS[string](t, b, `document.querySelector("#save-state").dataset.state`); got != "failed" {
		t.Errorf("the toolbar says %q with the change still not written", got)
	}
}
