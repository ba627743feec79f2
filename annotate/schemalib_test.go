package annotate

// The JSON Schema library (santhosh-tekuri/jsonschema) is a dependency of
// the tests alone: they hold the annotator's own checker against it.

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var (
	libSchemaOnce sync.Once
	libSchema     *jsonschema.Schema
	libSchemaErr  error
)

// compiledSchemaV1 returns JSONSchemaV1 compiled by the library, with
// formats asserted. It compiles it once.
func compiledSchemaV1() (*jsonschema.Schema, error) {
	libSchemaOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchemaV1))
		if err != nil {
			libSchemaErr = fmt.Errorf("reading the embedded JSON Schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		c.AssertFormat()
		if err := c.AddResource(JSONSchemaV1ID, doc); err != nil {
			libSchemaErr = fmt.Errorf("adding the embedded JSON Schema: %w", err)
			return
		}
		libSchema, libSchemaErr = c.Compile(JSONSchemaV1ID)
	})
	return libSchema, libSchemaErr
}
