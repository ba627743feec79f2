// This file decodes an Annotation from the JSON that encoding/json makes
// of it, without reflection. Reopening a document in the browser decodes
// every one of its annotations from IndexedDB, 2,000 in a large document,
// and json.Unmarshal, which walks the struct by reflection, is slow in
// WebAssembly. The decoder keeps one rule: DecodeAnnotation gives exactly
// what json.Unmarshal gives, or falls back to it. Its fast path reads what
// encoding/json writes, and other JSON only where it is certain that
// json.Unmarshal reads it the same way; everything else (a key it does not
// know, a key in another case or written with escapes, a key given twice,
// a number with a fraction, an exponent or more than 18 digits, an
// attribute whose value is null, anything that is not valid JSON) goes to
// json.Unmarshal itself. An odd record costs time, never a different
// annotation or a different error.

package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeAnnotation sets *a to the annotation that data, one JSON object,
// holds, and returns an error exactly when json.Unmarshal does. *a is
// always what json.Unmarshal(data, a) makes of a zero Annotation, whatever
// *a held before: a missing or null "attributes" leaves the map nil, and
// {} makes it empty. The strings of an annotation that it decodes itself
// share one allocation.
func DecodeAnnotation(data []byte, a *Annotation) error {
	d := annotationDecoders.Get().(*annotationDecoder)
	defer annotationDecoders.Put(d)
	return d.decode(data, a)
}

// DecodeAnnotationLines decodes records of JSON separated by '\n' (which
// encoding/json never leaves raw inside a value), each with
// DecodeAnnotation. A final '\n' ends the last record rather than
// starting an empty one, and empty data holds no record. An error names
// the record, counted from 0, and wraps the record's error.
func DecodeAnnotationLines(data []byte) ([]Annotation, error) {
	data = bytes.TrimSuffix(data, []byte("\n"))
	if len(data) == 0 {
		return []Annotation{}, nil
	}
	out := make([]Annotation, bytes.Count(data, []byte("\n"))+1)
	d := annotationDecoders.Get().(*annotationDecoder)
	defer annotationDecoders.Put(d)
	for i := range out {
		rec := data
		if n := bytes.IndexByte(data, '\n'); n >= 0 {
			rec, data = data[:n], data[n+1:]
		}
		if err := d.decode(rec, &out[i]); err != nil {
			return nil, fmt.Errorf("annotation record %d: %w", i, err)
		}
	}
	return out, nil
}

// The fields of an Annotation, as the decoder numbers them: the string
// fields first, so that their places in buf fit in one array.
const (
	annID = iota
	annLabel
	annExact
	annPrefix
	annSuffix
	annAuthor
	annAnchor
	annStart
	annEnd
	annAttributes
	annCreated
	annModified

	annStrings = annStart // the number of string fields
)

// annField returns the field whose JSON key is key, written exactly so,
// or -1.
func annField(key []byte) int {
	switch string(key) {
	case "id":
		return annID
	case "label":
		return annLabel
	case "start":
		return annStart
	case "end":
		return annEnd
	case "exact":
		return annExact
	case "prefix":
		return annPrefix
	case "suffix":
		return annSuffix
	case "attributes":
		return annAttributes
	case "author":
		return annAuthor
	case "created":
		return annCreated
	case "modified":
		return annModified
	case "anchor":
		return annAnchor
	}
	return -1
}

// annotationDecoder reads annotations one at a time, keeping its buffers
// from one to the next. It walks the JSON with jsonScan's data, position
// and white space.
type annotationDecoder struct {
	jsonScan
	buf   []byte // the decoded strings of the annotation, end to end
	attrs []int  // per attribute: where its key starts and ends in buf, and where its value ends
}

// annotationDecoders keeps decoders, and their buffers, between calls.
var annotationDecoders = sync.Pool{New: func() any { return new(annotationDecoder) }}

// decode sets *a from data: by the fast path when it can, otherwise by
// json.Unmarshal into a zero Annotation.
func (d *annotationDecoder) decode(data []byte, a *Annotation) error {
	ok := d.fast(data, a)
	d.data = nil // not to keep the caller's data alive in the pool
	if ok {
		return nil
	}
	*a = Annotation{}
	return json.Unmarshal(data, a)
}

