// This file checks a decoded JSON value against a schema read by
// schemacompile.go, and finds the faults that the JSON Schema library the
// format was first checked with (santhosh-tekuri/jsonschema v6) finds, as
// the leaves of its error tree: at the same places, of the same kinds,
// with the same data, and making the same choices of what to report. A
// value of the wrong type, not the constant, not in the enum or not of
// its format gets that fault alone, and its other rules are not tried; a
// $ref's faults come before those of the rules beside it; an object lists
// its missing fields in one fault, in the order the schema requires them,
// and its unknown fields in another. TestSchemaCheckAgreesWithLibrary
// holds the two side by side.

package annotate

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"unicode/utf8"
)

// check returns the faults of v, a value decoded by decodeJSONValue.
func (n *schemaNode) check(v any) []schemaFault {
	var faults []schemaFault
	n.checkAt(v, nil, &faults)
	return faults
}

// checkAt appends to out the faults of v, which is at the path at. It
// never changes at, so that the faults may share it.
func (n *schemaNode) checkAt(v any, at []string, out *[]schemaFault) {
	fault := func(k faultKind) { *out = append(*out, schemaFault{at: at, kind: k}) }
	t := jsonType(v)
	if n.typ != "" && t != n.typ && (n.typ != "integer" || !jsonIsInteger(v)) {
		fault(&faultType{Got: t, Want: []string{n.typ}})
		return
	}
	if n.hasConst && !jsonEqual(v, n.constant) {
		fault(&faultConst{Got: v, Want: n.constant})
		return
	}
	if n.enum != nil && !slices.ContainsFunc(n.enum, func(w any) bool { return jsonEqual(v, w) }) {
		fault(&faultEnum{Got: v, Want: n.enum})
		return
	}
	if s, ok := v.(string); ok && n.format == "date-time" && !formatDateTime(s) {
		fault(&faultFormat{Got: v, Want: n.format})
		return
	}
	if n.ref != nil {
		n.ref.checkAt(v, at, out)
	}
	switch v := v.(type) {
	case map[string]any:
		n.checkObject(v, at, out, fault)
	case []any:
		n.checkArray(v, at, out, fault)
	case string:
		if n.minLength >= 0 {
			if got := utf8.RuneCountInString(v); got < n.minLength {
				fault(&faultMinLength{Got: got, Want: n.minLength})
			}
		}
		if n.pattern != nil && !n.pattern.MatchString(v) {
			fault(&faultPattern{Got: v, Want: n.pattern.String()})
		}
	case json.Number:
		// A number big.Rat cannot hold is not compared.
		if r := jsonRat(v); n.minimum != nil && r != nil && r.Cmp(n.minimum) < 0 {
			fault(&faultMinimum{Got: r, Want: n.minimum})
		}
	}
}

// child returns the path of the value tok in the value at at, in an
// array of its own.
func child(at []string, tok string) []string {
	return append(at[:len(at):len(at)], tok)
}

func (n *schemaNode) checkObject(obj map[string]any, at []string, out *[]schemaFault, fault func(faultKind)) {
	var missing []string
	for _, name := range n.required {
		if _, ok := obj[name]; !ok {
			missing = append(missing, name)
		}
	}
	if missing != nil {
		fault(&faultRequired{Missing: missing})
	}
	if n.properties == nil && n.additional == nil && !n.closed && n.propertyNames == nil {
		return
	}
	names := slices.Sorted(maps.Keys(obj))
	var unknown []string
	for _, name := range names {
		switch p, ok := n.properties[name]; {
		case ok:
			p.checkAt(obj[name], child(at, name), out)
		case n.additional != nil:
			n.additional.checkAt(obj[name], child(at, name), out)
		case n.closed:
			unknown = append(unknown, name)
		}
	}
	if unknown != nil {
		fault(&faultAdditionalProperties{Properties: unknown})
	}
	if n.propertyNames != nil {
		for _, name := range names {
			var faults []schemaFault
			if n.propertyNames.checkAt(name, nil, &faults); len(faults) > 0 {
				fault(&faultPropertyNames{Property: name})
			}
		}
	}
}

func (n *schemaNode) checkArray(arr []any, at []string, out *[]schemaFault, fault func(faultKind)) {
	if n.minItems >= 0 && len(arr) < n.minItems {
		fault(&faultMinItems{Got: len(arr), Want: n.minItems})
	}
	if n.maxItems >= 0 && len(arr) > n.maxItems {
		fault(&faultMaxItems{Got: len(arr), Want: n.maxItems})
	}
	if n.uniqueItems {
		if i, j, ok := firstDuplicate(arr); ok {
			fault(&faultUniqueItems{Duplicates: [2]int{i, j}})
		}
	}
	if n.items != nil {
		for i, item := range arr {
			n.items.checkAt(item, child(at, strconv.Itoa(i)), out)
		}
	}
}

// firstDuplicate returns the first j such that an item before it is the
// same value, and the first such item i, in one pass.
func firstDuplicate(arr []any) (i, j int, ok bool) {
	first := make(map[string]int, len(arr))
	for j, item := range arr {
		key, ok := jsonKey(item)
		if !ok {
			continue // equals nothing
		}
		if i, seen := first[key]; seen {
			return i, j, true
		}
		first[key] = j
	}
	return 0, 0, false
}
