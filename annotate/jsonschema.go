// This file embeds the published JSON Schema of the native format, which
// schemacompile.go reads to check files; what it says about a key is read
// from it too, so that the Go code and the schema cannot disagree.

package annotate

import (
	_ "embed"
	"encoding/json"
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
