package agree

// This file merges several annotators' files of one text into one file
// in which every span keeps its sources: which annotators made it, and
// the id it had in each of their files. A merged file is an ordinary
// export in the native format (it passes annotate.Validate), so that the
// annotator can open it, and Adjudicate (adjudicate.go) can make the gold
// file from it.
//
// The rule it keeps: a span (label, start, end) is in the merged file
// once, however many annotators made it, with all its sources listed, in
// the order the files were given. The format allows one annotation per
// label and span, and an adjudicator accepts or rejects a span, not an
// annotator's copy of it.

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/newsannotator/annotator/annotate"
)

// The attributes in which a merged span keeps its sources. Attribute
// names are lower-case letters, digits, '-' and '_' (annotate.Schema), so
// these are written with underscores. Each holds one line per source, in
// the same order: the annotator's name, and the span's id in that
// annotator's file. Sources reads them back.
const (
	AttrSourceAnnotator = "source_annotator"
	AttrSourceID        = "source_id"
)

// ErrReserved: an input file already uses one of the attribute names of
// the sources, as a file merged before does; merge the annotators' own
// files instead.
var ErrReserved = errors.New("the file uses an attribute name that a merged file keeps its sources in")

// ErrSchemas: the files' label schemas, put together, are not a valid
// schema (more labels than a schema may have, say), so no merged file
// can hold them all.
var ErrSchemas = errors.New("the files' schemas do not merge into one")

// Source is one annotator's copy of a merged span.
type Source struct {
	// Annotator is the annotator's name.
	Annotator string
	// ID is the id the span had in the annotator's file.
	ID string
}

// Sources returns the sources of a merged annotation, in the order of the
// files merged; none for an annotation that has no source attributes.
func Sources(a annotate.Annotation) []Source {
	names := lines(a.Attributes[AttrSourceAnnotator])
	ids := lines(a.Attributes[AttrSourceID])
	out := make([]Source, len(names))
	for k, n := range names {
		out[k].Annotator = n
		if k < len(ids) {
			out[k].ID = ids[k]
		}
	}
	return out
}

// SourceIndex maps every source of the merged file's annotations, placed
// and orphans, to the id of the merged annotation: so that a span that
// Agree lists in a disagreement, by its annotator and its id in their
// file, can be found in the merged file, to be accepted or not.
func SourceIndex(merged annotate.File) map[Source]string {
	out := map[Source]string{}
	for _, list := range [][]annotate.Annotation{merged.Annotations, merged.Orphans} {
		for _, a := range list {
			for _, s := range Sources(a) {
				out[s] = a.ID
			}
		}
	}
	return out
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Merge combines the annotators' files of one text into one file,
// stamped with time now. Each span (label, start, end) is there once,
// with AttrSourceAnnotator and AttrSourceID listing who made it and its
// id in their file; its other attributes are those of its first source,
// with any that a later source has and the first has not. It takes the
// first source's author (or, when that is empty, the annotator's name)
// and times. Every span gets a new version-7 UUID, since two annotators'
// files may share ids (both started from one pre-annotated file, say).
// Orphans are kept as orphans, each with its one source.
//
// The schema is the first file's, with the labels of the other files
// that it lacks (a label whose key is taken gets the first free letter or
// digit), a label for any label a span has that no schema lists, each
// label taking the attributes any file's schema gives it, and every label
// taking the two source attributes.
//
// Merge refuses files whose texts differ (ErrTextDiffers), placed spans
// outside the text (ErrSpan), files that use the source attributes
// already (ErrReserved) and schemas that do not make one (ErrSchemas).
func Merge(annotators []Annotator, now time.Time) (annotate.File, error) {
	if len(annotators) == 0 {
		return annotate.File{}, fmt.Errorf("%w (none given)", ErrTooFew)
	}
	nm := names(annotators)
	if err := sameText(annotators, nm); err != nil {
		return annotate.File{}, err
	}
	first := annotators[0].File
	text := annotate.NewText(first.Document.Text)
	for i, a := range annotators {
		if err := checkMergeable(a, nm[i], text.Len()); err != nil {
			return annotate.File{}, err
		}
	}
	schema, err := mergeSchemas(annotators)
	if err != nil {
		return annotate.File{}, err
	}
	out := annotate.File{
		Version:     annotate.FormatVersion,
		Generator:   annotate.Generator,
		Exported:    now.UTC(),
		Document:    document(first.Document),
		Schema:      schema,
		Annotations: []annotate.Annotation{},
	}
	type key struct {
		label      string
		start, end int
	}
	at := map[key]int{}
	var srcNames, srcIDs [][]string // per merged annotation
	for i, an := range annotators {
		for _, a := range an.File.Annotations {
			k := key{a.Label, a.Start, a.End}
			if m, ok := at[k]; ok {
				if slices.Contains(srcNames[m], nm[i]) {
					continue // the same span twice in one file counts once
				}
				srcNames[m] = append(srcNames[m], nm[i])
				srcIDs[m] = append(srcIDs[m], a.ID)
				for name, v := range a.Attributes {
					if _, set := out.Annotations[m].Attributes[name]; !set && annotate.AttributeValue(v) != "" {
						out.Annotations[m].Attributes[name] = annotate.AttributeValue(v)
					}
				}
				continue
			}
			b, err := fromSource(a, nm[i])
			if err != nil {
				return annotate.File{}, err
			}
			b.Place(text, a.Start, a.End)
			b.Anchor = annotate.AnchorExact
			at[k] = len(out.Annotations)
			out.Annotations = append(out.Annotations, b)
			srcNames = append(srcNames, []string{nm[i]})
			srcIDs = append(srcIDs, []string{a.ID})
		}
	}
	for m := range out.Annotations {
		out.Annotations[m].Attributes[AttrSourceAnnotator] = strings.Join(srcNames[m], "\n")
		out.Annotations[m].Attributes[AttrSourceID] = strings.Join(srcIDs[m], "\n")
	}
	slices.SortFunc(out.Annotations, func(a, b annotate.Annotation) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
	})
	for i, an := range annotators {
		for _, a := range an.File.Orphans {
			b, err := fromSource(a, nm[i])
			if err != nil {
				return annotate.File{}, err
			}
			b.Anchor = annotate.AnchorOrphan
			b.Attributes[AttrSourceAnnotator] = nm[i]
			b.Attributes[AttrSourceID] = a.ID
			out.Orphans = append(out.Orphans, b)
		}
	}
	return out, nil
}

