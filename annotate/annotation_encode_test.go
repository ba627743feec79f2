package annotate

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"
)

// stdAnnotationJSON is what AppendAnnotationJSON must give: encoding/json
// with HTML escaping off, without the Encoder's newline.
func stdAnnotationJSON(a Annotation) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func checkAnnotationJSON(t *testing.T, a Annotation) {
	t.Helper()
	want, wantErr := stdAnnotationJSON(a)
	got, err := AppendAnnotationJSON([]byte("prefix:"), a)
	switch {
	case (err != nil) != (wantErr != nil):
		t.Fatalf("error %v, encoding/json's %v", err, wantErr)
	case err != nil:
		if err.Error() != wantErr.Error() {
			t.Errorf("error %q, encoding/json's %q", err, wantErr)
		}
	case !bytes.Equal(got, append([]byte("prefix:"), want...)):
		t.Errorf("AppendAnnotationJSON gives\n%s\nencoding/json\nprefix:%s", got, want)
	}
}

func TestAppendAnnotationJSON(t *testing.T) {
	tricky := []string{"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "\x00\x01\b\f\n\r\t\x1f\x7f",
		"line\u2028para\u2029end", "bad \xff\xfe utf-8 \xe2\x82", "😀 naïve 日本語", "\u00a0\ufeff", "\xed\xa0\x80"}
	paris := time.FixedZone("CEST", 2*3600)
	times := []time.Time{{}, time.Now(), time.Date(2026, 12, 4, 9, 30, 0, 123456789, paris),
		time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC)}
	for _, s := range tricky {
		for _, tm := range times {
			checkAnnotationJSON(t, Annotation{ID: s, Label: "claim", Start: 3, End: 17, Exact: s, Prefix: s, Suffix: "x" + s,
				Author: s, Created: tm, Modified: tm.Add(time.Hour), Anchor: Anchoring(s)})
		}
	}
	for _, attrs := range []map[string]string{nil, {}, {"speaker": "Ana", "note": "two <words>", "": "", "\xff": "\u2028"}} {
		checkAnnotationJSON(t, Annotation{ID: "a", Start: -1, End: 1 << 40, Attributes: attrs, Anchor: AnchorExact})
	}
	// A time encoding/json refuses.
	checkAnnotationJSON(t, Annotation{ID: "a", Created: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)})
	checkAnnotationJSON(t, Annotation{ID: "a", Modified: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)})
}

func FuzzAppendAnnotationJSON(f *testing.F) {
	f.Add("id", "exact \u2028 \xff", "speaker", "Ana <b>", int64(1765000000123456789), 3)
	f.Add("", "", "", "", int64(0), 0)
	f.Fuzz(func(t *testing.T, id, exact, key, val string, nanos int64, start int) {
		tm := time.Unix(0, nanos).In(time.FixedZone("", start%50400))
		checkAnnotationJSON(t, Annotation{ID: id, Label: key, Start: start, End: -start, Exact: exact, Prefix: val,
			Attributes: map[string]string{key: val, val: exact}, Author: val, Created: tm, Modified: tm, Anchor: Anchoring(id)})
	})
}

func BenchmarkAnnotationJSON(b *testing.B) {
	a := Annotation{ID: "0190a0b0-0000-7000-8000-000000000001", Label: "quote", Start: 1200, End: 1290,
		Exact: "the minister said on Thursday that trade was “pretty balanced”", Prefix: "In a speech in Leeds, ", Suffix: " and pledged to raise",
		Attributes: map[string]string{"speaker": "the minister"}, Author: "Ana", Created: time.Now(), Modified: time.Now(), Anchor: AnchorExact}
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			if _, err := stdAnnotationJSON(a); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("append", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			var err error
			if buf, err = AppendAnnotationJSON(buf[:0], a); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestJSONStringBytesAgrees ties limits.go's count of a string's JSON
// length to the escaping that writes it: the two keep one rule, for the
// valid UTF-8 that a document's text and HTML always are.
func TestJSONStringBytesAgrees(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "\x00\x01\b\f\n\r\t\x1f\x7f",
		"line\u2028para\u2029end", "😀 naïve 日本語 “q”", "\u00a0\ufeff\u2027\u202a"} {
		if got, want := jsonStringBytes(s), int64(len(AppendJSONString(nil, s))-2); got != want {
			t.Errorf("jsonStringBytes(%q) = %d; AppendJSONString writes %d bytes between the quotes", s, got, want)
		}
	}
}
