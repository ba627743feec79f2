// This file holds the checks that the JSON Schema cannot express: the
// text's hash, spans against the text, labels, unique ids and spans, and
// times.

package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// markBad records that the JSON Schema found fault with the value at path.
func (v *fileValidator) markBad(path string) {
	if v.badPaths == nil {
		v.badPaths, v.badHolders = map[string]bool{}, map[string]bool{}
	}
	v.badPaths[path] = true
	for p := path; p != ""; {
		p = p[:strings.LastIndexByte(p, '/')]
		if v.badHolders[p] {
			break
		}
		v.badHolders[p] = true
	}
}

// bad reports whether the JSON Schema found fault with the value at path:
// with it, with anything in it, or with a value that holds it (which is
// then of the wrong type, or missing). It costs the depth of path, not
// the number of faults found.
func (v *fileValidator) bad(path string) bool {
	return v.badHolders[path] || v.broken(path)
}

// broken reports whether the JSON Schema found fault with the value at
// path itself or with a value that holds it, but not merely with
// something in it.
func (v *fileValidator) broken(path string) bool {
	if len(v.badPaths) == 0 {
		return false
	}
	for p := path; ; p = p[:strings.LastIndexByte(p, '/')] {
		if v.badPaths[p] {
			return true
		}
		if p == "" {
			return false
		}
	}
}

// badIn reports whether the JSON Schema found fault with the value at
// path+"/"+field, or with anything in it, when it found none with the
// value at path itself or with a value that holds it: bad, in fewer
// steps, for the fields of an annotation.
func (v *fileValidator) badIn(path, field string) bool {
	if len(v.badPaths) == 0 {
		return false
	}
	p := path + "/" + field
	return v.badHolders[p] || v.badPaths[p]
}

