//go:build !wasm

package e2e

// This file shows that what an annotator is typing in a field is not lost
// when the page goes away before the field is left: a field keeps its
// text with its change event, which a reload, a closed tab or the update's
// reload never fires.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTypedSpeakerSurvivesReload types a quote's speaker and reloads with
// the focus still in the field: the speaker is the quote's after the
// reload. It was lost, and the tab did not ask before closing.
func TestTypedSpeakerSurvivesReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	quoteTyped(t, b, "edit-speaker", "Barack Obama")
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	if got := panelField(t, b, "edit-speaker"); got != "Barack Obama" {
		t.Fatalf("after a reload with the speaker typed and the field not left, the speaker is %q", got)
	}
	// The page going away may blur the field now and then, whose change
	// is then written before it goes: either way, nothing is said lost.
	if got := text(t, b, "#notice"); strings.Contains(got, "not kept") {
		t.Errorf("after the reload the app says %q", got)
	}
	// Stored as any change is: a second reload finds it.
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	if got := text(t, b, "#entries"); !strings.Contains(got, "Barack Obama") {
		t.Errorf("after a second reload the list reads %q, without the speaker", got)
	}
}

// TestTypedNameSurvivesReload types a name in the toolbar and reloads with
// the focus still in the field: the name is the workspace's after the
// reload. It was lost.
func TestTypedNameSurvivesReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	b.run(chromedp.Focus(chromedp.ID("author-input")))
	waitFor(t, b, `document.activeElement && document.activeElement.id === "author-input"`)
	b.run(chromedp.KeyEvent("Ada Lovelace"))
	waitFor(t, b, `document.getElementById("author-input").value === "Ada Lovelace"`)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if got := evalJS[string](t, b, `document.getElementById("author-input").value`); got != "Ada Lovelace" {
		t.Fatalf("after a reload with the name typed and the field not left, the name is %q", got)
	}
	// The page going away may blur the field now and then, whose change
	// is then written before it goes: either way, nothing is said lost.
	if got := text(t, b, "#notice"); strings.Contains(got, "not kept") {
		t.Errorf("after the reload the app says %q", got)
	}
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if got := evalJS[string](t, b, `document.getElementById("author-input").value`); got != "Ada Lovelace" {
		t.Errorf("after a second reload the name is %q", got)
	}
}

// typeTitle presses the Rename of the library's row titled from and types
// to over the title, without Enter: the field keeps the focus.
func typeTitle(t testing.TB, b *browser, from, to string) {
	t.Helper()
	showLibrary(t, b)
	focusControl(t, b, libraryRow(from)+`.querySelector(".library-rename")`)
	press(t, b, "\r")
	waitFor(t, b, `document.activeElement && document.activeElement.matches("input.rename") && document.activeElement.selectionEnd > 0`)
	b.run(chromedp.KeyEvent(to))
	waitFor(t, b, fmt.Sprintf(`document.activeElement && document.activeElement.matches("input.rename") && document.activeElement.value === %s`, jsString(to)))
}

// TestTypedTitleSurvivesReload types a new title in the library's rename
// field and reloads with the focus still in the field: the document has
// the title after the reload, the app says so naming both titles, and the
// library's Undo takes it back. It was lost.
func TestTypedTitleSurvivesReload(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	typeTitle(t, b, sampleTitle, "Starmer in Washington")
	b.run(chromedp.Reload())
	waitStarted(t, b)
	if !tryWait(b, `document.querySelector("#doc-title").textContent === "Starmer in Washington"`) {
		t.Fatalf("after a reload with a title typed and the field not left, the document is titled %q; the app says %q", text(t, b, "#doc-title"), text(t, b, "#notice"))
	}
	if got := libraryTitles(t, b); len(got) != 1 || got[0] != "Starmer in Washington" {
		t.Errorf("after the reload the library lists %q", got)
	}
	// The page going away may blur the field now and then, whose change
	// is then written before it goes, as the field's own rename: nothing
	// is then said, and this page has no Undo of it.
	got := text(t, b, "#notice")
	if strings.Contains(got, "not kept") {
		t.Errorf("after the reload the app says %q", got)
	}
	if !strings.Contains(got, "were typing") {
		t.Logf("the field's own change was written as the page went: the app says %q", got)
		return
	}
	if !strings.Contains(got, "“"+sampleTitle+"”") || !strings.Contains(got, "“Starmer in Washington”") {
		t.Errorf("after the reload the app says %q, naming not both the document and its new title", got)
	}
	// A rename of the library's, which its Undo takes back.
	b.run(chromedp.Click(chromedp.ID("library-undo")))
	waitFor(t, b, `document.querySelector("#notice").textContent.startsWith("Undid")`)
	// The row is read again after the message.
	if !tryWait(b, libraryRow(sampleTitle)+` !== undefined`) {
		t.Errorf("after the library's Undo it lists %q", libraryTitles(t, b))
	}
}

