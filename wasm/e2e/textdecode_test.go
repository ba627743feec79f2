//go:build !wasm

package e2e

// This file keeps one promise of the browser build: it reads every input
// as the native build does. It makes the inputs (the corpus's pages as
// they are and written again in legacy encodings, and short inputs in
// every encoding, with and without bytes that are no character), reads
// them natively, and runs wasm/textdecode's tests in Chromium, which read
// them with the browser's TextDecoder and compare.

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// decodeInput is one input to read in both builds.
type decodeInput struct {
	name, mediaType string
	data            func() []byte
}

// legacyEncodings are the encodings the corpus's pages are written again
// in, three to a page, by turns.
// (Not ISO-2022-JP: it is 7-bit, so valid UTF-8, and read as UTF-8.)
var legacyEncodings = []string{"windows-1252", "shift_jis", "gb18030", "iso-8859-2", "euc-kr", "big5", "koi8-r",
	"euc-jp", "gbk", "windows-1251", "windows-1250", "iso-8859-7"}

// encodeIn writes s in the encoding called name, with the characters it
// cannot hold as HTML character references.
func encodeIn(t testing.TB, name, s string) []byte {
	t.Helper()
	enc, err := htmlindex.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := encoding.HTMLEscapeUnsupported(enc.NewEncoder()).String(s)
	if err != nil {
		t.Fatalf("writing %d bytes in %s: %v", len(s), name, err)
	}
	return []byte(out)
}

// bytesOf returns a data func for fixed bytes.
func bytesOf(b []byte) func() []byte { return func() []byte { return b } }

// corpusInputs are the pages of the corpus as they are (all UTF-8), and
// each written again in three legacy encodings, declared by a media type
// (the page's own <meta charset> would say UTF-8).
func corpusInputs(t testing.TB) []decodeInput {
	var inputs []decodeInput
	for i, page := range testcorpus.Pages(t) {
		path := page.Source()
		inputs = append(inputs, decodeInput{page.Name + ".html", "", func() []byte {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Error(err)
			}
			return data
		}})
		for j := range 3 {
			name := legacyEncodings[(3*i+j)%len(legacyEncodings)]
			inputs = append(inputs, decodeInput{page.Name + "." + name + ".html", "text/html; charset=" + name, func() []byte {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Error(err)
				}
				return encodeIn(t, name, string(data))
			}})
		}
	}
	return inputs
}

