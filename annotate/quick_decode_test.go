package annotate

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsannotator/annotator/internal/testfastpath"
)

// strictFileIn is what decodeFileIn must give when it says yes: quick's
// strict decode by encoding/json.
func strictFileIn(data []byte) (fileIn, bool) { return testfastpath.Strict[fileIn](data) }

// checkDecodeFileIn fails when decodeFileIn takes data and gives other
// than the strict decode, and reports whether it took it.
func checkDecodeFileIn(t *testing.T, data []byte) bool {
	t.Helper()
	if _, ok, plain := decodeFileInPlain(data); ok && plain != plainJSON(data) {
		t.Errorf("decodeFileInPlain says the keys are plain: %v; plainJSON says %v, of %q", plain, plainJSON(data), data)
	}
	return testfastpath.Agrees(t, data, decodeFileIn, strictFileIn)
}

// TestDecodeFileIn checks that the exports this annotator writes take the
// fast decode, and that it refuses what it cannot be sure of.
func TestDecodeFileIn(t *testing.T) {
	d, _ := fxSet(t)
	big := fxExportOf(t, d, fxBigSet(t, d, 500))
	for name, data := range map[string][]byte{"export": fxExport(t), "tiny": fxTinyExport(t), "500 annotations": big} {
		if !checkDecodeFileIn(t, data) {
			t.Errorf("the %s export does not take the fast decode", name)
		}
	}
	// Variations of an export that it takes, and those it leaves to
	// encoding/json.
	base := string(fxTinyExport(t))
	for _, c := range []struct {
		old, new string
		takes    bool
	}{
		{`"version":1`, ` "version" : 1 `, true},
		{`"version":1`, `"version": -0`, true},
		{`"version":1`, `"version": 1.0`, false},
		{`"version":1`, `"version": 1e0`, false},
		{`"version":1`, `"version": 01`, false},
		{`"version":1`, `"version": 1234567890123456789`, false},
		{`"version":1`, `"version": null`, false},
		{`"version":1`, `"Version": 1`, false},
		{`"version":1`, `"version": 1, "version": 1`, false},
		{`"version":1`, `"version": 1, "extra": 2`, false},
		{`"version":1`, `"version": "1"`, false},
		{`"title":"`, `"title":"\"\\\/\b\f\n\r\t\u00e9\u0000\u20ac`, true},
		{`"title":"`, `"title":"\ud83d\ude00`, false},
		{`"title":"`, "\"title\":\"\x01", false}, // a control character, raw
		{`"title":"`, "\"title\":\"\xff", false}, // not UTF-8
		{`"title":"`, `"title":"\q`, false},
		{`"title":"`, `"title":"😀 naïve`, true},
	} {
		if !strings.Contains(base, c.old) {
			t.Fatalf("the tiny export has no %q", c.old)
		}
		data := []byte(strings.Replace(base, c.old, c.new, 1))
		if got := checkDecodeFileIn(t, data); got != c.takes {
			t.Errorf("%q: takes it = %v, want %v", c.new, got, c.takes)
		}
	}
	// An object of more keys than maxKeys goes to encoding/json, where
	// the list of keys seen would cost time as its square.
	var many strings.Builder
	for i := range maxKeys + 1 {
		fmt.Fprintf(&many, `"k%d":"v",`, i)
	}
	for n, takes := range map[int]bool{maxKeys: true, maxKeys + 1: false} {
		attrs := strings.Join(strings.Split(many.String(), ",")[:n], ",")
		data := []byte(strings.Replace(base, `"attributes":{"speaker":"K"}`, `"attributes":{`+attrs+`}`, 1))
		if !bytes.Contains(data, []byte(`"k0":"v"`)) {
			t.Fatal("the tiny export's attributes are not where the test looks")
		}
		if got := checkDecodeFileIn(t, data); got != takes {
			t.Errorf("an annotation of %d attributes: takes it = %v, want %v", n, got, takes)
		}
	}
	// Keys that decodeFileInPlain finds not plain, as plainJSON does: in
	// an annotation's attributes, a map, any key is read, but one that
	// may fold to a field's name sends the file to the JSON Schema.
	for key, wantPlain := range map[string]bool{
		`"speaker"`: true, `"Label"`: false, `"START"`: false, `"spéaker"`: false,
		`"sp\u0065aker"`: false, `"` + strings.Repeat("é", 17) + `"`: true, `"a\u0062` + strings.Repeat("c", 30) + `"`: true,
	} {
		data := []byte(strings.Replace(base, `"attributes":{"speaker":"K"}`, `"attributes":{`+key+`:"K"}`, 1))
		if !checkDecodeFileIn(t, data) {
			t.Errorf("an attribute named %s: not taken", key)
		}
		if _, _, plain := decodeFileInPlain(data); plain != wantPlain {
			t.Errorf("an attribute named %s: plain %v, want %v", key, plain, wantPlain)
		}
	}
	if _, _, plain := decodeFileInPlain([]byte(strings.Replace(base, `"version":1`, `"vers\u0069on":1`, 1))); plain {
		t.Errorf("an escaped field's name is taken as plain")
	}
	for _, tail := range []string{"", " \n", "x", "{}", "]"} {
		data := []byte(base + tail)
		if got, want := checkDecodeFileIn(t, data), strings.TrimSpace(tail) == ""; got != want {
			t.Errorf("followed by %q: takes it = %v, want %v", tail, got, want)
		}
	}
	for _, cut := range []int{1, 2, len(base) / 2, len(base) - 1} {
		if checkDecodeFileIn(t, []byte(base[:cut])) {
			t.Errorf("an export cut at %d taken", cut)
		}
	}
}

