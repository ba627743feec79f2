package annotate

// The annotator's JSON Schema checker is held against the JSON Schema
// library it replaces (santhosh-tekuri/jsonschema v6, a dependency of the
// tests alone): on many bad files, both find the same faults, at the same
// places, of the same kinds, with the same data.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// fxLibFaults returns the leaves of the library's error tree for doc, one
// line each, sorted; a fault of propertyNames without its place, which
// the library does not keep (checkSchema leaves these to checkLabel). It
// reports false if the library panics, as v6.0.3 does on an array of
// more than 20 items, unique ones, with a number such as 1e99999999.
func fxLibFaults(t testing.TB, doc any) (faults []string, ok bool) {
	t.Helper()
	var err error
	func() {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		err, ok = fxSchema(t).Validate(doc), true
	}()
	if err == nil || !ok {
		return nil, ok
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("the library: %v", err)
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if k, ok := e.ErrorKind.(*kind.PropertyNames); ok {
			faults = append(faults, fmt.Sprintf("? propertyNames %q", k.Property))
			return
		}
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		faults = append(faults, jsonPointer(e.InstanceLocation)+" "+fxLibKind(e.ErrorKind))
	}
	walk(ve)
	slices.Sort(faults)
	return faults, true
}

func fxLibKind(k jsonschema.ErrorKind) string {
	switch k := k.(type) {
	case *kind.Type:
		return fmt.Sprintf("type %s %q", k.Got, k.Want)
	case *kind.Required:
		return fmt.Sprintf("required %q", k.Missing)
	case *kind.AdditionalProperties:
		return fmt.Sprintf("additionalProperties %q", slices.Sorted(slices.Values(k.Properties)))
	case *kind.Const:
		return fmt.Sprintf("const %T %#v %T %#v", k.Got, k.Got, k.Want, k.Want)
	case *kind.Enum:
		return fmt.Sprintf("enum %T %#v %T %#v", k.Got, k.Got, k.Want, k.Want)
	case *kind.Pattern:
		return fmt.Sprintf("pattern %q %q", k.Got, k.Want)
	case *kind.Format:
		return fmt.Sprintf("format %T %#v %q", k.Got, k.Got, k.Want)
	case *kind.MinLength:
		return fmt.Sprintf("minLength %d %d", k.Got, k.Want)
	case *kind.MinItems:
		return fmt.Sprintf("minItems %d %d", k.Got, k.Want)
	case *kind.MaxItems:
		return fmt.Sprintf("maxItems %d %d", k.Got, k.Want)
	case *kind.UniqueItems:
		return fmt.Sprintf("uniqueItems %d", k.Duplicates)
	case *kind.Minimum:
		return fmt.Sprintf("minimum %s %s", k.Got.RatString(), k.Want.RatString())
	}
	return fmt.Sprintf("unexpected %T %v", k, k)
}

// fxOurFaults returns the checker's faults for doc as fxLibFaults writes
// the library's.
func fxOurFaults(t testing.TB, doc any) (faults []string) {
	t.Helper()
	sch, err := schemaV1()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sch.check(doc) {
		var s string
		switch k := f.kind.(type) {
		case *faultPropertyNames:
			faults = append(faults, fmt.Sprintf("? propertyNames %q", k.Property))
			continue
		case *faultType:
			s = fmt.Sprintf("type %s %q", k.Got, k.Want)
		case *faultRequired:
			s = fmt.Sprintf("required %q", k.Missing)
		case *faultAdditionalProperties:
			s = fmt.Sprintf("additionalProperties %q", k.Properties)
		case *faultConst:
			s = fmt.Sprintf("const %T %#v %T %#v", k.Got, k.Got, k.Want, k.Want)
		case *faultEnum:
			s = fmt.Sprintf("enum %T %#v %T %#v", k.Got, k.Got, k.Want, k.Want)
		case *faultPattern:
			s = fmt.Sprintf("pattern %q %q", k.Got, k.Want)
		case *faultFormat:
			s = fmt.Sprintf("format %T %#v %q", k.Got, k.Got, k.Want)
		case *faultMinLength:
			s = fmt.Sprintf("minLength %d %d", k.Got, k.Want)
		case *faultMinItems:
			s = fmt.Sprintf("minItems %d %d", k.Got, k.Want)
		case *faultMaxItems:
			s = fmt.Sprintf("maxItems %d %d", k.Got, k.Want)
		case *faultUniqueItems:
			s = fmt.Sprintf("uniqueItems %d", k.Duplicates)
		case *faultMinimum:
			s = fmt.Sprintf("minimum %s %s", k.Got.RatString(), k.Want.RatString())
		default:
			s = fmt.Sprintf("unexpected %T %v", k, k)
		}
		faults = append(faults, jsonPointer(f.at)+" "+s)
	}
	slices.Sort(faults)
	return faults
}