// checkSemantics makes the checks that the JSON Schema cannot express.
func (v *fileValidator) checkSemantics() {
	f := &v.file
	textOK := !v.bad("/document/text")
	if textOK {
		v.text = NewText(str(f.Document.Text))
		if !v.bad("/document/textSha256") {
			sum := sha256.Sum256([]byte(v.text.String()))
			if got := hex.EncodeToString(sum[:]); got != f.Document.TextSHA256 {
				v.add("/document/textSha256", sevFatal,
					"textSha256 is not the SHA-256 of the document's text (which hashes to %s…): the text or the hash was changed after the file was written", got[:12])
			}
		}
	}

	if f.Exported != nil && !v.bad("/exported") {
		if _, err := parseFileTime(*f.Exported); err != nil {
			v.add("/exported", sevFatal, "exported %q is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", abbreviateFor(*f.Exported))
		}
	}

	schema := fileSchemaOf(f.Schema)
	labelsOK := !v.bad("/schema")
	if labelsOK {
		if err := schema.Validate(); err != nil {
			var se *SchemaError
			if errors.As(err, &se) {
				for i, p := range se.Problems {
					v.add("/schema"+se.Paths[i], sevFatal, "%s", p)
				}
			} else {
				v.add("/schema", sevFatal, "%v", err)
			}
		}
	}

	n := len(f.Annotations) + len(f.Orphans)
	ids := make(map[string]string, n)    // id -> path of the first annotation with it
	spans := make(map[spanKey]string, n) // label and span -> path of the first annotation with them
	check := func(list string, as []annotationIn, placed bool) {
		for i, a := range as {
			path := "/" + list + "/" + strconv.Itoa(i)
			if v.broken(path) {
				// The annotation is not an object: the JSON Schema has
				// said so, and what follows would only repeat it. From
				// here on, v.badIn(path, field) is v.bad(path+"/"+field).
				continue
			}
			if !v.badIn(path, "id") {
				v.checkID(ids, path, a.ID)
			}
			v.checkLabel(schema, labelsOK, path, a)
			v.checkTimes(path, a)
			v.checkOffset(path, "start", a.Start)
			v.checkOffset(path, "end", a.End)
			if !placed || !textOK {
				continue
			}
			spanBad := a.Start.Kind != intExact || a.End.Kind != intExact
			for _, field := range []string{"label", "start", "end", "exact", "prefix", "suffix"} {
				spanBad = spanBad || v.badIn(path, field)
			}
			if spanBad {
				continue
			}
			if v.checkSpan(path, a) {
				key := spanKey{a.Label, a.Start.N, a.End.N}
				if first, dup := spans[key]; dup {
					v.addSee(path, sevRepairable, first, "this annotation has the same label (%s) and span (%d to %d) as %s%s; only one can be kept",
						a.Label, a.Start.N, a.End.N, first, lineMark)
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
		s.Labels[i] = Label(l)
	}
	return s
}

func (v *fileValidator) checkID(ids map[string]string, path, id string) {
	key := strings.ToLower(id)
	if first, dup := ids[key]; dup {
		v.addSee(path+"/id", sevFatal, first+"/id", "id %q is already the id of %s%s; every annotation needs its own", id, first, lineMark)
		return
	}
	ids[key] = path
}

// checkLabel checks that the annotation's label is in the schema and that
// its attributes have valid names that the label takes. The annotation at
// path is not broken.
func (v *fileValidator) checkLabel(schema Schema, labelsOK bool, path string, a annotationIn) {
	names := make([]string, 0, len(a.Attributes))
	for name := range a.Attributes {
		names = append(names, name)
	}
	sort.Strings(names)
	valid := names[:0:0]
	for _, name := range names {
		if !isLabelName(name) {
			v.add(path+"/attributes/"+escapePointer(name), sevFatal, "%q is not a valid attribute name: names are 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter", name)
			continue
		}
		valid = append(valid, name)
	}
	if !labelsOK || v.badIn(path, "label") {
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
			v.add(path+"/attributes/"+escapePointer(name), sevWarning, "the label %q does not take the attribute %q; it is kept, and shown with the annotation", l.Name, name)
		}
	}
}

// checkOffset refuses a start or end that is not a whole number that an
// offset can be. One past the end of the text is checkSpan's to report.
// The annotation at path is not broken.
func (v *fileValidator) checkOffset(path, field string, w wireInt) {
	if w.Kind == intExact || v.badIn(path, field) {
		return // nothing to say, or the JSON Schema has said what is wrong
	}
	path += "/" + field
	switch {
	case w.Kind == intFraction:
		v.add(path, sevFatal, "%s is %s, which is not a whole number: offsets count code points from 0", field, w.Raw)
	case w.Kind == intHuge && w.Neg:
		v.add(path, sevFatal, "%s is %s but must not be negative", field, w.Raw)
	case w.Kind == intHuge:
		v.add(path, sevFatal, "%s is %s, far past the end of any text this annotator can hold: offsets count code points from 0", field, w.Raw)
	case w.Kind == intNotNum:
		v.add(path, sevFatal, "%s should be an integer, not %s", field, w.Raw)
	}
}

// checkTimes checks the annotation's times; the annotation at path is
// not broken.
func (v *fileValidator) checkTimes(path string, a annotationIn) {
	a.readTimes()
	created, modified, errC, errM := a.createdAt, a.modifiedAt, a.createdErr, a.modifiedErr
	badC, badM := v.badIn(path, "created"), v.badIn(path, "modified")
	if !badC {
		if errC != nil {
			v.add(path+"/created", sevFatal, "created %q is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", a.Created)
		}
	}
	if !badM {
		if errM != nil {
			v.add(path+"/modified", sevFatal, "modified %q is not a date and time in RFC 3339 form, such as 2025-04-01T09:30:00.000Z", a.Modified)
		}
	}
	if errC == nil && errM == nil && !badC && !badM && modified.Before(created) {
		v.add(path+"/modified", sevRepairable, "modified (%s) is before created (%s); an import takes it to be the time created", a.Modified, a.Created)
	}
}

// checkSpan checks a placed annotation's offsets, exact text and context
// against the text, and reports whether its span is sound.
func (v *fileValidator) checkSpan(path string, w annotationIn) bool {
	a := struct {
		Start, End            int
		Exact, Prefix, Suffix string
	}{w.Start.N, w.End.N, w.Exact, str(w.Prefix), str(w.Suffix)}
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
	// 0 <= Start < End <= n: the span's bytes are s[bs:be]. Strings read
	// from JSON are valid UTF-8, so a prefix that ends the text before
	// the span, byte for byte, is its last code points, and a suffix
	// that starts the text after it is its first.
	s := t.String()
	bs, be := t.Byte(a.Start), t.Byte(a.End)
	if got := s[bs:be]; got != a.Exact {
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
	if !strings.HasSuffix(s[:bs], a.Prefix) {
		k := utf8.RuneCountInString(a.Prefix)
		v.add(path+"/prefix", sevWarning, "prefix %q does not agree with the text before the span, %q",
			abbreviateTail(a.Prefix), abbreviateTail(t.Slice(a.Start-k, a.Start)))
	}
	if !strings.HasPrefix(s[be:], a.Suffix) {
		k := utf8.RuneCountInString(a.Suffix)
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
