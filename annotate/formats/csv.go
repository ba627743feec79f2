package formats

// This file keeps the CSV export, one row to an annotation, for
// spreadsheets, and its one rule: start_codepoint and end_codepoint count
// code points of the document's canonical text, as every offset of the
// native export does; the column names say so, as a spreadsheet has no
// place for a comment.
//
// The file is RFC 4180 (encoding/csv), UTF-8 with a byte order mark,
// without which Excel reads UTF-8 as the machine's legacy code page. Its
// lines end with a line feed, which every spreadsheet reads, and not
// CRLF: encoding/csv's CRLF mode drops a carriage return inside a cell. The header:
//
//	document_id,document_title,document_url,annotation_id,label,
//	start_codepoint,end_codepoint,text,<attributes>,note,author,created,modified
//
// with one column for every attribute the annotations use, sorted by
// name ("attr_" and its name for an attribute named as another column, or
// whose name starts with "attr_": attrField),
// and times in RFC 3339, UTC, with milliseconds. The rows are the
// documents' in order, each document's annotations sorted by span.
// Orphans, which have no place in the text, are not written. A cell's
// CRLF is read back as a line feed alone (RFC 4180 has no way to write a
// carriage return that encoding/csv gives back), and the file is read as
// a text is (annotate.DecodeText), without the control characters a text
// leaves out (NUL, BEL). A span's text across a CRLF is still its text
// (build).
//
// A cell that starts with '=', '+', '-', '@', a tab or a carriage return
// is one that a spreadsheet may run as a formula (CSV injection): it is
// written with a "'" before it, which spreadsheets show as the mark of
// text, and so is a cell that starts with "'", so that the import, which
// takes away the first "'" of a cell before any of these, gives back
// exactly what was written.
//
// A CSV holds no document text: the import gathers the rows by
// document_id (by document_url when it has none), so that the rows of
// one document are one document's even when two files of it were
// exported together, and finds each row's document
// among the documents the conversion knows, by document_id, then by
// document_url, and places the rows' spans on it as annotate.Import
// places an export's, by their offsets when they still hold the row's
// text and by that text otherwise.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

var csvFormat = Format{
	Name:      "csv",
	Unit:      annotate.OffsetUnit,
	Extension: ".csv",
	RowsOnly:  true,
	Export:    exportCSV,
	Import:    importCSV,
	Recognise: isCSV,
}

// The columns before the attributes, and after them.
var (
	csvHead = []string{"document_id", "document_title", "document_url", "annotation_id", "label", "start_codepoint", "end_codepoint", "text"}
	csvTail = []string{annotate.AttrNote, "author", "created", "modified"}
)

// csvTime is how a row writes a time: RFC 3339, UTC, with milliseconds,
// as the native export does.
const csvTime = "2006-01-02T15:04:05.000Z07:00"

// csvColumn is the column of attribute name.
func csvColumn(name string) string { return attrField(name, csvOwnColumn) }

// csvOwnColumn reports whether name is a column of the format's own.
func csvOwnColumn(name string) bool {
	return slices.Contains(csvHead, name) || slices.Contains(csvTail, name)
}

