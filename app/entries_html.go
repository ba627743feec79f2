package app

import (
	"html"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// entriesHTML writes the sidebar's list of annotations as HTML: one entry a
// annotation, in the order given, the selected one marked. Every value is
// escaped; the list is one root element, as app.Raw needs.
func entriesHTML(list []annotate.Annotation, selected string) string {
	var b strings.Builder
	b.Grow(len(list) * 300)
	b.WriteString(`<ol id="entries" class="entries" aria-label="Annotations in document order">`)
	for _, ann := range list {
		class := labelClass(ann.Label)
		b.WriteString(`<li class="entry `)
		b.WriteString(html.EscapeString(class))
		if ann.ID == selected {
			b.WriteString(` selected`)
		}
		b.WriteString(`" id="entry-`)
		b.WriteString(html.EscapeString(ann.ID))
		b.WriteString(`" data-id="`)
		b.WriteString(html.EscapeString(ann.ID))
		b.WriteString(`"><button type="button" class="entry-main" aria-pressed="`)
		if ann.ID == selected {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
		b.WriteString(`"><span class="badge `)
		b.WriteString(html.EscapeString(class))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(ann.Label))
		b.WriteString(`</span><span class="excerpt">“`)
		b.WriteString(html.EscapeString(excerpt(ann.Exact, 140)))
		b.WriteString(`”</span>`)
		var attrs []string
		for _, name := range attributeOrder(ann.Attributes) {
			attrs = append(attrs, name+": "+ann.Attributes[name])
		}
		if len(attrs) > 0 {
			b.WriteString(`<span class="attrs">`)
			b.WriteString(html.EscapeString(strings.Join(attrs, " · ")))
			b.WriteString(`</span>`)
		}
		if note := ann.Attributes[annotate.AttrNote]; note != "" {
			b.WriteString(`<span class="attrs note">note: `)
			b.WriteString(html.EscapeString(excerpt(note, 80)))
			b.WriteString(`</span>`)
		}
		if ann.Anchor != annotate.AnchorExact && ann.Anchor != "" {
			b.WriteString(`<span class="anchor">placed `)
			b.WriteString(html.EscapeString(anchorWords(ann.Anchor)))
			b.WriteString(`</span>`)
		}
		b.WriteString(`</button></li>`)
	}
	b.WriteString(`</ol>`)
	return b.String()
}
