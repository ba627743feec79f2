package app

import (
	"fmt"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// Each label's colour comes from the schema, which a team may change, so
// its styles are made here and installed as a constructed style sheet
// (the page's Content-Security-Policy allows no inline style).

// labelClass is the CSS class, and the highlight name, of a label.
func labelClass(name string) string { return "label-" + name }

// decorations tell labels apart without colour: each label's highlight is
// underlined in its own style, for readers who cannot tell the colours
// apart.
var decorations = []string{"solid", "dashed", "dotted", "double", "wavy"}

// labelCSS returns the style sheet for a schema's labels: the highlight of
// each, the swatch and badge that name it, and the overlay boxes used where
// the browser has no CSS Custom Highlight API.
func labelCSS(schema annotate.Schema) string {
	var b strings.Builder
	for i, l := range schema.Labels {
		c := labelColor(l.Color)
		r, g, bl := c.R, c.G, c.B
		class := labelClass(l.Name)
		deco := decorations[i%len(decorations)]
		fill := fmt.Sprintf("rgba(%d, %d, %d, 0.22)", r, g, bl)
		line := fmt.Sprintf("rgb(%d, %d, %d)", r, g, bl)
		fmt.Fprintf(&b, "::highlight(%s) { background-color: %s; text-decoration: underline %s %s 2px; text-underline-offset: 3px; }\n", class, fill, deco, line)
		// In forced colours the label's colour is gone (web/app.css):
		// the highlight is the system's Mark, and its underline, still
		// in the label's style, is in the text's colour.
		fmt.Fprintf(&b, "@media (forced-colors: active) { ::highlight(%s) { background-color: Mark; color: MarkText; text-decoration-color: MarkText; } }\n", class)
		fmt.Fprintf(&b, ".hl-box.hl-%s { background-color: %s; border-bottom: 2px %s %s; }\n", class, fill, cssBorder(deco), line)
		fmt.Fprintf(&b, ".swatch.%s { background-color: %s; border-bottom: 3px %s %s; }\n", class, fill, cssBorder(deco), line)
		// The badge's text is black or white, whichever reads on the colour.
		fmt.Fprintf(&b, ".badge.%s { background-color: %s; color: %s; }\n", class, line, annotate.TextOn(c).Hex())
		fmt.Fprintf(&b, ".entry.%s { border-left-color: %s; }\n", class, line)
		fmt.Fprintf(&b, ".filter.%s[aria-pressed=true] { box-shadow: inset 0 -3px 0 %s; }\n", class, line)
	}
	return b.String()
}

// cssBorder maps a text-decoration style to a border style that exists.
func cssBorder(deco string) string {
	if deco == "wavy" {
		return "dashed"
	}
	return deco
}

// labelColor parses a label's #rrggbb; the schema was validated, so a bad
// colour is grey.
func labelColor(color string) annotate.RGB {
	if c, ok := annotate.ParseColor(color); ok {
		return c
	}
	return annotate.RGB{R: 128, G: 128, B: 128}
}

// installLabelStyles puts a schema's label styles into the page.
func installLabelStyles(schema annotate.Schema) {
	if h := helper(); h.Truthy() {
		h.Call("style", labelCSS(schema))
	}
}
