package workspace

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// randomText returns a string with what JSON escapes: quotes, backslashes,
// control characters, characters past U+FFFF, U+2028, and sometimes a byte
// that is not UTF-8.
func randomText(rng *rand.Rand) string {
	parts := []string{"plain", `"quoted"`, `back\slash`, "tab\tnew\nline", "\x01\x1f", "é", "😀", "\u2028", "<&>", "", " "}
	var b strings.Builder
	for range rng.Intn(4) {
		b.WriteString(parts[rng.Intn(len(parts))])
	}
	if rng.Intn(20) == 0 {
		b.WriteByte(0xff)
	}
	return b.String()
}

func randomSchema(rng *rand.Rand) annotate.Schema {
	if rng.Intn(5) == 0 {
		return annotate.Schema{}
	}
	s := annotate.DefaultSchema()
	if rng.Intn(2) == 0 {
		s.Labels = append(s.Labels, annotate.Label{Name: "x" + fmt.Sprint(rng.Intn(9)), Color: "#123456", Key: "x", Attributes: nil, Description: randomText(rng)})
	}
	return s
}

func randomRecords(rng *rand.Rand) (Summary, Body, Settings) {
	t := time.Date(2026, 12, 6, 18, 0, 0, rng.Intn(1e9), time.FixedZone("", 3600*(rng.Intn(5)-2)))
	sum := Summary{ID: randomText(rng), Title: randomText(rng), Site: randomText(rng), URL: randomText(rng),
		Status: StatusInProgress, Added: t, Changed: t.Add(time.Hour), Orphans: rng.Intn(3) - 1}
	if rng.Intn(3) > 0 {
		sum.Counts = map[string]int{"claim": rng.Intn(5000), "quote": 0}
	}
	if rng.Intn(2) == 0 {
		sum.Version = Version{Editor: randomText(rng), Seq: rng.Intn(1 << 40)}
	}
	body := Body{SourceID: randomText(rng), HTML: randomText(rng), Text: randomText(rng), TextSHA256: "ab",
		Meta: annotate.Meta{Author: randomText(rng), Language: "en", Charset: randomText(rng)}, Schema: randomSchema(rng)}
	set := Settings{Author: randomText(rng), Schema: randomSchema(rng)}
	return sum, body, set
}

// sameAsUnmarshal checks that decode gives, from data, what json.Unmarshal
// gives into a zero value, the error too.
func sameAsUnmarshal[T any](t *testing.T, data []byte, decode func([]byte, *T) error) {
	t.Helper()
	var got, want T
	errGot := decode(data, &got)
	errWant := json.Unmarshal(data, &want)
	if fmt.Sprint(errGot) != fmt.Sprint(errWant) {
		t.Fatalf("%s:\nerror %v, json.Unmarshal's %v", data, errGot, errWant)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\ngot  %#v\nwant %#v", data, got, want)
	}
}

// fastReads reports whether read is sure of data, without json.Unmarshal.
func fastReads[T any](data []byte, read func(*annotate.RecordReader, *T)) bool {
	var v T
	r := annotate.NewRecordReader(data)
	read(r, &v)
	return r.OK()
}

// TestDecodeRecordsAsUnmarshal: the stores' summaries, bodies and
// settings, as encoding/json writes them, decode without it to exactly
// what it makes of them.
func TestDecodeRecordsAsUnmarshal(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for range 500 {
		sum, body, set := randomRecords(rng)
		for _, rec := range []struct {
			v     any
			check func([]byte)
		}{
			{sum, func(d []byte) {
				sameAsUnmarshal(t, d, DecodeSummary)
				if !fastReads(d, readSummary) {
					t.Fatalf("a summary as encoding/json writes it went to json.Unmarshal: %s", d)
				}
			}},
			{body, func(d []byte) {
				sameAsUnmarshal(t, d, DecodeBody)
				if !fastReads(d, readBody) {
					t.Fatalf("a body as encoding/json writes it went to json.Unmarshal: %s", d)
				}
			}},
			{set, func(d []byte) {
				sameAsUnmarshal(t, d, DecodeSettings)
				if !fastReads(d, readSettings) {
					t.Fatalf("settings as encoding/json writes them went to json.Unmarshal: %s", d)
				}
			}},
		} {
			data, err := json.Marshal(rec.v)
			if err != nil {
				t.Fatal(err)
			}
			rec.check(data)
		}
	}
}

// oddRecords are records that encoding/json does not write, each of which
// must decode as json.Unmarshal decodes it.
var oddRecords = []string{
	``, `null`, `{}`, ` { } `, `[]`, `"x"`, `{"id":"a"} x`, `{"id":"a"`, `{"id":"a",}`, `{,}`,
	`{"ID":"a"}`, `{"id":"a","id":"b"}`, `{"i\u0064":"a"}`, `{"unknown":1}`, `{"id":null}`, `{"id":1}`,
	`{"orphans":1.0}`, `{"orphans":1e2}`, `{"orphans":-0}`, `{"orphans":01}`, `{"orphans":99999999999999999999}`,
	`{"orphans":"1"}`, `{"orphans":-}`, `{"counts":null}`, `{"counts":{}}`, `{"counts":{"a":null}}`,
	`{"counts":{"a":1,"a":2}}`, `{"counts":{"\u00e9":1}}`, `{"counts":[]}`, `{"added":null}`,
	`{"added":"2026-12-06T18:00:00Z"}`, `{"added":"2026-12-06T18:00:00\u005a"}`, `{"added":"yesterday"}`,
	`{"version":null}`, `{"version":{"seq":3,"editor":"e"}}`, `{"version":{"seq":3.5}}`, `{"version":[]}`,
	`{"title":"a\ud800b"}`, `{"title":"\ud83d\ude00"}`, "{\"title\":\"\x01\"}", "{\"title\":\"\xff\"}",
	`{"title":"\q"}`, `{"status":"done"}`, `{"schema":null}`, `{"schema":{"labels":null}}`,
	`{"schema":{"labels":[]}}`, `{"schema":{"labels":[null]}}`, `{"schema":{"labels":[{"attributes":null}]}}`,
	`{"schema":{"labels":[{"attributes":[]}]}}`, `{"schema":{"labels":[{"attributes":[null,"a"]}]}}`,
	`{"schema":{"labels":[{"Name":"x"}]}}`, `{"schema":{"labels":[{"name":"x","name":"y"}]}}`, `{"meta":null}`,
	`{"meta":{"lang":"en","x":1}}`, `{"meta":{"lang":null}}`, `{"author":true}`, `{"sourceId":"s","html":"<p>"}`,
}

func TestDecodeOddRecordsAsUnmarshal(t *testing.T) {
	for _, rec := range oddRecords {
		data := []byte(rec)
		sameAsUnmarshal(t, data, DecodeSummary)
		sameAsUnmarshal(t, data, DecodeBody)
		sameAsUnmarshal(t, data, DecodeSettings)
	}
}

// FuzzDecodeRecords: whatever the bytes, each decoder gives what
// json.Unmarshal gives.
func FuzzDecodeRecords(f *testing.F) {
	rng := rand.New(rand.NewSource(2))
	for range 20 {
		sum, body, set := randomRecords(rng)
		for _, v := range []any{sum, body, set} {
			data, _ := json.Marshal(v)
			f.Add(data)
		}
	}
	for _, rec := range oddRecords {
		f.Add([]byte(rec))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameAsUnmarshal(t, data, DecodeSummary)
		sameAsUnmarshal(t, data, DecodeBody)
		sameAsUnmarshal(t, data, DecodeSettings)
	})
}
