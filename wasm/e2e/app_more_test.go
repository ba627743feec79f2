//go:build !wasm

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// This file drives more of the annotator's user flows end to end in
// headless Chromium: bad input, unsaved work, importing with orphans, the
// keyboard, links in articles, paste and drop, and clicks on highlights.

// sampleTitle is the title the built-in sample article opens under.
const sampleTitle = "Starmer meets Trump at the White House for talks on Ukraine, trade and technology"

// TestAppMoreBadInputKeepsDocument opens files that are not articles, or
// not valid exports, through the file picker: each time the app says in
// words what is wrong, as an alert, and the sample article with the
// annotation made before stays as it was.
func TestAppMoreBadInputKeepsDocument(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()

	tagPhrase(t, b, "yes we can", "q")
	waitFor(t, b, `CSS.highlights.get("label-quote").size === 1`)

	// A truncated export, made natively from the sample article.
	doc, err := annotate.Load(repoFile(t, "app/sample/starmer-trump-white-house.txt"),
		annotate.Source{Name: "starmer-trump-white-house.txt", MediaType: "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	full, err := annotate.NewFile(doc, annotate.NewSet(doc.Text(), annotate.DefaultSchema()), nil, time.Now()).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0dIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

	cases := []struct {
		name string
		data []byte
		// want are phrases the message must hold, in any case.
		want []string
	}{
		{"picture.png", png, []string{"png image", "not an article"}},
		{"report.pdf", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), []string{"pdf document", "not an article"}},
		{"empty.txt", nil, []string{"no text"}},
		{"blank.html", []byte("  \n\t \n"), []string{"no text"}},
		{"future.json", []byte(`{"version": 2}`), []string{"could not be imported", "version"}},
		{"truncated.annotations.json", full[:len(full)*6/10], []string{"could not be imported"}},
	}
	dir := t.TempDir()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			name := filepath.Join(dir, c.name)
			if err := os.WriteFile(name, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			openFile(t, b, name)
			// The message names the file (in whatever case).
			waitFor(t, b, fmt.Sprintf(`document.querySelector("#notice").textContent.toLowerCase().includes(%s)`, jsString(c.name)))
			if got := text(t, b, `#notice [role="alert"]`); got == "" {
				t.Errorf("the message is not in the message line's alert region")
			}
			notice := text(t, b, "#notice")
			lower := strings.ToLower(notice)
			for _, w := range c.want {
				if !strings.Contains(lower, w) {
					t.Errorf("the message does not say %q: %q", w, notice)
				}
			}
			if !strings.Contains(lower, "current article stays open") {
				t.Errorf("the message does not say that the current article stays: %q", notice)
			}
			if !evalJS[bool](t, b, `document.querySelector("#notice").classList.contains("error")`) {
				t.Errorf("the message is not shown as an error")
			}
			if got := text(t, b, "#doc-title"); got != sampleTitle {
				t.Errorf("the title is now %q", got)
			}
			if n := entryCount(t, b); n != 1 {
				t.Errorf("the sidebar lists %d annotations, not the 1 made before", n)
			}
			if got := text(t, b, "#entries .excerpt"); got != "“yes we can”" {
				t.Errorf("the annotation made before is now %q", got)
			}
			if got := evalJS[string](t, b, `[...CSS.highlights.get("label-quote")].map(String).join("|")`); got != "yes we can" {
				t.Errorf("the quote highlight covers %q", got)
			}
			if evalJS[bool](t, b, `document.querySelector("#pending, #progress, #orphans") !== null`) {
				t.Errorf("a banner, progress or orphan list is left over: %s", text(t, b, ".notices"))
			}
		})
	}

	// The work is still there to export.
	f := downloadExport(t, b)
	if len(f.Annotations) != 1 || f.Annotations[0].Exact != "yes we can" || f.Document.Title != sampleTitle {
		t.Errorf("after the bad files the export holds %q with %+v", f.Document.Title, f.Annotations)
	}
}

