// This file is the validator's flow: read the file, check it against the
// JSON Schema, decode it, check what the schema cannot say, and hand back
// the problems in the order of the file.

package annotate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Validate checks a file in the native JSON format and returns every
// problem it finds, sorted by where they are in the file, or nil when
// there is none. It checks, in order:
//
//   - that the file is UTF-8 and JSON (a syntax error stops the checks);
//   - that it is format version 1 (another version stops the checks);
//   - the published JSON Schema, JSONSchemaV1;
//   - what the JSON Schema cannot say: that textSha256 is the hash of the
//     text; that every annotation's start < end <= the text's length in
//     code points, that the text from start to end is its exact text and
//     that its prefix and suffix agree with the text around it; that its
//     label is in the schema and takes its attributes (every label takes
//     the note); that the schema is valid; that ids are unique across the
//     annotations and the orphans; that no two annotations have the same
//     label and span; and that no annotation was modified before it was
//     created.
//
// Problems that leave the file usable (a prefix that no longer agrees, an
// attribute the label does not take) are marked Warning.
func Validate(data []byte) []Problem {
	v := newFileValidator(data)
	v.run()
	return v.sorted()
}

// fileValidator holds the state of one Validate.
type fileValidator struct {
	raw      []byte // the file as given
	data     []byte // the file without a UTF-8 byte-order mark
	base     int    // len(raw) - len(data)
	problems []Problem

	// Filled in as the checks go.
	schemaBad []string // paths that the JSON Schema found fault with
	file      fileWire
	decoded   bool // file holds what could be decoded
	text      *Text

	offsets map[string]int // JSON Pointer -> byte offset in data, made on demand
	lines   []int          // byte offsets in raw at which lines start
}

func newFileValidator(raw []byte) *fileValidator {
	data := bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	return &fileValidator{raw: raw, data: data, base: len(raw) - len(data)}
}

// add records a problem at the value that path points to.
func (v *fileValidator) add(path string, sev severity, format string, args ...any) {
	v.problems = append(v.problems, Problem{
		Path:       path,
		Message:    fmt.Sprintf(format, args...),
		Warning:    sev == sevWarning,
		repairable: sev == sevRepairable,
		offset:     -1,
	})
}

// addAt records a problem at byte offset off of data.
func (v *fileValidator) addAt(off int, path string, format string, args ...any) {
	v.problems = append(v.problems, Problem{Path: path, Message: fmt.Sprintf(format, args...), offset: off})
}

func (v *fileValidator) run() {
	if len(bytes.TrimSpace(v.data)) == 0 {
		v.addAt(0, "", "the file is empty")
		return
	}
	if !utf8.Valid(v.data) {
		off := 0
		for off < len(v.data) {
			r, size := utf8.DecodeRune(v.data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		v.addAt(off, "", "the file is not valid UTF-8 (byte 0x%02x); save it as UTF-8", v.data[off])
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(v.data))
	if err != nil {
		// json.Unmarshal says where the syntax error is.
		if err := json.Unmarshal(v.data, new(json.RawMessage)); err != nil {
			v.syntaxError(err)
		} else {
			v.addAt(0, "", "the file could not be read as JSON: %v", err)
		}
		return
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		v.add("", sevFatal, "the file is %s, not a JSON object: this is not an annotations file", jsonKind(doc))
		return
	}
	if ver, ok := obj["version"].(json.Number); ok && !numberIs(ver, FormatVersion) {
		v.add("/version", sevFatal, "the file is in format version %s; this annotator reads version %d", ver, FormatVersion)
		return
	}
	v.checkSchema(doc)
	v.decode()
	if v.decoded {
		v.checkSemantics()
	}
}

// numberIs reports whether the JSON number n is the integer i.
func numberIs(n json.Number, i int) bool {
	f, err := n.Float64()
	return err == nil && f == float64(i)
}

// syntaxError records a JSON syntax error at its line and column.
func (v *fileValidator) syntaxError(err error) {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		v.addAt(0, "", "the file is not JSON: %v", err)
		return
	}
	off := int(se.Offset)
	if strings.Contains(se.Error(), "unexpected end") {
		// Point just past the last thing in the file.
		off = len(bytes.TrimRight(v.data, " \t\r\n"))
		v.addAt(off, "", "the file ends before its JSON is complete (is it cut short?)")
		return
	}
	off = clamp(off-1, 0, len(v.data)) // Offset counts the byte at fault
	v.addAt(off, "", "the file is not valid JSON here: %s", se.Error())
}

// decode reads the file into v.file as far as it can.
func (v *fileValidator) decode() {
	err := json.Unmarshal(v.data, &v.file)
	var te *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &te) {
		return
	}
	v.decoded = true
}

// bad reports whether the JSON Schema found fault with the value at path:

// sorted returns the problems with their lines and columns, in the order
// of their places in the file.
func (v *fileValidator) sorted() []Problem {
	if len(v.problems) == 0 {
		return nil
	}
	for i := range v.problems {
		p := &v.problems[i]
		if p.offset < 0 {
			p.offset = v.offsetOf(p.Path)
		}
		p.Line, p.Column = v.position(p.offset)
	}
	sort.SliceStable(v.problems, func(i, j int) bool {
		a, b := v.problems[i], v.problems[j]
		if a.offset != b.offset {
			return a.offset < b.offset
		}
		return a.Path < b.Path
	})
	return v.problems
}
