package workspace

// This file keeps the dataset line: the export that a training pipeline
// reads without cleaning. One document to a line, its spans with offsets
// in code points of the canonical text, so that in Python
// text[start:end] == span["text"] for every span, and the span's text is
// always that slice, taken from the text itself rather than from what the
// annotation remembers.
//
//	{"id": "sha256:…", "title": "…", "url": "…", "text": "…",
//	 "spans": [{"id": "…", "start": 10, "end": 24, "label": "quote", "text": "…", "speaker": "…"}],
//	 "meta": {…}}
//
// A span's attributes follow its five fields, sorted by name; an attribute
// whose name is one of those five is written as "attr_" and its name.
// "sourceId" follows "id" when the document came from a batch line with an
// id. Orphans, which have no place in the text, are not written.

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"

	"github.com/newsannotator/annotator/annotate"
)

// Selection says which documents an export holds. The zero Selection
// holds the whole library.
type Selection struct {
	// IDs, when not nil, are the documents to export, in this order.
	IDs []string
	// Done keeps only the documents marked StatusDone.
	Done bool
}

// SelectAll is the whole library; SelectDone every document marked done.
var (
	SelectAll  = Selection{}
	SelectDone = Selection{Done: true}
)

// SelectIDs is the documents with the ids given, in that order.
func SelectIDs(ids ...string) Selection { return Selection{IDs: slices.Clone(ids)} }

// DatasetSpan is one span of a dataset line.
type DatasetSpan struct {
	ID    string
	Start int
	End   int
	Label string
	Text  string
	// Attributes are written after the other fields, flattened.
	Attributes map[string]string
}

// reservedSpanKeys are the fields an attribute cannot take the name of.
var reservedSpanKeys = map[string]bool{"id": true, "start": true, "end": true, "label": true, "text": true}

// MarshalJSON writes the span's fields in a fixed order, then its
// attributes sorted by name.
func (s DatasetSpan) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"id":`)
	b.Write(marshal(s.ID))
	fmt.Fprintf(&b, `,"start":%d,"end":%d,"label":`, s.Start, s.End)
	b.Write(marshal(s.Label))
	b.WriteString(`,"text":`)
	b.Write(marshal(s.Text))
	names := make([]string, 0, len(s.Attributes))
	for k := range s.Attributes {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		key := k
		if reservedSpanKeys[k] {
			key = "attr_" + k
		}
		b.WriteByte(',')
		b.Write(marshal(key))
		b.WriteByte(':')
		b.Write(marshal(s.Attributes[k]))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// DatasetLine is one document of the dataset.
type DatasetLine struct {
	ID       string        `json:"id"`
	SourceID string        `json:"sourceId,omitempty"`
	Title    string        `json:"title"`
	URL      string        `json:"url"`
	Text     string        `json:"text"`
	Spans    []DatasetSpan `json:"spans"`
	Meta     annotate.Meta `json:"meta"`
}

// marshal writes v as JSON without escaping '<', '>' and '&', which a
// dataset's text is full of.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only strings, numbers and the types above are marshalled
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// Dataset returns the line of document id.
func (w *Workspace) Dataset(id string) (DatasetLine, error) {
	rec, err := w.store.Document(id)
	if err != nil {
		return DatasetLine{}, err
	}
	anns, err := w.store.Annotations(id)
	if err != nil {
		return DatasetLine{}, err
	}
	text := annotate.NewText(rec.Text)
	line := DatasetLine{ID: rec.ID, SourceID: rec.SourceID, Title: rec.Title, URL: rec.URL, Text: rec.Text, Meta: rec.Meta,
		Spans: []DatasetSpan{}}
	for _, a := range anns {
		if a.Anchor == annotate.AnchorOrphan {
			continue
		}
		if a.Start < 0 || a.End > text.Len() || a.Start >= a.End || text.Slice(a.Start, a.End) != a.Exact {
			return DatasetLine{}, fmt.Errorf("document %s, annotation %s: its span [%d, %d) does not hold its text: %w", id, a.ID, a.Start, a.End, ErrCorrupt)
		}
		line.Spans = append(line.Spans, DatasetSpan{ID: a.ID, Start: a.Start, End: a.End, Label: a.Label,
			Text: text.Slice(a.Start, a.End), Attributes: a.Attributes})
	}
	slices.SortFunc(line.Spans, func(a, b DatasetSpan) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID))
	})
	return line, nil
}

// ExportDataset writes the documents of sel to out as JSON Lines, one
// document to a line, and returns how many it wrote. The whole library
// and the done documents come in the order they were added. Every id of
// sel must be in the workspace: one that is not is refused, with
// ErrNoDocument, before anything is written.
func (w *Workspace) ExportDataset(out io.Writer, sel Selection) (int, error) {
	ids, err := w.selected(sel)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(out)
	for i, id := range ids {
		line, err := w.Dataset(id)
		if err != nil {
			return i, err
		}
		bw.Write(marshal(line))
		if err := bw.WriteByte('\n'); err != nil {
			return i, err
		}
	}
	return len(ids), bw.Flush()
}

// selected returns the ids of sel's documents, in export order.
func (w *Workspace) selected(sel Selection) ([]string, error) {
	all, err := w.store.Documents()
	if err != nil {
		return nil, err
	}
	byID := make(map[string]Summary, len(all))
	for _, s := range all {
		byID[s.ID] = s
	}
	var ids []string
	if sel.IDs != nil {
		for _, id := range sel.IDs {
			s, ok := byID[id]
			if !ok {
				return nil, fmt.Errorf("document %s: %w", id, ErrNoDocument)
			}
			if !sel.Done || s.Status == StatusDone {
				ids = append(ids, id)
			}
		}
		return ids, nil
	}
	status := Status("")
	if sel.Done {
		status = StatusDone
	}
	for _, s := range List(all, Query{Sort: SortAdded, Status: status}) {
		ids = append(ids, s.ID)
	}
	return ids, nil
}
