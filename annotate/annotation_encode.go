// This file encodes an Annotation as JSON without reflection, byte for
// byte as encoding/json does with HTML escaping off (json.Encoder with
// SetEscapeHTML(false), without its newline). The browser writes every
// annotation of a change to IndexedDB as such JSON: all 2,000 of an
// imported export at once, where json.Marshal's reflection took 150 ms of
// the main thread in WebAssembly. The one rule: AppendAnnotationJSON gives
// exactly what encoding/json gives, or its error.

package annotate

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf8"
)

// AppendAnnotationJSON appends to b the JSON of a, as encoding/json
// writes it with HTML escaping off, and returns the extended slice. The
// error is encoding/json's: a time outside the years 0 to 9999.
func AppendAnnotationJSON(b []byte, a Annotation) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = AppendJSONString(b, a.ID)
	b = append(b, `,"label":`...)
	b = AppendJSONString(b, a.Label)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(a.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(a.End), 10)
	b = append(b, `,"exact":`...)
	b = AppendJSONString(b, a.Exact)
	b = append(b, `,"prefix":`...)
	b = AppendJSONString(b, a.Prefix)
	b = append(b, `,"suffix":`...)
	b = AppendJSONString(b, a.Suffix)
	b = append(b, `,"attributes":`...)
	if a.Attributes == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '{')
		keys := make([]string, 0, len(a.Attributes))
		for k := range a.Attributes {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendJSONString(b, k)
			b = append(b, ':')
			b = AppendJSONString(b, a.Attributes[k])
		}
		b = append(b, '}')
	}
	b = append(b, `,"author":`...)
	b = AppendJSONString(b, a.Author)
	var err error
	b = append(b, `,"created":`...)
	if b, err = appendJSONTime(b, a.Created); err != nil {
		return nil, err
	}
	b = append(b, `,"modified":`...)
	if b, err = appendJSONTime(b, a.Modified); err != nil {
		return nil, err
	}
	b = append(b, `,"anchor":`...)
	b = AppendJSONString(b, string(a.Anchor))
	return append(b, '}'), nil
}

// appendJSONTime appends t as time.Time's MarshalJSON writes it.
func appendJSONTime(b []byte, t time.Time) ([]byte, error) {
	j, err := t.MarshalJSON()
	if err != nil {
		return nil, &jsonTimeError{err}
	}
	return append(b, j...), nil
}

// jsonTimeError is encoding/json's error for a time it cannot write: the
// error of the time's MarshalJSON, which encoding/json reports as a
// MarshalerError of type time.Time; only its text matters here.
type jsonTimeError struct{ err error }

func (e *jsonTimeError) Error() string {
	return "json: error calling MarshalJSON for type time.Time: " + e.err.Error()
}

func (e *jsonTimeError) Unwrap() error { return e.err }

// AppendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it with HTML escaping off: the quote, the backslash and the
// control characters (\b, \f, \n, \r and \t by their letters), U+2028 and
// U+2029 (which JavaScript once took for line ends), and each byte that is
// not UTF-8 as U+FFFD.
func AppendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
