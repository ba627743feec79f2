//go:build !wasm

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	stdpng "image/png"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/newsannotator/annotator/annotate"
)

// This file looks at the app as a reader with Windows High Contrast sees
// it (CSS forced colours): Chromium then replaces the page's colours with
// the system's, and what the app tells apart by colour alone is lost.
// The checks read the pixels of screenshots, since the colours painted
// are not always those the computed styles say (custom highlights).

// emulateForcedColors turns on forced colours (and reduced motion, so
// that the caret does not blink away from a screenshot), and checks that
// this Chromium honours it.
func emulateForcedColors(t testing.TB, b *browser) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{
			{Name: "forced-colors", Value: "active"},
			{Name: "prefers-reduced-motion", Value: "reduce"},
		}})
		return err
	}))
	if !evalJS[bool](t, b, `matchMedia("(forced-colors: active)").matches && (() => {
		const d = document.createElement("div");
		d.style.color = "rgb(1, 2, 3)";
		document.body.appendChild(d);
		const c = getComputedStyle(d).color;
		d.remove();
		return c !== "rgb(1, 2, 3)";
	})()`) {
		t.Fatal("this Chromium does not emulate forced colours: the test needs them")
	}
}

// box is a rectangle in the viewport's CSS pixels.
type box struct{ X, Y, W, H float64 }

// phraseBox is the box of the first occurrence of phrase in the article,
// scrolled to the middle of the window.
func phraseBox(t testing.TB, b *browser, phrase string) box {
	t.Helper()
	selectPhrase(t, b, phrase, 0)
	return evalJS[box](t, b, `(() => {
		const r = getSelection().getRangeAt(0);
		getSelection().removeAllRanges();
		r.startContainer.parentElement.scrollIntoView({block: "center", behavior: "instant"});
		const b = r.getClientRects()[0];
		return {X: b.left, Y: b.top, W: b.width, H: b.height};
	})()`)
}

// elementBox is the box of the first element selector finds.
func elementBox(t testing.TB, b *browser, selector string) box {
	t.Helper()
	return evalJS[box](t, b, fmt.Sprintf(`(() => {
		const b = document.querySelector(%s).getBoundingClientRect();
		return {X: b.left, Y: b.top, W: b.width, H: b.height};
	})()`, jsString(selector)))
}

// shot returns the pixels of the window in bx, once two frames have
// been drawn since what came before.
func shot(t testing.TB, b *browser, bx box) image.Image {
	t.Helper()
	xy := evalJS[[]float64](t, b, `[scrollX, scrollY]`)
	bx.X, bx.Y = bx.X+xy[0], bx.Y+xy[1]
	evalJS[bool](t, b, `new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))`)
	var data []byte
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
			// The clip is in the page's coordinates; bx, in the window's.
			Clip: &page.Viewport{X: bx.X, Y: bx.Y, Width: bx.W, Height: bx.H, Scale: 1},
		})
		data = res.Data
		return err
	}))
	img, err := stdpng.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	return img
}

// rgbAt is the colour of a pixel.
func rgbAt(img image.Image, x, y int) annotate.RGB {
	r, g, bl, _ := img.At(x, y).RGBA()
	return annotate.RGB{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8)}
}

// background is the most common colour in img: behind text, the colour
// of what is under the glyphs.
func background(img image.Image) annotate.RGB {
	count := map[annotate.RGB]int{}
	var best annotate.RGB
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := rgbAt(img, x, y)
			count[c]++
			if count[c] > count[best] {
				best = c
			}
		}
	}
	return best
}

// backgroundOf is the colour under the text or the element in bx.
func backgroundOf(t testing.TB, b *browser, bx box) annotate.RGB {
	t.Helper()
	return background(shot(t, b, bx))
}

// contrasting is the share of img's pixels whose contrast with c is 3:1
// or more (WCAG's least for what is not text).
func contrasting(img image.Image, c annotate.RGB) float64 {
	n, all := 0, 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			all++
			if annotate.ContrastRatio(rgbAt(img, x, y), c) >= 3 {
				n++
			}
		}
	}
	return float64(n) / float64(all)
}

// tagTwoForced tags a quote and then a claim beside it in the sample
// (the claim is selected), and turns on forced colours.
func tagTwoForced(t testing.TB) *browser {
	t.Helper()
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "a peace deal could be achieved in Ukraine", "c")
	emulateForcedColors(t, b)
	return b
}

// caretAtFocusJS says whether the drawn caret shows at the selection's
// focus.
const caretAtFocusJS = `(() => {
	const c = document.querySelector(".text-caret");
	if (!c || c.hidden) return false;
	const s = getSelection(), r = document.createRange();
	r.setStart(s.focusNode, s.focusOffset);
	const at = r.getBoundingClientRect(), box = c.getBoundingClientRect();
	return box.height > 0 && Math.abs(box.left + box.width / 2 - at.left) < 2 && Math.abs(box.top - at.top) < 2;
})()`

