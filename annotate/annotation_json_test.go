package annotate

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fxDecodeSame decodes data with DecodeAnnotation, into an annotation
// that already holds values, and with json.Unmarshal, into a zero one,
// and fails t on any difference in the annotation or the error. It
// returns whether the fast path took data (rather than falling back).
func fxDecodeSame(t testing.TB, data []byte) (fast bool) {
	t.Helper()
	var want Annotation
	wantErr := json.Unmarshal(data, &want)
	got := Annotation{ID: "left over", Start: 7, Attributes: map[string]string{"left": "over"}, Created: time.Now()}
	gotErr := DecodeAnnotation(data, &got)
	if (gotErr == nil) != (wantErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
		t.Fatalf("%q: DecodeAnnotation's error is %v, json.Unmarshal's %v", data, gotErr, wantErr)
	}
	fxSameAnnotation(t, string(data), got, want)
	var d annotationDecoder
	var probe Annotation
	return d.fast(data, &probe)
}

// fxSameAnnotation fails t unless got and want are the same value in
// every way that can be seen: deeply equal, the same JSON, the same
// fields with times equal and in zones of the same name, and the
// attributes both nil or both not.
func fxSameAnnotation(t testing.TB, what string, got, want Annotation) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: DecodeAnnotation gives\n%#v\njson.Unmarshal gives\n%#v", what, got, want)
	}
	gotJSON, err1 := json.Marshal(got)
	wantJSON, err2 := json.Marshal(want)
	if !bytes.Equal(gotJSON, wantJSON) || (err1 == nil) != (err2 == nil) {
		t.Fatalf("%q: the two encode as\n%s (%v)\n%s (%v)", what, gotJSON, err1, wantJSON, err2)
	}
	if !got.Equal(want) || (got.Attributes == nil) != (want.Attributes == nil) ||
		got.Created.Location().String() != want.Created.Location().String() ||
		got.Modified.Location().String() != want.Modified.Location().String() {
		t.Fatalf("%q: the fields differ:\n%#v\n%#v", what, got, want)
	}
}

// fxRecord is a stored annotation with every field, in the order
// encoding/json writes them; fxRecordWith changes one field's value.
const fxRecord = `{"id":"0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b","label":"quote","start":5,"end":10,` +
	`"exact":"“yes”","prefix":"é 🇬🇧 ","suffix":".","attributes":{"speaker":"K"},"author":"ann",` +
	`"created":"2025-02-27T09:30:01.123456789Z","modified":"2025-02-27T09:30:02+05:45","anchor":"exact"}`

func fxRecordWith(key, value string) string {
	i := strings.Index(fxRecord, `"`+key+`":`)
	if i < 0 {
		panic(key)
	}
	i += len(key) + 3
	n := strings.Index(fxRecord[i:], `,"`)
	if key == "attributes" {
		n = strings.Index(fxRecord[i:], `},"`) + 1
	}
	if n < 0 {
		n = len(fxRecord) - 1 - i
	}
	return fxRecord[:i] + value + fxRecord[i+n:]
}

// fxDecoded is how DecodeAnnotation reads a record.
type fxDecoded int

const (
	decodedFast     fxDecoded = iota // by the fast path
	leftToUnmarshal                  // by json.Unmarshal, with no error
	failing                          // by json.Unmarshal, with an error
	eitherWay                        // by json.Unmarshal, whose answer depends on its version
)

