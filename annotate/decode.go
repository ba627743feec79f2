package annotate

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// binarySignatures names the file types people most often open by mistake,
// by the bytes they start with.
var binarySignatures = []struct {
	magic, kind string
}{
	{"%PDF-", "a PDF document"},
	{"\x89PNG", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"PK\x03\x04", "a ZIP archive (perhaps a Word or EPUB file)"},
	{"\x1f\x8b", "a gzip archive"},
	{"\xd0\xcf\x11\xe0", "an old Microsoft Office document"},
	{"RIFF", "a RIFF media file"},
	{"\x00asm", "a WebAssembly module"},
	{"\x7fELF", "a program"},
}

// metaCharset finds a charset declared in the first bytes of a page, the
// way a browser's pre-scan does.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]+)`)

// decode turns data into a string. It returns the name of the encoding it
// used. declared is the charset of the media type, if any.
func decode(data []byte, declared string, isHTML bool) (string, string, error) {
	// A byte-order mark is the strongest signal there is.
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return checkText(string(data[3:]), "utf-8")
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data, "utf-16le")
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data, "utf-16be")
	}
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(data, []byte(sig.magic)) {
			return "", "", fmt.Errorf("this is %s, not an article: %w", sig.kind, ErrBinary)
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", fmt.Errorf("it holds NUL bytes, so it is a binary file rather than an article: %w", ErrBinary)
	}
	// Valid UTF-8 is trusted over a declaration, which is often wrong.
	if utf8.Valid(data) {
		return checkText(string(data), "utf-8")
	}
	if declared == "" && isHTML {
		head := data
		if len(head) > 4096 {
			head = head[:4096]
		}
		if m := metaCharset.FindSubmatch(head); m != nil {
			declared = string(m[1])
		}
	}
	if declared == "" {
		// Browsers read undeclared, non-UTF-8 pages as Windows-1252.
		declared = "windows-1252"
	}
	enc, err := htmlindex.Get(declared)
	if err != nil {
		if e, name := charset.Lookup(declared); e != nil {
			return decodeWith(e, data, name)
		}
		return "", "", fmt.Errorf("it is written in the character encoding %q, which the annotator cannot read; save it as UTF-8 and open it again: %w", declared, ErrEncoding)
	}
	name, _ := htmlindex.Name(enc)
	return decodeWith(enc, data, name)
}

func decodeWith(enc encoding.Encoding, data []byte, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("it could not be decoded as %s (%v): %w", name, err, ErrEncoding)
	}
	return checkText(strings.TrimPrefix(string(out), "\ufeff"), name)
}

// checkText refuses decoded text that is mostly control characters: binary
// data that happened to decode.
func checkText(s, name string) (string, string, error) {
	control, total := 0, 0
	for _, r := range s {
		total++
		if isStrayControl(r) || r == utf8.RuneError {
			control++
		}
		if total == 65536 {
			break
		}
	}
	if control >= 16 && control*10 > total {
		return "", "", fmt.Errorf("%d of its first %d characters are control characters, so it is a binary file rather than an article: %w", control, total, ErrBinary)
	}
	if control > 0 {
		// A few stray control characters are invisible junk: drop them.
		s = strings.Map(func(r rune) rune {
			if isStrayControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return s, name, nil
}

// isStrayControl reports whether r is a C0 control character other than
// the white space of text.
func isStrayControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f'
}
