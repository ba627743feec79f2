package formats

// This file keeps the one rule by which a text-only format becomes a
// native file: the text is loaded as plain text, as the app opens a .txt
// (paragraphs at blank lines), and each span is placed on the canonical
// text that gives, by its offsets when they still hold its text and by its
// text and context otherwise, exactly as annotate.Import places the
// annotations of an export. Labels and attributes the schema lacks are
// added to it, their names made names a schema takes.

import (
	"fmt"
	"html"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/newsannotator/annotator/annotate"
)

// Span is an annotation as a text-only format carries it.
type Span struct {
	// ID is kept when it is a UUID, written 8-4-4-4-12 when it is one
	// written another way; otherwise the annotation gets a new one, with
	// a note, and when it is empty a new one in silence.
	ID    string
	Label string
	// Start and End count code points of the Plain's Text.
	Start, End int
	// Text is the span's text as the file gives it, or "". When it is
	// not the text at Start..End, the span is placed by this text, as an
	// annotation whose offsets no longer hold is: a file whose document
	// was found by its URL may count another version of the text.
	Text string
	// Attributes are the annotation's attributes and note, by name.
	Attributes map[string]string
	// Author, Created and Modified are kept when the format has them.
	Author            string
	Created, Modified time.Time
	// Line is the line of the file that holds the span, when it is not
	// the document's own (a CSV row's), so that messages name it; 0
	// otherwise.
	Line int
}

// Plain is a document as a text-only format carries it.
type Plain struct {
	SourceID string
	Title    string
	URL      string
	Text     string
	Meta     annotate.Meta
	// Document, when not nil, is the document the spans are on, one that
	// the conversion already has (Known's): Text, Title, URL and Meta are
	// then its own, and it keeps its HTML.
	Document *annotate.Document
	// Schema is the label schema; nil is the default schema. Either way,
	// labels and attributes the spans use and it lacks are added.
	Schema *annotate.Schema
	Spans  []Span
	// Verbatim keeps Text as the canonical text, character for character,
	// where loading it as a .txt would change it (runs of blank lines,
	// tabs, indented lines, carriage returns): set it for a text that is
	// a document's canonical text already, such as one this annotator
	// exported, or one whose offsets another tool counted. Such a
	// document is one preformatted block.
	Verbatim bool
}

