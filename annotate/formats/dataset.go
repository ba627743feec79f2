package formats

// This file keeps the dataset line: the export that a training pipeline
// reads without cleaning, one document to a line. It is the one
// implementation of the line: the workspace's dataset export and the
// "jsonl" format both write it here.
//
// Offsets count Unicode code points of the line's "text", start inclusive
// and end exclusive, so that in Python text[start:end] == span["text"] for
// every span, and a span's text is always that slice, taken from the text
// itself rather than from what the annotation remembers.
//
//	{"id": "sha256:…", "title": "…", "url": "…", "text": "…",
//	 "spans": [{"id": "…", "start": 10, "end": 24, "label": "quote", "text": "…", "speaker": "…"}],
//	 "label": [[10, 24, "quote"]],
//	 "meta": {…}}
//
// "spans" is what Prodigy and spaCy read (start, end, label and text of
// each span); "label" is the same spans as doccano's sequence-labelling
// import reads them, [start, end, "LABEL"] triples beside "text" (doccano
// shows the example {"text": "EU rejects German call to boycott British
// lamb.", "label": [[0, 2, "ORG"]]} on its import page; its offsets are
// Python string offsets, code points, as ours). A span's attributes follow
// its five fields, sorted by name; an attribute whose name is one of those
// five, or starts with "attr_", is written as "attr_" and its name
// (attrField). "sourceId" follows "id" when
// the document came from a batch line with an id. Orphans, which have no
// place in the text, are not written.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"

	"github.com/newsannotator/annotator/annotate"
)

// DatasetSpan is one span of a dataset line.
type DatasetSpan struct {
	ID    string
	Start int
	End   int
	Label string
	Text  string
	// Attributes are written after the other fields, flattened.
	Attributes map[string]string
	// Ignored names the members of another tool's span that are not
	// read, sorted: an attribute is text, and Prodigy's "token_start" is a
	// number (LineDoc says them).
	Ignored []string
}

// reservedSpanKeys are the fields an attribute cannot take the name of.
var reservedSpanKeys = map[string]bool{"id": true, "start": true, "end": true, "label": true, "text": true}

// spanField reports whether name is a span's own field.
func spanField(name string) bool { return reservedSpanKeys[name] }

// MarshalJSON writes the span's fields in a fixed order, then its
// attributes sorted by name.
func (s DatasetSpan) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"id":`)
	b.Write(marshalJSON(s.ID))
	fmt.Fprintf(&b, `,"start":%d,"end":%d,"label":`, s.Start, s.End)
	b.Write(marshalJSON(s.Label))
	b.WriteString(`,"text":`)
	b.Write(marshalJSON(s.Text))
	for _, k := range sortedKeys(s.Attributes) {
		b.WriteByte(',')
		b.Write(marshalJSON(attrField(k, spanField)))
		b.WriteByte(':')
		b.Write(marshalJSON(s.Attributes[k]))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// DatasetLine is one document of the dataset.
type DatasetLine struct {
	ID       string
	SourceID string
	Title    string
	URL      string
	Text     string
	Spans    []DatasetSpan
	Meta     annotate.Meta
}

// datasetWire is a DatasetLine as it is written: the order of its fields
// is the order of the JSON.
type datasetWire struct {
	ID       string        `json:"id"`
	SourceID string        `json:"sourceId,omitempty"`
	Title    string        `json:"title"`
	URL      string        `json:"url"`
	Text     string        `json:"text"`
	Spans    []DatasetSpan `json:"spans"`
	Label    [][3]any      `json:"label"`
	Meta     annotate.Meta `json:"meta"`
}

// MarshalJSON writes the line, with "label" made from its spans and both
// always arrays.
func (l DatasetLine) MarshalJSON() ([]byte, error) {
	w := datasetWire{ID: l.ID, SourceID: l.SourceID, Title: l.Title, URL: l.URL, Text: l.Text,
		Spans: l.Spans, Label: make([][3]any, len(l.Spans)), Meta: l.Meta}
	if w.Spans == nil {
		w.Spans = []DatasetSpan{}
	}
	for i, s := range l.Spans {
		w.Label[i] = [3]any{s.Start, s.End, s.Label}
	}
	return marshalJSON(w), nil
}

// ErrSpanText is the error of an annotation whose span does not hold its
// exact text: a file or a store that was changed by hand.
var ErrSpanText = errors.New("its span does not hold its text")

// NewDatasetLine returns the line of f's document and placed annotations
// (f.Orphans are left out), its spans sorted by start, end, label and id.
// An annotation whose span is not its exact text in the document's text is
// an error that wraps ErrSpanText.
func NewDatasetLine(f annotate.File) (DatasetLine, error) {
	d := f.Document
	text := annotate.NewText(d.Text)
	line := DatasetLine{ID: d.ID, Title: d.Title, URL: d.URL, Text: d.Text, Meta: d.Meta, Spans: []DatasetSpan{}}
	for _, a := range f.Annotations {
		if a.Anchor == annotate.AnchorOrphan {
			continue
		}
		if a.Start < 0 || a.End > text.Len() || a.Start >= a.End || text.Slice(a.Start, a.End) != a.Exact {
			return DatasetLine{}, fmt.Errorf("annotation %s: [%d, %d): %w", a.ID, a.Start, a.End, ErrSpanText)
		}
		line.Spans = append(line.Spans, DatasetSpan{ID: a.ID, Start: a.Start, End: a.End, Label: a.Label,
			Text: text.Slice(a.Start, a.End), Attributes: a.Attributes})
	}
	slices.SortFunc(line.Spans, func(a, b DatasetSpan) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID))
	})
	return line, nil
}

// marshalJSON writes v as JSON without escaping '<', '>' and '&', which a
// dataset's text is full of, and without a final newline. Every character
// that Python's str.splitlines takes for a line's end is escaped (see
// rawNEL), so that a dataset read with read_text().splitlines() has a
// document a line.
func marshalJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only strings, numbers, maps of strings and the types of this package are marshalled
	}
	return bytes.ReplaceAll(bytes.TrimSuffix(b.Bytes(), []byte("\n")), rawNEL, escapedNEL)
}

// rawNEL is U+0085 (NEXT LINE) in UTF-8: the one line break of Python's
// str.splitlines that encoding/json writes raw (it escapes the C0
// controls, U+2028 and U+2029), and a canonical text keeps. JSON's
// punctuation is ASCII, so the character is only ever inside a string,
// where its escape means the same.
var (
	rawNEL     = []byte("\u0085")
	escapedNEL = []byte(`\u0085`)
)

// sortedKeys returns the keys of m, sorted.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
