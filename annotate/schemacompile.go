// This file reads JSONSchemaV1 into the rules that schemacheck.go applies:
// the keywords the published schema uses, and no other. A keyword it does
// not know, or a use of one it does not take, is an error, so that a
// change to the schema cannot be checked by half. It reads the schema on
// the first file that needs it, not when the program starts.

package annotate

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// ErrSchemaKeyword is the error of a JSON Schema that uses a keyword the
// annotator's checker does not know, or uses one in a way it does not
// take.
var ErrSchemaKeyword = errors.New("the annotator's JSON Schema checker does not know")

// schemaDraft is the dialect the checker implements.
const schemaDraft = "https://json-schema.org/draft/2020-12/schema"

// schemaNode is one schema: the rules a value must keep. A rule that is
// absent has its zero value (-1 for the counts).
type schemaNode struct {
	ref           *schemaNode // $ref, to one of the root's $defs
	typ           string      // type: one JSON type, or "integer"
	required      []string
	properties    map[string]*schemaNode
	additional    *schemaNode // additionalProperties as a schema
	closed        bool        // additionalProperties: false
	propertyNames *schemaNode
	items         *schemaNode
	hasConst      bool
	constant      any
	enum          []any
	format        string
	pattern       *regexp.Regexp
	minLength     int
	minItems      int
	maxItems      int
	uniqueItems   bool
	minimum       *big.Rat
}

// schemaV1 returns JSONSchemaV1, read once.
var schemaV1 = sync.OnceValues(func() (*schemaNode, error) {
	return compileSchema(JSONSchemaV1)
})

// compileSchema reads a JSON Schema (draft 2020-12) made only of the
// keywords the checker knows, with $ref only to the root's $defs.
func compileSchema(data []byte) (*schemaNode, error) {
	doc, err := decodeJSONValue(data)
	if err != nil {
		return nil, fmt.Errorf("reading the JSON Schema: %w", err)
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w a schema that is not an object", ErrSchemaKeyword)
	}
	if root["$schema"] != schemaDraft {
		return nil, fmt.Errorf("%w the dialect %v; it reads %s", ErrSchemaKeyword, displayJSON(root["$schema"]), schemaDraft)
	}
	c := &schemaCompiler{defs: map[string]*schemaNode{}}
	defs, _ := root["$defs"].(map[string]any)
	if _, ok := root["$defs"]; ok && defs == nil {
		return nil, fmt.Errorf("%w $defs that is not an object", ErrSchemaKeyword)
	}
	// Every definition has its node before any is read, so that a $ref
	// may point to one read later.
	for name := range defs {
		c.defs[name] = newSchemaNode()
	}
	for _, name := range slices.Sorted(maps.Keys(defs)) {
		if err := c.fill(c.defs[name], defs[name], "/$defs/"+escapePointer(name), false); err != nil {
			return nil, err
		}
	}
	n := newSchemaNode()
	if err := c.fill(n, root, "", true); err != nil {
		return nil, err
	}
	for name, d := range c.defs {
		if refLoops(d) {
			return nil, fmt.Errorf("%w a $ref that leads back to itself (#/$defs/%s)", ErrSchemaKeyword, name)
		}
	}
	return n, nil
}

func newSchemaNode() *schemaNode { return &schemaNode{minLength: -1, minItems: -1, maxItems: -1} }

// refLoops reports whether following $ref from n comes back to a node
// already met, which would check the same value for ever.
func refLoops(n *schemaNode) bool {
	seen := map[*schemaNode]bool{}
	for ; n != nil; n = n.ref {
		if seen[n] {
			return true
		}
		seen[n] = true
	}
	return false
}

type schemaCompiler struct {
	defs map[string]*schemaNode
}

// schemaTypes are the values "type" may take.
var schemaTypes = []string{"null", "boolean", "number", "integer", "string", "array", "object"}