// TestAppMoreNoticeKeepsFileName checks that a message about a bad file
// names the file as it is named.
func TestAppMoreNoticeKeepsFileName(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	name := filepath.Join(t.TempDir(), "picture.png")
	if err := os.WriteFile(name, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, name)
	waitFor(t, b, `document.querySelector("#notice").textContent.toLowerCase().includes("picture.png")`)
	if notice := text(t, b, "#notice"); !strings.Contains(notice, "picture.png") {
		t.Errorf("the message does not name picture.png as it is named: %q", notice)
	}

	// A name that starts with a letter outside ASCII.
	name = filepath.Join(t.TempDir(), "été.txt")
	if err := os.WriteFile(name, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, name)
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("no text")`)
	if notice := text(t, b, "#notice"); !strings.Contains(notice, "été.txt") {
		t.Errorf("the message does not name été.txt: %q", notice)
	}
}

// TestAppMoreOpenPaints opens an export of the open article, another
// article and the first again: each time the highlights are those of the
// document shown, with nothing left of the one before.
func TestAppMoreOpenPaints(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()

	// An export of the sample before any annotation: opened later, it
	// brings none, and the message does not say that any were left out.
	empty := filepath.Join(t.TempDir(), "empty.annotations.json")
	if err := os.WriteFile(empty, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))), 0o644); err != nil {
		t.Fatal(err)
	}

	tagPhrase(t, b, "yes we can", "q")
	export := filepath.Join(t.TempDir(), "quote.annotations.json")
	if err := os.WriteFile(export, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))), 0o644); err != nil {
		t.Fatal(err)
	}

	// A claim on the sample, then the export opened: it is the same
	// article, so the library's copy opens, with both annotations.
	selectPhrase(t, b, "pretty balanced", 0)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	openFile(t, b, export)
	if got := text(t, b, "#notice"); !strings.Contains(got, "already in your library") {
		t.Errorf("opening the export of the open article says %q", got)
	}
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	openFile(t, b, empty)
	// (waitFor fails, with the message shown, if it says anything else)
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("which was already in your library")`)
	if got := text(t, b, "#notice"); strings.Contains(got, "not added") {
		t.Errorf("opening an export with no annotation of the open article says %q", got)
	}
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)

	// Another article: nothing of the first is painted on it.
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 0`)
	time.Sleep(300 * time.Millisecond) // let the page settle: nothing more is to come
	hl := evalJS[map[string][]string](t, b, `Object.fromEntries([...CSS.highlights.keys()].map(k => [k, [...CSS.highlights.get(k)].map(String)]))`)
	for name, spans := range hl {
		if len(spans) != 0 {
			t.Errorf("on the new article %s still paints %q", name, spans)
		}
	}
	// And back: the first article's work is there, painted.
	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	waitFor(t, b, `CSS.highlights.get("label-claim").size === 1 && CSS.highlights.get("label-quote").size === 1`)
	hl = evalJS[map[string][]string](t, b, `Object.fromEntries([...CSS.highlights.keys()].map(k => [k, [...CSS.highlights.get(k)].map(String)]))`)
	if !slices.Equal(hl["label-quote"], []string{"yes we can"}) || !slices.Equal(hl["label-claim"], []string{"pretty balanced"}) {
		t.Errorf("back on the first article the highlights are %q", hl)
	}
}

// TestAppMoreSwitchKeepsWork tags a span and opens another article: the
// app asks nothing, since nothing is unsaved; both articles keep their
// annotations in the library, and each opens with its own.
func TestAppMoreSwitchKeepsWork(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	emoji := filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html")
	const emojiTitle = "Emoji 😀 and nested spans"

	tagPhrase(t, b, "pretty balanced", "c")
	openFile(t, b, emoji)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	if n := entryCount(t, b); n != 0 {
		t.Errorf("the new article shows %d annotations of the old one", n)
	}
	tagPhrase(t, b, "sales rose 12%", "c")

	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	if got := text(t, b, "#entries .excerpt"); got != "“pretty balanced”" {
		t.Errorf("back on the sample the annotation is %q", got)
	}
	openFromLibrary(t, b, emojiTitle)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	if got := text(t, b, "#entries .excerpt"); got != "“sales rose 12%”" {
		t.Errorf("back on the emoji article the annotation is %q", got)
	}
	data := downloadVia(t, b, chromedp.Click(chromedp.ID("download-button")))
	f := parseExport(t, data)
	if f.Document.Title != emojiTitle || len(f.Annotations) != 1 || f.Annotations[0].Exact != "sales rose 12%" {
		t.Errorf("the download holds %q with %+v", f.Document.Title, f.Annotations)
	}
	checkOffsets(t, f)
}

// TestAppMoreImportOrphans exports two annotations, edits one so that its
// passage is nowhere in the text, and imports the file: the other is
// placed, the edited one is an orphan that can be placed on a selection
// (and the placement undone, which lists it again, and redone) or dropped.
// An unchanged export imports as it was.
func TestAppMoreImportOrphans(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	dir := t.TempDir()

	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	original := downloadVia(t, b, chromedp.Click(chromedp.ID("download-button")))
	first := parseExport(t, original)
	if len(first.Annotations) != 2 {
		t.Fatalf("the first export holds %d annotations", len(first.Annotations))
	}
	var claimID string
	for _, a := range first.Annotations {
		if a.Exact == "pretty balanced" {
			claimID = a.ID
		}
	}
	if claimID == "" {
		t.Fatalf("the first export has no “pretty balanced”: %+v", first.Annotations)
	}

	// Edit the claim's passage and context into words the article lacks.
	const lost = "quantum marmalade hovercraft"
	var raw map[string]any
	dec := json.NewDecoder(bytes.NewReader(original))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	edited := 0
	for _, v := range raw["annotations"].([]any) {
		a := v.(map[string]any)
		if a["id"] == claimID {
			a["exact"] = lost
			a["prefix"] = "zebras juggling xylophones under "
			a["suffix"] = " beneath violet glaciers of Ozymandias"
			edited++
		}
	}
	if edited != 1 {
		t.Fatalf("edited %d annotations", edited)
	}
	editedData, err := json.MarshalIndent(raw, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	editedFile := filepath.Join(dir, "edited.annotations.json")
	originalFile := filepath.Join(dir, "original.annotations.json")
	for name, data := range map[string][]byte{editedFile: editedData, originalFile: original} {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Import the edited file into the article emptied of its annotations
	// (an export fills the library's copy only when it has none): one
	// entry, one orphan.
	emptyDocument(t, b)
	openFile(t, b, editedFile)
	waitFor(t, b, `document.querySelectorAll(".orphan").length === 1`)
	if got := text(t, b, "#doc-title"); got != sampleTitle {
		t.Errorf("the imported document's title is %q", got)
	}
	if n := entryCount(t, b); n != 1 {
		t.Errorf("the import lists %d annotations, want 1", n)
	}
	if got := text(t, b, "#entries .excerpt"); got != "“yes we can”" {
		t.Errorf("the placed annotation is %q", got)
	}
	if got := text(t, b, ".orphan .excerpt"); !strings.Contains(got, lost) {
		t.Errorf("the orphan shows %q", got)
	}
	if notice := text(t, b, "#notice"); !strings.Contains(notice, "1 could not be placed") {
		t.Errorf("the message does not say that one could not be placed: %q", notice)
	}

	// Place the orphan on a selection.
	selectPhrase(t, b, "pretty balanced", 0)
	b.run(chromedp.Click(chromedp.CSS(".orphan .place")))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	waitFor(t, b, `document.querySelector("#orphans") === null`)
	if got := evalJS[string](t, b, fmt.Sprintf(`(document.getElementById(%s)||{}).textContent||""`, jsString("entry-"+claimID))); !strings.Contains(got, "pretty balanced") || !strings.Contains(got, "claim") {
		t.Errorf("the placed orphan's entry is %q", got)
	}
	waitFor(t, b, `CSS.highlights.get("label-claim").size === 1`)
	if got := evalJS[string](t, b, `[...CSS.highlights.get("label-claim")][0].toString()`); got != "pretty balanced" {
		t.Errorf("the placed orphan is highlighted on %q", got)
	}

	// Undo the placement: the orphan is listed again, and kept so through
	// a reload; redo, from the history kept, places it again.
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll(".orphan").length === 1 && document.querySelectorAll("#entries > li").length === 1`)
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitFor(t, b, `document.querySelectorAll(".orphan").length === 1 && document.querySelectorAll("#entries > li").length === 1`)
	if got := text(t, b, ".orphan .excerpt"); !strings.Contains(got, lost) {
		t.Errorf("after the undo and a reload the orphan shows %q", got)
	}
	press(t, b, "z", ctrlShift)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2 && document.querySelector("#orphans") === null`)

	// Empty it, import the edited file again and drop the orphan.
	emptyDocument(t, b)
	openFile(t, b, editedFile)
	waitFor(t, b, `document.querySelectorAll(".orphan").length === 1`)
	b.run(chromedp.Click(chromedp.CSS(".orphan .drop")))
	waitFor(t, b, `document.querySelector("#orphans") === null`)
	if n := entryCount(t, b); n != 1 {
		t.Errorf("after the drop the sidebar lists %d annotations", n)
	}
	dropped := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if len(dropped.Annotations) != 1 || len(dropped.Orphans) != 0 {
		t.Errorf("after the drop the export holds %d annotations and %d orphans", len(dropped.Annotations), len(dropped.Orphans))
	}
	// The drop is written as it is made: a reload does not bring the
	// orphan back.
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	if n := evalJS[int](t, b, `document.querySelectorAll(".orphan").length`); n != 0 {
		t.Errorf("after the drop and a reload the sidebar lists %d orphans", n)
	}
	// The drop is undone as any change is, from the history kept through
	// the reload: the orphan is listed again, and kept so.
	press(t, b, "z", ctrl)
	waitFor(t, b, `document.querySelectorAll(".orphan").length === 1 && document.querySelectorAll("#entries > li").length === 1`)
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitFor(t, b, `document.querySelectorAll(".orphan").length === 1`)
	if got := text(t, b, ".orphan .excerpt"); !strings.Contains(got, lost) {
		t.Errorf("after the drop undone and a reload the orphan shows %q", got)
	}

	// Import the unchanged export: the same annotations at the same offsets.
	emptyDocument(t, b)
	openFile(t, b, originalFile)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	if evalJS[bool](t, b, `document.querySelector("#orphans, #pending") !== null`) {
		t.Errorf("the unchanged export left orphans or a banner: %s", text(t, b, ".notices"))
	}
	again := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if again.Document.Text != first.Document.Text || again.Document.TextSHA256 != first.Document.TextSHA256 {
		t.Errorf("the text changed in the round trip")
	}
	if len(again.Annotations) != len(first.Annotations) {
		t.Fatalf("the round trip gives %d annotations, not %d", len(again.Annotations), len(first.Annotations))
	}
	for i, a := range again.Annotations {
		w := first.Annotations[i]
		if a.ID != w.ID || a.Label != w.Label || a.Start != w.Start || a.End != w.End || a.Exact != w.Exact ||
			a.Prefix != w.Prefix || a.Suffix != w.Suffix || !a.Created.Equal(w.Created) {
			t.Errorf("annotation %d is %+v after the round trip, was %+v", i, a, w)
		}
	}
	checkOffsets(t, again)
}

// TestAppMoreKeyboard does it all from the keyboard: into the article with
// Tab, a selection grown with Shift and Ctrl+Shift and the arrows, a
// label's key, ] and [ through the list, Delete and Ctrl+Z, ? and Escape.
func TestAppMoreKeyboard(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()

	// From the last button of the toolbar, Tab reaches the article.
	b.run(chromedp.Focus(chromedp.ID("help-button")))
	for i := 0; i < 8 && evalJS[string](t, b, `document.activeElement.id`) != "article"; i++ {
		press(t, b, kb.Tab)
	}
	if got := evalJS[string](t, b, `document.activeElement.id`); got != "article" {
		t.Fatalf("Tab from the toolbar never reached the article; the focus is on #%s", got)
	}

	// Grow a selection from the start of the article.
	for i := 0; i < 3; i++ {
		press(t, b, kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierShift))
	}
	waitFor(t, b, `getSelection().toString().length === 3`)
	byChar := evalJS[string](t, b, `getSelection().toString()`)
	press(t, b, kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
	press(t, b, kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
	waitFor(t, b, `getSelection().toString().length > 3`)
	selected := evalJS[string](t, b, `getSelection().toString()`)
	if !strings.HasPrefix(selected, byChar) || len([]rune(selected)) < 6 {
		t.Fatalf("by word the selection grew from %q to %q", byChar, selected)
	}
	if !evalJS[bool](t, b, `document.querySelector("article.doc").contains(getSelection().anchorNode)`) {
		t.Fatalf("the selection is not in the article")
	}
	trimmed := strings.TrimSpace(selected)
	t.Logf("Shift+→ ×3 selected %q, then Ctrl+Shift+→ ×2 %q", byChar, selected)
	waitFor(t, b, `document.querySelector("#selection-info").textContent.startsWith("Selected ")`)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitFor(t, b, `CSS.highlights.get("label-claim").size === 1`)
	if got := evalJS[string](t, b, `[...CSS.highlights.get("label-claim")][0].toString()`); got != trimmed {
		t.Errorf("the keyboard selection was %q but the claim covers %q", selected, got)
	}
	if got := text(t, b, "#entries li.selected .excerpt"); got != "“"+trimmed+"”" {
		t.Errorf("the new entry shows %q, selected was %q", got, selected)
	}

	// Two more, the last far down the article.
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	b.run(chromedp.Focus(chromedp.ID("article")))
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
	evalJS[chromedp.Void](t, b, `window.scrollTo(0, 0)`)

	// ] goes down the list, [ back up; the article scrolls to each.
	selectedExcerpt := func() string { return text(t, b, "#entries li.selected .excerpt") }
	press(t, b, "]")
	waitFor(t, b, `document.querySelector("#entries li.selected") !== null`)
	if got := selectedExcerpt(); got != "“"+trimmed+"”" {
		t.Errorf("] from nothing selected %q, want the first entry", got)
	}
	topY := evalJS[float64](t, b, `window.scrollY`)
	press(t, b, "]")
	waitFor(t, b, `document.querySelector("#entries li.selected .excerpt").textContent === "“yes we can”"`)
	press(t, b, "]")
	waitFor(t, b, `document.querySelector("#entries li.selected .excerpt").textContent === "“pretty balanced”"`)
	waitFor(t, b, fmt.Sprintf(`window.scrollY > %v`, topY))
	farY := evalJS[float64](t, b, `window.scrollY`)
	if !evalJS[bool](t, b, `(() => { const r = [...CSS.highlights.get("selected")][0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()`) {
		t.Errorf("the far annotation is not in view after ]")
	}
	press(t, b, "]") // the last stays selected
	press(t, b, "[")
	press(t, b, "[")
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#entries li.selected .excerpt").textContent === %s`, jsString("“"+trimmed+"”")))
	waitFor(t, b, fmt.Sprintf(`window.scrollY < %v`, farY))
	if n := evalJS[int](t, b, `document.querySelectorAll("#entries li.selected").length`); n != 1 {
		t.Errorf("%d entries are selected", n)
	}

	// Delete the selected one, and bring it back.
	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	if strings.Contains(text(t, b, "#entries"), trimmed) {
		t.Errorf("the deleted annotation is still listed")
	}
	if got := evalJS[int](t, b, `CSS.highlights.get("label-claim").size`); got != 1 {
		t.Errorf("after the delete %d claims are highlighted, want 1", got)
	}
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 3`)
	waitFor(t, b, `CSS.highlights.get("label-claim").size === 2`)
	if !strings.Contains(text(t, b, "#entries"), trimmed) {
		t.Errorf("Ctrl+Z did not bring the deleted annotation back")
	}

	// ? shows the help, Escape hides it.
	press(t, b, "?")
	waitFor(t, b, `document.querySelector("#help") !== null`)
	if got := evalJS[string](t, b, `document.querySelector("#help-button").getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("with the help open, the help button's aria-expanded is %q", got)
	}
	if !strings.Contains(text(t, b, "#help"), "Ctrl+Z") {
		t.Errorf("the help does not list Ctrl+Z: %q", text(t, b, "#help"))
	}
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#help") === null`)

	// Every button has a name a screen reader can say, the editor's too.
	press(t, b, "]")
	waitFor(t, b, `document.querySelector("#selected:not([hidden]) .editor") !== null`)
	unnamed := evalJS[[]string](t, b, `[...document.querySelectorAll(".toolbar button, .sidebar button, .legend button, .notices button")]
		.filter(el => !((el.getAttribute("aria-label") || "").trim() || el.textContent.trim()))
		.map(el => el.outerHTML.slice(0, 120))`)
	if len(unnamed) > 0 {
		t.Errorf("buttons without a name: %q", unnamed)
	}
	if n := evalJS[int](t, b, `document.querySelectorAll(".toolbar button, .sidebar button").length`); n < 10 {
		t.Errorf("only %d buttons were checked", n)
	}
}

