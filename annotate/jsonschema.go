package annotate

import (
	"bytes"
	_ "embed"
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
