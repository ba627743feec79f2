// Package workspace keeps the annotator's work between visits: every
// article a user has opened, its annotations, its status and the library
// that lists them, behind a small Store that the browser backs with
// IndexedDB and tests back with Memory.
//
// It exists so that no work is ever lost (DESIGN.md, decision 6): every
// change is written at once, and the write costs the same on an article
// with two thousand annotations as on an empty one, because each annotation
// is a record of its own, keyed by (document id, annotation id), and the
// small summary that the library lists is a record apart from the large
// body (the HTML and the text) that never changes after import. A change to
// one annotation writes that annotation and the summary's counts, nothing
// else.
//
// The package also holds the rules that sit on top of the store: the
// library's sorting and filtering, renaming, status and a delete that one
// undo reverses (library.go); importing articles by the hundred from a JSON
// Lines batch or a list of files, with every bad line named (batch.go);
// the dataset export, one document per line with code-point offsets
// (dataset.go); and a backup that restores a whole workspace with nothing
// lost (backup.go).
//
// Like annotate, it never imports syscall/js or go-app and is tested
// natively.
package workspace
