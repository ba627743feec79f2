// This file reads a file as a generic JSON value (maps, slices, strings,
// json.Number...) and compares such values as JSON Schema does: numbers
// by their value, so that 1, 1.0 and 1e0 are one number, however many
// digits they have.

package annotate

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// errAfterJSON is the error of a file with more after its JSON value.
var errAfterJSON = errors.New("invalid character after top-level value")

// decodeJSONValue decodes data, one JSON value and nothing after it but
// white space, keeping every number as written (json.Number). A key given
// twice keeps its last value, as encoding/json does.
func decodeJSONValue(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errAfterJSON
	}
	return doc, nil
}

// jsonType names the JSON type of a decoded value as JSON Schema does,
// or "" for what JSON cannot hold.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return ""
}

// jsonRat returns the value of a number, or nil when big.Rat cannot hold
// it (an exponent in the tens of millions).
func jsonRat(n json.Number) *big.Rat {
	r, ok := new(big.Rat).SetString(string(n))
	if !ok {
		return nil
	}
	return r
}

// jsonIsInteger reports whether v is a number with no fraction, however
// it is written (3, 3.0, 3e0).
func jsonIsInteger(v any) bool {
	n, ok := v.(json.Number)
	if !ok {
		return false
	}
	r := jsonRat(n)
	return r != nil && r.IsInt()
}

// jsonEqual reports whether two decoded values are the same JSON value.
// A number big.Rat cannot hold equals nothing.
func jsonEqual(a, b any) bool {
	ka, oka := jsonKey(a)
	kb, okb := jsonKey(b)
	return oka && okb && ka == kb
}

// jsonKey returns a string that two decoded values share if and only if
// they are the same JSON value; false if v holds a number that big.Rat
// cannot hold, which equals nothing.
func jsonKey(v any) (string, bool) {
	var b strings.Builder
	ok := writeJSONKey(&b, v)
	return b.String(), ok
}

func writeJSONKey(b *strings.Builder, v any) bool {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case string:
		b.WriteString(strconv.Quote(v))
	case json.Number:
		r := jsonRat(v)
		if r == nil {
			return false
		}
		b.WriteString(r.RatString())
	case []any:
		b.WriteByte('[')
		for i, item := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			if !writeJSONKey(b, item) {
				return false
			}
		}
		b.WriteByte(']')
	case map[string]any:
		b.WriteByte('{')
		for i, k := range slices.Sorted(maps.Keys(v)) {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			if !writeJSONKey(b, v[k]) {
				return false
			}
		}
		b.WriteByte('}')
	default:
		return false
	}
	return true
}
