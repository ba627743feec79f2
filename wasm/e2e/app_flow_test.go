//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestAppQuoteFlow does what an annotator does on the sample article: select
// “yes we can” with a real DOM range, press the quote key, relabel it, give
// it a speaker, undo and redo, export, and check that the exported
// code-point offsets cut the same words out of the exported text.
func TestAppQuoteFlow(t *testing.T) {
	b, _ := openApp(t)

	tagPhrase(t, b, "yes we can", "q")
	if got := text(t, b, "#entries .badge"); got != "quote" {
		t.Fatalf("the new entry is labelled %q", got)
	}
	// The highlight is painted with the CSS Custom Highlight API, and the
	// article's text nodes are untouched.
	waitFor(t, b, `CSS.highlights.get("label-quote").size === 1 && CSS.highlights.get("selected").size === 1`)
	if got := evalJS[string](t, b, `[...CSS.highlights.get("label-quote")][0].toString()`); got != "yes we can" {
		t.Errorf("the quote highlight covers %q", got)
	}
	if n := evalJS[int](t, b, `document.querySelectorAll("article.doc mark, article.doc span").length`); n != 0 {
		t.Errorf("tagging added %d elements to the article", n)
	}

	// With no text selected, a label key relabels the selected annotation.
	press(t, b, "c")
	waitFor(t, b, `document.querySelector("#entries .badge").textContent === "claim"`)
	waitFor(t, b, `CSS.highlights.get("label-claim").size === 1 && CSS.highlights.get("label-quote").size === 0`)

	// Relabel in place with the editor's select.
	b.run(chromedp.SetValue(chromedp.ID("edit-label"), "quote"))
	evalJS[bool](t, b, `document.getElementById("edit-label").dispatchEvent(new Event("change", {bubbles: true}))`)
	waitFor(t, b, `document.querySelector("#entries .badge").textContent === "quote"`)

	// Name the speaker, then leave the field with Escape.
	waitFor(t, b, `(() => { const el = document.getElementById("edit-speaker"); return el !== null && !el.closest("label").hidden && !el.closest("#selected").hidden; })()`)
	b.run(chromedp.Click(chromedp.ID("edit-speaker")), chromedp.SendKeys(chromedp.ID("edit-speaker"), "Donald Trump"))
	press(t, b, kb.Tab) // the change event
	waitFor(t, b, `(document.querySelector("#entries .attrs")||{}).textContent === "speaker: Donald Trump"`)
	press(t, b, kb.Escape) // out of the note field, back to the shortcuts

	// Undo the speaker and redo it, from the keyboard.
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	waitFor(t, b, `document.querySelector("#entries .attrs") === null`)
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
	waitFor(t, b, `(document.querySelector("#entries .attrs")||{}).textContent === "speaker: Donald Trump"`)

	// Undo everything, back to no annotation, and redo it all.
	for i := 0; i < 4; i++ {
		press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	}
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0 && CSS.highlights.get("label-quote").size === 0`)
	for i := 0; i < 4; i++ {
		press(t, b, "y", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	}
	waitFor(t, b, `(document.querySelector("#entries .attrs")||{}).textContent === "speaker: Donald Trump"`)

	f := downloadExport(t, b)
	if len(f.Annotations) != 1 {
		t.Fatalf("the export holds %d annotations", len(f.Annotations))
	}
	a := f.Annotations[0]
	if a.Label != "quote" || a.Attributes["speaker"] != "Donald Trump" || a.Exact != "yes we can" {
		t.Errorf("exported %+v", a)
	}
	checkOffsets(t, f)
	b.expectNoConsoleErrors()
}

// TestAppEmojiAndNestedSpans opens an article with emoji and other
// characters outside the BMP through the file picker, tags nested and
// overlapping spans, and checks the exported offsets.
func TestAppEmojiAndNestedSpans(t *testing.T) {
	b, _ := openApp(t)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "Emoji 😀 and nested spans"`)

	tagPhrase(t, b, "we will cut taxes 💷 by 2027 🇬🇧", "q")
	tagPhrase(t, b, "cut taxes 💷 by 2027", "p")
	selectPhrase(t, b, "sales rose 12%", 0)
	press(t, b, "c")
	tagPhrase(t, b, "the final quote", "q")
	// The pledge nests in the quote: that stretch is marked as an overlap.
	waitFor(t, b, `CSS.highlights.get("overlap").size === 1`)
	if got := evalJS[string](t, b, `[...CSS.highlights.get("overlap")][0].toString()`); got != "cut taxes 💷 by 2027" {
		t.Errorf("the overlap mark covers %q", got)
	}

	// A click on the nested words offers both annotations to choose from.
	clickPhrase(t, b, "taxes")
	waitFor(t, b, `document.querySelectorAll("#choices .choice").length === 2`)
	b.run(chromedp.Click(chromedp.CSS("#choices .choice.label-pledge")))
	waitFor(t, b, `document.querySelector("#entries li.selected .badge").textContent === "pledge"`)

	f := downloadExport(t, b)
	if len(f.Annotations) != 4 {
		t.Fatalf("the export holds %d annotations", len(f.Annotations))
	}
	want := map[string]string{
		"we will cut taxes 💷 by 2027 🇬🇧": "quote", "cut taxes 💷 by 2027": "pledge",
		"sales rose 12%": "claim", "the final quote": "quote",
	}
	for _, a := range f.Annotations {
		if want[a.Exact] != a.Label {
			t.Errorf("exported %s %q", a.Label, a.Exact)
		}
	}
	checkOffsets(t, f)
	b.expectNoConsoleErrors()
}