func TestDecodeAnnotation(t *testing.T) {
	tests := []struct {
		name, data string
		how        fxDecoded
		check      func(a Annotation) bool // beyond agreeing with json.Unmarshal
	}{
		{"record", fxRecord, decodedFast, func(a Annotation) bool {
			return a.ID == "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b" && a.Start == 5 && a.End == 10 && a.Prefix == "é 🇬🇧 " &&
				a.Attributes[AttrSpeaker] == "K" && a.Created.Nanosecond() == 123456789 && a.Anchor == AnchorExact
		}},
		{"escapes", fxRecordWith("exact", `"a\"b\\c\/d\b\f\n\r\t\u00e9\u00E9\u0000\u2028<>&"`), decodedFast, func(a Annotation) bool {
			return a.Exact == "a\"b\\c/d\b\f\n\r\téé\x00\u2028<>&"
		}},
		{"surrogate pair", fxRecordWith("exact", `"\ud83c\uDDEC\uD83C\udde7!"`), decodedFast, func(a Annotation) bool { return a.Exact == "🇬🇧!" }},
		{"lone high surrogate at the end", fxRecordWith("exact", `"x\ud800"`), decodedFast, func(a Annotation) bool { return a.Exact == "x\ufffd" }},
		{"high surrogate then a letter", fxRecordWith("exact", `"\ud800\u0041"`), decodedFast, func(a Annotation) bool { return a.Exact == "\ufffdA" }},
		{"high surrogate then a newline", fxRecordWith("exact", `"\ud800\n"`), decodedFast, func(a Annotation) bool { return a.Exact == "\ufffd\n" }},
		{"lone low surrogate", fxRecordWith("exact", `"\udc00x"`), decodedFast, func(a Annotation) bool { return a.Exact == "\ufffdx" }},
		{"two highs then a low", fxRecordWith("exact", `"\ud800\ud800\udc00"`), decodedFast, func(a Annotation) bool { return a.Exact == "\ufffd𐀀" }},
		{"invalid UTF-8", fxRecordWith("exact", "\"\xff|\xed\xa0\x80|\xe2\x82|\xc0\xaf|\xf4\x90\x80\x80\""), decodedFast, func(a Annotation) bool {
			return a.Exact == "\ufffd|\ufffd\ufffd\ufffd|\ufffd\ufffd|\ufffd\ufffd|\ufffd\ufffd\ufffd\ufffd"
		}},
		{"raw line separator, DEL, emoji, U+FFFD", fxRecordWith("exact", "\"\u2028\x7f😀\ufffd\""), decodedFast, nil},
		{"invalid UTF-8 in an attribute's key", fxRecordWith("attributes", "{\"\xff\":\"\xfe\"}"), decodedFast, func(a Annotation) bool {
			return a.Attributes["\ufffd"] == "\ufffd"
		}},
		{"odd white space", " \t\r\n{ \"id\" :\t\"x\" ,\r\n \"attributes\" : { \"a\" : \"b\" ,\"c\"\n:\"d\"} , \"start\"\r: -3 }\n\t ", decodedFast, func(a Annotation) bool {
			return a.ID == "x" && a.Start == -3 && len(a.Attributes) == 2
		}},
		{"empty object", `{}`, decodedFast, func(a Annotation) bool { return a.Attributes == nil }},
		{"some fields missing", `{"id":"x","end":3}`, decodedFast, func(a Annotation) bool { return a.End == 3 && a.Created.IsZero() }},
		{"null attributes", fxRecordWith("attributes", "null"), decodedFast, func(a Annotation) bool { return a.Attributes == nil }},
		{"empty attributes", fxRecordWith("attributes", "{ }"), decodedFast, func(a Annotation) bool { return a.Attributes != nil && len(a.Attributes) == 0 }},
		{"an attribute twice", fxRecordWith("attributes", `{"a":"1","a":"2"}`), decodedFast, func(a Annotation) bool { return a.Attributes["a"] == "2" }},
		{"an escaped attribute name", fxRecordWith("attributes", `{"sp\u0065aker":"K"}`), decodedFast, func(a Annotation) bool { return a.Attributes[AttrSpeaker] == "K" }},
		{"null string", fxRecordWith("id", "null"), decodedFast, func(a Annotation) bool { return a.ID == "" }},
		{"null number", fxRecordWith("start", "null"), decodedFast, func(a Annotation) bool { return a.Start == 0 }},
		{"null time", fxRecordWith("created", "null"), decodedFast, func(a Annotation) bool { return a.Created.IsZero() }},
		{"null anchor", fxRecordWith("anchor", "null"), decodedFast, nil},
		{"minus zero", fxRecordWith("start", "-0"), decodedFast, nil},
		{"18 digits", fxRecordWith("start", "-999999999999999999"), decodedFast, nil},
		{"a time in a zone", fxRecordWith("created", `"2025-02-27T09:30:01.5-03:30"`), decodedFast, nil},
		{"a time at offset zero", fxRecordWith("created", `"2025-02-27T09:30:01+00:00"`), decodedFast, nil},
		{"an offset of 24 hours, which time.Time takes", fxRecordWith("created", `"2025-02-27T09:30:01+24:00"`), decodedFast, nil},
		{"a time with 12 digits of fraction", fxRecordWith("created", `"2025-02-27T09:30:01.123456789123Z"`), decodedFast, nil},

		// Left to json.Unmarshal, which takes them.
		{"unknown key", `{"id":"x","colour":"red"}`, leftToUnmarshal, nil},
		{"key in another case", `{"ID":"x"}`, leftToUnmarshal, func(a Annotation) bool { return a.ID == "x" }},
		{"key in the Kelvin sign's case", "{\"ran\u212a\":\"x\"}", leftToUnmarshal, nil},
		{"escaped key", `{"\u0069d":"x"}`, leftToUnmarshal, func(a Annotation) bool { return a.ID == "x" }},
		{"key twice", `{"id":"x","id":"y"}`, leftToUnmarshal, func(a Annotation) bool { return a.ID == "y" }},
		{"attributes twice", `{"attributes":{"a":"1"},"attributes":{"b":"2"}}`, leftToUnmarshal, func(a Annotation) bool { return len(a.Attributes) == 2 }},
		{"attributes then null", `{"attributes":{"a":"1"},"attributes":null}`, leftToUnmarshal, func(a Annotation) bool { return a.Attributes == nil }},
		{"null attribute", fxRecordWith("attributes", `{"a":null}`), leftToUnmarshal, func(a Annotation) bool { v, ok := a.Attributes["a"]; return ok && v == "" }},
		{"19 digits", fxRecordWith("start", "9223372036854775807"), leftToUnmarshal, nil},
		{"the least int", fxRecordWith("start", "-9223372036854775808"), leftToUnmarshal, nil},
		{"top-level null", `null`, leftToUnmarshal, nil},

		// Left to json.Unmarshal, which fails.
		{"fraction", fxRecordWith("start", "1.5"), failing, nil},
		{"whole fraction", fxRecordWith("start", "1.0"), failing, nil},
		{"exponent", fxRecordWith("end", "1e2"), failing, nil},
		{"beyond int", fxRecordWith("end", "9223372036854775808"), failing, nil},
		{"leading zero", fxRecordWith("end", "01"), failing, nil},
		{"lone minus", fxRecordWith("end", "-"), failing, nil},
		{"number for a string", fxRecordWith("id", "5"), failing, nil},
		{"string for a number", fxRecordWith("start", `"5"`), failing, nil},
		{"boolean for the anchor", fxRecordWith("anchor", "true"), failing, nil},
		{"array of attributes", fxRecordWith("attributes", `["a"]`), failing, nil},
		{"number attribute", fxRecordWith("attributes", `{"a":1}`), failing, nil},
		{"number for a time", fxRecordWith("created", "5"), failing, nil},
		{"not a time", fxRecordWith("created", `"yesterday"`), failing, nil},
		// time.Time.UnmarshalJSON does not undo escapes (go.dev/issue/47353),
		// though json.Unmarshal does for it with GOEXPERIMENT=jsonv2.
		{"escaped time", fxRecordWith("created", `"2025-02-27T09:30:01\u005a"`), eitherWay, nil},
		{"lower-case time", fxRecordWith("created", `"2025-02-27t09:30:01z"`), failing, nil},
		{"leap second", fxRecordWith("created", `"2016-12-31T23:59:60Z"`), failing, nil},
		{"control character", fxRecordWith("exact", "\"a\x01\""), failing, nil},
		{"raw newline", fxRecordWith("exact", "\"a\nb\""), failing, nil},
		{"single-quote escape", fxRecordWith("exact", `"\'"`), failing, nil},
		{"short \\u escape", fxRecordWith("exact", `"\u12"`), failing, nil},
		{"high surrogate then a bad escape", fxRecordWith("exact", `"\ud800\uZZZZ"`), failing, nil},
		{"unknown escape", fxRecordWith("exact", `"\x41"`), failing, nil},
		{"unterminated string", `{"id":"x`, failing, nil},
		{"unterminated object", `{"id":"x"`, failing, nil},
		{"trailing comma", `{"id":"x",}`, failing, nil},
		{"missing comma", `{"id":"x" "label":"y"}`, failing, nil},
		{"missing colon", `{"id" "x"}`, failing, nil},
		{"bad null", fxRecordWith("id", "nul"), failing, nil},
		{"null and more", fxRecordWith("id", "nullx"), failing, nil},
		{"trailing data", fxRecord + "x", failing, nil},
		{"two objects", fxRecord + " {}", failing, nil},
		{"byte-order mark", "\ufeff" + fxRecord, failing, nil},
		{"array", `[]`, failing, nil},
		{"nothing", ``, failing, nil},
		{"only white space", " \n", failing, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fast := fxDecodeSame(t, []byte(tt.data))
			if fast != (tt.how == decodedFast) {
				t.Errorf("the fast path took it: %v, want %v", fast, !fast)
			}
			if err := json.Unmarshal([]byte(tt.data), new(Annotation)); tt.how != eitherWay && (err != nil) != (tt.how == failing) {
				t.Errorf("json.Unmarshal: %v", err)
			}
			if tt.check != nil {
				var a Annotation
				if err := DecodeAnnotation([]byte(tt.data), &a); err != nil || !tt.check(a) {
					t.Errorf("decoded to %#v (%v)", a, err)
				}
			}
		})
	}
}

