//go:build !wasm

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestAppRefusesSelectionsOffTheArticle checks that a selection outside the
// article, or across its edge, is refused in words and tags nothing.
func TestAppRefusesSelectionsOffTheArticle(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	// Outside: the article's title above it.
	evalJS[bool](t, b, `(() => {
		const r = document.createRange();
		r.selectNodeContents(document.getElementById("doc-title"));
		getSelection().removeAllRanges(); getSelection().addRange(r);
		return true;
	})()`)
	press(t, b, "q")
	waitFor(t, b, `document.querySelector("#notice").getAttribute("role") === "alert"`)
	if n := text(t, b, "#notice"); !strings.Contains(n, "outside the article") {
		t.Errorf("outside: the app says %q", n)
	}
	// Across the edge: from the title into the article's first words.
	evalJS[bool](t, b, `(() => {
		const r = document.createRange();
		r.setStart(document.getElementById("doc-title").firstChild, 3);
		const first = document.createTreeWalker(document.querySelector("article.doc"), NodeFilter.SHOW_TEXT).nextNode();
		r.setEnd(first, 4);
		getSelection().removeAllRanges(); getSelection().addRange(r);
		return true;
	})()`)
	press(t, b, "c")
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("edge of the article")`)
	if n := entryCount(t, b); n != 0 {
		t.Errorf("%d annotations were made from refused selections", n)
	}
	// Nothing selected at all.
	evalJS[bool](t, b, `(getSelection().removeAllRanges(), true)`)
	press(t, b, "p")
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("Select some text")`)
}

// TestAppShowsProgressOnLargePages opens the corpus's largest page and
// checks that the app showed its progress step by step while it worked.
func TestAppShowsProgressOnLargePages(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	// Record every progress label the page shows.
	evalJS[bool](t, b, `(() => {
		window.__progress = [];
		new MutationObserver(() => {
			const p = document.getElementById("progress");
			if (p && __progress[__progress.length - 1] !== p.textContent) __progress.push(p.textContent);
		}).observe(document.body, {childList: true, subtree: true, characterData: true});
		return true;
	})()`)
	data, err := os.ReadFile(testcorpus.PageNamed(t, "yahoo-2").Source())
	if err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "yahoo-2.html")
	if err := os.WriteFile(page, data, 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, page)
	steps := evalJS[[]string](t, b, `__progress`)
	joined := strings.Join(steps, "\n")
	for _, want := range []string{"Opening yahoo-2.html (1.6 MB)", "step 2 of 4", "step 3 of 4", "step 4 of 4"} {
		if !strings.Contains(joined, want) {
			t.Errorf("the progress never said %q; it said:\n%s", want, joined)
		}
	}
	if evalJS[bool](t, b, `document.getElementById("progress") !== null`) {
		t.Errorf("the progress is still shown after the page opened")
	}
}

// TestAppCopiesTheExport checks that Copy JSON puts a valid export on the
// clipboard.
func TestAppCopiesTheExport(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	grantClipboard(t, b, srv.URL)
	tagPhrase(t, b, "pretty balanced", "c")
	b.run(chromedp.Click(chromedp.ID("copy-button")))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Copied the export")`)
	data := evalJS[string](t, b, `navigator.clipboard.readText()`)
	for _, p := range annotate.Validate([]byte(data)) {
		if !p.Warning {
			t.Errorf("the copied export is not valid: %s", p)
		}
	}
	var f annotate.File
	if err := json.Unmarshal([]byte(data), &f); err != nil {
		t.Fatal(err)
	}
	if len(f.Annotations) != 1 || f.Annotations[0].Exact != "pretty balanced" {
		t.Errorf("the copied export holds %+v", f.Annotations)
	}
	checkOffsets(t, f)
}
