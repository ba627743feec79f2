package formats

// This file is the W3C Web Annotation format, "w3c": JSON-LD in the W3C
// context (https://www.w3.org/TR/annotation-model/ and
// https://www.w3.org/TR/annotation-vocab/), one AnnotationCollection whose
// "first" AnnotationPage holds every annotation of every document as
// "items".
//
// Each Annotation has an "id" (urn:uuid: and the annotation's UUID),
// "type", "motivation" ("tagging": the annotation tags the span with a
// label), "created" and "modified", "creator" (a Person named by the
// annotation's author, when it has one), "generator" (this program, which
// the collection describes), a "body" and a "target":
//
//   - the body is an array of TextualBody: first the label, with purpose
//     "tagging"; then the note, with purpose "describing"; then every
//     other attribute, sorted by name, with purpose "describing" and the
//     attribute's name in "annotator:attribute" (a speaker, a party).
//   - the target's "source" is the document's URL when it has one that no
//     other document of the export shares, and otherwise an RFC 6920
//     "ni:///sha-256;…" name of its canonical text (a urn:uuid: when two
//     documents of the export have the same text). Its "selector" is a
//     TextQuoteSelector and a TextPositionSelector.
//   - the TextQuoteSelector's exact, prefix and suffix are taken from the
//     text as the DOM of the document's HTML has it (domtext.go), not the
//     canonical text, so that a selector engine in a browser finds the
//     quote; prefix and suffix are 32 code points, doubled until the quote
//     is found at one place only.
//   - the TextPositionSelector's start and end count Unicode code points of
//     the document's canonical text (as the W3C model counts characters),
//     which the collection says with "annotator:offsetUnit": "codepoint".
//
// The collection carries its documents under "annotator:documents" (the
// terms of https://github.com/newsannotator/annotator/ns#): each document's
// IRI, native id, title, URL, canonical text, sanitised HTML, metadata and
// label schema, so that the file imports again without the articles. Its
// "generator" is this program. Orphans are not written: they have no place
// in the text.

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/newsannotator/annotator/annotate"
)

var w3c = Format{
	Name:      "w3c",
	Unit:      annotate.OffsetUnit,
	Extension: ".jsonld",
	Export:    exportW3C,
	Import:    importW3C,
	Recognise: isW3C,
}

// The W3C context, and ours.
const (
	annoContext = "http://www.w3.org/ns/anno.jsonld"
	annotatorNS = "https://github.com/newsannotator/annotator/ns#"
)

// w3cContext is the collection's "@context": the W3C context, and our
// terms, whose metadata and schema are JSON values (JSON-LD 1.1).
var w3cContext = []any{annoContext, map[string]any{
	"@version":         1.1,
	"annotator":        annotatorNS,
	"annotator:meta":   map[string]string{"@type": "@json"},
	"annotator:schema": map[string]string{"@type": "@json"},
}}

// generatorIRI names this program: the collection's generator, which each
// annotation names by this IRI.
const generatorIRI = "https://" + annotate.Generator

// Motivation and purposes, from the W3C vocabulary.
const (
	w3cMotivation = "tagging"
	purposeTag    = "tagging"
	purposeDesc   = "describing"
)

type w3cCollection struct {
	Context    any           `json:"@context"`
	ID         string        `json:"id"`
	Type       string        `json:"type"`
	Total      int           `json:"total"`
	Generator  *w3cAgent     `json:"generator,omitempty"`
	Generated  string        `json:"generated,omitempty"`
	OffsetUnit string        `json:"annotator:offsetUnit,omitempty"`
	Documents  []w3cDocument `json:"annotator:documents,omitempty"`
	First      w3cPage       `json:"first"`
}

type w3cAgent struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type"`
	Name string `json:"name"`
}

type w3cDocument struct {
	ID     string          `json:"id"`
	Type   string          `json:"type"`
	DocID  string          `json:"annotator:documentId"`
	Title  string          `json:"annotator:title"`
	URL    string          `json:"annotator:url"`
	Text   string          `json:"annotator:text"`
	HTML   string          `json:"annotator:html"`
	Meta   annotate.Meta   `json:"annotator:meta"`
	Schema annotate.Schema `json:"annotator:schema"`
}

