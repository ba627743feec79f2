package annotate

import (
	"bytes"
	"encoding/json"
	"time"
)

// This file is the annotator's native JSON format, version 1: one document,
// its label schema and its annotations, in a file that a training pipeline
// can read without cleaning. jsonschema/annotations-v1.schema.json is its
// published JSON Schema; Validate checks a file against it and against the
// rules it cannot express; Import reads one back.
//
// Offsets count Unicode code points of document.text, start inclusive and
// end exclusive, so text[start:end] == exact holds in Python.

// FormatVersion is the version of the native JSON format that NewFile
// writes and Import reads.
const FormatVersion = 1

// OffsetUnit is what a file's offsets count: Unicode code points.
const OffsetUnit = "codepoint"

// Generator names this program in the files it writes.
const Generator = "github.com/newsannotator/annotator"

// File is an export in the native JSON format: one document and its
// annotations.
type File struct {
	// Version is FormatVersion.
	Version int `json:"version"`
	// Generator names the program that wrote the file.
	Generator string `json:"generator,omitempty"`
	// Exported is when the file was written.
	Exported time.Time `json:"exported"`
	// Document is the article the annotations are on.
	Document FileDocument `json:"document"`
	// Schema is the label schema the annotations use.
	Schema Schema `json:"schema"`
	// Annotations are the placed annotations, in the Set's stable order.
	Annotations []Annotation `json:"annotations"`
	// Orphans are annotations that could not be placed; their start and
	// end are those of the file they came from.
	Orphans []Annotation `json:"orphans,omitempty"`
}

// FileDocument is the document part of a File.
type FileDocument struct {
	// ID is the Document's ID.
	ID string `json:"id"`
	// Title is the article's title.
	Title string `json:"title"`
	// URL is where the article came from, or "".
	URL string `json:"url"`
	// HTML is the sanitised article. An importer sanitises it again.
	HTML string `json:"html"`
	// Text is the canonical text that the offsets count.
	Text string `json:"text"`
	// TextSHA256 is the hex SHA-256 of Text's UTF-8 bytes.
	TextSHA256 string `json:"textSha256"`
	// OffsetUnit is always OffsetUnit, "codepoint".
	OffsetUnit string `json:"offsetUnit"`
	// Meta is what the page said about itself.
	Meta Meta `json:"meta"`
}

// NewFile returns the export of doc and the annotations of set, with the
// annotations that could not be placed as orphans, stamped with time now.
// set must be the annotations of doc's text; a nil set exports none, with
// the default schema. The annotations are copied, and the orphans are
// marked AnchorOrphan.
func NewFile(doc *Document, set *Set, orphans []Annotation, now time.Time) File {
	f := File{
		Version:   FormatVersion,
		Generator: Generator,
		Exported:  now.UTC(),
		Document: FileDocument{
			ID:         doc.ID,
			Title:      doc.Title,
			URL:        doc.URL,
			HTML:       doc.HTML,
			Text:       doc.Text().String(),
			TextSHA256: doc.TextSHA256(),
			OffsetUnit: OffsetUnit,
			Meta:       doc.Meta,
		},
		Annotations: []Annotation{},
	}
	if set != nil {
		f.Schema = set.Schema()
		f.Annotations = set.All()
	} else {
		f.Schema = DefaultSchema()
	}
	for _, a := range orphans {
		a = a.Clone()
		a.Anchor = AnchorOrphan
		f.Orphans = append(f.Orphans, a)
	}
	return f
}

// Marshal returns the file as indented JSON: the fields in a fixed order,
// attributes always an object and lists always arrays (never null), times
// in RFC 3339 in UTC with milliseconds, and no HTML escaping of '<', '>'
// and '&' in strings.
func (f File) Marshal() ([]byte, error) {
	w := fileWire{
		Version:     f.Version,
		Generator:   f.Generator,
		Exported:    formatTime(f.Exported),
		Document:    f.Document,
		Schema:      schemaWire{Labels: make([]labelWire, len(f.Schema.Labels))},
		Annotations: make([]annotationWire, len(f.Annotations)),
	}
	for i, l := range f.Schema.Labels {
		attrs := l.Attributes
		if attrs == nil {
			attrs = []string{}
		}
		w.Schema.Labels[i] = labelWire{Name: l.Name, Color: l.Color, Key: l.Key, Attributes: attrs, Description: l.Description}
	}
	for i, a := range f.Annotations {
		w.Annotations[i] = toWire(a)
	}
	for _, a := range f.Orphans {
		w.Orphans = append(w.Orphans, toWire(a))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// timeLayout is RFC 3339 with milliseconds, as JavaScript's
// Date.prototype.toISOString writes it.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// fileWire is File as it is written: the order of its fields is the
// order of the JSON.
type fileWire struct {
	Version     int              `json:"version"`
	Generator   string           `json:"generator,omitempty"`
	Exported    string           `json:"exported"`
	Document    FileDocument     `json:"document"`
	Schema      schemaWire       `json:"schema"`
	Annotations []annotationWire `json:"annotations"`
	Orphans     []annotationWire `json:"orphans,omitempty"`
}

type schemaWire struct {
	Labels []labelWire `json:"labels"`
}

type labelWire struct {
	Name        string   `json:"name"`
	Color       string   `json:"color"`
	Key         string   `json:"key"`
	Attributes  []string `json:"attributes"`
	Description string   `json:"description,omitempty"`
}

type annotationWire struct {
	ID         string            `json:"id"`
	Label      string            `json:"label"`
	Start      int               `json:"start"`
	End        int               `json:"end"`
	Exact      string            `json:"exact"`
	Prefix     string            `json:"prefix"`
	Suffix     string            `json:"suffix"`
	Attributes map[string]string `json:"attributes"`
	Author     string            `json:"author"`
	Created    string            `json:"created"`
	Modified   string            `json:"modified"`
	Anchor     Anchoring         `json:"anchor"`
}

func toWire(a Annotation) annotationWire {
	attrs := a.Attributes
	if attrs == nil {
		attrs = map[string]string{}
	}
	anchor := a.Anchor
	if anchor == "" {
		anchor = AnchorExact
	}
	return annotationWire{
		ID: a.ID, Label: a.Label, Start: a.Start, End: a.End,
		Exact: a.Exact, Prefix: a.Prefix, Suffix: a.Suffix,
		Attributes: attrs, Author: a.Author,
		Created: formatTime(a.Created), Modified: formatTime(a.Modified),
		Anchor: anchor,
	}
}
