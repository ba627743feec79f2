// This file is the validator's flow: read the file, check it against the
// JSON Schema, decode it, check what the schema cannot say, and hand back
// the problems in the order of the file. Every step is linear in the
// size of the file: a valid file, or one whose structure is right and
// only some values wrong, costs about one decode (quick.go), and each
// problem costs a constant amount, wherever it is.

package annotate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Validate checks a file in the native JSON format and returns its
// problems, sorted by where they are in the file, or nil when there is
// none. A file with more than MaxProblems problems gets the first
// MaxProblems, then one more Problem that counts those not listed (its
// OmittedErrors and OmittedWarnings are set; CountProblems counts them).
// It checks, in order:
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
	badPaths   map[string]bool // paths that the JSON Schema found fault with
	badHolders map[string]bool // paths that hold one of badPaths
	file       fileIn
	decoded    bool // file holds what could be decoded
	text       *Text

	slowOnly bool // for tests: leave every file to the JSON Schema checker
}

func newFileValidator(raw []byte) *fileValidator {
	// A file in UTF-16 is checked as its UTF-8: it was "not valid UTF-8
	// (byte 0xff)", where the command line's convert and the library
	// read it.
	raw = FromUTF16BOM(raw)
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

// addSee records a problem whose message names the line of the value at
// see, where lineMark stands in the message.
func (v *fileValidator) addSee(path string, sev severity, see string, format string, args ...any) {
	v.add(path, sev, format, args...)
	v.problems[len(v.problems)-1].seeAlso = see
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
	if v.quick() {
		// The file has the structure the JSON Schema asks for, and the
		// problems with its values are recorded: only the checks the
		// schema cannot express are left.
		v.decoded = true
		v.checkSemantics()
		return
	}
	doc, err := decodeJSONValue(v.data)
	if err != nil {
		// json.Unmarshal says where the syntax error is.
		if err := json.Unmarshal(v.data, new(json.RawMessage)); err != nil {
			v.syntaxError(err)
		} else {
			v.addAt(0, "", "the file could not be read as JSON (%v): this is not an annotations file", err)
		}
		return
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		v.add("", sevFatal, "the file is %s, not a JSON object: this is not an annotations file", jsonKind(doc))
		return
	}
	if _, numbered := obj["version"].(json.Number); !numbered && !slices.ContainsFunc([]string{"document", "schema", "annotations"}, func(k string) bool { _, ok := obj[k]; return ok }) {
		// A JSON file of something else (a package.json, a settings
		// file): its "version" of "1.0.0" or the export's fields it
		// lacks, said one by one, would be beside the point. (A file
		// numbered as an export, version 2 say, hears of its version.)
		v.add("", sevFatal, `the file is JSON, but not an annotations file: it has no "document", "schema" or "annotations"`)
		return
	}
	if ver, ok := obj["version"].(json.Number); ok {
		if n, kind, _ := parseJSONInt([]byte(ver)); kind != intExact || n != FormatVersion {
			v.add("/version", sevFatal, "the file is in format version %s; this annotator reads version %d", abbreviateFor(string(ver)), FormatVersion)
			return
		}
	}
	v.checkSchema(doc)
	v.decode()
	if v.decoded {
		v.checkSemantics()
	}
}

// syntaxError records a JSON syntax error at its line and column.
func (v *fileValidator) syntaxError(err error) {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		v.addAt(0, "", "the file is not JSON (%v): this is not an annotations file", err)
		return
	}
	off := int(se.Offset)
	switch msg := se.Error(); {
	case strings.Contains(msg, "unexpected end"):
		// Point just past the last thing in the file.
		off = len(bytes.TrimRight(v.data, " \t\r\n"))
		v.addAt(off, "", "the file ends before its JSON is complete (is it cut short?)")
	case strings.Contains(msg, "exceeded max depth"):
		off = clamp(off-1, 0, len(v.data))
		v.addAt(off, "", "the file nests lists and objects more than 10,000 deep here, more than a JSON reader will follow: this is not an annotations file, which nests 4 deep")
	case len(bytes.TrimLeft(v.data[:clamp(off-1, 0, len(v.data))], " \t\r\n")) == 0 && LooksLikeHTMLPage(v.data):
		// The file's first byte is at fault and the file is a page: "not
		// valid JSON here: … not '<'" left the reader to guess why.
		v.addAt(clamp(off-1, 0, len(v.data)), "", "the file is %s", HTMLPageInstead)
	default:
		off = clamp(off-1, 0, len(v.data)) // Offset counts the byte at fault
		v.addAt(off, "", "the file is not valid JSON here: %s", syntaxWords(msg))
	}
}

// decode reads the file into v.file as far as it can: a value of the
// wrong type is left out, as the JSON Schema has said what is wrong.
func (v *fileValidator) decode() {
	err := json.Unmarshal(v.data, &v.file)
	var te *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &te) {
		return
	}
	v.decoded = true
}

// sorted returns the problems with their lines and columns, in the order
// of their places in the file: at most MaxProblems of them, then one that
// counts the rest.
func (v *fileValidator) sorted() []Problem {
	ps := v.problems
	if len(ps) == 0 {
		return nil
	}
	// Find the byte offsets of every problem's value, in one pass.
	var paths []string
	for _, p := range ps {
		if p.offset < 0 {
			paths = append(paths, p.Path)
		}
		if p.seeAlso != "" {
			paths = append(paths, p.seeAlso)
		}
	}
	var offsets map[string]int
	if len(paths) > 0 {
		offsets = pointerOffsets(v.data, paths)
	}
	for i := range ps {
		if ps[i].offset < 0 {
			ps[i].offset = offsets[ps[i].Path]
		}
	}
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if a.offset != b.offset {
			return a.offset - b.offset
		}
		return strings.Compare(a.Path, b.Path)
	})
	shown := min(len(ps), MaxProblems+1)
	offs := make([]int, shown)
	for i := range offs {
		offs[i] = ps[i].offset
	}
	lines := newLineIndex(v.raw, v.base)
	ls, cs := lines.positions(offs)
	for i := range shown {
		p := &ps[i]
		p.Line, p.Column = ls[i], cs[i]
		if p.seeAlso != "" {
			p.Message = strings.Replace(p.Message, lineMark, fmt.Sprintf(" (line %d)", lines.line(offsets[p.seeAlso])), 1)
		}
	}
	if len(ps) <= MaxProblems {
		return ps
	}
	errs, warns := CountProblems(ps[MaxProblems:])
	return append(ps[:MaxProblems:MaxProblems], omittedProblem(ps[MaxProblems], errs, warns))
}