// TestTypedTitleChangedSinceSaysSo types a new title in the library's
// rename field; another tab renames the document meanwhile, and the page
// reloads before Enter. The field keeps the text typed, and the next
// start keeps that tab's title, and says that the title typed was not
// kept, with its text.
func TestTypedTitleChangedSinceSaysSo(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	waitSaved(t, b)
	tab := b.newTab(t)
	tab.expectNoConsoleErrors()
	openReadOnly(t, tab, srv.URL+"/")
	typeTitle(t, b, sampleTitle, "Starmer in Washington")
	renameInLibrary(t, tab, sampleTitle, "Renamed elsewhere")
	// This tab's row takes the title; its field keeps the text typed
	// (TestRenameFieldKeepsItsTextWhenRenamedElsewhere).
	waitFor(t, b, `document.querySelector("input.rename").getAttribute("aria-label").includes("Renamed elsewhere")`)
	if got := evalJS[string](t, b, `document.activeElement.matches("input.rename") ? document.activeElement.value : "(not focused)"`); got != "Starmer in Washington" {
		t.Fatalf("after another tab renamed the document, the rename field being typed in holds %q", got)
	}
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `document.querySelector("#notice").textContent.includes("not kept")`)
	got := text(t, b, "#notice")
	for _, want := range []string{"title", "Starmer in Washington", "Renamed elsewhere"} {
		if !strings.Contains(got, want) {
			t.Errorf("after a start whose typed title was renamed since elsewhere, the app says %q, without %q", got, want)
		}
	}
	if got := libraryTitles(t, b); len(got) != 1 || got[0] != "Renamed elsewhere" {
		t.Errorf("after the start the library lists %q", got)
	}
}

// TestTypedSpeakerSurvivesLeavingThePage types a quote's speaker and goes
// to another address in the same tab, then back: the speaker is the
// quote's. Going to another address blurs the field before the page goes
// (a reload does not), and its change, run by Go later, never ran: the
// text was lost, as the page kept only the focused field's.
func TestTypedSpeakerSurvivesLeavingThePage(t *testing.T) {
	b, srv := openApp(t)
	quoteTyped(t, b, "edit-speaker", "Barack Obama")
	b.run(chromedp.Navigate("about:blank"))
	b.run(chromedp.Navigate(srv.URL + "/"))
	waitStarted(t, b)
	// Back at once, the page gone a moment ago may still hold the
	// document: the text waits until this page has it.
	waitFor(t, b, `performance.getEntriesByName("annotator:typed-kept").length > 0`)
	if got := panelField(t, b, "edit-speaker"); got != "Barack Obama" {
		t.Fatalf("after leaving the page with the speaker typed and the field not left, the speaker is %q; the app says %q", got, text(t, b, "#notice"))
	}
	if got := text(t, b, "#notice"); strings.Contains(got, "not kept") {
		t.Errorf("back on the page the app says %q", got)
	}
}

