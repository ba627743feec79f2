// This file reads the JSON records that the workspace stores (a
// document's summary and body, the settings, the undo history's steps)
// without reflection, for the one rule annotation_json.go keeps: a record
// decodes to exactly what json.Unmarshal makes of it into a zero value, or
// the caller falls back to json.Unmarshal itself. The start of the app
// reads one of each, and in a new renderer process every function a start
// runs is compiled again: encoding/json's decoder and the reflection it
// walks structs with were about a fifth of the code compiled between main
// and the article shown (BENCH.md, the twenty-fifth pass). A record that
// is odd (a key it does not know, or in another case, or twice; a number
// with a fraction where an integer goes; anything that is not JSON) costs
// the fallback's time, never a different value or error.

package annotate

import (
	"encoding/json"
	"strconv"
	"time"
)

// RecordReader reads one JSON value as encoding/json decodes it into a
// zero value of the caller's type, field by field, and says at the end
// (OK) whether it could be sure of every one. Its methods read the value
// at the position; on null, each gives its zero value (nil for a slice,
// no call for an object's fields), as json.Unmarshal leaves a zero value.
// Once a read fails, every later one gives zero values and OK is false.
type RecordReader struct {
	d      annotationDecoder
	failed bool
}

// NewRecordReader returns a reader of data, one JSON value.
func NewRecordReader(data []byte) *RecordReader {
	r := &RecordReader{}
	r.d.data = data
	r.d.space()
	return r
}

// Fail marks the record as one the reader cannot be sure of.
func (r *RecordReader) Fail() { r.failed = true }

// OK reports whether every read succeeded and nothing but white space
// follows the value.
func (r *RecordReader) OK() bool {
	if r.failed {
		return false
	}
	r.d.space()
	return r.d.i == len(r.d.data)
}

// null moves past a null at the position, and reports whether there was
// one; a reader that failed reports true, so that nothing more is read.
func (r *RecordReader) null() bool {
	if r.failed {
		return true
	}
	r.d.space()
	return r.d.null()
}

// Object reads an object, calling field with each key, in order: field
// reads the key's value with one of the reader's methods, and returns
// false for a key it does not know (the record then fails). A key given
// twice fails the record: json.Unmarshal merges the two, which is rare
// enough to leave to it.
func (r *RecordReader) Object(field func(key string) bool) {
	if r.null() {
		return
	}
	if !r.d.next('{') {
		r.Fail()
		return
	}
	var seen []string
	r.d.space()
	if r.d.next('}') {
		return
	}
	for !r.failed {
		key, ok := r.key()
		if !ok {
			r.Fail()
			return
		}
		for _, k := range seen {
			if k == key {
				r.Fail()
				return
			}
		}
		seen = append(seen, key)
		r.d.space()
		if !r.d.next(':') {
			r.Fail()
			return
		}
		if !field(key) {
			r.Fail()
			return
		}
		r.d.space()
		if r.d.next('}') {
			return
		}
		if !r.d.next(',') {
			r.Fail()
			return
		}
		r.d.space()
	}
}

// key reads an object's key as annotationDecoder.plainKey does: others
// fail the record, and json.Unmarshal reads it.
func (r *RecordReader) key() (string, bool) {
	k, ok := r.d.plainKey()
	return string(k), ok
}

// String reads a string, decoded as json.Unmarshal decodes it.
func (r *RecordReader) String() string {
	if r.null() {
		return ""
	}
	r.d.buf = r.d.buf[:0]
	if !r.d.stringValue() {
		r.Fail()
		return ""
	}
	return string(r.d.buf)
}

// Int reads an integer written without a fraction or an exponent, which
// is how encoding/json writes an int (json.Unmarshal refuses the others
// for an int).
func (r *RecordReader) Int() int {
	if r.null() {
		return 0
	}
	n, ok := r.d.intValue()
	if !ok {
		r.Fail()
	}
	return n
}

