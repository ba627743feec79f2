package agree

// This file finds annotators whose files are one annotator's work twice:
// the same file chosen twice, or a copy of it under another name. Their
// agreement is perfect by construction, and it raised the figures of the
// whole study (α_u over all annotators) with nothing said: "Ann" and
// "Ann (2)" looked like two annotators who agreed. Two files are copies
// when they hold the same annotations, placed ones and orphans alike: the
// same ids, each with the same label, span and attributes. An id alone
// does not tell: two annotators who both started from one pre-annotated
// file (a model's spans) share every id they did not delete, and their
// corrected files were said to agree "by construction" while the report
// listed their disagreements.

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// Copy names two annotators, in the order given, whose files hold the
// same annotations (by id, and alike: label, span and attributes).
type Copy struct {
	First  string `json:"first"`
	Second string `json:"second"`
}

// copies returns the annotators of as, named names, whose files are
// copies of an earlier one's. Files with no annotation are no copies:
// two annotators may both have found nothing.
func copies(as []Annotator, names []string) []Copy {
	ids := make([]string, len(as))
	for i, a := range as {
		var list []string
		// An annotation counts by its id and by what it says: files that
		// share ids (both started from one pre-annotated file) and were
		// corrected apart are two annotators' work, not a copy, and their
		// agreement is not perfect by construction.
		for _, x := range a.File.Annotations {
			list = append(list, copyKey(x, true))
		}
		for _, x := range a.File.Orphans {
			list = append(list, copyKey(x, false))
		}
		slices.Sort(list)
		ids[i] = strings.Join(list, "\n")
	}
	var out []Copy
	for j := range as {
		for i := 0; i < j; i++ {
			if ids[j] != "" && ids[i] == ids[j] {
				out = append(out, Copy{First: names[i], Second: names[j]})
				break
			}
		}
	}
	return out
}

// copyKey is what two copies of annotation x have alike: its id, label,
// span when placed (else its text), and attributes as the app keeps them.
func copyKey(x annotate.Annotation, placed bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %q", x.ID, x.Label)
	if placed {
		fmt.Fprintf(&b, " %d %d", x.Start, x.End)
	} else {
		fmt.Fprintf(&b, " %q", x.Exact)
	}
	for _, k := range slices.Sorted(maps.Keys(x.Attributes)) {
		if v := annotate.AttributeValue(x.Attributes[k]); v != "" {
			fmt.Fprintf(&b, " %q=%q", k, v)
		}
	}
	return b.String()
}

// CopiesSaid says, in a sentence, which annotators' files are copies of
// others' (Report.Copies), and what that does to the figures; "" when
// none are.
func (r *Report) CopiesSaid() string {
	if len(r.Copies) == 0 {
		return ""
	}
	var pairs []string
	for _, c := range r.Copies {
		pairs = append(pairs, "“"+c.Second+"” is “"+c.First+"”")
	}
	return "The same annotations, by id, are in more than one file (" + strings.Join(pairs, "; ") +
		"): the same file chosen twice, or a copy. Their agreement is perfect by construction and counts in the figures; choose each annotator's file once."
}
