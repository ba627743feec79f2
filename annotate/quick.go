// This file is the validator's fast path: a file that already has the
// structure the JSON Schema asks for (every field there, of the right
// JSON type, and no other) is checked by one strict decode and a few Go
// checks, at about the cost of decoding it, instead of by the JSON Schema
// checker (schemacheck.go), which reads the whole file as maps and walks
// it. The values the schema rules on (an id that is not a UUID, a name, a
// negative offset, a time...) are checked here too, and their problems
// worded by schemaMessage from the very faults the checker would find, so
// that the problems are the same either way. Any doubt about the structure
// sends the file down the slow path, which finds and words every
// problem. FuzzValidate checks that both paths agree on every file quick
// takes.

package annotate

import (
	"bytes"
	"encoding/json"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// quick decodes the file into v.file and reports whether its structure
// certainly passes the JSON Schema; if so, it records the problems that
// the JSON Schema has with its values, as checkSchema would have.
func (v *fileValidator) quick() bool {
	if v.slowOnly {
		return false
	}
	// decodeFileIn takes no null, and says whether every key is plain as
	// it reads them: plainJSON, a second pass over the whole file, is for
	// encoding/json's reading only.
	f, ok, plain := decodeFileInPlain(v.data)
	if ok && !plain {
		return false // a key that may fold to a field's name; let the schema say
	}
	if !ok {
		if !plainJSON(v.data) {
			return false // a null reads as "missing" below; let the schema say
		}
		f = fileIn{}
		dec := json.NewDecoder(bytes.NewReader(v.data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			return false
		}
		if len(bytes.TrimSpace(v.data[dec.InputOffset():])) > 0 {
			return false // something after the JSON value
		}
	}
	if !f.wellFormed() {
		return false
	}
	if empty := f.emptyStrings(); len(empty) > 0 && !allPresent(v.data, empty) {
		return false // a required string is missing, not empty
	}
	v.file = f
	v.valueFaults()
	return true
}

// plainJSON reports whether data holds no null outside its strings, and
// no key that encoding/json would take for a field of another spelling:
// it matches keys to fields without regard to case ("stArt" fills Start),
// which the JSON Schema does not. A key with an escape or a non-ASCII
// byte is not plain either, as it may fold to a field's name.
func plainJSON(data []byte) bool {
	for i := 0; i < len(data); {
		// Outside strings: no null (nor any other n).
		q := bytes.IndexByte(data[i:], '"')
		if q < 0 {
			return bytes.IndexByte(data[i:], 'n') < 0
		}
		if bytes.IndexByte(data[i:i+q], 'n') >= 0 {
			return false
		}
		start := i + q + 1
		end := stringEnd(data, start)
		j := end + 1
		for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n') {
			j++
		}
		if j < len(data) && data[j] == ':' {
			key := data[start:end]
			plain := bytes.IndexByte(key, '\\') < 0
			for _, c := range key {
				plain = plain && c < 0x80
			}
			if !plainKey(key, plain) {
				return false
			}
		}
		i = end + 1
	}
	return true
}

// stringEnd returns the offset of the quote that ends the string whose
// first byte is at start, or len(data).
func stringEnd(data []byte, start int) int {
	for k := start; ; {
		r := bytes.IndexByte(data[k:], '"')
		if r < 0 {
			return len(data)
		}
		// The quote is escaped if an odd number of backslashes come
		// just before it.
		bs := 0
		for p := k + r - 1; p >= start && data[p] == '\\'; p-- {
			bs++
		}
		if bs%2 == 0 {
			return k + r
		}
		k += r + 1
	}
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
	name, ok := fieldNames()[string(buf[:len(key)])]
	return !ok || name == string(key)
}

// fieldNames maps the lower-case form of every field name of the format
// to the name.
var fieldNames = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, v := range []any{fileIn{}, documentIn{}, Meta{}, schemaWire{}, labelWire{}, annotationIn{}} {
		t := reflect.TypeOf(v)
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				continue
			}
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			m[strings.ToLower(name)] = name
		}
	}
	return m
})

// wellFormed reports whether the decoded file certainly has the structure
// the JSON Schema asks for: the format version, and every required field
// there with the right type. The strict decode has refused other fields,
// other types and nulls; a required string that reads as "" may still be
// missing (see emptyStrings). Offsets must be exact integers: any other
// number sends the file down the slow path.
func (f *fileIn) wellFormed() bool {
	d := &f.Document
	if f.Version.Kind != intExact || f.Version.N != FormatVersion ||
		d.ID == nil || d.Title == nil || d.URL == nil || d.HTML == nil || d.Text == nil || d.Meta == nil ||
		f.Annotations == nil || f.Schema.Labels == nil {
		return false
	}
	for _, l := range f.Schema.Labels {
		if l.Attributes == nil {
			return false
		}
	}
	for _, as := range [][]annotationIn{f.Annotations, f.Orphans} {
		for i := range as {
			a := &as[i]
			if a.Start.Kind != intExact || a.End.Kind != intExact ||
				a.Prefix == nil || a.Suffix == nil || a.Author == nil || a.Attributes == nil {
				return false
			}
		}
	}
	return true
}

