//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

func TestZZDay2(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	active := func() string {
		return evalJS[string](t, b, `(() => { const e = document.activeElement; return e ? (e.tagName + "#" + e.id + "." + e.className + " «" + (e.getAttribute("aria-label") || e.textContent || "").slice(0, 40) + "»") : "none"; })()`)
	}
	log := func(what string) { t.Logf("%s: focus %s; notice %q", what, active(), text(t, b, "#notice")) }
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	tagPhrase(t, b, "2.5%", "p")
	press(t, b, "l", alt)
	settle(t, b)
	log("alt+l")
	press(t, b, kb.ArrowDown)
	settle(t, b)
	log("down")
	press(t, b, kb.Delete)
	settle(t, b)
	log("delete in list")
	press(t, b, "?")
	settle(t, b)
	log("help open")
	press(t, b, kb.Escape)
	settle(t, b)
	log("help closed")
	press(t, b, "a", alt)
	press(t, b, "?")
	settle(t, b)
	press(t, b, kb.Escape)
	settle(t, b)
	log("help closed from article")
	// library tab order
	showLibrary(t, b)
	evalJS[bool](t, b, `(document.getElementById("library-button").focus(), true)`)
	for i := 0; i < 25; i++ {
		press(t, b, kb.Tab)
		t.Logf("tab %d: %s", i+1, active())
	}
	_ = fmt.Sprint
}
