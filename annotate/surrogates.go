package annotate

// A JSON string may escape half of a character: "\ud800" alone, a UTF-16
// surrogate with no partner. Go's decoder, as every decoder that gives
// Unicode text, reads it as U+FFFD (the decoders here do as
// json.Unmarshal does). The offsets still hold over the text read, but a
// character of the input was replaced, and an importer says so rather
// than leave it unsaid.

import (
	"bytes"
	"unicode"
	"unicode/utf16"
)

// LoneSurrogates counts the escapes of lone surrogates in the JSON data,
// each of which a decoder reads as U+FFFD: a high surrogate (\ud800–\udbff)
// not followed by the escape of a low one (\udc00–\udfff), and a low one
// not preceded by a high one.
func LoneSurrogates(data []byte) int {
	n := 0
	for i := 0; i < len(data); i++ {
		j := bytes.IndexByte(data[i:], '\\') // a line of megabytes has few
		if j < 0 {
			break
		}
		i += j
		r := hex4(data[i:])
		switch {
		case r < 0:
			i++ // an escaped character, "\\" too: not the start of another escape
		case utf16.IsSurrogate(r):
			if r < 0xdc00 && utf16.DecodeRune(r, hex4(data[i+6:])) != unicode.ReplacementChar {
				i += 11 // the pair
				continue
			}
			n++
			i += 5
		default:
			i += 5
		}
	}
	return n
}
