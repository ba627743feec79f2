package annotate

// This file keeps the rule for reading a legacy character encoding (any
// but UTF-8 and UTF-16): its tables come from outside the package, from
// whatever knows the WHATWG encodings where the annotator runs (x/text
// natively, the browser's TextDecoder in the app), and every build reads
// the same bytes into the same text or refuses them in the same words.
// The tables of the two differ only where a byte has no character in
// x/text's and a C1 control or a private-use character in the browser's,
// and in how many U+FFFD they write for bytes that are no character at
// all. In a single-byte encoding every byte is one character in both, so
// a byte with none reads as U+FFFD in both, as it always did (a stray
// byte in an old Latin-1 page does not cost the whole page); in the
// others, text that holds any of the three is refused, in both builds.

import (
	"errors"
	"slices"
	"strings"
	"unicode/utf8"
)

// Charsets reads the legacy encodings that the WHATWG Encoding Standard
// names. The annotator reads UTF-8 and UTF-16 itself; only the tables of
// the rest come from a Charsets.
type Charsets interface {
	// Name returns the WHATWG name of the encoding that label names
	// (lower case, with no space around it), such as "windows-1252" for
	// "latin1", or "" when label names none that it can decode (the
	// "replacement" encoding included: annotate knows its labels).
	Name(label string) string
	// Decode decodes data written in the encoding called name, a name
	// that Name returned. It returns ErrUndecodable, or text holding
	// U+FFFD, where bytes stand for no character of the encoding.
	Decode(name string, data []byte) (string, error)
}

// ErrUndecodable is what a Charsets returns, and what a refusal says,
// when bytes of the input stand for no character of its encoding.
var ErrUndecodable = errors.New("some of its bytes stand for no character in that encoding")

// charsets reads the legacy encodings: x/text's natively (charsets_xtext.go),
// and the browser's when its main calls UseCharsets; nil until then.
var charsets Charsets

// UseCharsets makes c the reader of legacy encodings, for every Load that
// follows. The native build uses x/text's on its own; the browser's main
// calls it with the browser's TextDecoder before the app starts. With
// none (nil), input in a legacy encoding is refused in words.
func UseCharsets(c Charsets) { charsets = c }

// charsetName returns the WHATWG name of the encoding that label names,
// or "" when there is none. label is compared as htmlindex compares it:
// lower case, with the space around it trimmed.
func charsetName(label string) string {
	if label = strings.ToLower(strings.TrimSpace(label)); label == "" {
		return ""
	}
	if slices.Contains(replacementLabels, label) {
		return replacement
	}
	return charsets.Name(label)
}

// replacement is the WHATWG name of the encoding that ISO-2022-KR, HZ and
// ISO-2022-CN are read as: their escapes can turn bytes that a filter
// read as ASCII into other characters, so the standard reads any input
// declared in them as a single U+FFFD. A browser's TextDecoder refuses
// its labels, and a Charsets knows none of them: they are kept here, and
// read the same in every build.
const replacement = "replacement"

// replacementLabels are the labels of the replacement encoding.
var replacementLabels = []string{"csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"}

// decodeLegacy decodes data, written in the legacy encoding encName, with
// the Charsets in use.
func decodeLegacy(data []byte, encName string) (string, error) {
	text, err := charsets.Decode(encName, data)
	if err != nil {
		return "", err
	}
	if singleByte(encName) {
		return strings.Map(func(r rune) rune {
			if isC1(r) {
				return utf8.RuneError
			}
			return r
		}, text), nil
	}
	if strings.IndexFunc(text, notFromTable) >= 0 {
		return "", ErrUndecodable
	}
	return text, nil
}

// notFromTable reports whether r stands for bytes that one build's table
// has no character for: U+FFFD (what x/text writes for them), a C1
// control (what the browser reads windows-1252's five unassigned bytes
// and the 0x80–0x9F of ISO-8859 as) or a private-use character (what it
// reads Shift_JIS's and GBK's user-defined areas as). None of them is
// text a reader sees.
func notFromTable(r rune) bool {
	return r == utf8.RuneError || isC1(r) || (r >= 0xe000 && r <= 0xf8ff)
}

// isC1 reports whether r is a C1 control character.
func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// singleByte reports whether the WHATWG encoding called name is one of
// its single-byte encodings, whose every byte is one character (or none).
// x-user-defined is one too, but its upper half is private-use
// characters, which x/text and browsers need not agree on: it is left to
// the rule of the others.
func singleByte(name string) bool {
	switch name {
	case "ibm866", "koi8-r", "koi8-u", "macintosh", "x-mac-cyrillic":
		return true
	}
	return strings.HasPrefix(name, "windows-") || strings.HasPrefix(name, "iso-8859-")
}