// fill reads the schema s, found at loc in the schema file, into n.
func (c *schemaCompiler) fill(n *schemaNode, s any, loc string, root bool) error {
	obj, ok := s.(map[string]any)
	if !ok {
		return fmt.Errorf("%w a schema that is not an object, at %s", ErrSchemaKeyword, pointerOrRoot(loc))
	}
	bad := func(kw string) error {
		return fmt.Errorf("%w %q as %s, at %s", ErrSchemaKeyword, kw, displayJSON(obj[kw]), pointerOrRoot(loc))
	}
	sub := func(kw string, v any) (*schemaNode, error) {
		m := newSchemaNode()
		return m, c.fill(m, v, loc+"/"+escapePointer(kw), false)
	}
	for _, kw := range slices.Sorted(maps.Keys(obj)) {
		v := obj[kw]
		var err error
		switch kw {
		case "$schema", "$id", "$defs":
			// Read by compileSchema, and only at the root, where they
			// set the dialect and what "#" means.
			if !root {
				return fmt.Errorf("%w %q away from the root, at %s", ErrSchemaKeyword, kw, pointerOrRoot(loc))
			}
			if _, isString := v.(string); kw == "$id" && !isString {
				return bad(kw)
			}
		case "title", "description":
			// Words for people: no rule.
		case "$ref":
			s, _ := v.(string)
			name, ok := strings.CutPrefix(s, "#/$defs/")
			if n.ref = c.defs[name]; !ok || n.ref == nil {
				return bad(kw)
			}
		case "type":
			s, _ := v.(string)
			if !slices.Contains(schemaTypes, s) {
				return bad(kw)
			}
			n.typ = s
		case "required":
			list, _ := v.([]any)
			for _, item := range list {
				name, ok := item.(string)
				if !ok || slices.Contains(n.required, name) {
					return bad(kw)
				}
				n.required = append(n.required, name)
			}
			if list == nil {
				return bad(kw)
			}
		case "properties":
			props, ok := v.(map[string]any)
			if !ok {
				return bad(kw)
			}
			n.properties = map[string]*schemaNode{}
			for _, name := range slices.Sorted(maps.Keys(props)) {
				m := newSchemaNode()
				if err := c.fill(m, props[name], loc+"/properties/"+escapePointer(name), false); err != nil {
					return err
				}
				n.properties[name] = m
			}
		case "additionalProperties":
			if b, ok := v.(bool); ok {
				n.closed = !b
			} else {
				n.additional, err = sub(kw, v)
			}
		case "propertyNames":
			n.propertyNames, err = sub(kw, v)
		case "items":
			n.items, err = sub(kw, v)
		case "const":
			n.hasConst, n.constant = true, v
		case "enum":
			list, _ := v.([]any)
			if len(list) == 0 {
				return bad(kw)
			}
			n.enum = list
		case "format":
			if v != "date-time" {
				return bad(kw)
			}
			n.format = "date-time"
		case "pattern":
			s, ok := v.(string)
			if !ok {
				return bad(kw)
			}
			if n.pattern, err = regexp.Compile(s); err != nil {
				return fmt.Errorf("%w the pattern at %s: %v", ErrSchemaKeyword, pointerOrRoot(loc), err)
			}
		case "minLength", "minItems", "maxItems":
			count, ok := schemaCount(v)
			if !ok {
				return bad(kw)
			}
			switch kw {
			case "minLength":
				n.minLength = count
			case "minItems":
				n.minItems = count
			default:
				n.maxItems = count
			}
		case "uniqueItems":
			b, ok := v.(bool)
			if !ok {
				return bad(kw)
			}
			n.uniqueItems = b
		case "minimum":
			num, _ := v.(json.Number)
			if n.minimum = jsonRat(num); n.minimum == nil {
				return bad(kw)
			}
		default:
			return fmt.Errorf("%w the keyword %q, at %s", ErrSchemaKeyword, kw, pointerOrRoot(loc))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// schemaCount reads a count such as minItems: a non-negative integer.
func schemaCount(v any) (int, bool) {
	num, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := num.Int64()
	if err != nil || i < 0 || i > 1<<31 {
		return 0, false
	}
	return int(i), true
}

// pointerOrRoot names a place in the schema file for an error.
func pointerOrRoot(loc string) string {
	if loc == "" {
		return "the root"
	}
	return "#" + loc
}