func FuzzDecodeFileIn(f *testing.F) {
	f.Add(fxTinyExport(f))
	f.Add([]byte(`{"annotations":[],"orphans":[{"attributes":{"a":"b","":"\u0041"},"start":-3}],"schema":{"labels":[]}}`))
	f.Add([]byte(`{"document":{"meta":{"lang":"en"},"html":"<p>x</p>"},"schema":{"labels":[{"attributes":[],"name":"n"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDecodeFileIn(t, data)
	})
}

// plainEndByByte is what plainEnd must give, written another way: a
// character at a time, each decoded.
func plainEndByByte(data []byte, i int) int {
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r < 0x20 || r == '"' || r == '\\' || r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return i
}

// checkPlainEnd fails when plainEnd and plainEndByByte part on data from
// any offset.
func checkPlainEnd(t *testing.T, data []byte) {
	t.Helper()
	for i := 0; i <= len(data); i++ {
		if got, want := plainEnd(data, i), plainEndByByte(data, i); got != want {
			t.Fatalf("plainEnd(%q, %d) = %d, want %d", data, i, got, want)
		}
	}
}

// TestPlainEnd puts every byte that ends a run at every place of a word,
// after runs long enough to be read a word at a time.
func TestPlainEnd(t *testing.T) {
	for b := 0; b < 256; b++ {
		for at := 0; at < 20; at++ {
			data := []byte(strings.Repeat("plain ASCII text", 2))
			data[at] = byte(b)
			checkPlainEnd(t, data)
		}
	}
	checkPlainEnd(t, []byte("café 日本語 😀 and then \x7f\x1f a string\" end"))
	checkPlainEnd(t, []byte("sixteen bytes ok\xff\xfeafter a byte that is not UTF-8 \\n"))
}

// FuzzPlainEnd holds plainEnd to the byte-by-byte loop on any input.
func FuzzPlainEnd(f *testing.F) {
	f.Add([]byte(`a plain string of some length, then "a quote`))
	f.Add([]byte("control\x01characters\x1f and \\escapes\\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkPlainEnd(t, data) })
}
