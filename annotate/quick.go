// This file is the validator's fast path: a file that already has the
// shape the JSON Schema asks for is checked by one strict decode and a few
// Go checks, at about the cost of decoding it, instead of by the JSON
// Schema library, which builds the whole file as maps and walks it (four
// times the cost). Any doubt sends the file down the slow path, which
// finds and words every problem; so quick never decides that a file is
// wrong, only that it is right. FuzzValidate checks that the JSON Schema
// agrees with every file quick takes.

package annotate

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
)

// quick decodes the file into v.file and reports whether it certainly
// passes the JSON Schema.
func (v *fileValidator) quick() bool {
	if !plainJSON(v.data) {
		return false // a null reads as "missing" below; let the schema say
	}
	dec := json.NewDecoder(bytes.NewReader(v.data))
	dec.DisallowUnknownFields()
	var f fileIn
	if err := dec.Decode(&f); err != nil {
		return false
	}
	if len(bytes.TrimSpace(v.data[dec.InputOffset():])) > 0 {
		return false // something after the JSON value
	}
	if !f.quickCheck() {
		return false
	}
	v.file = f
	return true
}

// plainJSON reports whether data holds no null outside its strings, and
// no key that encoding/json would take for a field of another spelling:
// it matches keys to fields without regard to case ("stArt" fills Start),
// which the JSON Schema does not. A key with an escape or a non-ASCII
// byte is not plain either, as it may fold to a field's name.
func plainJSON(data []byte) bool {
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

// plainKey reports whether key, which is plain (no escape, ASCII) or not,
// names a field of the format only as the format spells it.
func plainKey(key []byte, plain bool) bool {
	if len(key) > 32 {
		return true // longer than any field's name
	}
	if !plain {
		return false
	}
	var buf [32]byte
	for i, c := range key {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	name, ok := fieldNames[string(buf[:len(key)])]
	return !ok || name == string(key)
}

// fieldNames maps the lower-case form of every field name of the format
// to the name.
var fieldNames = func() map[string]string {
	m := map[string]string{}
	for _, v := range []any{fileIn{}, documentIn{}, Meta{}, schemaWire{}, labelWire{}, annotationIn{}} {
		t := reflect.TypeOf(v)
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			m[strings.ToLower(name)] = name
		}
	}
	return m
}()

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// isUUID reports whether s is a UUID written 8-4-4-4-12, as the JSON
// Schema's pattern for ids says; by hand, as it runs once per annotation.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// quickCheck reports whether the decoded file certainly passes the JSON
// Schema: every rule of jsonschema/annotations-v1.schema.json is here.
func (f *fileIn) quickCheck() bool {
	d := &f.Document
	if f.Version.Kind != intExact || f.Version.N != FormatVersion ||
		(f.Exported != nil && !isDateTime(*f.Exported)) ||
		d.ID == nil || d.Title == nil || d.URL == nil || d.HTML == nil || d.Text == nil ||
		!sha256Hex.MatchString(d.TextSHA256) || d.OffsetUnit != OffsetUnit || d.Meta == nil ||
		f.Annotations == nil ||
		len(f.Schema.Labels) < 1 || len(f.Schema.Labels) > MaxLabels {
		return false
	}
	for _, l := range f.Schema.Labels {
		if !namePattern.MatchString(l.Name) || !colorPattern.MatchString(l.Color) || !isOneKey(l.Key) || l.Attributes == nil {
			return false
		}
		seen := make(map[string]bool, len(l.Attributes))
		for _, a := range l.Attributes {
			if seen[a] || !namePattern.MatchString(a) {
				return false
			}
			seen[a] = true
		}
	}
	names := map[string]bool{} // names already matched against namePattern
	isName := func(s string) bool {
		if ok, seen := names[s]; seen {
			return ok
		}
		names[s] = namePattern.MatchString(s)
		return names[s]
	}
	for _, as := range [][]annotationIn{f.Annotations, f.Orphans} {
		for i := range as {
			if !as[i].quickCheck(isName) {
				return false
			}
		}
	}
	return true
}

// quickCheck reports whether the annotation certainly passes the JSON
// Schema; isName says whether a label or attribute name is valid.
func (a *annotationIn) quickCheck(isName func(string) bool) bool {
	if !isUUID(a.ID) || !isName(a.Label) ||
		a.Start.Kind != intExact || a.Start.N < 0 || a.End.Kind != intExact || a.End.N < 0 ||
		a.Exact == "" || a.Prefix == nil || a.Suffix == nil || a.Author == nil || a.Attributes == nil ||
		!isDateTime(a.Created) || !isDateTime(a.Modified) {
		return false
	}
	switch a.Anchor {
	case AnchorExact, AnchorContext, AnchorFuzzy, AnchorOrphan:
	default:
		return false
	}
	for name := range a.Attributes {
		if !isName(name) {
			return false
		}
	}
	return true
}

// isDateTime reports whether s is an RFC 3339 date-time.
func isDateTime(s string) bool {
	_, err := parseFileTime(s)
	return err == nil
}
