//go:build !wasm

package cli

// This file is `annotator agree` and `annotator merge`: several
// annotators' files of one article, compared or combined. The figures and
// the merge are annotate/agree's, as in the browser.

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/agree"
	"github.com/newsannotator/annotator/annotate/formats"
)

// readAnnotators reads the files args name as annotators' files of one
// article: one document each, two or more. It returns the exit status so
// far, and exitInvalid with a message when the files are not that.
func readAnnotators(cmd string, args []string, stdin io.Reader, stderr io.Writer) ([]agree.Annotator, int) {
	docs, status := readDocuments(cmd, args, stdin, stderr, false)
	if status != exitOK {
		fmt.Fprintf(stderr, "annotator %s: nothing was compared: every file must be read\n", cmd)
		return nil, status
	}
	if len(docs) < 2 {
		fmt.Fprintf(stderr, "annotator %s: the files hold %d %s: give the files of two annotators or more, of the same article\n",
			cmd, len(docs), annotate.Plural(len(docs), "document", "documents"))
		return nil, exitInvalid
	}
	out := make([]agree.Annotator, len(docs))
	for i, d := range docs {
		out[i] = agree.Annotator{Path: d.From, File: d.File}
	}
	return out, exitOK
}

// agreeStatus is the exit status of an error of annotate/agree: the
// files were read and cannot be compared.
func agreeStatus(cmd string, err error, stderr io.Writer) int {
	fmt.Fprintf(stderr, "annotator %s: %v\n", cmd, err)
	if errors.Is(err, agree.ErrTextDiffers) || errors.Is(err, agree.ErrSpan) || errors.Is(err, agree.ErrReserved) || errors.Is(err, agree.ErrTooManyLabels) ||
		errors.Is(err, agree.ErrSchemas) {
		return exitInvalid
	}
	return exitUsage
}

func cmdAgree(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("agree", flag.ContinueOnError)
	fset.SetOutput(stderr)
	asJSON := fset.Bool("json", false, "write the figures as JSON (precision, recall, f1, kappa, alpha_u; null where a figure does not apply)")
	files, err := parseArgs(fset, args)
	if err != nil {
		return exitUsage
	}
	// One file may hold two annotators (a Label Studio task's
	// annotations): readAnnotators counts the documents, not the files.
	if len(files) == 0 {
		fmt.Fprintln(stderr, "annotator agree: give the files of two annotators or more, of the same article")
		return exitUsage
	}
	annotators, status := readAnnotators("agree", files, stdin, stderr)
	if status != exitOK {
		return status
	}
	rep, err := agree.Agree(annotators)
	if err != nil {
		return agreeStatus("agree", err, stderr)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "annotator agree: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	err = rep.WriteTable(stdout)
	if err == nil && len(rep.Disagreements) > 0 {
		if _, err = fmt.Fprintln(stdout); err == nil {
			err = rep.WriteDisagreements(stdout)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "annotator agree: %v\n", err)
		return exitUsage
	}
	return exitOK
}

func cmdMerge(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("merge", flag.ContinueOnError)
	fset.SetOutput(stderr)
	out := fset.String("o", "-", "the merged file to write, or - for standard output")
	force := fset.Bool("f", false, forceUsage)
	files, err := parseArgs(fset, args)
	if err != nil {
		return exitUsage
	}
	// One file may hold two annotators (a Label Studio task's
	// annotations): readAnnotators counts the documents, not the files.
	if len(files) == 0 {
		fmt.Fprintln(stderr, "annotator merge: give the files of two annotators or more, of the same article")
		return exitUsage
	}
	if err := checkOutput(*out, files, *force); err != nil {
		fmt.Fprintf(stderr, "annotator merge: %v\n", err)
		return exitUsage
	}
	annotators, status := readAnnotators("merge", files, stdin, stderr)
	if status != exitOK {
		return status
	}
	merged, err := agree.Merge(annotators, time.Now())
	if err != nil {
		return agreeStatus("merge", err, stderr)
	}
	data, err := merged.Marshal()
	if err != nil {
		fmt.Fprintf(stderr, "annotator merge: %v\n", err)
		return exitInvalid
	}
	if _, err := writeOutputs([]formats.Output{{Data: append(data, '\n')}}, *out, stdout, *force, formats.Format{}); err != nil {
		fmt.Fprintf(stderr, "annotator merge: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "annotator merge: %d %s merged: %d %s, each with its sources (attributes %s and %s)\n",
		len(annotators), annotate.Plural(len(annotators), "file", "files"), len(merged.Annotations),
		annotate.Plural(len(merged.Annotations), "span", "spans"), agree.AttrSourceAnnotator, agree.AttrSourceID)
	mergeNotes(annotators, merged, stderr)
	return exitOK
}

// mergeNotes says what the merged file does not show: the spans whose
// annotators gave them different attributes, which keep the first file's
// (two speakers of one quote became the first file's alone, unsaid), and
// files that are one annotator's given twice.
func mergeNotes(annotators []agree.Annotator, merged annotate.File, stderr io.Writer) {
	rep, err := agree.Agree(annotators)
	if err != nil {
		return // Merge read them: Agree refuses nothing Merge takes
	}
	if n := len(agree.Variants(rep, merged)); n > 0 {
		fmt.Fprintf(stderr, "annotator merge: note: %d %s given different attributes by %s annotators; each keeps the first file's, "+
			"with what the others added (`annotator agree` lists them; the app's Adjudicate… lets you take another's)\n",
			n, annotate.Plural(n, "span was", "spans were"), annotate.Plural(n, "its", "their"))
	}
	if said := rep.CopiesSaid(); said != "" {
		fmt.Fprintf(stderr, "annotator merge: note: %s\n", said)
	}
}
