package annotate

import (
	"encoding/binary"
	"errors"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// TestUTF8TextAsXText checks that utf8Text reads ill-formed UTF-8 as
// x/text's decoder, which Load used before, did: one U+FFFD for each
// maximal subpart, which is also the WHATWG rule browsers follow.
func TestUTF8TextAsXText(t *testing.T) {
	pieces := [][]byte{[]byte("a"), []byte("é"), []byte("€"), []byte("😀"), {0xe2, 0x82}, {0xf0, 0x9f}, {0xf0, 0x9f, 0x98},
		{0xed, 0xa0, 0x80}, {0xc0, 0xaf}, {0xf4, 0x90, 0x80, 0x80}, {0xff}, {0x80}, {0xe0, 0x80}, {0xf5}, {0xef, 0xbf, 0xbd}}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b []byte
		for range r.Intn(8) {
			p := pieces[r.Intn(len(pieces))]
			if r.Intn(4) == 0 {
				p = p[:r.Intn(len(p)+1)]
			}
			b = append(b, p...)
		}
		want, err := unicode.UTF8.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		if got := utf8Text(b); got != string(want) {
			t.Fatalf("utf8Text(%x) = %q, x/text %q", b, got, want)
		}
	}
}

// TestUTF16Text checks UTF-16 read as WHATWG reads it: a pair is one
// character, each unpaired surrogate and an odd last byte one U+FFFD.
func TestUTF16Text(t *testing.T) {
	cases := []struct {
		units []uint16
		odd   bool
		want  string
	}{
		{[]uint16{'h', 0xe9, 0xd83d, 0xde00}, false, "hé😀"},
		{[]uint16{'a', 0xd83d}, false, "a\ufffd"},
		{[]uint16{0xd83d, 'b'}, false, "\ufffdb"},
		{[]uint16{0xde00, 0xde01, 'c'}, false, "\ufffd\ufffdc"},
		{[]uint16{0xd83d, 0xd83d, 0xde00}, false, "\ufffd😀"},
		{[]uint16{'x'}, true, "x\ufffd"},
		{[]uint16{0xfeff, 'y'}, false, "\ufeffy"},
	}
	for _, c := range cases {
		for _, order := range []interface {
			binary.ByteOrder
			binary.AppendByteOrder
		}{binary.LittleEndian, binary.BigEndian} {
			var b []byte
			for _, u := range c.units {
				b = order.AppendUint16(b, u)
			}
			if c.odd {
				b = append(b, 0x41)
			}
			if got := utf16Text(b, order); got != c.want {
				t.Errorf("utf16Text(%x, %v) = %q, want %q", b, order, got, c.want)
			}
		}
	}
}

// TestLegacyRefusals checks what is refused in a legacy encoding, in the
// same words in every build: bytes that are no character of it, and bytes
// the browser reads as C1 controls or private-use characters and x/text
// as U+FFFD.
func TestLegacyRefusals(t *testing.T) {
	// In a single-byte encoding, a byte that is no character reads as
	// U+FFFD, whichever table reads it: x/text's gives U+FFFD, the
	// browser's a C1 control.
	for _, c := range []struct {
		name, mediaType string
		data            []byte
		want            string
	}{
		{"windows-1252's unassigned 0x81", "", []byte("caf\xe9 \x81"), "café \ufffd"},
		{"ISO-8859-2's C1 range", "text/plain; charset=iso-8859-2", []byte("\xbf\x93"), "ż\ufffd"},
	} {
		for _, table := range []struct {
			name string
			c    Charsets
		}{{"x/text", charsets}, {"C1 controls", c1Charsets{charsets}}} {
			withCharsets(t, table.c, func() {
				text, _, err := DecodeText(c.data, Source{Name: "page.txt", MediaType: c.mediaType})
				if err != nil || text != c.want {
					t.Errorf("%s, read with %s: %q, %v; want %q", c.name, table.name, text, err, c.want)
				}
			})
		}
	}

	cases := []struct {
		name, mediaType string
		data            []byte
		says            string
	}{
		{"Shift_JIS, a bad second byte", "text/plain; charset=shift_jis", []byte("\x82\xa0\x81\x20"), "could not be read as shift_jis text"},
		{"Shift_JIS's user-defined area", "text/plain; charset=shift_jis", []byte("\x82\xa0\xf0\x40"), "could not be read as shift_jis text"},
		{"GBK's user-defined area", "text/plain; charset=gbk", []byte("\xd6\xd0\xaa\xa1"), "could not be read as gbk text"},
		{"Big5, a lead byte alone", "text/plain; charset=big5", []byte("\xa4\xa4\x84\x41"), "could not be read as big5 text"},
		{"x-user-defined", "text/plain; charset=x-user-defined", []byte("a\xe9"), "could not be read as x-user-defined text"},
		{"GB18030-2022's new private-use code", "text/plain; charset=gb18030", []byte("\xd6\xd0\x81\x35\xf4\x37"), "could not be read as gb18030 text"},
	}
	for _, c := range cases {
		_, _, err := DecodeText(c.data, Source{Name: "page.txt", MediaType: c.mediaType})
		if !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v; want ErrEncoding saying %q", c.name, err, c.says)
		}
	}
}

