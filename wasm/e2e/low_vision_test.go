//go:build !wasm

package e2e

import (
	"context"
	"fmt"
	"image"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
)

// This file checks what a reader with low vision needs of the page's own
// colours (WCAG 1.4.11): the edge of a field, which is all that shows
// where an empty field is, and the mark of the selected annotation stand
// out 3:1 from what is next to them.

// fieldEdge is a field's border colour and the colour behind it, as CSS
// gives them (rgb or rgba).
type fieldEdge struct{ Name, Border, Behind string }

const fieldEdgesJS = `[...document.querySelectorAll("input[type=text], input[type=search], select, textarea")].filter((el) => el.offsetParent && !el.closest(".visually-hidden")).map((el) => {
	let behind = "rgb(255, 255, 255)";
	for (let p = el.parentElement; p; p = p.parentElement) {
		const c = getComputedStyle(p).backgroundColor;
		if (!c.startsWith("rgba") || !c.endsWith(", 0)")) { behind = c; break; }
	}
	return {Name: el.id || el.getAttribute("aria-label") || el.className, Border: getComputedStyle(el).borderTopColor, Behind: behind};
})`

// parseRGB reads a CSS rgb() colour (an rgba() one by its colour alone).
func parseRGB(t testing.TB, s string) annotate.RGB {
	t.Helper()
	var r, g, b uint8
	if _, err := fmt.Sscanf(s, "rgb(%d, %d, %d)", &r, &g, &b); err != nil {
		if _, err := fmt.Sscanf(s, "rgba(%d, %d, %d,", &r, &g, &b); err != nil {
			t.Fatalf("colour %q: %v", s, err)
		}
	}
	return annotate.RGB{R: r, G: g, B: b}
}

// checkFieldEdges fails the test for each field whose edge stands out
// less than 3:1 from what is behind it.
func checkFieldEdges(t testing.TB, b *browser, where string) {
	t.Helper()
	edges := evalJS[[]fieldEdge](t, b, fieldEdgesJS)
	if len(edges) == 0 {
		t.Fatalf("%s: no field to look at", where)
	}
	for _, e := range edges {
		if c := annotate.ContrastRatio(parseRGB(t, e.Border), parseRGB(t, e.Behind)); c < 3 {
			t.Errorf("%s: the edge of the field %q (%s) stands out %.2f:1 from what is behind it (%s), less than 3:1", where, e.Name, e.Border, c, e.Behind)
		}
	}
}

// TestFieldEdgesShow: the fields of the toolbar, of the selected
// annotation's panel and of the library show where they are. Their edge
// was #d9dde2, 1.36:1 on white: an empty field (the speaker, the note, a
// search) could not be seen.
func TestFieldEdgesShow(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitFor(t, b, `document.getElementById("edit-speaker") !== null`)
	checkFieldEdges(t, b, "the workspace")
	showLibrary(t, b)
	checkFieldEdges(t, b, "the library")
}

// lineBoxes are the boxes of the lines of the first occurrence of phrase
// in the article (one a line it runs over), scrolled to the window's
// middle.
func lineBoxes(t testing.TB, b *browser, phrase string) []box {
	t.Helper()
	selectPhrase(t, b, phrase, 0)
	return evalJS[[]box](t, b, `(() => {
		const r = getSelection().getRangeAt(0);
		getSelection().removeAllRanges();
		r.startContainer.parentElement.scrollIntoView({block: "center", behavior: "instant"});
		return [...r.getClientRects()].filter((b) => b.width > 30).map((b) => ({X: b.left, Y: b.top, W: b.width, H: b.height}));
	})()`)
}

// rowColors are the most common colour of each row of pixels from a
// little above a line of text to a little below it, where what marks it
// (a fill, an underline, a line above) is drawn.
func rowColors(t testing.TB, b *browser, line box) []annotate.RGB {
	t.Helper()
	img := shot(t, b, box{line.X + 4, line.Y - 5, line.W - 8, line.H + 12})
	r := img.Bounds()
	rows := make([]annotate.RGB, 0, r.Dy())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		rows = append(rows, background(img.(interface {
			SubImage(image.Rectangle) image.Image
		}).SubImage(image.Rect(r.Min.X, y, r.Max.X, y+1))))
	}
	return rows
}

