//go:build !wasm

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestMacArrowsMoveTheCaret: on a Mac, whose keyboard has no Home and
// End, ⌘→ takes the caret to the line's end, ⌘↓ to the article's, and
// ⌘⇧↑ selects back to the article's start, as in a Mac's text.
func TestMacArrowsMoveTheCaret(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	meta := chromedp.KeyModifiers(chromedp.ModifierMeta)
	press(t, b, "a", alt)
	waitFor(t, b, `document.activeElement.id === "article"`)
	press(t, b, kb.ArrowRight, ctrl)

	caret := func() []int { settle(t, b); return evalJS[[]int](t, b, `annotator.caret()`) }
	start := caret()
	press(t, b, kb.ArrowRight, meta)
	afterMeta := caret()
	press(t, b, kb.ArrowLeft, meta)
	if got := caret(); got[0] != start[0] || got[1] > start[1] {
		t.Errorf("⌘← took the caret from %v to %v, not back to the line's start", afterMeta, got)
	}
	press(t, b, kb.End)
	if end := caret(); afterMeta[0] != end[0] || afterMeta[1] != end[1] || afterMeta[1] <= start[1] {
		t.Errorf("⌘→ took the caret from %v to %v; End takes it to the line's end, %v", start, afterMeta, end)
	}
	press(t, b, kb.ArrowDown, meta)
	settle(t, b)
	if !evalJS[bool](t, b, `(() => { const [n, o] = annotator.caret(); return n === annotator.nodeCount() - 1 && annotator.text(n, o, n, 1e9) === ""; })()`) {
		t.Errorf("after ⌘↓ the caret is before %q, not at the article's end", abbreviate(afterCaret(t, b), 30))
	}
	press(t, b, kb.ArrowUp, chromedp.KeyModifiers(chromedp.ModifierMeta, chromedp.ModifierShift))
	settle(t, b)
	if got := evalJS[string](t, b, `getSelection().toString()`); !strings.HasPrefix(got, "date 2025-02-27") {
		t.Errorf("⌘⇧↑ selected %q, not back to the article's start", abbreviate(got, 40))
	}
}
