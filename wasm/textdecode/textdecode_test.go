//go:build js

package textdecode

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"syscall/js"
	"testing"
	"unicode/utf8"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// casesURL is where wasm/e2e serves the cases to compare with the native
// build, when it runs this binary in Chromium.
var casesURL = flag.String("cases", "", "path of the JSON list of inputs and the native build's results (served by wasm/e2e)")

// before is what annotate made of a windows-1252 page before any test
// installed Charsets: a js build reads no legacy encoding on its own.
var before error

func TestMain(m *testing.M) {
	flag.Parse()
	_, _, before = annotate.DecodeText([]byte("<p>Caf\xe9</p>"), annotate.Source{Name: "cafe.html"})
	annotate.UseCharsets(Charsets{})
	os.Exit(m.Run())
}

// TestNoneInstalled checks that, with no Charsets installed, a js build
// refuses a legacy page in words rather than misreading it.
func TestNoneInstalled(t *testing.T) {
	want := `cafe.html is not written in UTF-8 (it would be read as "windows-1252"), and this build of the annotator reads only UTF-8 and UTF-16: save it as UTF-8 and open it again`
	if !errors.Is(before, annotate.ErrEncoding) || before.Error() != want {
		t.Errorf("with no Charsets: %v", before)
	}
}

// TestCharsets checks a few readings of the browser's own.
func TestCharsets(t *testing.T) {
	for label, want := range map[string]string{"latin1": "windows-1252", "shift_jis": "shift_jis", "gb2312": "gbk", "iso-2022-kr": "", "klingon": "", "x-user-defined": "x-user-defined"} {
		if got := (Charsets{}).Name(label); got != want {
			t.Errorf("Name(%q) = %q, want %q", label, got, want)
		}
	}
	for _, c := range []struct {
		name, data, want string
		err              error
	}{
		{"windows-1252", "caf\xe9 \x93q\x94", "café “q”", nil},
		{"windows-1252", "\x81", "\u0081", nil},
		{"shift_jis", "\x93\xfa\x96\x7b", "日本", nil},
		{"shift_jis", "\x93\xfa\x81\x20", "日\ufffd ", nil}, // annotate refuses it
		{"big5", "\x88\x62\x88\x64\x88\xa3\x88\xa5", "Ê̄Ê̌ê̄ê̌", nil},
		{"gb18030", "\x81\x30\x81\x30\x95\x32\x82\x36\xfe\x59", "\u0080𠀀\u9fb4", nil},
	} {
		got, err := (Charsets{}).Decode(c.name, []byte(c.data))
		if got != c.want || err != c.err {
			t.Errorf("Decode(%s, %x) = %q, %v; want %q, %v", c.name, c.data, got, err, c.want, c.err)
		}
	}
}

// TestMatchesNative reads every input that wasm/e2e serves, with the
// browser's TextDecoder, and checks that annotate.DecodeText gives what
// the native build gave: the same text (by its SHA-256; the whole text is
// fetched to show where it differs), encoding name and refusal.
func TestMatchesNative(t *testing.T) {
	if *casesURL == "" {
		t.Skip("run by wasm/e2e's TestTextDecoderMatchesNative, which serves the cases")
	}
	var cases []testcorpus.DecodeCase
	if err := json.Unmarshal(fetch(t, *casesURL), &cases); err != nil {
		t.Fatal(err)
	}
	read, refused := 0, 0
	for _, c := range cases {
		data := fetch(t, fmt.Sprintf("/input/%d", c.ID))
		text, charset, err := annotate.DecodeText(data, annotate.Source{Name: c.Name, MediaType: c.MediaType})
		msg := ""
		if err != nil {
			msg = err.Error()
			refused++
		} else {
			read++
		}
		sum := sha256.Sum256([]byte(text))
		if charset != c.Charset || msg != c.Error {
			t.Errorf("%s (%s): charset %q, error %q; natively %q, %q", c.Name, c.MediaType, charset, msg, c.Charset, c.Error)
		}
		if hex.EncodeToString(sum[:]) != c.SHA256 {
			t.Errorf("%s (%s): the text differs from the native build's: %s", c.Name, c.MediaType, firstDifference(text, string(fetch(t, fmt.Sprintf("/want/%d", c.ID)))))
		}
	}
	if len(cases) == 0 {
		t.Fatal("no cases")
	}
	t.Logf("checked %d inputs: %d read, %d refused", len(cases), read, refused)
}

// firstDifference says where got and want first differ, in characters.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	for i > 0 && i < len(got) && !utf8.RuneStart(got[i]) {
		i--
	}
	clip := func(s string) string {
		s = s[min(i, len(s)):]
		if len(s) > 40 {
			s = s[:40]
		}
		return s
	}
	return fmt.Sprintf("at character %d: %+q here, %+q natively (lengths %d and %d characters)",
		utf8.RuneCountInString(got[:min(i, len(got))]), clip(got), clip(want), utf8.RuneCountInString(got), utf8.RuneCountInString(want))
}

// fetch gets path from the page's own server.
func fetch(t *testing.T, path string) []byte {
	t.Helper()
	resp, err := http.Get(js.Global().Get("location").Get("origin").String() + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %v", path, resp.Status, err)
	}
	return body
}