// document returns d with the hash of its text and the offset unit that
// the format asks for, whatever the file said.
func document(d annotate.FileDocument) annotate.FileDocument {
	sum := sha256.Sum256([]byte(d.Text))
	d.TextSHA256 = hex.EncodeToString(sum[:])
	d.OffsetUnit = annotate.OffsetUnit
	return d
}

// fromSource copies a for the merged file: a new id, an author, and
// attributes that are never nil and hold no empty value.
func fromSource(a annotate.Annotation, name string) (annotate.Annotation, error) {
	b := a.Clone()
	id, err := uuid.NewV7()
	if err != nil {
		return b, fmt.Errorf("making an id: %w", err)
	}
	b.ID = id.String()
	if b.Author == "" {
		b.Author = name
	}
	// Values as the app keeps them (annotate.AttributeValue), as
	// sameAttributes compares them: "Obama " is "Obama", and a blank
	// value none, which a later source may fill in.
	attrs := map[string]string{}
	for k, v := range a.Attributes {
		if v := annotate.AttributeValue(v); v != "" {
			attrs[k] = v
		}
	}
	b.Attributes = attrs
	return b, nil
}

// checkMergeable refuses placed spans outside a text of n code points and
// the attribute names of the sources.
func checkMergeable(a Annotator, name string, n int) error {
	for _, l := range a.File.Schema.Labels {
		if slices.Contains(l.Attributes, AttrSourceAnnotator) || slices.Contains(l.Attributes, AttrSourceID) {
			return fmt.Errorf("%s: the label %s takes the attribute %s or %s: %w", describe(a, name), l.Name, AttrSourceAnnotator, AttrSourceID, ErrReserved)
		}
	}
	for _, list := range [][]annotate.Annotation{a.File.Annotations, a.File.Orphans} {
		for _, x := range list {
			if _, ok := x.Attributes[AttrSourceAnnotator]; ok {
				return fmt.Errorf("%s, annotation %s has the attribute %s: %w", describe(a, name), x.ID, AttrSourceAnnotator, ErrReserved)
			}
			if _, ok := x.Attributes[AttrSourceID]; ok {
				return fmt.Errorf("%s, annotation %s has the attribute %s: %w", describe(a, name), x.ID, AttrSourceID, ErrReserved)
			}
		}
	}
	for _, x := range a.File.Annotations {
		if x.Start < 0 || x.End > n || x.Start >= x.End {
			return fmt.Errorf("%s, annotation %s (%s, %d to %d; the text has %d code points): %w",
				describe(a, name), x.ID, x.Label, x.Start, x.End, n, ErrSpan)
		}
	}
	return nil
}

// mergeSchemas returns the merged file's schema (see Merge).
func mergeSchemas(as []Annotator) (annotate.Schema, error) {
	schema := as[0].File.Schema.Clone()
	has := func(name string) int {
		return slices.IndexFunc(schema.Labels, func(l annotate.Label) bool { return l.Name == name })
	}
	keys := map[string]bool{}
	for _, l := range schema.Labels {
		keys[annotate.FoldKey(l.Key)] = true
	}
	// Keys are compared as the app compares them (annotate.FoldKey).
	add := func(l annotate.Label) {
		if keys[annotate.FoldKey(l.Key)] || l.Key == "" {
			l.Key = freeKey(keys)
		}
		keys[annotate.FoldKey(l.Key)] = true
		l.Attributes = slices.Clone(l.Attributes)
		schema.Labels = append(schema.Labels, l)
	}
	for _, a := range as[1:] {
		for _, l := range a.File.Schema.Labels {
			k := has(l.Name)
			if k < 0 {
				add(l)
				continue
			}
			for _, attr := range l.Attributes {
				if !slices.Contains(schema.Labels[k].Attributes, attr) {
					schema.Labels[k].Attributes = append(schema.Labels[k].Attributes, attr)
				}
			}
		}
	}
	for _, a := range as {
		for _, list := range [][]annotate.Annotation{a.File.Annotations, a.File.Orphans} {
			for _, x := range list {
				if has(x.Label) < 0 {
					add(annotate.Label{Name: x.Label, Color: "#999999", Attributes: []string{}})
				}
			}
		}
	}
	for k := range schema.Labels {
		if schema.Labels[k].Attributes == nil {
			schema.Labels[k].Attributes = []string{}
		}
		schema.Labels[k].Attributes = append(schema.Labels[k].Attributes, AttrSourceAnnotator, AttrSourceID)
	}
	if err := schema.Validate(); err != nil {
		return schema, fmt.Errorf("%w: %w", ErrSchemas, err)
	}
	return schema, nil
}

// freeKey returns the first letter or digit that no label's key is;
// used holds the keys' FoldKey.
func freeKey(used map[string]bool) string {
	for _, r := range "abcdefghijklmnopqrstuvwxyz0123456789" {
		if !used[annotate.FoldKey(string(r))] {
			return string(r)
		}
	}
	return ""
}
