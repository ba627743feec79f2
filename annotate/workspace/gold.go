package workspace

// This file keeps an adjudicated gold file in the library. The library
// holds an article once (its text names it), so the gold annotations of
// an article already there take the place of the annotations it had, as
// one change that the library's Undo takes back; nothing is lost.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// ErrChangedSince is the error of the library's undo of a change once its
// document has changed since (in any tab): a gold file's, once its
// annotations have; a rename's or a status's, once the document was
// renamed again or given another status.
// Putting back what it had before would lose what was done since.
var ErrChangedSince = errors.New("it has changed since, and undoing would lose those changes")

// SaveGold keeps gold, a native file, in the library, marked done: as a
// new document when its article is not there, or else as the article's
// annotations in place of those it had (replaced is then set). Undo puts
// the annotations it had back; their undo history is not kept. The file
// is read as an import reads it: sanitised and anchored again. An article
// open elsewhere (Hold) keeps its annotations: the error wraps ErrInUse,
// and so does the Undo's while it is open elsewhere. Once the annotations
// have changed since (in any tab), the Undo is refused with
// ErrChangedSince: it would lose those changes.
func (w *Workspace) SaveGold(gold annotate.File) (sum Summary, replaced bool, err error) {
	data, err := gold.Marshal()
	if err != nil {
		return Summary{}, false, err
	}
	imp, err := annotate.Import(data)
	if err != nil {
		return Summary{}, false, err
	}
	sum, err = w.add(imp.Document, imp.Set, imp.Orphans, "", StatusDone)
	var dup *DuplicateError
	switch {
	case err == nil:
		return sum, false, nil
	case !errors.As(err, &dup):
		return Summary{}, false, err
	}
	release, err := w.hold(dup.ID)
	defer release()
	if err != nil {
		return Summary{}, false, fmt.Errorf("%s: %w", titled(dup.Title), err)
	}
	old, err := w.store.Document(dup.ID)
	if err != nil {
		return Summary{}, false, err
	}
	if old.Text != imp.Document.Text().String() {
		return Summary{}, false, dup
	}
	// The gold annotations replace the stored ones, damaged records
	// with them: Undo puts back those that could be read.
	oldAnns, err := w.store.Annotations(dup.ID)
	if err := readable(err); err != nil {
		return Summary{}, false, err
	}
	if err := w.saving(dup.ID); err != nil {
		return Summary{}, false, fmt.Errorf("%s: %w", titled(dup.Title), err)
	}
	rec := old.Clone()
	anns := imp.Set.All()
	rec.Counts, rec.Orphans, rec.Changed, rec.Status = countLabels(anns), len(imp.Orphans), w.now(), StatusDone
	rec.Schema = imp.Set.Schema()
	for _, o := range imp.Orphans {
		o.Anchor = annotate.AnchorOrphan
		anns = append(anns, o)
	}
	if err := w.store.PutDocument(rec, anns); err != nil {
		return Summary{}, false, err
	}
	written := slices.Clone(anns)
	slices.SortFunc(written, func(a, b annotate.Annotation) int { return strings.Compare(a.ID, b.ID) })
	w.remember("the gold annotations of "+titled(rec.Title), rec.ID, rec.ID, false, func() error {
		// Putting the old annotations back replaces them as saving the
		// gold did: a tab that has the document open since would go on
		// from the gold ones it holds.
		release, err := w.hold(rec.ID)
		defer release()
		if err != nil {
			return fmt.Errorf("the gold annotations of %s cannot be undone: %w", titled(rec.Title), err)
		}
		// Read held: what another tab did since is written by now.
		now, err := w.store.Annotations(rec.ID)
		if err != nil {
			return err
		}
		if !slices.EqualFunc(now, written, annotate.Annotation.Equal) {
			return fmt.Errorf("the gold annotations of %s cannot be undone: %w", titled(rec.Title), ErrChangedSince)
		}
		if err := w.saving(rec.ID); err != nil {
			return fmt.Errorf("the gold annotations of %s cannot be undone: %w", titled(rec.Title), err)
		}
		// The annotations go back, and the status "done" the gold file
		// set; a title or a status given since (in another tab) stays.
		cur, err := w.store.Summary(rec.ID)
		if err != nil {
			return err
		}
		back := old.Clone()
		back.Title = cur.Title
		if cur.Status != rec.Status {
			back.Status = cur.Status
		}
		return w.store.PutDocument(back, oldAnns)
	})
	return rec.Summary.clone(), true, nil
}
