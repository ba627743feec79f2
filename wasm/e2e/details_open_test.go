//go:build !wasm

package e2e

import (
	"strings"
	"testing"
)

// TestSelectAcrossDetailsTagsOnlyWhatIsShown selects, as a drag over it
// would, from a paragraph before a <details> box to the paragraph after
// it. The page had the box open; the app showed it closed (the sanitiser
// drops "open"), its summary only, yet the canonical text holds the box's
// content, so the span tagged held text the annotator never saw selected.
// The app now shows every box open, as its text is.
func TestSelectAcrossDetailsTagsOnlyWhatIsShown(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	openArticle(t, b, "Details", `<p>Before the box.</p><details open><summary>Contents</summary><p>Hidden table of contents.</p></details><p>After the box.</p>`)
	evalJS[bool](t, b, `(() => {
		const w = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT);
		let a = null, z = null;
		for (let n = w.nextNode(); n; n = w.nextNode()) {
			if (n.data.startsWith("Before")) a = n;
			if (n.data.startsWith("After")) z = n;
		}
		getSelection().setBaseAndExtent(a, 0, z, "After the box.".length);
		return true;
	})()`)
	shown := evalJS[string](t, b, `getSelection().toString()`)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	f := downloadExport(t, b)
	checkOffsets(t, f)
	got := f.Annotations[0].Exact
	open := evalJS[bool](t, b, `document.querySelector("article.doc details").open`)
	if !open {
		t.Errorf("the box is shown closed: its text, part of the article's, cannot be read or tagged")
	}
	if strings.Contains(got, "Hidden table") && !strings.Contains(shown, "Hidden table") {
		t.Errorf("the span tagged is %q, with text the page does not show (details open: %v); the selection showed %q",
			got, open, shown)
	}
}
