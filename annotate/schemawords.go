// This file turns the JSON Schema's faults into plain words that say
// what is wrong and where, in the user's terms rather than the schema's.

package annotate

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonKind names the kind of a decoded JSON value, with an article.
func jsonKind(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case string:
		return "a string"
	case json.Number:
		if _, err := x.Int64(); err == nil {
			return "an integer"
		}
		return "a number"
	case float64:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", x)
}

// checkSchema checks the decoded file against JSONSchemaV1 and records
// every fault.
func (v *fileValidator) checkSchema(doc any) {
	sch, err := schemaV1()
	if err != nil {
		v.add("", sevFatal, "the annotator's own JSON Schema is broken: %v", err)
		return
	}
	seen := map[string]bool{}
	for _, f := range sch.check(doc) {
		path := jsonPointer(f.at)
		switch k := f.kind.(type) {
		case *faultPropertyNames:
			// checkLabel says which attribute names are not valid, in
			// the label's terms.
		case *faultAdditionalProperties:
			for _, p := range k.Properties {
				v.schemaProblem(path+"/"+escapePointer(p), fmt.Sprintf("unknown field %q: %s takes only the fields the format names (is it misspelt?)", p, describe(f.at)), seen)
			}
		case *faultRequired:
			// The fields are missing, not the object: the checks that
			// follow skip those fields and use the others.
			msg := schemaMessage(f.at, k, instanceAt(doc, f.at))
			if !seen[path+"\x00"+msg] {
				seen[path+"\x00"+msg] = true
				v.add(path, sevFatal, "%s", msg)
			}
			for _, name := range k.Missing {
				v.markBad(path + "/" + escapePointer(name))
			}
		default:
			v.schemaProblem(path, schemaMessage(f.at, k, instanceAt(doc, f.at)), seen)
		}
	}
}

// schemaProblem records a problem the JSON Schema found at path, once:
// two rules that say the same thing in the same words (a time's pattern
// and its format) make one problem.
func (v *fileValidator) schemaProblem(path, msg string, seen map[string]bool) {
	v.markBad(path)
	if seen[path+"\x00"+msg] {
		return
	}
	seen[path+"\x00"+msg] = true
	v.add(path, sevFatal, "%s", msg)
}

// instanceAt returns the value at the path in doc, or nil.
func instanceAt(doc any, path []string) any {
	for _, tok := range path {
		switch x := doc.(type) {
		case map[string]any:
			doc = x[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			doc = x[i]
		default:
			return nil
		}
	}
	return doc
}

// describe names the object at path in words.
func describe(path []string) string {
	switch {
	case len(path) == 0:
		return "the file"
	case len(path) == 1 && path[0] == "document":
		return "the document"
	case len(path) == 1 && path[0] == "schema":
		return "the schema"
	case len(path) == 3 && path[0] == "schema":
		return "a label"
	case len(path) == 2 && (path[0] == "annotations" || path[0] == "orphans"):
		return "an annotation"
	}
	return strconv.Quote(path[len(path)-1])
}

// schemaMessage words a JSON Schema error at path for a person.
func schemaMessage(path []string, k faultKind, got any) string {
	field := "the file"
	if len(path) > 0 {
		field = path[len(path)-1]
		if _, err := strconv.Atoi(field); err == nil && len(path) > 1 {
			switch path[len(path)-2] {
			case "labels":
				field = "a label"
			case "annotations", "orphans":
				field = "an annotation"
			default:
				field = path[len(path)-2] + " item"
			}
		}
		if len(path) == 4 && path[2] == "attributes" {
			field = fmt.Sprintf("attribute %q", field)
		}
	}
	switch k := k.(type) {
	case *faultRequired:
		if len(k.Missing) == 1 {
			return fmt.Sprintf("%s has no %q, which is required", describe(path), k.Missing[0])
		}
		return fmt.Sprintf("%s has no %s, which are required", describe(path), QuoteList(k.Missing))
	case *faultType:
		return fmt.Sprintf("%s should be %s, not %s", field, withArticle(k.Want), jsonKind(got))
	case *faultPattern:
		switch {
		case field == "id":
			return fmt.Sprintf("id %q is not a UUID (32 hexadecimal digits written 8-4-4-4-12)", abbreviateFor(k.Got))
		case field == "key":
			if k.Got == "" {
				return "key is empty: it must be exactly one character"
			}
			return fmt.Sprintf("key %q must be one character (a letter with its accents, or one emoji, counts as one)", abbreviateFor(k.Got))
		case isTimeField(field):
			return dateTimeMessage(field, got)
		case field == "color":
			return fmt.Sprintf("colour %q is not written #rrggbb", k.Got)
		case field == "textSha256":
			return fmt.Sprintf("textSha256 %q is not a SHA-256 hash written as 64 lower-case hexadecimal digits", abbreviateFor(k.Got))
		case field == "label" || field == "name" || field == "attributes item":
			return fmt.Sprintf("%s %q is not a valid name: names are 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter", strings.TrimSuffix(field, " item"), abbreviateFor(k.Got))
		}
		return fmt.Sprintf("%s %q does not have the expected form (%s)", field, abbreviateFor(k.Got), k.Want)
	case *faultConst:
		if field == "offsetUnit" {
			return fmt.Sprintf("offsetUnit is %s but must be \"codepoint\": this format counts offsets in Unicode code points", displayJSON(got))
		}
		return fmt.Sprintf("%s is %s but must be %s", field, displayJSON(got), displayJSON(k.Want))
	case *faultEnum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = displayJSON(w)
		}
		return fmt.Sprintf("%s is %s but must be one of %s", field, displayJSON(got), strings.Join(want, ", "))
	case *faultMinimum:
		return fmt.Sprintf("%s is %s but must not be negative", field, displayJSON(got))
	case *faultFormat:
		if k.Want == "date-time" {
			return dateTimeMessage(field, got)
		}
		return fmt.Sprintf("%s %s is not a valid %s", field, displayJSON(got), k.Want)
	case *faultMinLength:
		if field == "exact" {
			return "exact is empty: a span must hold at least one character"
		}
		if field == "key" {
			return "key is empty: it must be exactly one character"
		}
		return fmt.Sprintf("%s must be at least %d characters long", field, k.Want)
	case *faultMinItems:
		if field == "labels" {
			return "the schema has no labels; it needs at least one"
		}
		return fmt.Sprintf("%s has %d items but needs at least %d", field, k.Got, k.Want)
	case *faultMaxItems:
		if field == "labels" {
			return fmt.Sprintf("the schema has %d labels; at most %d are allowed", k.Got, k.Want)
		}
		return fmt.Sprintf("%s has %d items but may have at most %d", field, k.Got, k.Want)
	case *faultUniqueItems:
		return fmt.Sprintf("%s lists the same value twice (items %d and %d)", field, k.Duplicates[0], k.Duplicates[1])
	}
	// Not reached: checkSchema words unknown fields and leaves names to
	// checkLabel; TestSchemaMessageWordsEveryFault checks the others.
	return fmt.Sprintf("%s breaks the JSON Schema's rule %q", field, k.keyword())
}

