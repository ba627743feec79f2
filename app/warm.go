package app

// This file keeps a start's first tag nearer the tags after it. V8
// compiles a WebAssembly function on its first call
// (BenchmarkBrowserStartCompiles), and a start's first tag compiled 64–68
// functions that nothing before it had run: the key's reading and
// binding, the selection's offsets, and the Set's add, its overlaps and
// what changed to paint. At 10,000 paragraphs its paint call came 7–17 ms
// after the key (median 10), where the tags after it took 2 ms (BENCH.md,
// the thirty-third pass). So the start's idle work (later.go) runs that
// code once: the keydown listener on a key event of no binding, and the
// Set on a scratch document of one sentence. Nothing of the user's is
// read but the labels and the selection, and nothing is changed
// (TestStartWarmsTheTagUnseen). What it cannot run without a tag (the
// command's own functions in this package, about half of those compiled)
// still compiles in the first tag.

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// warmKey is the key warmTagging hands the keydown listener: bound to
// nothing, so that the listener reads it and returns (keys_test.go).
const warmKey = "F24"

// warmText is the scratch document's text: long enough for spans that
// overlap.
const warmText = "The minister said the plan would cut waiting times by half."

// warmTagging runs, once, the code a tag runs before its highlight is
// painted, on nothing of the user's: the keydown listener, given a key
// event of no binding that was never dispatched (no other listener has
// it); the selection's read; and, on a scratch document, a selection's
// offsets (TextIndex.FromDOM), three annotations added over each other
// (Set.Add), and what a patch paints of them (Set.ChangedSince,
// Set.OverlapsSince, SpanChanges). Outside the browser it does nothing.
func (a *Annotator) warmTagging() {
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
	doc, err := annotate.Load([]byte("<p>"+warmText+"</p>"), annotate.Source{Name: "warm.html"})
	if err != nil {
		return
	}
	doc.Index().FromDOM(0, 4)
	set := annotate.NewSet(doc.Text(), a.schema())
	overlaps := set.Overlaps()
	v := set.Version()
	for i, sp := range []annotate.Span{{Start: 4, End: 12}, {Start: 9, End: 25}, {Start: 22, End: 40}} {
		set.Add(labels[i%len(labels)].Name, sp.Start, sp.End)
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
