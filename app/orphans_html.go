package app

// This file writes the rows of the sidebar's list of orphans as HTML,
// every value escaped. In the browser go-app draws the list empty, once
// (orphanShell), and the sidebar puts its rows by id through
// web/sidebar.js (setOrphans): go-app compares a list by position, so
// that dropping the first of 300 orphans wrote each of the 299 after it
// anew. Elsewhere (the server's prerender, native tests) the list is
// drawn whole.

import (
	"html"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// orphanListID is the id of the list of orphans.
const orphanListID = "orphan-list"

// orphanShell is the list of orphans as go-app draws it in the browser:
// empty, and the same string at every render, so that go-app never
// replaces it.
const orphanShell = `<ul id="` + orphanListID + `"></ul>`

// orphansHTML writes the list of orphans whole, the first one's Place
// its Tab stop.
func orphansHTML(orphans []annotate.Annotation) string {
	var b strings.Builder
	b.WriteString(`<ul id="` + orphanListID + `">`)
	for i, o := range orphans {
		writeOrphan(&b, o, i == 0)
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// writeOrphan writes orphan o's row: its label, its words, and the
// buttons that place it on the text selected and drop it, which the
// list's one click handler tells apart by their class (placeOrDrop).
//
// The list is one Tab stop, as a long list of orphans put 2 stops an
// orphan before the list of annotations: its buttons are out of the Tab
// order but the one that is its stop (stop, here the Place button), and
// web/sidebar.js moves the stop with the arrow keys and after a drop
// (setOrphans, roveOrphans).
func writeOrphan(b *strings.Builder, o annotate.Annotation, stop bool) {
	class := html.EscapeString(labelClass(o.Label))
	id := html.EscapeString(o.ID)
	b.WriteString(`<li class="orphan `)
	b.WriteString(class)
	b.WriteString(`" data-id="`)
	b.WriteString(id)
	b.WriteString(`"><span class="badge `)
	b.WriteString(class)
	b.WriteString(`" id="orphan-label-`)
	b.WriteString(id)
	b.WriteString(`">`)
	b.WriteString(html.EscapeString(o.Label))
	b.WriteString(`</span><span class="excerpt" id="orphan-text-`)
	b.WriteString(id)
	b.WriteString(`">`)
	b.WriteString(html.EscapeString(quoted(o.Exact, 120)))
	// Each button is described by its orphan's label and words: the
	// arrows go from one Place to the next, and a screen reader said
	// "Place, button" at each, nothing of which orphan it was.
	describedBy := ` aria-describedby="orphan-label-` + id + ` orphan-text-` + id + `"`
	b.WriteString(`</span><button type="button" class="place" title="Place it on the text selected in the article"`)
	b.WriteString(describedBy)
	if stop {
		b.WriteString(` tabindex="0">Place</button>`)
	} else {
		b.WriteString(` tabindex="-1">Place</button>`)
	}
	b.WriteString(`<button type="button" class="drop" title="Drop this annotation"`)
	b.WriteString(describedBy)
	b.WriteString(` tabindex="-1">Drop</button></li>`)
}
