package annotate

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// slowProblems validates data by the slow path alone: the JSON Schema
// checker finds every problem it has with the file.
func slowProblems(data []byte) []Problem {
	v := newFileValidator(data)
	v.slowOnly = true
	v.run()
	return v.sorted()
}

// quickTakes reports whether the fast path takes data, and whether it
// found no problem with its values, which checkSchema would not report
// either: then the JSON Schema takes the file, if its attributes have
// valid names (their rule is left to checkLabel).
func quickTakes(data []byte) (taken, clean bool) {
	v := newFileValidator(data)
	if taken = v.quick(); !taken || len(v.problems) > 0 {
		return taken, false
	}
	for _, as := range [][]annotationIn{v.file.Annotations, v.file.Orphans} {
		for _, a := range as {
			for name := range a.Attributes {
				if !isLabelName(name) {
					return taken, false
				}
			}
		}
	}
	return taken, true
}

// fxSameProblems fails unless the fast path and the slow path give the
// same problems, field by field.
func fxSameProblems(t testing.TB, name string, data []byte) {
	t.Helper()
	fast, slow := Validate(data), slowProblems(data)
	if reflect.DeepEqual(fast, slow) {
		return
	}
	if len(fast) != len(slow) {
		t.Fatalf("%s: the fast path gives %d problems, the slow path %d:\n%s\n--\n%s", name, len(fast), len(slow), fxProblems(fast), fxProblems(slow))
	}
	for i := range fast {
		if !reflect.DeepEqual(fast[i], slow[i]) {
			t.Fatalf("%s: problem %d differs:\nfast %#v\nslow %#v", name, i, fast[i], slow[i])
		}
	}
}

// fxEdit is a change to the export: old replaced by new, n times (all
// when n < 0).
type fxEdit struct {
	old, new string
	n        int
}

func fxApply(t testing.TB, data []byte, edits ...fxEdit) []byte {
	t.Helper()
	for _, e := range edits {
		if !bytes.Contains(data, []byte(e.old)) {
			t.Fatalf("%q is not in the file (%d bytes)", e.old, len(data))
		}
		n := e.n
		if n == 0 {
			n = 1
		}
		data = bytes.Replace(data, []byte(e.old), []byte(e.new), n)
	}
	return data
}

// fxFixedIDs gives the annotations of an export, whose ids are new at
// each run, the ids 0000000a-0000-7000-8000-00000000000N, N from 1 in
// the order of the file.
func fxFixedIDs(data []byte) []byte {
	n := 0
	return fxAnnotationID.ReplaceAllFunc(data, func([]byte) []byte {
		n++
		return fmt.Appendf(nil, `"id": "0000000a-0000-7000-8000-%012d"`, n)
	})
}

var fxAnnotationID = regexp.MustCompile(`"id": "01[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"`)

