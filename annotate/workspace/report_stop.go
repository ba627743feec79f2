package workspace

// This file keeps the rule of saying where a cancelled import stopped:
// how many of the files it was given it imported, and the first it did
// not, or the line of a batch after which it read no more. "What it added
// is kept" alone left the user to guess, and the same files added again
// were reported as duplicates with nothing to say why.

import (
	"fmt"
	"slices"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// Stop is where a cancelled import stopped, between two files or two
// lines of one. What it read before is imported (added, refused or
// reported), and nothing after.
type Stop struct {
	// Files counts the files the import was given, Done those it
	// imported whole; both are 0 for a batch imported alone
	// (ImportBatch).
	Files, Done int
	// In is the file it stopped in, between two of its lines, or "" when
	// it stopped between two files. Last is the last line it read there
	// (0 for none), Next the first it did not, and Lines the file's last
	// line (0 when not known); Last and Next are both 0 when it stopped
	// between two parts of a file that are not numbered by line (the
	// articles of one W3C file).
	In                string
	Last, Next, Lines int
	// NotRead are the files of which it imported nothing, in the order
	// the files were given.
	NotRead []string
	// Refused counts the files that the user chose and the import was not
	// given, refused before it began (the app's, too large to read): the
	// user counts the files chosen, and "3 of the 5 files" of 7 chosen
	// read as if two had gone missing.
	Refused int
}

// String says where the import stopped, and what adding the same files
// again does, in sentences. Counts are grouped by thousands as the
// report's are; line numbers are written as the report's lines name them
// ("batch.jsonl, line 1200"), so that one line reads the same in both.
func (s Stop) String() string {
	files := annotate.GroupDigits(int64(s.Files+s.Refused)) + " files"
	if s.Refused > 0 {
		files += fmt.Sprintf(" (%s refused before it began)", annotate.GroupDigits(int64(s.Refused)))
	}
	switch {
	case s.In != "" && s.Last == 0 && s.Next > 0:
		return "It stopped before the first line of " + s.In + ": add it again to import it."
	case s.In == "" && s.Done == 0 && s.Files == 1 && s.Refused == 0 && len(s.NotRead) == 1:
		return "It stopped before " + s.NotRead[0] + ": add it again to import it."
	case s.In == "" && s.Done == 0:
		return "It stopped before the first of the " + files + ": add them again to import them."
	}
	var at string
	if s.Done > 0 {
		at = fmt.Sprintf("It stopped after %s of the %s", annotate.GroupDigits(int64(s.Done)), files)
	}
	var not string
	if s.In != "" {
		if at == "" {
			at = "It stopped"
		} else {
			at += ","
		}
		at += " in " + s.In
		if s.Last > 0 {
			at += fmt.Sprintf(" after line %d", s.Last)
		}
		if s.Last > 0 && s.Lines > s.Last {
			at += fmt.Sprintf(" of %d", s.Lines)
		}
		switch {
		case s.Next == 0:
			not = "the rest of it was not read"
		case s.Lines == s.Next:
			not = fmt.Sprintf("line %d was not read", s.Next)
		case s.Lines > s.Next:
			not = fmt.Sprintf("lines %d to %d were not read", s.Next, s.Lines)
		default:
			not = fmt.Sprintf("line %d and those after it were not read", s.Next)
		}
	}
	// The files not read are counted, and the first named: the user finds
	// it in the folder, in the order the report lists the files.
	switch n := len(s.NotRead); {
	case n == 0:
	case not != "" && n == 1:
		not += ", nor " + s.NotRead[0]
	case not != "":
		not += fmt.Sprintf(", nor %s other files, the first of them %s", annotate.GroupDigits(int64(n)), s.NotRead[0])
	case n == 1:
		not = s.NotRead[0] + " was not imported"
	default:
		not = fmt.Sprintf("%s were not imported, the first of them %s", annotate.GroupDigits(int64(n)), s.NotRead[0])
	}
	if not != "" {
		at += ": " + not
	}
	// What was read is in the library now: added again, it is a
	// duplicate, which the user was not told to expect.
	if s.Files == 0 {
		return at + ". Add the batch again to import the rest: the articles of the lines read now are reported as already in the library."
	}
	return at + ". Add the same files again to import the rest: the articles added now are reported as already in the library."
}

// stopAt records that the import stopped in the file named, between its
// lines last (0 for none) and next, its last line being lines.
func (b *batch) stopAt(name string, last, next, lines int) {
	b.report.Stopped = &Stop{In: name, Last: last, Next: next, Lines: lines}
}

// stopBefore records that the import stopped before it read any of
// the files of notRead.
func (b *batch) stopBefore(notRead ...[]File) {
	s := b.report.Stopped
	if s == nil {
		s = &Stop{}
		b.report.Stopped = s
	}
	for _, files := range notRead {
		for _, f := range files {
			s.NotRead = append(s.NotRead, f.Name)
		}
	}
}

// stopInFiles completes the stop of an import of files: the files not
// read put in the order given, and the count of those read whole. A
// batch among them that it stopped in before its first line was not read
// at all.
func stopInFiles(s *Stop, files []File) {
	if s == nil {
		return
	}
	if s.In != "" && s.Last == 0 && s.Next > 0 {
		s.NotRead = append(s.NotRead, s.In)
		s.In, s.Next, s.Lines = "", 0, 0
	}
	inputs := make([]formats.Input, len(files))
	for i, f := range files {
		inputs[i] = formats.Input{Name: f.Name}
	}
	place := formats.InputOrder(inputs)
	slices.SortStableFunc(s.NotRead, func(a, b string) int { return place(a) - place(b) })
	s.Files, s.Done = len(files), len(files)-len(s.NotRead)
	if s.In != "" {
		s.Done--
	}
}

// stopAmong records that an import of the exchange formats' files stopped
// before docs[next], docs being the documents read from files, each
// file's in turn. The file of docs[next] is the one it stopped in when
// some of its documents came before; a file all of whose documents come
// after is not read. (A file with none, its faults reported, was read.)
func (b *batch) stopAmong(files []File, docs []formats.Doc, next int) {
	given := make(map[string]bool, len(files))
	for _, f := range files {
		given[f.Name] = true
	}
	read := map[string]int{} // the last line read of each file read
	for _, d := range docs[:next] {
		name, line := d.Where()
		read[name] = line
	}
	name, line := docs[next].Where()
	if last, ok := read[name]; ok && given[name] {
		if last == 0 {
			line = 0 // its documents are not numbered by line
		}
		b.stopAt(name, last, line, 0)
	}
	var notRead []File
	seen := map[string]bool{}
	for _, d := range docs[next:] {
		name, _ := d.Where()
		if _, ok := read[name]; given[name] && !ok && !seen[name] {
			notRead = append(notRead, File{Name: name})
			seen[name] = true
		}
	}
	b.stopBefore(notRead)
}