// fast sets *a from data and reports true when data is one JSON object of
// the fields of an Annotation that it reads exactly as json.Unmarshal
// would; otherwise it leaves *a as it was and reports false.
func (d *annotationDecoder) fast(data []byte, a *Annotation) bool {
	d.data, d.i, d.buf, d.attrs = data, 0, d.buf[:0], d.attrs[:0]
	var (
		spans             [annStrings][2]int // where each string field is in buf
		start, end        int
		created, modified time.Time
		seen              uint16
		hasAttrs          bool // "attributes" is an object, not null or missing
	)
	d.space()
	if !d.next('{') {
		return false
	}
	d.space()
	if !d.next('}') {
		for {
			f := d.key()
			// json.Unmarshal lets a repeated key overwrite, or add to
			// the map, what the first one set: rare enough to leave it.
			if f < 0 || seen&(1<<f) != 0 {
				return false
			}
			seen |= 1 << f
			d.space()
			if !d.next(':') {
				return false
			}
			d.space()
			ok := true
			switch {
			case d.null():
				// json.Unmarshal leaves a string, a number and a time
				// as they are on null, and sets a map to nil: in a
				// zero Annotation, all of them stay zero.
			case f < annStrings:
				b := len(d.buf)
				ok = d.stringValue()
				spans[f] = [2]int{b, len(d.buf)}
			case f == annStart:
				start, ok = d.intValue()
			case f == annEnd:
				end, ok = d.intValue()
			case f == annAttributes:
				ok = d.attributes()
				hasAttrs = true
			case f == annCreated:
				created, ok = d.timeValue()
			case f == annModified:
				modified, ok = d.timeValue()
			}
			if !ok {
				return false
			}
			d.space()
			if d.next('}') {
				break
			}
			if !d.next(',') {
				return false
			}
			d.space()
		}
	}
	d.space()
	if d.i != len(d.data) {
		return false
	}

	s := string(d.buf)
	str := func(f int) string { return s[spans[f][0]:spans[f][1]] }
	*a = Annotation{
		ID: str(annID), Label: str(annLabel), Start: start, End: end,
		Exact: str(annExact), Prefix: str(annPrefix), Suffix: str(annSuffix),
		Author: str(annAuthor), Created: created, Modified: modified,
		Anchor: Anchoring(str(annAnchor)),
	}
	if hasAttrs {
		a.Attributes = make(map[string]string, len(d.attrs)/3)
		for k := 0; k < len(d.attrs); k += 3 {
			a.Attributes[s[d.attrs[k]:d.attrs[k+1]]] = s[d.attrs[k+1]:d.attrs[k+2]]
		}
	}
	return true
}

// next moves past c if it is the byte at the position, and reports
// whether it was.
func (d *annotationDecoder) next(c byte) bool {
	if d.i < len(d.data) && d.data[d.i] == c {
		d.i++
		return true
	}
	return false
}

// null moves past the literal null if it is at the position, and
// reports whether it was.
func (d *annotationDecoder) null() bool {
	if bytes.HasPrefix(d.data[d.i:], []byte("null")) {
		d.i += 4
		return true
	}
	return false
}

// key moves past an object's key and its closing quote and returns the
// field it names, or -1 for any other key or for one written with an
// escape or a character outside ASCII.
func (d *annotationDecoder) key() int {
	k, ok := d.plainKey()
	if !ok {
		return -1
	}
	return annField(k)
}

// plainKey moves past an object's key and its closing quote and returns
// its bytes; ok is false for a key written with an escape or a character
// outside ASCII (encoding/json writes none of the records' keys so), or
// for one that is not a JSON string.
func (d *annotationDecoder) plainKey() (key []byte, ok bool) {
	if !d.next('"') {
		return nil, false
	}
	b := d.i
	for ; d.i < len(d.data); d.i++ {
		switch c := d.data[d.i]; {
		case c == '"':
			d.i++
			return d.data[b : d.i-1], true
		case c == '\\' || c < ' ' || c >= utf8.RuneSelf:
			return nil, false
		}
	}
	return nil, false
}