type w3cPage struct {
	ID         string          `json:"id,omitempty"`
	Type       string          `json:"type"`
	PartOf     string          `json:"partOf,omitempty"`
	StartIndex int             `json:"startIndex"`
	Items      []w3cAnnotation `json:"items"`
}

type w3cAnnotation struct {
	ID         string    `json:"id"`
	Type       string    `json:"type"`
	Motivation string    `json:"motivation"`
	Created    string    `json:"created,omitempty"`
	Modified   string    `json:"modified,omitempty"`
	Creator    *w3cAgent `json:"creator,omitempty"`
	Generator  string    `json:"generator,omitempty"`
	Body       []w3cBody `json:"body"`
	Target     w3cTarget `json:"target"`
}

type w3cBody struct {
	Type      string `json:"type"`
	Purpose   string `json:"purpose"`
	Attribute string `json:"annotator:attribute,omitempty"`
	Value     string `json:"value"`
}

type w3cTarget struct {
	Source   string        `json:"source"`
	Selector []w3cSelector `json:"selector"`
}

// w3cSelector is a TextQuoteSelector (exact, prefix, suffix) or a
// TextPositionSelector (start, end).
type w3cSelector struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact,omitempty"`
	Prefix *string `json:"prefix,omitempty"`
	Suffix *string `json:"suffix,omitempty"`
	Start  *int    `json:"start,omitempty"`
	End    *int    `json:"end,omitempty"`
}

// exportW3C writes the files as one collection.
func exportW3C(files []annotate.File, now time.Time) ([]Output, error) {
	c := w3cCollection{Context: w3cContext, Type: "AnnotationCollection",
		Generator:  &w3cAgent{ID: generatorIRI, Type: "Software", Name: "annotator"},
		Generated:  now.UTC().Format(timeLayout),
		OffsetUnit: annotate.OffsetUnit,
		Documents:  []w3cDocument{},
		First:      w3cPage{Type: "AnnotationPage", Items: []w3cAnnotation{}},
	}
	urls, texts := map[string]int{}, map[string]int{}
	for _, f := range files {
		urls[f.Document.URL]++
		texts[f.Document.Text]++
	}
	ids := sha256.New()
	seen := map[string]int{}
	for _, f := range files {
		fd := f.Document
		seen[fd.Text]++
		source := sourceIRI(fd, urls[fd.URL] == 1, texts[fd.Text] == 1, seen[fd.Text])
		c.Documents = append(c.Documents, w3cDocument{ID: source, Type: "Text", DocID: fd.ID, Title: fd.Title, URL: fd.URL,
			Text: fd.Text, HTML: fd.HTML, Meta: fd.Meta, Schema: f.Schema})
		items, err := w3cAnnotations(f, source)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", fd.ID, err)
		}
		c.First.Items = append(c.First.Items, items...)
		fmt.Fprintln(ids, fd.ID)
		for _, a := range items {
			fmt.Fprintln(ids, a.ID)
		}
	}
	// The ids are names of what the collection holds: the same export
	// gets the same ids.
	c.ID = "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, ids.Sum(nil)).String()
	c.First.ID = "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, []byte(c.ID+"#page-1")).String()
	c.First.PartOf = c.ID
	c.Total = len(c.First.Items)
	var b bytes.Buffer
	b.Write(marshalIndent(c))
	b.WriteByte('\n')
	return []Output{{Data: b.Bytes()}}, nil
}

