package annotate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
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

// severity is how bad a problem is.
type severity int

const (
	sevFatal      severity = iota // Import cannot go on
	sevRepairable                 // an error that Import mends
	sevWarning                    // the file is usable
)

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

// jsonKind names the kind of a decoded JSON value, with an article.
func jsonKind(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case json.Number:
		if _, err := x.Int64(); err == nil {
			return "an integer"
		}
		return "a number"
	case float64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", x)
}

// checkSchema validates the decoded file against JSONSchemaV1 and records
// every leaf error.
func (v *fileValidator) checkSchema(doc any) {
	sch, err := compiledSchemaV1()
	if err != nil {
		v.add("", sevFatal, "the annotator's own JSON Schema is broken: %v", err)
		return
	}
	err = sch.Validate(doc)
	if err == nil {
		return
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		v.add("", sevFatal, "the file could not be checked against the JSON Schema: %v", err)
		return
	}
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if _, ok := e.ErrorKind.(*kind.PropertyNames); ok {
			// jsonschema v6.0.3 gives these a location that later
			// errors overwrite; checkLabel checks attribute names.
			return
		}
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		path := jsonPointer(e.InstanceLocation)
		if ap, ok := e.ErrorKind.(*kind.AdditionalProperties); ok {
			for _, p := range ap.Properties {
				v.schemaProblem(path+"/"+escapePointer(p), fmt.Sprintf("unknown field %q: %s takes only the fields the format names (is it misspelt?)", p, describe(e.InstanceLocation)), seen)
			}
			return
		}
		v.schemaProblem(path, schemaMessage(e.InstanceLocation, e.ErrorKind, instanceAt(doc, e.InstanceLocation)), seen)
		if req, ok := e.ErrorKind.(*kind.Required); ok {
			// The fields are missing, not the object: the checks that
			// follow skip those fields and use the others.
			v.schemaBad = v.schemaBad[:len(v.schemaBad)-1]
			for _, name := range req.Missing {
				v.schemaBad = append(v.schemaBad, path+"/"+escapePointer(name))
			}
		}
	}
	walk(ve)
}

func (v *fileValidator) schemaProblem(path, msg string, seen map[string]bool) {
	if seen[path+"\x00"+msg] {
		return
	}
	seen[path+"\x00"+msg] = true
	v.schemaBad = append(v.schemaBad, path)
	v.add(path, sevFatal, "%s", msg)
}

// instanceAt returns the value at the path in doc, or nil.
func instanceAt(doc any, path []string) any {
	for _, tok := range path {
		switch x := doc.(type) {
		case map[string]any:
			doc = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			doc = x[i]
		default:
			return nil
		}
	}
	return doc
}

var englishPrinter = message.NewPrinter(language.English)

// describe names the object at path in words.
func describe(path []string) string {
	switch {
	case len(path) == 0:
		return "the file"
	case len(path) == 1 && path[0] == "document":
		return "the document"
	case len(path) == 1 && path[0] == "schema":
		return "the schema"
	case len(path) == 3 && path[0] == "schema":
		return "a label"
	case len(path) == 2 && (path[0] == "annotations" || path[0] == "orphans"):
		return "an annotation"
	}
	return strconv.Quote(path[len(path)-1])
}

