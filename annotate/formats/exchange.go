package formats

// This file keeps what the exchange formats of this package share: the
// order in which they write a document's annotations, how an attribute is
// told from a format's own fields, the names they give labels and
// attributes read from other tools, and JSON written as the native export
// writes it.

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/newsannotator/annotator/annotate"
)

// placed returns f's placed annotations sorted by start, end, label and
// id: the order every export writes them in. Orphans, which have no place
// in the text, are not among them.
func placed(f annotate.File) []annotate.Annotation {
	as := slices.Clone(f.Annotations)
	slices.SortFunc(as, func(a, b annotate.Annotation) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID))
	})
	return as
}

// attrPrefix marks an attribute in a format that writes attributes beside
// its own fields, under their names: a JSON Lines span's members, a CSV's
// columns, Label Studio's from_name. It goes before the name of an
// attribute that is named as one of the format's fields, and before one
// whose name starts with attrPrefix itself; the import takes away exactly
// one, so that every name comes back as it was ("attr_text" is written
// "attr_attr_text", "text" is written "attr_text").
const attrPrefix = "attr_"

// attrField returns the field that holds attribute name in a format whose
// own fields own reports.
func attrField(name string, own func(field string) bool) string {
	if own(name) || strings.HasPrefix(name, attrPrefix) {
		return attrPrefix + name
	}
	return name
}

// attrName returns the name of the attribute that field holds, field
// without one attrPrefix, as attrField wrote it.
func attrName(field string) string {
	return strings.TrimPrefix(field, attrPrefix)
}

// schemaName makes a label or attribute name of another tool ("PER",
// "Protein", "due date") one that a schema takes: lower case letters,
// digits, '-' and '_', starting with a letter, at most 32 characters.
// A name a schema takes already is given back as it is ("claim_" too), so
// that a file of this annotator's keeps its names. It returns "" for a
// name with nothing to keep (digits or signs alone).
//
// A name written in another script ("人物", "Персона"), which keeps no
// letter, is "name_" and a hash of it; a longer one, cut, ends in a hash
// of the whole: each name is read as the same one wherever it comes, in
// every file, and two names are not read as one. A Chinese or Russian
// team's labels were all left out with their spans, and two long labels
// that began alike ("Statement by a government official (verified)",
// "… (disputed)") were read as one.
func schemaName(s string) string {
	n := latinName(s)
	switch {
	case n == "" && strings.IndexFunc(s, unicode.IsLetter) >= 0:
		return "name_" + nameHash(s)
	case len(n) > 32:
		return strings.TrimRight(n[:23], "-_") + "_" + nameHash(s)
	}
	return n
}

// nameHash is 8 hexadecimal digits that stand for name s.
func nameHash(s string) string {
	h := fnv.New32a()
	h.Write([]byte(s))
	return fmt.Sprintf("%08x", h.Sum32())
}

// latinName is s in the letters, digits, '-' and '_' of a schema's names,
// uncut.
func latinName(s string) string {
	var b strings.Builder
	seps := 0 // spaces, '.', '/' and ':' not yet written: '_' before the next character kept
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r >= 'a' && r <= 'z', (r >= '0' && r <= '9' || r == '-' || r == '_') && b.Len() > 0:
			b.WriteString(strings.Repeat("_", seps))
			seps = 0
			b.WriteRune(r)
		case b.Len() > 0 && (r == ' ' || r == '.' || r == '/' || r == ':'):
			seps++
		}
	}
	return b.String()
}

// renames makes the names of another tool names a schema takes
// (schemaName), and keeps, for a note, each one it changed.
type renames map[string]string

// name returns schemaName(s), noting a change.
func (r renames) name(s string) string {
	n := schemaName(s)
	if n != s && n != "" {
		r[s] = n
	}
	return n
}

// attributes returns attrs with each name made one a schema takes, as
// name makes it, and without the values that show nothing (white space,
// zero-width characters: annotate.AttributeValue; an
// annotation keeps none, and annotate.Import drops them from an export).
// An attribute whose name has nothing to keep, or is read as a name that
// another of attrs has, is left out: left says why, one sentence each.
// A name a schema takes already is read first, so it keeps its value.
func (r renames) attributes(attrs map[string]string) (kept map[string]string, left []string) {
	kept = make(map[string]string, len(attrs))
	for _, valid := range []bool{true, false} {
		for _, k := range slices.Sorted(maps.Keys(attrs)) {
			v, n := attrs[k], schemaName(k)
			switch {
			case (n == k) != valid || annotate.AttributeValue(v) == "":
			case n == "":
				left = append(left, fmt.Sprintf("its attribute %q is left out: it cannot be an attribute's name", k))
			case kept[n] != "":
				left = append(left, fmt.Sprintf("its attribute %q is left out: it would be read as %q, which it has already", k, n))
			default:
				kept[r.name(k)] = v
			}
		}
	}
	return kept, left
}

// notes says, a note a name, how the names were changed: what is the
// names' kind ("the label").
func (r renames) notes(what string) []string {
	var notes []string
	for _, from := range slices.Sorted(maps.Keys(r)) {
		notes = append(notes, fmt.Sprintf("%s %q is read as %q: the names of a label schema are lower case letters, digits, '-' and '_', starting with a letter", what, from, r[from]))
	}
	return notes
}

// trimBOM drops a UTF-8 byte order mark from the start of data.
func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) }

// fileDocument makes the document of f again, from its HTML, or from its
// text when it has none.
func fileDocument(f annotate.File) (*annotate.Document, error) {
	fd := f.Document
	if strings.TrimSpace(fd.HTML) != "" {
		return annotate.FromSanitized(fd.HTML, fd.Title, fd.URL, fd.Meta)
	}
	doc, err := annotate.Load([]byte(fd.Text), annotate.Source{Name: fd.Title, MediaType: "text/plain; charset=utf-8", URL: fd.URL})
	if err != nil {
		return nil, err
	}
	doc.Title, doc.Meta = fd.Title, fd.Meta
	return doc, nil
}

// knownDocument returns the document that known has under the first of
// ids it knows, when its canonical text is text: the spans of a
// text-only file are then placed on it, and it keeps its HTML, which
// loading the text alone would lose. It returns nil otherwise.
func knownDocument(known Known, text string, ids ...string) *annotate.Document {
	if known == nil {
		return nil
	}
	for _, id := range ids {
		if id == "" {
			continue
		}
		if f, ok := known(id); ok {
			if f.Document.Text != text {
				return nil
			}
			doc, err := fileDocument(f)
			if err != nil || doc.Text().String() != text {
				return nil
			}
			return doc
		}
	}
	return nil
}