// openFile opens a file through the toolbar's file picker.
func openFile(t testing.TB, b *browser, name string) {
	t.Helper()
	abs, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	before := evalJS[int](t, b, `performance.getEntriesByName("annotator:opened").length + performance.getEntriesByName("annotator:open-failed").length + performance.getEntriesByName("annotator:pending").length`)
	b.run(chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{abs}))
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:opened").length + performance.getEntriesByName("annotator:open-failed").length + performance.getEntriesByName("annotator:pending").length > %d`, before))
}

// clickPhrase clicks the middle of the first occurrence of phrase.
func clickPhrase(t testing.TB, b *browser, phrase string) {
	t.Helper()
	selectPhrase(t, b, phrase, 0)
	xy := evalJS[[]float64](t, b, `(() => {
		const range = getSelection().getRangeAt(0);
		range.startContainer.parentElement.scrollIntoView({block: "center"});
		const r = range.getBoundingClientRect();
		getSelection().removeAllRanges();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})()`)
	b.run(chromedp.MouseClickXY(xy[0], xy[1]))
}

// downloadExport clicks Download JSON and returns the file the browser
// saved, after checking that it validates.
func downloadExport(t testing.TB, b *browser) annotate.File {
	t.Helper()
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.Click(chromedp.ID("download-button")))
	var data []byte
	deadline := time.Now().Add(browserTimeout)
	for {
		matches, _ := filepath.Glob(filepath.Join(dir, "*.annotations.json"))
		if len(matches) == 1 {
			if d, err := os.ReadFile(matches[0]); err == nil && json.Valid(d) {
				data = d
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no export was downloaded (the app says %q)", text(t, b, "#notice"))
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, p := range annotate.Validate(data) {
		if !p.Warning {
			t.Errorf("the export is not valid: %s", p)
		}
	}
	var f annotate.File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// checkOffsets checks that every exported annotation's offsets, counted in
// code points, cut its exact text out of the exported text, in Go and, when
// python3 is on the machine, in Python itself.
func checkOffsets(t testing.TB, f annotate.File) {
	t.Helper()
	if f.Document.OffsetUnit != "codepoint" {
		t.Errorf("offset unit %q", f.Document.OffsetUnit)
	}
	runes := []rune(f.Document.Text)
	for _, a := range f.Annotations {
		if a.Start < 0 || a.End > len(runes) || string(runes[a.Start:a.End]) != a.Exact {
			t.Errorf("text[%d:%d] is not %q", a.Start, a.End, a.Exact)
		}
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Logf("python3 is not installed: offsets checked in Go only")
		return
	}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", `
import json, sys
f = json.load(sys.stdin)
text = f["document"]["text"]
bad = [a for a in f["annotations"] if text[a["start"]:a["end"]] != a["exact"]]
print(len(f["annotations"]), len(bad))
`)
	cmd.Stdin = strings.NewReader(string(data))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	var total, bad int
	fmt.Sscan(string(out), &total, &bad)
	if total != len(f.Annotations) || bad != 0 {
		t.Errorf("in Python, %d of %d annotations' text[start:end] differ from exact", bad, total)
	}
}
