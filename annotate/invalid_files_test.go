package annotate

// testdata/invalid holds exports broken as people and other tools break
// them, each made from one real export of the sample article: the native
// validator (annotator validate) and the browser's must give the same
// problems on every one (wasm/e2e's TestBrowserValidatesAsCLI), and the
// JSON Schema checker must agree with the library on them
// (TestSchemaCheckAgreesWithLibrary).

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fxSampleExport returns an export of the app's sample article with a
// claim, a quote by Donald Trump and a pledge, at fixed times and with
// fixed ids.
func fxSampleExport(t testing.TB) []byte {
	t.Helper()
	name := filepath.Join("..", "app", "sample", "starmer-trump-white-house.txt")
	article, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Load(article, Source{Name: filepath.Base(name)})
	if err != nil {
		t.Fatal(err)
	}
	s := NewSet(d.Text(), DefaultSchema())
	s.SetClock(fxClock())
	fxAdd(t, s, "claim", "Sir Keir Starmer is in the White House for crunch talks with Donald Trump")
	q := fxAdd(t, s, "quote", "yes we can")
	if err := s.SetAttribute(q.ID, AttrSpeaker, "Donald Trump"); err != nil {
		t.Fatal(err)
	}
	p := fxAdd(t, s, "pledge", "increase defence spending to a 2.5% share of the economy from April 2027")
	if err := s.SetAttribute(p.ID, AttrParty, "Labour"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttribute(p.ID, AttrNote, "2.5% by 2027"); err != nil {
		t.Fatal(err)
	}
	data, err := NewFile(d, s, nil, time.Date(2025, 3, 1, 11, 0, 0, 0, time.UTC)).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return fxFixedIDs(data)
}

// fxInvalidFiles are the files of testdata/invalid: how each is made from
// the sample export, and a problem Validate must give on it.
var fxInvalidFiles = []struct {
	name    string
	make    func(t testing.TB, good []byte) []byte
	path    string // the problem's path
	message string // a part of its message
}{
	{"syntax-error", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good, fxEdit{`"label": "quote",`, `"label": "quote"`, 1})
	}, "", "a ',' or '}' should come after a field's value"},
	{"cut-short", func(t testing.TB, good []byte) []byte {
		return good[:bytes.Index(good, []byte(`"label": "pledge"`))]
	}, "", "the file ends before its JSON is complete"},
	{"not-an-export", func(t testing.TB, good []byte) []byte {
		return []byte("[\n  {\"label\": \"claim\", \"start\": 1, \"end\": 9}\n]\n")
	}, "", "the file is an array, not a JSON object"},
	{"version-2", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good, fxEdit{`"version": 1,`, `"version": 2,`, 1})
	}, "/version", "format version 2"},
	{"missing-fields", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good,
			fxEdit{`"exact": "yes we can",`, ``, 1},
			fxEdit{`"offsetUnit": "codepoint",`, ``, 1},
			fxEdit{`"key": "p",`, ``, 1})
	}, "/annotations/1", `an annotation has no "exact", which is required`},
	{"bad-uuids", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good,
			fxEdit{`"id": "0000000a-0000-7000-8000-000000000001"`, `"id": "1"`, 1},
			fxEdit{`"id": "0000000a-0000-7000-8000-000000000002"`, `"id": "0000000a-0000-7000-8000-00000000000g"`, 1})
	}, "/annotations/0/id", `id "1" is not a UUID`},
	{"offsets-past-text", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good, fxEdit{`"end": 1056,`, `"end": 9999,`, 1})
	}, "/annotations/0/end", "is past the end of the text"},
	{"offsets-shifted", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good, fxEdit{`"start": 2126,`, `"start": 2127,`, 1}, fxEdit{`"end": 2198,`, `"end": 2199,`, 1})
	}, "/annotations/2/exact", "but the text from"},
	{"unknown-label", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good, fxEdit{`"label": "pledge",`, `"label": "promise",`, 1})
	}, "/annotations/2/label", `label "promise" is not in the file's schema`},
	{"wrong-types", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good,
			fxEdit{`"start": 983,`, `"start": "983",`, 1},
			fxEdit{`"speaker": "Donald Trump"`, `"speaker": 45`, 1},
			fxEdit{`"attributes": [
          "party"
        ]`, `"attributes": "party"`, 1},
			fxEdit{`"anchor": "exact"`, `"anchor": null`, 1})
	}, "/annotations/1/attributes/speaker", `attribute "speaker" should be a string, not an integer`},
	{"duplicate-ids", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good, fxEdit{`"id": "0000000a-0000-7000-8000-000000000003"`, `"id": "0000000a-0000-7000-8000-000000000001"`, 1})
	}, "/annotations/2/id", "is already the id of /annotations/0"},
	{"misspelt-fields", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good,
			fxEdit{`"label": "quote",`, `"lable": "quote",`, 1},
			fxEdit{`"textSha256"`, `"textSHA256"`, 1})
	}, "/annotations/1/lable", `unknown field "lable"`},
	{"bad-times", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good,
			fxEdit{`"created": "2025-02-27T09:30:01.000Z"`, `"created": "yesterday"`, 1},
			fxEdit{`"modified": "2025-02-27T09:30:03.000Z"`, `"modified": "2025-02-27T09:00:00Z"`, 1},
			fxEdit{`"exported": "2025-03-01T11:00:00.000Z"`, `"exported": "2025-02-30T11:00:00+0100"`, 1})
	}, "/annotations/0/created", `created "yesterday" is not a date and time`},
	{"bad-schema", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good,
			fxEdit{`"color": "#e69f00"`, `"color": "orange"`, 1},
			fxEdit{`"key": "p"`, `"key": "pp"`, 1},
			fxEdit{`"key": "c"`, `"key": "Q"`, 1},
			fxEdit{`"name": "claim"`, `"name": "Claim"`, 1},
			fxEdit{`"speaker"
        ]`, `"speaker", "speaker", "Party"
        ]`, 1})
	}, "/schema/labels/1/color", `colour "orange" is not written #rrggbb`},
	{"text-edited", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good, fxEdit{`in Ukraine, and the pair`, `in Ukraine, and then the pair`, -1})
	}, "/document/textSha256", "the text or the hash was changed"},
	{"warnings-only", func(t testing.TB, good []byte) []byte {
		return fxApply(t, good,
			fxEdit{`President said “",`, `President says “",`, 1},
			fxEdit{`"attributes": {},`, `"attributes": {"speaker": "Keir Starmer"},`, 1})
	}, "/annotations/0/attributes/speaker", `the label "claim" does not take the attribute "speaker"`},
	{"not-utf8-with-bom", func(t testing.TB, good []byte) []byte {
		return append([]byte("\xef\xbb\xbf"), fxApply(t, good, fxEdit{`"source": "starmer-trump-white-house.txt"`, "\"source\": \"starmer-trump-white-house.txt \x96 copy\"", 1})...)
	}, "", "the file is not valid UTF-8 (byte 0x96)"},
	{"many-bad-ids", func(t testing.TB, good []byte) []byte {
		i := bytes.Index(good, []byte(`"annotations": [`)) + len(`"annotations": [`)
		j := bytes.Index(good[i:], []byte("\n    },")) + i + len("\n    },")
		var b bytes.Buffer
		b.Write(good[:j])
		for n := range 120 {
			b.Write(bytes.Replace(good[i:j], []byte("0000000a-0000-7000-8000-000000000001"), fmt.Appendf(nil, "bad-%d", n), 1))
		}
		b.Write(good[j:])
		return b.Bytes()
	}, "/annotations/1/id", `id "bad-0" is not a UUID`},
}

