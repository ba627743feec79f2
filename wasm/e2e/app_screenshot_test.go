//go:build !wasm

package e2e

import (
	"bytes"
	stdpng "image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestScreenshot takes a screenshot of the app at work, with overlapping
// spans and the editor open, and checks that it is a picture of the page.
// It writes it to the file that $ANNOTATOR_SCREENSHOT names (make
// screenshot), else to a temporary file.
func TestScreenshot(t *testing.T) {
	out := os.Getenv("ANNOTATOR_SCREENSHOT")
	if out == "" {
		out = filepath.Join(t.TempDir(), "screenshot.png")
	}
	b, _ := openApp(t)
	tag := func(phrase, key string) { tagPhrase(t, b, phrase, key) }
	tag("said “yes we can” when asked if a peace deal could be achieved in Ukraine", "q")
	tag("yes we can", "q")
	b.run(chromedp.Click(chromedp.ID("edit-speaker")), chromedp.SendKeys(chromedp.ID("edit-speaker"), "Donald Trump"))
	press(t, b, kb.Tab)
	press(t, b, kb.Escape)
	tag("a peace deal could be achieved in Ukraine", "c")
	tag("commit British troops to a peacekeeping mission", "p")
	tag("US promises are vital", "c")
	tag("Mr Trump greeted Sir Keir at the White House with a warm handshake", "c")
	clickPhrase(t, b, "yes we can")
	waitFor(t, b, `document.querySelectorAll("#choices .choice").length > 0`)
	b.run(chromedp.Click(chromedp.CSS("#choices .choice.label-quote:last-child")))
	waitFor(t, b, `(() => { const el = document.getElementById("edit-speaker"); return el !== null && !el.closest("label").hidden && !el.closest("#selected").hidden; })()`)
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(bytes.NewReader(png))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if size := img.Bounds().Size(); size.X < 800 || size.Y < 600 {
		t.Errorf("the screenshot is %v, smaller than the window", size)
	}
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
