package annotate

// Refusals in words: a key is one user-perceived character for both the
// JSON Schema and Schema.Validate; a file nested too deep is said to be
// nested too deep; and a file with thousands of problems lists the first
// MaxProblems and counts the rest.

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestKeyIsOneCharacter(t *testing.T) {
	good := fxExport(t)
	tests := []struct {
		key   string // as written in JSON
		valid bool
	}{
		{`k`, true},
		{`e\u0301`, true},       // e and a combining acute accent
		{`\u00e9`, true},        // é precomposed
		{`a\u0301\u0323`, true}, // two combining marks
		{`🇬🇧`, true},            // a flag: two regional indicators
		{`👍🏽`, true},            // an emoji and a skin-tone modifier
		{`👨‍👩‍👧`, true},         // emoji joined by ZWJ
		{`❤\ufe0f`, true},       // a variation selector
		{`🏴\udb40\udc67\udb40\udc62\udb40\udc73\udb40\udc63\udb40\udc74\udb40\udc7f`, true}, // Scotland's flag: tag characters
		{`ab`, false},
		{`e\u0301x`, false},
		{`🇬🇧🇫🇷`, false},
		{`\u0301`, false}, // a mark alone
		{`a\u200d`, false},
		{`\t`, false},
		{``, false},
	}
	for _, tt := range tests {
		data := fxReplace(t, good, `"key": "q"`, `"key": "`+tt.key+`"`)
		var problems []string
		for _, p := range Validate(data) {
			if p.Path == "/schema/labels/1/key" {
				problems = append(problems, p.String())
			}
		}
		if (len(problems) == 0) != tt.valid {
			t.Errorf("key %q: problems %q, want valid=%v", tt.key, problems, tt.valid)
		}
		for _, p := range problems {
			if strings.Contains(p, "characters long") || strings.Contains(p, "maxLength") {
				t.Errorf("key %q: %s is in the library's words", tt.key, p)
			}
		}
	}
	// Schema.Validate says the same, and compares keys without case.
	s := DefaultSchema()
	s.Labels[0].Key, s.Labels[1].Key = "e\u0301", "q"
	if err := s.Validate(); err != nil {
		t.Errorf("e + combining acute: %v", err)
	}
	s.Labels[1].Key = "E\u0301"
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "already used by label 1") {
		t.Errorf("E + combining acute after e + combining acute: %v", err)
	}
	s.Labels[1].Key = "qq"
	if err := s.Validate(); err == nil || !strings.Contains(err.Error(), "must be one character") {
		t.Errorf("qq: %v", err)
	}
}

func TestValidateTooDeep(t *testing.T) {
	data := []byte("{\"version\": 1,\n \"x\": " + strings.Repeat("[", 10_001) + strings.Repeat("]", 10_001) + "}")
	problems := Validate(data)
	if len(problems) != 1 {
		t.Fatalf("want one problem, got:\n%s", fxProblems(problems))
	}
	p := problems[0]
	if strings.Contains(p.Message, "exceeded max depth") || !strings.Contains(p.Message, "more than 10,000 deep") ||
		!strings.Contains(p.Message, "not an annotations file") || p.Line != 2 || p.Column < 7 {
		t.Errorf("got %v", p)
	}
	_, err := Import(data)
	if err == nil || !strings.Contains(err.Error(), "2:") || strings.Contains(err.Error(), "exceeded max depth") {
		t.Errorf("Import: %v", err)
	}
}