// emptyStrings returns the paths of the required strings that read as "":
// empty, or missing.
func (f *fileIn) emptyStrings() []string {
	var paths []string
	check := func(path, s string) {
		if s == "" {
			paths = append(paths, path)
		}
	}
	check("/document/textSha256", f.Document.TextSHA256)
	check("/document/offsetUnit", f.Document.OffsetUnit)
	for i, l := range f.Schema.Labels {
		if l.Name == "" || l.Color == "" || l.Key == "" {
			path := "/schema/labels/" + strconv.Itoa(i)
			check(path+"/name", l.Name)
			check(path+"/color", l.Color)
			check(path+"/key", l.Key)
		}
	}
	for _, list := range []string{"annotations", "orphans"} {
		as := f.Annotations
		if list == "orphans" {
			as = f.Orphans
		}
		for i := range as {
			a := &as[i]
			if a.ID == "" || a.Label == "" || a.Exact == "" || a.Created == "" || a.Modified == "" || a.Anchor == "" {
				path := "/" + list + "/" + strconv.Itoa(i)
				check(path+"/id", a.ID)
				check(path+"/label", a.Label)
				check(path+"/exact", a.Exact)
				check(path+"/created", a.Created)
				check(path+"/modified", a.Modified)
				check(path+"/anchor", string(a.Anchor))
			}
		}
	}
	return paths
}

// allPresent reports whether data, valid JSON, has a value at every one
// of paths.
func allPresent(data []byte, paths []string) bool {
	m := scanOffsets(data, paths)
	for _, p := range paths {
		if _, ok := m[p]; !ok {
			return false
		}
	}
	return true
}

// schemaRules returns the rules of the JSON Schema on values, read from
// it, for the faults that valueFaults builds as the checker would. It
// reads them once, for the first file with such a fault, rather than when
// the program starts.
var schemaRules = sync.OnceValue(func() (r struct {
	uuid, dateTime, name, color, sha256 string
	anchors                             []any
}) {
	var s struct {
		Defs struct {
			UUID     struct{ Pattern string } `json:"uuid"`
			DateTime struct{ Pattern string } `json:"dateTime"`
			Name     struct{ Pattern string } `json:"name"`
			Document struct {
				Properties struct {
					TextSHA256 struct{ Pattern string } `json:"textSha256"`
				} `json:"properties"`
			} `json:"document"`
			Label struct {
				Properties struct {
					Color struct{ Pattern string } `json:"color"`
				} `json:"properties"`
			} `json:"label"`
			Annotation struct {
				Properties struct {
					Anchor struct{ Enum []any } `json:"anchor"`
				} `json:"properties"`
			} `json:"annotation"`
		} `json:"$defs"`
	}
	dec := json.NewDecoder(bytes.NewReader(JSONSchemaV1))
	dec.UseNumber()
	if err := dec.Decode(&s); err != nil {
		panic("annotate: the embedded JSON Schema cannot be read: " + err.Error())
	}
	d := &s.Defs
	r.uuid, r.dateTime, r.name = d.UUID.Pattern, d.DateTime.Pattern, d.Name.Pattern
	r.color, r.sha256 = d.Label.Properties.Color.Pattern, d.Document.Properties.TextSHA256.Pattern
	r.anchors = d.Annotation.Properties.Anchor.Enum
	return r
})