// TestAppMoreLinksStay clicks a link in an article: the app stays where it
// is, opens nothing, and says how links open.
func TestAppMoreLinksStay(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	name := filepath.Join(t.TempDir(), "linked.html")
	if err := os.WriteFile(name, []byte(`<!doctype html><html><head><title>A linked article</title></head>
<body><h1>A linked article</h1><p>Read the <a href="https://example.com/x">link</a> for more, or not.</p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, name)
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "A linked article"`)
	waitFor(t, b, `document.querySelector("article.doc a") !== null`)

	attrs := evalJS[[]string](t, b, `(() => { const a = document.querySelector("article.doc a"); return [a.getAttribute("href"), a.getAttribute("target") || "", a.getAttribute("rel") || ""]; })()`)
	if attrs[0] != "https://example.com/x" {
		t.Errorf("the link's href is %q", attrs[0])
	}
	if attrs[1] != "_blank" {
		t.Errorf("the link's target is %q", attrs[1])
	}
	rel := strings.Fields(attrs[2])
	slices.Sort(rel)
	if !slices.Equal(rel, []string{"nofollow", "noopener", "noreferrer"}) {
		t.Errorf("the link's rel is %q, want noopener noreferrer nofollow", attrs[2])
	}

	pages := func() int {
		infos, err := chromedp.Targets(b.ctx)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, in := range infos {
			if in.Type == "page" {
				n++
			}
		}
		return n
	}
	before := pages()
	href := evalJS[string](t, b, `location.href`)
	// The message of the opening comes with go-app's render and may move
	// the article down, and the article's blocks are measured at their
	// placeholder height (content-visibility) until the frame that first
	// lays them out: measured from a frame's start, the link was 60 px
	// lower in the first frame after the article came. Click once the
	// link has kept its place for three frames, or the click lands where
	// the link was.
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("A linked article")`)
	linkAt := `(() => { const r = document.querySelector("article.doc a").getBoundingClientRect(); return Math.round(r.x) + "," + Math.round(r.y); })()`
	waitFor(t, b, `new Promise((r) => { let last = "", same = 0; const tick = () => { const at = `+linkAt+`; same = at === last ? same + 1 : 0; last = at; if (same >= 3) r(true); else requestAnimationFrame(tick); }; requestAnimationFrame(tick); })`)
	b.run(chromedp.Click(chromedp.CSS("article.doc a")))
	said := false
	for deadline := time.Now().Add(browserTimeout); !said && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		said = evalJS[bool](t, b, `document.querySelector("#notice").textContent.includes("Ctrl+click")`)
	}
	if !said {
		t.Fatalf("after a click on the link, the app says %q; the link is at %s, and the element at its centre is %s", text(t, b, "#notice"),
			evalJS[string](t, b, linkAt), evalJS[string](t, b, `(() => { const r = document.querySelector("article.doc a").getBoundingClientRect(); const e = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return e ? e.outerHTML.slice(0, 100) : "none"; })()`))
	}
	// A navigation or a new tab would have started with the click; give
	// the browser a moment to show one before looking.
	time.Sleep(300 * time.Millisecond)
	if got := evalJS[string](t, b, `location.href`); got != href {
		t.Errorf("the click took the app from %s to %s", href, got)
	}
	if after := pages(); after != before {
		t.Errorf("the click opened a page: %d pages before, %d after", before, after)
	}
	if off := b.offOrigin(srv.URL); len(off) > 0 {
		t.Errorf("requests left the app's origin: %q", off)
	}
	if got := text(t, b, "#doc-title"); got != "A linked article" {
		t.Errorf("after the click the title is %q", got)
	}
	if notice := text(t, b, "#notice"); !strings.Contains(notice, "https://example.com/x") {
		t.Errorf("the message does not name the link: %q", notice)
	}
}

// TestAppMorePasteAndDrop opens articles from a paste of HTML, a paste of
// plain text and a dropped file.
func TestAppMorePasteAndDrop(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()

	paste := func(types map[string]string) { pasteTypes(t, b, types) }

	paste(map[string]string{"text/html": "<h1>Pasted headline</h1><p>Body text.</p>", "text/plain": "Pasted headline\nBody text."})
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "Pasted headline"`)
	if got := text(t, b, "article.doc"); !strings.Contains(got, "Body text.") {
		t.Errorf("the pasted article reads %q", got)
	}
	if n := evalJS[int](t, b, `document.querySelectorAll("article.doc h1").length`); n != 1 {
		t.Errorf("the pasted HTML lost its heading: %d h1 in the article", n)
	}

	paste(map[string]string{"text/plain": "Only plain words here.\n\nA second paragraph of plain words."})
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("A second paragraph of plain words.")`)
	if n := evalJS[int](t, b, `document.querySelectorAll("article.doc h1").length`); n != 0 {
		t.Errorf("the pasted text has %d headings", n)
	}
	if got := text(t, b, "article.doc"); strings.Contains(got, "Pasted headline") {
		t.Errorf("the text paste did not replace the article: %q", got)
	}
	// It is annotatable like any article.
	tagPhrase(t, b, "second paragraph", "c")
	// Export it, so that the drop below opens at once.
	parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))

	evalJS[chromedp.Void](t, b, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["<!doctype html><title>Dropped article</title><h1>Dropped article</h1><p>Dropped words.</p>"], "dropped.html", {type: "text/html"}));
		document.body.dispatchEvent(new DragEvent("dragenter", {dataTransfer: dt, bubbles: true, cancelable: true}));
		document.body.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`)
	waitFor(t, b, `document.querySelector(".drop-overlay") !== null`)
	evalJS[chromedp.Void](t, b, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["<!doctype html><title>Dropped article</title><h1>Dropped article</h1><p>Dropped words.</p>"], "dropped.html", {type: "text/html"}));
		const e = new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true});
		document.body.dispatchEvent(e);
		window.__dropPrevented = e.defaultPrevented;
	})()`)
	waitFor(t, b, `document.querySelector("#doc-title").textContent === "Dropped article"`)
	waitFor(t, b, `document.querySelector(".drop-overlay") === null`)
	if !evalJS[bool](t, b, `window.__dropPrevented`) {
		t.Errorf("the drop was left to the browser, which would open the file in place of the app")
	}
	if got := text(t, b, "article.doc"); !strings.Contains(got, "Dropped words.") {
		t.Errorf("the dropped article reads %q", got)
	}
	if n := entryCount(t, b); n != 0 {
		t.Errorf("the dropped article shows %d annotations", n)
	}
}

// TestAppMoreClickSelects clicks a highlight with one annotation, which
// selects it, then plain text, which selects nothing.
func TestAppMoreClickSelects(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()

	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null && CSS.highlights.get("selected").size === 0`)

	clickInView(t, b, "we can")
	waitFor(t, b, `document.querySelector("#entries li.selected") !== null`)
	if got := text(t, b, "#entries li.selected .excerpt"); got != "“yes we can”" {
		t.Errorf("the click selected %q", got)
	}
	waitFor(t, b, `document.querySelector("#selected:not([hidden]) .editor") !== null`)
	if !evalJS[bool](t, b, `(() => { const e = document.querySelector(".sidebar .editor"); return e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility !== "hidden"; })()`) {
		t.Errorf("the editor is not shown for the selected annotation")
	}
	if got := evalJS[string](t, b, `(document.querySelector("#edit-label")||{}).value||""`); got != "quote" {
		t.Errorf("the editor's label is %q, want quote", got)
	}
	if got := evalJS[string](t, b, `document.querySelector("#entries li.selected .entry-main").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("the selected entry's aria-pressed is %q", got)
	}
	waitFor(t, b, `CSS.highlights.get("selected").size === 1`)
	if got := evalJS[string](t, b, `[...CSS.highlights.get("selected")][0].toString()`); got != "yes we can" {
		t.Errorf("the selected highlight covers %q", got)
	}
	if n := evalJS[int](t, b, `document.querySelectorAll("#choices .choice").length`); n != 0 {
		t.Errorf("a click on one annotation offered %d choices", n)
	}

	// Another highlight moves the selection there.
	clickInView(t, b, "balanced")
	waitFor(t, b, `(document.querySelector("#entries li.selected .excerpt")||{}).textContent === "“pretty balanced”"`)

	// Plain text selects nothing.
	clickInView(t, b, "Foreign Secretary")
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
	waitFor(t, b, `CSS.highlights.get("selected").size === 0`)
	if n := entryCount(t, b); n != 2 {
		t.Errorf("clicking changed the annotations: %d listed", n)
	}
	// The rows change in the highlight's turn, and the selected
	// annotation's panel, with its editor, hides in the same turn.
	if !evalJS[bool](t, b, `document.getElementById("selected").hidden && document.querySelector(".sidebar .editor").getClientRects().length === 0`) {
		t.Errorf("the editor is still shown when the list selects nothing")
	}
}

// clickInView scrolls the first occurrence of phrase to the middle of the
// window and clicks the middle of it.
func clickInView(t testing.TB, b *browser, phrase string) {
	t.Helper()
	selectPhrase(t, b, phrase, 0)
	xy := evalJS[[]float64](t, b, `(() => {
		const range = getSelection().getRangeAt(0);
		range.startContainer.parentElement.scrollIntoView({block: "center", behavior: "instant"});
		const r = range.getBoundingClientRect();
		getSelection().removeAllRanges();
		return [r.left + r.width / 2, r.top + r.height / 2];
	})()`)
	if xy[1] < 0 || xy[1] > evalJS[float64](t, b, `innerHeight`) {
		t.Fatalf("%q is out of view at %v", phrase, xy)
	}
	b.run(chromedp.MouseClickXY(xy[0], xy[1]))
}

// downloadVia runs action, which must download the export, and returns
// the file the browser saved, after checking that it validates.
func downloadVia(t testing.TB, b *browser, action chromedp.Action[chromedp.Void]) []byte {
	t.Helper()
	d := downloadFile(t, b, "*.annotations.json", action)
	for _, p := range annotate.Validate(d) {
		if !p.Warning {
			t.Errorf("the export is not valid: %s", p)
		}
	}
	return d
}

// parseExport decodes an export.
func parseExport(t testing.TB, data []byte) annotate.File {
	t.Helper()
	var f annotate.File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}