// TestValidateCapsProblems checks that 250 bad ids on one line give the
// first MaxProblems in the order of the file and one more that counts the
// other 150, and that Import's error stays short.
func TestValidateCapsProblems(t *testing.T) {
	data := fxBadIDs(t, 250)
	problems := Validate(data)
	if len(problems) != MaxProblems+1 {
		t.Fatalf("%d problems, want %d", len(problems), MaxProblems+1)
	}
	for i, p := range problems[:MaxProblems] {
		if want := fmt.Sprintf("/annotations/%d/id", i); p.Path != want || p.Omitted() || p.Line != 1 {
			t.Fatalf("problem %d is %v, want one at %s", i, p, want)
		}
		if i > 0 && p.Column <= problems[i-1].Column {
			t.Fatalf("problem %d at column %d, after %d", i, p.Column, problems[i-1].Column)
		}
	}
	last := problems[MaxProblems]
	if !last.Omitted() || last.OmittedErrors != 150 || last.Warning || !strings.Contains(last.Message, "150 more errors") ||
		last.Column <= problems[MaxProblems-1].Column {
		t.Errorf("last problem %+v", last)
	}
	if errs, warns := CountProblems(problems); errs != 250 || warns != 0 {
		t.Errorf("CountProblems = %d, %d", errs, warns)
	}
	// The column counts code points: the text before the first bad id
	// holds emoji and accents.
	first := problems[0]
	i := bytes.Index(data, []byte(`"bad-id-0"`))
	if want := RuneCount(string(data[:i])) + 1; first.Column != want {
		t.Errorf("first problem at column %d, want %d", first.Column, want)
	}
	_, err := Import(data)
	var ie *ImportError
	if !errors.As(err, &ie) || len(err.Error()) > 600 || !strings.Contains(err.Error(), "250 problems") || !strings.Contains(err.Error(), "and 247 more") {
		t.Errorf("Import error (%d bytes): %v", len(err.Error()), err)
	}
}

// TestValidateMessagesInWords checks that no message is in a library's
// words: encoding/json's or the JSON Schema library's.
func TestValidateMessagesInWords(t *testing.T) {
	good := fxExport(t)
	files := map[string][]byte{
		"trailing comma":  fxReplace(t, good, `"version": 1,`, `"version": 1,,`),
		"missing colon":   fxReplace(t, good, `"version": 1,`, `"version" 1,`),
		"control in text": fxReplace(t, good, `"author": "ann"`, "\"author\": \"a\tnn\""),
		"bad escape":      fxReplace(t, good, `"author": "ann"`, `"author": "a\qnn"`),
		"array item":      []byte(`[1 2]`),
		"number":          []byte(`{"a": 1.}`),
		"unicode escape":  []byte(`{"a": "\u00"}`),
		"label a number":  fxReplace(t, good, `"labels": [`, `"labels": [7, `),
		"key too long":    fxReplace(t, good, `"key": "q"`, `"key": "qq"`),
		"huge id":         fxReplace(t, good, `"label": "pledge"`, `"label": "`+strings.Repeat("x", 500)+`"`),
	}
	for name, data := range files {
		for _, p := range Validate(data) {
			for _, lib := range []string{"invalid character", "looking for beginning", "maxLength", "does not match pattern", "characters long", "numeric literal", "hexadecimal character escape", "item should be", strings.Repeat("x", 100)} {
				if strings.Contains(p.Message, lib) {
					t.Errorf("%s: %v is in a library's words (%q)", name, p, lib)
				}
			}
		}
	}
}

// TestValidateJSONOfSomethingElse: a JSON object with none of an export's
// parts (a package.json, a tsconfig.json picked by mistake) gets one
// problem that says what the file is not, not its "version" of "1.0.0"
// and the fields it lacks; an object numbered as an export still hears of
// its version, or, version 1, of the fields it lacks.
func TestValidateJSONOfSomethingElse(t *testing.T) {
	for _, data := range []string{`{"name": "site", "version": "1.0.0", "dependencies": {}}`, `{"compilerOptions": {}}`, `{}`} {
		ps := Validate([]byte(data))
		if len(ps) != 1 || !strings.Contains(ps[0].Message, "not an annotations file") || !strings.Contains(ps[0].Message, `"document", "schema" or "annotations"`) {
			t.Errorf("Validate(%s):\n%s\nwant one problem saying it is not an annotations file", data, fxProblems(ps))
		}
	}
	ps := Validate([]byte(`{"version": 1}`))
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "which are required") {
		t.Errorf("Validate of version 1 alone:\n%s\nwant the fields it lacks", fxProblems(ps))
	}
	ps = Validate([]byte(`{"version": 2}`))
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "format version 2") {
		t.Errorf("Validate of version 2 alone:\n%s\nwant its version said", fxProblems(ps))
	}
}
