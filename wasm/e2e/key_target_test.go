package e2e

import (
	"fmt"
	"testing"
)

// TestKeyAtTheDocumentLeavesTheAppRunning sends key events whose target
// is the document itself, as an extension or a page script can: the key
// handler asked the target for getAttribute, which a document has not,
// and the whole app stopped ("Go program has already exited"). The app
// must go on working: a tag made after them is made.
func TestKeyAtTheDocumentLeavesTheAppRunning(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	evalJS[bool](t, b, `(() => {
		for (const init of [{key: "Enter"}, {key: " "}, {key: "Delete"}, {key: "a", ctrlKey: true}, {key: "s", ctrlKey: true}, {key: "c"}]) {
			document.dispatchEvent(new KeyboardEvent("keydown", Object.assign({bubbles: true, cancelable: true}, init)));
		}
		return true;
	})()`)
	before := entryCount(t, b)
	tagPhrase(t, b, "pretty balanced", "c")
	waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length > %d`, before))
}