// fxSameFaults fails unless the file reads the same way with the
// checker's reader and the library's, and, if it is JSON, the checker
// and the library find the same faults in it. It reports whether the
// file is JSON.
func fxSameFaults(t testing.TB, name string, data []byte) bool {
	t.Helper()
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	ours, err := decodeJSONValue(data)
	lib, libErr := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if (err == nil) != (libErr == nil) || !reflect.DeepEqual(ours, lib) {
		t.Fatalf("%s: the file reads as %#v (%v) here, as %#v (%v) in the library", name, ours, err, lib, libErr)
	}
	if err != nil {
		return false
	}
	got := fxOurFaults(t, ours)
	want, ok := fxLibFaults(t, lib)
	if !ok {
		t.Logf("%s: the library panics", name)
		return true
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%s: the checker finds\n\t%s\nthe library\n\t%s", name, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	return true
}

// fxMutationValues are the values fxMutations puts in place of another:
// every JSON type, and values some rule of the schema refuses.
var fxMutationValues = []any{
	nil, true, false, json.Number("-1"), json.Number("0"), json.Number("1"), json.Number("1.5"),
	json.Number("-0.0"), json.Number("2e0"), json.Number("1e400"), json.Number("-1e99999999"),
	"", "x", "Bad Name", "2025-04-01T+9:30:00Z", "0195A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B",
	[]any{}, []any{"a", "a"}, []any{json.Number("1"), json.Number("1.0")}, map[string]any{},
	map[string]any{"Bad": "x", "ok": json.Number("1")},
}

// fxMutation changes one value: to fxMutationValues[i], for i from 0;
// then, with i = len(fxMutationValues), leaves it out; with the next i,
// gives an object a field more, an array an item more, a string its
// text twice.
func fxMutation(i int, old any) (any, bool) {
	switch i - len(fxMutationValues) {
	case 0:
		return nil, false
	case 1:
		switch old := old.(type) {
		case map[string]any:
			m := maps.Clone(old)
			m["zz-extra"] = "x"
			return m, true
		case []any:
			if len(old) == 0 {
				return []any{"x"}, true
			}
			return append(slices.Clone(old), old[0]), true
		case string:
			return old + old, true
		}
		return old, true
	}
	return fxMutationValues[i], true
}

const fxMutationCount = 2 // beyond fxMutationValues

// fxMutations returns the files made from doc by each fxMutation at each
// place in it (the root is not left out).
func fxMutations(t testing.TB, doc any) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, path := range fxPaths(doc, nil) {
		for i := range len(fxMutationValues) + fxMutationCount {
			if len(path) == 0 && i == len(fxMutationValues) {
				continue
			}
			out[fmt.Sprintf("%s mutation %d", jsonPointer(path), i)] = fxMarshal(t, fxSetAt(doc, path, func(old any) (any, bool) { return fxMutation(i, old) }))
		}
	}
	return out
}

func fxMarshal(t testing.TB, doc any) []byte {
	t.Helper()
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fxPaths returns the path of every value in doc, doc's own first.
func fxPaths(doc any, at []string) [][]string {
	paths := [][]string{at}
	switch doc := doc.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(doc)) {
			paths = append(paths, fxPaths(doc[k], child(at, k))...)
		}
	case []any:
		for i, item := range doc {
			paths = append(paths, fxPaths(item, child(at, strconv.Itoa(i)))...)
		}
	}
	return paths
}

// fxSetAt returns a copy of doc with the value at path replaced by what
// set returns for it, or left out when set says false.
func fxSetAt(doc any, path []string, set func(old any) (any, bool)) any {
	if len(path) == 0 {
		v, _ := set(doc)
		return v
	}
	switch d := doc.(type) {
	case map[string]any:
		m := maps.Clone(d)
		if len(path) == 1 {
			if v, ok := set(m[path[0]]); ok {
				m[path[0]] = v
			} else {
				delete(m, path[0])
			}
			return m
		}
		m[path[0]] = fxSetAt(m[path[0]], path[1:], set)
		return m
	case []any:
		i, _ := strconv.Atoi(path[0])
		a := slices.Clone(d)
		if len(path) == 1 {
			if v, ok := set(a[i]); ok {
				a[i] = v
			} else {
				a = slices.Delete(a, i, i+1)
			}
			return a
		}
		a[i] = fxSetAt(a[i], path[1:], set)
		return a
	}
	return doc
}

