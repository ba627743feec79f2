// Package formats reads and writes the exchange formats that teams train
// on and that other annotation tools read, beside the native version-1
// export: JSON Lines (the dataset line), W3C Web Annotation, Label Studio
// tasks, brat standoff and CSV.
//
// Every format passes through one model, annotate.File. An export is made
// from files; an import gives files whose annotations have been placed on
// their document's canonical text as annotate.Import places them, with the
// same report of what moved and what could not be placed. A conversion from
// any format to any other is an import followed by an export, and the
// browser and the command line share this one implementation.
//
// Each format says which unit its offsets count (Format.Unit), and every
// file it writes says so too, where the format has room for it. The JSON
// Lines dataset ("jsonl") counts Unicode code points of its "text", as
// Python does; the W3C Web Annotation export ("w3c") counts code points of
// the canonical text in its TextPositionSelector, and takes the quote of
// its TextQuoteSelector from the text of the article's DOM.
package formats

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// Input is one file to import: its name (a path, for messages and for
// pairing files that belong together, such as brat's .txt and .ann) and
// its bytes.
type Input struct {
	Name string
	Data []byte
}

// Output is one file an export writes. Name is "" for a format that writes
// one file (the caller names it), and a file name to write beside the
// others for one that writes several (brat: "ID.txt" and "ID.ann").
type Output struct {
	Name string
	Data []byte
}

// Doc is one document read from a file in some format.
type Doc struct {
	// File is the document and its annotations in the native model, each
	// placed on the document's canonical text; the annotations that could
	// not be placed are its Orphans.
	File annotate.File
	// SourceID is the id the format gave the document, when it had one
	// (a dataset line's "id", a Label Studio task's "id"): the native
	// document id is derived from the text instead.
	SourceID string
	// From says where the document was read: the file's name, and
	// ":LINE" for formats with a document per line.
	From string
	// Moved counts the annotations placed by their text and its context
	// rather than at the offsets the file gave.
	Moved int
	// Notes are the problems that did not stop the document, in words:
	// an annotation kept as an orphan, a field that was ignored.
	Notes []string
	// Faults are the parts of the file meant for the document that are
	// wrong and left out (a span whose offsets are not within the text),
	// each named by its file and the line that holds it. The document is
	// kept without them; unlike Notes, they are errors in the file, which
	// the command line reports as it reports a line it cannot read, and
	// exits 1. They stay here, apart from the faults of the files and
	// lines that could not be read at all, which Import and ReadAll
	// return beside the documents.
	Faults []*Fault
}

// leftOut records on d a part of its file left out as wrong, in words:
// at line of d's file, or at d's own line when line is 0.
func (d *Doc) leftOut(line int, message string) {
	name, at := d.Where()
	if line == 0 {
		line = at
	}
	d.Faults = append(d.Faults, &Fault{Name: name, Line: line, Message: message})
}

// Where splits From into the file's name and the line, 0 when From names
// a whole file.
func (d Doc) Where() (name string, line int) {
	if i := strings.LastIndexByte(d.From, ':'); i > 0 {
		if n, err := strconv.Atoi(d.From[i+1:]); err == nil && n > 0 {
			return d.From[:i], n
		}
	}
	return d.From, 0
}

// ErrUnreadable is what every Fault wraps: a file, or a line of one, that
// could not be read as its format. The other files and lines are kept.
var ErrUnreadable = errors.New("cannot be read")

// Fault is a file, or one line of a file, that could not be read.
type Fault struct {
	// Name is the file's name; Line counts from 1, and is 0 when the
	// fault is the whole file's.
	Name string
	Line int
	// Message says, in words, what is wrong and, where it helps, what to
	// do.
	Message string
}

// Error formats the fault as "name:line: message", or "name: message".
func (f *Fault) Error() string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", f.Name, f.Line, f.Message)
	}
	return f.Name + ": " + f.Message
}

