// This file is the Problem: one thing wrong with a file, where it is,
// and how it reads to a person.

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

	// repairable marks an error that Import mends by anchoring the
	// annotation again (its offsets or its exact text are wrong), or that
	// it can carry as it is.
	repairable bool
	offset     int // byte offset in the file, for sorting
}

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

// fatal reports whether the problem keeps Import from reading the file.
func (p Problem) fatal() bool { return !p.Warning && !p.repairable }

// severity is how bad a problem is.
type severity int

const (
	sevFatal      severity = iota // Import cannot go on
	sevRepairable                 // an error that Import mends
	sevWarning                    // the file is usable
)