// stringValue appends the JSON string at the position to buf, decoded as
// json.Unmarshal decodes it: every escape; a \u escape of half a
// surrogate pair that is not followed by the other half, and each byte
// that is not part of valid UTF-8, as U+FFFD. It reports false for
// anything else, or for a string that is not valid JSON.
func (d *annotationDecoder) stringValue() bool {
	if !d.next('"') {
		return false
	}
	data := d.data
	i := d.i
	for {
		// A run of bytes that stand for themselves, if they are UTF-8.
		run := i
		for i < len(data) && jsonLiteral[data[i]] {
			i++
		}
		if utf8.Valid(data[run:i]) {
			d.buf = append(d.buf, data[run:i]...)
		} else {
			d.appendCoerced(data[run:i])
		}
		if i >= len(data) || data[i] < ' ' {
			return false
		}
		if data[i] == '"' {
			d.i = i + 1
			return true
		}
		// A backslash.
		if i+1 >= len(data) {
			return false
		}
		switch e := data[i+1]; e {
		case '"', '\\', '/':
			d.buf = append(d.buf, e)
		case 'b':
			d.buf = append(d.buf, '\b')
		case 'f':
			d.buf = append(d.buf, '\f')
		case 'n':
			d.buf = append(d.buf, '\n')
		case 'r':
			d.buf = append(d.buf, '\r')
		case 't':
			d.buf = append(d.buf, '\t')
		case 'u':
			r := hex4(data[i:])
			if r < 0 {
				return false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				// As json.Unmarshal does: the pair if the next escape
				// completes it, otherwise U+FFFD for this half alone.
				if pair := utf16.DecodeRune(r, hex4(data[i:])); pair != unicode.ReplacementChar {
					r = pair
					i += 6
				} else {
					r = unicode.ReplacementChar
				}
			}
			d.buf = utf8.AppendRune(d.buf, r)
			continue
		default:
			return false
		}
		i += 2
	}
}

// jsonLiteral tells the bytes that stand for themselves in a JSON
// string, or begin or continue a character that does: all but control
// characters, the quote and the backslash.
var jsonLiteral = func() (t [256]bool) {
	for c := int(' '); c < len(t); c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendCoerced appends b to buf as json.Unmarshal coerces a string to
// UTF-8: each byte that does not begin a valid character becomes U+FFFD.
func (d *annotationDecoder) appendCoerced(b []byte) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			d.buf = utf8.AppendRune(d.buf, utf8.RuneError)
		} else {
			d.buf = append(d.buf, b[:size]...)
		}
		b = b[size:]
	}
}

// hex4 returns the code unit of the \uXXXX escape that b starts with, or
// -1 if b does not start with one.
func hex4(b []byte) rune {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return -1
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// intValue reads a JSON integer with no fraction and no exponent (json.Unmarshal
// refuses those for an int) that fits in an int.
func (d *annotationDecoder) intValue() (int, bool) {
	b := d.i
	d.next('-')
	switch {
	case d.next('0'):
		// JSON allows no other digit after a leading 0.
	case d.i < len(d.data) && '1' <= d.data[d.i] && d.data[d.i] <= '9':
		for d.i < len(d.data) && '0' <= d.data[d.i] && d.data[d.i] <= '9' {
			d.i++
		}
	default:
		return 0, false
	}
	lit := d.data[b:d.i]
	if strconv.IntSize < 64 && len(lit) > 9 {
		return 0, false // parseJSONInt takes 18 digits, for a 64-bit int
	}
	n, kind, _ := parseJSONInt(lit)
	return n, kind == intExact
}

// timeValue reads a JSON string that time.Time.UnmarshalJSON takes, by giving
// it the string as written, as json.Unmarshal does. (parseFileTime, for
// files, is a little more lenient.) UnmarshalJSON does not undo escapes:
// a string that has any is left to json.Unmarshal, as is one that is not
// valid JSON.
func (d *annotationDecoder) timeValue() (time.Time, bool) {
	var t time.Time
	b := d.i
	if !d.next('"') {
		return t, false
	}
	for ; d.i < len(d.data); d.i++ {
		switch c := d.data[d.i]; {
		case c == '"':
			d.i++
			return t, t.UnmarshalJSON(d.data[b:d.i]) == nil
		case c == '\\' || c < ' ' || c >= utf8.RuneSelf:
			return t, false
		}
	}
	return t, false
}

// attributes reads an object of strings into buf and attrs. A null value
// is left to json.Unmarshal, which makes it an empty string.
func (d *annotationDecoder) attributes() bool {
	if !d.next('{') {
		return false
	}
	d.space()
	if d.next('}') {
		return true
	}
	for {
		k := len(d.buf)
		if !d.stringValue() {
			return false
		}
		v := len(d.buf)
		d.space()
		if !d.next(':') {
			return false
		}
		d.space()
		if !d.stringValue() {
			return false
		}
		d.attrs = append(d.attrs, k, v, len(d.buf))
		d.space()
		if d.next('}') {
			return true
		}
		if !d.next(',') {
			return false
		}
		d.space()
	}
}
