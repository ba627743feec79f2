package workspace

// This file keeps the dataset export: the documents of a selection, one
// dataset line (package formats, dataset.go, which says what a line holds)
// to a document, in a stable order. Orphans, which have no place in the
// text, are not written.

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// Selection says which documents an export holds. The zero Selection
// holds the whole library.
type Selection struct {
	// IDs, when not nil, are the documents to export, in this order.
	IDs []string
	// Done keeps only the documents marked StatusDone.
	Done bool
	// Unstored holds, by document id, the work the store does not have
	// yet (a write queued, or one that failed: the storage full): it is
	// exported in place of what the store holds, and a document only it
	// holds is exported too, so that the work the user sees is never left
	// out of an export in silence (see unstored.go).
	Unstored map[string]Unstored
}

// SelectAll is the whole library; SelectDone every document marked done.
var (
	SelectAll  = Selection{}
	SelectDone = Selection{Done: true}
)

// SelectIDs is the documents with the ids given, in that order.
func SelectIDs(ids ...string) Selection { return Selection{IDs: slices.Clone(ids)} }

// DatasetSpan and DatasetLine are the dataset line of package formats,
// the one implementation of it: the workspace's export and the "jsonl"
// format write the same lines.
type (
	DatasetSpan = formats.DatasetSpan
	DatasetLine = formats.DatasetLine
)

// Dataset returns the line of document id, as the store holds it.
func (w *Workspace) Dataset(id string) (DatasetLine, error) { return w.dataset(id, nil) }

// dataset returns the line of document id, with its unstored annotations
// when it has some (see Selection.Unstored).
func (w *Workspace) dataset(id string, unstored map[string]Unstored) (DatasetLine, error) {
	rec, anns, err := w.recordOf(id, unstored)
	if err != nil {
		return DatasetLine{}, err
	}
	f := annotate.File{Document: annotate.FileDocument{ID: rec.ID, Title: rec.Title, URL: rec.URL, Text: rec.Text, Meta: rec.Meta}, Annotations: anns}
	line, err := formats.NewDatasetLine(f)
	if err != nil {
		return DatasetLine{}, fmt.Errorf("document %s, %v: %w", id, err, ErrCorrupt)
	}
	line.SourceID = rec.SourceID
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
		line, err := w.dataset(id, sel.Unstored)
		if err != nil {
			return i, err
		}
		data, err := line.MarshalJSON()
		if err != nil {
			return i, err
		}
		bw.Write(data)
		if err := bw.WriteByte('\n'); err != nil {
			return i, err
		}
	}
	return len(ids), bw.Flush()
}

// Unplaced counts the orphans of sel's documents, as the library lists
// them ("3 unplaced", the work not yet stored counted): the annotations
// that have no place in their text, which only the native export and the
// backup keep, and which an export in another format must say it leaves
// out.
func (w *Workspace) Unplaced(sel Selection) (int, error) {
	all, err := w.documentsWith(sel.Unstored)
	if err != nil {
		return 0, err
	}
	ids, err := selectedOf(all, sel)
	if err != nil {
		return 0, err
	}
	byID := make(map[string]int, len(all))
	for _, s := range all {
		byID[s.ID] = s.Orphans
	}
	n := 0
	for _, id := range ids {
		n += byID[id]
	}
	return n, nil
}

// selected returns the ids of sel's documents, in export order.
func (w *Workspace) selected(sel Selection) ([]string, error) {
	all, err := w.documentsWith(sel.Unstored)
	if err != nil {
		return nil, err
	}
	return selectedOf(all, sel)
}

// selectedOf returns the ids of sel's documents among all, the summaries
// of every document, in export order.
func selectedOf(all []Summary, sel Selection) ([]string, error) {
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
