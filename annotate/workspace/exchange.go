package workspace

// This file brings in the files of the exchange formats that other tools
// write (W3C Web Annotation, Label Studio tasks, brat standoff, CSV):
// annotate/formats reads them, as the command line's convert does, and
// each document it reads is then imported like a native export (sanitised
// again, its annotations anchored again), so that one rule decides what
// the library holds whatever the format. A format without the article's
// text (CSV, W3C annotations of someone else's making) finds the article
// in the library, by its id or its address.

import (
	"context"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// splitForeign separates the files of the exchange formats from those the
// workspace reads itself: articles, native exports and batches (as
// formats.Classify tells them apart: a .txt is brat's only with its .ann).
func splitForeign(files []File) (own, foreign []File) {
	inputs := make([]formats.Input, len(files))
	for i, f := range files {
		inputs[i] = formats.Input{Name: f.Name, Data: f.Data}
	}
	for i, format := range formats.Classify(inputs) {
		batch := format.Name == "jsonl" && strings.EqualFold(path.Ext(files[i].Name), ".jsonl")
		if format.Name == "" || format.Name == "v1" || batch {
			own = append(own, files[i])
		} else {
			foreign = append(foreign, files[i])
		}
	}
	return own, foreign
}

// foreign imports files of the exchange formats. A document that cannot
// be imported is named in the report's Errors and the others go on; a
// failure of the store stops the import with the store's error.
func (b *batch) foreign(ctx context.Context, files []File) error {
	inputs := make([]formats.Input, len(files))
	for i, f := range files {
		inputs[i] = formats.Input{Name: f.Name, Data: f.Data}
	}
	// A format without the article's text (CSV rows) finds its article in
	// the library, by Find, which reads the store: the articles this
	// import read before, still waiting for their group's write, are
	// written first. Else rows dropped with their page were refused, or
	// placed, by whether the group had filled before them.
	if err := b.flush(); err != nil {
		return err
	}
	docs, faults := formats.ReadAll(inputs, b.w.Find)
	for _, f := range faults {
		b.report.Errors = append(b.report.Errors, &ItemError{Name: f.Name, Line: f.Line, Err: faultReason{f}})
	}
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			b.stopAmong(files, docs, i)
			return err
		}
		name, line := d.Where()
		data, err := d.File.Marshal()
		var imp *annotate.Imported
		if err == nil {
			imp, err = annotate.Import(data)
		}
		if err != nil {
			b.report.Errors = append(b.report.Errors, &ItemError{Name: name, Line: line, ID: d.SourceID, Err: err})
			continue
		}
		if err := b.add(imp.Document, imp.Set, imp.Orphans, d.SourceID, name, line); err != nil {
			// The store's: the import stops here, as a batch's does. The
			// document that failed may be one read before this one
			// (written in a group), so the error names none.
			return err
		}
		b.noteDoc(name, line, d.SourceID, d)
	}
	return nil
}

// faultReason is a Fault without its file and line, which the ItemError
// that holds it names.
type faultReason struct{ f *formats.Fault }

func (r faultReason) Error() string { return r.f.Message }
func (r faultReason) Unwrap() error { return r.f }

// Find finds a document of the library by its id ("sha256:…") or its
// address, with its annotations: a formats.Known, for a format whose
// files carry none of the article's text.
func (w *Workspace) Find(key string) (annotate.File, bool) { return w.find(key, nil) }

// find is Find, with the unstored annotations of a document that has
// some (see Selection.Unstored).
func (w *Workspace) find(key string, unstored map[string]Unstored) (annotate.File, bool) {
	id := key
	if !strings.HasPrefix(key, "sha256:") {
		all, err := w.store.Documents()
		if readable(err) != nil {
			return annotate.File{}, false
		}
		id = ""
		for _, s := range all {
			if s.URL == key {
				id = s.ID
				break
			}
		}
	}
	rec, anns, err := w.recordOf(id, unstored)
	if err != nil {
		return annotate.File{}, false
	}
	doc, err := annotate.FromStored(annotate.Stored{HTML: rec.HTML, Text: rec.Text, TextSHA256: rec.TextSHA256,
		Index: rec.Index, Title: rec.Title, URL: rec.URL, Meta: rec.Meta})
	if err != nil {
		return annotate.File{}, false
	}
	set := annotate.NewSet(doc.Text(), rec.Schema)
	var placed, orphans []annotate.Annotation
	for _, a := range anns {
		if a.Anchor == annotate.AnchorOrphan {
			orphans = append(orphans, a)
		} else {
			placed = append(placed, a)
		}
	}
	set.InsertAll(placed)
	return annotate.NewFile(doc, set, orphans, time.Time{}), true
}

// Files returns the documents of sel as native files, each with its
// annotations and orphans, in the order ExportDataset writes them: what
// an exchange format's Export takes.
func (w *Workspace) Files(sel Selection) ([]annotate.File, error) {
	ids, err := w.selected(sel)
	if err != nil {
		return nil, err
	}
	files := make([]annotate.File, 0, len(ids))
	for _, id := range ids {
		f, ok := w.find(id, sel.Unstored)
		if !ok {
			return nil, fmt.Errorf("document %s: %w", id, ErrCorrupt)
		}
		files = append(files, f)
	}
	return files, nil
}
