//go:build !wasm

package cli

// This file is `annotator stats`: how many annotations of each label every
// document has, and in all, read from files of any format.

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/newsannotator/annotator/annotate"
)

// docStats are one document's counts.
type docStats struct {
	From    string         `json:"file"`
	ID      string         `json:"id"`
	Title   string         `json:"title"`
	Labels  map[string]int `json:"labels"`
	Total   int            `json:"annotations"`
	Orphans int            `json:"orphans"`
}

func cmdStats(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("stats", flag.ContinueOnError)
	fset.SetOutput(stderr)
	asJSON := fset.Bool("json", false, "write the counts as JSON")
	files, err := parseArgs(fset, args)
	if err != nil {
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "annotator stats: give one or more files or folders (or - for standard input)")
		return exitUsage
	}
	docs, status := readDocuments("stats", files, stdin, stderr, true)
	var labels []string // in the order the schemas list them, first seen first
	seen := map[string]bool{}
	total := docStats{From: "all", Labels: map[string]int{}}
	var rows []docStats
	for _, d := range docs {
		for _, l := range d.File.Schema.Labels {
			if !seen[l.Name] {
				seen[l.Name] = true
				labels = append(labels, l.Name)
			}
		}
		row := docStats{From: d.From, ID: d.File.Document.ID, Title: d.File.Document.Title, Labels: map[string]int{},
			Total: len(d.File.Annotations), Orphans: len(d.File.Orphans)}
		for _, a := range d.File.Annotations {
			row.Labels[a.Label]++
			total.Labels[a.Label]++
		}
		total.Total += row.Total
		total.Orphans += row.Orphans
		rows = append(rows, row)
	}
	if *asJSON {
		out := struct {
			Documents []docStats `json:"documents"`
			Total     docStats   `json:"total"`
		}{rows, total}
		if out.Documents == nil {
			out.Documents = []docStats{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "annotator stats: %v\n", err)
			return exitUsage
		}
		return status
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "file\t")
	for _, l := range labels {
		fmt.Fprintf(tw, "%s\t", l)
	}
	fmt.Fprint(tw, "annotations\torphans\n")
	for _, r := range append(rows, total) {
		fmt.Fprintf(tw, "%s\t", r.From)
		for _, l := range labels {
			fmt.Fprintf(tw, "%s\t", annotate.GroupDigits(int64(r.Labels[l])))
		}
		fmt.Fprintf(tw, "%s\t%s\n", annotate.GroupDigits(int64(r.Total)), annotate.GroupDigits(int64(r.Orphans)))
	}
	if err := tw.Flush(); err != nil {
		return exitUsage
	}
	return status
}