// isTimeField reports whether a field holds a date and time.
func isTimeField(field string) bool {
	return field == "created" || field == "modified" || field == "exported"
}

// dateTimeMessage says that a field's value is not an RFC 3339 date-time;
// its pattern and its format both say so, in these words, once.
func dateTimeMessage(field string, got any) string {
	return fmt.Sprintf("%s %s is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", field, displayJSON(got))
}

// SyntaxWords says in words what the message of a *json.SyntaxError
// says, for a file other than an export (a backup) that must be refused
// as exports are, in words.
func SyntaxWords(msg string) string { return syntaxWords(msg) }

// syntaxWords says what encoding/json's syntax error means, in words.
func syntaxWords(msg string) string {
	var c string
	rest, ok := strings.CutPrefix(msg, "invalid character ")
	if ok {
		if i := strings.LastIndex(rest, "' "); i > 0 {
			c, rest = rest[:i+1], rest[i+2:]
		}
	}
	switch rest {
	case "after object key:value pair":
		return fmt.Sprintf("a ',' or '}' should come after a field's value, not %s", c)
	case "after object key":
		return fmt.Sprintf("a ':' should come after a field's name, not %s", c)
	case "after array element":
		return fmt.Sprintf("a ',' or ']' should come after a list item, not %s", c)
	case "looking for beginning of object key string":
		return fmt.Sprintf("a field's name in double quotes should come here, not %s (is there a ',' too many?)", c)
	case "looking for beginning of value":
		return fmt.Sprintf("a value (a string in double quotes, a number, an object, a list, true, false or null) should come here, not %s", c)
	case "after top-level value":
		return fmt.Sprintf("the JSON ends before %s: there is more in the file after it", c)
	case "in string literal":
		return fmt.Sprintf("%s is inside a string: write a line break as \\n and a tab as \\t", c)
	case "in string escape code":
		return fmt.Sprintf("%s after a backslash is not a JSON escape: write a backslash as \\\\", c)
	case "in \\u hexadecimal character escape":
		return fmt.Sprintf("\\u must be followed by four hexadecimal digits, not %s", c)
	case "in numeric literal", "in literal true (expecting 'r')", "in literal false (expecting 'a')", "in literal null (expecting 'u')":
	}
	if strings.HasSuffix(rest, "numeric literal") {
		return fmt.Sprintf("%s cannot come here in a number: numbers are written like 12, -3.5 or 1e3", c)
	}
	if strings.HasPrefix(rest, "in literal") {
		return fmt.Sprintf("%s: a value here is not a string in double quotes, a number, true, false or null", c)
	}
	return msg
}

// withArticle turns JSON Schema type names into words.
func withArticle(types []string) string {
	words := make([]string, len(types))
	for i, t := range types {
		switch t {
		case "integer", "object", "array":
			words[i] = "an " + t
		case "null":
			words[i] = t
		default:
			words[i] = "a " + t
		}
	}
	return strings.Join(words, " or ")
}

// QuoteList writes names quoted, a comma between them: "a", "b".
func QuoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// displayJSON writes a decoded JSON value short, for a message.
func displayJSON(x any) string {
	switch x := x.(type) {
	case string:
		return strconv.Quote(abbreviateFor(x))
	case json.Number:
		return x.String()
	case nil:
		return "null"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	b, err := json.Marshal(x)
	if err != nil {
		return fmt.Sprint(x)
	}
	return string(b)
}

// abbreviateFor shortens a quoted value in a message.
func abbreviateFor(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}
