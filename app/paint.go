package app

// This file paints the highlights: all of them when a document opens, and
// after that only what changed since the last paint
// (annotate.Set.ChangedSince, and Set.OverlapsSince for the overlaps), so
// that a tag on an article of 2,000 annotations hands the browser one
// range and the overlaps around it, not 2,000 ranges made again, and
// costs no pass over the 2,000.

import (
	"strconv"
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
	doc      *annotate.Document
	set      *annotate.Set
	version  int
	names    string
	overlaps []annotate.Span // as painted, each with its overlapID
}

// overlapID names an overlap's range in the page: by its span, which no
// annotation's id (a UUID) can be.
func overlapID(sp annotate.Span) string {
	return "~" + strconv.Itoa(sp.Start) + "-" + strconv.Itoa(sp.End)
}

// paint hands the highlights to the browser: one per label, one where
// spans overlap, and one for the selected annotation, above the others.
func (a *Annotator) paint(ctx app.Context) {
	if a.doc == nil || a.set == nil {
		return
	}
	a.paintShown()
	// Every change of the annotations or of the one selected is painted
	// here: the place to remember the selection for the next start.
	a.rememberSession(ctx)
}

// paintShown paints what paint does, and draws the sidebar's rows, but
// does not remember the session: a tab that shows another tab's changes
// (showFollowed) has changed nothing of its own, and the tabs share the
// session, which it would overwrite with its own selection.
func (a *Annotator) paintShown() {
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
	overlaps := p.overlaps
	if p.doc == a.doc && p.set == a.set && p.names == joined {
		if ids, ok := a.set.ChangedSince(p.version); ok {
			overlaps, patched = a.patch(names, labels, ids, p.version, p.overlaps)
		}
	}
	if !patched {
		overlaps = a.paintEvery(names, labels)
	}
	*p = painter{doc: a.doc, set: a.set, version: a.set.Version(), names: joined, overlaps: overlaps}
	if a.selected != "" {
		// The panel, once drawn for a selection, stays on the page, hidden
		// when nothing is selected, so that the next selection shows in it
		// in the turn of its change. Set here, in the selection's turn: a
		// tag dropped with Escape before go-app's render had drawn it left
		// no panel for the next (TestPanelStaysOnceDrawn).
		a.panelDrawn = true
	}
	// The sidebar's rows in the same turn, so in the same frame.
	a.drawList()
}

// paintEvery paints every annotation, and returns the overlaps painted.
func (a *Annotator) paintEvery(names []string, labels []annotate.Label) []annotate.Span {
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
	overlaps := a.set.Overlaps()
	for _, sp := range overlaps {
		l.add(index, len(labels), sp, overlapID(sp))
	}
	a.addSelected(&l, len(labels)+1)
	paintAll(names, &l)
	return overlaps
}

// patch paints the annotations ids again (those gone are taken out), the
// overlaps that changed since painted, as of the set's version, and the
// selection; it returns the overlaps now, and reports whether the page
// could.
func (a *Annotator) patch(names []string, labels []annotate.Label, ids []string, version int, painted []annotate.Span) ([]annotate.Span, bool) {
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
	// The overlaps change only with the annotations, and only around
	// those changed (Set.OverlapsSince); a new selection alone repaints
	// one range.
	overlaps := painted
	if len(ids) > 0 {
		var ended, begun []annotate.Span
		var ok bool
		if overlaps, ended, begun, ok = a.set.OverlapsSince(version, painted); !ok {
			overlaps = a.set.Overlaps()
			ended, begun = annotate.SpanChanges(painted, overlaps)
		}
		for _, sp := range ended {
			gone = append(gone, overlapID(sp))
		}
		for _, sp := range begun {
			l.add(index, len(labels), sp, overlapID(sp))
		}
	}
	a.addSelected(&l, len(labels)+1)
	return overlaps, patchPaint(names, &l, gone, []string{selectedHighlight})
}

// addSelected adds the selected annotation to l, as highlight name: a
// range of no annotation's own, above the others.
func (a *Annotator) addSelected(l *paintList, name int) {
	if ann, ok := a.set.Get(a.selected); ok {
		l.add(a.doc.Index(), name, annotate.Span{Start: ann.Start, End: ann.End}, "")
	}
}
