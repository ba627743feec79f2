package app

// This file paints the highlights: all of them when a document opens, and
// after that only what changed since the last paint
// (annotate.Set.ChangedSince), so that a tag on an article of 2,000
// annotations hands the browser one range and the overlaps, not 2,000
// ranges made again.

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// The highlights that are not a label's: where spans overlap, and the
// selected annotation, painted above the others.
const (
	overlapHighlight  = "overlap"
	selectedHighlight = "selected"
)

// painter is what the page shows of the annotations: of which Set, as of
// which version, with which highlight names.
type painter struct {
	doc     *annotate.Document
	set     *annotate.Set
	version int
	names   string
}

// paint hands the highlights to the browser: one per label, one where
// spans overlap, and one for the selected annotation, above the others.
func (a *Annotator) paint(ctx app.Context) {
	if a.doc == nil || a.set == nil {
		return
	}
	labels := a.schema().Labels
	names := make([]string, 0, len(labels)+2)
	for _, l := range labels {
		names = append(names, labelClass(l.Name))
	}
	names = append(names, overlapHighlight, selectedHighlight)
	p := &a.painter
	joined := strings.Join(names, ",")
	patched := false
	if p.doc == a.doc && p.set == a.set && p.names == joined {
		if ids, ok := a.set.ChangedSince(p.version); ok {
			patched = a.patch(names, labels, ids)
		}
	}
	if !patched {
		a.paintEvery(names, labels)
	}
	*p = painter{doc: a.doc, set: a.set, version: a.set.Version(), names: joined}
	// The sidebar's rows in the same turn, so in the same frame.
	a.drawList()
	// Every change of the annotations or of the one selected is painted
	// here: the place to remember the selection for the next start.
	a.rememberSession(ctx)
}

// paintEvery paints every annotation.
func (a *Annotator) paintEvery(names []string, labels []annotate.Label) {
	byLabel := make(map[string]int, len(labels))
	for i, l := range labels {
		byLabel[l.Name] = i
	}
	index := a.doc.Index()
	var l paintList
	for _, ann := range a.set.Snapshot() {
		if i, ok := byLabel[ann.Label]; ok {
			l.add(index, i, annotate.Span{Start: ann.Start, End: ann.End}, ann.ID)
		}
	}
	a.addLoose(&l, len(labels), true)
	paintAll(names, &l)
}

// patch paints the annotations ids again (those gone are taken out), and
// the overlaps and the selection; it reports whether the page could.
func (a *Annotator) patch(names []string, labels []annotate.Label, ids []string) bool {
	byLabel := make(map[string]int, len(labels))
	for i, l := range labels {
		byLabel[l.Name] = i
	}
	index := a.doc.Index()
	var l paintList
	var gone []string
	for _, id := range ids {
		ann, ok := a.set.Get(id)
		i, known := byLabel[ann.Label]
		if !ok || !known {
			gone = append(gone, id)
			continue
		}
		l.add(index, i, annotate.Span{Start: ann.Start, End: ann.End}, id)
	}
	// The overlaps change only with the annotations; a new selection
	// alone repaints one range.
	replace := []string{selectedHighlight}
	if len(ids) > 0 {
		replace = append(replace, overlapHighlight)
	}
	a.addLoose(&l, len(labels), len(ids) > 0)
	return patchPaint(names, &l, gone, replace)
}

// addLoose adds the overlaps (with overlaps set) and the selected
// annotation to l, as the highlights after the labels'.
func (a *Annotator) addLoose(l *paintList, overlap int, overlaps bool) {
	index := a.doc.Index()
	if overlaps {
		for _, sp := range a.set.Overlaps() {
			l.add(index, overlap, sp, "")
		}
	}
	if ann, ok := a.set.Get(a.selected); ok {
		l.add(index, overlap+1, annotate.Span{Start: ann.Start, End: ann.End}, "")
	}
}
