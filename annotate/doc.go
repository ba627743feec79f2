// Package annotate is the annotator's domain: everything about articles and
// their annotations that can be decided without a browser. It never
// imports syscall/js or go-app, and is tested natively.
//
// # Documents
//
// Load reads an article (an HTML page or plain text) into a Document: it
// decodes the characters, sanitises the HTML with a bluemonday policy made
// for articles, reads the page's metadata and flattens the result into the
// document's canonical text. The sanitised HTML is balanced and has
// exactly one root element, <article class="doc">.
//
// # The canonical text
//
// Every offset the package hands out counts Unicode code points over a
// document's canonical text, start inclusive and end exclusive, so that
// Python's text[start:end] is the span. The canonical text is what a reader
// sees, flattened from the sanitised HTML by this algorithm:
//
//   - Text nodes are visited in document order. Their white space (space,
//     tab, line feed, carriage return, form feed) collapses: a run of it
//     becomes one space, as CSS's white-space: normal renders it. NBSP and
//     the other Unicode spaces are characters like any other and are kept.
//   - Inside <pre>, white space is kept as it stands.
//   - Block elements ask for a separator before and after themselves: a
//     blank line ("\n\n") for p, h1 to h6, blockquote, pre, table, figure,
//     hr, address, details, and ul, ol and dl that are not nested in a
//     list item; a line break ("\n") for div, li, dt, dd, tr, caption,
//     figcaption, section, article, header, footer, aside, main, thead,
//     tbody, tfoot, summary and nested lists. A table cell after another
//     asks for a tab. An image's alt text asks for a space on each side.
//   - Where several separators are asked for at one place, only the
//     strongest is written (blank line, then line break, then tab, then
//     space), and only between two pieces of content: never at the start
//     or the end of the text. A collapsed space next to a line break is
//     dropped, as a browser does not show it.
//   - <br> writes a line break of its own, except before any content or
//     at the very end.
//
// A TextIndex maps between the canonical text and DOM positions of the
// sanitised HTML as a browser parses it: (text node, UTF-16 offset) pairs,
// where text nodes are counted in document order under the root element.
// Positions inside collapsed white space map to the nearest kept character.
//
// # Offsets
//
// Text converts offsets between code points, UTF-16 code units (what the
// DOM counts) and bytes (what Go strings count). It is the one place where
// offsets change unit.
//
// # Annotations
//
// An Annotation tags a span with a label of a Schema (claim, quote and
// pledge by default) and carries both anchors: its position and a text
// quote (the exact text with up to ContextLen code points of prefix and
// suffix). A Set holds the annotations of one document in a stable order,
// allows overlapping and nested spans, and can undo and redo every change.
//
// # Files
//
// NewFile and File.Marshal write the native JSON format, version 1, whose
// JSON Schema is JSONSchemaV1. Validate reports every problem of a file with
// its line and column. Import loads a file again: it sanitises the HTML
// anew and re-anchors every annotation (by position, then by quote and
// context, then by a fuzzy match), keeping what cannot be placed without
// guessing as an orphan.
package annotate
