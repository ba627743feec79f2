package app

// This file places and drops the imported annotations that could not be
// placed on the text (the orphans), from the sidebar's buttons.

import (
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// placeOrphan puts orphan id on the selected text.
func (a *Annotator) placeOrphan(ctx app.Context, id string) {
	i := a.orphanIndex(id)
	if i < 0 || !a.canChange() {
		return
	}
	span, ok := a.selectedSpan()
	if !ok {
		return
	}
	rest, o, err := a.set.PlaceOrphan(a.orphans, i, span.Start, span.End)
	switch {
	case errors.Is(err, annotate.ErrEmptySpan):
		a.fail("Select a passage with words in it to place the orphan.")
		return
	case err != nil:
		a.fail(err.Error())
		return
	}
	a.orphans = rest
	clearSelection()
	a.selected = o.ID
	a.revealSelected()
	a.say(fmt.Sprintf("Placed the %s on %s.", o.Label, quoted(o.Exact, 60)))
	a.changed(ctx)
}

// dropOrphan forgets orphan id, and the workspace with it, as every
// change is written when it is made; undo brings it back.
func (a *Annotator) dropOrphan(ctx app.Context, id string) {
	i := a.orphanIndex(id)
	if i < 0 || !a.canChange() {
		return
	}
	o := a.orphans[i]
	a.orphans = a.set.DropOrphan(a.orphans, i) // a step, which Ctrl+Z undoes
	a.say(fmt.Sprintf("Dropped the orphan %s %s. Ctrl+Z brings it back.", o.Label, quoted(o.Exact, 60)))
	a.changed(ctx)
}

func (a *Annotator) orphanIndex(id string) int {
	for i, o := range a.orphans {
		if o.ID == id {
			return i
		}
	}
	return -1
}
