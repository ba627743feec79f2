package annotate

import (
	"bytes"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestQuickAgreesWithSchema checks that the fast path takes an export as
// it is written, and never takes a file that the JSON Schema refuses.
func TestQuickAgreesWithSchema(t *testing.T) {
	good := fxExport(t)
	if !newFileValidator(good).quick() {
		t.Fatal("the fast path does not take an export as it is written")
	}
	edits := [][2]string{
		{`"version": 1,`, `"version": 1, "x-run": 7,`}, // allowed, but not by the fast path
		{`"lang": "en"`, `"lang": "en", "paywall": "none"`},
		{`"lang": "en"`, `"lang": null`},
		{`"author": "ann",`, `"author": null,`},
		{`"author": "ann",`, ``},
		{`"prefix": "Sir Keir ",`, ``},
		{`"attributes": {},`, ``},
		{`"attributes": {},`, `"attributes": {"Bad": "x"},`},
		{`"attributes": {},`, `"attributes": {"note": 5},`},
		{`"start": 9,`, `"start": "9",`},
		{`"start": 9,`, `"start": -9,`},
		{`"start": 9,`, `"start": 9.5,`},
		{`"start": 9,`, `"start": 9, "start": "x",`},
		{`"start": 9,`, `"Start": 9,`}, // encoding/json matches it to start
		{`"label": "claim",`, `"LABEL": "claim",`},
		{`"start": 9,`, `"ſtart": 9,`}, // a long s folds to s
		{`"start": 9,`, `"st\u0061rt": 9,`},
		{`"version": 1,`, `"Version": 1,`},
		{`"anchor": "exact"`, `"anchor": "near"`},
		{`"exact": "yes we can",`, `"exact": "",`},
		{`"created": "2025-02-27T09:30:10.000Z"`, `"created": "2025-02-27T09:30:10.000+0100"`},
		{`"key": "q"`, `"key": "qq"`},
		{`"key": "q"`, `"key": ""`},
		{`"color": "#e69f00"`, `"color": "#e69f0"`},
		{`"attributes": [`, `"attributes": ["party", `},
		{`"offsetUnit": "codepoint"`, `"offsetUnit": "utf16"`},
		{`"textSha256": "`, `"textSha256": "A`},
		{`"url": "https://example.com/news/1",`, ``},
		{`"exported": "2025-03-01T11:00:00.123Z",`, `"exported": "2025-03-01",`},
		{`"generator": "github.com/newsannotator/annotator",`, `"generator": 7,`},
	}
	sch := fxSchema(t)
	for _, e := range edits {
		data := fxReplace(t, good, e[0], e[1])
		if !newFileValidator(data).quick() {
			continue
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%s: the fast path took a file the JSON Schema refuses: %v", e[1], err)
		}
	}
}
