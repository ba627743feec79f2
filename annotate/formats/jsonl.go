package formats

// This file is the JSON Lines format, "jsonl": one dataset line to a
// document (dataset.go), whose offsets count Unicode code points of the
// line's "text", as Python, spaCy, Prodigy and doccano count them. Its
// import reads dataset lines, doccano's lines ("text" and "label") and
// batch lines (an article without spans) alike, a line at a time: a bad
// line is a Fault with its number, and the other lines are kept. Labels
// of other tools ("ORG", "Person Name") are made names a schema takes,
// with a note (Build).

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

var jsonl = Format{
	Name:      "jsonl",
	Unit:      annotate.OffsetUnit,
	Extension: ".jsonl",
	Export:    exportJSONL,
	Import:    importJSONL,
	Recognise: isJSONL,
}

// exportJSONL writes one dataset line to a file, in the files' order, as
// one output. The orphans of a file are not written: they have no place
// in the text.
func exportJSONL(files []annotate.File, _ time.Time) ([]Output, error) {
	return writeJSONL(files, nil)
}

// ExportJSONLDocs is the "jsonl" export of docs, each line with the id its
// format gave its document as "sourceId", as the workspace's dataset
// export writes it: a conversion keeps the ids a batch gave its articles.
func ExportJSONLDocs(docs []Doc) ([]Output, error) {
	files := make([]annotate.File, len(docs))
	ids := make([]string, len(docs))
	for i, d := range docs {
		files[i], ids[i] = d.File, d.SourceID
	}
	return writeJSONL(files, ids)
}

// writeJSONL writes one dataset line to a file, with sourceIDs[i], when
// sourceIDs is not nil, as the "sourceId" of line i.
func writeJSONL(files []annotate.File, sourceIDs []string) ([]Output, error) {
	var b bytes.Buffer
	for i, f := range files {
		line, err := NewDatasetLine(f)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", f.Document.ID, err)
		}
		if sourceIDs != nil {
			line.SourceID = sourceIDs[i]
		}
		b.Write(marshalJSON(line))
		b.WriteByte('\n')
	}
	return []Output{{Data: b.Bytes()}}, nil
}

func importJSONL(inputs []Input, _ Known) ([]Doc, []*Fault) {
	var docs []Doc
	var faults []*Fault
	for _, in := range inputs {
		lines := SplitLines(in.Data)
		if len(lines) == 0 {
			faults = append(faults, &Fault{Name: in.Name, Message: ErrNoLines.Error()})
		}
		for _, l := range lines {
			n := l.N
			from := fmt.Sprintf("%s:%d", in.Name, n)
			line, err := ParseLine(l.Data)
			if err == nil {
				err = line.CheckArticle()
			}
			var d Doc
			if err == nil {
				d, err = LineDoc(line, from)
			}
			if err != nil {
				faults = append(faults, &Fault{Name: in.Name, Line: n, Message: err.Error()})
				continue
			}
			docs = append(docs, d)
		}
	}
	return docs, faults
}

// LineDoc makes the Doc of a line read from from ("name:line"): a line
// with "text" through Build, its spans placed on the canonical text (a
// span not within the text is one of the Doc's Faults); a line with
// "html" loaded and sanitised as the app opens a page.
func LineDoc(l Line, from string) (Doc, error) { return LineDocIn(l, from, nil) }

