package annotate

// The fuzz targets' seeds are small. The fuzzer minimises every input that
// finds new code before it goes on, and minimising tries removing every
// stretch of the input: a number of runs that grows with the square of its
// size, cut off after a minute. The 6 KB seeds kept FuzzImport minimising
// instead of running (0 executions a second); a seed of a few hundred
// bytes holds the same kinds of character and annotation.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
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

// TestFuzzSeedsAreSmall checks that every checked-in seed of FuzzValidate
// and FuzzImport is small enough to fuzz from.
func TestFuzzSeedsAreSmall(t *testing.T) {
	if n := len(fxTinyExport(t)); n > 1024 {
		t.Errorf("the tiny export is %d bytes", n)
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
	tiny := fxTinyExport(t)
	var f map[string]any
	json.Unmarshal(tiny, &f)
	f["document"].(map[string]any)["html"] = ""
	noHTML, _ := json.Marshal(f)
	seeds := map[string][]byte{
		"FuzzImport/export":        tiny,
		"FuzzImport/no-html":       noHTML,
		"FuzzImport/utf16-offsets": bytes.Replace(tiny, []byte(`"start":6,"end":11,`), []byte(`"start":8,"end":13,`), 1),
		// Found by FuzzImport: Import took a file whose modified is
		// before its created and exported it so.
		"FuzzImport/modified-before-created": bytes.Replace(tiny, []byte(`"modified":"2025-02-27T09:30:02.000Z"`), []byte(`"modified":"0000-01-01T00:00:00Z"`), 1),
		"FuzzValidate/export":                tiny,
		"FuzzValidate/end-past-text":         bytes.Replace(tiny, []byte(`"end":11,`), []byte(`"end":9999,`), 1),
		"FuzzValidate/missing-comma":         bytes.Replace(tiny, []byte(`"version":1,`), []byte(`"version":1`), 1),
	}
	for name, data := range seeds {
		if bytes.Equal(data, tiny) && name != "FuzzImport/export" && name != "FuzzValidate/export" {
			t.Fatalf("%s: the replacement did not apply", name)
		}
		out := fmt.Sprintf("go test fuzz v1\n[]byte(%s)\n", strconv.Quote(string(data)))
		if err := os.WriteFile(filepath.Join("testdata", "fuzz", name), []byte(out), 0o644); err != nil {
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