// selectedMark says whether a row of pixels marks the selected annotation
// on line: it stands out 3:1 from the annotation's own fill, from the
// page, and from the same row of each annotation not selected (others:
// the rows of a line of each), that is from what they draw in that place.
func selectedMark(t testing.TB, b *browser, line box, paper annotate.RGB, others [][]annotate.RGB) bool {
	t.Helper()
	fill := backgroundOf(t, b, line)
	for i, c := range rowColors(t, b, line) {
		if annotate.ContrastRatio(c, fill) < 3 || annotate.ContrastRatio(c, paper) < 3 {
			continue
		}
		if !slices.ContainsFunc(others, func(o []annotate.RGB) bool { return i >= len(o) || annotate.ContrastRatio(c, o[i]) < 3 }) {
			return true
		}
	}
	return false
}

// TestSelectedAnnotationShows: in the page's own colours the selected
// annotation is told from the others by a mark that stands out 3:1 from
// the page, from its fill and from what the highlight of each label draws
// in that place (WCAG 1.4.11), on each line of an annotation that wraps
// and over one nested in it; and the caret still shows in it. Its yellow
// fill was all that told it: 1.25:1 on a claim's, 1.49:1 on the page.
// So it is with the Highlight API, in a dark colour scheme, and where the
// browser has none (the annotations are boxes over the text).
func TestSelectedAnnotationShows(t *testing.T) {
	t.Run("highlights", func(t *testing.T) {
		b, _ := openApp(t)
		b.expectNoConsoleErrors()
		waitStarted(t, b)
		checkSelectedShows(t, b)
		emulateMedia(t, b, "prefers-color-scheme", "dark")
		checkSelectedShows(t, b)
	})
	t.Run("boxes", func(t *testing.T) {
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
		checkSelectedShows(t, b)
	})
}

// checkSelectedShows tags an annotation of each label and a selected one
// that wraps, with another nested in it (once: later calls find them),
// and checks what TestSelectedAnnotationShows says.
func checkSelectedShows(t *testing.T, b *browser) {
	t.Helper()
	// One annotation of each label, not selected, one of them nested in
	// another (where a line above marks the overlap), and the page.
	others := []string{"Sir Keir said Mr Trump can be trusted", "increase defence spending", "Mr Putin started the war"}
	// Selected: a claim of two lines and more, with a quote in it.
	const long = "The US President said “yes we can” when asked if a peace deal could be achieved in Ukraine, and the pair then headed inside followed by Foreign Secretary David Lammy"
	if entryCount(t, b) == 0 {
		tagPhrase(t, b, others[0], "q")
		tagPhrase(t, b, others[1], "p")
		tagPhrase(t, b, others[2], "c")
		tagPhrase(t, b, "the promise to increase defence spending to a 2.5% share", "c")
		tagPhrase(t, b, "yes we can", "q")
		tagPhrase(t, b, long, "c")
	}
	paper := backgroundOf(t, b, phraseBox(t, b, "As he arrived on Thursday"))
	var drawn [][]annotate.RGB
	for _, phrase := range others {
		drawn = append(drawn, rowColors(t, b, lineBoxes(t, b, phrase)[0]))
	}
	lines := lineBoxes(t, b, long)
	if len(lines) < 2 {
		t.Fatalf("the selected claim is on %d line: the test needs it to wrap", len(lines))
	}
	for i, line := range lines {
		if !selectedMark(t, b, line, paper, drawn) {
			t.Errorf("on its line %d, nothing marks the selected annotation 3:1 against its fill (%v), the page (%v) and what the others draw there (%v): it draws %v", i+1, backgroundOf(t, b, line), paper, drawn, rowColors(t, b, line))
		}
	}
	// Where the quote is nested in it.
	if nested := lineBoxes(t, b, "yes we can"); len(nested) != 1 {
		t.Fatalf("the nested quote is on %d lines", len(nested))
	} else if !selectedMark(t, b, nested[0], paper, drawn) {
		t.Errorf("over the quote nested in it, nothing marks the selected annotation 3:1: it draws %v", rowColors(t, b, nested[0]))
	}
	// The caret, in the selected annotation.
	under := backgroundOf(t, b, phraseBox(t, b, "when asked if"))
	caret := caretAt(t, b, "when asked if", 4)
	if share := contrasting(shot(t, b, caret), under); share < 0.4 {
		t.Errorf("in the selected annotation, %.0f%% of the caret's pixels stand out from the fill (%v) around it", 100*share, under)
	}
}

