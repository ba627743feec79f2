package workspace

// This file keeps the rule of writing an import a group at a time: the
// documents of an import go to a store that can write several at once
// (ManyWriter) in groups, and the import still reports and keeps exactly
// what it would have one document at a time. A document is in the report's
// Added only once it is written; a group the store refuses is written again
// one document at a time, so that every document that can be stored is,
// and the import stops at the first that cannot, its report then holding
// nothing of the lines after that one, as it would have without groups; a
// cancelled import, or one stopped by the store, writes the documents read
// before it stopped. A document is looked for when its line is read and
// written later: the write itself leaves out one that another tab added
// meanwhile, which is reported as a duplicate, never written over.

import (
	"context"
	"errors"
	"slices"

	"github.com/newsannotator/annotator/annotate"
)

// The size of a group: a few dozen articles, and a few megabytes, so that
// IndexedDB's cost per transaction is shared without one transaction
// holding a large batch's whole HTML.
const (
	groupDocuments = 32
	groupBytes     = 8 << 20
)

// group is the documents of an import waiting to be written.
type group struct {
	// writer is the store's, or nil when it writes one document at a time.
	writer ManyWriter
	// schema is the workspace's schema, read once for the documents that
	// come without one.
	schema  *annotate.Schema
	waiting []waiting
	// byID finds a waiting document by its id; bytes is the size of the
	// waiting documents' HTML and text.
	byID  map[string]int
	bytes int
}

// waiting is a document read and not yet written, where it was read
// (as Duplicate names it), and how long the report's Errors, Duplicates
// and Notes were when its line was read.
type waiting struct {
	NewDocument
	name, sourceID            string
	line                      int
	errors, duplicates, notes int
}

// workspaceSchema returns the workspace's label schema, read once an
// import.
func (b *batch) workspaceSchema() (*annotate.Schema, error) {
	if b.schema == nil {
		s, err := b.w.Settings()
		if err != nil {
			return nil, err
		}
		b.schema = &s.Schema
	}
	return b.schema, nil
}

// addToGroup is add for a store that writes groups: doc waits, and the
// group is written once it is full.
func (b *batch) addToGroup(doc *annotate.Document, set *annotate.Set, orphans []annotate.Annotation, sourceID, name string, line int) error {
	if i, ok := b.byID[doc.ID]; ok {
		return b.duplicate(doc, set, orphans, sourceID, name, line, &b.waiting[i])
	}
	schema := b.schema
	if set == nil {
		var err error
		if schema, err = b.workspaceSchema(); err != nil {
			return err
		}
	}
	rec, all, err := b.w.newRecord(doc, set, orphans, sourceID, schema)
	if errors.Is(err, ErrDuplicateText) {
		return b.duplicate(doc, set, orphans, sourceID, name, line, nil)
	}
	if err != nil {
		return err
	}
	rec.Body.Index = doc.IndexData()
	if b.byID == nil {
		b.byID = map[string]int{}
	}
	b.byID[doc.ID] = len(b.waiting)
	b.waiting = append(b.waiting, waiting{NewDocument{rec, all}, name, sourceID, line, len(b.report.Errors), len(b.report.Duplicates), len(b.report.Notes)})
	b.earlier[doc.TextSHA256()] = (&ItemError{Name: name, Line: line}).Where()
	if b.bytes += len(rec.HTML) + len(rec.Text); len(b.waiting) >= groupDocuments || b.bytes >= groupBytes {
		return b.flush()
	}
	return nil
}

// flush writes the waiting documents: in one transaction, or, when the
// store refuses it, one at a time up to the first it refuses. A document
// the store holds by now (another tab added the article since its line
// was read) is not written over: it is reported as a duplicate, where its
// line was.
func (b *batch) flush() error {
	docs := b.waiting
	b.waiting, b.byID, b.bytes = nil, nil, 0
	if len(docs) == 0 {
		return nil
	}
	all := make([]NewDocument, len(docs))
	for i := range docs {
		all[i] = docs[i].NewDocument
	}
	shift := 0 // duplicates reported here, before the lines after theirs
	written := func(d waiting, found string) {
		if found == "" {
			b.report.Added = append(b.report.Added, d.Record.Summary.clone())
			return
		}
		dup := Duplicate{Name: d.name, Line: d.line, ID: d.sourceID, Annotations: len(d.Annotations)}
		b.storedAs(&dup, found)
		b.report.Duplicates = slices.Insert(b.report.Duplicates, d.duplicates+shift, dup)
		shift++
	}
	if found, err := b.writer.PutDocuments(all); err == nil {
		for i, d := range docs {
			written(d, found[i])
		}
		return nil
	}
	for _, d := range docs {
		found, err := b.writer.PutDocuments([]NewDocument{d.NewDocument})
		if err != nil {
			// The import stops here: what it read after this document
			// is not reported, as it would not have been read.
			b.report.Errors = cut(b.report.Errors, d.errors)
			b.report.Duplicates = cut(b.report.Duplicates, d.duplicates+shift)
			b.report.Notes = cut(b.report.Notes, d.notes)
			return err
		}
		written(d, found[0])
	}
	return nil
}

// finish writes what still waits once the import ends, however it ends,
// and returns err, the error it ended with, or the store's: a write that
// fails as a cancelled import stops is the import's end, as it is one at
// a time (the store's error was dropped, and the import said that what it
// had read was kept).
func (b *batch) finish(err error) error {
	ferr := b.flush()
	if ferr != nil {
		// The documents read before a cancel were not all written: the
		// place it stopped at would say they were.
		b.report.Stopped = nil
	}
	if err == nil || ferr != nil && errors.Is(err, context.Canceled) {
		err = ferr
	}
	return err
}

// cut returns the first n of s, nil for none, as a report that never had
// the rest holds them.
func cut[T any](s []T, n int) []T {
	if n == 0 {
		return nil
	}
	return s[:n:n]
}