// w3cAnnotations returns the annotations of f, targeting source, sorted
// as the dataset line sorts its spans.
func w3cAnnotations(f annotate.File, source string) ([]w3cAnnotation, error) {
	line, err := NewDatasetLine(f)
	if err != nil {
		return nil, err
	}
	if len(line.Spans) == 0 {
		return nil, nil
	}
	doc, err := annotate.FromSanitized(f.Document.HTML, f.Document.Title, f.Document.URL, f.Document.Meta)
	if err != nil {
		return nil, err
	}
	if doc.Text().String() != f.Document.Text {
		return nil, fmt.Errorf("its HTML does not give its text: the quotes cannot be taken from it")
	}
	dom, err := newDOMText(doc)
	if err != nil {
		return nil, err
	}
	byID := map[string]annotate.Annotation{}
	for _, a := range f.Annotations {
		byID[a.ID] = a
	}
	var items []w3cAnnotation
	for _, s := range line.Spans {
		a := byID[s.ID]
		exact, ds, de := dom.quote(s.Start, s.End)
		prefix, suffix := dom.context(ds, de)
		start, end := s.Start, s.End
		item := w3cAnnotation{ID: "urn:uuid:" + a.ID, Type: "Annotation", Motivation: w3cMotivation,
			Generator: generatorIRI, Body: w3cBodies(a),
			Target: w3cTarget{Source: source, Selector: []w3cSelector{
				{Type: "TextQuoteSelector", Exact: &exact, Prefix: &prefix, Suffix: &suffix},
				{Type: "TextPositionSelector", Start: &start, End: &end},
			}}}
		if !a.Created.IsZero() {
			item.Created = a.Created.UTC().Format(timeLayout)
		}
		if !a.Modified.IsZero() {
			item.Modified = a.Modified.UTC().Format(timeLayout)
		}
		if a.Author != "" {
			item.Creator = &w3cAgent{Type: "Person", Name: a.Author}
		}
		items = append(items, item)
	}
	return items, nil
}

// w3cBodies returns the label, the note, and the other attributes sorted
// by name, as bodies.
func w3cBodies(a annotate.Annotation) []w3cBody {
	bodies := []w3cBody{{Type: "TextualBody", Purpose: purposeTag, Value: a.Label}}
	if note := a.Attributes[annotate.AttrNote]; note != "" {
		bodies = append(bodies, w3cBody{Type: "TextualBody", Purpose: purposeDesc, Value: note})
	}
	for _, k := range sortedKeys(a.Attributes) {
		if v := a.Attributes[k]; k != annotate.AttrNote && v != "" {
			bodies = append(bodies, w3cBody{Type: "TextualBody", Purpose: purposeDesc, Attribute: k, Value: v})
		}
	}
	return bodies
}

// sourceIRI returns the IRI a document's annotations target: its URL when
// it is an absolute http or https URL that no other document of the export
// has; otherwise the ni: name (RFC 6920) of its canonical text when no
// other document has that text; and otherwise (two files of one article,
// or two pages that flatten to one text) a urn:uuid: named by the text and
// by which of those documents it is, nth from 1.
func sourceIRI(fd annotate.FileDocument, uniqueURL, uniqueText bool, nth int) string {
	if u, err := url.Parse(fd.URL); err == nil && uniqueURL && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return fd.URL
	}
	if uniqueText {
		return textIRI(fd.Text)
	}
	return "urn:uuid:" + uuid.NewSHA1(uuid.NameSpaceURL, fmt.Appendf(nil, "%s#%d", textIRI(fd.Text), nth)).String()
}

// textIRI is the RFC 6920 name of a text: its SHA-256 in base64url.
func textIRI(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "ni:///sha-256;" + base64.RawURLEncoding.EncodeToString(sum[:])
}

// idOfTextIRI returns the native document id that textIRI's name stands
// for, or "".
func idOfTextIRI(iri string) string {
	b64, ok := strings.CutPrefix(iri, "ni:///sha-256;")
	if !ok {
		return ""
	}
	sum, err := base64.RawURLEncoding.DecodeString(b64)
	if err != nil || len(sum) != sha256.Size {
		return ""
	}
	return annotate.DocumentID(hex.EncodeToString(sum))
}

// timeLayout is RFC 3339 with milliseconds in UTC, as the native format
// writes times.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// marshalIndent writes v as indented JSON without HTML escaping.
func marshalIndent(v any) []byte {
	var b bytes.Buffer
	if err := json.Indent(&b, marshalJSON(v), "", "  "); err != nil {
		panic(err) // marshalJSON wrote valid JSON
	}
	return b.Bytes()
}
