package formats

// This file is the native version-1 export as a format among the others:
// one document to a file, read back with annotate.Import, so that every
// rule of that import (validation, sanitising again, anchoring) holds.

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

var native = Format{
	Name:         "v1",
	Unit:         annotate.OffsetUnit,
	Extension:    ".json",
	KeepsOrphans: true,
	Export:       exportNative,
	Import:       importNative,
	Recognise:    isNative,
}

// exportNative writes each file as it is. One file is the single output;
// several are named by their document's id, apart when two share it.
func exportNative(files []annotate.File, _ time.Time) ([]Output, error) {
	var out []Output
	names := fileNames{}
	for _, f := range files {
		data, err := f.Marshal()
		if err != nil {
			return nil, err
		}
		name := ""
		if len(files) > 1 {
			name = names.next(f.Document.ID) + ".json"
		}
		out = append(out, Output{Name: name, Data: append(data, '\n')})
	}
	return out, nil
}

func importNative(inputs []Input, _ Known) ([]Doc, []*Fault) {
	var docs []Doc
	var faults []*Fault
	for _, in := range inputs {
		imp, err := annotate.Import(in.Data)
		if err != nil {
			f := &Fault{Name: in.Name, Message: err.Error()}
			var ie *annotate.ImportError
			if errors.As(err, &ie) && len(ie.Problems) > 0 {
				f.Line = ie.Problems[0].Line
			}
			faults = append(faults, f)
			continue
		}
		d := Doc{File: annotate.NewFile(imp.Document, imp.Set, imp.Orphans, time.Time{}), From: in.Name, Moved: imp.Moved}
		for _, p := range imp.Problems {
			d.Notes = append(d.Notes, p.String())
		}
		docs = append(docs, d)
	}
	return docs, faults
}

// isNative takes a JSON object that names "version" and "document" near
// its top: the native export, and no other format this package reads.
func isNative(in Input) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(in.Data, []byte("\xef\xbb\xbf")), " \t\r\n")
	head = head[:min(len(head), 4096)]
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"version"`)) && bytes.Contains(head, []byte(`"document"`))
}

// FileName makes a document id, such as "sha256:0a1b…", into a name that
// every file system takes: characters other than letters, digits, '-',
// '_' and '.' become '-'.
func FileName(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '-'
	}, id)
}

// fileNames names the files of an export that writes one or more files
// a document: the FileName of each document's id, and "-2", "-3" after
// it for the second and third document of an id already named (two
// annotators' files of one article share their document's id), so that
// no file of the export is written over another.
type fileNames map[string]bool

// next returns the name of the next document, whose id is id.
func (n fileNames) next(id string) string {
	base := FileName(id)
	name := base
	for i := 2; n[name]; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	n[name] = true
	return name
}