// caretAt puts the caret in the focused article before the first
// character of phrase (its nth character, from 0) and returns the drawn
// caret's box, widened by a pixel on each side.
func caretAt(t testing.TB, b *browser, phrase string, nth int) box {
	t.Helper()
	b.run(chromedp.Focus(chromedp.ID("article")))
	selectPhrase(t, b, phrase, 0)
	evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const s = getSelection(), r = s.getRangeAt(0);
		r.startContainer.parentElement.scrollIntoView({block: "center", behavior: "instant"});
		s.collapse(r.startContainer, r.startOffset + %d);
		return true;
	})()`, nth))
	waitFor(t, b, caretAtFocusJS)
	bx := elementBox(t, b, ".text-caret")
	return box{bx.X - 1, bx.Y, bx.W + 2, bx.H}
}

// TestForcedColorsCaret: in forced colours the caret drawn in the article
// shows, on the page's background and on the selected annotation.
func TestForcedColorsCaret(t *testing.T) {
	b := tagTwoForced(t)
	for _, at := range []struct {
		where, phrase string
		nth           int
	}{
		{"in plain text", "when asked if", 4},
		{"in the selected annotation", "a peace deal could", 7},
	} {
		under := backgroundOf(t, b, phraseBox(t, b, at.phrase))
		caret := caretAt(t, b, at.phrase, at.nth)
		if share := contrasting(shot(t, b, caret), under); share < 0.4 {
			t.Errorf("%s, %.0f%% of the caret's pixels stand out from the background (%v) around it", at.where, 100*share, under)
		}
	}
}

// TestForcedColorsSelectedAnnotation: in forced colours the annotations
// show in the article, the selected one stands out from the others, and
// the text selected to tag stands out from the page.
func TestForcedColorsSelectedAnnotation(t *testing.T) {
	b := tagTwoForced(t)
	page := backgroundOf(t, b, phraseBox(t, b, "when asked if"))
	other := backgroundOf(t, b, phraseBox(t, b, "yes we can"))
	selected := backgroundOf(t, b, phraseBox(t, b, "a peace deal could"))
	if other == page {
		t.Errorf("the quote's highlight is the page's colour (%v)", page)
	}
	if c := annotate.ContrastRatio(selected, other); c < 3 {
		t.Errorf("the selected annotation (%v) and the one beside it (%v) differ by a contrast of %.2f:1, less than 3:1", selected, other, c)
	}
	if c := annotate.ContrastRatio(selected, page); c < 3 {
		t.Errorf("the selected annotation (%v) and the page (%v) differ by a contrast of %.2f:1, less than 3:1", selected, page, c)
	}
	// A selection of plain text, as to tag it.
	bx := phraseBox(t, b, "when asked if")
	selectPhrase(t, b, "when asked if", 0)
	if sel := backgroundOf(t, b, bx); annotate.ContrastRatio(sel, page) < 3 {
		t.Errorf("the text selected (%v) differs from the page (%v) by a contrast of %.2f:1, less than 3:1", sel, page, annotate.ContrastRatio(sel, page))
	}
}

// TestForcedColorsSelectedRow: in forced colours the selected
// annotation's row in the list stands out from the others, its text and
// badge read on it, and the focus ring shows on it.
func TestForcedColorsSelectedRow(t *testing.T) {
	b := tagTwoForced(t)
	const row = `#entries > li.selected`
	waitFor(t, b, `document.querySelector("`+row+`") !== null`)
	selected := backgroundOf(t, b, elementBox(t, b, row))
	other := backgroundOf(t, b, elementBox(t, b, `#entries > li:not(.selected)`))
	if c := annotate.ContrastRatio(selected, other); c < 3 {
		t.Errorf("the selected row (%v) and the other (%v) differ by a contrast of %.2f:1, less than 3:1", selected, other, c)
	}
	for _, part := range []string{".badge", ".excerpt"} {
		bx := elementBox(t, b, row+" "+part)
		img := shot(t, b, bx)
		if share := contrasting(img, background(img)); share < 0.05 {
			t.Errorf("in the selected row, %.1f%% of the pixels of %s stand out from its background", 100*share, part)
		}
	}
	// The focus ring, drawn inside the row's edge.
	evalJS[bool](t, b, `(document.querySelector("`+row+` .entry-main").focus({focusVisible: true}), true)`)
	waitFor(t, b, `document.activeElement.matches("`+row+` .entry-main:focus-visible")`)
	bx := elementBox(t, b, row+" .entry-main")
	edge := box{bx.X + 10, bx.Y, bx.W - 20, 3}
	if share := contrasting(shot(t, b, edge), selected); share < 0.5 {
		t.Errorf("%.0f%% of the pixels of the selected row's focus ring stand out from the row", 100*share)
	}
}

