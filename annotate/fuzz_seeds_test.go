package annotate

// The fuzz targets' seeds are small. The fuzzer minimises every input that
// finds new code before it goes on, and minimising tries removing every
// stretch of the input: a number of runs that grows with the square of its
// size, cut off after a minute. The 6 KB seeds kept FuzzImport minimising
// instead of running (0 executions a second); a seed of a few hundred
// bytes holds the same kinds of character and annotation.

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// fxTinyExport returns a valid export of about 600 bytes, without
// indentation: a short article with an accent, an emoji flag and curly
// quotes, a one-label schema, and one quote with a speaker.
func fxTinyExport(t testing.TB) []byte {
	t.Helper()
	d := fxDoc(t, "Ké 🇬🇧 “yes”.")
	d.ID, d.Title, d.URL, d.Meta = "", "", "", Meta{}
	schema := Schema{Labels: []Label{{Name: "quote", Color: "#e69f00", Key: "q", Attributes: []string{AttrSpeaker}}}}
	s := NewSet(d.Text(), schema)
	s.SetClock(fxClock())
	q := fxAdd(t, s, "quote", "“yes”")
	if err := s.SetAttribute(q.ID, AttrSpeaker, "K"); err != nil {
		t.Fatal(err)
	}
	f := NewFile(d, s, nil, fxExported)
	f.Generator = ""
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fxAssemble returns a file of the text with one quote, then more (raw
// JSON, such as `,{...}` for another annotation), with the text's true
// hash and a schema of one label, quote.
func fxAssemble(text string, quote, more []byte) []byte {
	sum := sha256.Sum256([]byte(text))
	t, _ := json.Marshal(text)
	return fmt.Appendf(nil, `{"version":1,"document":{"id":"","title":"","url":"","html":"","text":%s,"textSha256":"%x","offsetUnit":"codepoint","meta":{}},"schema":{"labels":[{"name":"quote","color":"#e69f00","key":"q","attributes":["speaker"]}]},"annotations":[%s%s]}`,
		t, sum, quote, more)
}

// fxSeedAnnotation returns the JSON of a quote with a speaker.
func fxSeedAnnotation(exact, prefix, suffix string, start, end int) []byte {
	data, _ := json.Marshal(map[string]any{
		"id": "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "label": "quote", "start": start, "end": end,
		"exact": exact, "prefix": prefix, "suffix": suffix, "attributes": map[string]string{"speaker": "K"},
		"author": "", "created": "2025-02-27T09:30:01Z", "modified": "2025-02-27T09:30:02Z", "anchor": "exact",
	})
	return data
}

// fxImportSeeds are FuzzImport's seeds.
var fxImportSeeds = []struct {
	name, text, exact, prefix, suffix string
	start, end                        int
	more                              string
}{
	{"export", "é 🇬🇧 “yes”.", "“yes”", "é 🇬🇧 ", ".", 5, 10, ""},
	// The offsets a tool counting UTF-16 units wrote.
	{"utf16-offsets", "é 🇬🇧 “yes”.", "“yes”", "é 🇬🇧 ", ".", 7, 12, ""},
	// The text gained a line: the quote is found by its context.
	{"moved", "New:\né 🇬🇧 “yes”.", "“yes”", "é 🇬🇧 ", ".", 5, 10, ""},
	// A lookalike: the quote is there twice, without context.
	{"twice", "yes, yes", "yes", "", "", 0, 3, ""},
	// The same label and span under another id, so it is kept as an
	// orphan, and modified before created: FuzzImport found that Import
	// took such a file and exported it so, which Validate refuses.
	{"duplicate", "yes", "yes", "", "", 0, 3, `,{"id":"0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c","label":"quote","start":0,"end":3,"exact":"yes","prefix":"","suffix":"","attributes":{},"author":"","created":"2025-02-27T09:30:01Z","modified":"0000-01-01T00:00:00Z","anchor":"exact"}`},
	{"empty", "", "x", "", "", 0, 1, ""},
}

// TestFuzzSeedsAreSmall checks that every checked-in seed of FuzzValidate
// and FuzzImport is small enough to fuzz from.
func TestFuzzSeedsAreSmall(t *testing.T) {
	if n := len(fxTinyExport(t)); n > 1024 {
		t.Errorf("the tiny export is %d bytes", n)
	}
	// FuzzImport starts from a valid file.
	s := fxImportSeeds[0]
	if p := Validate(fxAssemble(s.text, fxSeedAnnotation(s.exact, s.prefix, s.suffix, s.start, s.end), nil)); p != nil {
		t.Errorf("FuzzImport's first seed is not valid:\n%s", fxProblems(p))
	}
	for _, name := range []string{"FuzzValidate", "FuzzImport"} {
		files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", name, "*"))
		for _, file := range files {
			if fi, err := os.Stat(file); err != nil || fi.Size() > 1024 {
				t.Errorf("%s: %v bytes (%v); seeds must be at most 1 KB", file, fi.Size(), err)
			}
		}
	}
}

// TestWriteFuzzSeeds writes the seeds again from fxTinyExport when
// ANNOTATOR_WRITE_SEEDS=1.
func TestWriteFuzzSeeds(t *testing.T) {
	if os.Getenv("ANNOTATOR_WRITE_SEEDS") != "1" {
		t.Skip("set ANNOTATOR_WRITE_SEEDS=1 to write the fuzz seeds")
	}
	quote := fxSeedAnnotation("“yes”", "é 🇬🇧 ", ".", 5, 10)
	seeds := map[string]struct {
		whole bool
		data  []byte
	}{
		"FuzzValidate/export":        {false, quote},
		"FuzzValidate/end-past-text": {false, bytes.Replace(quote, []byte(`"end":10,`), []byte(`"end":9999,`), 1)},
		"FuzzValidate/missing-comma": {false, bytes.Replace(quote, []byte(`"end":10,`), []byte(`"end":10`), 1)},
	}
	for name, s := range seeds {
		if !s.whole && bytes.Equal(s.data, quote) && name != "FuzzValidate/export" {
			t.Fatalf("%s: the replacement did not apply", name)
		}
		out := fmt.Sprintf("go test fuzz v1\nbool(%v)\n[]byte(%q)\n", s.whole, s.data)
		if err := os.WriteFile(filepath.Join("testdata", "fuzz", name), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range fxImportSeeds {
		out := fmt.Sprintf("go test fuzz v1\nstring(%q)\nstring(%q)\nstring(%q)\nstring(%q)\nint(%d)\nint(%d)\n[]byte(%q)\n",
			s.text, s.exact, s.prefix, s.suffix, s.start, s.end, s.more)
		if err := os.WriteFile(filepath.Join("testdata", "fuzz", "FuzzImport", s.name), []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fxSchema returns JSONSchemaV1, compiled.
func fxSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	sch, err := compiledSchemaV1()
	if err != nil {
		t.Fatal(err)
	}
	return sch
}
