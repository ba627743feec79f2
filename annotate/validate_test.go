package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// fxLine returns the line, from 1, of the first occurrence of marker in
// data (after the first occurrence of after, if after is not empty).
func fxLine(t testing.TB, data []byte, after, marker string) int {
	t.Helper()
	from := 0
	if after != "" {
		from = bytes.Index(data, []byte(after))
		if from < 0 {
			t.Fatalf("%q is not in the file", after)
		}
	}
	i := bytes.Index(data[from:], []byte(marker))
	if i < 0 {
		t.Fatalf("%q is not in the file", marker)
	}
	return bytes.Count(data[:from+i], []byte("\n")) + 1
}

// fxReplace replaces the first occurrence of old in data, which must be
// there.
func fxReplace(t testing.TB, data []byte, old, new string) []byte {
	t.Helper()
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%q is not in the file", old)
	}
	return bytes.Replace(data, []byte(old), []byte(new), 1)
}

// fxBrokenResult is a broken file, and the line of its problem.
type fxBrokenResult struct {
	data []byte
	line int
}

// fxBrokenFile is a file with one thing wrong, and the problem Validate
// gives.
type fxBrokenFile struct {
	name    string
	make    func(t *testing.T) fxBrokenResult
	path    string // the problem's path
	message string // a substring of its message
	warning bool
}

