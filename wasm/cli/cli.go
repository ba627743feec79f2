//go:build !wasm

// Package cli is the annotator's command line: serve and build the app,
// load an article as an export, validate, convert and count exports,
// measure and merge annotators' files. Run takes its streams and returns
// its exit status, so it is tested without a process.
package cli

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
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/formats"
)

// Exit statuses of the command line.
const (
	exitOK      = 0
	exitInvalid = 1 // the input was read and is not valid
	exitUsage   = 2 // the command was not understood, or a file could not be read
)

const usage = `annotator: a news-article annotator.

Usage:
  annotator serve [-addr 127.0.0.1:8000] [-web DIR]    serve the app
  annotator build [-out DIR] [-base PATH] [-web DIR]   write the app as static files
  annotator load [-url URL] [-type MEDIATYPE] FILE     print FILE as a version-1 JSON
                                                       export with no annotations
  annotator validate FILE.json...                      check exports; exit 0 when all
                                                       are valid, 1 otherwise
  annotator convert --to FORMAT [-o OUT [-f]] FILE...  convert files of any format into
                                                       one dataset in FORMAT (v1, jsonl,
                                                       w3c, labelstudio, brat, csv)
  annotator stats [-json] FILE...                      count the annotations of each
                                                       label, by document and in all
  annotator agree [-json] FILE...                      the agreement of two or more
                                                       annotators' files of one article
  annotator merge [-o OUT [-f]] FILE...                combine annotators' files into
                                                       one, each span with its sources

FILE may be - for standard input, and for convert and stats a folder: every
file under it that looks like an input is read. -o writes over no file that
is already there unless -f is given, and never over a file read. Flags may
come before or after the files; after -- every argument is a file. Exit
status: 0 done, 1 some input was not valid (what could be read is still
written), 2 wrong usage or a file that could not be read.
`

