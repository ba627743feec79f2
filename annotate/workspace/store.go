package workspace

// This file keeps the shape of what is stored and the one interface every
// store implements. The layout splits a document three ways so that a
// write's cost never grows with the document:
//
//   - the Summary: title, status, dates and counts per label, a few hundred
//     bytes, rewritten on every change so that the library stays current;
//   - the body (HTML, text, metadata, schema), written once at import and
//     again only when the document is renamed;
//   - each annotation, a record of its own keyed by (document id,
//     annotation id), so that tagging a span writes one small record.
//
// In IndexedDB these are three object stores; Memory keeps them in maps.

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// Errors that a Store returns, wrapped in a message naming the document or
// annotation. Test for them with errors.Is.
var (
	// ErrNoDocument: no document in the store has the id given.
	ErrNoDocument = errors.New("no document in the workspace has that id")
	// ErrNoAnnotation: the document has no annotation with the id given.
	ErrNoAnnotation = errors.New("the document has no annotation with that id")
	// ErrRecord: a record is missing its id or is otherwise unfit to store.
	ErrRecord = errors.New("the record cannot be stored")
)

// Summary is what the library lists of a document: small, and rewritten
// whenever the document or its annotations change.
type Summary struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Site is the site the article came from: its declared site name, or
	// the host of its URL.
	Site   string    `json:"site"`
	URL    string    `json:"url"`
	Status Status    `json:"status"`
	Added  time.Time `json:"added"`
	// Changed is when the document or one of its annotations last changed.
	Changed time.Time `json:"changed"`
	// Counts holds how many placed annotations the document has per label.
	// Labels with none are left out.
	Counts map[string]int `json:"counts"`
	// Orphans counts the annotations that could not be placed.
	Orphans int `json:"orphans"`
}

// Annotations returns how many placed annotations the document has.
func (s Summary) Annotations() int {
	n := 0
	for _, c := range s.Counts {
		n += c
	}
	return n
}

func (s Summary) clone() Summary {
	s.Counts = maps.Clone(s.Counts)
	if s.Counts == nil {
		s.Counts = map[string]int{}
	}
	return s
}

// Body is the large part of a document: written at import, and never on an
// annotation's change.
type Body struct {
	// SourceID is the id the document had in the batch it came from, if any.
	SourceID string `json:"sourceId,omitempty"`
	// HTML is the sanitised article (annotate.Document.HTML).
	HTML string `json:"html"`
	// Text is its canonical text, which every offset counts.
	Text string `json:"text"`
	// TextSHA256 is the hex SHA-256 of Text, which finds duplicates.
	TextSHA256 string          `json:"textSha256"`
	Meta       annotate.Meta   `json:"meta"`
	Schema     annotate.Schema `json:"schema"`
}

// DocumentRecord is a stored document without its annotations.
type DocumentRecord struct {
	Summary
	Body
}

// Clone returns a deep copy of r.
func (r DocumentRecord) Clone() DocumentRecord {
	r.Summary = r.Summary.clone()
	r.Schema = r.Schema.Clone()
	return r
}

// Settings are what a workspace keeps besides its documents.
type Settings struct {
	// Author is the name new annotations are stamped with.
	Author string `json:"author"`
	// Schema is the label schema new documents start with.
	Schema annotate.Schema `json:"schema"`
}

// Store keeps a workspace. Every method is one small transaction: a
// browser store must finish it without waiting on anything else (see
// DESIGN.md on IndexedDB). Records go in and come out as copies.
type Store interface {
	// Layout returns the layout version the store was written with, or 0
	// for a store never written to.
	Layout() (int, error)
	// SetLayout records the layout version.
	SetLayout(version int) error

	// Settings returns the workspace's settings; a new store has the zero
	// Settings.
	Settings() (Settings, error)
	// PutSettings replaces the settings.
	PutSettings(Settings) error

	// PutDocument writes a whole document record (summary and body),
	// never its annotations.
	PutDocument(DocumentRecord) error
	// PutSummary rewrites only the summary of a stored document: what an
	// annotation's change costs besides the annotation itself. It returns
	// ErrNoDocument when the document is not stored.
	PutSummary(Summary) error
	// Document returns a stored document, or ErrNoDocument.
	Document(id string) (DocumentRecord, error)
	// Summary returns only the summary of a stored document, or
	// ErrNoDocument.
	Summary(id string) (Summary, error)
	// Documents returns the summary of every document, in no set order.
	Documents() ([]Summary, error)
	// DocumentByText returns the id of the document whose canonical text
	// has the hex SHA-256 sha, if there is one.
	DocumentByText(sha string) (id string, found bool, err error)
	// DeleteDocument deletes a document and all its annotations, or
	// returns ErrNoDocument.
	DeleteDocument(id string) error

	// PutAnnotation writes one annotation of a stored document, adding
	// it or replacing the one with its id.
	PutAnnotation(docID string, a annotate.Annotation) error
	// DeleteAnnotation deletes one annotation, or returns ErrNoAnnotation.
	DeleteAnnotation(docID, annotationID string) error
	// Annotations returns every annotation of a document, orphans
	// included, sorted by id.
	Annotations(docID string) ([]annotate.Annotation, error)
}