// exportCSV writes one row for every placed annotation of files.
func exportCSV(files []annotate.File, _ time.Time) ([]Output, error) {
	attrs := attributeNames(files)
	header := slices.Clone(csvHead)
	for _, a := range attrs {
		header = append(header, csvColumn(a))
	}
	header = append(header, csvTail...)
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Write(header)
	row := make([]string, len(header))
	for _, f := range files {
		d := f.Document
		text := annotate.NewText(d.Text)
		for _, a := range placed(f) {
			row = append(row[:0], d.ID, d.Title, d.URL, a.ID, a.Label, strconv.Itoa(a.Start), strconv.Itoa(a.End), text.Slice(a.Start, a.End))
			for _, k := range attrs {
				row = append(row, a.Attributes[k])
			}
			row = append(row, a.Attributes[annotate.AttrNote], a.Author, a.Created.UTC().Format(csvTime), a.Modified.UTC().Format(csvTime))
			for i := range row {
				row[i] = csvGuard(row[i])
			}
			w.Write(row)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	return []Output{{Data: buf.Bytes()}}, nil
}

// attributeNames returns the names of the attributes that the placed
// annotations of files use, sorted, the note left out.
func attributeNames(files []annotate.File) []string {
	seen := map[string]bool{}
	for _, f := range files {
		for _, a := range f.Annotations {
			for k := range a.Attributes {
				if k != annotate.AttrNote {
					seen[k] = true
				}
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// csvGuard puts a "'" before a cell that a spreadsheet could take for a
// formula, and before one that starts with "'"; csvUnguard takes it away.
func csvGuard(cell string) string {
	if cell != "" && strings.IndexByte("=+-@\t\r'", cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}

func csvUnguard(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && strings.IndexByte("=+-@\t\r'", cell[1]) >= 0 {
		return cell[1:]
	}
	return cell
}

// isCSV takes a file whose first line is a header with label and
// start_codepoint, and any file named .csv, which the import refuses in
// words when its header is not this format's.
func isCSV(in Input) bool {
	if strings.EqualFold(path.Ext(in.Name), ".csv") {
		return true
	}
	line, _, _ := bytes.Cut(trimBOM(in.Data), []byte("\n"))
	header, err := csv.NewReader(bytes.NewReader(line)).Read()
	return err == nil && slices.Contains(header, "label") && slices.Contains(header, "start_codepoint")
}

// csvDoc gathers the rows of one document.
type csvDoc struct {
	id, url string
	line    int
	spans   []Span
}

// importCSV reads each input's rows and places them on their documents.
func importCSV(inputs []Input, known Known) ([]Doc, []*Fault) {
	var docs []Doc
	var faults []*Fault
	for _, in := range inputs {
		// A spreadsheet saves a CSV in the machine's code page (Excel's
		// "CSV (Comma delimited)"): the file's characters are read as
		// the annotator reads a text's, and a quote's "é" is not lost.
		text, charset, err := annotate.DecodeText(in.Data, annotate.Source{Name: in.Name, MediaType: "text/plain"})
		if err != nil {
			faults = append(faults, &Fault{Name: in.Name, Message: err.Error()})
			continue
		}
		var note string
		if !strings.HasPrefix(charset, "utf-") {
			note = fmt.Sprintf("%s is not UTF-8: it was read as %s, as a spreadsheet saves it; save it as \"CSV UTF-8\" to be sure of its characters", in.Name, charset)
		}
		groups, f := csvRows(Input{Name: in.Name, Data: []byte(text)})
		faults = append(faults, f...)
		for _, g := range groups {
			d, fault := g.build(in.Name, known)
			if fault != nil {
				faults = append(faults, fault)
				continue
			}
			if note != "" {
				d.Notes = append([]string{note}, d.Notes...)
			}
			docs = append(docs, d)
		}
	}
	return docs, faults
}

// build places g's spans on its document, which known must have.
func (g *csvDoc) build(name string, known Known) (Doc, *Fault) {
	var f annotate.File
	ok := false
	for _, key := range []string{g.id, g.url} {
		if key != "" && !ok {
			f, ok = lookup(known, key)
		}
	}
	what := g.id
	if what == "" {
		what = g.url
	}
	if !ok {
		return Doc{}, &Fault{Name: name, Line: g.line, Message: fmt.Sprintf("the rows of document %s (the first on this line) cannot be placed: a CSV holds no document text; give the article, or its export in another format, before the CSV or with it (on the command line: in the same conversion)", what)}
	}
	doc, err := fileDocument(f)
	if err != nil {
		return Doc{}, &Fault{Name: name, Line: g.line, Message: fmt.Sprintf("document %s cannot be made again: %v", what, err)}
	}
	text := doc.Text()
	for i, s := range g.spans {
		// A cell gives back a CRLF as a line feed alone (encoding/csv, as
		// RFC 4180 has no way to write a carriage return): a text cell
		// that is the span's text so is that text, and its offsets hold.
		if spanProblem(s.Start, s.End, text.Len(), "code points") == nil {
			if at := text.Slice(s.Start, s.End); at != s.Text && strings.Contains(at, "\r\n") && strings.ReplaceAll(at, "\r\n", "\n") == s.Text {
				g.spans[i].Text = at
			}
		}
	}
	d, err := Build(Plain{Document: doc, Schema: &f.Schema, Spans: g.spans}, fmt.Sprintf("%s:%d", name, g.line))
	if err != nil {
		return Doc{}, &Fault{Name: name, Line: g.line, Message: fmt.Sprintf("the rows of document %s cannot be placed: %v", what, err)}
	}
	return d, nil
}

// csvRows reads in's rows, grouped by document in the order they come:
// a row that cannot be read is a Fault with its line, and the others are
// kept.
func csvRows(in Input) ([]*csvDoc, []*Fault) {
	r := csv.NewReader(bytes.NewReader(trimBOM(in.Data)))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, []*Fault{{Name: in.Name, Line: 1, Message: fmt.Sprintf("the file has no header row that can be read (%v); a CSV of annotations starts with document_id,…,label,start_codepoint,end_codepoint,…", err)}}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, need := range []string{"label", "start_codepoint", "end_codepoint"} {
		if _, ok := col[need]; !ok {
			return nil, []*Fault{{Name: in.Name, Line: 1, Message: fmt.Sprintf("the header has no %s column: this is not a CSV of annotations this annotator wrote (document_id,…,label,start_codepoint,end_codepoint,…)", need)}}
		}
	}
	_, hasID := col["document_id"]
	_, hasURL := col["document_url"]
	if !hasID && !hasURL {
		return nil, []*Fault{{Name: in.Name, Line: 1, Message: "the header has neither a document_id nor a document_url column: the rows cannot be given their document"}}
	}
	var groups []*csvDoc
	byKey := map[string]*csvDoc{}
	var faults []*Fault
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			faults = append(faults, &Fault{Name: in.Name, Line: line, Message: fmt.Sprintf("the row cannot be read as CSV (%v); it is left out", err)})
			continue
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			faults = append(faults, &Fault{Name: in.Name, Line: line, Message: fmt.Sprintf("the row has %d cells and the header %d; it is left out", len(rec), len(header))})
			continue
		}
		for i := range rec {
			rec[i] = csvUnguard(rec[i])
		}
		s, err := csvSpan(rec, header, col)
		if err != nil {
			faults = append(faults, &Fault{Name: in.Name, Line: line, Message: err.Error() + "; the row is left out"})
			continue
		}
		s.Line = line
		id, url := cell(rec, col, "document_id"), cell(rec, col, "document_url")
		key := "id " + id
		if id == "" {
			key = "url " + url
		}
		g := byKey[key]
		if g == nil {
			g = &csvDoc{id: id, url: url, line: line}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.spans = append(g.spans, s)
	}
	return groups, faults
}

// cell returns rec's cell of column name, or "".
func cell(rec []string, col map[string]int, name string) string {
	if i, ok := col[name]; ok {
		return rec[i]
	}
	return ""
}

// csvSpan reads one row.
func csvSpan(rec, header []string, col map[string]int) (Span, error) {
	s := Span{ID: cell(rec, col, "annotation_id"), Label: schemaName(cell(rec, col, "label")), Text: cell(rec, col, "text"),
		Author: cell(rec, col, "author"), Attributes: map[string]string{}}
	if s.Label == "" {
		return s, fmt.Errorf("the label %q cannot be a label's name", cell(rec, col, "label"))
	}
	var err1, err2 error
	s.Start, err1 = strconv.Atoi(cell(rec, col, "start_codepoint"))
	s.End, err2 = strconv.Atoi(cell(rec, col, "end_codepoint"))
	if err1 != nil || err2 != nil {
		return s, fmt.Errorf("start_codepoint and end_codepoint must be whole numbers, not %q and %q", cell(rec, col, "start_codepoint"), cell(rec, col, "end_codepoint"))
	}
	for _, k := range []string{"created", "modified"} {
		v := cell(rec, col, k)
		if v == "" {
			continue
		}
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return s, fmt.Errorf("%s %q is not a time in RFC 3339, such as 2026-01-02T03:04:05.000Z", k, v)
		}
		if k == "created" {
			s.Created = t
		} else {
			s.Modified = t
		}
	}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if (csvOwnColumn(h) && h != annotate.AttrNote) || rec[i] == "" {
			continue
		}
		if name := schemaName(attrName(h)); name != "" {
			s.Attributes[name] = rec[i]
		}
	}
	return s, nil
}
