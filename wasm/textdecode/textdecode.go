//go:build js

package textdecode

// This file keeps the one rule of the package: the browser's TextDecoder
// reads the bytes, as it reads a page; what to do with bytes that are no
// character (U+FFFD in its text) is annotate's rule.

import (
	"syscall/js"

	"github.com/newsannotator/annotator/annotate"
)

var (
	textDecoder = js.Global().Get("TextDecoder")
	uint8Array  = js.Global().Get("Uint8Array")
)

// Charsets is annotate.Charsets read with the browser's TextDecoder.
type Charsets struct{}

var _ annotate.Charsets = Charsets{}

// Name returns the TextDecoder's name for label, or "" when the browser
// knows no such label (or it names the "replacement" encoding, which a
// TextDecoder refuses).
func (Charsets) Name(label string) string {
	dec, err := newDecoder(label)
	if err != nil {
		return ""
	}
	return dec.Get("encoding").String()
}

// Decode reads data as the encoding called name, writing U+FFFD for bytes
// that are no character of it, as browsers do; annotate refuses such text
// where the builds' tables may disagree on it.
func (Charsets) Decode(name string, data []byte) (string, error) {
	dec, err := newDecoder(name)
	if err != nil {
		return "", err
	}
	buf := uint8Array.New(len(data))
	js.CopyBytesToJS(buf, data)
	text, err := call(dec, "decode", buf)
	if err != nil {
		return "", annotate.ErrUndecodable // the browser has no memory for it, say
	}
	if name == "big5" {
		text = mendBig5(text)
	}
	return text.String(), nil
}

// newDecoder makes a TextDecoder for label, or returns the error it throws
// (a RangeError for a label it does not know).
func newDecoder(label string) (dec js.Value, err error) {
	defer catch(&err)
	return textDecoder.New(label), nil
}

// call calls v's method, returning what it throws as an error.
func call(v js.Value, method string, args ...any) (res js.Value, err error) {
	defer catch(&err)
	return v.Call(method, args...), nil
}

// catch turns the panic of a JavaScript exception into *err.
func catch(err *error) {
	if r := recover(); r != nil {
		jsErr, ok := r.(js.Error)
		if !ok {
			panic(r)
		}
		*err = jsErr
	}
}

// big5Mended lists what Chromium's TextDecoder (156) writes for the four
// Big5 codes that stand for two characters each (a C1 control and a lone
// surrogate), and the two characters that the WHATWG standard, and
// x/text, read them as: 0x8862 Ê̄, 0x8864 Ê̌, 0x88A3 ê̄, 0x88A5 ê̌. Each
// is UTF-16 code units, since a Go string cannot hold a lone surrogate.
var big5Mended = [][4]any{
	{0x93, 0xdf04, 0xca, 0x304},
	{0x93, 0xdf0c, 0xca, 0x30c},
	{0xb3, 0xdf04, 0xea, 0x304},
	{0xb3, 0xdf0c, 0xea, 0x30c},
}

// mendBig5 puts right in text what Chromium's Big5 decoder gets wrong.
// No TextDecoder writes a lone surrogate otherwise, so nothing else is
// touched.
func mendBig5(text js.Value) js.Value {
	// text is a JavaScript string, a primitive: its methods are called
	// through String.prototype.
	str := js.Global().Get("String")
	includes, replaceAll := str.Get("prototype").Get("includes"), str.Get("prototype").Get("replaceAll")
	for _, m := range big5Mended {
		wrong := str.Call("fromCharCode", m[0], m[1])
		if includes.Call("call", text, wrong).Bool() {
			text = replaceAll.Call("call", text, wrong, str.Call("fromCharCode", m[2], m[3]))
		}
	}
	return text
}