// TestInvalidFilesUpToDate checks that testdata/invalid holds the files
// fxInvalidFiles makes from today's export, and that Validate finds in
// each the problem it is there for. With ANNOTATOR_WRITE_INVALID=1 it
// writes them instead.
func TestInvalidFilesUpToDate(t *testing.T) {
	good := fxSampleExport(t)
	if p := Validate(good); p != nil {
		t.Fatalf("the sample export is not valid:\n%s", fxProblems(p))
	}
	dir := filepath.Join("..", "testdata", "invalid")
	write := os.Getenv("ANNOTATOR_WRITE_INVALID") == "1"
	names := map[string]bool{}
	for _, f := range fxInvalidFiles {
		data := f.make(t, bytes.Clone(good))
		path := filepath.Join(dir, f.name+".json")
		names[filepath.Base(path)] = true
		if write {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		} else if have, err := os.ReadFile(path); err != nil || !bytes.Equal(have, data) {
			t.Errorf("%s is not the file the test makes (%v): write them again with ANNOTATOR_WRITE_INVALID=1 go test -run TestInvalidFilesUpToDate ./annotate/", path, err)
		}
		problems := Validate(data)
		found := false
		for _, p := range problems {
			found = found || (p.Path == f.path && strings.Contains(p.Message, f.message))
		}
		if !found {
			t.Errorf("%s: no problem at %q saying %q:\n%s", f.name, f.path, f.message, fxProblems(problems))
		}
		errs, _ := CountProblems(problems)
		if (errs == 0) != (f.name == "warnings-only") {
			t.Errorf("%s: %d errors:\n%s", f.name, errs, fxProblems(problems))
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, file := range files {
		if !names[filepath.Base(file)] {
			t.Errorf("%s is not one of fxInvalidFiles", file)
		}
	}
}