// Memory is a Store held in memory: for tests, and for browsers that offer
// no IndexedDB (the work then lasts as long as the tab). It is safe for
// concurrent use.
type Memory struct {
	mu          sync.Mutex
	layout      int
	settings    Settings
	summaries   map[string]Summary
	bodies      map[string]Body
	byText      map[string]string
	annotations map[string]map[string]annotate.Annotation
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	return &Memory{
		summaries:   map[string]Summary{},
		bodies:      map[string]Body{},
		byText:      map[string]string{},
		annotations: map[string]map[string]annotate.Annotation{},
	}
}

// Memory implements Store; its methods do what Store's say.
var _ Store = (*Memory)(nil)

func (m *Memory) Layout() (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.layout, nil
}

func (m *Memory) SetLayout(v int) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.layout = v
	return nil
}

func (m *Memory) Settings() (Settings, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.settings
	s.Schema = s.Schema.Clone()
	return s, nil
}

func (m *Memory) PutSettings(s Settings) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	s.Schema = s.Schema.Clone()
	m.settings = s
	return nil
}

func (m *Memory) PutDocument(r DocumentRecord) error {
	if r.ID == "" {
		return fmt.Errorf("a document without an id: %w", ErrRecord)
	}
	r = r.Clone()
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.bodies[r.ID]; ok && m.byText[old.TextSHA256] == r.ID {
		delete(m.byText, old.TextSHA256)
	}
	m.summaries[r.ID] = r.Summary
	m.bodies[r.ID] = r.Body
	if r.TextSHA256 != "" {
		m.byText[r.TextSHA256] = r.ID
	}
	if m.annotations[r.ID] == nil {
		m.annotations[r.ID] = map[string]annotate.Annotation{}
	}
	return nil
}

func (m *Memory) PutSummary(s Summary) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.summaries[s.ID]; !ok {
		return fmt.Errorf("document %s: %w", s.ID, ErrNoDocument)
	}
	m.summaries[s.ID] = s.clone()
	return nil
}

func (m *Memory) Document(id string) (DocumentRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.summaries[id]
	if !ok {
		return DocumentRecord{}, fmt.Errorf("document %s: %w", id, ErrNoDocument)
	}
	return DocumentRecord{Summary: s, Body: m.bodies[id]}.Clone(), nil
}

func (m *Memory) Summary(id string) (Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.summaries[id]
	if !ok {
		return Summary{}, fmt.Errorf("document %s: %w", id, ErrNoDocument)
	}
	return s.clone(), nil
}

func (m *Memory) Documents() ([]Summary, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Summary, 0, len(m.summaries))
	for _, s := range m.summaries {
		out = append(out, s.clone())
	}
	return out, nil
}

func (m *Memory) DocumentByText(sha string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id, ok := m.byText[sha]
	return id, ok, nil
}

func (m *Memory) DeleteDocument(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.summaries[id]; !ok {
		return fmt.Errorf("document %s: %w", id, ErrNoDocument)
	}
	if m.byText[m.bodies[id].TextSHA256] == id {
		delete(m.byText, m.bodies[id].TextSHA256)
	}
	delete(m.summaries, id)
	delete(m.bodies, id)
	delete(m.annotations, id)
	return nil
}

func (m *Memory) PutAnnotation(docID string, a annotate.Annotation) error {
	if a.ID == "" {
		return fmt.Errorf("an annotation without an id in document %s: %w", docID, ErrRecord)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	anns, ok := m.annotations[docID]
	if !ok {
		return fmt.Errorf("document %s: %w", docID, ErrNoDocument)
	}
	anns[a.ID] = a.Clone()
	return nil
}

func (m *Memory) DeleteAnnotation(docID, annotationID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	anns, ok := m.annotations[docID]
	if !ok {
		return fmt.Errorf("document %s: %w", docID, ErrNoDocument)
	}
	if _, ok := anns[annotationID]; !ok {
		return fmt.Errorf("annotation %s of document %s: %w", annotationID, docID, ErrNoAnnotation)
	}
	delete(anns, annotationID)
	return nil
}

func (m *Memory) Annotations(docID string) ([]annotate.Annotation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	anns, ok := m.annotations[docID]
	if !ok {
		return nil, fmt.Errorf("document %s: %w", docID, ErrNoDocument)
	}
	ids := slices.Collect(maps.Keys(anns))
	sort.Strings(ids)
	out := make([]annotate.Annotation, len(ids))
	for i, id := range ids {
		out[i] = anns[id].Clone()
	}
	return out, nil
}