// fxEncodeStored returns v's JSON as the app stores it in IndexedDB: with
// HTML characters left as they are, and no final newline.
func fxEncodeStored(tb testing.TB, v any) []byte {
	tb.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		tb.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// fxRandomString returns a short string of the characters that JSON
// encodes in special ways: control characters, quotes and backslashes,
// HTML characters, the line and paragraph separators, characters outside
// the BMP, and bytes that are not UTF-8.
func fxRandomString(rng *rand.Rand) string {
	var b []byte
	for range rng.IntN(24) {
		switch rng.IntN(10) {
		case 0:
			b = append(b, byte(rng.IntN(0x20)))
		case 1:
			b = append(b, `"\<>&/'`[rng.IntN(7)])
		case 2:
			b = utf8.AppendRune(b, rune(0x10000+rng.IntN(0x100000)))
		case 3:
			special := []rune{0x7f, 0x80, 0xa0, 0x2028, 0x2029, 0xd7ff, 0xe000, 0xfeff, 0xfffd, 0xffff}
			b = utf8.AppendRune(b, special[rng.IntN(len(special))])
		case 4:
			b = append(b, byte(0x80+rng.IntN(0x80)))
		case 5:
			b = utf8.AppendRune(b, rune(0x80+rng.IntN(0xd800-0x80)))
		default:
			b = append(b, byte(' '+rng.IntN(0x7f-' ')))
		}
	}
	return string(b)
}

// fxZones are the zones of fxRandomTime: UTC, the local zone, a named
// fixed zone, and the named zones of the system that it has.
var fxZones = func() []*time.Location {
	zones := []*time.Location{time.UTC, time.Local, time.FixedZone("CET", 3600)}
	for _, name := range []string{"Europe/London", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati"} {
		if z, err := time.LoadLocation(name); err == nil {
			zones = append(zones, z)
		}
	}
	return zones
}()

// fxRandomTime returns a time between the years 1 and 9999 (which JSON
// can hold), with or without nanoseconds, in one of fxZones or at a fixed
// offset; sometimes the zero time.
func fxRandomTime(rng *rand.Rand) time.Time {
	if rng.IntN(10) == 0 {
		return time.Time{}
	}
	const first, last = -62135596800, 253402300799 // 0001-01-01, 9999-12-31 23:59:59
	t := time.Unix(first+rng.Int64N(last-first), 0)
	switch rng.IntN(4) {
	case 0:
		t = t.Add(time.Duration(rng.IntN(1e9)))
	case 1:
		t = t.Add(time.Duration(rng.IntN(1000)) * time.Millisecond)
	}
	if rng.IntN(2) == 0 {
		return t.In(fxZones[rng.IntN(len(fxZones))])
	}
	// Any whole minute within ±14 hours.
	return t.In(time.FixedZone("", (rng.IntN(28*60+1)-14*60)*60))
}

// fxRandomAnnotation returns an annotation of random strings, numbers,
// attributes and times.
func fxRandomAnnotation(rng *rand.Rand) Annotation {
	a := Annotation{
		ID: fxRandomString(rng), Label: fxRandomString(rng),
		Start: rng.IntN(2e15) - 1e15, End: rng.IntN(1e6),
		Exact: fxRandomString(rng), Prefix: fxRandomString(rng), Suffix: fxRandomString(rng),
		Author: fxRandomString(rng), Created: fxRandomTime(rng), Modified: fxRandomTime(rng),
		Anchor: Anchoring(fxRandomString(rng)),
	}
	switch rng.IntN(3) {
	case 0: // nil
	case 1:
		a.Attributes = map[string]string{}
	default:
		a.Attributes = map[string]string{}
		for range 1 + rng.IntN(4) {
			a.Attributes[fxRandomString(rng)] = fxRandomString(rng)
		}
	}
	return a
}

// TestDecodeAnnotationProperty: whatever annotation encoding/json writes,
// with HTML characters escaped or not, indented or not, DecodeAnnotation
// reads it by its fast path, to what json.Unmarshal reads; and
// DecodeAnnotationLines reads them all, one a line.
func TestDecodeAnnotationProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	var lines []byte
	var want []Annotation
	for range 3000 {
		a := fxRandomAnnotation(rng)
		escaped, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		stored := fxEncodeStored(t, a)
		var indented bytes.Buffer
		if err := json.Indent(&indented, escaped, "\r", " \t"); err != nil {
			t.Fatal(err)
		}
		for _, data := range [][]byte{escaped, stored, indented.Bytes()} {
			if !fxDecodeSame(t, data) {
				t.Fatalf("the fast path left to json.Unmarshal what encoding/json wrote: %q", data)
			}
		}
		var w Annotation
		if err := json.Unmarshal(stored, &w); err != nil {
			t.Fatal(err)
		}
		want = append(want, w)
		lines = append(append(lines, stored...), '\n')
	}
	got, err := DecodeAnnotationLines(lines)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d annotations, want %d", len(got), len(want))
	}
	for i := range got {
		fxSameAnnotation(t, "line", got[i], want[i])
	}
}

