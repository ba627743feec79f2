package annotate

// Offsets and the version are read exactly or refused, with a problem
// that names the field that holds them: never read as 0.

import (
	"errors"
	"strings"
	"testing"
)

func TestValidateOffsetsExactly(t *testing.T) {
	good := fxExport(t)
	huge := "1" + strings.Repeat("0", 4999) // a 5,000-digit integer
	tests := []struct {
		name, old, new string
		path           string // "" when the file is valid
		message        string
	}{
		{"beyond int64", `"start": 9,`, `"start": 9223372036854775808,`, "/annotations/0/start", "far past the end of any text"},
		{"beyond float64", `"end": 23,`, `"end": 1e309,`, "/annotations/0/end", "end is 1e309, far past the end"},
		{"5,000 digits", `"start": 9,`, `"start": ` + huge + `,`, "/annotations/0/start", "far past the end"},
		{"a fraction", `"start": 9,`, `"start": 0.5,`, "/annotations/0/start", "start"},
		{"a negative fraction", `"end": 23,`, `"end": -0.5,`, "/annotations/0/end", "end"},
		{"hugely negative", `"start": 9,`, `"start": -1e400,`, "/annotations/0/start", "must not be negative"},
		{"8.0 is 8", `"start": 9,`, `"start": 9.0,`, "", ""},
		{"13e0 is 13", `"end": 23,`, `"end": 23e0,`, "", ""},
		{"2.3E1 is 23", `"end": 23,`, `"end": 2.3E1,`, "", ""},
		{"1e3 is 1000, past the end", `"start": 9,`, `"start": 1e3,`, "/annotations/0/start", "start (1000)"},
		{"orphan's start a fraction", `"start": 900,`, `"start": 900.25,`, "/orphans/0/start", "start"},
		{"version 1.0 is 1", `"version": 1,`, `"version": 1.0,`, "", ""},
		{"version 1e0 is 1", `"version": 1,`, `"version": 1e0,`, "", ""},
		{"version just above 1", `"version": 1,`, `"version": 1.0000000000000001,`, "/version", "version"},
		{"version beyond int64", `"version": 1,`, `"version": 18446744073709551617,`, "/version", "version"},
		{"version a fraction", `"version": 1,`, `"version": 0.5,`, "/version", "version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := fxReplace(t, good, tt.old, tt.new)
			problems := Validate(data)
			if tt.path == "" {
				if _, err := Import(data); problems != nil || err != nil {
					t.Fatalf("refused: %v\n%s", err, fxProblems(problems))
				}
				return
			}
			found := false
			for _, p := range problems {
				if p.Path == tt.path && !p.Warning && strings.Contains(p.Message, tt.message) {
					found = true
				}
			}
			if !found {
				t.Errorf("Validate: no error at %s saying %q; got:\n%s", tt.path, tt.message, fxProblems(problems))
			}
			// Import refuses the file, or mends it (an offset past the
			// end) and says so; either way it names the field.
			imp, err := Import(data)
			var ie *ImportError
			switch {
			case errors.As(err, &ie):
				if !strings.Contains(err.Error(), tt.path+": ") {
					t.Errorf("Import: %v, want the problem at %s named", err, tt.path)
				}
			case err != nil:
				t.Errorf("Import: %T %v", err, err)
			default:
				named := false
				for _, p := range imp.Problems {
					named = named || p.Path == tt.path
				}
				if !named {
					t.Errorf("Import took the file without a problem at %s:\n%s", tt.path, fxProblems(imp.Problems))
				}
			}
		})
	}
}

func TestParseJSONInt(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		kind intKind
	}{
		{"0", 0, intExact}, {"-0", 0, intExact}, {"0.0e5", 0, intExact}, {"17", 17, intExact},
		{"8.0", 8, intExact}, {"13e0", 13, intExact}, {"1e3", 1000, intExact}, {"1500e-2", 15, intExact},
		{"-42", -42, intExact}, {"999999999999999999", 999999999999999999, intExact},
		{"0.5", 0, intFraction}, {"1e-1", 0, intFraction}, {"1.0000000000000001", 0, intFraction},
		{"9223372036854775807", 0, intHuge}, {"1e309", 0, intHuge}, {"1e99999999999999999999", 0, intHuge},
		{`"9"`, 0, intNotNum}, {"null", 0, intNotNum}, {"true", 0, intNotNum}, {"{}", 0, intNotNum},
	}
	for _, tt := range tests {
		n, kind, _ := parseJSONInt([]byte(tt.in))
		if n != tt.n || kind != tt.kind {
			t.Errorf("parseJSONInt(%s) = %d, %d; want %d, %d", tt.in, n, kind, tt.n, tt.kind)
		}
	}
}
