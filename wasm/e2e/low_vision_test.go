//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// This file checks what a reader with low vision needs of the page's own
// colours (WCAG 1.4.11): the edge of a field, which is all that shows
// where an empty field is, stands out 3:1 from what is behind it.

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
