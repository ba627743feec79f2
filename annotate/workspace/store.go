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
	// ErrDamaged: a stored record is there but cannot be read (the
	// browser kept it damaged). Documents and Annotations return every
	// other record beside a *DamagedError, which wraps it.
	ErrDamaged = errors.New("a stored record is damaged")
)

// DamagedError is what Documents and Annotations return beside the
// records they could read when some could not be: one damaged record
// costs what it holds, never the rest of the library or of the document.
// IDs are the ids of the records lost (of documents, or of annotations),
// which their keys still give, so that a change can delete them.
type DamagedError struct {
	IDs []string
	// Annotations is set when the records lost are annotations of one
	// document; otherwise they are documents.
	Annotations bool
}

func (e *DamagedError) Error() string {
	n := len(e.IDs)
	if e.Annotations {
		return fmt.Sprintf("%d %s of this document could not be read: %s", n,
			annotate.Plural(n, "annotation", "annotations"), annotate.Plural(n, "its stored record is damaged", "their stored records are damaged"))
	}
	return fmt.Sprintf("%d stored %s could not be read: %s", n,
		annotate.Plural(n, "document", "documents"), annotate.Plural(n, "its record is damaged", "their records are damaged"))
}

func (e *DamagedError) Unwrap() error { return ErrDamaged }

// readable returns err, or nil when it says only that some records were
// damaged (a *DamagedError): what was read is then all there is to work
// with, and the loss is said where the user looks (the library, the
// document opened).
func readable(err error) error {
	if _, ok := errors.AsType[*DamagedError](err); ok {
		return nil
	}
	return err
}

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
	// Version is the change of an editor its annotations are as of (set
	// by Change.Update), so that a tab showing it read-only knows which
	// announced change follows what it read (Editor.Follow). A document
	// written whole has none (stores clear it): nothing follows it but a
	// read.
	Version Version `json:"version,omitzero"`
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
	TextSHA256 string `json:"textSha256"`
	// Index is the text's index (annotate.Document.IndexData), so that
	// opening the document need not parse its HTML. It is made again from
	// the HTML when missing, and is never part of a backup.
	Index  []byte          `json:"-"`
	Meta   annotate.Meta   `json:"meta"`
	Schema annotate.Schema `json:"schema"`
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
	r.Index = slices.Clone(r.Index)
	return r
}

// Settings are what a workspace keeps besides its documents.
type Settings struct {
	// Author is the name new annotations are stamped with.
	Author string `json:"author"`
	// Schema is the label schema new documents start with.
	Schema annotate.Schema `json:"schema"`
}

// SettingsEdit is what a change of the settings sets: the author and the
// schema, each when not nil.
type SettingsEdit struct {
	Author *string
	Schema *annotate.Schema
}

// Apply returns s with what e sets.
func (e SettingsEdit) Apply(s Settings) Settings {
	if e.Author != nil {
		s.Author = *e.Author
	}
	if e.Schema != nil {
		s.Schema = e.Schema.Clone()
	}
	return s
}

// NewDocument is a document record to write with its annotations, orphans
// included, as PutDocument takes them.
type NewDocument struct {
	Record      DocumentRecord
	Annotations []annotate.Annotation
}

// ManyWriter is a Store that can write several new documents in one
// transaction: a batch import writes its articles a few dozen at a time,
// where one transaction each cost a browser store as much as reading the
// article (IndexedDB commits every transaction on its own). PutDocuments
// writes every document as PutDocument does, all of them or none: on an
// error nothing it was given is stored. It writes only new documents: one
// whose id, or whose text, the store already holds is left out, and what
// the store holds is left as it is; found[i] is then the id of the
// document stored, or "" for docs[i] written. The look and the writes are
// one transaction: an import looks for each article when it reads it, and
// writes it a few dozen articles later, and another tab may add the same
// article and tag it in between (written over, its tags were lost).
type ManyWriter interface {
	PutDocuments(docs []NewDocument) (found []string, err error)
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
	// EditSettings sets in the settings what edit sets, and leaves the
	// rest as the store has it, in one transaction: read in one and
	// written back whole in another, the settings lost what another tab
	// changed in between (the author's name, or the schema).
	EditSettings(edit SettingsEdit) error

	// PutDocument writes a whole document record (summary and body) with
	// its annotations, orphans included, in one transaction, replacing
	// any annotations and history it had.
	PutDocument(DocumentRecord, []annotate.Annotation) error
	// AddDocument writes a new document as PutDocument does, unless the
	// store holds a document of its id or of its text: that one is left
	// as it is, nothing is written, and found is its id. The look and the
	// write are one transaction: looked at in one of its own, the article
	// could be added in another tab in between, and written over with the
	// tags given it there.
	AddDocument(DocumentRecord, []annotate.Annotation) (found string, err error)
	// PutSummary rewrites only the summary of a stored document: what an
	// annotation's change costs besides the annotation itself. It returns
	// ErrNoDocument when the document is not stored.
	PutSummary(Summary) error
	// Document returns a stored document, or ErrNoDocument, or an error
	// wrapping ErrDamaged when its summary cannot be read.
	Document(id string) (DocumentRecord, error)
	// Summary returns only the summary of a stored document, or
	// ErrNoDocument, or an error wrapping ErrDamaged.
	Summary(id string) (Summary, error)
	// Documents returns the summary of every document, in no set order.
	// Summaries that cannot be read are left out, and the error is then a
	// *DamagedError naming their documents.
	Documents() ([]Summary, error)
	// DocumentByText returns the id of the document whose canonical text
	// has the hex SHA-256 sha, if there is one. A body left without its
	// summary (a deletion the browser did not finish) is no document.
	DocumentByText(sha string) (id string, found bool, err error)
	// StoredDocument returns the id of the stored document whose canonical
	// text has the hex SHA-256 sha, or else id itself when a document of
	// that id is stored: the two ways a new document would double one,
	// looked up in one read (adding a document asks it before each
	// write, once per article of a batch).
	StoredDocument(sha, id string) (found string, ok bool, err error)
	// DeleteDocument deletes a document, all its annotations and its
	// history, or returns ErrNoDocument.
	DeleteDocument(id string) error

	// Apply makes one change of a stored document's annotations, in one
	// transaction: it puts and deletes the annotations and history steps
	// the change names and rewrites the summary as c.Update says. A
	// document that is not stored (deleted in another tab, say) gets
	// ErrNoDocument and nothing is written.
	Apply(docID string, c Change) error
	// Annotations returns every annotation of a document, orphans
	// included, sorted by id. Records that cannot be read are left out,
	// and the error is then a *DamagedError naming them.
	Annotations(docID string) ([]annotate.Annotation, error)
	// Steps returns the undo history kept for a document, in no set
	// order (annotate.Set.RestoreHistory orders it).
	Steps(docID string) ([]annotate.Step, error)
}