// LineDocIn is LineDoc for a workspace whose label schema is schema (nil:
// the default): a line's spans take its labels, keys and colours, and
// only the labels it lacks are added. A workspace of 24 labels refused its
// own dataset, the default's three added to its own over the 26 allowed.
func LineDocIn(l Line, from string, schema *annotate.Schema) (Doc, error) {
	if l.HTML != nil {
		doc, err := LineArticle(l, from)
		if err != nil {
			return Doc{}, err
		}
		return Doc{File: annotate.NewFile(doc, nil, nil, time.Time{}), SourceID: cmp.Or(l.SourceID, l.ID), From: from, Notes: LineNotes(l, "")}, nil
	}
	// A line whose id is its text's, as the dataset export writes it,
	// holds a canonical text: it is kept as it stands, and its id is no
	// source id (the document's own id is that one). So is the text of a
	// line with spans, another tool's (doccano's, Prodigy's): its offsets
	// count that very text, tabs, runs of spaces and CRLFs included, and
	// read as a .txt it would lose them, its spans moved by their quotes
	// (a quote with two spaces in it to a close match with one).
	own := l.HoldsCanonicalText()
	verbatim := l.Verbatim()
	p := Plain{SourceID: l.SourceID, Title: annotate.CleanTitle(l.Title), URL: l.URL, Text: *l.Text, Verbatim: verbatim, Schema: schema}
	if !own {
		p.SourceID = cmp.Or(l.SourceID, l.ID)
	}
	// A line without a title is named by its id (a document's own id is a
	// hash, which names nothing), else by its file and line: a title from
	// the file's name alone would name every line of it the same.
	if p.Title == "" {
		p.Title = from
		if !own {
			p.Title = cmp.Or(annotate.CleanTitle(l.ID), from)
		}
	}
	if l.Meta != nil {
		p.Meta = *l.Meta
	}
	given := annotate.NewText(*l.Text)
	var notes []string
	if len(l.Ignored) > 0 {
		notes = append(notes, fmt.Sprintf(annotate.Plural(len(l.Ignored), "its field %s was not read: a line takes %s", "its fields %s were not read: a line takes %s"),
			annotate.QuoteList(l.Ignored), lineFields))
	}
	for i, s := range l.Spans {
		if len(s.Ignored) > 0 {
			notes = append(notes, fmt.Sprintf(annotate.Plural(len(s.Ignored), "span %d (%s): its member %s was not read: a span's attributes are text",
				"span %d (%s): its members %s were not read: a span's attributes are text"), i+1, s.Label, annotate.QuoteList(s.Ignored)))
		}
		if s.Text != "" && s.Text != given.Slice(s.Start, s.End) {
			notes = append(notes, fmt.Sprintf("span %d (%s): its \"text\" %q is not text[%d:%d]; it is placed by its offsets", i+1, s.Label, abbreviate(s.Text), s.Start, s.End))
		}
		p.Spans = append(p.Spans, Span{ID: s.ID, Label: s.Label, Start: s.Start, End: s.End, Attributes: s.Attributes})
	}
	if len(l.Spans) == 0 {
		for _, t := range l.Label {
			p.Spans = append(p.Spans, Span{Label: t.Label, Start: t.Start, End: t.End})
		}
	}
	// doccano's labels, often upper case ("ORG"), Build makes a schema's.
	d, err := Build(p, from)
	if err != nil {
		return Doc{}, err
	}
	if verbatim {
		notes = append(LineNotes(Line{Title: l.Title, MetaIgnored: l.MetaIgnored, LoneSurrogates: l.LoneSurrogates}, ""), notes...) // its text's are Build's
	} else {
		notes = append(LineNotes(l, d.File.Document.Text), notes...)
	}
	d.Notes = append(notes, d.Notes...)
	return d, nil
}

// HoldsCanonicalText reports whether the line's id is its text's, as the
// dataset export writes it: its "text" is a canonical text, kept as it
// stands, with or without spans.
func (l Line) HoldsCanonicalText() bool {
	return l.HTML == nil && l.Text != nil && l.ID != "" && l.ID == textID(*l.Text)
}

// textID is the native id of a document whose canonical text is text.
func textID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return annotate.DocumentID(hex.EncodeToString(sum[:]))
}

// isJSONL takes a file whose first line is a whole JSON object with an
// article ("text" or "html") and no "@context" or "document": a dataset or
// batch line, unlike the native and W3C files, whose objects span many
// lines or name those members. A .jsonl file is taken whatever it holds,
// so that its faults are reported line by line.
func isJSONL(in Input) bool {
	if strings.EqualFold(path.Ext(in.Name), ".jsonl") {
		return true
	}
	data := bytes.TrimLeft(bytes.TrimPrefix(annotate.FromUTF16BOM(in.Data), []byte("\xef\xbb\xbf")), " \t\r\n")
	first := data
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		first = data[:i]
	}
	if i := bytes.IndexByte(first, '\r'); i >= 0 {
		first = first[:i] // a line ends with a CR too (SplitLines)
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(first, &m) != nil {
		return false
	}
	_, text := m["text"]
	_, html := m["html"]
	_, ctx := m["@context"]
	_, doc := m["document"]
	return (text || html) && !ctx && !doc
}
