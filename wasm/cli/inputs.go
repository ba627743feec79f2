//go:build !wasm

package cli

// This file gathers the inputs of the commands that take many files: each
// argument is a file, a folder (read with everything under it that looks
// like an input, in name order) or - for standard input.

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
	"github.com/newsannotator/annotator/internal/paths"
)

// inputExtensions are the files a folder is read for; its other files
// (brat's annotation.conf, notes, pictures) are passed over.
var inputExtensions = []string{".json", ".jsonl", ".ndjson", ".jsonld", ".csv", ".ann", ".txt", ".html", ".htm", ".xhtml"}

// gatherInputs reads the files that args name. It returns what it could
// read, and an error in words for each argument it could not. With once,
// a file named a second time (a folder and a file in it, a link to it, or
// a slip) is read once, and said in a note: convert wrote its documents
// twice, the same ids on two lines of a dataset. agree and merge read
// every file given, and say when two are copies.
func gatherInputs(args []string, stdin io.Reader, once bool) ([]formats.Input, []error, []string) {
	var inputs []formats.Input
	var errs []error
	var notes []string
	type readFile struct {
		name string
		info os.FileInfo
	}
	var files []readFile
	read := func(name string) {
		if once && name != "-" {
			if fi, err := os.Stat(name); err == nil {
				for _, f := range files {
					if os.SameFile(f.info, fi) {
						notes = append(notes, fmt.Sprintf("%s is the file %s, given again: it is read once", name, f.name))
						return
					}
				}
				files = append(files, readFile{name, fi})
			}
		}
		data, err := readInput(name, stdin, annotate.JSONLimit, "a file")
		if err != nil {
			errs = append(errs, err)
			return
		}
		if name == "-" {
			name = formats.StandardInput
		}
		inputs = append(inputs, formats.Input{Name: name, Data: data})
	}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if arg == "-" || err != nil || !fi.IsDir() {
			read(arg)
			continue
		}
		var names []string
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			hidden := strings.HasPrefix(d.Name(), ".") && path != arg
			switch {
			case d.IsDir() && hidden:
				return filepath.SkipDir
			case !d.IsDir() && !hidden && slices.Contains(inputExtensions, strings.ToLower(filepath.Ext(path))):
				names = append(names, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s could not be read: %v", arg, err))
			continue
		}
		if len(names) == 0 {
			errs = append(errs, fmt.Errorf("%s holds no file to read (%s)", arg, strings.Join(inputExtensions, ", ")))
		}
		for _, name := range names {
			read(name)
		}
	}
	return inputs, errs, notes
}

// readDocuments gathers the files args name (each once, with once: see
// gatherInputs) and reads them as documents
// of any format, writing a line to stderr for each file or line that
// could not be read, each span left out as wrong and each note on what
// was read, prefixed by the command's name. It returns the documents and the exit status so far:
// exitUsage when a file could not be read at all, exitInvalid when one
// was not valid, exitOK otherwise.
func readDocuments(cmd string, args []string, stdin io.Reader, stderr io.Writer, once bool) ([]formats.Doc, int) {
	inputs, errs, notes := gatherInputs(args, stdin, once)
	status := exitOK
	for _, err := range errs {
		fmt.Fprintf(stderr, "annotator %s: %v\n", cmd, err)
		status = exitUsage
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "annotator %s: %s\n", cmd, n)
	}
	docs, faults := formats.ReadAll(inputs, nil)
	// What is said of each file comes in the order of the files, and of
	// a file's lines in theirs: the lines refused, and then what was said
	// of the lines read, put line 3 before line 2.
	type saying struct {
		name string
		line int
		text string
	}
	var said []saying
	for _, f := range faults {
		said = append(said, saying{f.Name, f.Line, f.Error()})
		status = max(status, exitInvalid)
	}
	for _, d := range docs {
		// A span left out of a document that was read is an error in
		// its file, as a line that cannot be read is.
		for _, f := range d.Faults {
			said = append(said, saying{f.Name, f.Line, f.Error()})
			status = max(status, exitInvalid)
		}
		name, line := d.Where()
		if d.Moved > 0 {
			said = append(said, saying{name, line, fmt.Sprintf("%s: %d %s placed by %s text rather than %s offsets", d.From,
				d.Moved, annotate.Plural(d.Moved, "annotation was", "annotations were"), annotate.Plural(d.Moved, "its", "their"), annotate.Plural(d.Moved, "its", "their"))})
		}
		for _, n := range d.Notes {
			said = append(said, saying{name, line, d.From + ": " + n})
		}
	}
	place := formats.InputOrder(inputs)
	slices.SortStableFunc(said, func(a, b saying) int {
		return cmp.Or(cmp.Compare(place(a.name), place(b.name)), cmp.Compare(a.line, b.line))
	})
	for _, s := range said {
		fmt.Fprintf(stderr, "annotator %s: %s\n", cmd, s.text)
	}
	return docs, status
}

// errOutputIsInput is the error of an -o that names a file the command
// reads: writing the result over it would lose that file (an annotator's
// own export under the merged one, say), and it is most often a slip.
var errOutputIsInput = errors.New("is one of the files read: write the result under another name (nothing was written)")

// errOutputHoldsInput is the error of an -o folder that holds a file the
// command reads, or that lies in a folder it reads.
var errOutputHoldsInput = errors.New("holds files that are read: write the result into another folder (nothing was written)")

// errOutputThere is the error of an output file that is already there
// and that the user did not ask (-f) to write over: it may be work that
// is not in the files read (last week's gold file), and a convert into a
// folder never wrote over a file in it either.
var errOutputThere = errors.New("is already there: give -f to write over it, or another name (nothing was written)")

// checkOutput refuses an output file out that one of args names or that
// a folder of args holds among the files it is read for, and, unless
// force, one that is already there. Standard output and a file that is
// not there yet are always fine.
func checkOutput(out string, args []string, force bool) error {
	if out == "-" {
		return nil
	}
	ofi, err := os.Stat(out)
	if err != nil {
		return nil // a new file or folder
	}
	abs, _ := filepath.Abs(out)
	if ofi.IsDir() {
		// A folder that outputs go into: never one that holds a file
		// read, or that a folder read holds, whose files the export
		// would write over or take away as an earlier export's.
		for _, arg := range args {
			fi, err := os.Stat(arg)
			if arg == "-" || err != nil {
				continue
			}
			dir, _ := filepath.Abs(arg)
			if paths.Within(dir, abs) || fi.IsDir() && paths.Within(abs, dir) {
				return fmt.Errorf("-o %s %w (%s is read)", out, errOutputHoldsInput, arg)
			}
		}
		return nil
	}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if arg == "-" || err != nil {
			continue
		}
		if os.SameFile(fi, ofi) {
			return fmt.Errorf("-o %s %w", out, errOutputIsInput)
		}
		if dir, _ := filepath.Abs(arg); fi.IsDir() && slices.Contains(inputExtensions, strings.ToLower(filepath.Ext(out))) {
			if rel, err := filepath.Rel(dir, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return fmt.Errorf("-o %s %w (it is in %s)", out, errOutputIsInput, arg)
			}
		}
	}
	// A device or a pipe (/dev/null, /dev/stdout) holds no work to lose.
	if !force && ofi.Mode().IsRegular() {
		return fmt.Errorf("%s %w", out, errOutputThere)
	}
	return nil
}
