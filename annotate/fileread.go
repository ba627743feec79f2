// This file is the native JSON format as it is read back: a field the
// format requires is told apart from one that is missing, and every
// integer is read exactly or marked as not one, never read as 0.

package annotate

import (
	"fmt"
	"maps"
	"strconv"
	"time"
)

// fileIn is a file as read. Pointers and wireInt tell a missing field from
// one that holds the zero value.
type fileIn struct {
	Version     wireInt        `json:"version"`
	Generator   string         `json:"generator"`
	Exported    *string        `json:"exported"`
	Document    documentIn     `json:"document"`
	Schema      schemaWire     `json:"schema"`
	Annotations []annotationIn `json:"annotations"`
	Orphans     []annotationIn `json:"orphans"`
}

type documentIn struct {
	ID         *string `json:"id"`
	Title      *string `json:"title"`
	URL        *string `json:"url"`
	HTML       *string `json:"html"`
	Text       *string `json:"text"`
	TextSHA256 string  `json:"textSha256"`
	OffsetUnit string  `json:"offsetUnit"`
	Meta       *Meta   `json:"meta"`
}

type annotationIn struct {
	ID         string            `json:"id"`
	Label      string            `json:"label"`
	Start      wireInt           `json:"start"`
	End        wireInt           `json:"end"`
	Exact      string            `json:"exact"`
	Prefix     *string           `json:"prefix"`
	Suffix     *string           `json:"suffix"`
	Attributes map[string]string `json:"attributes"`
	Author     *string           `json:"author"`
	Created    string            `json:"created"`
	Modified   string            `json:"modified"`
	Anchor     Anchoring         `json:"anchor"`

	// The times that Created and Modified name, or why they name none,
	// once readTimes has read them: the checks and the import then take
	// them from here rather than each reading the text again (three
	// times a time, which was about 15 ms of a first import of 2,000
	// annotations in the browser).
	createdAt, modifiedAt   time.Time
	createdErr, modifiedErr error
	timesRead               bool
}

// readTimes reads Created and Modified, once.
func (a *annotationIn) readTimes() {
	if !a.timesRead {
		a.createdAt, a.createdErr = parseFileTime(a.Created)
		a.modifiedAt, a.modifiedErr = parseFileTime(a.Modified)
		a.timesRead = true
	}
}

// str reads a string field that may be missing.
func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// intKind says what a JSON value read as an integer turned out to be.
type intKind uint8

const (
	intMissing  intKind = iota // the field is not there
	intExact                   // N holds it exactly
	intHuge                    // a whole number beyond N's range, of Sign
	intFraction                // a number that is not a whole number
	intNotNum                  // not a number at all: a string, null, ...
)

// wireInt is an integer field as the file writes it. JSON Schema counts
// 8.0, 13e0 and 1e3 as the integers 8, 13 and 1000, and so does wireInt;
// 0.5 is a fraction and 9223372036854775808 or 1e309 are whole numbers too
// big to hold, each marked so that the problem names the field.
type wireInt struct {
	N    int
	Kind intKind
	Neg  bool   // for intHuge: the number is negative
	Raw  string // the value as written, shortened, when it is not intExact
}

// UnmarshalJSON never fails, so that one odd number does not stop the
// rest of the file from being read.
func (w *wireInt) UnmarshalJSON(b []byte) error {
	w.N, w.Kind, w.Neg = parseJSONInt(b)
	if w.Kind != intExact {
		w.Raw = abbreviateFor(string(b)) // kept only for a message
	} else if w.N < 0 {
		w.Raw = string(b) // as written, for the JSON Schema's message
	}
	return nil
}

// String writes the number as the file did.
func (w wireInt) String() string {
	if w.Kind == intExact {
		return strconv.Itoa(w.N)
	}
	return w.Raw
}