// fxBrokenFiles are an export broken in one way each.
func fxBrokenFiles(t *testing.T) []fxBrokenFile {
	good := fxExport(t)
	var f File
	if err := json.Unmarshal(good, &f); err != nil {
		t.Fatal(err)
	}
	id0, id3 := f.Annotations[0].ID, f.Annotations[3].ID
	textLen := RuneCount(f.Document.Text)

	return []fxBrokenFile{
		{name: "syntax error", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"version": 1,`, `"version": 1`)
			return fxBrokenResult{d, fxLine(t, d, "", `"generator"`)}
		}, path: "", message: "not valid JSON here: a ',' or '}' should come after a field's value, not '\"'"},
		{name: "cut short", make: func(t *testing.T) fxBrokenResult {
			d := good[:len(good)/2]
			return fxBrokenResult{d, bytes.Count(d, []byte("\n")) + 1}
		}, message: "ends before its JSON is complete"},
		{name: "trailing garbage", make: func(t *testing.T) fxBrokenResult {
			d := append(append([]byte{}, good...), []byte("\n\n}")...)
			return fxBrokenResult{d, bytes.Count(d, []byte("\n")) + 1}
		}, message: "not valid JSON here"},
		{name: "wrong version", make: func(t *testing.T) fxBrokenResult {
			return fxBrokenResult{fxReplace(t, good, `"version": 1,`, `"version": 2,`), 2}
		}, path: "/version", message: "format version 2; this annotator reads version 1"},
		{name: "missing field", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"exact": "yes we can",`, ``)
			// The problem is at the annotation's opening brace.
			return fxBrokenResult{d, fxLine(t, d, "", f.Annotations[4].ID) - 1}
		}, path: "/annotations/4", message: `an annotation has no "exact", which is required`},
		{name: "bad uuid", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, id0, "not-a-uuid")
			return fxBrokenResult{d, fxLine(t, d, "", "not-a-uuid")}
		}, path: "/annotations/0/id", message: `id "not-a-uuid" is not a UUID`},
		{name: "end past the text", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"end": 23,`, `"end": 9999,`)
			return fxBrokenResult{d, fxLine(t, d, "", `"end": 9999`)}
		}, path: "/annotations/0/end", message: fmt.Sprintf("end (9999) is past the end of the text (%d code points)", textLen)},
		{name: "start after end", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"start": 9,`, `"start": 30,`)
			return fxBrokenResult{d, fxLine(t, d, "", `"start": 30`)}
		}, path: "/annotations/0/start", message: "start (30) is not before end (23)"},
		{name: "negative start", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"start": 9,`, `"start": -1,`)
			return fxBrokenResult{d, fxLine(t, d, "", `"start": -1`)}
		}, path: "/annotations/0/start", message: "start is -1 but must not be negative"},
		{name: "start not a number", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"start": 9,`, `"start": "9",`)
			return fxBrokenResult{d, fxLine(t, d, "", `"start": "9"`)}
		}, path: "/annotations/0/start", message: "start should be an integer, not a string"},
		{name: "exact mismatch", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"exact": "yes we can"`, `"exact": "yes we did"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"exact": "yes we did"`)}
		}, path: "/annotations/4/exact", message: `exact is "yes we did" but the text from`},
		{name: "offsets in UTF-16", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"end": 23,`, `"end": 25,`)
			return fxBrokenResult{d, fxLine(t, d, "", `"exact": "Starmer`)}
		}, path: "/annotations/0/exact", message: "offsets look like UTF-16 code units"},
		{name: "unknown label", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"label": "pledge"`, `"label": "promise"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"label": "promise"`)}
		}, path: "/annotations/3/label", message: `label "promise" is not in the file's schema, which has claim, quote, pledge`},
		{name: "duplicate ids", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, id3, id0)
			return fxBrokenResult{d, fxLine(t, d, `"annotations"`, `"label": "pledge"`) - 1}
		}, path: "/annotations/3/id", message: fmt.Sprintf("id %q is already the id of /annotations/0 (line %d)", id0, fxLine(t, good, "", id0))},
		{name: "orphan with an annotation's id", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", id3)
			return fxBrokenResult{d, fxLine(t, d, `"orphans"`, id3)}
		}, path: "/orphans/0/id", message: "is already the id of /annotations/3"},
		{name: "bad hash", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, f.Document.TextSHA256, strings.Repeat("0", 64))
			return fxBrokenResult{d, fxLine(t, d, "", `"textSha256"`)}
		}, path: "/document/textSha256", message: "textSha256 is not the SHA-256 of the document's text"},
		{name: "hash not hex", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, f.Document.TextSHA256, "xyz")
			return fxBrokenResult{d, fxLine(t, d, "", `"textSha256"`)}
		}, path: "/document/textSha256", message: "not a SHA-256 hash written as 64 lower-case hexadecimal digits"},
		{name: "text edited", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `Sir Keir Starmer 🇬🇧 met Donald Trump in the White House on Thursday.\n\nThe`, `Sir Keir Starmer 🇬🇧 met Donald Trump in the White House on Friday.\n\nThe`)
			return fxBrokenResult{d, fxLine(t, d, "", `"textSha256"`)}
		}, path: "/document/textSha256", message: "the text or the hash was changed"},
		{name: "offset unit", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"offsetUnit": "codepoint"`, `"offsetUnit": "utf16"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"offsetUnit"`)}
		}, path: "/document/offsetUnit", message: `offsetUnit is "utf16" but must be "codepoint"`},
		{name: "bad colour", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"color": "#e69f00"`, `"color": "orange"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"color": "orange"`)}
		}, path: "/schema/labels/1/color", message: `colour "orange" is not written #rrggbb`},
		// A label's problem is at the field that has it, not at the label.
		{name: "two labels share a key", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"key": "q"`, `"key": "C"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"key": "C"`)}
		}, path: "/schema/labels/1/key", message: `the key "C" is already used by label 1`},
		{name: "two labels share a name", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"name": "pledge"`, `"name": "quote"`)
			return fxBrokenResult{d, fxLine(t, d, `"key": "q"`, `"name": "quote"`)}
		}, path: "/schema/labels/2/name", message: `the name is already used by label 2`},
		{name: "no labels", make: func(t *testing.T) fxBrokenResult {
			i := bytes.Index(good, []byte(`"labels": [`))
			j := bytes.Index(good, []byte(`"annotations": [`))
			d := append(append(append([]byte{}, good[:i]...), []byte("\"labels\": []\n  },\n  ")...), good[j:]...)
			return fxBrokenResult{d, fxLine(t, d, "", `"labels"`)}
		}, path: "/schema/labels", message: "the schema has no labels"},
		{name: "anchor not known", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"anchor": "exact"`, `"anchor": "nearby"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"anchor": "nearby"`)}
		}, path: "/annotations/0/anchor", message: `anchor is "nearby" but must be one of "exact", "context", "fuzzy", "orphan"`},
		{name: "bad time", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"created": "2025-02-27T09:30:10.000Z"`, `"created": "yesterday"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"created": "yesterday"`)}
		}, path: "/annotations/0/created", message: `created "yesterday" is not a date and time in RFC 3339 form`},
		{name: "modified before created", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"modified": "2025-02-27T09:30:10.000Z"`, `"modified": "2025-02-27T09:00:00.000Z"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"modified": "2025-02-27T09:00:00.000Z"`)}
		}, path: "/annotations/0/modified", message: "modified (2025-02-27T09:00:00.000Z) is before created (2025-02-27T09:30:10.000Z)"},
		{name: "unknown field", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"author": "ann",`, `"author": "ann", "lable": "claim",`)
			return fxBrokenResult{d, fxLine(t, d, "", `"lable"`)}
		}, path: "/annotations/0/lable", message: `unknown field "lable": an annotation takes only the fields the format names`},
		{name: "attribute value not a string", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"speaker": "Donald Trump"`, `"speaker": 45`)
			return fxBrokenResult{d, fxLine(t, d, "", `"speaker": 45`)}
		}, path: "/annotations/2/attributes/speaker", message: `attribute "speaker" should be a string, not an integer`},
		{name: "bad attribute name", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"speaker": "Donald Trump"`, `"Speaker": "Donald Trump"`)
			return fxBrokenResult{d, fxLine(t, d, "", `"Speaker"`)}
		}, path: "/annotations/2/attributes/Speaker", message: `"Speaker" is not a valid attribute name`},
		{name: "prefix disagrees", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"prefix": "Sir Keir ",`, `"prefix": "Mr Keir ",`)
			return fxBrokenResult{d, fxLine(t, d, "", `"prefix": "Mr Keir "`)}
		}, path: "/annotations/0/prefix", message: `prefix "Mr Keir " does not agree with the text before the span, "ir Keir "`, warning: true},
		{name: "suffix disagrees", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"suffix": " Donald Trump in the White House",`, `"suffix": " Donald Duck",`)
			return fxBrokenResult{d, fxLine(t, d, "", `"suffix": " Donald Duck"`)}
		}, path: "/annotations/0/suffix", message: `suffix " Donald Duck" does not agree with the text after the span, " Donald Trum"`, warning: true},
		{name: "attribute the label does not take", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"attributes": {},`, `"attributes": {"speaker": "Keir"},`)
			return fxBrokenResult{d, fxLine(t, d, "", `"speaker": "Keir"`)}
		}, path: "/annotations/0/attributes/speaker", message: `the label "claim" does not take the attribute "speaker"`, warning: true},
		{name: "same label and span twice", make: func(t *testing.T) fxBrokenResult {
			i := bytes.Index(good, []byte(`"annotations": [`)) + len(`"annotations": [`)
			j := bytes.Index(good[i:], []byte("\n    },")) + i + 7
			copy := bytes.Replace(good[i:j], []byte(id0), []byte("0195a1b2-c3d4-7e5f-8a9b-000000000001"), 1)
			d := append(append(append([]byte{}, good[:j]...), copy...), good[j:]...)
			return fxBrokenResult{d, fxLine(t, d, "", "0195a1b2-c3d4-7e5f-8a9b-000000000001") - 1}
		}, path: "/annotations/1", message: "this annotation has the same label (claim) and span (9 to 23) as /annotations/0"},
		{name: "not an object", make: func(t *testing.T) fxBrokenResult {
			return fxBrokenResult{[]byte("\n[1, 2]\n"), 2}
		}, path: "", message: "the file is an array, not a JSON object"},
		{name: "empty", make: func(t *testing.T) fxBrokenResult {
			return fxBrokenResult{[]byte(" \n"), 1}
		}, path: "", message: "the file is empty"},
		{name: "not UTF-8", make: func(t *testing.T) fxBrokenResult {
			d := fxReplace(t, good, `"author": "ann"`, "\"author\": \"an\xffn\"")
			return fxBrokenResult{d, fxLine(t, d, "", "\xff")}
		}, path: "", message: "not valid UTF-8 (byte 0xff)"},
		{name: "byte-order mark and a syntax error", make: func(t *testing.T) fxBrokenResult {
			d := append([]byte("\xef\xbb\xbf"), fxReplace(t, good, `"version": 1,`, `"version": 1`)...)
			return fxBrokenResult{d, 3}
		}, path: "", message: "not valid JSON"},
	}
}

func TestValidateBrokenFiles(t *testing.T) {
	tests := fxBrokenFiles(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.make(t)
			problems := Validate(r.data)
			if len(problems) == 0 {
				t.Fatal("Validate found no problem")
			}
			var found *Problem
			for i, p := range problems {
				if p.Path == tt.path && strings.Contains(p.Message, tt.message) {
					found = &problems[i]
					break
				}
			}
			if found == nil {
				t.Fatalf("no problem at %q saying %q; got:\n%s", tt.path, tt.message, fxProblems(problems))
			}
			if found.Line != r.line {
				t.Errorf("%v: line %d, want %d", found, found.Line, r.line)
			}
			if found.Warning != tt.warning {
				t.Errorf("%v: warning = %v, want %v", found, found.Warning, tt.warning)
			}
			if found.Column < 1 {
				t.Errorf("%v: column %d", found, found.Column)
			}
			for i := 1; i < len(problems); i++ {
				if a, b := problems[i-1], problems[i]; a.Line > b.Line || (a.Line == b.Line && a.Column > b.Column) {
					t.Errorf("problems out of order: %v before %v", a, b)
				}
			}
		})
	}
}

func fxProblems(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\t%v\n", p)
	}
	return b.String()
}

func TestValidateProblemString(t *testing.T) {
	good := fxExport(t)
	d := fxReplace(t, good, `"end": 23,`, `"end": 9999,`)
	problems := Validate(d)
	if len(problems) != 1 {
		t.Fatalf("want one problem, got:\n%s", fxProblems(problems))
	}
	line := fxLine(t, d, "", `"end": 9999`)
	var f File
	json.Unmarshal(good, &f)
	want := fmt.Sprintf("%d:14 /annotations/0/end: end (9999) is past the end of the text (%d code points)", line, RuneCount(f.Document.Text))
	if got := problems[0].String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	w := Problem{Line: 3, Column: 7, Path: "/x", Message: "m", Warning: true}
	if got := w.String(); got != "3:7 /x: warning: m" {
		t.Errorf("warning String() = %q", got)
	}
	if got := (Problem{Line: 1, Column: 1, Message: "the file is empty"}).String(); got != "1:1: the file is empty" {
		t.Errorf("root String() = %q", got)
	}
}

// TestValidateColumns checks columns count characters, not bytes.
func TestValidateColumns(t *testing.T) {
	data := []byte(`{"version": 1, "note": "🇬🇧é", "document": 5}`)
	problems := Validate(data)
	for _, p := range problems {
		if p.Path == "/document" {
			if want := strings.Index(string([]rune(string(data))), "5") + 1; p.Column != RuneCount(string(data[:bytes.IndexByte(data, '5')]))+1 {
				t.Errorf("%v: column %d, want %d", p, p.Column, want)
			}
			return
		}
	}
	t.Errorf("no problem at /document:\n%s", fxProblems(problems))
}

func TestValidateAccepts(t *testing.T) {
	good := fxExport(t)
	if p := Validate(good); p != nil {
		t.Errorf("export: %v", p)
	}
	if p := Validate(append([]byte("\xef\xbb\xbf"), good...)); p != nil {
		t.Errorf("export with a byte-order mark: %v", p)
	}
	// Unknown top-level fields are allowed; so are unknown meta fields.
	d := fxReplace(t, good, `"version": 1,`, `"version": 1, "x-pipeline": {"run": 7},`)
	d = fxReplace(t, d, `"lang": "en"`, `"lang": "en", "paywall": "none"`)
	if p := Validate(d); p != nil {
		t.Errorf("unknown fields: %v", p)
	}
	// Compact JSON, as another tool might write it.
	var v any
	json.Unmarshal(good, &v)
	compact, _ := json.Marshal(v)
	if p := Validate(compact); p != nil {
		t.Errorf("compact: %v", p)
	}
}

// TestValidateManyProblems checks that one file with many problems reports
// each of them once, in the order of the file.
func TestValidateManyProblems(t *testing.T) {
	good := fxExport(t)
	d := fxReplace(t, good, `"version": 1,`, `"version": 1, "x": 1,`)
	d = fxReplace(t, d, `"offsetUnit": "codepoint"`, `"offsetUnit": "byte"`)
	d = fxReplace(t, d, `"end": 23,`, `"end": 9999,`)
	d = fxReplace(t, d, `"label": "pledge"`, `"label": "promise"`)
	d = fxReplace(t, d, `"exact": "yes we can"`, `"exact": "yes we did"`)
	problems := Validate(d)
	want := []string{"/document/offsetUnit", "/annotations/0/end", "/annotations/3/label", "/annotations/4/exact"}
	var got []string
	for _, p := range problems {
		got = append(got, p.Path)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("problems at %v, want %v:\n%s", got, want, fxProblems(problems))
	}
}

// FuzzValidate checks that Validate gives sound problems in the order of
// the file, that Import agrees with it, and that every file Validate's
// fast path takes passes the JSON Schema too. When whole is false, data
// is the inside of the annotations list of a valid file (see fxAssemble):
// small inputs that reach every check, which the fuzzer minimises in
// moments; when it is true, data is the whole file (see
// fuzz_seeds_test.go).
func FuzzValidate(f *testing.F) {
	s := fxImportSeeds[0]
	quote := fxSeedAnnotation(s.exact, s.prefix, s.suffix, s.start, s.end)
	f.Add(false, quote)
	f.Add(false, bytes.Replace(quote, []byte(`"end":10,`), []byte(`"end":1e309,`), 1))
	f.Add(true, []byte(`{}`))
	f.Add(true, []byte(`{"version": 1, "document": {"text": "abc"}, "annotations": [{"start": 0, "end": 9}]}`))
	f.Add(true, fxTinyExport(f)[:200])
	f.Add(true, []byte("\xef\xbb\xbf[\"\xff\"]"))
	f.Fuzz(func(t *testing.T, whole bool, data []byte) {
		if !whole {
			data = fxAssemble(s.text, data, nil)
		}
		problems := Validate(data)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, p := range problems {
			if p.Line < 1 || p.Line > lines || p.Column < 1 || p.Message == "" {
				t.Fatalf("bad problem %#v in a file of %d lines", p, lines)
			}
			if p.Path != "" && p.Path[0] != '/' {
				t.Fatalf("bad path in %v", p)
			}
		}
		if !json.Valid(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))) && len(problems) == 0 {
			t.Fatal("invalid JSON passed")
		}
		for i := 1; i < len(problems); i++ {
			if a, b := problems[i-1], problems[i]; a.Line > b.Line || (a.Line == b.Line && a.Column > b.Column) {
				t.Fatalf("problems out of order: %v before %v", a, b)
			}
		}
		if plainJSON(data) != fxPlainJSONByteByByte(data) {
			t.Fatalf("plainJSON says %v", plainJSON(data))
		}
		if _, ok, plain := decodeFileInPlain(data); ok && plain != plainJSON(data) {
			t.Fatalf("decodeFileInPlain says the keys are plain: %v; plainJSON says %v", plain, plainJSON(data))
		}
		// The fast path finds clean only what the JSON Schema takes, and
		// whatever file it takes, it gives the slow path's problems.
		if taken, clean := quickTakes(data); taken {
			if clean {
				doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
				if err != nil {
					t.Fatalf("the fast path took a file that is not JSON: %v", err)
				}
				if err := fxSchema(t).Validate(doc); err != nil {
					t.Fatalf("the fast path found clean a file that the JSON Schema refuses: %v", err)
				}
			}
			fxSameProblems(t, "the fuzzed file", data)
		}
		// The annotator's JSON Schema checker finds what the library
		// finds.
		fxSameFaults(t, "the fuzzed file", data)
		// Import agrees: it refuses exactly the files with a problem
		// that is not a warning or a mendable one, with the same
		// problems (so Validate gives the same answer twice).
		fatal := false
		for _, p := range problems {
			fatal = fatal || p.fatal()
		}
		_, err := Import(data)
		if fatal && err == nil {
			t.Fatalf("Import took a file with problems:\n%s", fxProblems(problems))
		}
		if err != nil {
			ie, ok := err.(*ImportError)
			if !ok {
				t.Fatalf("Import error %T: %v", err, err)
			}
			if fatal && fmt.Sprint(ie.Problems) != fmt.Sprint(problems) {
				t.Fatalf("Import and Validate disagree:\n%s\n%s", fxProblems(ie.Problems), fxProblems(problems))
			}
		}
	})
}