// Run runs the command line with args (without the program name), reading
// standard input from stdin and writing to stdout and stderr, and returns
// the exit status. It never exits the process, so tests call it directly.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "load":
		return cmdLoad(args[1:], stdin, stdout, stderr)
	case "validate":
		return cmdValidate(args[1:], stdin, stdout, stderr)
	case "convert":
		return cmdConvert(args[1:], stdin, stdout, stderr)
	case "stats":
		return cmdStats(args[1:], stdin, stdout, stderr)
	case "agree":
		return cmdAgree(args[1:], stdin, stdout, stderr)
	case "merge":
		return cmdMerge(args[1:], stdin, stdout, stderr)
	case "serve":
		return cmdServe(args[1:], stderr)
	case "build":
		return cmdBuild(args[1:], stdout, stderr)
	}
	if args[0] == "help" || isHelpFlag(args[0]) {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "annotator: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// parseArgs parses args with fset, the flags before, between or after the
// files, as a user types them ("convert ann.json --to jsonl"), and
// returns the files in their order. An argument that starts with '-' is a
// flag (but "-" alone, standard input), and the argument after it is its
// value unless it is a boolean flag or has "=value"; after "--" every
// argument is a file, one whose name starts with '-' among them.
func parseArgs(fset *flag.FlagSet, args []string) ([]string, error) {
	var flags, files []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			files = append(files, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			files = append(files, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fset.Lookup(name); f != nil && !isBoolFlag(f) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return files, fset.Parse(flags)
}

// isBoolFlag reports whether f takes no value, as flag.FlagSet tells.
func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// readInput reads a named file, or standard input for "-", refusing in
// words a file over limit, a folder and a file that cannot be opened.
// what names the file the command wants: "an article".
func readInput(name string, stdin io.Reader, limit annotate.Limit, what string) ([]byte, error) {
	if name == "-" {
		return limit.ReadAll(stdin, "standard input")
	}
	f, err := os.Open(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s does not exist: check the path, or give - to read %s from standard input", name, what)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s cannot be read: you do not have permission to read it", name)
	case err != nil:
		return nil, fmt.Errorf("%s could not be opened: %v", name, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		if !strings.HasSuffix(name, string(filepath.Separator)) && !strings.HasSuffix(name, "/") {
			name += "/"
		}
		return nil, fmt.Errorf("%s is a folder, not a file: give the path of %s", name, what)
	}
	data, err := limit.ReadAll(f, name)
	if err != nil && !errors.Is(err, annotate.ErrTooLarge) {
		return nil, fmt.Errorf("%s could not be read: %v", name, err)
	}
	return data, err
}

// source is the Source of the article called name, read with the media
// type given with -type, if any. Without one, nothing declares the
// characters: the article is read exactly as the app reads a file, by its
// name and its contents (see annotate.FileSource).
func source(name, mediaType, pageURL string) annotate.Source {
	base := filepath.Base(name)
	if name == "-" {
		base = "standard input"
	}
	src := annotate.FileSource(base, "")
	if mediaType != "" {
		src.MediaType = mediaType
	}
	src.URL = pageURL
	return src
}

func cmdLoad(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pageURL := fs.String("url", "", "the address the page came from (resolves its relative links)")
	mediaType := fs.String("type", "", "the media type, such as text/html or \"text/plain; charset=iso-8859-1\" (default: from the file name and contents, as the app reads a file)")
	files, err := parseArgs(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "annotator load: give exactly one FILE (or - for standard input)")
		return exitUsage
	}
	name := files[0]
	data, err := readInput(name, stdin, annotate.ArticleLimit, "an article")
	if err != nil {
		fmt.Fprintf(stderr, "annotator load: %v\n", err)
		return exitUsage
	}
	if f := formats.Classify([]formats.Input{{Name: name, Data: data}})[0]; f.Name != "" && *mediaType == "" {
		// An export or another tool's file of annotations is not an
		// article: read as one, its article was the JSON itself.
		fmt.Fprintf(stderr, "annotator load: %s is a file of annotations (%s), not an article: read it with convert, stats or validate\n", name, f.Name)
		return exitInvalid
	}
	doc, err := annotate.Load(data, source(name, *mediaType, *pageURL))
	if err != nil {
		fmt.Fprintf(stderr, "annotator load: %v\n", err)
		return exitInvalid
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	out, err := annotate.NewFile(doc, set, nil, time.Now()).Marshal()
	if err != nil {
		fmt.Fprintf(stderr, "annotator load: %v\n", err)
		return exitInvalid
	}
	stdout.Write(out)
	fmt.Fprintln(stdout)
	return exitOK
}

// validateUsage is what validate -h writes.
const validateUsage = `Usage: annotator validate FILE.json... (- for standard input)

Checks each version-1 export against the format, writes its problems with
their places to standard error, and exits 1 when one is not valid. After
--, every argument is a file, one whose name starts with '-' among them.
`

// isHelpFlag tells the arguments that ask a command for its help.
func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

func cmdValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// validate has no flag, so every argument is a file, a name that
	// starts with '-' too; but the first "--" is the separator that every
	// command takes, not a file.
	// Before it, -h asks for help, as it does of every other command.
	sep, before := slices.Index(args, "--"), args
	if sep >= 0 {
		before = args[:sep]
	}
	if slices.ContainsFunc(before, isHelpFlag) {
		fmt.Fprint(stdout, validateUsage)
		return exitOK
	}
	if sep >= 0 {
		args = slices.Delete(slices.Clone(args), sep, sep+1)
	}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "annotator validate: give one or more FILE.json (or - for standard input)")
		return exitUsage
	}
	status := exitOK
	for _, name := range args {
		data, err := readInput(name, stdin, annotate.JSONLimit, "a JSON export")
		if err != nil {
			fmt.Fprintf(stderr, "annotator validate: %v\n", err)
			status = max(status, exitUsage)
			continue
		}
		problems := annotate.Validate(data)
		for _, p := range problems {
			fmt.Fprintf(stderr, "%s:%s\n", name, p)
		}
		if errs, _ := annotate.CountProblems(problems); errs > 0 {
			fmt.Fprintf(stderr, "%s: not valid: %s %s\n", name, annotate.GroupDigits(int64(errs)), annotate.Plural(errs, "problem", "problems"))
			status = max(status, exitInvalid)
			continue
		}
		fmt.Fprintf(stdout, "%s: valid\n", name)
	}
	return status
}
