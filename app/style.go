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
	// drawn holds the colour and underline of each label drawn: a label
	// whose colour an earlier one has takes an underline that one has
	// not. The colours of the labels an import adds come round every ten
	// (formats' palette) and the underlines every five, so that labels
	// ten apart were drawn alike.
	drawn := map[string]bool{}
	for i, l := range schema.Labels {
		c := labelColor(l.Color)
		class := labelClass(l.Name)
		deco := decorations[i%len(decorations)]
		for k := 1; k < len(decorations) && drawn[c.Hex()+deco]; k++ {
			deco = decorations[(i+k)%len(decorations)]
		}
		drawn[c.Hex()+deco] = true
		fill := fmt.Sprintf("rgba(%d, %d, %d, %g)", c.R, c.G, c.B, fillAlpha)
		// The lines that mark a label's spans, entries and filter stand
		// 3:1 on the page and on the label's fill (annotate.LineOn); the
		// badge keeps the colour as chosen, its text read on it.
		lc := annotate.LineOn(c, lineGrounds(c)...)
		line := fmt.Sprintf("rgb(%d, %d, %d)", lc.R, lc.G, lc.B)
		badge := fmt.Sprintf("rgb(%d, %d, %d)", c.R, c.G, c.B)
		fmt.Fprintf(&b, "::highlight(%s) { background-color: %s; text-decoration: underline %s %s 2px; text-underline-offset: 3px; }\n", class, fill, deco, line)
		// In forced colours the label's colour is gone (web/app.css):
		// the highlight is the system's Mark, and its underline, still
		// in the label's style, is in the text's colour.
		fmt.Fprintf(&b, "@media (forced-colors: active) { ::highlight(%s) { background-color: Mark; color: MarkText; text-decoration-color: MarkText; } }\n", class)
		fmt.Fprintf(&b, ".hl-box.hl-%s { background-color: %s; border-bottom: 2px %s %s; }\n", class, fill, cssBorder(deco), line)
		fmt.Fprintf(&b, ".swatch.%s { background-color: %s; border-bottom: 3px %s %s; }\n", class, fill, cssBorder(deco), line)
		// The badge's text is black or white, whichever reads on the colour.
		fmt.Fprintf(&b, ".badge.%s { background-color: %s; color: %s; }\n", class, badge, annotate.TextOn(c).Hex())
		fmt.Fprintf(&b, ".entry.%s { border-left-color: %s; }\n", class, line)
		fmt.Fprintf(&b, ".filter.%s[aria-pressed=true] { box-shadow: inset 0 -3px 0 %s; }\n", class, line)
	}
	return b.String()
}

// fillAlpha is the opacity of a label's fill over the article.
const fillAlpha = 0.22

// canvas is a <pre>'s background in the article (web/app.css's --canvas);
// the rest of it is on white (--paper).
var canvas = annotate.RGB{R: 0xf4, G: 0xf5, B: 0xf7}

// lineGrounds returns what a line in label colour c is drawn against: the
// article's backgrounds, and c's own fill on each (a span's underline
// runs under its highlighted text).
func lineGrounds(c annotate.RGB) []annotate.RGB {
	return []annotate.RGB{annotate.White, canvas, annotate.Over(c, fillAlpha, annotate.White), annotate.Over(c, fillAlpha, canvas)}
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

// installLabelStyles puts a schema's label styles into the page, unless
// the page has them already: a style sheet replaced, even by the same
// rules, has the browser style the whole article again, and a tab that
// follows another's changes shows each with the schema it had.
func installLabelStyles(schema annotate.Schema) {
	css := labelCSS(schema)
	if h := helper(); h.Truthy() && css != installedCSS {
		h.Call("style", css)
		installedCSS = css
	}
}

// installedCSS is the label styles the page has (installLabelStyles).
var installedCSS string
