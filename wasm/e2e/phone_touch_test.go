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

// shortPhones are the windows of a short phone: 375 × 560 px, a small
// phone with its browser's bars, and 740 × 360, a phone on its side.
var shortPhones = [][2]int64{{375, 560}, {740, 360}}

// onPhone opens the app in a window of size (CSS px) with touch, as a
// phone's, once it has started.
func onPhone(t *testing.T, size [2]int64) *browser {
	t.Helper()
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	b.run(chromedp.EmulateViewport(size[0], size[1], chromedp.EmulateMobile, chromedp.EmulateTouch))
	return b
}

// eachShortPhone runs test on each of the short phones' windows.
func eachShortPhone(t *testing.T, test func(t *testing.T, b *browser)) {
	for _, size := range shortPhones {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) { test(t, onPhone(t, size)) })
	}
}

// tapToTag taps the legend's button at at, and checks that it tagged the
// phrase selected.
func tapToTag(t *testing.T, b *browser, at legendButtonAt, label, phrase string) {
	t.Helper()
	n := entryCount(t, b)
	b.run(chromedp.TapXY(at.X, at.Y))
	waitFor(t, b, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === %d`, n+1))
	if got := text(t, b, "#selected .excerpt"); got != "“"+phrase+"”" {
		t.Errorf("tapping %s tagged %s, want %q", label, got, phrase)
	}
}

// TestPhoneTagsByTouchWhereItReads: on a phone, a phrase in the middle of
// the article, selected where it is read, is tagged by tapping the label:
// the legend stays at the window's top, above the sheet. It scrolled away
// with the page below 600 px wide, so that the labels were in reach only
// at the article's top, and there, on a phone's first view, under the
// sheet: tagging by touch meant scrolling up to the title and back for
// every span.
func TestPhoneTagsByTouchWhereItReads(t *testing.T) {
	b := onPhone(t, [2]int64{390, 844})
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
		tapToTag(t, b, at, "quote", phrase)
	}
}

// TestShortPhoneTagsByTouchWhereItReads: on a phone whose window is short
// (375 × 560 px, a small phone with its browser's bars; 740 × 360, a phone
// on its side), the legend scrolls away with the page, leaving the window
// to the text; text selected mid-article brings it back to the window's
// top, in reach of a tap, without moving the text selected; tagged, the
// selection goes, and so does the legend. The labels were found only at
// the article's top there.
func TestShortPhoneTagsByTouchWhereItReads(t *testing.T) {
	eachShortPhone(t, func(t *testing.T, b *browser) {
		for _, phrase := range []string{"yes we can", "pretty balanced"} {
			// Read there, nothing selected: the legend is not in view.
			selectPhrase(t, b, phrase, 0)
			before := evalJS[float64](t, b, `(() => {
					const range = getSelection().getRangeAt(0), r = range.getBoundingClientRect();
					const seen = Math.min(innerHeight, document.querySelector(".workspace > .sidebar").getBoundingClientRect().top);
					scrollBy({top: r.top - seen / 2, behavior: "instant"});
					getSelection().removeAllRanges();
					return range.getBoundingClientRect().top;
				})()`)
			settle(t, b)
			if at := evalJS[legendButtonAt](t, b, legendButtonShownJS("quote")); at.Shown {
				t.Errorf("%q read mid-article, nothing selected: the legend's quote button is in view (%.0f–%.0f px), where the text should be", phrase, at.Top, at.Bottom)
			}
			// Selected: the legend comes, the text stays where it was.
			selectPhrase(t, b, phrase, 0)
			settle(t, b)
			at := evalJS[legendButtonAt](t, b, legendButtonShownJS("quote"))
			if !at.Shown {
				t.Fatalf("%q selected mid-article: the legend's quote button is at %.0f–%.0f px, not in view above the sheet (from %.0f px)", phrase, at.Top, at.Bottom, at.Sheet)
			}
			if after := evalJS[float64](t, b, `getSelection().getRangeAt(0).getBoundingClientRect().top`); after != before {
				t.Errorf("the legend's coming moved the text selected from %.1f to %.1f px", before, after)
			} else if legend := evalJS[float64](t, b, `document.querySelector(".legend").getBoundingClientRect().bottom`); legend > before {
				t.Errorf("the legend (to %.0f px) covers the text selected mid-window (from %.0f px)", legend, before)
			}
			tapToTag(t, b, at, "quote", phrase)
			waitFor(t, b, `!document.documentElement.classList.contains("selecting")`)
			settle(t, b)
			if at := evalJS[legendButtonAt](t, b, legendButtonShownJS("quote")); at.Shown {
				t.Errorf("%q tagged: the legend stays in view (%.0f–%.0f px) with nothing selected", phrase, at.Top, at.Bottom)
			}
		}
	})
}

// selectAtWindowTop selects phrase with its first line at the window's
// top, where the legend comes to stay as it is selected.
func selectAtWindowTop(t *testing.T, b *browser, phrase string) {
	t.Helper()
	selectPhrase(t, b, phrase, 0)
	evalJS[bool](t, b, `(() => {
		const r = getSelection().getRangeAt(0).getBoundingClientRect();
		scrollBy({top: r.top - 8, behavior: "instant"});
		getSelection().removeAllRanges();
		return true;
	})()`)
	settle(t, b)
	selectPhrase(t, b, phrase, 0)
	settle(t, b)
}

// selectionInSight checks that the legend's quote button and the text
// selected (when) show, the text between the legend and the sheet, and
// returns where the button is.
func selectionInSight(t *testing.T, b *browser, when string) legendButtonAt {
	t.Helper()
	at := evalJS[legendButtonAt](t, b, legendButtonShownJS("quote"))
	if !at.Shown {
		t.Fatalf("%s: the legend's quote button is at %.0f–%.0f px, not in view above the sheet (from %.0f px)", when, at.Top, at.Bottom, at.Sheet)
	}
	sel := evalJS[struct{ Top, Bottom float64 }](t, b, `(() => { const r = getSelection().getRangeAt(0).getBoundingClientRect(); return {Top: r.top, Bottom: r.bottom}; })()`)
	legend := evalJS[float64](t, b, `document.querySelector(".legend").getBoundingClientRect().bottom`)
	if sel.Top < legend || sel.Bottom > at.Sheet {
		t.Errorf("%s: the text selected is at %.1f–%.1f px, not between the legend (to %.1f px) and the sheet (from %.1f px)", when, sel.Top, sel.Bottom, legend, at.Sheet)
	}
	return at
}

// TestShortPhoneSelectionAtTheTopStaysInSight: on a short phone, text
// selected by touch in the window's first lines is where the legend comes
// to stay: it came over the text selected (at 375 × 560 px the top 87 px
// of the 280 the sheet leaves, at 740 × 360 the top 49 of 180), which the
// reader then tagged unseen, its handles under the labels. The text
// selected shows below the legend, and the tap tags it.
func TestShortPhoneSelectionAtTheTopStaysInSight(t *testing.T) {
	eachShortPhone(t, func(t *testing.T, b *browser) {
		for _, phrase := range []string{"yes we can", "pretty balanced"} {
			selectAtWindowTop(t, b, phrase)
			at := selectionInSight(t, b, fmt.Sprintf("%q selected at the window's top", phrase))
			tapToTag(t, b, at, "quote", phrase)
			waitFor(t, b, `!document.documentElement.classList.contains("selecting")`)
		}
	})
}

// TestShortPhoneLegendGoesWithTheArticle: on a short phone, the legend
// that stays at the window's top while text of the article is selected
// goes when the article does, with its selection: the selection goes
// with the text it was in, without the selection change that the legend
// followed, so that it stayed over the text, nothing selected, back from
// the library and in the article opened next, until the next selection.
func TestShortPhoneLegendGoesWithTheArticle(t *testing.T) {
	b := onPhone(t, [2]int64{375, 560})
	// readMidArticle scrolls the phrase to the middle of what the sheet
	// leaves, and says whether the legend's quote button is in view.
	readMidArticle := func(phrase string) bool {
		t.Helper()
		evalJS[bool](t, b, fmt.Sprintf(`(() => {
			const root = document.querySelector("article.doc");
			const at = root.textContent.indexOf(%s);
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			let seen = 0;
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				if (at < seen + n.length) {
					const r = document.createRange();
					r.setStart(n, at - seen);
					const top = r.getBoundingClientRect().top;
					scrollBy({top: top - document.querySelector(".workspace > .sidebar").getBoundingClientRect().top / 2, behavior: "instant"});
					return true;
				}
				seen += n.length;
			}
			return false;
		})()`, jsString(phrase)))
		settle(t, b)
		return evalJS[legendButtonAt](t, b, legendButtonShownJS("quote")).Shown
	}
	selectPhrase(t, b, "pretty balanced", 0)
	waitFor(t, b, `document.documentElement.classList.contains("selecting")`)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("#library-table") !== null`)
	b.run(chromedp.Click(chromedp.ID("library-button")))
	waitFor(t, b, `document.querySelector("article.doc") !== null`)
	settle(t, b)
	if readMidArticle("pretty balanced") || evalJS[string](t, b, `getComputedStyle(document.querySelector(".legend")).position`) != "static" {
		t.Errorf("back from the library, nothing selected (%q): the legend stays at the window's top", evalJS[string](t, b, `getSelection().toString()`))
	}
	// A text dropped on the app opens in the article's place.
	selectPhrase(t, b, "pretty balanced", 0)
	waitFor(t, b, `document.documentElement.classList.contains("selecting")`)
	evalJS[chromedp.Void](t, b, `(() => {
		const dt = new DataTransfer();
		dt.setData("text/plain", Array.from({length: 40}, (_, i) => "Paragraph " + i + " of the text dropped, long enough to be read in more than one window of a phone.").join("\n\n"));
		for (const type of ["dragenter", "dragover", "drop"]) {
			document.querySelector("article.doc").dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
		}
	})()`)
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("Paragraph 39 of the text dropped")`)
	settle(t, b)
	if readMidArticle("Paragraph 20 ") || evalJS[string](t, b, `getComputedStyle(document.querySelector(".legend")).position`) != "static" {
		t.Errorf("in the article opened next, nothing selected (%q): the legend stays at the window's top", evalJS[string](t, b, `getSelection().toString()`))
	}
}

// fieldTappableJS gives whether the field with that id shows whole in the
// window, its middle its own (not under the list, out of the sheet's
// scroll, nor outside the window), with its middle's coordinates.
func fieldTappableJS(id string) string {
	return `(() => {
		const el = document.getElementById(` + jsString(id) + `), r = el.getBoundingClientRect();
		const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
		const hit = r.top >= 0 && r.bottom <= innerHeight ? document.elementFromPoint(x, y) : null;
		return {Shown: !!hit && el.contains(hit), X: x, Y: y, Top: r.top, Bottom: r.bottom, Sheet: document.querySelector(".workspace > .sidebar").getBoundingClientRect().top};
	})()`
}

// TestShortPhoneQuoteTaggedShowsItsSpeaker: on a short phone, a quote
// tagged with a tap, or a highlight tapped, shows the speaker's field of
// its panel in the sheet, where the next tap types the speaker. Revealing
// the annotation's row in the list took the field away: at 375 × 560 it
// was under the list, below the sheet's head that scrolls itself; at
// 740 × 360, where the sheet scrolls its head and list as one, the whole
// panel was scrolled out of the sheet, above it. A keyboard's Enter goes
// to the panel; a finger had to look for it.
func TestShortPhoneQuoteTaggedShowsItsSpeaker(t *testing.T) {
	eachShortPhone(t, func(t *testing.T, b *browser) {
		tagPhrase(t, b, "yes we can", "c")
		// readMid selects the phrase in the middle of what the sheet
		// leaves, and gives its first line's middle.
		readMid := func(phrase string) [2]float64 {
			selectPhrase(t, b, phrase, 0)
			xy := evalJS[[]float64](t, b, `(() => {
					const range = getSelection().getRangeAt(0), r = range.getBoundingClientRect();
					scrollBy({top: r.top - document.querySelector(".workspace > .sidebar").getBoundingClientRect().top / 2, behavior: "instant"});
					const first = range.getClientRects()[0];
					return [(first.left + first.right) / 2, (first.top + first.bottom) / 2];
				})()`)
			settle(t, b)
			return [2]float64{xy[0], xy[1]}
		}
		speaker := func(when, phrase string) {
			t.Helper()
			waitFor(t, b, fmt.Sprintf(`document.querySelector("#selected .excerpt").textContent === %s && !document.querySelector("#edit-speaker").closest("label").hidden`, jsString("“"+phrase+"”")))
			settle(t, b)
			at := evalJS[legendButtonAt](t, b, fieldTappableJS("edit-speaker"))
			if !at.Shown {
				t.Fatalf("%s: the speaker's field is at %.0f–%.0f px, not in view in the sheet (from %.0f px)", when, at.Top, at.Bottom, at.Sheet)
			}
			b.run(chromedp.TapXY(at.X, at.Y))
			waitFor(t, b, `document.activeElement === document.getElementById("edit-speaker")`)
		}
		readMid("pretty balanced")
		at := evalJS[legendButtonAt](t, b, legendButtonShownJS("quote"))
		if !at.Shown {
			t.Fatalf("the legend's quote button is at %.0f–%.0f px, not in view", at.Top, at.Bottom)
		}
		b.run(chromedp.TapXY(at.X, at.Y))
		speaker(`"pretty balanced" tagged a quote with a tap`, "pretty balanced")
		// Another annotation selected, then the quote's highlight tapped.
		evalJS[bool](t, b, `(document.querySelector("#entries > li:not(.selected) .entry-main").click(), true)`)
		waitFor(t, b, `document.querySelector("#selected .excerpt").textContent === "“yes we can”"`)
		xy := readMid("pretty balanced")
		evalJS[bool](t, b, `(getSelection().removeAllRanges(), true)`)
		b.run(chromedp.TapXY(xy[0], xy[1]))
		speaker(`the highlight of "pretty balanced" tapped`, "pretty balanced")
	})
}

// TestShortPhoneTurnedKeepsTheSelectionInSight: a short phone turned
// while text is selected at the window's top, the legend staying there:
// the text, laid out anew, shows between the legend and the sheet, where
// the tap that tags it is made. The check for text under the legend ran
// only when a selection started.
func TestShortPhoneTurnedKeepsTheSelectionInSight(t *testing.T) {
	for _, turn := range [][2][2]int64{{shortPhones[0], shortPhones[1]}, {shortPhones[1], shortPhones[0]}} {
		t.Run(fmt.Sprintf("%dx%d-to-%dx%d", turn[0][0], turn[0][1], turn[1][0], turn[1][1]), func(t *testing.T) {
			b := onPhone(t, turn[0])
			for _, phrase := range []string{"yes we can", "pretty balanced"} {
				selectAtWindowTop(t, b, phrase)
				b.run(chromedp.EmulateViewport(turn[1][0], turn[1][1], chromedp.EmulateMobile, chromedp.EmulateTouch))
				settle(t, b)
				at := selectionInSight(t, b, fmt.Sprintf("%q selected, the phone turned", phrase))
				tapToTag(t, b, at, "quote", phrase)
				waitFor(t, b, `!document.documentElement.classList.contains("selecting")`)
				b.run(chromedp.EmulateViewport(turn[0][0], turn[0][1], chromedp.EmulateMobile, chromedp.EmulateTouch))
				settle(t, b)
			}
		})
	}
}