// parseJSONInt reads a JSON number literal exactly: its value, if it is a
// whole number that fits in an int.
func parseJSONInt(b []byte) (n int, kind intKind, neg bool) {
	i := 0
	if i < len(b) && b[i] == '-' {
		neg = true
		i++
	}
	if i >= len(b) || b[i] < '0' || b[i] > '9' {
		return 0, intNotNum, false
	}
	// The significant digits, and the power of ten they are scaled by.
	digits := make([]byte, 0, 24)
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		digits = append(digits, b[i])
	}
	scale := 0
	if i < len(b) && b[i] == '.' {
		i++
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			digits = append(digits, b[i])
			scale--
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		expNeg := false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			expNeg = b[i] == '-'
			i++
		}
		exp := 0
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			if exp < 1e9 { // beyond that, only the sign matters
				exp = exp*10 + int(b[i]-'0')
			}
		}
		if expNeg {
			exp = -exp
		}
		scale += exp
	}
	if i != len(b) {
		return 0, intNotNum, false
	}
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		scale++
	}
	if len(digits) == 0 {
		return 0, intExact, false
	}
	if scale < 0 {
		return 0, intFraction, neg
	}
	if len(digits)+scale > 18 {
		return 0, intHuge, neg
	}
	for _, d := range digits {
		n = n*10 + int(d-'0')
	}
	for ; scale > 0; scale-- {
		n *= 10
	}
	if neg {
		n = -n
	}
	return n, intExact, neg
}

// toFile turns a file as read back into a File. It fails only on a time
// that is not RFC 3339 or an offset that is not an integer, which
// Validate reports.
func (w *fileIn) toFile() (File, error) {
	f := File{
		Version:   w.Version.N,
		Generator: w.Generator,
		Document: FileDocument{
			ID: str(w.Document.ID), Title: str(w.Document.Title), URL: str(w.Document.URL),
			HTML: str(w.Document.HTML), Text: str(w.Document.Text),
			TextSHA256: w.Document.TextSHA256, OffsetUnit: w.Document.OffsetUnit,
		},
		Schema:      fileSchemaOf(w.Schema),
		Annotations: make([]Annotation, len(w.Annotations)),
	}
	if w.Document.Meta != nil {
		f.Document.Meta = *w.Document.Meta
	}
	var err error
	if w.Exported != nil {
		if f.Exported, err = parseFileTime(*w.Exported); err != nil {
			return File{}, fmt.Errorf("exported: %w", err)
		}
	}
	for i, a := range w.Annotations {
		if f.Annotations[i], err = a.toAnnotation(); err != nil {
			return File{}, fmt.Errorf("annotation %d: %w", i, err)
		}
	}
	for i, a := range w.Orphans {
		b, err := a.toAnnotation()
		if err != nil {
			return File{}, fmt.Errorf("orphan %d: %w", i, err)
		}
		f.Orphans = append(f.Orphans, b)
	}
	return f, nil
}

func (w annotationIn) toAnnotation() (Annotation, error) {
	if w.Start.Kind != intExact || w.End.Kind != intExact {
		return Annotation{}, fmt.Errorf("start %s or end %s is not an integer", w.Start, w.End)
	}
	a := Annotation{
		ID: w.ID, Label: w.Label, Start: w.Start.N, End: w.End.N,
		Exact: w.Exact, Prefix: str(w.Prefix), Suffix: str(w.Suffix),
		Attributes: keptAttributes(w.Attributes), Author: str(w.Author), Anchor: w.Anchor,
	}
	w.readTimes()
	if a.Created = w.createdAt; w.createdErr != nil {
		return Annotation{}, fmt.Errorf("created: %w", w.createdErr)
	}
	if a.Modified = w.modifiedAt; w.modifiedErr != nil {
		return Annotation{}, fmt.Errorf("modified: %w", w.modifiedErr)
	}
	if a.Modified.Before(a.Created) {
		// Validate reports it; an annotation cannot have been changed
		// before it was made, so the import takes the time it was made.
		a.Modified = a.Created
	}
	return a, nil
}

// keptAttributes returns attrs without the values that are empty once
// trimmed: an annotation keeps no empty value (Annotation.Attributes; an
// attribute set to one is removed, SetAttribute), and one read from a file
// would otherwise go into every export. attrs is returned as it is when it
// has none.
func keptAttributes(attrs map[string]string) map[string]string {
	empty := func(_, v string) bool { return AttributeValue(v) == "" }
	for name, v := range attrs {
		if empty(name, v) {
			attrs = maps.Clone(attrs)
			maps.DeleteFunc(attrs, empty)
			break
		}
	}
	return attrs
}
