// This file is the Problem: one thing wrong with a file, where it is, and
// how it reads to a person; and the cap that keeps a list of problems
// short: the first MaxProblems in full, then one that counts the rest.

package annotate

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a file in the native JSON format, and
// where it is.
type Problem struct {
	// Line and Column say where in the file the value at fault starts,
	// both from 1; Column counts characters (code points).
	Line, Column int
	// Path is the JSON Pointer (RFC 6901) of the value at fault, such as
	// "/annotations/3/end"; "" is the whole file.
	Path string
	// Message says, in plain words, what is wrong.
	Message string
	// Warning marks a problem that leaves the file usable as it is, such
	// as a prefix that no longer agrees with the text.
	Warning bool
	// OmittedErrors and OmittedWarnings are set only on the last problem
	// of a list that was cut short (see MaxProblems): that problem is not
	// one thing wrong but says how many more were found and not listed,
	// and where the first of them is. Use CountProblems to count a list.
	OmittedErrors, OmittedWarnings int

	// repairable marks an error that Import mends by anchoring the
	// annotation again (its offsets or its exact text are wrong), or that
	// it can carry as it is.
	repairable bool
	offset     int    // byte offset in the file, for sorting
	seeAlso    string // the path whose line replaces lineMark in Message
}

// MaxProblems is how many problems Validate and Import list in full. A
// file with more gets the first MaxProblems, in the order of the file,
// then one problem that says how many more there are.
const MaxProblems = 100

// lineMark stands in a message for " (line N)" of another place in the
// file, which is known only once every problem has been found.
const lineMark = "\x00line\x00"

// String formats the problem as "line:column path: message", such as
// "12:5 /annotations/3/end: end (40) is past the end of the text (37 code
// points)".
func (p Problem) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d:%d", p.Line, p.Column)
	if p.Path != "" {
		b.WriteString(" ")
		b.WriteString(p.Path)
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Omitted reports whether p stands for the problems left off a list.
func (p Problem) Omitted() bool { return p.OmittedErrors+p.OmittedWarnings > 0 }

// CountProblems counts the errors and warnings in a list of problems,
// those left off it included.
func CountProblems(problems []Problem) (errors, warnings int) {
	for _, p := range problems {
		switch {
		case p.Omitted():
			errors += p.OmittedErrors
			warnings += p.OmittedWarnings
		case p.Warning:
			warnings++
		default:
			errors++
		}
	}
	return errors, warnings
}

// fatal reports whether the problem keeps Import from reading the file.
func (p Problem) fatal() bool { return !p.Warning && !p.repairable }

// severity is how bad a problem is.
type severity int

const (
	sevFatal      severity = iota // Import cannot go on
	sevRepairable                 // an error that Import mends
	sevWarning                    // the file is usable
)

// omittedProblem says how many problems were left off a list; first is the
// first of them.
func omittedProblem(first Problem, errs, warns int) Problem {
	count := func(n int, one, many string) string {
		return GroupDigits(int64(n)) + " more " + Plural(n, one, many)
	}
	var what string
	switch {
	case warns == 0:
		what = count(errs, "error", "errors")
	case errs == 0:
		what = count(warns, "warning", "warnings")
	default:
		what = fmt.Sprintf("%s (%s, %s)", count(errs+warns, "problem", "problems"),
			GroupDigits(int64(errs))+" "+Plural(errs, "error", "errors"), GroupDigits(int64(warns))+" "+Plural(warns, "warning", "warnings"))
	}
	return Problem{
		Line: first.Line, Column: first.Column,
		Message:       fmt.Sprintf("… and %s, from here on, are not listed; mend the ones above and check the file again", what),
		Warning:       errs == 0,
		OmittedErrors: errs, OmittedWarnings: warns,
		offset: first.offset,
	}
}
