package annotate

// This file keeps how the annotator reads UTF-8 and UTF-16 itself, in
// every build, as the WHATWG Encoding Standard (and so every browser)
// reads them: each ill-formed sequence becomes one U+FFFD.

import (
	"encoding/binary"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// utf8Text returns data with each ill-formed sequence (its maximal
// subpart, as WHATWG counts it: a lead byte and the continuation bytes
// that could still have completed it) replaced by U+FFFD.
func utf8Text(data []byte) string {
	var b strings.Builder
	b.Grow(len(data))
	for len(data) > 0 {
		valid := validUTF8Prefix(data)
		b.Write(data[:valid])
		data = data[valid:]
		if len(data) > 0 {
			b.WriteRune(utf8.RuneError)
			data = data[maximalSubpart(data):]
		}
	}
	return b.String()
}

// validUTF8Prefix returns the length of the longest valid UTF-8 prefix of
// data.
func validUTF8Prefix(data []byte) int {
	i := 0
	for i < len(data) {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return i
}

// maximalSubpart returns the length of the ill-formed sequence data
// starts with: its lead byte and as many of the bytes after it as could
// continue a sequence that lead starts.
func maximalSubpart(data []byte) int {
	lo, hi := byte(0x80), byte(0xbf)
	var need int
	switch c := data[0]; {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c == 0xe0:
		need, lo = 2, 0xa0
	case c == 0xed:
		need, hi = 2, 0x9f
	case c >= 0xe1 && c <= 0xef:
		need = 2
	case c == 0xf0:
		need, lo = 3, 0x90
	case c == 0xf4:
		need, hi = 3, 0x8f
	case c >= 0xf1 && c <= 0xf3:
		need = 3
	default:
		return 1
	}
	n := 1
	for n <= need && n < len(data) && data[n] >= lo && data[n] <= hi {
		n++
		lo, hi = 0x80, 0xbf
	}
	return n
}

// FromUTF16BOM returns data as UTF-8 when it opens with a UTF-16
// byte-order mark (as Windows PowerShell's ">" writes a file), the mark
// left out; any other data as it is. A file of annotations so written is
// read as its UTF-8, whose lines and characters are its own.
func FromUTF16BOM(data []byte) []byte {
	switch {
	case len(data) >= 2 && data[0] == 0xff && data[1] == 0xfe:
		return []byte(utf16Text(data[2:], binary.LittleEndian))
	case len(data) >= 2 && data[0] == 0xfe && data[1] == 0xff:
		return []byte(utf16Text(data[2:], binary.BigEndian))
	}
	return data
}

// utf16Text decodes data as UTF-16 in the byte order given: an unpaired
// surrogate, and an odd last byte, each become U+FFFD.
func utf16Text(data []byte, order binary.ByteOrder) string {
	var b strings.Builder
	b.Grow(len(data) * 3 / 2)
	for i := 0; i+1 < len(data); i += 2 {
		u := rune(order.Uint16(data[i:]))
		if utf16.IsSurrogate(u) && u < 0xdc00 && i+3 < len(data) {
			if r := utf16.DecodeRune(u, rune(order.Uint16(data[i+2:]))); r != utf8.RuneError {
				b.WriteRune(r)
				i += 2
				continue
			}
		}
		if utf16.IsSurrogate(u) {
			u = utf8.RuneError
		}
		b.WriteRune(u)
	}
	if len(data)%2 == 1 {
		b.WriteRune(utf8.RuneError)
	}
	return b.String()
}