// Float reads a number as json.Unmarshal reads one into a float64.
func (r *RecordReader) Float() float64 {
	if r.null() {
		return 0
	}
	d := &r.d
	b := d.i
	d.next('-')
	switch {
	case d.next('0'):
	case d.i < len(d.data) && '1' <= d.data[d.i] && d.data[d.i] <= '9':
		d.digits()
	default:
		r.Fail()
		return 0
	}
	if d.next('.') && !d.digits() {
		r.Fail()
		return 0
	}
	if d.next('e') || d.next('E') {
		if !d.next('+') {
			d.next('-')
		}
		if !d.digits() {
			r.Fail()
			return 0
		}
	}
	f, err := strconv.ParseFloat(string(d.data[b:d.i]), 64)
	if err != nil {
		r.Fail()
	}
	return f
}

// digits moves past a run of decimal digits and reports whether there was
// one.
func (d *annotationDecoder) digits() bool {
	b := d.i
	for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
		d.i++
	}
	return d.i > b
}

// Bool reads true or false.
func (r *RecordReader) Bool() bool {
	if r.null() {
		return false
	}
	for _, lit := range []string{"true", "false"} {
		if len(r.d.data)-r.d.i >= len(lit) && string(r.d.data[r.d.i:r.d.i+len(lit)]) == lit {
			r.d.i += len(lit)
			return lit == "true"
		}
	}
	r.Fail()
	return false
}

// Time reads a time as json.Unmarshal does, through time.Time's
// UnmarshalJSON.
func (r *RecordReader) Time() time.Time {
	if r.null() {
		return time.Time{}
	}
	t, ok := r.d.timeValue()
	if !ok {
		r.Fail()
	}
	return t
}

// Array reads an array, calling item for each of its values, which item
// reads.
func (r *RecordReader) Array(item func()) {
	if r.null() {
		return
	}
	if !r.d.next('[') {
		r.Fail()
		return
	}
	r.d.space()
	if r.d.next(']') {
		return
	}
	for !r.failed {
		item()
		r.d.space()
		if r.d.next(']') {
			return
		}
		if !r.d.next(',') {
			r.Fail()
			return
		}
		r.d.space()
	}
}

// Strings reads an array of strings: nil for null, empty and not nil for
// [], as json.Unmarshal makes them.
func (r *RecordReader) Strings() []string {
	if r.null() {
		return nil
	}
	out := []string{}
	r.Array(func() { out = append(out, r.String()) })
	return out
}

// Counts reads an object of integers.
func (r *RecordReader) Counts() map[string]int {
	if r.null() {
		return nil
	}
	out := map[string]int{}
	// Its keys are labels' names, read by key's rule (no escapes, ASCII):
	// others fail, and json.Unmarshal reads them.
	r.Object(func(k string) bool {
		out[k] = r.Int()
		return true
	})
	return out
}

// Annotation reads an object as DecodeAnnotation does, into a new
// Annotation; nil for null.
func (r *RecordReader) Annotation() *Annotation {
	if r.null() {
		return nil
	}
	b := r.d.i
	if !r.skip(0) {
		r.Fail()
		return nil
	}
	a := new(Annotation)
	if err := DecodeAnnotation(r.d.data[b:r.d.i], a); err != nil {
		r.Fail()
		return nil
	}
	return a
}

// Skip moves past the value at the position, whatever it is, checking
// that it is JSON.
func (r *RecordReader) Skip() {
	if r.failed {
		return
	}
	r.d.space()
	if !r.skip(0) {
		r.Fail()
	}
}

// maxRecordDepth bounds the nesting skip walks into.
const maxRecordDepth = 64

