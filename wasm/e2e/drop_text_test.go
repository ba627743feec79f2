//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestDroppedTextIsNamedAsADrop: a passage dragged from another window
// and dropped on the app opens as a new article of the library, the one
// open kept there as it was, and is named as what it is: it was named
// "Pasted article" (or "Pasted text"), in the message and in the library,
// though nothing was pasted.
func TestDroppedTextIsNamedAsADrop(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	drop := func(types map[string]string) {
		t.Helper()
		data, err := json.Marshal(types)
		if err != nil {
			t.Fatal(err)
		}
		evalJS[chromedp.Void](t, b, fmt.Sprintf(`(() => {
			const dt = new DataTransfer();
			for (const [k, v] of Object.entries(%s)) dt.setData(k, v);
			for (const type of ["dragenter", "dragover", "drop"]) {
				document.querySelector("article.doc").dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
			}
		})()`, data))
	}
	drop(map[string]string{"text/plain": "Officials met on Monday.\n\nThe new budget would pass easily, they said."})
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("The new budget would pass easily")`)
	if got := text(t, b, "#doc-title"); got != "Dropped text" {
		t.Errorf("dropped plain text opened as %q, want \"Dropped text\"", got)
	}
	if got := text(t, b, "#notice"); !strings.Contains(got, "“Dropped text”") {
		t.Errorf("after the drop of plain text the app says %q", got)
	}
	drop(map[string]string{"text/html": "<span>A passage selected on a page, dragged here.</span>", "text/plain": "A passage selected on a page, dragged here."})
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("A passage selected on a page")`)
	if got := text(t, b, "#doc-title"); got != "Dropped article" {
		t.Errorf("dropped HTML opened as %q, want \"Dropped article\"", got)
	}
	// The article open before is in the library, with its annotation.
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelectorAll("#library-table .library-row").length === 3`)
	rows := text(t, b, "#library-table")
	for _, want := range []string{"Dropped text", "Dropped article", "Starmer meets Trump"} {
		if !strings.Contains(rows, want) {
			t.Errorf("the library does not list %q: %s", want, rows)
		}
	}
}
