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
	"strings"
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
	if err := checkOutput(*out, files, *force); err != nil {
		fmt.Fprintf(stderr, "annotator convert: %v\n", err)
		return exitUsage
	}
	docs, status := readDocuments("convert", files, stdin, stderr)
	if len(docs) == 0 {
		fmt.Fprintln(stderr, "annotator convert: no document could be read; nothing was written")
		return max(status, exitInvalid)
	}
	exported := make([]annotate.File, len(docs))
	for i, d := range docs {
		exported[i] = d.File
	}
	outputs, err := format.Export(exported, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "annotator convert: writing %s: %v\n", format.Name, err)
		return exitInvalid
	}
	if err := writeOutputs(outputs, *out, stdout, *force); err != nil {
		fmt.Fprintf(stderr, "annotator convert: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "annotator convert: %s %s written as %s\n", annotate.GroupDigits(int64(len(docs))), annotate.Plural(len(docs), "document", "documents"), format.Name)
	return status
}

// forceUsage is the help of -f, the same for every command with -o.
const forceUsage = "write over the -o file, or the files in the -o folder, when they are already there"

// writeOutputs writes an export: one file to out (standard output for
// "-"; a folder is refused in words), or several into the folder out,
// which it makes. A file is written whole or not at all; no file already
// in the folder is written over unless force, and no file of the export
// over another. (checkOutput has refused the one file out already there.)
func writeOutputs(outputs []formats.Output, out string, stdout io.Writer, force bool) error {
	if len(outputs) == 1 && outputs[0].Name == "" {
		if out == "-" {
			_, err := stdout.Write(outputs[0].Data)
			return err
		}
		if fi, err := os.Stat(out); err == nil && fi.IsDir() {
			return fmt.Errorf("%s is a folder, and this format writes one file: give -o the name of the file to write", out)
		}
		return writeWhole(out, outputs[0].Data)
	}
	if out == "-" {
		return errors.New("this format writes several files: give a folder to write them into with -o FOLDER")
	}
	// Two outputs of one name would leave only the last of them: the
	// export is refused whole rather than written with a file lost.
	names := map[string]string{}
	for _, o := range outputs {
		key := strings.ToLower(o.Name) // a file system may not tell case apart
		if first, ok := names[key]; ok {
			return fmt.Errorf("the export has two files named %s and %s, and one would be written over the other; nothing was written", first, o.Name)
		}
		names[key] = o.Name
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("the folder %s could not be made: %v", out, err)
	}
	for _, o := range outputs {
		name := filepath.Join(out, o.Name)
		if _, err := os.Stat(name); err == nil {
			if !force {
				return fmt.Errorf("%s %w", name, errOutputThere)
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: %v", name, err)
		}
	}
	for _, o := range outputs {
		if err := writeWhole(filepath.Join(out, o.Name), o.Data); err != nil {
			return err
		}
	}
	return nil
}

// writeWhole writes data to name through a temporary file beside it, so
// that a failure leaves what was there before.
func writeWhole(name string, data []byte) error {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("%s could not be written: %s (nothing was written)", name, folderProblem(dir, err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s could not be written: %v", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s could not be written: %v", name, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("%s could not be written: %v", name, err)
	}
	return nil
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
