//go:build !wasm

package cli

// This file is `annotator convert`: files of any format in, one dataset in
// the format asked for out. The good documents are written even when some
// files or lines are bad; those are named, and the exit status says so.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

func cmdConvert(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("convert", flag.ContinueOnError)
	fset.SetOutput(stderr)
	to := fset.String("to", "", "the format to write: "+formats.Names())
	out := fset.String("o", "-", "where to write: a file, - for standard output, or a folder for a format that writes several files")
	force := fset.Bool("f", false, forceUsage)
	files, err := parseArgs(fset, args)
	if err != nil {
		return exitUsage
	}
	if *to == "" {
		fmt.Fprintf(stderr, "annotator convert: say which format to write with --to (%s)\n", formats.Names())
		return exitUsage
	}
	format, err := formats.Lookup(*to)
	if err != nil {
		fmt.Fprintf(stderr, "annotator convert: %v\n", err)
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "annotator convert: give one or more files or folders to convert (or - for standard input)")
		return exitUsage
	}
	// A format that writes several files writes them into a folder: a
	// file there is refused now, -f or not, rather than offered to be
	// written over and then found to be no folder.
	if fi, err := os.Stat(*out); *out != "-" && err == nil && !fi.IsDir() && format.Extension == "" {
		fmt.Fprintf(stderr, "annotator convert: %s is a file, and %s writes several files: give -o the name of a folder (nothing was written)\n", *out, format.Name)
		return exitUsage
	}
	if err := checkOutput(*out, files, *force); err != nil {
		fmt.Fprintf(stderr, "annotator convert: %v\n", err)
		return exitUsage
	}
	docs, status := readDocuments("convert", files, stdin, stderr, true)
	if len(docs) == 0 {
		fmt.Fprintln(stderr, "annotator convert: no document could be read; nothing was written")
		return max(status, exitInvalid)
	}
	exported := make([]annotate.File, len(docs))
	orphans := 0
	for i, d := range docs {
		exported[i] = d.File
		orphans += len(d.File.Orphans)
	}
	if orphans > 0 && !format.KeepsOrphans {
		fmt.Fprintf(stderr, "annotator convert: %s %s not written: %s has no place for %s; --to v1 keeps %s\n",
			annotate.GroupDigits(int64(orphans)), annotate.Plural(orphans, "annotation that could not be placed in its text is", "annotations that could not be placed in their text are"),
			format.Name, annotate.Plural(orphans, "it", "them"), annotate.Plural(orphans, "it", "them"))
	}
	// An annotation the format has no way to write is left out, the
	// rest written: each is said, with the document it is in.
	if format.LeftOut != nil {
		for _, d := range docs {
			for _, why := range format.LeftOut(d.File) {
				fmt.Fprintf(stderr, "annotator convert: %s (%q): %s\n", d.From, d.File.Document.Title, why)
			}
		}
	}
	var outputs []formats.Output
	if format.Name == "jsonl" {
		outputs, err = formats.ExportJSONLDocs(docs) // with each line's "sourceId"
	} else {
		outputs, err = format.Export(exported, time.Now())
	}
	if err != nil {
		fmt.Fprintf(stderr, "annotator convert: writing %s: %v\n", format.Name, err)
		return exitInvalid
	}
	// One native file into a folder is named as it is among several: a
	// script's "-o out/ in/" was refused whenever in/ held one export.
	if len(outputs) == 1 && outputs[0].Name == "" && format.Name == "v1" && *out != "-" {
		if fi, err := os.Stat(*out); err == nil && fi.IsDir() {
			outputs[0].Name = formats.FileName(exported[0].Document.ID) + ".json"
		}
	}
	removed, err := writeOutputs(outputs, *out, stdout, *force, format)
	if err != nil {
		fmt.Fprintf(stderr, "annotator convert: %v\n", err)
		return exitUsage
	}
	if removed > 0 {
		fmt.Fprintf(stderr, "annotator convert: %s %s of an earlier export that this one does not write %s taken away from %s\n",
			annotate.GroupDigits(int64(removed)), annotate.Plural(removed, "file", "files"), annotate.Plural(removed, "was", "were"), *out)
	}
	rowless := format.Rowless(exported)
	if rowless != "" {
		rowless = "; " + rowless
	}
	fmt.Fprintf(stderr, "annotator convert: %s %s written as %s%s\n", annotate.GroupDigits(int64(len(docs))), annotate.Plural(len(docs), "document", "documents"), format.Name, rowless)
	return status
}