// emulateMedia makes the page see a media feature (a DevTools emulation,
// which replaces the one before).
func emulateMedia(t testing.TB, b *browser, name, value string) {
	t.Helper()
	b.runIn(t, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: name, Value: value}}})
		return err
	}))
	if !evalJS[bool](t, b, fmt.Sprintf(`matchMedia("(%s: %s)").matches`, name, value)) {
		t.Fatalf("this Chromium does not emulate %s: %s", name, value)
	}
}

// colorPair is an element's colour (its text's, or a field's edge) and
// the colour behind it, as CSS gives them.
type colorPair struct{ Name, Fore, Behind string }

// textColorsJS lists the colour of each element's own text in view and
// of each field's edge, with the colour behind it.
const textColorsJS = `(() => {
	const behind = (el) => {
		for (let p = el; p; p = p.parentElement) {
			const c = getComputedStyle(p).backgroundColor;
			if (!c.startsWith("rgba") || !c.endsWith(", 0)")) return c;
		}
		return "rgb(255, 255, 255)";
	};
	const out = [];
	for (const el of document.querySelectorAll("body *")) {
		if (!el.getClientRects().length || el.closest(".visually-hidden, [hidden]")) continue;
		const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + "." + [...el.classList].join(".");
		if ([...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim())) {
			out.push({Name: name, Fore: getComputedStyle(el).color, Behind: behind(el)});
		}
		if (el.matches("input[type=text], input[type=search], select, textarea")) {
			out.push({Name: name + " (edge)", Fore: getComputedStyle(el).borderTopColor, Behind: behind(el.parentElement)});
		}
	}
	return out;
})()`

// TestMoreContrast: a reader who asks the system for more contrast
// (prefers-contrast: more) gets the fields' edges at 4.5:1 and more
// (3.6:1 without it, #80878f on white), and no text or edge with less
// contrast than without it. The style sheet did not look at it.
func TestMoreContrast(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	tagPhrase(t, b, "yes we can", "q")
	waitFor(t, b, `document.getElementById("edit-speaker") !== null`)
	for _, view := range []string{"the workspace", "the library"} {
		if view == "the library" {
			emulateMedia(t, b, "prefers-contrast", "no-preference")
			showLibrary(t, b)
		}
		plain := evalJS[[]colorPair](t, b, textColorsJS)
		emulateMedia(t, b, "prefers-contrast", "more")
		more := evalJS[[]colorPair](t, b, textColorsJS)
		if len(more) != len(plain) || len(plain) == 0 {
			t.Fatalf("%s: %d colours without more contrast, %d with", view, len(plain), len(more))
		}
		ratio := func(p colorPair) float64 {
			return annotate.ContrastRatio(parseRGB(t, p.Fore), parseRGB(t, p.Behind))
		}
		for i, p := range plain {
			if r0, r1 := ratio(p), ratio(more[i]); r1 < r0-0.01 {
				t.Errorf("%s: %s is %.2f:1 with more contrast, %.2f:1 without", view, p.Name, r1, r0)
			}
			if strings.HasSuffix(p.Name, " (edge)") && ratio(more[i]) < 4.5 {
				t.Errorf("%s: with more contrast, the edge of the field %s is %.2f:1 (%s on %s)", view, p.Name, ratio(more[i]), more[i].Fore, more[i].Behind)
			}
		}
	}
}
