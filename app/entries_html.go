package app

// This file writes the sidebar's rows as HTML, every value escaped: the
// one place a row is written, for the list drawn whole (outside the
// browser) and for the rows put one by one in the page (setRows in
// web/sidebar.js, which never writes a row itself).

import (
	"html"
	"strconv"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// entriesHTML writes rows of the sidebar's list of annotations as HTML:
// rows holds the entries from index first of a list of total, in order,
// the selected one marked. The list says which rows it holds (data-first,
// data-total) for web/sidebar.js, which stands the rows not drawn in
// with padding, and each row its place in the whole list for screen
// readers. Every value is escaped; the list is one root element, as
// app.Raw needs. It is the list as drawn where there is no page to patch
// (the server's prerender, native tests); in the browser the list starts
// empty (listShell) and its rows are put by the sidebar (drawRows).
func entriesHTML(rows []annotate.Annotation, selected string, first, total int) string {
	var b strings.Builder
	b.Grow(len(rows) * 300)
	b.WriteString(`<ol id="entries" class="entries" aria-label="Annotations in document order" data-first="`)
	b.WriteString(strconv.Itoa(first))
	b.WriteString(`" data-total="`)
	b.WriteString(strconv.Itoa(total))
	b.WriteString(`">`)
	for i, ann := range rows {
		writeRow(&b, ann, ann.ID == selected, first+i+1, total)
	}
	b.WriteString(`</ol>`)
	return b.String()
}

// listShell is the sidebar's list as go-app draws it in the browser:
// empty, and the same string at every render, so that go-app never
// replaces it; its rows are put by web/sidebar.js's setRows.
const listShell = `<ol id="entries" class="entries" aria-label="Annotations in document order"></ol>`

// rowHTML returns one row of the list, without its place (setRows numbers
// the rows where it puts them): the row is then the same HTML wherever it
// lies in the list, and a row changes only when its annotation or its
// being selected does.
func rowHTML(ann annotate.Annotation, selected bool) string {
	var b strings.Builder
	b.Grow(300)
	writeRow(&b, ann, selected, 0, 0)
	return b.String()
}

// writeRow writes annotation ann's row, with its place (aria-posinset,
// from 1) among total when place is above 0.
func writeRow(b *strings.Builder, ann annotate.Annotation, selected bool, place, total int) {
	class := labelClass(ann.Label)
	b.WriteString(`<li class="entry `)
	b.WriteString(html.EscapeString(class))
	if selected {
		b.WriteString(` selected`)
	}
	b.WriteString(`" id="entry-`)
	b.WriteString(html.EscapeString(ann.ID))
	b.WriteString(`" data-id="`)
	b.WriteString(html.EscapeString(ann.ID))
	if place > 0 {
		b.WriteString(`" aria-posinset="`)
		b.WriteString(strconv.Itoa(place))
		b.WriteString(`" aria-setsize="`)
		b.WriteString(strconv.Itoa(total))
	}
	b.WriteString(`"><button type="button" class="entry-main" aria-pressed="`)
	if selected {
		b.WriteString("true")
	} else {
		b.WriteString("false")
	}
	b.WriteString(`"><span class="entry-text"><span class="badge `)
	b.WriteString(html.EscapeString(class))
	b.WriteString(`">`)
	b.WriteString(html.EscapeString(ann.Label))
	b.WriteString(`</span><span class="excerpt">`)
	b.WriteString(html.EscapeString(quoted(ann.Exact, 140)))
	b.WriteString(`</span></span>`)
	more := false
	open := func() {
		if !more {
			b.WriteString(`<span class="entry-more">`)
			more = true
		}
	}
	// Each value is isolated (<bdi>): a speaker in Hebrew or Arabic next
	// to a party in English, in one line of the list, took the separator
	// and the next name into its right-to-left run, and read in the wrong
	// order.
	if names := attributeOrder(ann.Attributes); len(names) > 0 {
		open()
		b.WriteString(`<span class="attrs">`)
		for i, name := range names {
			if i > 0 {
				b.WriteString(" · ")
			}
			b.WriteString(html.EscapeString(name))
			b.WriteString(`: <bdi>`)
			b.WriteString(html.EscapeString(ann.Attributes[name]))
			b.WriteString(`</bdi>`)
		}
		b.WriteString(`</span>`)
	}
	if note := ann.Attributes[annotate.AttrNote]; note != "" {
		open()
		b.WriteString(`<span class="attrs note">note: <bdi>`)
		b.WriteString(html.EscapeString(excerpt(note, 80)))
		b.WriteString(`</bdi></span>`)
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