// skip moves past one JSON value, checking it, and reports whether it was
// one.
func (r *RecordReader) skip(depth int) bool {
	d := &r.d
	if depth > maxRecordDepth || d.i >= len(d.data) {
		return false
	}
	switch c := d.data[d.i]; {
	case c == '"':
		r.d.buf = r.d.buf[:0]
		return d.stringValue()
	case c == '{' || c == '[':
		d.i++
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		d.space()
		if d.next(end) {
			return true
		}
		for {
			if c == '{' {
				if !d.next('"') {
					return false
				}
				d.i--
				r.d.buf = r.d.buf[:0]
				if !d.stringValue() {
					return false
				}
				d.space()
				if !d.next(':') {
					return false
				}
				d.space()
			}
			if !r.skip(depth + 1) {
				return false
			}
			d.space()
			if d.next(end) {
				return true
			}
			if !d.next(',') {
				return false
			}
			d.space()
		}
	case c == 't' || c == 'f':
		r.Bool()
		return !r.failed
	case c == 'n':
		return d.null()
	default:
		r.Float()
		return !r.failed
	}
}

// DecodeRecord sets *v from data, one JSON value, as json.Unmarshal(data,
// v) sets a zero value: by read, which reads it with a RecordReader, when
// the reader is sure of every field, and by json.Unmarshal itself when it
// is not. read must read the whole value, and only as json.Unmarshal would
// for v's type.
func DecodeRecord[T any](data []byte, v *T, read func(r *RecordReader, v *T)) error {
	var got T
	r := NewRecordReader(data)
	read(r, &got)
	if r.OK() {
		*v = got
		return nil
	}
	var zero T
	*v = zero
	return json.Unmarshal(data, v)
}

// ReadSchema reads a label schema as json.Unmarshal reads one.
func ReadSchema(r *RecordReader, s *Schema) {
	r.Object(func(k string) bool {
		if k != "labels" {
			return false
		}
		if r.null() {
			s.Labels = nil
			return true
		}
		s.Labels = []Label{}
		r.Array(func() {
			var l Label
			r.Object(func(k string) bool {
				switch k {
				case "name":
					l.Name = r.String()
				case "color":
					l.Color = r.String()
				case "key":
					l.Key = r.String()
				case "attributes":
					l.Attributes = r.Strings()
				case "description":
					l.Description = r.String()
				default:
					return false
				}
				return true
			})
			s.Labels = append(s.Labels, l)
		})
		return true
	})
}

// ReadMeta reads a page's metadata as json.Unmarshal reads it.
func ReadMeta(r *RecordReader, m *Meta) {
	r.Object(func(k string) bool {
		var f *string
		switch k {
		case "author":
			f = &m.Author
		case "published":
			f = &m.Published
		case "siteName":
			f = &m.SiteName
		case "canonicalUrl":
			f = &m.CanonicalURL
		case "description":
			f = &m.Description
		case "lang":
			f = &m.Language
		case "source":
			f = &m.Source
		case "mediaType":
			f = &m.MediaType
		case "charset":
			f = &m.Charset
		default:
			return false
		}
		*f = r.String()
		return true
	})
}

// DecodeStep sets *s from a stored step's JSON, as json.Unmarshal does.
func DecodeStep(data []byte, s *Step) error {
	return DecodeRecord(data, s, readStep)
}

// readStep reads a step with r.
func readStep(r *RecordReader, s *Step) {
	r.Object(func(k string) bool {
		switch k {
		case "seq":
			s.Seq = r.Int()
		case "label":
			s.Label = r.String()
		case "redo":
			s.Redo = r.Bool()
		case "changes":
			if r.null() {
				return true
			}
			s.Changes = []StepChange{}
			r.Array(func() {
				var c StepChange
				r.Object(func(k string) bool {
					switch k {
					case "before":
						c.Before = r.Annotation()
					case "after":
						c.After = r.Annotation()
					case "orphan":
						c.Orphan = r.Annotation()
					case "orphanAt":
						if !r.null() {
							n := r.Int()
							c.OrphanAt = &n
						}
					default:
						return false
					}
					return true
				})
				s.Changes = append(s.Changes, c)
			})
		default:
			return false
		}
		return true
	})
}
