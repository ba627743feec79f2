// This file embeds the published JSON Schema of the native format and
// compiles it once; what it says about a key is read from it, so that the
// Go code and the schema cannot disagree.

package annotate

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// JSONSchemaV1 is the published JSON Schema (draft 2020-12) of the native
// JSON format, version 1.
//
//go:embed jsonschema/annotations-v1.schema.json
var JSONSchemaV1 []byte

// JSONSchemaV1ID is the $id of JSONSchemaV1.
const JSONSchemaV1ID = "https://raw.githubusercontent.com/newsannotator/annotator/main/annotate/jsonschema/annotations-v1.schema.json"

// jsonSchemaKeyPattern returns the pattern that JSONSchemaV1 gives a
// label's key.
func jsonSchemaKeyPattern() string {
	var s struct {
		Defs struct {
			Label struct {
				Properties struct {
					Key struct {
						Pattern string `json:"pattern"`
					} `json:"key"`
				} `json:"properties"`
			} `json:"label"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(JSONSchemaV1, &s); err != nil || s.Defs.Label.Properties.Key.Pattern == "" {
		panic("annotate: the embedded JSON Schema has no pattern for a label's key")
	}
	return s.Defs.Label.Properties.Key.Pattern
}

var (
	fileSchemaOnce sync.Once
	fileSchema     *jsonschema.Schema
	fileSchemaErr  error
)

// compiledSchemaV1 returns JSONSchemaV1 compiled, with formats asserted.
// It compiles it once.
func compiledSchemaV1() (*jsonschema.Schema, error) {
	fileSchemaOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchemaV1))
		if err != nil {
			fileSchemaErr = fmt.Errorf("reading the embedded JSON Schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		c.AssertFormat()
		if err := c.AddResource(JSONSchemaV1ID, doc); err != nil {
			fileSchemaErr = fmt.Errorf("adding the embedded JSON Schema: %w", err)
			return
		}
		fileSchema, fileSchemaErr = c.Compile(JSONSchemaV1ID)
	})
	return fileSchema, fileSchemaErr
}
