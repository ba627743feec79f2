//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
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
	waitFor(t, b, `document.querySelector("#notice-alert").textContent !== ""`)
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

// TestAppShowsProgressOnLargePages opens an 8 MB article, which takes
// seconds to load, and checks that the app showed its name and size at
// once, then its progress step by step while it worked, and took the
// progress away once the article was open. A step is shown only once the
// load has run 100 ms since the last one was (app/open.go), so the steps
// a fast machine shows may be fewer; the last, the longest but one, is
// always there.
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
	page := filepath.Join(t.TempDir(), "long-report.html")
	if err := os.WriteFile(page, testcorpus.ArticleOfSize(8_000_000), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, page)
	steps := evalJS[[]string](t, b, `__progress`)
	joined := strings.Join(steps, "\n")
	if len(steps) == 0 || strings.Contains(steps[0], "(step ") {
		t.Fatalf("the progress did not first say the file's name and size alone; it said:\n%s", joined)
	}
	last := 0
	for _, s := range steps {
		if !strings.HasPrefix(s, "Opening long-report.html (8 MB): ") {
			t.Fatalf("the progress did not always name the file and its size; it said:\n%s", joined)
		}
		i := strings.Index(s, "(step ")
		if i < 0 {
			if last > 0 {
				t.Fatalf("the progress went back from its steps; it said:\n%s", joined)
			}
			continue // reading the file, starting
		}
		var k int
		if _, err := fmt.Sscanf(s[i+1:], "step %d of 4", &k); err != nil || k <= last {
			t.Fatalf("the progress did not count its steps up to 4; it said:\n%s", joined)
		}
		last = k
	}
	if last != 4 {
		t.Errorf("the progress never said step 4 of 4; it said:\n%s", joined)
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