// valueFaults records, as checkSchema would, the problems the JSON Schema
// has with the values of a file whose structure it takes: the same
// messages, from the same error kinds, at the same paths, marked bad the
// same way. A rule whose error checkSchema leaves out (propertyNames) is
// left out here too; checkLabel words those.
func (v *fileValidator) valueFaults() {
	f := &v.file
	fault := func(path []string, k faultKind, got any) {
		p := jsonPointer(path)
		v.markBad(p)
		v.add(p, sevFatal, "%s", schemaMessage(path, k, got))
	}
	dateTime := func(path []string, s string) {
		if !isDateTime(s) {
			// The format's error comes first, and the pattern's says the
			// same in the same words.
			fault(path, &faultFormat{Got: s, Want: "date-time"}, s)
		}
	}
	if f.Exported != nil {
		dateTime([]string{"exported"}, *f.Exported)
	}
	d := &f.Document
	if !isSHA256Hex(d.TextSHA256) {
		fault([]string{"document", "textSha256"}, &faultPattern{Got: d.TextSHA256, Want: schemaRules().sha256}, d.TextSHA256)
	}
	if d.OffsetUnit != OffsetUnit {
		fault([]string{"document", "offsetUnit"}, &faultConst{Got: d.OffsetUnit, Want: OffsetUnit}, d.OffsetUnit)
	}
	labels := f.Schema.Labels
	switch {
	case len(labels) < 1:
		fault([]string{"schema", "labels"}, &faultMinItems{Got: len(labels), Want: 1}, nil)
	case len(labels) > MaxLabels:
		fault([]string{"schema", "labels"}, &faultMaxItems{Got: len(labels), Want: MaxLabels}, nil)
	}
	for i, l := range labels {
		at := func(field ...string) []string {
			return append([]string{"schema", "labels", strconv.Itoa(i)}, field...)
		}
		if !isLabelName(l.Name) {
			fault(at("name"), &faultPattern{Got: l.Name, Want: schemaRules().name}, l.Name)
		}
		if !isColor(l.Color) {
			fault(at("color"), &faultPattern{Got: l.Color, Want: schemaRules().color}, l.Color)
		}
		if l.Key == "" {
			// Its minLength and its pattern say so in the same words.
			fault(at("key"), &faultMinLength{Got: 0, Want: 1}, l.Key)
		} else if !isOneKey(l.Key) {
			fault(at("key"), &faultPattern{Got: l.Key, Want: keyPattern().String()}, l.Key)
		}
	dup:
		for j := 1; j < len(l.Attributes); j++ {
			for k := range j {
				if l.Attributes[j] == l.Attributes[k] {
					fault(at("attributes"), &faultUniqueItems{Duplicates: [2]int{k, j}}, nil)
					break dup
				}
			}
		}
		for j, a := range l.Attributes {
			if !isLabelName(a) {
				fault(at("attributes", strconv.Itoa(j)), &faultPattern{Got: a, Want: schemaRules().name}, a)
			}
		}
	}
	names := map[string]bool{} // names already checked by isLabelName
	for _, list := range []string{"annotations", "orphans"} {
		as := f.Annotations
		if list == "orphans" {
			as = f.Orphans
		}
		for i := range as {
			a := &as[i]
			a.readTimes()
			if IsUUID(a.ID) && a.Start.N >= 0 && a.End.N >= 0 && a.Exact != "" && goodAnchor(a.Anchor) &&
				a.createdErr == nil && a.modifiedErr == nil && isName(names, a.Label) {
				continue
			}
			at := func(field string) []string { return []string{list, strconv.Itoa(i), field} }
			if !IsUUID(a.ID) {
				fault(at("id"), &faultPattern{Got: a.ID, Want: schemaRules().uuid}, a.ID)
			}
			if !isName(names, a.Label) {
				fault(at("label"), &faultPattern{Got: a.Label, Want: schemaRules().name}, a.Label)
			}
			for _, o := range []struct {
				field string
				w     wireInt
			}{{"start", a.Start}, {"end", a.End}} {
				if o.w.N < 0 {
					fault(at(o.field), &faultMinimum{Got: big.NewRat(int64(o.w.N), 1), Want: new(big.Rat)}, json.Number(o.w.Raw))
				}
			}
			if a.Exact == "" {
				fault(at("exact"), &faultMinLength{Got: 0, Want: 1}, a.Exact)
			}
			dateTime(at("created"), a.Created)
			dateTime(at("modified"), a.Modified)
			if !goodAnchor(a.Anchor) {
				fault(at("anchor"), &faultEnum{Got: string(a.Anchor), Want: schemaRules().anchors}, string(a.Anchor))
			}
		}
	}
}

// isName reports whether s is a valid label or attribute name, with the
// answers so far in names.
func isName(names map[string]bool, s string) bool {
	ok, seen := names[s]
	if !seen {
		ok = isLabelName(s)
		names[s] = ok
	}
	return ok
}

// goodAnchor reports whether a is one of the ways of anchoring.
func goodAnchor(a Anchoring) bool {
	switch a {
	case AnchorExact, AnchorContext, AnchorFuzzy, AnchorOrphan:
		return true
	}
	return false
}

// isDateTime reports whether s is an RFC 3339 date-time.
func isDateTime(s string) bool {
	_, err := parseFileTime(s)
	return err == nil
}
