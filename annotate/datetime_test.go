package annotate

// One table of date-times, tested from both sides: the published JSON
// Schema alone (compiled as any other program would, asserting formats)
// and the Go reader alone. Both must agree with RFC 3339 on every row.

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var fxDateTimes = []struct {
	s     string
	valid bool
}{
	{"2025-04-01T09:30:00Z", true},
	{"2025-04-01t09:30:00z", true},
	{"2016-12-31T23:59:60Z", true},
	{"2016-12-31T18:59:60-05:00", true}, // 23:59:60 in UTC
	{"2025-04-01T09:30:00.123456789+05:45", true},
	{"2025-04-01T09:30:00.1234567891234Z", true},
	{"2025-04-01T09:30:00-00:00", true},
	{"2024-02-29T00:00:00Z", true},
	{"2025-04-01T09:30:00.000Z", true},
	{"2025-04-01T09:30:00", false},       // no offset
	{"2025-04-01T24:00:00Z", false},      // hour 24
	{"2025-13-01T09:30:00Z", false},      // month 13
	{"2025-02-30T09:30:00Z", false},      // 30 February
	{"2025-02-29T09:30:00Z", false},      // not a leap year
	{"2025-04-01 09:30:00Z", false},      // a space instead of T
	{"2025-04-01T09:30:00+0545", false},  // offset without a colon
	{"2025-04-01", false},                // a date alone
	{"2025-04-01T09:30:60Z", false},      // a leap second not at 23:59 UTC
	{"2025-04-01T09:30:00.Z", false},     // a point without digits
	{"2025-04-01T09:30Z", false},         // no seconds
	{"2025-04-01T+9:30:00Z", false},      // a sign in the hour
	{"2025-04-01T09:30:00+24:00", false}, // offset hour 24
	{"2025-04-01T09:30:00+05:60", false}, // offset minute 60
	{"+2025-04-01T09:30:00Z", false},     // a sign before the year
	{"2025-4-01T09:30:00Z", false},       // one-digit month
	{"2025-04-01T09:30:00ZZ", false},     // something after the offset
	{"２０２５-04-01T09:30:00Z", false},      // full-width digits
	{"2025-04-01T09:30:00.5+05:45:00", false},
}

// fxOneAnnotationFile returns a file with one annotation whose created is
// s, as a decoded JSON value, for the JSON Schema alone.
func fxOneAnnotationFile(t *testing.T, s string) any {
	t.Helper()
	var f map[string]any
	if err := json.Unmarshal(fxExport(t), &f); err != nil {
		t.Fatal(err)
	}
	a := f["annotations"].([]any)[0].(map[string]any)
	a["created"] = s
	f["annotations"] = []any{a}
	delete(f, "orphans")
	data, _ := json.Marshal(f)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestDateTimeSchemaAndReaderAgree(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchemaV1))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("annotations-v1.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("annotations-v1.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range fxDateTimes {
		schemaSays := sch.Validate(fxOneAnnotationFile(t, tt.s)) == nil
		_, perr := parseFileTime(tt.s)
		goSays := perr == nil
		if schemaSays != tt.valid || goSays != tt.valid {
			t.Errorf("%q: JSON Schema says valid=%v, Go reader says valid=%v; RFC 3339 says %v", tt.s, schemaSays, goSays, tt.valid)
		}
	}
}

func TestParseFileTime(t *testing.T) {
	tests := []struct {
		s    string
		want time.Time
	}{
		{"2025-04-01t09:30:00z", time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC)},
		{"2025-04-01T09:30:00.123456789+05:45", time.Date(2025, 4, 1, 3, 45, 0, 123456789, time.UTC)},
		{"2025-04-01T09:30:00.1234567891234Z", time.Date(2025, 4, 1, 9, 30, 0, 123456789, time.UTC)},
		// A leap second reads as the last nanosecond of its minute.
		{"2016-12-31T23:59:60Z", time.Date(2016, 12, 31, 23, 59, 59, 999999999, time.UTC)},
		{"2016-12-31T23:59:60.5Z", time.Date(2016, 12, 31, 23, 59, 59, 999999999, time.UTC)},
		{"2016-12-31T18:59:60-05:00", time.Date(2016, 12, 31, 23, 59, 59, 999999999, time.UTC)},
	}
	for _, tt := range tests {
		got, err := parseFileTime(tt.s)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("parseFileTime(%q) = %v, %v; want %v", tt.s, got, err, tt.want)
		}
	}
	if _, err := parseFileTime("2025-04-01"); err != ErrNotDateTime {
		t.Errorf("a date alone: %v, want ErrNotDateTime", err)
	}
}

// TestValidateDateTimes checks the table through Validate and Import,
// which take the fast path for a file of the right shape and the JSON
// Schema otherwise: both agree with the table.
func TestValidateDateTimes(t *testing.T) {
	good := fxExport(t)
	for _, tt := range fxDateTimes {
		for _, field := range []string{"created", "exported"} {
			old := `"created": "2025-02-27T09:30:10.000Z"`
			if field == "exported" {
				old = `"exported": "2025-03-01T11:00:00.123Z"`
			}
			data := fxReplace(t, good, old, `"`+field+`": "`+tt.s+`"`)
			problems := Validate(data)
			// A created time after modified is a problem of its own.
			refused := false
			for _, p := range problems {
				refused = refused || (!p.Warning && strings.Contains(p.Message, "not a date and time"))
			}
			if refused == tt.valid {
				t.Errorf("%s %q: Validate refused=%v, want %v:\n%s", field, tt.s, refused, !tt.valid, fxProblems(problems))
			}
			if _, err := Import(data); field == "exported" && (err == nil) != tt.valid {
				t.Errorf("exported %q: Import %v", tt.s, err)
			}
		}
	}
}

func TestDaysIn(t *testing.T) {
	for year := 1896; year <= 2404; year++ {
		for month := 1; month <= 12; month++ {
			if got, want := daysIn(year, month), time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("daysIn(%d, %d) = %d, want %d", year, month, got, want)
			}
		}
	}
}
