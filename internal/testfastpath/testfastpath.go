// Package testfastpath checks a fast path against the slow path it stands
// for: the JSON readers that skip encoding/json (annotate's export reader,
// formats' batch line reader) must give exactly what encoding/json gives
// whenever they take an input, and take nothing it refuses. Only tests
// import it.
package testfastpath

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// Agrees fails t when fast takes data and gives other than slow, or takes
// what slow refuses, and reports whether fast took data.
func Agrees[T any](t testing.TB, data []byte, fast, slow func([]byte) (T, bool)) bool {
	t.Helper()
	got, ok := fast(data)
	if !ok {
		return false
	}
	want, wantOK := slow(data)
	if !wantOK {
		t.Fatalf("the fast path took what encoding/json refuses: %.200q", data)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the fast path gives\n%+v\nencoding/json\n%+v\nfor %.300q", got, want, data)
	}
	return true
}

// Strict decodes data as the strict decoders that the fast paths stand
// for do (encoding/json, unknown fields refused): one JSON value of type T
// and nothing after it but white space.
func Strict[T any](data []byte) (T, bool) {
	var v T
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		var zero T
		return zero, false
	}
	return v, len(bytes.TrimSpace(data[dec.InputOffset():])) == 0
}
