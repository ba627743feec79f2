package agree

// This file reads the annotators' files into a study, and keeps the
// package's one rule: the files must be of the same text, code point for
// code point, and only their placed annotations, inside that text, count.

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// Errors that the package returns, wrapped in a message that says which
// file or span was refused. Test for them with errors.Is.
var (
	// ErrTextDiffers: two files are not of the same text.
	ErrTextDiffers = errors.New("the files are not of the same text")
	// ErrTooFew: agreement needs two annotators or more.
	ErrTooFew = errors.New("agreement needs the files of two annotators or more")
	// ErrSpan: a placed annotation's span is empty or outside the text.
	ErrSpan = errors.New("the span is empty or outside the text")
	// ErrTooManyLabels: the files use more labels than the package can
	// tell apart on one code point (64).
	ErrTooManyLabels = errors.New("the files use more than 64 labels")
)

// Annotator is one annotator's file of a document.
type Annotator struct {
	// Name is who made the annotations, on one line (runs of white space
	// become one space). When it is empty, the name is the Author of the
	// file's annotations if they all have the same one, else Path, else
	// "annotator N" (N counting from 1 in the order given). Names that
	// come out the same are told apart by " (2)", " (3)" and so on, the
	// first that is no other annotator's name.
	Name string
	// Path is where the file was read from, for messages; it may be "".
	Path string
	// File is the annotator's export.
	File annotate.File
}

// NameOf returns the Author that all the placed annotations of f share,
// and whether there is one: false when f has no placed annotation or when
// they have different authors or none.
func NameOf(f annotate.File) (string, bool) {
	if len(f.Annotations) == 0 {
		return "", false
	}
	name := f.Annotations[0].Author
	for _, a := range f.Annotations[1:] {
		if a.Author != name {
			return "", false
		}
	}
	return name, name != ""
}

// span is one placed annotation, as the figures see it.
type span struct {
	label      int // index into study.labels
	start, end int
	ann        int // index into the file's Annotations
}

// rater is one annotator, ready to be measured.
type rater struct {
	name  string
	file  *annotate.File
	spans []span // sorted by start, end, label; no two the same
}

// study is the annotators of one document, checked and indexed.
type study struct {
	text   *annotate.Text
	labels []string // the schemas' labels in order, then unknown ones sorted
	raters []rater
}

// names resolves the annotators' names (see Annotator.Name). A name
// that an earlier annotator has already gets the first " (k)", from 2,
// that is no annotator's name: a name is what a merged file tells its
// sources by, so two annotators never share one, even where a name told
// apart ("sam (2)") is another annotator's own.
func names(as []Annotator) []string {
	out := make([]string, len(as))
	used := map[string]bool{}
	for i, a := range as {
		name := a.Name
		if name == "" {
			if n, ok := NameOf(a.File); ok {
				name = n
			} else if a.Path != "" {
				name = a.Path
			} else {
				name = fmt.Sprintf("annotator %d", i+1)
			}
		}
		// A name is one line: merged files list sources one to a line.
		name = strings.Join(strings.Fields(name), " ")
		if name == "" {
			name = fmt.Sprintf("annotator %d", i+1)
		}
		out[i] = name
		used[name] = true
	}
	first := map[string]bool{}
	for i, name := range out {
		if !first[name] {
			first[name] = true
			continue
		}
		k := 2
		for used[fmt.Sprintf("%s (%d)", name, k)] {
			k++
		}
		out[i] = fmt.Sprintf("%s (%d)", name, k)
		used[out[i]] = true
	}
	return out
}

// newStudy checks the annotators' files and indexes their spans. It
// refuses files of different texts and spans outside the text.
func newStudy(as []Annotator) (*study, error) {
	if len(as) < 2 {
		return nil, fmt.Errorf("%w (%d given)", ErrTooFew, len(as))
	}
	nm := names(as)
	if err := sameText(as, nm); err != nil {
		return nil, err
	}
	s := &study{text: annotate.NewText(as[0].File.Document.Text)}
	index := map[string]int{}
	addLabel := func(l string) {
		if _, ok := index[l]; !ok {
			index[l] = len(s.labels)
			s.labels = append(s.labels, l)
		}
	}
	for _, a := range as {
		for _, l := range a.File.Schema.Labels {
			addLabel(l.Name)
		}
	}
	var unknown []string
	for _, a := range as {
		for _, x := range a.File.Annotations {
			if _, ok := index[x.Label]; !ok && !slices.Contains(unknown, x.Label) {
				unknown = append(unknown, x.Label)
			}
		}
	}
	slices.Sort(unknown)
	for _, l := range unknown {
		addLabel(l)
	}
	if len(s.labels) > 64 {
		return nil, fmt.Errorf("%w (%d)", ErrTooManyLabels, len(s.labels))
	}
	n := s.text.Len()
	for i := range as {
		r := rater{name: nm[i], file: &as[i].File, spans: make([]span, 0, len(as[i].File.Annotations))}
		for k, x := range as[i].File.Annotations {
			if x.Start < 0 || x.End > n || x.Start >= x.End {
				return nil, fmt.Errorf("%s, annotation %s (%s, %d to %d; the text has %d code points): %w",
					describe(as[i], nm[i]), x.ID, x.Label, x.Start, x.End, n, ErrSpan)
			}
			r.spans = append(r.spans, span{label: index[x.Label], start: x.Start, end: x.End, ann: k})
		}
		slices.SortFunc(r.spans, compareSpans)
		// Two annotations with the same label and span count once, as a
		// Set and Validate allow only one.
		r.spans = slices.CompactFunc(r.spans, func(a, b span) bool {
			return a.label == b.label && a.start == b.start && a.end == b.end
		})
		s.raters = append(s.raters, r)
	}
	return s, nil
}

func compareSpans(a, b span) int {
	if a.start != b.start {
		return a.start - b.start
	}
	if a.end != b.end {
		return a.end - b.end
	}
	if a.label != b.label {
		return a.label - b.label
	}
	return a.ann - b.ann
}

// describe names an annotator's file in messages: its name, and its path
// when it has one that is not the name.
func describe(a Annotator, name string) string {
	if a.Path != "" && a.Path != name {
		return fmt.Sprintf("%q (%s)", a.Path, name)
	}
	return fmt.Sprintf("%q", name)
}

// ann returns the annotation behind span sp of rater r.
func (r *rater) ann(sp span) *annotate.Annotation { return &r.file.Annotations[sp.ann] }
