//go:build !wasm

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestAuthorKeepsTextTypedAfterEnter: a name typed, Enter (which makes it
// the name), then more typed at once keeps all of it. go-app wrote the
// name as of the Enter over the field about 35 ms after the Enter, 10 ms
// after the last key ("Ann", Enter, " Lee" left "Ann", three runs of
// three). The name leaves the field as the app keeps it: once the field
// is left, spaces about it are gone, and a reload shows it, as does the
// toolbar after the library.
func TestAuthorKeepsTextTypedAfterEnter(t *testing.T) {
	b, srv := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.Focus("#author-input"))
	b.run(chromedp.SendKeys("#author-input", "Ann"+kb.Enter+" Lee  "))
	// The render after the Enter has come and gone.
	evalJS[bool](t, b, `new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => r(true))), 200))`)
	if got := evalJS[string](t, b, `document.getElementById("author-input").value`); got != "Ann Lee  " {
		t.Fatalf("after Ann, Enter and \" Lee  \" the field holds %q", got)
	}
	// Leaving the field makes the whole of it the name, trimmed.
	b.run(chromedp.KeyEvent(kb.Tab))
	waitFor(t, b, `document.getElementById("author-input").value === "Ann Lee"`)
	waitSaved(t, b)
	b.run(chromedp.Navigate(srv.URL + "/"))
	waitStarted(t, b)
	waitFor(t, b, `document.getElementById("author-input").value === "Ann Lee"`)
	// The library and back: the toolbar drawn again keeps the name.
	b.run(chromedp.Click("#library-button"))
	waitFor(t, b, `document.getElementById("library-button").getAttribute("aria-pressed") === "true"`)
	b.run(chromedp.Click("#library-button"))
	waitFor(t, b, `document.getElementById("library-button").getAttribute("aria-pressed") === "false"`)
	if got := evalJS[string](t, b, `document.getElementById("author-input").value`); got != "Ann Lee" {
		t.Errorf("after the library and back the name's field holds %q", got)
	}
}