// forceUsage is the help of -f, the same for every command with -o.
const forceUsage = "write over the -o file, or the files in the -o folder, when they are already there (and take away the files an earlier export wrote there that this one does not)"

// writeOutputs writes an export: one file to out (standard output for
// "-"; a folder is refused in words), or several into the folder out,
// which it makes. The export is written whole or not at all: a dataset
// with some of its files and not others looks complete and is not. No
// file already in the folder is written over unless force, and no file
// of the export over another. (checkOutput has refused the one file out
// already there.) The files of format's dataset already in the folder
// that the export does not write (Format.Stale) are refused, but those an
// earlier export wrote, which with force are taken away once the export
// is written; it returns how many.
func writeOutputs(outputs []formats.Output, out string, stdout io.Writer, force bool, format formats.Format) (int, error) {
	if len(outputs) == 1 && outputs[0].Name == "" {
		if out == "-" {
			_, err := stdout.Write(outputs[0].Data)
			return 0, err
		}
		if fi, err := os.Stat(out); err == nil && fi.IsDir() {
			return 0, fmt.Errorf("%s is a folder, and this format writes one file: give -o the name of the file to write", out)
		}
		return 0, writeWhole(out, outputs[0].Data)
	}
	if out == "-" {
		return 0, errors.New("this format writes several files: give a folder to write them into with -o FOLDER")
	}
	// Two outputs of one name would leave only the last of them: the
	// export is refused whole rather than written with a file lost.
	names := map[string]string{}
	for _, o := range outputs {
		key := strings.ToLower(o.Name) // a file system may not tell case apart
		if first, ok := names[key]; ok {
			return 0, fmt.Errorf("the export has two files named %s and %s, and one would be written over the other; nothing was written", first, o.Name)
		}
		names[key] = o.Name
	}
	_, err := os.Stat(out)
	made := errors.Is(err, fs.ErrNotExist)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return 0, fmt.Errorf("the folder %s could not be made: %s", out, pathProblem(err))
	}
	earlier, err := staleFiles(out, outputs, force, format)
	if err == nil {
		err = writeAll(outputs, out, force)
	}
	if err != nil {
		if made {
			os.Remove(out) // empty again: nothing of the export is left
		}
		return 0, err
	}
	// The export is whole: only now are the earlier export's files
	// that it leaves out taken away, so that a failure leaves the
	// folder as it was.
	removed := 0
	for _, name := range earlier {
		if os.Remove(filepath.Join(out, name)) == nil {
			removed++
		}
	}
	return removed, nil
}

// staleFiles refuses, in words, a folder out that holds files format
// reads as part of its dataset and that the export does not write
// (Format.Stale: brat reads every .txt and .ann there), but for those an
// earlier export wrote: it returns those, to be taken away once the
// export is written with force. Without force, writeAll refuses the
// folder first, the earlier export's annotation.conf being there, in
// words that say -f writes over it.
func staleFiles(out string, outputs []formats.Output, force bool, format formats.Format) ([]string, error) {
	if format.Stale == nil {
		return nil, nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return nil, fmt.Errorf("the folder %s could not be read: %s (nothing was written)", out, pathProblem(err))
	}
	var there []string
	for _, e := range entries {
		if !e.IsDir() {
			there = append(there, e.Name())
		}
	}
	stale, earlier := format.Stale(there, outputs, func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(out, name)) })
	others := slices.DeleteFunc(slices.Clone(stale), func(name string) bool { return slices.Contains(earlier, name) })
	if len(others) == 0 {
		return earlier, nil
	}
	named := strings.Join(others[:min(len(others), 3)], ", ")
	if len(others) > 3 {
		named += fmt.Sprintf(" and %s more", annotate.GroupDigits(int64(len(others)-3)))
	}
	n := len(others)
	return nil, fmt.Errorf("%s holds %s, which %s would read as %s of the dataset and which this export does not write: move %s away or give -o an empty folder (nothing was written)",
		out, named, format.Name, annotate.Plural(n, "a document", "documents"), annotate.Plural(n, "it", "them"))
}

