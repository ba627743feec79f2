//go:build !wasm

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// pressLayout presses the physical key code with modifiers (input's
// bits: Alt 1, Ctrl 2, Meta 4, Shift 8) on a keyboard whose layout makes
// it type key, as a German, Russian or Mac keyboard does.
func pressLayout(t testing.TB, b *browser, key, code string, modifiers int64) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			ev := input.DispatchKeyEventParams{Type: typ, Key: key, Code: code, Modifiers: modifiers}
			if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, ev); err != nil {
				return err
			}
		}
		return nil
	}))
}

// The modifier bits of pressLayout.
const (
	modAlt  int64 = 1
	modCtrl int64 = 2
)

// TestShortcutsOnOtherLayouts: ] typed with AltGr on a German keyboard
// selects the next annotation, Ctrl+Z on a Russian layout undoes, and a
// Mac's Option+A (which types "å") goes to the article.
func TestShortcutsOnOtherLayouts(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	b.run(chromedp.Focus(chromedp.ID("article")))
	pressLayout(t, b, "Escape", "Escape", 0)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)

	pressLayout(t, b, "]", "Digit9", modCtrl|modAlt) // AltGr+9
	settle(t, b)
	if got := text(t, b, "#entries li.selected .excerpt"); got != "“yes we can”" {
		t.Errorf("] typed with AltGr selected %q, want the first annotation", got)
	}

	pressLayout(t, b, "я", "KeyZ", modCtrl)
	settle(t, b)
	if n := entryCount(t, b); n != 1 {
		t.Errorf("Ctrl+Z on a Russian layout left %d annotations, want 1", n)
	}

	b.run(chromedp.Focus(chromedp.ID("help-button")))
	pressLayout(t, b, "å", "KeyA", modAlt)
	settle(t, b)
	if got := activeID(t, b); got != "article" {
		t.Errorf("Option+A on a Mac left the focus on #%s, not the article", got)
	}
}