// fxValueFaults are exports whose structure is right but whose values
// the JSON Schema refuses: each rule alone, then mixed, several in one
// annotation, in annotations and in orphans.
var fxValueFaults = map[string][]fxEdit{
	"bad id":             {{`"id": "0000000a-0000-7000-8000-000000000001"`, `"id": "x000000a-0000-7000-8000-000000000001"`, 1}},
	"every id bad":       {{`"id": "0000000a-`, `"id": "bad-`, -1}},
	"empty id":           {{`"id": "0000000a-0000-7000-8000-000000000001"`, `"id": ""`, 1}},
	"long id":            {{`"id": "0000000a-0000-7000-8000-000000000001"`, `"id": "` + strings.Repeat("é", 50) + `"`, 1}},
	"duplicate bad ids":  {{`"id": "0000000a-0000-7000-8000-000000000001"`, `"id": "same"`, 1}, {`"id": "0000000a-0000-7000-8000-000000000002"`, `"id": "same"`, 1}, {`"id": "0000000a-0000-7000-8000-000000000003"`, `"id": "SAME"`, 1}},
	"bad label":          {{`"label": "claim"`, `"label": "Claim"`, 1}},
	"bad labels":         {{`"label": "claim"`, `"label": "9claim"`, -1}},
	"empty label":        {{`"label": "quote"`, `"label": ""`, 1}},
	"negative start":     {{`"start": 9,`, `"start": -9,`, 1}},
	"negative end":       {{`"end": 23,`, `"end": -2.30e1,`, 1}},
	"negative both":      {{`"start": 89,`, `"start": -89,`, 1}, {`"end": 136,`, `"end": -1e2,`, 1}},
	"minus zero":         {{`"start": 9,`, `"start": -0,`, 1}, {`"id": "0000000a-0000-7000-8000-000000000001"`, `"id": "0000000a-0000-7000-8000-000000000001-"`, 1}},
	"empty exact":        {{`"exact": "yes we can"`, `"exact": ""`, 1}},
	"empty exacts":       {{`"exact": "café owner"`, `"exact": ""`, 1}, {`"exact": "lost words"`, `"exact": ""`, 1}},
	"bad created":        {{`"created": "2025-02-27T09:30:10.000Z"`, `"created": "2025-02-27T09:30:10.000+0100"`, 1}},
	"impossible date":    {{`"created": "2025-02-27T09:30:10.000Z"`, `"created": "2025-02-30T09:30:10.000Z"`, 1}},
	"bad modified":       {{`"modified": "2025-02-27T09:30:06.000Z"`, `"modified": "yesterday"`, 1}},
	"empty modified":     {{`"modified": "2025-02-27T09:30:06.000Z"`, `"modified": ""`, 1}},
	"long bad time":      {{`"modified": "2025-02-27T09:30:06.000Z"`, `"modified": "2025-02-27T09:30:06.000Z and then some more words to be long"`, 1}},
	"bad exported":       {{`"exported": "2025-03-01T11:00:00.123Z"`, `"exported": "2025-03-01"`, 1}},
	"leap second":        {{`"exported": "2025-03-01T11:00:00.123Z"`, `"exported": "2016-12-31T23:59:60Z"`, 1}, {`"exact": "yes we can"`, `"exact": ""`, 1}},
	"bad leap second":    {{`"exported": "2025-03-01T11:00:00.123Z"`, `"exported": "2016-12-31T23:58:60Z"`, 1}},
	"bad anchor":         {{`"anchor": "exact"`, `"anchor": "near"`, 1}},
	"empty anchor":       {{`"anchor": "orphan"`, `"anchor": ""`, 1}},
	"bad attribute name": {{`"attributes": {},`, `"attributes": {"Bad": "x", "9": "y", "speaker": "me"},`, 1}},
	"bad label name":     {{`"name": "claim"`, `"name": "Claim"`, 1}},
	"empty label name":   {{`"name": "quote"`, `"name": ""`, 1}},
	"bad colour":         {{`"color": "#e69f00"`, `"color": "#e69f0"`, 1}},
	"empty colour":       {{`"color": "#e69f00"`, `"color": ""`, 1}},
	"bad key":            {{`"key": "q"`, `"key": "qq"`, 1}},
	"empty key":          {{`"key": "q"`, `"key": ""`, 1}},
	"emoji key":          {{`"key": "q"`, `"key": "🇬🇧x"`, 1}},
	"bad attribute":      {{`"speaker"`, `"Speaker"`, 1}},
	"duplicate attrs":    {{`"speaker"`, `"party", "x", "party", "x", "speaker"`, 1}},
	"duplicate bad attr": {{`"speaker"`, `"Party", "Party", "speaker"`, 1}},
	"no labels":          {{"]\n  },\n  \"annotations\"", "], \"labels\": []\n  },\n  \"annotations\"", 1}},
	"bad offset unit":    {{`"offsetUnit": "codepoint"`, `"offsetUnit": "utf16"`, 1}},
	"empty offset unit":  {{`"offsetUnit": "codepoint"`, `"offsetUnit": ""`, 1}},
	"bad hash":           {{`"textSha256": "`, `"textSha256": "A`, 1}},
	"empty hash":         {{`"textSha256": "f48a55d9c441a35fdf5c8a0b22f2029d0daf872430e8a2526c55e5337a979530"`, `"textSha256": ""`, 1}},
	"several in one": {
		{`"id": "0000000a-0000-7000-8000-000000000003"`, `"id": "nope"`, 1},
		{`"label": "quote"`, `"label": "Quote"`, 1},
		{`"start": 119,`, `"start": -119,`, 1},
		{`"end": 136,`, `"end": -136,`, 1},
		{`"exact": "“pretty balanced”"`, `"exact": ""`, 1},
		{`"created": "2025-02-27T09:30:02.000Z"`, `"created": "2025-02-27 09:30:02"`, 1},
		{`"modified": "2025-02-27T09:30:03.000Z"`, `"modified": "2025-13-27T09:30:03.000Z"`, 1},
		{`"speaker": "Donald Trump"`, `"Speaker": "Donald Trump"`, 1},
	},
	"orphan faults": {
		{`"id": "0000000a-0000-7000-8000-000000000008"`, `"id": "0195a1b2"`, 1},
		{`"start": 900,`, `"start": -900,`, 1},
		{`"exact": "lost words"`, `"exact": ""`, 1},
		{`"anchor": "orphan"`, `"anchor": "lost"`, 1},
		{`"label": "claim",
      "start": -900`, `"label": "Claim!",
      "start": -900`, 1},
	},
	"mixed": {
		{`"exported": "2025-03-01T11:00:00.123Z"`, `"exported": "now"`, 1},
		{`"textSha256": "`, `"textSha256": "A`, 1},
		{`"offsetUnit": "codepoint"`, `"offsetUnit": "byte"`, 1},
		{`"color": "#0072b2"`, `"color": "blue"`, 1},
		{`"key": "p"`, `"key": "pp"`, 1},
		{`"id": "0000000a-0000-7000-8000-000000000004"`, `"id": "0000000a-0000-7000-8000-000000000004z"`, 1},
		{`"anchor": "exact"`, `"anchor": "Exact"`, -1},
		{`"start": 259,`, `"start": -1,`, 1},
		{`"modified": "2025-02-27T09:30:09.000Z"`, `"modified": "2025-02-27T09:30:08.000Z"`, 1},
		{`"id": "0000000a-0000-7000-8000-000000000007"`, `"id": "0000000a-0000-7000-8000-000000000006"`, 1},
	},
	"semantic problems too": {
		{`"start": 9,`, `"start": 10,`, 1},
		{`"id": "0000000a-0000-7000-8000-000000000007"`, `"id": "0000000A-0000-7000-8000-000000000006"`, 1},
		{`"label": "claim"`, `"label": "opinion"`, 1},
		{`"label": "claim"`, `"label": "Opinion"`, 1},
		{`"modified": "2025-02-27T09:30:07.000Z"`, `"modified": "2025-02-26T09:30:07.000Z"`, 1},
	},
	"compact":         {{"\n", "", -1}, {`"id": "0000000a-0000-`, `"id": "0000000a-0000-x`, -1}},
	"byte-order mark": {{`{`, "\ufeff{", 1}, {`"exact": "yes we can"`, `"exact": ""`, 1}},
}

