package app

import (
	"html"
	"strconv"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// entriesHTML writes rows of the sidebar's list of annotations as HTML:
// rows holds the entries from index first of a list of total, in order,
// the selected one marked. The list says which rows it holds (data-first,
// data-total) for web/annotator.js, which stands the rows not drawn in
// with padding, and each row its place in the whole list for screen
// readers. Every value is escaped; the list is one root element, as
// app.Raw needs.
func entriesHTML(rows []annotate.Annotation, selected string, first, total int) string {
	var b strings.Builder
	b.Grow(len(rows) * 300)
	b.WriteString(`<ol id="entries" class="entries" aria-label="Annotations in document order" data-first="`)
	b.WriteString(strconv.Itoa(first))
	b.WriteString(`" data-total="`)
	b.WriteString(strconv.Itoa(total))
	b.WriteString(`">`)
	for i, ann := range rows {
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
		b.WriteString(`" aria-posinset="`)
		b.WriteString(strconv.Itoa(first + i + 1))
		b.WriteString(`" aria-setsize="`)
		b.WriteString(strconv.Itoa(total))
		b.WriteString(`"><button type="button" class="entry-main" aria-pressed="`)
		if ann.ID == selected {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
		b.WriteString(`"><span class="entry-text"><span class="badge `)
		b.WriteString(html.EscapeString(class))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(ann.Label))
		b.WriteString(`</span><span class="excerpt">“`)
		b.WriteString(html.EscapeString(excerpt(ann.Exact, 140)))
		b.WriteString(`”</span></span>`)
		more := false
		open := func() {
			if !more {
				b.WriteString(`<span class="entry-more">`)
				more = true
			}
		}
		var attrs []string
		for _, name := range attributeOrder(ann.Attributes) {
			attrs = append(attrs, name+": "+ann.Attributes[name])
		}
		if len(attrs) > 0 {
			open()
			b.WriteString(`<span class="attrs">`)
			b.WriteString(html.EscapeString(strings.Join(attrs, " · ")))
			b.WriteString(`</span>`)
		}
		if note := ann.Attributes[annotate.AttrNote]; note != "" {
			open()
			b.WriteString(`<span class="attrs note">note: `)
			b.WriteString(html.EscapeString(excerpt(note, 80)))
			b.WriteString(`</span>`)
		}
		if ann.Anchor != annotate.AnchorExact && ann.Anchor != "" {
			open()
			b.WriteString(`<span class="anchor">placed `)
			b.WriteString(html.EscapeString(anchorWords(ann.Anchor)))
			b.WriteString(`</span>`)
		}
		if more {
			b.WriteString(`</span>`)
		}
		b.WriteString(`</button></li>`)
	}
	b.WriteString(`</ol>`)
	return b.String()
}
