package workspace

// This file keeps the one rule of the work not yet stored: an export or a
// backup holds the work the user sees, what the store lacks of it too (a
// change whose write is queued, or failed with the storage full; an
// article opened whose document could not be written), never the store's
// older state in silence. The caller, which holds that work in its
// editors, hands it over as Unstored, by document id.

import (
	"errors"

	"github.com/newsannotator/annotator/annotate"
)

// Unstored is the work of one document that the store does not have yet.
type Unstored struct {
	// Record is the document's record when the store does not hold the
	// document at all (its first write, AddAndEditLater's, has not been
	// made); nil when it does.
	Record *DocumentRecord
	// Annotations are all its annotations, orphans marked, as
	// Editor.Annotations gives them.
	Annotations []annotate.Annotation
}

// recordOf returns document id's record and annotations, orphans marked:
// with its unstored work in place of what the store holds, if it has some,
// its summary then moved as the store will once the work is written.
func (w *Workspace) recordOf(id string, unstored map[string]Unstored) (DocumentRecord, []annotate.Annotation, error) {
	u, held := unstored[id]
	rec, err := w.store.Document(id)
	switch {
	case err == nil:
	case held && u.Record != nil && errors.Is(err, ErrNoDocument):
		rec = u.Record.Clone()
	default:
		return DocumentRecord{}, nil, err
	}
	if !held {
		anns, err := w.store.Annotations(id)
		if _, ok := errors.AsType[*DamagedError](err); ok {
			// What could be read is the document now (the editor says
			// the rest is lost), counted as it is.
			rec.Counts, rec.Orphans = placedCounts(anns)
			return rec, anns, nil
		}
		return rec, anns, err
	}
	c := Change{Counts: map[string]int{}, Annotated: len(u.Annotations) > 0}
	for _, a := range u.Annotations {
		if a.Anchor == annotate.AnchorOrphan {
			c.Orphans++
		} else {
			c.Counts[a.Label]++
		}
	}
	rec.Summary = c.Update(rec.Summary)
	return rec, u.Annotations, nil
}

// documentsWith returns the summaries of every document, those of the
// documents only unstored holds included (see recordOf). A backup or an
// export holds the documents that can be read: one whose summary is
// damaged is said lost by the library, and blocks neither.
func (w *Workspace) documentsWith(unstored map[string]Unstored) ([]Summary, error) {
	all, _, err := w.DocumentsWith(unstored)
	return all, readable(err)
}

// DocumentsWith returns the summaries of every document, those of the
// documents only unstored holds included (see recordOf), and the ids of
// the latter: the library lists them, marked, as the dataset and the
// backup hold them, so that what is listed and what is exported agree.
// When some summaries cannot be read, the rest are returned with the
// *DamagedError that says so: one damaged record never empties the
// library.
func (w *Workspace) DocumentsWith(unstored map[string]Unstored) ([]Summary, map[string]bool, error) {
	all, damaged := w.store.Documents()
	if err := readable(damaged); err != nil {
		return nil, nil, err
	}
	stored := make(map[string]bool, len(all))
	for _, s := range all {
		stored[s.ID] = true
	}
	var only map[string]bool
	for id, u := range unstored {
		if u.Record == nil || stored[id] {
			continue
		}
		rec, _, err := w.recordOf(id, unstored)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, rec.Summary)
		if only == nil {
			only = map[string]bool{}
		}
		only[id] = true
	}
	return all, only, damaged
}
