//go:build !wasm

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/newsannotator/annotator/annotate"
)

// exportWithAttributes writes a version-1 export of the sample with a
// quote on "yes we can" and a claim on "pretty balanced", each with the
// attributes given, as a file from elsewhere (a colleague's, a
// spreadsheet's) may hold them: not trimmed.
func exportWithAttributes(t *testing.T, quote, claim map[string]string) string {
	t.Helper()
	doc, err := annotate.Load(repoFile(t, "app/sample/starmer-trump-white-house.txt"), annotate.Source{Name: "starmer-trump-white-house.txt", MediaType: "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	canonical := doc.Text().String()
	for _, tag := range [][2]string{{"yes we can", "quote"}, {"pretty balanced", "claim"}} {
		at := annotate.RuneCount(canonical[:strings.Index(canonical, tag[0])])
		if _, err := set.Add(tag[1], at, at+annotate.RuneCount(tag[0])); err != nil {
			t.Fatal(err)
		}
	}
	f := annotate.NewFile(doc, set, nil, time.Now())
	for i := range f.Annotations {
		if f.Annotations[i].Label == "quote" {
			f.Annotations[i].Attributes = quote
		} else {
			f.Annotations[i].Attributes = claim
		}
	}
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "imported.annotations.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// selectEntry selects the annotation whose entry in the list holds phrase.
func selectEntry(t *testing.T, b *browser, phrase string) {
	t.Helper()
	clickPhrase(t, b, phrase)
	waitFor(t, b, `!document.getElementById("selected").hidden && document.querySelector("#selected .excerpt").textContent.includes(`+jsString(phrase)+`)`)
}

// TestEscapeWithoutTypingChangesNothing: an imported quote whose
// speaker has spaces at its edges, and a claim with a speaker kept from an
// earlier label; the annotator goes into each one's speaker field (to read
// it, to copy it) and leaves with Escape, typing nothing. Nothing was
// typed, so nothing may change and nothing be refused.
func TestEscapeWithoutTypingChangesNothing(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	waitSaved(t, b)
	openFile(t, b, exportWithAttributes(t, map[string]string{"speaker": " Barack Obama "}, map[string]string{"speaker": "Joe Biden "}))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	waitSaved(t, b)
	settle(t, b)
	undo := evalJS[string](t, b, `document.getElementById("undo-button").title`)

	// The claim's kept speaker: in, and out with Escape.
	selectEntry(t, b, "pretty balanced")
	focusField(t, b, "edit-speaker")
	press(t, b, kb.Escape)
	settle(t, b)
	if n := text(t, b, "#notice"); evalJS[bool](t, b, `document.querySelector("#notice").classList.contains("error")`) {
		t.Errorf("Escape from the claim's kept speaker, nothing typed, is refused: %q", n)
	}

	// The quote's speaker: in, and out with Escape.
	selectEntry(t, b, "yes we can")
	focusField(t, b, "edit-speaker")
	press(t, b, kb.Escape)
	settle(t, b)
	if now := evalJS[string](t, b, `document.getElementById("undo-button").title`); now != undo {
		t.Errorf("Escape from the quote's speaker, nothing typed, made a change: Undo said %q and says %q; the field shows %q",
			undo, now, evalJS[string](t, b, `document.getElementById("edit-speaker").value`))
	}
}

// TestReloadInUntypedFieldSaysNothing: the annotator is in the
// imported quote's speaker field, having typed nothing, as the tab is
// reloaded. Nothing was typed: nothing is said kept, nor changed.
func TestReloadInUntypedFieldSaysNothing(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	waitSaved(t, b)
	openFile(t, b, exportWithAttributes(t, map[string]string{"speaker": " Barack Obama "}, nil))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	waitSaved(t, b)
	selectEntry(t, b, "yes we can")
	focusField(t, b, "edit-speaker")
	waitSaved(t, b)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	settle(t, b)
	if got := text(t, b, "#notice"); strings.Contains(got, "typing") {
		t.Errorf("after a reload with nothing typed in the speaker's field, the app says %q", got)
	}
	if got := evalJS[string](t, b, `document.getElementById("undo-button").title`); got != "Undo insert 2 annotations (Ctrl+Z)" {
		t.Errorf("after a reload with nothing typed, Undo says %q", got)
	}
}