// syntheticInputs are short inputs in every way the rules and the tables
// can go: each legacy encoding read well, a page that declares its own,
// labels the annotator does not know, the "replacement" encoding's,
// UTF-16 and UTF-8 by byte-order mark and by declaration, and bytes that
// are no character.
func syntheticInputs(t testing.TB) []decodeInput {
	plain := func(name, label string, data []byte) decodeInput {
		mt := ""
		if label != "" {
			mt = "text/plain; charset=" + label
		}
		return decodeInput{name + ".txt", mt, bytesOf(data)}
	}
	in := func(label, s string) []byte { return encodeIn(t, label, s) }
	inputs := []decodeInput{
		plain("undeclared windows-1252", "", in("windows-1252", "Café owners said “we are open” — on Tuesday, €5.")),
		plain("latin1 label", "latin1", in("windows-1252", "naïve façade, ½ price")),
		plain("iso-8859-2", "iso-8859-2", in("iso-8859-2", "Zażółć gęślą jaźń")),
		plain("shift_jis", "shift_jis", in("shift_jis", "日本語のテキスト、ｶﾀｶﾅ、①")),
		plain("euc-jp", "euc-jp", in("euc-jp", "東京都の天気は晴れ")),
		plain("iso-2022-jp, 7-bit so UTF-8", "iso-2022-jp", in("iso-2022-jp", "ニュース記事の注釈")),
		plain("gbk", "gbk", in("gbk", "中国的新闻报道 €")),
		plain("gb2312 label", "gb2312", in("gbk", "简体中文")),
		plain("gb18030", "gb18030", in("gb18030", "中文 😀 𠀀 \u00a0é")),
		plain("big5", "big5", in("big5", "繁體中文新聞")),
		plain("big5, two characters a code", "big5", []byte("\xa4\xa4\x88\x62\x88\x64\x88\xa3\x88\xa5")),
		plain("euc-kr", "euc-kr", in("euc-kr", "한국어 뉴스 기사")),
		plain("koi8-r", "koi8-r", in("koi8-r", "Съешь же ещё этих мягких французских булок")),
		plain("windows-1251", "windows-1251", in("windows-1251", "Новости дня")),
		plain("iso-8859-7", "iso-8859-7", in("iso-8859-7", "Ελληνικά νέα")),
		plain("windows-1255", "windows-1255", in("windows-1255", "חדשות היום")),
		plain("ibm866", "ibm866", in("ibm866", "Привет")),
		plain("macintosh", "mac", in("macintosh", "Café ﬁ")),
		plain("utf-16le bom", "", append([]byte("\xff\xfe"), in("utf-16le", "héllo 😀")...)),
		plain("utf-16be bom", "", append([]byte("\xfe\xff"), in("utf-16be", "héllo 😀")...)),
		plain("utf-16le bom, lone surrogate and odd byte", "", []byte("\xff\xfea\x00\x3d\xd8b\x00\x00\xdcc")),
		plain("declared utf-16le", "utf-16le", []byte("c\x00a\x00f\x00\xe9\x00")),
		plain("declared utf-8, ill-formed", "utf-8", []byte("caf\xc3 \xe2\x82 \xed\xa0\x80 \xf0\x9f\x98!")),
		plain("spaced label", " Shift_JIS ", in("shift_jis", "漢字")),
		plain("unknown label", "klingon", []byte("Qapla\xe9")),
		plain("replacement label", "iso-2022-kr", []byte("\x1b$)C\x0e!!")),
		plain("replacement label csiso2022kr", "csiso2022kr", []byte("\x1b$)C\x0e!!\x0f\xe9")),
		plain("replacement label hz-gb-2312", "HZ-GB-2312", []byte("~{<:Ky2;S{#,NpJ)l6HK!#~}\xe9")),
		plain("replacement label iso-2022-cn", "iso-2022-cn", []byte("\x1b$)A\x0e!!\xe9")),
		plain("replacement label iso-2022-cn-ext", "iso-2022-cn-ext", []byte("\x1b$)A\x0e!!\xe9")),
		plain("replacement label replacement", "replacement", []byte("a\xe9")),
		plain("replacement label, valid UTF-8", "iso-2022-kr", []byte("caf\xc3\xa9")),
		plain("x-user-defined", "x-user-defined", []byte("a\xe9")),
		plain("invalid shift_jis", "shift_jis", []byte("\x93\xfa\x81\x20")),
		plain("shift_jis user-defined area", "shift_jis", []byte("\x93\xfa\xf0\x40")),
		plain("invalid big5", "big5", []byte("\xa4\xa4\x84\x41")),
		plain("invalid euc-kr", "euc-kr", []byte("\xc7\xd1\xc7\x24")),
		plain("invalid gbk", "gbk", []byte("\xd6\xd0\xfe\x30")),
		plain("gb18030-2022 codes", "gb18030", []byte("\xa6\xd9\xa6\xda\xa6\xdb\xa6\xdc\xa6\xdd\xa6\xde\xa6\xdf\xa6\xec\xa6\xed\xa6\xf3\xa8\xbc\xfe\x59\xfe\x61\xfe\x66\xfe\x67\xfe\x6d\xfe\x7e\xfe\x90\xfe\xa0")),
		plain("gbk, gb18030-2022 codes", "gbk", []byte("\xd6\xd0\xfe\x59\xa8\xbc\x82\x35\x90\x37")),
		plain("gb18030-2022 private-use code", "gb18030", []byte("\xd6\xd0\x81\x35\xf4\x37")),
		plain("invalid gb18030", "gb18030", []byte("\xd6\xd0\x81\x30\x81")),
		plain("invalid euc-jp", "euc-jp", []byte("\xc5\xec\x8f\xa1")),
		plain("invalid iso-2022-jp", "iso-2022-jp", []byte("\x1b$B\x46\x7c\x1b(Q")),
		plain("windows-1252 unassigned", "", []byte("caf\xe9 \x81")),
		plain("iso-8859-2 C1", "iso-8859-2", []byte("\xbf\x93")),
		plain("png", "", []byte("\x89PNG\r\n\x1a\n\x00")),
		plain("utf-16 without bom", "", []byte("T\x00h\x00e\x00 \x00n\x00e\x00w\x00s\x00")),
		{"utf-16le xml declaration, no bom.html", "", bytesOf([]byte("<\x00?\x00x\x00m\x00l\x00?\x00>\x00<\x00p\x00>\x00c\x00a\x00f\x00\xe9\x00<\x00/\x00p\x00>\x00"))},
		{"utf-16be xml declaration, no bom.html", "", bytesOf([]byte("\x00<\x00?\x00x\x00m\x00l\x00?\x00>\x00<\x00p\x00>\x00c\x00a\x00f\x00\xe9\x00<\x00/\x00p\x00>"))},
		{"meta shift_jis.html", "", bytesOf(append([]byte(`<!doctype html><meta charset="shift_jis"><p>`), in("shift_jis", "日本語の記事")...))},
		{"meta http-equiv koi8-r.html", "", bytesOf(append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>`), in("koi8-r", "Новости")...))},
		{"meta unknown.html", "", bytesOf([]byte(`<meta charset="x-klingon"><p>caf` + "\xe9</p>"))},
		{"meta replacement first.html", "", bytesOf([]byte(`<meta charset="iso-2022-kr"><meta charset="koi8-r"><p>` + "\xf3\xcf\xd7\xc5\xd4</p>"))},
		{"meta http-equiv hz-gb-2312.html", "", bytesOf([]byte(`<meta http-equiv="content-type" content="text/html; charset=hz-gb-2312"><p>caf` + "\xe9</p>"))},
		{"declared beats meta.html", "text/html; charset=iso-8859-2", bytesOf([]byte(`<meta charset="windows-1252"><p>caf` + "\xe9 \xb1</p>"))},
	}
	// Every byte of each single-byte encoding: those read well in one
	// input, and each of the rest alone (refused, in both builds).
	r := rand.New(rand.NewSource(1))
	for _, label := range []string{"windows-1252", "iso-8859-2", "iso-8859-3", "iso-8859-6", "iso-8859-8", "windows-874", "windows-1250",
		"windows-1253", "windows-1255", "windows-1257", "windows-1258", "koi8-u", "x-mac-cyrillic", "iso-8859-16"} {
		var good []byte
		for b := 0x20; b < 0x100; b++ {
			if readsNatively([]byte{'a', byte(b)}, label) {
				good = append(good, byte(b))
			} else {
				inputs = append(inputs, plain(fmt.Sprintf("%s byte %02x", label, b), label, []byte{'a', byte(b)}))
			}
		}
		inputs = append(inputs, plain(label+" every byte", label, good))
	}
	// Every two-byte code of each multi-byte encoding: those read well
	// in one input, and a sample of the rest alone.
	for _, label := range []string{"shift_jis", "euc-jp", "gbk", "gb18030", "big5", "euc-kr"} {
		var good []byte
		var bad [][]byte
		for lead := 0x81; lead < 0x100; lead++ {
			for trail := 0x40; trail < 0x100; trail++ {
				if code := []byte{byte(lead), byte(trail)}; readsNatively(code, label) {
					good = append(good, code[0], code[1], ' ')
				} else {
					bad = append(bad, code)
				}
			}
		}
		inputs = append(inputs, plain(label+" every code", label, good))
		for range 40 {
			code := bad[r.Intn(len(bad))]
			inputs = append(inputs, plain(fmt.Sprintf("%s code %x", label, code), label, code))
		}
	}
	return inputs
}

// readsNatively reports whether the native build reads data, declared as
// label, without refusing it.
func readsNatively(data []byte, label string) bool {
	_, _, err := annotate.DecodeText(data, annotate.Source{Name: "x.txt", MediaType: "text/plain; charset=" + label})
	return err == nil
}

// TestTextDecoderMatchesNative runs wasm/textdecode's tests in Chromium,
// with every input above: each must be read by the browser's TextDecoder
// into the same text, encoding name and refusal as natively.
func TestTextDecoderMatchesNative(t *testing.T) {
	sideBySide(t)   // no app, no timing: beside the bridge's tests, at the suite's end
	findChromium(t) // skips in -short mode before the work
	inputs := append(syntheticInputs(t), corpusInputs(t)...)
	cases := make([]testcorpus.DecodeCase, len(inputs))
	refused := 0
	charsets := map[string]int{}
	for i, in := range inputs {
		text, charset, err := annotate.DecodeText(in.data(), annotate.Source{Name: in.name, MediaType: in.mediaType})
		sum := sha256.Sum256([]byte(text))
		cases[i] = testcorpus.DecodeCase{ID: i, Name: in.name, MediaType: in.mediaType, SHA256: hex.EncodeToString(sum[:]), Charset: charset}
		if err != nil {
			cases[i].Error = err.Error()
			refused++
		}
		charsets[charset]++
	}
	// The inputs are meant to reach every table: check that they do.
	for _, name := range append(legacyEncodings, "utf-8", "utf-16le", "utf-16be", "ibm866", "macintosh", "replacement") {
		if charsets[name] == 0 {
			t.Errorf("no input was read as %s", name)
		}
	}
	list, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		kind, id, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
		i, err := strconv.Atoi(id)
		if err != nil || i < 0 || i >= len(inputs) {
			http.NotFound(w, r)
			return
		}
		in := inputs[i]
		switch kind {
		case "input":
			w.Write(in.data())
		case "want":
			text, _, _ := annotate.DecodeText(in.data(), annotate.Source{Name: in.name, MediaType: in.mediaType})
			w.Write([]byte(text))
		default:
			http.NotFound(w, r)
		}
	})
	out := runWasmTests(t, wasmRun{pkg: "./wasm/textdecode", files: map[string][]byte{"/cases.json": list},
		handlers: map[string]http.Handler{"/input/": handler, "/want/": handler}},
		"-test.v", "-cases=/cases.json")
	for _, test := range []string{"TestNoneInstalled", "TestCharsets", "TestMatchesNative"} {
		if !strings.Contains(out, "--- PASS: "+test+" ") {
			t.Errorf("the output does not show %s passing:\n%s", test, out)
		}
	}
	want := fmt.Sprintf("checked %d inputs: %d read, %d refused", len(cases), len(cases)-refused, refused)
	if !strings.Contains(out, want) {
		t.Errorf("the output does not say %q:\n%s", want, out)
	}
	if !utf8.ValidString(out) {
		t.Error("the output is not UTF-8")
	}
	t.Logf("%d inputs (%d refused) read alike in both builds; by encoding: %v", len(cases), refused, charsets)
}
