//go:build !js

package annotate

// This file keeps the native build's tables of the legacy encodings:
// x/text's, which follow the WHATWG Encoding Standard's labels and names.
// The browser has its own (its TextDecoder), so this file, and x/text's
// 295 KB of tables, stay out of app.wasm.

import (
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
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
	if name == "gbk" || name == "gb18030" {
		// WHATWG reads GBK as GB18030, four-byte codes included; x/text's
		// GBK decoder does not know them.
		return decodeGB18030(simplifiedchinese.GB18030, data)
	}
	out, err := enc.NewDecoder().Bytes(data)
	return string(out), err
}

// gb18030Changes are the codes that GB18030-2022, and the WHATWG standard
// since 2023 (and so the browser), read differently from x/text's older
// tables: nineteen two-byte codes x/text has no character for, and one
// four-byte code that now stands for a private-use character.
var gb18030Changes = map[string]rune{
	"\xa6\xd9": 0xfe10, "\xa6\xda": 0xfe12, "\xa6\xdb": 0xfe11, "\xa6\xdc": 0xfe13, "\xa6\xdd": 0xfe14,
	"\xa6\xde": 0xfe15, "\xa6\xdf": 0xfe16, "\xa6\xec": 0xfe17, "\xa6\xed": 0xfe18, "\xa6\xf3": 0xfe19,
	"\xa8\xbc": 0x1e3f, "\xfe\x59": 0x9fb4, "\xfe\x61": 0x9fb5, "\xfe\x66": 0x9fb6, "\xfe\x67": 0x9fb7,
	"\xfe\x6d": 0x9fb8, "\xfe\x7e": 0x9fb9, "\xfe\x90": 0x9fba, "\xfe\xa0": 0x9fbb,
	"\x81\x35\xf4\x37": 0xe7c7,
}

// decodeGB18030 decodes data with enc (x/text's GBK or GB18030), but the
// codes of gb18030Changes as GB18030-2022 reads them.
func decodeGB18030(enc encoding.Encoding, data []byte) (string, error) {
	var b strings.Builder
	start := 0
	flush := func(end int) error {
		out, err := enc.NewDecoder().Bytes(data[start:end])
		b.Write(out)
		return err
	}
	for i := 0; i < len(data); {
		n := 1
		if c := data[i]; c >= 0x81 && c <= 0xfe && i+1 < len(data) {
			n = 2
			if d := data[i+1]; d >= 0x30 && d <= 0x39 {
				n = 4
			}
		}
		if i+n <= len(data) {
			if r, ok := gb18030Changes[string(data[i:i+n])]; ok {
				if err := flush(i); err != nil {
					return "", err
				}
				b.WriteRune(r)
				start = i + n
			}
		}
		i += n
	}
	if err := flush(len(data)); err != nil {
		return "", err
	}
	return b.String(), nil
}