// schemaMessage words a JSON Schema error at path for a person.
func schemaMessage(path []string, k jsonschema.ErrorKind, got any) string {
	field := "the file"
	if len(path) > 0 {
		field = path[len(path)-1]
		if _, err := strconv.Atoi(field); err == nil && len(path) > 1 {
			field = path[len(path)-2] + " item"
		}
		if len(path) == 4 && path[2] == "attributes" {
			field = fmt.Sprintf("attribute %q", field)
		}
	}
	switch k := k.(type) {
	case *kind.Required:
		if len(k.Missing) == 1 {
			return fmt.Sprintf("%s has no %q, which is required", describe(path), k.Missing[0])
		}
		return fmt.Sprintf("%s has no %s, which are required", describe(path), quoteList(k.Missing))
	case *kind.Type:
		return fmt.Sprintf("%s should be %s, not %s", field, withArticle(k.Want), jsonKind(got))
	case *kind.Pattern:
		switch {
		case field == "id":
			return fmt.Sprintf("id %q is not a UUID (32 hexadecimal digits written 8-4-4-4-12)", k.Got)
		case field == "color":
			return fmt.Sprintf("colour %q is not written #rrggbb", k.Got)
		case field == "textSha256":
			return fmt.Sprintf("textSha256 %q is not a SHA-256 hash written as 64 lower-case hexadecimal digits", abbreviateFor(k.Got))
		case field == "label" || field == "name" || field == "attributes item":
			return fmt.Sprintf("%s %q is not a valid name: names are 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter", strings.TrimSuffix(field, " item"), k.Got)
		}
		return fmt.Sprintf("%s %q does not have the expected form (%s)", field, abbreviateFor(k.Got), k.Want)
	case *kind.Const:
		if field == "offsetUnit" {
			return fmt.Sprintf("offsetUnit is %s but must be \"codepoint\": this format counts offsets in Unicode code points", displayJSON(got))
		}
		return fmt.Sprintf("%s is %s but must be %s", field, displayJSON(got), displayJSON(k.Want))
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = displayJSON(w)
		}
		return fmt.Sprintf("%s is %s but must be one of %s", field, displayJSON(got), strings.Join(want, ", "))
	case *kind.Minimum:
		return fmt.Sprintf("%s is %s but must not be negative", field, displayJSON(got))
	case *kind.Format:
		if k.Want == "date-time" {
			return fmt.Sprintf("%s %s is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", field, displayJSON(got))
		}
		return fmt.Sprintf("%s %s is not a valid %s", field, displayJSON(got), k.Want)
	case *kind.MinLength:
		if field == "exact" {
			return "exact is empty: a span must hold at least one character"
		}
		if field == "key" {
			return "key is empty: it must be exactly one character"
		}
		return fmt.Sprintf("%s must be at least %d characters long", field, k.Want)
	case *kind.MaxLength:
		if field == "key" {
			return fmt.Sprintf("key %s must be exactly one character", displayJSON(got))
		}
		return fmt.Sprintf("%s must be at most %d characters long", field, k.Want)
	case *kind.MinItems:
		if field == "labels" {
			return "the schema has no labels; it needs at least one"
		}
		return fmt.Sprintf("%s has %d items but needs at least %d", field, k.Got, k.Want)
	case *kind.MaxItems:
		if field == "labels" {
			return fmt.Sprintf("the schema has %d labels; at most %d are allowed", k.Got, k.Want)
		}
		return fmt.Sprintf("%s has %d items but may have at most %d", field, k.Got, k.Want)
	case *kind.UniqueItems:
		return fmt.Sprintf("%s lists the same value twice (items %d and %d)", field, k.Duplicates[0], k.Duplicates[1])
	case *kind.FalseSchema:
		return fmt.Sprintf("%s is not allowed here", field)
	}
	return fmt.Sprintf("%s: %s", field, k.LocalizedString(englishPrinter))
}