// fxFuzzSeeds returns the files of FuzzValidate's checked-in seeds.
func fxFuzzSeeds(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzValidate", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds of FuzzValidate (%v)", err)
	}
	s := fxImportSeeds[0]
	out := map[string][]byte{}
	for _, file := range files {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for sc := bufio.NewScanner(f); sc.Scan(); {
			lines = append(lines, sc.Text())
		}
		f.Close()
		if len(lines) != 3 {
			t.Fatalf("%s: %d lines", file, len(lines))
		}
		whole := lines[1] == "bool(true)"
		raw, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[2], "[]byte("), ")"))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		data := []byte(raw)
		if !whole {
			data = fxAssemble(s.text, data, nil)
		}
		out[filepath.Base(file)] = data
	}
	return out
}

// TestSchemaCheckAgreesWithLibrary checks the checker against the library
// on the broken files of the other tests, the fuzzer's seeds, the bad
// files in testdata/invalid, and every one-value change of two exports.
func TestSchemaCheckAgreesWithLibrary(t *testing.T) {
	files := map[string][]byte{}
	for _, tt := range fxBrokenFiles(t) {
		files["broken: "+tt.name] = tt.make(t).data
	}
	good := fxFixedIDs(fxExport(t))
	for name, edits := range fxValueFaults {
		files["value faults: "+name] = fxApply(t, good, edits...)
	}
	for name, edits := range fxStructureFaults {
		files["structure faults: "+name] = fxApply(t, good, edits...)
	}
	for name, data := range fxFuzzSeeds(t) {
		files["seed: "+name] = data
	}
	invalid, _ := filepath.Glob(filepath.Join("..", "testdata", "invalid", "*.json"))
	for _, file := range invalid {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		files["invalid: "+filepath.Base(file)] = data
	}
	for _, tt := range fxDateTimes {
		files["date-time "+tt.s] = fxReplace(t, good, `"created": "2025-02-27T09:30:10.000Z"`, strconv.Quote(tt.s))
	}
	json := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if fxSameFaults(t, name, files[name]) {
			json++
		}
	}
	if json < len(files)*3/4 {
		t.Errorf("only %d of %d files are JSON", json, len(files))
	}

	// Every one-value change of a full export and of a tiny one, then
	// three at once, at random.
	docs := []any{fxDecode(t, good), fxDecode(t, fxTinyExport(t))}
	n := 0
	for _, doc := range docs {
		ms := fxMutations(t, doc)
		for _, name := range slices.Sorted(maps.Keys(ms)) {
			fxSameFaults(t, name, ms[name])
		}
		n += len(ms)
	}
	if n < 4000 {
		t.Errorf("only %d mutations", n)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		doc := docs[rng.IntN(len(docs))]
		var changes []string
		for range 3 {
			paths := fxPaths(doc, nil)
			path := paths[1+rng.IntN(len(paths)-1)]
			i := rng.IntN(len(fxMutationValues) + fxMutationCount)
			doc = fxSetAt(doc, path, func(old any) (any, bool) { return fxMutation(i, old) })
			changes = append(changes, fmt.Sprintf("%s mutation %d", jsonPointer(path), i))
		}
		fxSameFaults(t, strings.Join(changes, ", then "), fxMarshal(t, doc))
	}
}