// fxStructureFaults are exports that the fast path must leave to the
// JSON Schema checker: their structure is wrong, or in doubt.
var fxStructureFaults = map[string][]fxEdit{
	"extra top field":   {{`"version": 1,`, `"version": 1, "x-run": 7,`, 1}},
	"extra meta field":  {{`"lang": "en"`, `"lang": "en", "paywall": "none"`, 1}},
	"null":              {{`"lang": "en"`, `"lang": null`, 1}},
	"null author":       {{`"author": "ann",`, `"author": null,`, 1}},
	"no author":         {{`"author": "ann",`, ``, 1}},
	"no prefix":         {{`"prefix": "Sir Keir ",`, ``, 1}},
	"no attributes":     {{`"attributes": {},`, ``, 1}},
	"attribute number":  {{`"attributes": {},`, `"attributes": {"note": 5},`, 1}},
	"string start":      {{`"start": 9,`, `"start": "9",`, 1}},
	"fraction":          {{`"start": 9,`, `"start": 9.5,`, 1}},
	"negative fraction": {{`"start": 9,`, `"start": -9.5,`, 1}},
	"huge":              {{`"start": 9,`, `"start": 1e309,`, 1}},
	"twice":             {{`"start": 9,`, `"start": 9, "start": "x",`, 1}},
	"folded key":        {{`"start": 9,`, `"Start": 9,`, 1}},
	"long s":            {{`"start": 9,`, `"ſtart": 9,`, 1}},
	"escaped key":       {{`"start": 9,`, `"st\u0061rt": 9,`, 1}},
	"dup case id":       {{`"label": "pledge",`, `"label": "pledge", "id": "0000000a-0000-7000-8000-000000000009", "ID": "x",`, 1}},
	"no exact":          {{`"exact": "yes we can",`, ``, 1}},
	"no key":            {{`"key": "q",`, `"key": "q", "x": 1,`, 1}},
	"no hash":           {{`"textSha256": "f48a55d9c441a35fdf5c8a0b22f2029d0daf872430e8a2526c55e5337a979530",`, ``, 1}},
	"no url":            {{`"url": "https://example.com/news/1",`, ``, 1}},
	"generator number":  {{`"generator": "github.com/newsannotator/annotator",`, `"generator": 7,`, 1}},
	"version 2":         {{`"version": 1,`, `"version": 2,`, 1}},
	"labels not array":  {{`"labels": [`, `"labels": 5, "x": [`, 1}},
}