// writeAll writes outputs into the folder out in three steps, so that a
// failure leaves the folder as it was: it checks every name, then writes
// every file under a temporary name beside it, and only then gives each
// its name. A name that is a folder, or that is there and not to be
// written over (force), is refused before anything is written.
func writeAll(outputs []formats.Output, out string, force bool) error {
	there := make([]bool, len(outputs))
	for i, o := range outputs {
		name := filepath.Join(out, o.Name)
		fi, err := os.Lstat(name)
		switch {
		case err == nil && fi.IsDir():
			return fmt.Errorf("%s is a folder, where the export writes a file: move it away or give -o another folder (nothing was written)", name)
		case err == nil && !force:
			return fmt.Errorf("%s %w", name, errOutputThere)
		case err == nil:
			there[i] = true
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("%s could not be written: %s (nothing was written)", name, pathProblem(err))
		}
	}
	temps := make([]string, 0, len(outputs))
	defer func() {
		for _, tmp := range temps {
			os.Remove(tmp) // those not renamed; the others are gone already
		}
	}()
	for _, o := range outputs {
		tmp, err := writeTemp(filepath.Join(out, o.Name), o.Data)
		if err != nil {
			return fmt.Errorf("%w (nothing was written)", err)
		}
		temps = append(temps, tmp)
	}
	for i, o := range outputs {
		name := filepath.Join(out, o.Name)
		if err := os.Rename(temps[i], name); err != nil {
			// Rare once every file is written: take back the files
			// this export made, so that the folder is as it was but
			// for the files it was asked to write over.
			over := 0
			for j := range i {
				if there[j] {
					over++
				} else {
					os.Remove(filepath.Join(out, outputs[j].Name))
				}
			}
			msg := "nothing was written"
			if over > 0 {
				msg = fmt.Sprintf("the files it made were taken away again, but %d %s already there %s written over", over, annotate.Plural(over, "file", "files"), annotate.Plural(over, "was", "were"))
			}
			return fmt.Errorf("%s could not be written: %s (%s)", name, pathProblem(err), msg)
		}
	}
	temps = nil
	return nil
}

// writeWhole writes data to name through a temporary file beside it, so
// that a failure leaves what was there before.
//
// A name that is not a regular file (/dev/null, /dev/stdout, a named pipe
// a reader waits on) is written into as it is: renamed over, it was
// replaced by a regular file, as root /dev/null itself, and a pipe's
// reader got nothing. A symbolic link to a file is followed, so that the
// file it names is written and the link stays.
func writeWhole(name string, data []byte) error {
	if target, err := filepath.EvalSymlinks(name); err == nil {
		name = target
	}
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		f, err := os.OpenFile(name, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("%s could not be written: %s", name, pathProblem(err))
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s could not be written: %s", name, pathProblem(err))
		}
		return nil
	}
	tmp, err := writeTemp(name, data)
	if err != nil {
		return fmt.Errorf("%w (nothing was written)", err)
	}
	if err := os.Rename(tmp, name); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s could not be written: %s (nothing was written)", name, pathProblem(err))
	}
	return nil
}

// writeTemp writes data to a new temporary file beside name, to be
// renamed name, and returns its path. On failure it leaves no file, and
// its error names name, not the temporary file.
func writeTemp(name string, data []byte) (string, error) {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*")
	if errors.Is(err, syscall.ENAMETOOLONG) {
		return "", fmt.Errorf("%s could not be written: %s", name, pathProblem(err))
	} else if err != nil {
		return "", fmt.Errorf("%s could not be written: %s", name, folderProblem(dir, err))
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("%s could not be written: %s", name, pathProblem(err))
	}
	return tmp.Name(), nil
}

// pathProblem is the reason of a file system error, without the paths
// of the temporary files it names ("rename .x.jsonl.961063005 x.jsonl:
// file exists").
func pathProblem(err error) string {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	if errors.Is(err, syscall.ENAMETOOLONG) {
		return "its name is too long for the file system"
	}
	return err.Error()
}

// folderProblem says in words why a file could not be made in folder dir:
// the error of the temporary file names that file (".x.jsonl.961063005"),
// which the user never asked for.
func folderProblem(dir string, err error) string {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("the folder %s does not exist", dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("you do not have permission to write in the folder %s", dir)
	case errors.As(err, &pe):
		return fmt.Sprintf("a file cannot be made in %s: %v", dir, pe.Err)
	}
	return err.Error()
}
