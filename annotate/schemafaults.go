// This file names the faults the JSON Schema finds in a file, one type a
// rule, each with what schemaMessage needs to word it. They carry the
// data that the JSON Schema library's error kinds carry (santhosh-tekuri/
// jsonschema, which the tests hold them against), so that the browser
// need not link the library to say the same things.

package annotate

import "math/big"

// schemaFault is one rule of the JSON Schema that a value breaks.
type schemaFault struct {
	at   []string // where the value is: its JSON Pointer's reference tokens
	kind faultKind
}

// faultKind is the rule broken, and how.
type faultKind interface {
	// keyword is the JSON Schema keyword of the rule.
	keyword() string
}

// faultType: the value is of another JSON type. Got is the value's type
// as JSON Schema names it ("number" for every number).
type faultType struct {
	Got  string
	Want []string
}

// faultRequired: an object lacks fields, in the order the schema lists
// them.
type faultRequired struct{ Missing []string }

// faultAdditionalProperties: an object has fields its schema does not
// name, sorted.
type faultAdditionalProperties struct{ Properties []string }

// faultPropertyNames: an object has a field whose name breaks the rule
// for names.
type faultPropertyNames struct{ Property string }

// faultConst: the value is not the one value allowed.
type faultConst struct{ Got, Want any }

// faultEnum: the value is none of the values allowed.
type faultEnum struct {
	Got  any
	Want []any
}

// faultPattern: a string does not match the pattern Want.
type faultPattern struct{ Got, Want string }

// faultFormat: a string is not of the format Want, such as date-time.
type faultFormat struct {
	Got  any
	Want string
}

// faultMinLength: a string has fewer code points than Want.
type faultMinLength struct{ Got, Want int }

// faultMinItems: an array has fewer items than Want.
type faultMinItems struct{ Got, Want int }

// faultMaxItems: an array has more items than Want.
type faultMaxItems struct{ Got, Want int }

// faultUniqueItems: an array has the same value at two indices, the
// first such pair.
type faultUniqueItems struct{ Duplicates [2]int }

// faultMinimum: a number is less than Want.
type faultMinimum struct{ Got, Want *big.Rat }

func (*faultType) keyword() string                 { return "type" }
func (*faultRequired) keyword() string             { return "required" }
func (*faultAdditionalProperties) keyword() string { return "additionalProperties" }
func (*faultPropertyNames) keyword() string        { return "propertyNames" }
func (*faultConst) keyword() string                { return "const" }
func (*faultEnum) keyword() string                 { return "enum" }
func (*faultPattern) keyword() string              { return "pattern" }
func (*faultFormat) keyword() string               { return "format" }
func (*faultMinLength) keyword() string            { return "minLength" }
func (*faultMinItems) keyword() string             { return "minItems" }
func (*faultMaxItems) keyword() string             { return "maxItems" }
func (*faultUniqueItems) keyword() string          { return "uniqueItems" }
func (*faultMinimum) keyword() string              { return "minimum" }
