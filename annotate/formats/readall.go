package formats

// This file keeps the one rule by which a mixed heap of files becomes
// documents: each file goes to the first format that recognises it, the
// formats read in the order of All, and a format whose files carry no
// text finds its documents among those read before it. A file that no
// format takes and that reads as an article (HTML or plain text) is a
// document with no annotations; anything else is named with the formats
// that were tried.

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// articleExtensions are the file names an unrecognised input is opened as
// an article under.
var articleExtensions = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".txt": true, ".text": true}

// StandardInput is the name of an Input read from standard input.
const StandardInput = "standard input"

// looksJSON reports whether data, after a byte-order mark and white space,
// opens as a JSON object or array does, or holds nothing: a file of a
// format cut short or mistyped, not an article.
func looksJSON(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(data) == 0 || data[0] == '{' || data[0] == '['
}

// ReadAll reads inputs of any formats, mixed. Documents come in the order
// of the inputs they were read from and, within one, in its order (a
// brat pair in its .ann's place); known, which may be nil, finds
// documents the caller has beyond the inputs (the library's). A file of
// spans without their text (CSV, W3C annotations of another tool's) placed
// on an article of the inputs gives one document, the article with the
// spans, not the article twice.
func ReadAll(inputs []Input, known Known) ([]Doc, []*Fault) {
	// A file of annotations in UTF-16, as Windows PowerShell's ">" writes
	// one, is read as its UTF-8: JSON Lines and CSV were, and an export, a
	// W3C or a Label Studio file was "not a file of any format". An
	// article decodes its own (annotate.Load).
	inputs = slices.Clone(inputs)
	for i, in := range inputs {
		if !articleExtensions[strings.ToLower(path.Ext(in.Name))] {
			inputs[i].Data = annotate.FromUTF16BOM(in.Data)
		}
	}
	all := All()
	byFormat := make([][]Input, len(all))
	var articles []Input
	var faults []*Fault
	for k, i := range classify(all, inputs) {
		in := inputs[k]
		switch {
		case i >= 0:
			byFormat[i] = append(byFormat[i], in)
		case articleExtensions[strings.ToLower(path.Ext(in.Name))]:
			articles = append(articles, in)
		case in.Name == StandardInput && !looksJSON(in.Data):
			// Standard input has no name to tell an article by: what no
			// format takes and is not JSON is one, as "load -" reads it.
			// It was "nor an article (.html, .htm or .txt)".
			articles = append(articles, in)
		case len(bytes.TrimSpace(bytes.TrimPrefix(in.Data, []byte("\xef\xbb\xbf")))) == 0:
			// An export cut short to nothing: no format is to blame.
			faults = append(faults, &Fault{Name: in.Name, Message: "is empty: it holds nothing to read"})
		case annotate.LooksLikeHTMLPage(in.Data):
			// Not read as an article: a download that failed leaves the
			// server's error page under the dataset's name.
			faults = append(faults, &Fault{Name: in.Name, Message: "is " + annotate.HTMLPageInstead})
		default:
			faults = append(faults, &Fault{Name: in.Name, Message: fmt.Sprintf("is not a file of any format this annotator reads (%s), nor an article (.html, .htm or .txt)", Names())})
		}
	}

	var docs []Doc
	for _, in := range articles {
		doc, err := annotate.Load(in.Data, annotate.FileSource(path.Base(in.Name), ""))
		if err != nil {
			faults = append(faults, &Fault{Name: in.Name, Message: err.Error()})
			continue
		}
		docs = append(docs, Doc{File: annotate.NewFile(doc, nil, nil, time.Time{}), From: in.Name})
	}
	for i, f := range all {
		if len(byFormat[i]) == 0 {
			continue
		}
		read := docs
		lent := map[int]bool{} // the documents of read handed to the import
		got, bad := f.Import(byFormat[i], func(key string) (annotate.File, bool) {
			if j := find(read, key); j >= 0 {
				lent[j] = true
				return read[j].File, true
			}
			if known != nil {
				return known(key)
			}
			return annotate.File{}, false
		})
		docs = supplant(docs, lent, got)
		faults = append(faults, bad...)
	}
	place := InputOrder(inputs)
	slices.SortStableFunc(docs, func(a, b Doc) int {
		an, _ := a.Where()
		bn, _ := b.Where()
		return cmp.Compare(place(an), place(bn))
	})
	slices.SortStableFunc(faults, func(a, b *Fault) int {
		return cmp.Or(cmp.Compare(place(a.Name), place(b.Name)), cmp.Compare(a.Line, b.Line))
	})
	return docs, faults
}