// TestSelectedRowShows: in the page's own colours too, the selected
// annotation's row is marked by more than its tint, #fff8d6 beside the
// others' #fbfbfc (1.03:1): a frame in the text's colour goes round it,
// and not round the others.
func TestSelectedRowShows(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "a peace deal could be achieved in Ukraine", "c")
	waitFor(t, b, `document.querySelector("#entries > li.selected") !== null`)
	for _, r := range []struct {
		row      string
		selected bool
	}{{"#entries > li.selected", true}, {"#entries > li:not(.selected)", false}} {
		bx := elementBox(t, b, r.row)
		under := backgroundOf(t, b, bx)
		share := contrasting(shot(t, b, box{bx.X + 10, bx.Y, bx.W - 20, 2}), under)
		if r.selected && share < 0.5 {
			t.Errorf("%.0f%% of the selected row's top edge stands out from its background (%v)", 100*share, under)
		}
		if !r.selected && share >= 0.5 {
			t.Errorf("%.0f%% of the top edge of a row not selected stands out from its background (%v), as the selected row's does", 100*share, under)
		}
	}
}

// TestForcedColorsPressedFilter: in forced colours the filter shown
// (pressed) stands out from the others, and its words read on it. It was
// told by its weight alone: its border's colour and the label's bar under
// it are colours, which forced colours take away.
func TestForcedColorsPressedFilter(t *testing.T) {
	b := tagTwoForced(t)
	const pressed, other = `.filters .filter[aria-pressed=true]`, `.filters .filter[aria-pressed=false]`
	waitFor(t, b, `document.querySelector("`+pressed+`") !== null && document.querySelector("`+other+`") !== null`)
	on := shot(t, b, elementBox(t, b, pressed))
	off := backgroundOf(t, b, elementBox(t, b, other))
	if c := annotate.ContrastRatio(background(on), off); c < 3 {
		t.Errorf("the filter pressed (%v) and one not (%v) differ by a contrast of %.2f:1, less than 3:1", background(on), off, c)
	}
	if share := contrasting(on, background(on)); share < 0.05 {
		t.Errorf("%.1f%% of the filter pressed stands out from its background: its words do not read", 100*share)
	}
}

// TestForcedColorsOverlaySelected: where the browser has no CSS Custom
// Highlight API, the annotations are boxes drawn over the text, and in
// forced colours the selected one stands out from the others: a frame
// goes round it. Its box's only mark was its background, which forced
// colours paint as the page's.
func TestForcedColorsOverlaySelected(t *testing.T) {
	srv := appServer(t)
	b := newBrowser(t)
	b.expectNoConsoleErrors()
	b.run(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: nohlJS})
		return err
	}), chromedp.Navigate(srv.URL+"/"))
	waitStarted(t, b)
	if evalJS[bool](t, b, `!!(window.CSS && CSS.highlights)`) {
		t.Fatal("the page still has the Highlight API")
	}
	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "a peace deal could be achieved in Ukraine", "c")
	waitFor(t, b, `document.querySelector(".hl-box.hl-selected") !== null`)
	emulateForcedColors(t, b)
	paper := backgroundOf(t, b, phraseBox(t, b, "when asked if"))
	for _, at := range []struct {
		phrase   string
		selected bool
	}{{"a peace deal could", true}, {"yes we can", false}} {
		bx := phraseBox(t, b, at.phrase)
		// The 3 px above the phrase's box, where the frame goes.
		share := contrasting(shot(t, b, box{bx.X + 4, bx.Y - 3, bx.W - 8, 3}), paper)
		if at.selected && share < 0.5 {
			t.Errorf("%.0f%% of the line above the selected annotation stands out from the page (%v)", 100*share, paper)
		}
		if !at.selected && share >= 0.5 {
			t.Errorf("%.0f%% of the line above an annotation not selected stands out from the page (%v), as for the selected one", 100*share, paper)
		}
	}
}

// TestForcedColorsLegendMatchesMarks: in forced colours each label's
// swatch in the legend is drawn as the article draws that label's
// annotations, the system's Mark with a line in the label's style under
// it. The swatches kept their backgrounds of the label's colour, which
// forced colours paint as the page's, while the article's marks are Mark.
func TestForcedColorsLegendMatchesMarks(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	phrases := map[string]string{"quote": "yes we can", "claim": "Mr Putin started the war", "pledge": "increase defence spending"}
	for label, phrase := range phrases {
		tagPhrase(t, b, phrase, label[:1])
	}
	// None selected: the last is a claim, selected; select another place.
	tagPhrase(t, b, "As he arrived on Thursday", "c")
	emulateForcedColors(t, b)
	for label, phrase := range phrases {
		mark := backgroundOf(t, b, phraseBox(t, b, phrase))
		evalJS[bool](t, b, `(scrollTo(0, 0), true)`)
		sw := elementBox(t, b, ".legend .swatch.label-"+label)
		img := shot(t, b, sw)
		if fill := background(img); !nearColor(fill, mark) {
			t.Errorf("the %s swatch is filled with %v, where the article marks a %s with %v", label, fill, label, mark)
		}
		// Its line under it, as in the article.
		if share := contrasting(shot(t, b, box{sw.X, sw.Y + sw.H - 2, sw.W, 2}), mark); share < 0.3 {
			t.Errorf("%.0f%% of the %s swatch's line stands out from the mark's colour (%v)", 100*share, label, mark)
		}
	}
}

// nearColor says whether two colours are the same but for rounding (a
// contrast ratio does not tell yellow from white: 1.07:1).
func nearColor(a, b annotate.RGB) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= 6 && int(y)-int(x) <= 6 }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}
