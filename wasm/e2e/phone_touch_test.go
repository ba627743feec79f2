//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// A phone held upright (390 by 844 CSS px, touch) has no keyboard: text
// is tagged by selecting it with a finger and tapping a label of the
// legend. The tests here keep that in reach wherever the article is read.

// legendButtonShownJS gives whether the legend's button for the label is
// in the window, above the sheet, and not under anything else (the point
// at its middle is the button's), with its middle's coordinates.
func legendButtonShownJS(label string) string {
	return `(() => {
		const el = document.getElementById("tag-" + ` + jsString(label) + `), r = el.getBoundingClientRect();
		const sheet = document.querySelector(".workspace > .sidebar").getBoundingClientRect();
		const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
		const hit = document.elementFromPoint(x, y);
		return {Shown: r.top >= 0 && r.bottom <= Math.min(sheet.top, innerHeight) && !!hit && el.contains(hit), X: x, Y: y, Top: r.top, Bottom: r.bottom, Sheet: sheet.top};
	})()`
}

type legendButtonAt struct {
	Shown                    bool
	X, Y, Top, Bottom, Sheet float64
}

// TestPhoneTagsByTouchWhereItReads: on a phone, a phrase in the middle of
// the article, selected where it is read, is tagged by tapping the label:
// the legend stays at the window's top, above the sheet. It scrolled away
// with the page below 600 px wide, so that the labels were in reach only
// at the article's top, and there, on a phone's first view, under the
// sheet: tagging by touch meant scrolling up to the title and back for
// every span.
func TestPhoneTagsByTouchWhereItReads(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch))
	if !evalJS[bool](t, b, `matchMedia("(pointer: coarse)").matches && getComputedStyle(document.querySelector(".workspace > .sidebar")).position === "fixed"`) {
		t.Fatal("at 390 × 844 px with touch the pointer is not coarse or the sidebar is not a sheet; the test is for that layout")
	}
	for _, phrase := range []string{"yes we can", "pretty balanced"} {
		selectPhrase(t, b, phrase, 0)
		// Read there: the phrase in the middle of what the sheet leaves.
		evalJS[bool](t, b, `(() => {
			const r = getSelection().getRangeAt(0).getBoundingClientRect();
			const seen = document.querySelector(".workspace > .sidebar").getBoundingClientRect().top;
			scrollBy({top: r.top - seen / 2, behavior: "instant"});
			return true;
		})()`)
		settle(t, b)
		at := evalJS[legendButtonAt](t, b, legendButtonShownJS("quote"))
		if !at.Shown {
			t.Fatalf("%q selected in the article's middle: the legend's quote button is at %.0f–%.0f px, not in view above the sheet (from %.0f px)", phrase, at.Top, at.Bottom, at.Sheet)
		}
		// What stays at the top leaves a third of the window to read in.
		if legend := evalJS[float64](t, b, `document.querySelector(".legend").getBoundingClientRect().bottom`); at.Sheet-legend < 844/3 {
			t.Errorf("the legend ends at %.0f px and the sheet starts at %.0f px: %.0f px left to read in", legend, at.Sheet, at.Sheet-legend)
		}
		n := entryCount(t, b)
		b.run(chromedp.TapXY(at.X, at.Y))
		waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, n+1))
		if got := text(t, b, "#selected .excerpt"); got != "“"+phrase+"”" {
			t.Errorf("tapping quote tagged %s, want %q", got, phrase)
		}
	}
}