// TestTypedNoteSurvivesAHiddenTabDiscarded types a note and leaves the
// tab for another, with the focus still in the field; the browser then
// discards the hidden tab to free memory (here: its renderer dies, as a
// discard ends it, with no pagehide). Coming back reloads it, and the
// note was lost: it was kept only as the page went away (pagehide),
// which a discarded or killed tab never sees. It is kept as the page is
// hidden, and set again when the tab is opened anew.
func TestTypedNoteSurvivesAHiddenTabDiscarded(t *testing.T) {
	b, srv := openApp(t)
	quoteTyped(t, b, "edit-note", "Check the date of this")
	setHidden(t, b, true)
	b.crashTab(t)

	tab := b.newTab(t)
	openAppAt(t, tab, srv.URL+"/")
	waitStarted(t, tab)
	// Set as the start's lock is answered, after the panel shows.
	waitFor(t, tab, `performance.getEntriesByName("annotator:typed-kept").length > 0`)
	if got := panelField(t, tab, "edit-note"); got != "Check the date of this" {
		t.Fatalf("after the hidden tab was discarded with a note typed and the field not left, the note is %q (the app says %q)", got, text(t, tab, "#notice"))
	}
	// The note's field is filled by the sidebar's script at once, the
	// message line at go-app's next frame.
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("Kept the note you were typing")`)
}

// TestTypedNoteKeptWhileHiddenIsForgottenWhenShown: the note kept as the
// tab was hidden is forgotten when it is shown again and the field is
// live: finished and left there, the note is written, and the next start
// neither sets the old text nor says it was lost.
func TestTypedNoteKeptWhileHiddenIsForgottenWhenShown(t *testing.T) {
	b, _ := openApp(t)
	quoteTyped(t, b, "edit-note", "Check the date")
	setHidden(t, b, true)
	setHidden(t, b, false)
	b.run(chromedp.KeyEvent(" of this"))
	b.run(chromedp.Focus(chromedp.ID("article")))
	waitFor(t, b, `document.querySelector("#entries").textContent.includes("Check the date of this")`)
	waitSaved(t, b)
	// What the next start would take: nothing, the note being written.
	if kept := evalJS[string](t, b, `localStorage.getItem("annotator.typed") || ""`); kept != "" {
		t.Errorf("with the note written, the page still keeps %s for the next start", kept)
	}
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	if got := text(t, b, "#notice"); strings.Contains(got, "not kept") || strings.Contains(got, "Kept the note") {
		t.Errorf("after the note was finished in the tab shown again, the start says %q", got)
	}
	if got := text(t, b, "#entries"); !strings.Contains(got, "Check the date of this") {
		t.Errorf("the list reads %q, without the note", got)
	}
}

// TestTypedNoteOfAHiddenTabStaysItsOwn: a second tab opened while the
// first is hidden, a note typed in its field, shows the document
// read-only; the note kept as the first tab was hidden is that tab's,
// not lost: the second tab says nothing of it, and once the first tab is
// discarded, the second, reloaded, sets it.
func TestTypedNoteOfAHiddenTabStaysItsOwn(t *testing.T) {
	b, srv := openApp(t)
	quoteTyped(t, b, "edit-note", "Check the date of this")
	setHidden(t, b, true)

	second := b.newTab(t)
	openAppAt(t, second, srv.URL+"/")
	waitStarted(t, second)
	waitFor(t, second, `document.querySelector("#save-state").dataset.state === "read-only"`)
	if got := text(t, second, "#notice"); strings.Contains(got, "not kept") {
		t.Errorf("a second tab, opened while the first is hidden with a note typed, says %q", got)
	}

	b.crashTab(t)
	waitFor(t, second, `document.querySelector("#save-state").dataset.state !== "read-only"`)
	second.run(chromedp.Reload())
	waitStarted(t, second)
	if got := panelField(t, second, "edit-note"); got != "Check the date of this" {
		t.Errorf("after the hidden tab was discarded, the second tab's note is %q (it says %q)", got, text(t, second, "#notice"))
	}
}

// quoteTyped tags the sample's "yes we can" as a quote, waits until it
// is saved, and types text into field id of its panel, without leaving it.
func quoteTyped(t testing.TB, b *browser, id, text string) {
	t.Helper()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	typeInField(t, b, id, text)
}

// panelField returns the value of field id of the selected annotation's
// panel, once the panel shows it.
func panelField(t testing.TB, b *browser, id string) string {
	t.Helper()
	waitFor(t, b, fmt.Sprintf(`(() => { const el = document.getElementById(%q); return el !== null && !el.closest("#selected").hidden; })()`, id))
	return evalJS[string](t, b, fmt.Sprintf(`document.getElementById(%q).value`, id))
}