// Build makes the Doc of p, read from from ("name" or "name:line"). It
// fails, in words, when p's text cannot be loaded as an article or when
// its labels cannot make a valid schema. A label that a schema does not
// take is made one (schemaName), with a note; a span whose label has
// nothing to keep or whose offsets are not within the text is left out,
// one of the Doc's Faults; a span that cannot be placed is kept as an
// orphan, with a note.
func Build(p Plain, from string) (Doc, error) {
	doc, given := p.Document, (*annotate.Text)(nil)
	if doc != nil {
		given = doc.Text()
	} else {
		var err error
		if doc, err = loadPlain(p, from); err != nil {
			return Doc{}, err
		}
		given = annotate.NewText(p.Text)
	}

	d := Doc{SourceID: p.SourceID, From: from}
	text := doc.Text()
	// A verbatim text loses its stray control characters all the same
	// (annotate's rule for every text read): the offsets that counted
	// them are moved onto the document's text, each span on the very
	// characters it held, rather than the spans placed by their quotes,
	// which a text of repeated words ("aa aa aa") misplaces.
	var onto []int
	var textNotes []string
	if p.Document == nil && p.Verbatim && text.String() != p.Text {
		var gone []rune
		if onto, gone = leftOutOf(p.Text, text.String()); onto != nil {
			textNotes = append(textNotes, goneNote("text", "a document's text", gone)+"; the offsets of its spans now count the text without "+annotate.Plural(len(gone), "it", "them"))
		}
	}
	// spanName names span i: by its line when it has one of its own, as
	// a span's place among the document's would not find it in the file.
	spanName := func(i int) string {
		if l := p.Spans[i].Line; l > 0 {
			return fmt.Sprintf("the span on line %d", l)
		}
		return fmt.Sprintf("span %d", i+1)
	}
	// Another tool's labels ("ORG", "Person Name", "GPE.LOC") and
	// attribute names ("Due Date") become names a schema takes, with a
	// note; a label with nothing to keep leaves its span out, and an
	// attribute name its attribute.
	names, attrNames := renames{}, renames{}
	spans := slices.Clone(p.Spans)
	var attrNotes []string
	for i := range spans {
		if spans[i].Label = names.name(spans[i].Label); spans[i].Label == "" {
			continue // left out below
		}
		var left []string
		spans[i].Attributes, left = attrNames.attributes(spans[i].Attributes)
		for _, why := range left {
			attrNotes = append(attrNotes, fmt.Sprintf("%s (%s): %s", spanName(i), p.Spans[i].Label, why))
		}
	}
	schema := annotate.DefaultSchema()
	if p.Schema != nil {
		schema = p.Schema.Clone()
	}
	named := slices.DeleteFunc(slices.Clone(spans), func(s Span) bool { return s.Label == "" })
	if err := growSchema(&schema, named); err != nil {
		return Doc{}, err
	}

	set := annotate.NewSet(text, schema)
	notes := make([]string, len(spans)) // by span, in the spans' order
	var anns []annotate.Annotation
	var spanOf []int // the span each of anns came from
	// An id that an earlier span of the document took (a line put
	// together by hand, a span copied) is given to none other: a second
	// annotation of one id is no annotation a store or an export can hold
	// apart, and it was kept as an orphan, out of the dataset.
	taken := map[string]bool{}
	var idNotes []string
	var notUUID, rewritten []string // quoted, said once for the document (idsNote)
	for i, s := range spans {
		if s.Label == "" {
			d.leftOut(s.Line, fmt.Sprintf("%s is left out: its label %q cannot be a label's name", spanName(i), p.Spans[i].Label))
			continue
		}
		if s.ID != "" && !annotate.IsUUID(s.ID) {
			// An id is a UUID written 8-4-4-4-12 (the schema's rule): one
			// written another way ("urn:uuid:…", in braces, without
			// hyphens) is written so, and one that is none is replaced,
			// each said, for a team that joins its rows by id.
			if u, err := uuid.Parse(s.ID); err == nil {
				rewritten = append(rewritten, fmt.Sprintf("%q", abbreviate(s.ID)))
				s.ID = u.String()
			} else {
				notUUID = append(notUUID, fmt.Sprintf("%q", abbreviate(s.ID)))
				s.ID = ""
			}
		}
		if s.ID != "" && taken[s.ID] {
			idNotes = append(idNotes, fmt.Sprintf("%s (%s) has the id %s of an earlier span; it is given a new one", spanName(i), s.Label, s.ID))
			s.ID = ""
		}
		on := given
		if onto != nil && spanProblem(s.Start, s.End, given.Len(), "code points") == nil {
			if onto[s.Start] == onto[s.End] {
				d.leftOut(s.Line, fmt.Sprintf("%s (%s) is left out: its span [%d, %d) holds nothing but control characters, which a document's text leaves out", spanName(i), s.Label, s.Start, s.End))
				continue
			}
			s.Start, s.End, on = onto[s.Start], onto[s.End], text
		}
		a, err := s.annotation(on)
		if err != nil {
			d.leftOut(s.Line, fmt.Sprintf("%s (%s) is left out: %v", spanName(i), s.Label, err))
			continue
		}
		taken[a.ID] = true
		anns, spanOf = append(anns, a), append(spanOf, i)
	}
	var orphans []annotate.Annotation
	placed, errs := set.ReanchorAll(annotate.NewAnchorer(text), anns)
	for j, b := range placed {
		switch err := errs[j]; {
		case err != nil:
			i := spanOf[j]
			notes[i] = fmt.Sprintf("%s (%s, %q) could not be placed (%v); it is kept as an orphan", spanName(i), spans[i].Label, abbreviate(anns[j].Exact), err)
			orphans = append(orphans, b)
		case b.Anchor != annotate.AnchorExact:
			d.Moved++
		}
	}
	idNotes = append(idNotes, idsNote(notUUID, "the id of a span, %s, is not a UUID: it is given a new one",
		"the ids of %d spans (%s) are not UUIDs: they are given new ones")...)
	idNotes = append(idNotes, idsNote(rewritten, "the id of a span, %s, is a UUID written another way: it is written 8-4-4-4-12",
		"the ids of %d spans (%s) are UUIDs written another way: they are written 8-4-4-4-12")...)
	d.Notes = append(append(append(append(textNotes, names.notes("the label")...), attrNames.notes("the attribute")...), attrNotes...), idNotes...)
	for _, n := range notes {
		if n != "" {
			d.Notes = append(d.Notes, n)
		}
	}
	set.ClearHistory()
	d.File = annotate.NewFile(doc, set, orphans, time.Time{})
	return d, nil
}

