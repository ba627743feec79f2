package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testfastpath"
)

// strictLine is ParseLine's decode without the fast path: what quickLine
// must give whenever it says yes.
func strictLine(data []byte) (Line, bool) { return testfastpath.Strict[Line](data) }

// checkQuickLine fails t when quickLine says yes to data and gives other
// than the strict decode.
func checkQuickLine(t *testing.T, data []byte) (taken bool) {
	t.Helper()
	return testfastpath.Agrees(t, data, quickLine, strictLine)
}

// TestQuickLine: the lines of a batch of articles are read without
// encoding/json, escapes and all, and exactly as it reads them; anything
// else goes to encoding/json.
func TestQuickLine(t *testing.T) {
	taken := []string{
		`{"id": "a7", "title": "Rents \"rose\"", "url": "https://news.example/a7", "html": "\u003cp\u003eCaf\u00e9 😀\u003c/p\u003e\n"}`,
		`{"text": "Tab\there, slash \/ and \\ back\r\n", "sourceId": "s-1"}`,
		` { "html" : "" } ` + "\r\n",
		`{}`,
		`{"text":"日本語 naïve “quoted”","id":""}`,
	}
	for _, line := range taken {
		if !checkQuickLine(t, []byte(line)) {
			t.Errorf("quickLine did not read %s", line)
		}
	}
	declined := []string{
		`{"html": null}`,                         // a null: encoding/json leaves the pointer nil
		`{"ID": "a7", "html": "x"}`,              // encoding/json matches keys in any case
		`{"id": "a", "id": "b", "html": "x"}`,    // encoding/json keeps the last
		`{"html": "x", "meta": {"author": "A"}}`, // not a string
		`{"text": "x", "spans": []}`,             // not a string
		`{"id": 7, "html": "x"}`,                 // not a string
		`{"html": "\ud83d\ude00"}`,               // an escaped surrogate pair
		"{\"html\": \"\xff\"}",                   // not UTF-8: encoding/json puts U+FFFD
		`{"html": "x"} {"html": "y"}`,            // two values
		`{"html": "x"`,                           // not closed
		`{"html": "x", "colour": "red"}`,         // a field a line does not take
		"{\"html\": \"a\tb\"}",                   // a control character: not JSON
		`[{"html": "x"}]`,                        // not an object
		`{"html": "\x41"}`,                       // not an escape JSON has
	}
	for _, line := range declined {
		if checkQuickLine(t, []byte(line)) {
			t.Errorf("quickLine read %s, which it should leave to encoding/json", line)
		}
	}
	// ParseLine says the same of a declined line as before: the decode's words.
	if _, err := ParseLine([]byte(`{"html": "x", "colour": "red"}`)); err == nil || !bytes.Contains([]byte(err.Error()), []byte(`"colour"`)) {
		t.Errorf("ParseLine of a line with an unknown field: %v", err)
	}
	// Whatever follows the object is refused, a stray bracket too.
	for _, line := range []string{`{"html": "x"} {"html": "y"}`, `{"html": "x"}]`, `{"html": "x", "meta": {}}}`} {
		if _, err := ParseLine([]byte(line)); !errors.Is(err, ErrBadJSON) || !strings.Contains(err.Error(), "more after the object") {
			t.Errorf("ParseLine(%s): %v, want that there is more after the object", line, err)
		}
	}
	if _, err := ParseLine([]byte(`{"title": "t"}`)); err != ErrNoArticle {
		t.Errorf("ParseLine of a line without an article: %v, want ErrNoArticle", err)
	}
}

func FuzzQuickLine(f *testing.F) {
	f.Add([]byte(`{"id": "a7", "title": "T", "url": "https://x", "html": "\u003cp\u003ex\u003c/p\u003e"}`))
	f.Add([]byte(`{"text": "a\nb", "sourceId": "s"}`))
	f.Add([]byte(`{"html": null, "meta": {}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkQuickLine(t, data)
	})
}

// BenchmarkParseLine reads a batch line of an article of about 20 kB of
// HTML, as json.Marshal writes it (every < and > escaped), with the fast
// path and with encoding/json alone, in the same run.
func BenchmarkParseLine(b *testing.B) {
	var html bytes.Buffer
	for i := 0; html.Len() < 20000; i++ {
		html.WriteString(`<p class="x">The minister said on Thursday that trade was “pretty balanced” — café 😀 & more.</p>` + "\n")
	}
	line, err := json.Marshal(map[string]string{"id": "a7", "title": "A title", "url": "https://news.example/a7", "html": html.String()})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("quick", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			if _, ok := quickLine(line); !ok {
				b.Fatal("not taken")
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			if _, ok := strictLine(line); !ok {
				b.Fatal("refused")
			}
		}
	})
}
