package app

// This file says what of an import the library's filter hides: a batch
// added while the library showed only the documents marked done was
// reported as "Added 3 documents to the library", and the list showed
// none of them, nor said why.

import (
	"fmt"
	"strings"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// importHost is what the importer asks of the root component.
type importHost interface {
	libraryHost
	// hiddenWords says how many of the documents added the library's
	// filter hides, as words to add to the import's summary, or "".
	hiddenWords(added []workspace.Summary) string
	// importRunning tells the root that an import started or ended, so
	// that neither a reload nor a closed tab stops it unasked.
	importRunning(running bool)
}

func (a *Annotator) importRunning(running bool) { a.importing = running }

func (a *Annotator) libraryShows(q *workspace.Query) { a.libraryQuery = q }

func (a *Annotator) hiddenWords(added []workspace.Summary) string {
	if a.libraryQuery == nil || len(added) == 0 {
		return ""
	}
	return hiddenWords(added, *a.libraryQuery)
}

// hiddenWords says how many of added the library's query q hides, and by
// what filter: "; the filter (status done) hides them", or "".
func hiddenWords(added []workspace.Summary, q workspace.Query) string {
	hidden := len(added) - len(workspace.List(added, q))
	if hidden == 0 {
		return ""
	}
	var by []string
	if q.Status != "" {
		by = append(by, "status "+string(q.Status))
	}
	if words := strings.TrimSpace(q.Words); words != "" {
		by = append(by, "title has “"+words+"”")
	}
	which := "them"
	if hidden < len(added) {
		which = fmt.Sprintf("%s of them", annotate.GroupDigits(int64(hidden)))
	}
	return fmt.Sprintf("; the filter (%s) hides %s", strings.Join(by, ", "), which)
}
