package formats

// This file keeps the one rule by which a mixed heap of files becomes
// documents: each file goes to the first format that recognises it, the
// formats read in the order of All, and a format whose files carry no
// text finds its documents among those read before it. A file that no
// format takes and that reads as an article (HTML or plain text) is a
// document with no annotations; anything else is named with the formats
// that were tried.

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// articleExtensions are the file names an unrecognised input is opened as
// an article under.
var articleExtensions = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".txt": true, ".text": true}

// ReadAll reads inputs of any formats, mixed. Documents come in the order
// of the inputs they were read from and, within one, in its order (a
// brat pair in its .ann's place); known, which may be nil, finds
// documents the caller has beyond the inputs (the library's).
func ReadAll(inputs []Input, known Known) ([]Doc, []*Fault) {
	all := All()
	byFormat := make([][]Input, len(all))
	var articles []Input
	var faults []*Fault
	for _, in := range inputs {
		i := recognise(all, in)
		switch {
		case i >= 0:
			byFormat[i] = append(byFormat[i], in)
		case articleExtensions[strings.ToLower(path.Ext(in.Name))]:
			articles = append(articles, in)
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
		got, bad := f.Import(byFormat[i], func(key string) (annotate.File, bool) {
			if d, ok := find(read, key); ok {
				return d, true
			}
			if known != nil {
				return known(key)
			}
			return annotate.File{}, false
		})
		docs = append(docs, got...)
		faults = append(faults, bad...)
	}
	order := make(map[string]int, len(inputs))
	for i, in := range inputs {
		order[in.Name] = i
	}
	place := func(from string) int {
		if i, ok := order[from]; ok {
			return i
		}
		if j := strings.LastIndexByte(from, ':'); j > 0 {
			if i, ok := order[from[:j]]; ok {
				return i
			}
		}
		return len(inputs)
	}
	slices.SortStableFunc(docs, func(a, b Doc) int { return cmp.Compare(place(a.From), place(b.From)) })
	slices.SortStableFunc(faults, func(a, b *Fault) int {
		return cmp.Or(cmp.Compare(place(a.Name), place(b.Name)), cmp.Compare(a.Line, b.Line))
	})
	return docs, faults
}

// recognise returns the index in all of the format that takes in, or -1.
func recognise(all []Format, in Input) int {
	for i, f := range all {
		if f.Recognise(in) {
			return i
		}
	}
	return -1
}

// find returns the file of the document among docs whose native id,
// format id or URL is key.
func find(docs []Doc, key string) (annotate.File, bool) {
	for _, d := range docs {
		if key != "" && (d.File.Document.ID == key || d.SourceID == key || d.File.Document.URL == key) {
			return d.File, true
		}
	}
	return annotate.File{}, false
}

// Names lists the formats' names, as messages give them: "v1, jsonl, …".
func Names() string {
	var s []string
	for _, f := range All() {
		s = append(s, f.Name)
	}
	return strings.Join(s, ", ")
}