func fxDecode(t testing.TB, data []byte) any {
	t.Helper()
	doc, err := decodeJSONValue(data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestCompileSchemaRefusesWhatItDoesNotKnow checks that the checker reads
// the published schema, and refuses a schema with a keyword it does not
// know, or a use of one it does not take, rather than skip the rule.
func TestCompileSchemaRefusesWhatItDoesNotKnow(t *testing.T) {
	if _, err := compileSchema(JSONSchemaV1); err != nil {
		t.Fatalf("the published schema: %v", err)
	}
	edit := func(old, new string) []byte {
		t.Helper()
		if !bytes.Contains(JSONSchemaV1, []byte(old)) {
			t.Fatalf("%q is not in the schema", old)
		}
		return bytes.Replace(JSONSchemaV1, []byte(old), []byte(new), 1)
	}
	for name, data := range map[string][]byte{
		"maxLength":             edit(`"minLength": 1,`, `"minLength": 1, "maxLength": 9,`),
		"oneOf":                 edit(`"type": "object",`, `"type": "object", "oneOf": [{}],`),
		"unevaluatedProperties": edit(`"additionalProperties": true,`, `"unevaluatedProperties": false,`),
		"$comment":              edit(`"title": "UUID",`, `"$comment": "x",`),
		"two types":             edit(`"type": "object",`, `"type": ["object", "null"],`),
		"another format":        edit(`"format": "date-time"`, `"format": "email"`),
		"a $ref elsewhere":      edit(`"$ref": "#/$defs/document"`, `"$ref": "other.json#/$defs/document"`),
		"a $ref to nothing":     edit(`"$ref": "#/$defs/document"`, `"$ref": "#/$defs/documents"`),
		"a $ref to itself":      edit(`"title": "UUID",`, `"$ref": "#/$defs/uuid",`),
		"$id inside":            edit(`"title": "UUID",`, `"$id": "uuid.json",`),
		"another draft":         edit(`draft/2020-12/schema`, `draft-07/schema#`),
		"a pattern Go refuses":  edit(`"pattern": "^[0-9a-f]{64}$"`, `"pattern": "^(?=x)"`),
		"a boolean schema":      edit(`"document": { "$ref": "#/$defs/document" }`, `"document": true`),
		"a negative count":      edit(`"minItems": 1`, `"minItems": -1`),
	} {
		if _, err := compileSchema(data); !errors.Is(err, ErrSchemaKeyword) {
			t.Errorf("%s: %v, want ErrSchemaKeyword", name, err)
		}
	}
}

// TestSchemaMessageWordsEveryFault checks that every fault the checker
// finds, but those checkSchema words itself, has words of its own.
func TestSchemaMessageWordsEveryFault(t *testing.T) {
	for _, k := range []faultKind{
		&faultType{Got: "number", Want: []string{"string"}}, &faultRequired{Missing: []string{"id"}},
		&faultConst{Got: "x", Want: "y"}, &faultEnum{Got: "x", Want: []any{"y"}}, &faultPattern{Got: "x", Want: "^y$"},
		&faultFormat{Got: "x", Want: "date-time"}, &faultMinLength{Want: 1}, &faultMinItems{Want: 1},
		&faultMaxItems{Got: 27, Want: 26}, &faultUniqueItems{Duplicates: [2]int{0, 1}}, &faultMinimum{},
	} {
		if msg := schemaMessage([]string{"annotations", "0", "x"}, k, "x"); strings.Contains(msg, "breaks the JSON Schema's rule") {
			t.Errorf("%T: %s", k, msg)
		}
	}
}

// TestFormatDateTimeAgreesWithLibrary checks the format "date-time"
// against the library's on the table of date-times and on every change
// of one character of some of them.
func TestFormatDateTimeAgreesWithLibrary(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("dt.json", map[string]any{"format": "date-time"}); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("dt.json")
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, tt := range fxDateTimes {
		all = append(all, tt.s)
	}
	for _, s := range []string{"2016-12-31T23:59:60Z", "2016-12-31T18:59:60-05:00", "2025-04-01T09:30:00.5+05:45", "2017-01-01T04:59:60+05:00"} {
		for i := range len(s) {
			for _, c := range "0123456789+-:.TtZz 5é" {
				all = append(all, s[:i]+string(c)+s[i+1:], s[:i]+string(c)+s[i:])
			}
			all = append(all, s[:i]+s[i+1:])
		}
	}
	for _, s := range all {
		if got, want := formatDateTime(s), sch.Validate(s) == nil; got != want {
			t.Errorf("%q: formatDateTime says %v, the library %v", s, got, want)
		}
	}
}

// TestValidateWhereLibraryPanicked checks a file on which the library
// panicked (and so Validate did, and the app with it): an attribute list
// of more than 20 names with a number that big.Rat cannot hold.
func TestValidateWhereLibraryPanicked(t *testing.T) {
	list := `1e99999999`
	for i := range 21 {
		list += fmt.Sprintf(`, "a%d"`, i)
	}
	data := fxApply(t, fxFixedIDs(fxExport(t)), fxEdit{`"speaker"`, list, 1})
	problems := Validate(data)
	if len(problems) != 1 || problems[0].Path != "/schema/labels/1/attributes/0" || problems[0].Message != "attributes item should be a string, not a number" {
		t.Errorf("got:\n%s", fxProblems(problems))
	}
}
