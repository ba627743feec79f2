//go:build !js

package annotate

// This file keeps the native build's tables of the legacy encodings:
// x/text's, which follow the WHATWG Encoding Standard's labels and names.
// The browser has its own (its TextDecoder), so this file, and x/text's
// 295 KB of tables, stay out of app.wasm.

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

func init() { UseCharsets(xtextCharsets{}) }

// xtextCharsets reads the legacy encodings with x/text. (x/net's
// charset.Lookup, which decode.go once fell back on, looks labels up in
// htmlindex too: it knows no label that htmlindex does not.)
type xtextCharsets struct{}

func (xtextCharsets) Name(label string) string {
	enc, err := htmlindex.Get(label)
	// The "replacement" encoding (ISO-2022-KR, HZ and the like) reads a
	// whole input as one U+FFFD; the browser's TextDecoder refuses its
	// labels as unknown, and so does this.
	if err != nil || enc == encoding.Replacement {
		return ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return ""
	}
	return name
}

func (xtextCharsets) Decode(name string, data []byte) (string, error) {
	enc, err := htmlindex.Get(name)
	if err != nil {
		return "", err
	}
	out, err := enc.NewDecoder().Bytes(data)
	return string(out), err
}
