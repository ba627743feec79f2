//go:build !wasm

package e2e

// This file shows that a value too long for an annotation's attribute (a
// whole article pasted into the speaker by mistake) is refused in words,
// and that the panel goes on showing what the annotation holds.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// TestTooLongAttributeIsRefusedInWords pastes 12,000 characters into the
// selected quote's speaker: the app says the limit and the length, the
// annotation and its field are unchanged, and a shorter paste is set.
func TestTooLongAttributeIsRefusedInWords(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	pasteInField(t, b, "edit-speaker", strings.Repeat("word ", 2400))
	press(t, b, kb.Escape)
	waitFor(t, b, `document.querySelector("#notice").classList.contains("error")`)
	msg := text(t, b, "#notice")
	if want := "The speaker was not changed: a speaker is at most 10,000 characters, and the text given has 11,999. Shorten the text and paste it again."; !strings.HasPrefix(msg, want) {
		t.Errorf("the refusal says %q, want it to begin %q", msg, want)
	}
	if got := evalJS[bool](t, b, `document.querySelector("#entries .attrs") === null`); !got {
		t.Errorf("the refused speaker shows in the list: %q", text(t, b, "#entries .attrs"))
	}
	if got := evalJS[int](t, b, `document.getElementById("edit-speaker").value.length`); got != 0 {
		t.Errorf("after the refusal the speaker's field holds %d characters, where the annotation has no speaker", got)
	}
	pasteInField(t, b, "edit-speaker", "Barack Obama")
	press(t, b, kb.Escape)
	waitFor(t, b, `(document.querySelector("#entries .attrs") || {}).textContent === "speaker: Barack Obama"`)
}

// pasteInField puts text in field id in place of what it holds, as a
// paste does (one input event), once the field shows and has the focus.
func pasteInField(t testing.TB, b *browser, id, text string) {
	t.Helper()
	field := focusField(t, b, id)
	evalJS[bool](t, b, fmt.Sprintf("(%s.select(), document.execCommand(\"insertText\", false, %q))", field, text))
	waitFor(t, b, fmt.Sprintf("%s.value === %q", field, text))
}