// TestCharsetLabels checks that labels are compared as htmlindex compares
// them, before the Charsets in use sees them: a browser's TextDecoder
// lower-cases only ASCII and trims only ASCII space.
func TestCharsetLabels(t *testing.T) {
	for label, want := range map[string]string{
		"Shift_JIS":         "shift_jis",
		" latin1 ":          "windows-1252",
		"\u00a0koi8-r":      "koi8-r",
		"\u212aOI8-R":       "koi8-r", // the Kelvin sign lower-cases to k
		"utf-16":            "utf-16le",
		"x-mac-roman":       "macintosh",
		"iso-2022-kr":       "replacement",
		"HZ-GB-2312":        "replacement",
		"klingon":           "",
		"":                  "",
		"unicode-1-1-utf-8": "utf-8",
	} {
		if got := charsetName(label); got != want {
			t.Errorf("charsetName(%q) = %q, want %q", label, got, want)
		}
	}
}

// TestReplacementEncoding checks the labels of the WHATWG "replacement"
// encoding (ISO-2022-KR, HZ, ISO-2022-CN), whose bytes can hide markup:
// input declared so reads as a single U+FFFD, as browsers read it, and a
// page's first <meta> naming one counts as a browser counts it, not
// stepped over for a later one. Load refuses such input in words.
func TestReplacementEncoding(t *testing.T) {
	for _, label := range []string{"csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "ISO-2022-KR", "replacement"} {
		text, name, err := DecodeText([]byte("\x1b$)C\x0e\xe9!!\x0f"), Source{Name: "page.txt", MediaType: "text/plain; charset=" + label})
		if text != "\ufffd" || name != "replacement" || err != nil {
			t.Errorf("declared %s: %q, %q, %v; want one U+FFFD", label, text, name, err)
		}
	}
	page := []byte(`<meta charset="hz-gb-2312"><meta charset="koi8-r"><p>` + "\xf3\xcf\xd7\xc5\xd4</p>")
	if text, name, err := DecodeText(page, Source{Name: "page.html"}); text != "\ufffd" || name != "replacement" || err != nil {
		t.Errorf("a page whose first <meta> names hz-gb-2312: %q, %q, %v; want one U+FFFD", text, name, err)
	}
	// Valid UTF-8 is trusted over any declaration, this one too.
	if text, name, err := DecodeText([]byte(`<meta charset="iso-2022-kr"><p>café</p>`), Source{Name: "page.html"}); name != "utf-8" || err != nil || !strings.Contains(text, "café") {
		t.Errorf("valid UTF-8 declared iso-2022-kr: %q, %q, %v", text, name, err)
	}
	_, err := Load(page, Source{Name: "page.html"})
	want := `page.html says it is written in ISO-2022-KR, ISO-2022-CN or HZ, which browsers do not read, for safety (they show the whole page as one “�”): save it as UTF-8 and open it again`
	if !errors.Is(err, ErrEncoding) || err.Error() != want {
		t.Errorf("Load: %v; want ErrEncoding saying %q", err, want)
	}
}