func TestDecodeAnnotationLines(t *testing.T) {
	for _, data := range []string{"", "\n"} {
		got, err := DecodeAnnotationLines([]byte(data))
		if err != nil || got == nil || len(got) != 0 {
			t.Errorf("%q: %#v, %v; want an empty slice", data, got, err)
		}
	}
	for _, data := range []string{fxRecord + "\n{}", fxRecord + "\r\n{}\n"} {
		got, err := DecodeAnnotationLines([]byte(data))
		if err != nil || len(got) != 2 || got[0].Label != "quote" || got[1].ID != "" {
			t.Errorf("%q: %#v, %v; want two annotations", data, got, err)
		}
	}
	for _, tt := range []struct {
		data, index string
	}{
		{"{}\n{}\n{\"id\":", "record 2:"},
		{"{}\n\n{}", "record 1:"},
		{"{}\n{}\n\n", "record 2:"},
		{`{"start":1.5}`, "record 0:"},
	} {
		got, err := DecodeAnnotationLines([]byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.index) || got != nil {
			t.Errorf("%q: %v, %v; want an error naming %s", tt.data, got, err, tt.index)
			continue
		}
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		if !errors.As(err, &syntax) && !errors.As(err, &typ) {
			t.Errorf("%q: %v does not wrap json.Unmarshal's error", tt.data, err)
		}
	}
}

func FuzzDecodeAnnotation(f *testing.F) {
	f.Add(fxSeedAnnotation("“yes”", "é 🇬🇧 ", ".", 5, 10))
	f.Add([]byte(fxRecord))
	f.Add([]byte(`{"id":"a","attributes":null,"exact":"\ud83c\uddec\ud800x\u00e9\\\"","start":-0,"created":"2025-02-27T09:30:01.5+05:45"}`))
	f.Add([]byte(" {\"attributes\" : {\"\xff\":\"<&>\"},\"end\":1e2 }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fxDecodeSame(t, data)
	})
}
