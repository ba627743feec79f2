// This file holds the checks that the JSON Schema cannot express: the
// text's hash, spans against the text, labels, unique ids and spans, and
// times.

package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// with it, with anything in it, or with a value that holds it (which is
// then of the wrong type, or missing).
func (v *fileValidator) bad(path string) bool {
	for _, p := range v.schemaBad {
		if p == path || strings.HasPrefix(p, path+"/") || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// broken reports whether the JSON Schema found fault with the value at
// path itself or with a value that holds it, but not merely with
// something in it.
func (v *fileValidator) broken(path string) bool {
	for _, p := range v.schemaBad {
		if p == path || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// checkSemantics makes the checks that the JSON Schema cannot express.
func (v *fileValidator) checkSemantics() {
	f := &v.file
	textOK := !v.bad("/document/text")
	if textOK {
		v.text = NewText(f.Document.Text)
		if !v.bad("/document/textSha256") {
			sum := sha256.Sum256([]byte(f.Document.Text))
			if got := hex.EncodeToString(sum[:]); got != f.Document.TextSHA256 {
				v.add("/document/textSha256", sevFatal,
					"textSha256 is not the SHA-256 of the document's text (which hashes to %s…): the text or the hash was changed after the file was written", got[:12])
			}
		}
	}

	schema := fileSchemaOf(f.Schema)
	labelsOK := !v.bad("/schema")
	if labelsOK {
		if err := schema.Validate(); err != nil {
			var se *SchemaError
			if errors.As(err, &se) {
				for _, p := range se.Problems {
					path := "/schema"
					var n int
					if _, err := fmt.Sscanf(p, "label %d", &n); err == nil && n >= 1 && n <= len(schema.Labels) {
						path = fmt.Sprintf("/schema/labels/%d", n-1)
					}
					v.add(path, sevFatal, "%s", p)
				}
			} else {
				v.add("/schema", sevFatal, "%v", err)
			}
		}
	}

	ids := map[string]string{}    // id -> path of the first annotation with it
	spans := map[spanKey]string{} // label and span -> path of the first annotation with them
	check := func(list string, as []annotationWire, placed bool) {
		for i, a := range as {
			path := fmt.Sprintf("/%s/%d", list, i)
			if v.broken(path) {
				// The annotation is not an object: the JSON Schema has
				// said so, and what follows would only repeat it.
				continue
			}
			if !v.bad(path + "/id") {
				v.checkID(ids, path, a.ID)
			}
			v.checkLabel(schema, labelsOK, path, a)
			v.checkTimes(path, a)
			if !placed || !textOK {
				continue
			}
			spanBad := false
			for _, field := range []string{"label", "start", "end", "exact", "prefix", "suffix"} {
				spanBad = spanBad || v.bad(path+"/"+field)
			}
			if spanBad {
				continue
			}
			if v.checkSpan(path, a) {
				key := spanKey{a.Label, a.Start, a.End}
				if first, dup := spans[key]; dup {
					v.add(path, sevRepairable, "this annotation has the same label (%s) and span (%d to %d) as %s%s; only one can be kept",
						a.Label, a.Start, a.End, first, v.lineOf(first))
				} else {
					spans[key] = path
				}
			}
		}
	}
	check("annotations", f.Annotations, true)
	check("orphans", f.Orphans, false)
}

// fileSchemaOf turns the written schema back into a Schema.
func fileSchemaOf(w schemaWire) Schema {
	s := Schema{Labels: make([]Label, len(w.Labels))}
	for i, l := range w.Labels {
		s.Labels[i] = Label{Name: l.Name, Color: l.Color, Key: l.Key, Attributes: l.Attributes, Description: l.Description}
	}
	return s
}

func (v *fileValidator) checkID(ids map[string]string, path, id string) {
	key := strings.ToLower(id)
	if first, dup := ids[key]; dup {
		v.add(path+"/id", sevFatal, "id %q is already the id of %s%s; every annotation needs its own", id, first, v.lineOf(first+"/id"))
		return
	}
	ids[key] = path
}

// checkLabel checks that the annotation's label is in the schema and that
// its attributes have valid names that the label takes.
func (v *fileValidator) checkLabel(schema Schema, labelsOK bool, path string, a annotationWire) {
	names := make([]string, 0, len(a.Attributes))
	for name := range a.Attributes {
		names = append(names, name)
	}
	sort.Strings(names)
	valid := names[:0:0]
	for _, name := range names {
		if !namePattern.MatchString(name) {
			v.add(path+"/attributes/"+escapePointer(name), sevFatal, "%q is not a valid attribute name: names are 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter", name)
			continue
		}
		valid = append(valid, name)
	}
	if !labelsOK || v.bad(path+"/label") {
		return
	}
	l, ok := schema.Label(a.Label)
	if !ok {
		labels := make([]string, len(schema.Labels))
		for i, l := range schema.Labels {
			labels[i] = l.Name
		}
		v.add(path+"/label", sevFatal, "label %q is not in the file's schema, which has %s", a.Label, strings.Join(labels, ", "))
		return
	}
	for _, name := range valid {
		if !l.Takes(name) {
			v.add(path+"/attributes/"+escapePointer(name), sevWarning, "the label %q does not take the attribute %q; it is kept but not shown", l.Name, name)
		}
	}
}

func (v *fileValidator) checkTimes(path string, a annotationWire) {
	var created, modified time.Time
	var errC, errM error
	if !v.bad(path + "/created") {
		if created, errC = parseFileTime(a.Created); errC != nil {
			v.add(path+"/created", sevFatal, "created %q is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", a.Created)
		}
	}
	if !v.bad(path + "/modified") {
		if modified, errM = parseFileTime(a.Modified); errM != nil {
			v.add(path+"/modified", sevFatal, "modified %q is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", a.Modified)
		}
	}
	if errC == nil && errM == nil && !created.IsZero() && !modified.IsZero() && modified.Before(created) {
		v.add(path+"/modified", sevRepairable, "modified (%s) is before created (%s)", a.Modified, a.Created)
	}
}

// parseFileTime reads an RFC 3339 time as the format writes it.
func parseFileTime(s string) (time.Time, error) {
	var t time.Time
	err := t.UnmarshalJSON([]byte(strconv.Quote(s)))
	return t, err
}

// checkSpan checks a placed annotation's offsets, exact text and context
// against the text, and reports whether its span is sound.
func (v *fileValidator) checkSpan(path string, a annotationWire) bool {
	t := v.text
	n := t.Len()
	switch {
	case a.Start > n:
		v.add(path+"/start", sevRepairable, "start (%d) is past the end of the text (%d code points)", a.Start, n)
		return false
	case a.End > n:
		v.add(path+"/end", sevRepairable, "end (%d) is past the end of the text (%d code points)", a.End, n)
		return false
	case a.Start >= a.End:
		v.add(path+"/start", sevRepairable, "start (%d) is not before end (%d): a span must hold at least one character", a.Start, a.End)
		return false
	}
	if got := t.Slice(a.Start, a.End); got != a.Exact {
		hint := ""
		switch {
		case t.Slice(t.CodePointAtUTF16(a.Start), t.CodePointAtUTF16(a.End)) == a.Exact:
			hint = " (the offsets look like UTF-16 code units, as JavaScript counts; this format counts code points)"
		case a.End <= len(t.String()) && t.String()[a.Start:a.End] == a.Exact:
			hint = " (the offsets look like UTF-8 bytes; this format counts code points)"
		}
		v.add(path+"/exact", sevRepairable, "exact is %q but the text from %d to %d is %q%s",
			abbreviateFor(a.Exact), a.Start, a.End, abbreviateFor(got), hint)
		return false
	}
	if k := utf8.RuneCountInString(a.Prefix); t.Slice(a.Start-k, a.Start) != a.Prefix {
		v.add(path+"/prefix", sevWarning, "prefix %q does not agree with the text before the span, %q",
			abbreviateTail(a.Prefix), abbreviateTail(t.Slice(a.Start-k, a.Start)))
	}
	if k := utf8.RuneCountInString(a.Suffix); t.Slice(a.End, a.End+k) != a.Suffix {
		v.add(path+"/suffix", sevWarning, "suffix %q does not agree with the text after the span, %q",
			abbreviateFor(a.Suffix), abbreviateFor(t.Slice(a.End, a.End+k)))
	}
	return true
}

// abbreviateTail shortens s from the front, keeping its end.
func abbreviateTail(s string) string {
	const max = 40
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return "…" + string(r[len(r)-max:])
}