// withArticle turns JSON Schema type names into words.
func withArticle(types []string) string {
	words := make([]string, len(types))
	for i, t := range types {
		switch t {
		case "integer", "object", "array":
			words[i] = "an " + t
		case "null":
			words[i] = t
		default:
			words[i] = "a " + t
		}
	}
	return strings.Join(words, " or ")
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// displayJSON writes a decoded JSON value short, for a message.
func displayJSON(x any) string {
	switch x := x.(type) {
	case string:
		return strconv.Quote(abbreviateFor(x))
	case json.Number:
		return x.String()
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Sprint(x)
	}
	return string(b)
}

// abbreviateFor shortens a quoted value in a message.
func abbreviateFor(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
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
// with it, with anything in it, or with a value that holds it (which is
// then of the wrong type, or missing).
func (v *fileValidator) bad(path string) bool {
	for _, p := range v.schemaBad {
		if p == path || strings.HasPrefix(p, path+"/") || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// broken reports whether the JSON Schema found fault with the value at
// path itself or with a value that holds it, but not merely with
// something in it.
func (v *fileValidator) broken(path string) bool {
	for _, p := range v.schemaBad {
		if p == path || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// checkSemantics makes the checks that the JSON Schema cannot express.
func (v *fileValidator) checkSemantics() {
	f := &v.file
	textOK := !v.bad("/document/text")
	if textOK {
		v.text = NewText(f.Document.Text)
		if !v.bad("/document/textSha256") {
			sum := sha256.Sum256([]byte(f.Document.Text))
			if got := hex.EncodeToString(sum[:]); got != f.Document.TextSHA256 {
				v.add("/document/textSha256", sevFatal,
					"textSha256 is not the SHA-256 of the document's text (which hashes to %s…): the text or the hash was changed after the file was written", got[:12])
			}
		}
	}

	schema := fileSchemaOf(f.Schema)
	labelsOK := !v.bad("/schema")
	if labelsOK {
		if err := schema.Validate(); err != nil {
			var se *SchemaError
			if errors.As(err, &se) {
				for _, p := range se.Problems {
					path := "/schema"
					var n int
					if _, err := fmt.Sscanf(p, "label %d", &n); err == nil && n >= 1 && n <= len(schema.Labels) {
						path = fmt.Sprintf("/schema/labels/%d", n-1)
					}
					v.add(path, sevFatal, "%s", p)
				}
			} else {
				v.add("/schema", sevFatal, "%v", err)
			}
		}
	}

	ids := map[string]string{}    // id -> path of the first annotation with it
	spans := map[spanKey]string{} // label and span -> path of the first annotation with them
	check := func(list string, as []annotationWire, placed bool) {
		for i, a := range as {
			path := fmt.Sprintf("/%s/%d", list, i)
			if v.broken(path) {
				// The annotation is not an object: the JSON Schema has
				// said so, and what follows would only repeat it.
				continue
			}
			if !v.bad(path + "/id") {
				v.checkID(ids, path, a.ID)
			}
			v.checkLabel(schema, labelsOK, path, a)
			v.checkTimes(path, a)
			if !placed || !textOK {
				continue
			}
			spanBad := false
			for _, field := range []string{"label", "start", "end", "exact", "prefix", "suffix"} {
				spanBad = spanBad || v.bad(path+"/"+field)
			}
			if spanBad {
				continue
			}
			if v.checkSpan(path, a) {
				key := spanKey{a.Label, a.Start, a.End}
				if first, dup := spans[key]; dup {
					v.add(path, sevRepairable, "this annotation has the same label (%s) and span (%d to %d) as %s%s; only one can be kept",
						a.Label, a.Start, a.End, first, v.lineOf(first))
				} else {
					spans[key] = path
				}
			}
		}
	}
	check("annotations", f.Annotations, true)
	check("orphans", f.Orphans, false)
}

// fileSchemaOf turns the written schema back into a Schema.
func fileSchemaOf(w schemaWire) Schema {
	s := Schema{Labels: make([]Label, len(w.Labels))}
	for i, l := range w.Labels {
		s.Labels[i] = Label{Name: l.Name, Color: l.Color, Key: l.Key, Attributes: l.Attributes, Description: l.Description}
	}
	return s
}

// lineOf returns " (line N)" for the value at path, for messages that
// point at a second place.
func (v *fileValidator) lineOf(path string) string {
	line, _ := v.position(v.offsetOf(path))
	return fmt.Sprintf(" (line %d)", line)
}

func (v *fileValidator) checkID(ids map[string]string, path, id string) {
	key := strings.ToLower(id)
	if first, dup := ids[key]; dup {
		v.add(path+"/id", sevFatal, "id %q is already the id of %s%s; every annotation needs its own", id, first, v.lineOf(first+"/id"))
		return
	}
	ids[key] = path
}

// checkLabel checks that the annotation's label is in the schema and that
// its attributes have valid names that the label takes.
func (v *fileValidator) checkLabel(schema Schema, labelsOK bool, path string, a annotationWire) {
	names := make([]string, 0, len(a.Attributes))
	for name := range a.Attributes {
		names = append(names, name)
	}
	sort.Strings(names)
	valid := names[:0:0]
	for _, name := range names {
		if !namePattern.MatchString(name) {
			v.add(path+"/attributes/"+escapePointer(name), sevFatal, "%q is not a valid attribute name: names are 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter", name)
			continue
		}
		valid = append(valid, name)
	}
	if !labelsOK || v.bad(path+"/label") {
		return
	}
	l, ok := schema.Label(a.Label)
	if !ok {
		labels := make([]string, len(schema.Labels))
		for i, l := range schema.Labels {
			labels[i] = l.Name
		}
		v.add(path+"/label", sevFatal, "label %q is not in the file's schema, which has %s", a.Label, strings.Join(labels, ", "))
		return
	}
	for _, name := range valid {
		if !l.Takes(name) {
			v.add(path+"/attributes/"+escapePointer(name), sevWarning, "the label %q does not take the attribute %q; it is kept but not shown", l.Name, name)
		}
	}
}

func (v *fileValidator) checkTimes(path string, a annotationWire) {
	var created, modified time.Time
	var errC, errM error
	if !v.bad(path + "/created") {
		if created, errC = parseFileTime(a.Created); errC != nil {
			v.add(path+"/created", sevFatal, "created %q is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", a.Created)
		}
	}
	if !v.bad(path + "/modified") {
		if modified, errM = parseFileTime(a.Modified); errM != nil {
			v.add(path+"/modified", sevFatal, "modified %q is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", a.Modified)
		}
	}
	if errC == nil && errM == nil && !created.IsZero() && !modified.IsZero() && modified.Before(created) {
		v.add(path+"/modified", sevRepairable, "modified (%s) is before created (%s)", a.Modified, a.Created)
	}
}

// parseFileTime reads an RFC 3339 time as the format writes it.
func parseFileTime(s string) (time.Time, error) {
	var t time.Time
	err := t.UnmarshalJSON([]byte(strconv.Quote(s)))
	return t, err
}

// checkSpan checks a placed annotation's offsets, exact text and context
// against the text, and reports whether its span is sound.
func (v *fileValidator) checkSpan(path string, a annotationWire) bool {
	t := v.text
	n := t.Len()
	switch {
	case a.Start > n:
		v.add(path+"/start", sevRepairable, "start (%d) is past the end of the text (%d code points)", a.Start, n)
		return false
	case a.End > n:
		v.add(path+"/end", sevRepairable, "end (%d) is past the end of the text (%d code points)", a.End, n)
		return false
	case a.Start >= a.End:
		v.add(path+"/start", sevRepairable, "start (%d) is not before end (%d): a span must hold at least one character", a.Start, a.End)
		return false
	}
	if got := t.Slice(a.Start, a.End); got != a.Exact {
		hint := ""
		switch {
		case t.Slice(t.CodePointAtUTF16(a.Start), t.CodePointAtUTF16(a.End)) == a.Exact:
			hint = " (the offsets look like UTF-16 code units, as JavaScript counts; this format counts code points)"
		case a.End <= len(t.String()) && t.String()[a.Start:a.End] == a.Exact:
			hint = " (the offsets look like UTF-8 bytes; this format counts code points)"
		}
		v.add(path+"/exact", sevRepairable, "exact is %q but the text from %d to %d is %q%s",
			abbreviateFor(a.Exact), a.Start, a.End, abbreviateFor(got), hint)
		return false
	}
	if k := utf8.RuneCountInString(a.Prefix); t.Slice(a.Start-k, a.Start) != a.Prefix {
		v.add(path+"/prefix", sevWarning, "prefix %q does not agree with the text before the span, %q",
			abbreviateTail(a.Prefix), abbreviateTail(t.Slice(a.Start-k, a.Start)))
	}
	if k := utf8.RuneCountInString(a.Suffix); t.Slice(a.End, a.End+k) != a.Suffix {
		v.add(path+"/suffix", sevWarning, "suffix %q does not agree with the text after the span, %q",
			abbreviateFor(a.Suffix), abbreviateFor(t.Slice(a.End, a.End+k)))
	}
	return true
}

// abbreviateTail shortens s from the front, keeping its end.
func abbreviateTail(s string) string {
	const max = 40
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return "…" + string(r[len(r)-max:])
}

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

// offsetOf returns the byte offset in data at which the value at path
// starts, or that of the nearest value that contains it.
func (v *fileValidator) offsetOf(path string) int {
	if v.offsets == nil {
		v.offsets = pointerOffsets(v.data)
	}
	for {
		if off, ok := v.offsets[path]; ok {
			return off
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 {
			return v.offsets[""]
		}
		path = path[:i]
	}
}

// position returns the line and column, from 1, of byte offset off of
// data. The column counts code points.
func (v *fileValidator) position(off int) (line, col int) {
	off += v.base
	off = clamp(off, 0, len(v.raw))
	if v.lines == nil {
		v.lines = []int{0}
		for i, c := range v.raw {
			if c == '\n' {
				v.lines = append(v.lines, i+1)
			}
		}
	}
	k := sort.SearchInts(v.lines, off+1) - 1
	start := v.lines[k]
	if k == 0 {
		start += v.base // the byte-order mark is not a character
		off = max(off, start)
	}
	return k + 1, utf8.RuneCount(v.raw[start:off]) + 1
}

// pointerOffsets maps the JSON Pointer of every value in data, which must
// be valid JSON, to the byte offset at which the value starts.
func pointerOffsets(data []byte) map[string]int {
	m := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	skip := func() int {
		off := int(dec.InputOffset())
		for off < len(data) {
			switch data[off] {
			case ' ', '\t', '\r', '\n', ':', ',':
				off++
				continue
			}
			break
		}
		return off
	}
	var walk func(ptr string) error
	walk = func(ptr string) error {
		m[ptr] = skip()
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				k, _ := key.(string)
				if err := walk(ptr + "/" + escapePointer(k)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(ptr + "/" + strconv.Itoa(i)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		return nil
	}
	if err := walk(""); err != nil && err != io.EOF {
		// The map holds what was read before the error.
		return m
	}
	return m
}

// jsonPointer joins reference tokens into a JSON Pointer.
func jsonPointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapePointer(t))
	}
	return b.String()
}

// escapePointer escapes one JSON Pointer reference token.
func escapePointer(tok string) string {
	if !strings.ContainsAny(tok, "~/") {
		return tok
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(tok)
}