// TestQuickAgreesWithSlow checks that the fast path takes an export as it
// is written, and the exports with faults in their values, and that it
// gives the problems the slow path gives, field by field; and that it
// never takes a file whose structure is wrong.
func TestQuickAgreesWithSlow(t *testing.T) {
	good := fxFixedIDs(fxExport(t))
	if taken, clean := quickTakes(good); !taken || !clean {
		t.Fatal("the fast path does not take an export as it is written")
	}
	fxSameProblems(t, "the export", good)
	for name, edits := range fxValueFaults {
		data := fxApply(t, good, edits...)
		if taken, clean := quickTakes(data); !taken || clean {
			t.Errorf("%s: the fast path took it %v, found it clean %v", name, taken, clean)
		}
		fxSameProblems(t, name, data)
	}
	sch := fxSchema(t)
	for name, edits := range fxStructureFaults {
		data := fxApply(t, good, edits...)
		if taken, _ := quickTakes(data); taken {
			t.Errorf("%s: the fast path took a file whose structure is wrong", name)
		}
		fxSameProblems(t, name, data)
	}
	// Whatever the fast path finds clean, the JSON Schema takes.
	for name, edits := range fxValueFaults {
		data := fxApply(t, good, edits...)
		if _, clean := quickTakes(data); clean {
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(doc); err != nil {
				t.Errorf("%s: the fast path found clean a file the JSON Schema refuses: %v", name, err)
			}
		}
	}
}

// TestQuickAgreesWithSlowManyFaults checks the two paths on files with
// more problems than are listed: 20,000 bad ids on one line, and ids,
// labels and times bad across many annotations and orphans.
func TestQuickAgreesWithSlowManyFaults(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	data := fxBadIDs(t, 20_000)
	if taken, _ := quickTakes(data); !taken {
		t.Fatal("the fast path does not take the file of bad ids")
	}
	fxSameProblems(t, "20,000 bad ids", data)

	good := fxFixedIDs(fxExport(t))
	var b strings.Builder
	for i := range 300 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "%08d-0000-7000-8000-000000000000", "label": "claim", "start": %d, "end": 10, "exact": "%s", "prefix": "", "suffix": "", "attributes": {%s}, "author": "", "created": "2025-02-27T09:30:0%dZ", "modified": "2025-02-27T09:30:00Z", "anchor": "%s"}`,
			i, []int{0, -1, 3}[i%3], []string{"x", "", "Sir Keir S"}[i%3], []string{``, `"Bad": "1"`, `"note": "n"`}[i%2], i%10, []string{"exact", "orphan", "near"}[i%3])
	}
	b.WriteString(`,`)
	list := b.String()
	for name, edits := range map[string][]fxEdit{
		"many annotations": {{`"annotations": [`, `"annotations": [` + list, 1}},
		"many orphans":     {{`"orphans": [`, `"orphans": [` + list, 1}},
	} {
		data := fxApply(t, good, edits...)
		if taken, _ := quickTakes(data); !taken {
			t.Fatalf("%s: the fast path does not take it", name)
		}
		fxSameProblems(t, name, data)
	}
}

// fxPlainJSONByteByByte is plainJSON as it was first written, a byte at
// a time: FuzzValidate checks that plainJSON agrees with it.
func fxPlainJSONByteByByte(data []byte) bool {
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			start, plain := i+1, true
			for i++; i < len(data) && data[i] != '"'; i++ {
				if data[i] == '\\' {
					i++
					plain = false
				} else if data[i] >= 0x80 {
					plain = false
				}
			}
			j := i + 1
			for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n') {
				j++
			}
			if j < len(data) && data[j] == ':' && !plainKey(data[start:min(i, len(data))], plain) {
				return false
			}
		case 'n':
			return false
		}
	}
	return true
}