// loadPlain loads p's text as the app opens a .txt, with p's title, URL
// and metadata.
func loadPlain(p Plain, from string) (*annotate.Document, error) {
	doc, err := annotate.Load([]byte(p.Text), annotate.Source{Name: from, MediaType: "text/plain; charset=utf-8", URL: p.URL})
	if err == nil && p.Verbatim && doc.Text().String() != p.Text {
		// In <pre> the canonical text is the text as it stands. The
		// parser drops one line feed right after <pre> (HTML's rule, so
		// that authors may start the block on a new line): one is put
		// there for it to drop, and a text's own leading line feed stays.
		// It reads a carriage return as a line feed too, and the offsets
		// count the text's own (a CRLF is two code points to Label
		// Studio, brat or Python): each is written as a reference.
		pre := "<pre>\n" + strings.ReplaceAll(html.EscapeString(p.Text), "\r", "&#13;") + "</pre>"
		plain := doc.Meta
		doc, err = annotate.Load([]byte(pre), annotate.Source{Name: from, MediaType: "text/html; charset=utf-8", URL: p.URL})
		if err == nil {
			// The article is the text, not the HTML made to hold it.
			doc.Meta.MediaType, doc.Meta.Charset = plain.MediaType, plain.Charset
		}
	}
	if err != nil {
		return nil, err
	}
	if p.Title != "" {
		doc.Title = p.Title
	}
	meta := p.Meta
	// What the line says of its article (a dataset's "mediaType":
	// "text/html") is kept, as its other fields are.
	if meta.MediaType == "" {
		meta.MediaType, meta.Charset = doc.Meta.MediaType, doc.Meta.Charset
	}
	if meta.Source == "" {
		meta.Source = doc.Meta.Source
	}
	doc.Meta = meta
	return doc, nil
}

// leftOutOf maps the code point offsets of given, 0 to its length, onto
// text, which is given with some characters left out, and returns those
// characters. It returns nil when text is not given less some characters.
func leftOutOf(given, text string) (onto []int, gone []rune) {
	onto = make([]int, 0, len(given)+1)
	j := 0
	for _, r := range given {
		onto = append(onto, j)
		if c, size := utf8.DecodeRuneInString(text[j:]); size > 0 && c == r {
			j += size
		} else {
			gone = append(gone, r)
		}
	}
	if j != len(text) {
		return nil, nil
	}
	onto = append(onto, j)
	// onto holds byte offsets of text so far: count its code points.
	n, last := 0, 0
	for i, b := range onto {
		n += annotate.RuneCount(text[last:b])
		onto[i], last = n, b
	}
	return onto, gone
}

// goneNote says which characters of a line's text or title (what) were
// left out, as every one (all) leaves them: control characters most
// often, a NUL or a bell that some tool left in.
func goneNote(what, all string, gone []rune) string {
	var names []string
	for _, r := range gone {
		name := fmt.Sprintf("U+%04X", r)
		if !slices.Contains(names, name) && len(names) < 4 {
			names = append(names, name)
		}
	}
	kind := annotate.Plural(len(gone), "a control character", fmt.Sprintf("%d control characters", len(gone)))
	if slices.ContainsFunc(gone, func(r rune) bool { return !unicode.Is(unicode.Cc, r) }) {
		kind = annotate.Plural(len(gone), "a character that shows nothing", fmt.Sprintf("%d characters that show nothing", len(gone)))
	}
	return fmt.Sprintf("its %s held %s (%s), which %s leaves out", what, kind, strings.Join(names, ", "), all)
}

// spanProblem says what is wrong with the span [start, end) of a text of
// n units (unit names them), or returns nil: a span of no length or one
// that ends before it starts is said to be that, not to be outside a text
// it is well within.
func spanProblem(start, end, n int, unit string) error {
	switch {
	case start == end && start >= 0 && end <= n:
		return fmt.Errorf("its span [%d, %d) is empty: a span ends after it starts", start, end)
	case end < start && start >= 0 && end >= 0 && start <= n && end <= n:
		return fmt.Errorf("its span [%d, %d) ends before it starts", start, end)
	case start < 0 || end > n || start >= end:
		return fmt.Errorf("its span [%d, %d) is not within the text's %d %s", start, end, n, unit)
	}
	return nil
}

