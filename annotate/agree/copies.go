package agree

// This file finds annotators whose files are one annotator's work twice:
// the same file chosen twice, or a copy of it under another name. Their
// agreement is perfect by construction, and it raised the figures of the
// whole study (α_u over all annotators) with nothing said: "Ann" and
// "Ann (2)" looked like two annotators who agreed. Two files are copies
// when they hold the same annotations by id, placed ones and orphans
// alike: an id names one annotation when it is made (a UUID), so two
// annotators never share one, while one annotator's file exported again
// after an edit keeps the ids of what was not changed.

import (
	"slices"
	"strings"
)

// Copy names two annotators, in the order given, whose files hold the
// same annotations (by id).
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
		for _, x := range a.File.Annotations {
			list = append(list, x.ID)
		}
		for _, x := range a.File.Orphans {
			list = append(list, x.ID)
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