// Unwrap makes every Fault an ErrUnreadable.
func (f *Fault) Unwrap() error { return ErrUnreadable }

// Format is one exchange format.
type Format struct {
	// Name is how the command line's --to names it: "v1", "jsonl", "w3c",
	// "labelstudio", "brat" or "csv".
	Name string
	// Unit is what its offsets count: "codepoint" or "utf16".
	Unit string
	// Extension is the file name extension its single file takes, with
	// the dot; "" for a format that writes several files.
	Extension string
	// KeepsOrphans is set for the format that writes the annotations
	// that could not be placed in their text (the native export's
	// "orphans"); the others have no place for them and leave them out,
	// which a conversion must say.
	KeepsOrphans bool
	// RowsOnly is set for the format that holds annotations and no
	// document (CSV, a row an annotation): a document without
	// annotations is not in its file, which a conversion must say.
	RowsOnly bool
	// Export writes files, stamped with time now where the format has a
	// date.
	Export func(files []annotate.File, now time.Time) ([]Output, error)
	// Import reads inputs that Recognise took for this format. It keeps
	// every document it can read, and returns a Fault for each file or
	// line it cannot; a span it leaves out of a document it keeps is one
	// of that Doc's Faults. A format whose files carry annotations without their
	// document's text (CSV, or W3C annotations of someone else's making)
	// finds the document with known; known may be nil.
	Import func(inputs []Input, known Known) ([]Doc, []*Fault)
	// Recognise reports whether in is a file of this format.
	Recognise func(in Input) bool
	// LeftOut says, one sentence an annotation, which placed annotations
	// of f Export leaves out, having no way to write them (brat, a span
	// of line breaks alone); nil for a format that writes them all.
	// The export goes on without them, and a conversion says so.
	LeftOut func(f annotate.File) []string
	// Stale is set for a format written into a folder whose other files
	// a reader takes for part of the dataset (brat reads every .txt and
	// .ann of its folder as a document). Of the names of the files
	// there, it returns those the export (outputs) does not write and
	// that would be read with it, a dataset mixed of two; and, of them,
	// those an earlier export of this format wrote, which may be taken
	// away. read reads a file of the folder.
	Stale func(there []string, outputs []Output, read func(name string) ([]byte, error)) (stale, earlier []string)
}

// Rowless says how many of files the file of f leaves out when f holds
// rows and no documents (RowsOnly): those without annotations, in words
// ("1 document without annotations has no row in it"); "" when it leaves
// out none.
func (f Format) Rowless(files []annotate.File) string {
	none := 0
	for _, file := range files {
		if len(file.Annotations) == 0 {
			none++
		}
	}
	if !f.RowsOnly || none == 0 {
		return ""
	}
	return fmt.Sprintf("%s %s without annotations %s no row in it", annotate.GroupDigits(int64(none)), annotate.Plural(none, "document", "documents"), annotate.Plural(none, "has", "have"))
}

// Known finds a document that a conversion already has, by its id (the
// native "sha256:…" id, or the id a format gave it) or by its URL: the
// documents of the other inputs, or the library's in the browser.
type Known func(idOrURL string) (annotate.File, bool)

// All returns every format, in the order in which Recognise tries them.
func All() []Format {
	return []Format{native, w3c, jsonl, labelStudio, brat, csvFormat}
}

// ErrUnknownFormat is the error of a format name that is not one of All's.
var ErrUnknownFormat = errors.New("unknown format")

// Lookup returns the format called name.
func Lookup(name string) (Format, error) {
	for _, f := range All() {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("%q is not a format this annotator knows (%s): %w", name, Names(), ErrUnknownFormat)
}

// Recognise returns the format of in, or false when no format takes it.
// It looks at in alone, so any .txt is brat's; Classify, which sees the
// files read together, takes a .txt for brat's only beside its .ann.
func Recognise(in Input) (Format, bool) {
	for _, f := range All() {
		if f.Recognise(in) {
			return f, true
		}
	}
	return Format{}, false
}