// c1Charsets reads as the browser's TextDecoder does where x/text has no
// character for a byte of a single-byte encoding: as the C1 control of the
// same number.
type c1Charsets struct{ Charsets }

func (c c1Charsets) Decode(name string, data []byte) (string, error) {
	text, err := c.Charsets.Decode(name, data)
	if err != nil || !singleByte(name) {
		return text, err
	}
	r := []rune(text)
	for i := range r {
		if r[i] == utf8.RuneError {
			r[i] = rune(data[i])
		}
	}
	return string(r), nil
}

// fakeCharsets reads every label as "fake", as the string it holds.
type fakeCharsets struct{ text string }

func (fakeCharsets) Name(string) string                      { return "fake" }
func (f fakeCharsets) Decode(string, []byte) (string, error) { return f.text, nil }

// withCharsets runs f with c as the Charsets in use.
func withCharsets(t *testing.T, c Charsets, f func()) {
	t.Helper()
	was := charsets
	UseCharsets(c)
	defer UseCharsets(was)
	f()
}

// TestCharsetsInjected checks the rule around whatever Charsets is in
// use: text with a character that stands for an unreadable byte is
// refused, and with none in use (a browser build whose main installed
// none) legacy input is refused in words, while UTF-8 and UTF-16 are
// read as ever.
func TestCharsetsInjected(t *testing.T) {
	for _, text := range []string{"a\ufffd", "a\u0085", "a\ue000", "a\uf8ff"} {
		withCharsets(t, fakeCharsets{text}, func() {
			_, _, err := DecodeText([]byte("a\xe9"), Source{Name: "a.txt"})
			if !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), "a.txt could not be read as fake text") {
				t.Errorf("decoded as %q: %v", text, err)
			}
		})
	}
	// The characters either side of the ranges refused are read; a
	// byte-order mark at the start is dropped, as before.
	withCharsets(t, fakeCharsets{"\ufeffcafé \u007f\u00a0\ud7ff\uf900"}, func() {
		if text, name, err := DecodeText([]byte("a\xe9"), Source{Name: "a.txt"}); text != "café \u007f\u00a0\ud7ff\uf900" || name != "fake" || err != nil {
			t.Errorf("DecodeText = %q, %q, %v", text, name, err)
		}
	})
	withCharsets(t, nil, func() {
		_, _, err := DecodeText([]byte("<p>caf\xe9</p>"), Source{Name: "a.html"})
		want := `a.html is not written in UTF-8 (it would be read as "windows-1252"), and this build of the annotator reads only UTF-8 and UTF-16: save it as UTF-8 and open it again`
		if !errors.Is(err, ErrEncoding) || err.Error() != want {
			t.Errorf("no Charsets: %v", err)
		}
		for data, want := range map[string]string{"café": "café", "\xff\xfec\x00a\x00f\x00\xe9\x00": "café", "\xfe\xff\x00c\x00a": "ca"} {
			if text, _, err := DecodeText([]byte(data), Source{Name: "a.txt"}); text != want || err != nil {
				t.Errorf("no Charsets, %q: %q, %v", data, text, err)
			}
		}
	})
	if charsetName("latin1") != "windows-1252" {
		t.Error("withCharsets did not put x/text's back")
	}
}

// TestGB18030Changes checks that the native build reads GBK and GB18030
// as GB18030-2022 (and the browser) does, where x/text's tables are older.
func TestGB18030Changes(t *testing.T) {
	for _, label := range []string{"gbk", "gb18030"} {
		text, name, err := DecodeText([]byte("\xd6\xd0\xfe\x59\xa6\xd9\xa8\xbc a\x82\x35\x90\x37"), Source{Name: "a.txt", MediaType: "text/plain; charset=" + label})
		if text != "中\u9fb4\ufe10\u1e3f a\u9fb4" || err != nil || name != label {
			t.Errorf("%s: %q, %q, %v", label, text, name, err)
		}
	}
}