// Classify returns, for each of inputs read together, the format that
// reads it, or the zero Format (no Name) for a file that no format takes:
// an article, or something else. A .txt is brat's only with its .ann
// among the inputs; alone it is an article.
func Classify(inputs []Input) []Format {
	all := All()
	out := make([]Format, len(inputs))
	for k, i := range classify(all, inputs) {
		if i >= 0 {
			out[k] = all[i]
		}
	}
	return out
}

// classify returns, for each input, the index in all of the format that
// reads it, or -1 (see Classify).
func classify(all []Format, inputs []Input) []int {
	anns := map[string]bool{}
	for _, in := range inputs {
		if strings.EqualFold(path.Ext(in.Name), ".ann") {
			anns[strings.TrimSuffix(in.Name, path.Ext(in.Name))] = true
		}
	}
	out := make([]int, len(inputs))
	for k, in := range inputs {
		out[k] = -1
		if ext := path.Ext(in.Name); strings.EqualFold(ext, ".txt") && !anns[strings.TrimSuffix(in.Name, ext)] {
			// An article, not brat's text; or an export saved as .txt
			// (Copy JSON pasted into an editor), which Open… imports.
			for i, f := range all {
				if f.Name == native.Name && f.Recognise(in) {
					out[k] = i
				}
			}
			continue
		}
		if !strings.EqualFold(path.Ext(in.Name), ".txt") && annotate.LooksLikeHTMLPage(in.Data) {
			// No format's file opens as a page does (but brat's text,
			// which is any text, markup too); JSON Lines and CSV
			// know theirs by the name, and took an error page saved as
			// .jsonl or .csv for a file of theirs gone wrong.
			continue
		}
		for i, f := range all {
			if f.Recognise(in) {
				out[k] = i
				break
			}
		}
	}
	return out
}

// find returns the index of the document among docs whose native id,
// format id or URL is key, or -1.
func find(docs []Doc, key string) int {
	for i, d := range docs {
		if key != "" && (d.File.Document.ID == key || d.SourceID == key || d.File.Document.URL == key) {
			return i
		}
	}
	return -1
}

// supplant adds got, what an import read, to docs. A document of got that
// is built on one of docs that the import was lent (the article that gave
// a CSV its text) takes that one's place: it is the same document with
// the spans, and a conversion that kept both would write the article
// twice, once without them. Only a document with no annotations and no
// orphans gives way, so that no annotator's work is dropped; and each
// gives way once, so that two files of spans on one article are two
// annotators' documents.
func supplant(docs []Doc, lent map[int]bool, got []Doc) []Doc {
	for _, g := range got {
		replaced := false
		for _, j := range slices.Sorted(maps.Keys(lent)) {
			if d := docs[j].File; d.Document.ID == g.File.Document.ID && len(d.Annotations) == 0 && len(d.Orphans) == 0 {
				docs[j], replaced = g, true
				delete(lent, j)
				break
			}
		}
		if !replaced {
			docs = append(docs, g)
		}
	}
	return docs
}

// Names lists the formats' names, as messages give them: "v1, jsonl, …".
func Names() string {
	var s []string
	for _, f := range All() {
		s = append(s, f.Name)
	}
	return strings.Join(s, ", ")
}

// InputOrder returns where the input of a name stands among inputs (one
// not among them after all), so that what is said of many files comes in
// the order the user gave them, and line by line within each.
func InputOrder(inputs []Input) func(name string) int {
	order := make(map[string]int, len(inputs))
	for i, in := range inputs {
		order[in.Name] = i
	}
	return func(name string) int {
		if i, ok := order[name]; ok {
			return i
		}
		return len(inputs)
	}
}
