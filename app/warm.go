package app

// This file keeps a start's first tag nearer the tags after it. V8
// compiles a WebAssembly function on its first call
// (BenchmarkBrowserStartCompiles), and a start's first tag compiled 64–68
// functions that nothing before it had run: the key's reading and
// binding, the selection's offsets, and the Set's add, its overlaps and
// what changed to paint. At 10,000 paragraphs its paint call came 7–17 ms
// after the key (median 10), where the tags after it took 2 ms (BENCH.md,
// the thirty-third pass). So the start's idle work (later.go) runs that
// code once: the keydown listener on a key event of no binding, and a
// scratch Set on the open article's text. The labels, the selection and
// the article are read, and nothing is changed
// (TestStartWarmsTheTagUnseen). In a new renderer it takes 11–23 ms of the
// idle moment: the compiling it takes off the first tag. What it cannot
// run without a tag (the command's own functions in this package, about
// half of those compiled) still compiles in the first tag.

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// warmKey is the key warmTagging hands the keydown listener: bound to
// nothing, so that the listener reads it and returns (keys_test.go).
const warmKey = "F24"

// warmText is the scratch Set's text when no article is open: long enough
// for the spans that overlap.
const warmText = "The minister said the plan would cut waiting times by half."

// warmTagging runs, once, the code a tag runs before its highlight is
// painted, on nothing of the user's: the keydown listener, given a key
// event of no binding that was never dispatched (no other listener has
// it); the selection's read; a selection's offsets in the open article
// (TextIndex.FromDOM); and, in a scratch Set on its text, three
// annotations added over each other (Set.Add), and what a patch paints of
// them (Set.ChangedSince, Set.OverlapsSince, SpanChanges). Outside the
// browser it does nothing.
func (a *Annotator) warmTagging() {
	mark("annotator:warm")
	labels := a.schema().Labels
	if !app.IsClient || len(labels) == 0 {
		return
	}
	if a.keydown != nil {
		if ctor := app.Window().Get("KeyboardEvent"); ctor.Truthy() {
			a.keydown.Invoke(ctor.New("keydown", map[string]any{"key": warmKey}))
		}
	}
	readSelection()
	// The open article's text and index, read only: a scratch document
	// loaded here (annotate.Load) made the whole of it 26–43 ms.
	text := annotate.NewText(warmText)
	if a.doc != nil {
		if _, err := a.doc.Index().FromDOM(0, 0); err == nil {
			text = a.doc.Text()
		}
	}
	set := annotate.NewSet(text, a.schema())
	overlaps := set.Overlaps()
	v := set.Version()
	for i, sp := range []annotate.Span{{Start: 4, End: 12}, {Start: 9, End: 25}, {Start: 22, End: 40}} {
		if sp.End <= text.Len() {
			set.Add(labels[i%len(labels)].Name, sp.Start, sp.End)
		}
	}
	if ids, ok := set.ChangedSince(v); ok {
		for _, id := range ids {
			set.Get(id)
		}
	}
	now, _, _, ok := set.OverlapsSince(v, overlaps)
	if !ok {
		now = set.Overlaps()
	}
	annotate.SpanChanges(overlaps, now)
	mark("annotator:warmed")
}