// annotation makes s an annotation on text, the text its offsets count.
func (s Span) annotation(text *annotate.Text) (annotate.Annotation, error) {
	if err := spanProblem(s.Start, s.End, text.Len(), "code points"); err != nil {
		return annotate.Annotation{}, err
	}
	if annotate.Blank(text, s.Start, s.End) {
		return annotate.Annotation{}, fmt.Errorf("its span [%d, %d) holds nothing but white space", s.Start, s.End)
	}
	id := s.ID
	if id == "" {
		u, err := uuid.NewV7()
		if err != nil {
			return annotate.Annotation{}, err
		}
		id = u.String()
	}
	created, modified := s.Created, s.Modified
	if created.IsZero() {
		// The time it was last changed, when the file gives that alone:
		// the moment of the import came after it, and the import then
		// dropped the file's own time for it.
		created = modified
	}
	if created.IsZero() {
		created = time.Now().UTC().Truncate(time.Millisecond)
	}
	if modified.IsZero() {
		modified = created
	}
	a := annotate.Annotation{ID: id, Label: s.Label, Attributes: map[string]string{},
		Author: s.Author, Created: created, Modified: modified, Anchor: annotate.AnchorExact}
	maps.Copy(a.Attributes, s.Attributes)
	a.Place(text, s.Start, s.End)
	if s.Text != "" && s.Text != a.Exact {
		a.Exact, a.Prefix, a.Suffix = s.Text, "", ""
	}
	return a, nil
}

// palette colours the labels a schema gains, after the three of the
// default schema: the rest of the Okabe-Ito palette, then further
// colours that stay apart from them.
var palette = []string{"#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#000000", "#882255", "#44aa99", "#999933", "#332288", "#aa4499"}

// growSchema adds to schema the labels and attributes that spans use and
// it lacks, each new label with a free key and a colour of the palette.
func growSchema(schema *annotate.Schema, spans []Span) error {
	has := map[string]int{}
	keys := map[string]bool{}
	given := make([]int, len(schema.Labels)) // how many attributes each label had
	for i, l := range schema.Labels {
		has[l.Name] = i
		keys[annotate.FoldKey(l.Key)] = true
		given[i] = len(l.Attributes)
	}
	for _, s := range spans {
		i, ok := has[s.Label]
		if !ok {
			l := annotate.Label{Name: s.Label, Color: palette[len(schema.Labels)%len(palette)], Key: freeKey(s.Label, keys), Attributes: []string{}}
			keys[annotate.FoldKey(l.Key)] = true
			i = len(schema.Labels)
			has[s.Label] = i
			schema.Labels = append(schema.Labels, l)
		}
		l := &schema.Labels[i]
		for name := range s.Attributes {
			if !l.Takes(name) {
				l.Attributes = append(l.Attributes, name)
			}
		}
	}
	if len(schema.Labels) > annotate.MaxLabels {
		// Over the most a schema may have, the labels no span uses go
		// (the default's three, under a file of 24 labels of its own):
		// a dataset of 24 labels, this annotator's own export of a team's
		// document among them, was refused whole.
		used := map[string]bool{}
		for _, s := range spans {
			used[s.Label] = true
		}
		var keep []annotate.Label
		var kept []int
		for i, l := range schema.Labels {
			if used[l.Name] {
				keep, kept = append(keep, l), append(kept, i)
			}
		}
		// given follows the labels kept, so that their own attributes
		// keep the team's order below.
		g := make([]int, len(keep))
		for j, i := range kept {
			if i < len(given) {
				g[j] = given[i]
			}
		}
		schema.Labels, given = keep, g
	}
	for i := range schema.Labels {
		// Only the attributes added are sorted: the schema's own keep
		// the order the team gave them.
		from := 0
		if i < len(given) {
			from = given[i]
		}
		slices.Sort(schema.Labels[i].Attributes[from:])
	}
	if err := schema.Validate(); err != nil {
		return fmt.Errorf("the labels cannot be used: %w", err)
	}
	return nil
}

// freeKey returns the first letter of name that no label's key is, or
// else the first free letter or digit; used holds the keys' FoldKey, as
// keys are compared as the app compares them.
func freeKey(name string, used map[string]bool) string {
	for _, r := range name + "abcdefghijklmnorstuvwxyz0123456789" {
		// A label's name is letters, digits, '-' and '_', none of them
		// a key the annotator's own commands take.
		if k := string(r); r < 0x80 && !used[annotate.FoldKey(k)] {
			return k
		}
	}
	return ""
}

// abbreviate shortens s for a message.
func abbreviate(s string) string {
	if annotate.RuneCount(s) <= 40 {
		return s
	}
	return string([]rune(s)[:39]) + "…"
}

// idsNote says, in one note for a document, the span ids of ids (each
// already quoted): a dataset of another tool's numbered ids gave one note
// a span. one and many are the note's words for one id and for several,
// with %s for the ids (and for many, %d first for their number).
func idsNote(ids []string, one, many string) []string {
	switch len(ids) {
	case 0:
		return nil
	case 1:
		return []string{fmt.Sprintf(one, ids[0])}
	}
	shown := ids
	if len(shown) > 3 {
		shown = append(slices.Clone(shown[:3]), "…")
	}
	return []string{fmt.Sprintf(many, len(ids), strings.Join(shown, ", "))}
}
