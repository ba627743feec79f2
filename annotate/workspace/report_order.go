package workspace

// This file keeps the order of what an import says: the files of other
// tools' formats are read after the workspace's own (articles, exports,
// batches), so that the rows of a CSV find the articles added with them,
// yet the report names its files in the order they were given, and each
// file's lines in order, as the user will look for them in the folder.

import (
	"cmp"
	"slices"

	"github.com/newsannotator/annotator/annotate/formats"
)

// inInputOrder puts r's errors, duplicates and notes in the order of
// files, a file's by line, keeping the order of those of one line.
func inInputOrder(r *Report, files []File) {
	inputs := make([]formats.Input, len(files))
	for i, f := range files {
		inputs[i] = formats.Input{Name: f.Name}
	}
	place := formats.InputOrder(inputs)
	by := func(an string, al int, bn string, bl int) int {
		return cmp.Or(cmp.Compare(place(an), place(bn)), cmp.Compare(al, bl))
	}
	slices.SortStableFunc(r.Errors, func(a, b *ItemError) int { return by(a.Name, a.Line, b.Name, b.Line) })
	slices.SortStableFunc(r.Duplicates, func(a, b Duplicate) int { return by(a.Name, a.Line, b.Name, b.Line) })
	slices.SortStableFunc(r.Notes, func(a, b Note) int { return by(a.Name, a.Line, b.Name, b.Line) })
}
