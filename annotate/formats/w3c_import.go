package formats

// This file reads W3C Web Annotation files back. A file this annotator
// wrote carries its documents ("annotator:documents"); another tool's
// carries only annotations, whose target "source" must then be a document
// the conversion knows (Known: by URL, or by the native id that an
// "ni:///sha-256;…" name stands for). Either way the document's HTML is
// sanitised again, and each annotation goes through annotate.Import, placed
// by its TextPositionSelector (code points of the canonical text) and,
// where that no longer holds its text, by its TextQuoteSelector, found in
// the DOM text of the document (domtext.go) and mapped to the canonical
// text; what cannot be placed is kept as an orphan, with a note. A tag
// that is not a label's name ("Person"), or an attribute name that is not
// one a schema takes, is made one, with a note.

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/newsannotator/annotator/annotate"
)

// w3cItem is an Annotation as another tool may write it: a body and a
// target that are an object, an array of them, or an IRI.
type w3cItem struct {
	ID       string            `json:"id"`
	Created  string            `json:"created"`
	Modified string            `json:"modified"`
	Creator  json.RawMessage   `json:"creator"`
	Body     many[w3cBodyIn]   `json:"body"`
	Target   many[w3cTargetIn] `json:"target"`
}

type w3cBodyIn struct {
	Purpose   string `json:"purpose"`
	Value     string `json:"value"`
	Attribute string `json:"annotator:attribute"`
}

type w3cTargetIn struct {
	Source   string              `json:"source"`
	Selector many[w3cSelectorIn] `json:"selector"`
}

// UnmarshalJSON reads a target that is an object, or only an IRI.
func (t *w3cTargetIn) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '"' {
		return json.Unmarshal(data, &t.Source)
	}
	type plain w3cTargetIn
	return json.Unmarshal(data, (*plain)(t))
}

// many is a JSON value that is one T or an array of them; what is neither
// (an IRI where an object may stand, a value of another shape) is left
// out, as a reader of another tool's file must.
type many[T any] []T

func (m *many[T]) UnmarshalJSON(data []byte) error {
	*m = nil
	var raws []json.RawMessage
	if len(data) > 0 && data[0] == '[' {
		_ = json.Unmarshal(data, &raws)
	} else {
		raws = []json.RawMessage{data}
	}
	for _, raw := range raws {
		var v T
		if len(raw) > 0 && (raw[0] == '{' || raw[0] == '"') && json.Unmarshal(raw, &v) == nil {
			*m = append(*m, v)
		}
	}
	return nil
}

// w3cFirst is a collection's "first": its page of items, or a link to it.
type w3cFirst struct {
	link  string
	items []json.RawMessage
	bad   bool
}

func (f *w3cFirst) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '"' {
		return json.Unmarshal(data, &f.link)
	}
	var page struct {
		Items []json.RawMessage `json:"items"`
	}
	f.bad = json.Unmarshal(data, &page) != nil
	f.items = page.Items
	return nil
}

type w3cSelectorIn struct {
	Type   string  `json:"type"`
	Exact  *string `json:"exact"`
	Prefix string  `json:"prefix"`
	Suffix string  `json:"suffix"`
	Start  *int    `json:"start"`
	End    *int    `json:"end"`
}

// w3cRead is one annotation read: its source, and what the native
// annotation needs.
type w3cRead struct {
	source      string
	id, label   string
	attrs       map[string]string
	author      string
	created     time.Time
	modified    time.Time
	quote       *w3cSelectorIn
	position    *w3cSelectorIn
	description string // why it was left out, when it was
}

func importW3C(inputs []Input, known Known) ([]Doc, []*Fault) {
	var docs []Doc
	var faults []*Fault
	for _, in := range inputs {
		d, f := importW3CFile(in, known)
		docs = append(docs, d...)
		faults = append(faults, f...)
	}
	return docs, faults
}

// importW3CFile reads one file: a collection, a page or one annotation.
func importW3CFile(in Input, known Known) ([]Doc, []*Fault) {
	data := bytes.TrimPrefix(in.Data, []byte("\xef\xbb\xbf"))
	fail := func(line int, format string, args ...any) []*Fault {
		return []*Fault{{Name: in.Name, Line: line, Message: fmt.Sprintf(format, args...)}}
	}
	var top struct {
		Type      json.RawMessage   `json:"type"`
		Documents json.RawMessage   `json:"annotator:documents"`
		First     w3cFirst          `json:"first"`
		Items     []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fail(jsonErrorLine(data, err), "the file is not a JSON object with W3C annotations (%v)", err)
	}
	var documents []w3cDocument
	if len(top.Documents) > 0 && json.Unmarshal(top.Documents, &documents) != nil {
		return nil, fail(lineOf(data, "annotator:documents"), `"annotator:documents" cannot be read: it must be the documents as this annotator writes them`)
	}
	items := top.Items
	switch typ := typeOf(top.Type); typ {
	case "AnnotationCollection":
		switch {
		case top.First.link != "":
			return nil, fail(lineOf(data, "first"), "the collection's annotations are on a page elsewhere (%q): give a file that holds them, as \"first\": {\"items\": […]}", top.First.link)
		case top.First.bad:
			return nil, fail(lineOf(data, "first"), `the collection's "first" page cannot be read: it must be an AnnotationPage with "items"`)
		}
		items = top.First.items
	case "AnnotationPage":
	case "Annotation":
		items = []json.RawMessage{data}
	default:
		return nil, fail(lineOf(data, "type"), "the file is a W3C %q, not an AnnotationCollection, an AnnotationPage or an Annotation", typ)
	}

	var faults []*Fault
	groups := map[string][]w3cRead{}
	var sources []string
	for _, d := range documents {
		if _, ok := groups[d.ID]; !ok {
			sources = append(sources, d.ID)
			groups[d.ID] = nil
		}
	}
	for i, raw := range items {
		r := readW3CItem(raw)
		if r.source == "" {
			faults = append(faults, &Fault{Name: in.Name, Line: lineOf(data, r.id), Message: fmt.Sprintf("annotation %d (%s) has no target \"source\": it is left out", i+1, cmp.Or(r.id, "without an id"))})
			continue
		}
		if _, ok := groups[r.source]; !ok {
			sources = append(sources, r.source)
		}
		groups[r.source] = append(groups[r.source], r)
	}
	var docs []Doc
	for _, source := range sources {
		reads := groups[source]
		fd, schema, ok := w3cDocumentOf(source, documents, known)
		if !ok {
			carries := `this file carries no text (it has no "annotator:documents")`
			if len(documents) > 0 {
				carries = `this file's "annotator:documents" do not hold it`
			}
			faults = append(faults, &Fault{Name: in.Name, Line: lineOf(data, reads[0].id), Message: fmt.Sprintf(
				"the %d annotations of %s come without their article: %s, and no document given with it has that URL or id; give the article (its page, or its native export) with this file",
				len(reads), source, carries)})
			continue
		}
		d, err := w3cDoc(in.Name, source, fd, schema, reads)
		if err != nil {
			line := lineOf(data, source)
			faults = append(faults, &Fault{Name: in.Name, Line: line, Message: fmt.Sprintf("the document %s cannot be read: %v", source, err)})
			continue
		}
		docs = append(docs, d)
	}
	return docs, faults
}

// w3cDocumentOf finds the document of source: in the file, or known.
func w3cDocumentOf(source string, documents []w3cDocument, known Known) (annotate.FileDocument, *annotate.Schema, bool) {
	for _, d := range documents {
		if d.ID == source {
			schema := d.Schema
			if len(schema.Labels) == 0 {
				schema = annotate.DefaultSchema()
			}
			return annotate.FileDocument{ID: d.DocID, Title: d.Title, URL: d.URL, HTML: d.HTML, Text: d.Text, Meta: d.Meta}, &schema, true
		}
	}
	if known == nil {
		return annotate.FileDocument{}, nil, false
	}
	f, ok := known(source)
	if !ok {
		if id := idOfTextIRI(source); id != "" {
			f, ok = known(id)
		}
	}
	if !ok {
		return annotate.FileDocument{}, nil, false
	}
	schema := f.Schema
	if len(schema.Labels) == 0 {
		schema = annotate.DefaultSchema()
	}
	return f.Document, &schema, true
}

// readW3CItemAsWritten reads an annotation shaped as this annotator
// writes it (an array of bodies, one target with an array of selectors) in
// one pass; ok is false for any other shape, which w3cItem reads.
func readW3CItemAsWritten(raw json.RawMessage) (it w3cItem, ok bool) {
	var written struct {
		ID       string          `json:"id"`
		Created  string          `json:"created"`
		Modified string          `json:"modified"`
		Creator  json.RawMessage `json:"creator"`
		Body     []w3cBodyIn     `json:"body"`
		Target   struct {
			Source   string          `json:"source"`
			Selector []w3cSelectorIn `json:"selector"`
		} `json:"target"`
	}
	if json.Unmarshal(raw, &written) != nil {
		return w3cItem{}, false
	}
	return w3cItem{ID: written.ID, Created: written.Created, Modified: written.Modified, Creator: written.Creator,
		Body: written.Body, Target: many[w3cTargetIn]{{Source: written.Target.Source, Selector: written.Target.Selector}}}, true
}

// readW3CItem reads what an annotation says, leniently: another tool's
// annotation may lack what ours always have.
func readW3CItem(raw json.RawMessage) w3cRead {
	r := w3cRead{attrs: map[string]string{}}
	it, ok := readW3CItemAsWritten(raw)
	if !ok && json.Unmarshal(raw, &it) != nil {
		r.description = "it is not a JSON object with a body and a target"
		return r
	}
	r.id = it.ID
	r.created, _ = time.Parse(time.RFC3339Nano, it.Created)
	r.modified, _ = time.Parse(time.RFC3339Nano, it.Modified)
	var creator w3cAgent
	if json.Unmarshal(it.Creator, &creator) == nil {
		r.author = creator.Name
	} else {
		_ = json.Unmarshal(it.Creator, &r.author)
	}
	var notes []string
	for _, body := range it.Body {
		switch {
		case body.Value == "":
		case body.Purpose == purposeTag && r.label == "":
			r.label = body.Value
		case body.Attribute != "":
			r.attrs[body.Attribute] = body.Value
		case body.Purpose != purposeTag:
			notes = append(notes, body.Value)
		}
	}
	if len(notes) > 0 {
		r.attrs[annotate.AttrNote] = strings.Join(notes, "\n")
	}
	if len(it.Target) > 0 {
		target := it.Target[0] // the first target
		r.source = target.Source
		for _, sel := range target.Selector {
			switch {
			case sel.Type == "TextQuoteSelector" && sel.Exact != nil && r.quote == nil:
				r.quote = &sel
			case sel.Type == "TextPositionSelector" && sel.Start != nil && sel.End != nil && r.position == nil:
				r.position = &sel
			}
		}
	}
	switch {
	case r.label == "":
		r.description = `it has no body with purpose "tagging", the label`
	case r.quote == nil && r.position == nil:
		r.description = "its target has no TextQuoteSelector and no TextPositionSelector"
	}
	return r
}

// w3cDoc makes the Doc of one document and its annotations.
func w3cDoc(name, source string, fd annotate.FileDocument, schema *annotate.Schema, reads []w3cRead) (Doc, error) {
	src := annotate.Source{Name: name, MediaType: "text/html", URL: fd.URL}
	content := fd.HTML
	if strings.TrimSpace(content) == "" {
		src.MediaType, content = "text/plain", fd.Text
	}
	doc, err := annotate.Load([]byte(content), src)
	if err != nil {
		return Doc{}, err
	}
	doc.Title, doc.URL, doc.Meta = fd.Title, fd.URL, fd.Meta
	dom, err := newDOMText(doc)
	if err != nil {
		return Doc{}, err
	}
	given := annotate.NewText(fd.Text)
	text := doc.Text()
	d := Doc{SourceID: source, From: name}
	var anns []annotate.Annotation
	var spans []Span
	var itemOf []string // by annotation of anns: the item it came from, named
	var placed []bool   // by annotation of anns: whether the file gave its position
	seen := map[string]bool{}
	// Another tool's tags ("Person") and attribute names ("Speaker
	// Name") become names a schema takes.
	names, attrNames := renames{}, renames{}
	var attrNotes []string
	for i, r := range reads {
		if r.description != "" {
			d.Notes = append(d.Notes, fmt.Sprintf("annotation %d of %s (%s): %s; it is left out", i+1, source, cmp.Or(r.id, "without an id"), r.description))
			continue
		}
		label := r.label
		if r.label = names.name(label); r.label == "" {
			d.leftOut(0, fmt.Sprintf("annotation %d of %s (%s) is left out: its label %q cannot be a label's name", i+1, source, cmp.Or(r.id, "without an id"), label))
			continue
		}
		var left []string
		r.attrs, left = attrNames.attributes(r.attrs)
		for _, why := range left {
			attrNotes = append(attrNotes, fmt.Sprintf("annotation %d of %s (%s): %s", i+1, source, cmp.Or(r.id, "without an id"), why))
		}
		a := r.annotation(dom, given, text)
		if seen[a.ID] {
			d.Notes = append(d.Notes, fmt.Sprintf("annotation %d of %s: its id %s is used before; it gets a new one", i+1, source, a.ID))
			a.ID = uuid.Must(uuid.NewV7()).String()
		}
		seen[a.ID] = true
		anns = append(anns, a)
		itemOf = append(itemOf, fmt.Sprintf("annotation %d of %s (%s)", i+1, source, cmp.Or(r.id, "without an id")))
		placed = append(placed, r.position != nil)
		spans = append(spans, Span{Label: a.Label, Attributes: a.Attributes})
	}
	if err := growSchema(schema, spans); err != nil {
		return Doc{}, err
	}
	d.Notes = append(append(append(d.Notes, names.notes("the label")...), attrNames.notes("the attribute")...), attrNotes...)
	f := annotate.NewFile(doc, nil, nil, time.Time{})
	f.Schema, f.Annotations = *schema, anns
	data, err := f.Marshal()
	if err != nil {
		return Doc{}, err
	}
	imp, err := annotate.Import(data)
	if err != nil {
		var ie *annotate.ImportError
		if errors.As(err, &ie) {
			return Doc{}, fmt.Errorf("its annotations cannot be imported: %w", err)
		}
		return Doc{}, err
	}
	d.File = annotate.NewFile(imp.Document, imp.Set, imp.Orphans, time.Time{})
	d.Moved = imp.Moved
	for _, p := range imp.Problems {
		// The problem's place is in the native file made here, which the
		// user never sees ("56:16 /annotations/0/exact"): it is said of
		// the item it came from. A quote without a position that the
		// import placed is counted in Moved; "the text from 0 to 11" of a
		// position the file never gave was said as the file's fault.
		var j int
		if _, err := fmt.Sscanf(p.Path, "/annotations/%d", &j); err != nil || j < 0 || j >= len(itemOf) {
			d.Notes = append(d.Notes, p.String())
			continue
		}
		if field := p.Path[strings.LastIndexByte(p.Path, '/')+1:]; !placed[j] && slices.Contains([]string{"start", "end", "exact", "prefix", "suffix"}, field) {
			continue
		}
		d.Notes = append(d.Notes, itemOf[j]+": "+p.Message)
	}
	return d, nil
}

// annotation makes r a native annotation for annotate.Import to place:
// its position, when it has one, and its exact text with context, taken
// from the document's text where the quote is found in its DOM text, from
// the file's text at the position otherwise, and from the quote itself as
// a last resort.
func (r w3cRead) annotation(dom *domText, given, text *annotate.Text) annotate.Annotation {
	id, err := uuid.Parse(strings.TrimPrefix(r.id, "urn:uuid:"))
	if err != nil {
		id = uuid.Must(uuid.NewV7())
	}
	created, modified := r.created, r.modified
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
	a := annotate.Annotation{ID: id.String(), Label: r.label, Attributes: r.attrs, Author: r.author,
		Created: created, Modified: modified, Anchor: annotate.AnchorExact}
	if r.position != nil {
		a.Start, a.End = *r.position.Start, *r.position.End
	}
	if q := r.quote; q != nil {
		if ds, de, ok := dom.find(*q.Exact, q.Prefix, q.Suffix); ok {
			start, end := dom.fromDOM(ds, true), dom.fromDOM(de, false)
			if start < end {
				if r.position == nil {
					a.Start, a.End = start, end
				}
				a.Exact = text.Slice(start, end)
				a.Prefix, a.Suffix = text.Slice(start-annotate.ContextLen, start), text.Slice(end, end+annotate.ContextLen)
				return a
			}
		}
	}
	// The position alone, where its text is the quote's (white space
	// aside) or there is no quote: another tool's position, counted over
	// its own page's text (a button the sanitiser took away), put a span
	// on other words than its quote's, taken as exact, and said nothing.
	// Otherwise the quote and its context anchor it, at the position
	// where they are found there.
	if r.position != nil && a.Start >= 0 && a.Start < a.End && a.End <= given.Len() &&
		(r.quote == nil || sameWords(given.Slice(a.Start, a.End), *r.quote.Exact)) {
		a.Exact = given.Slice(a.Start, a.End)
		a.Prefix, a.Suffix = given.Slice(a.Start-annotate.ContextLen, a.Start), given.Slice(a.End, a.End+annotate.ContextLen)
		return a
	}
	if q := r.quote; q != nil {
		a.Exact, a.Prefix, a.Suffix = *q.Exact, q.Prefix, q.Suffix
		if r.position == nil {
			a.Start, a.End = 0, annotate.RuneCount(a.Exact)
		}
	}
	return a
}

// sameWords reports whether a and b are the same words, white space aside.
func sameWords(a, b string) bool {
	return slices.Equal(strings.Fields(a), strings.Fields(b))
}

// typeOf returns a "type" that is a string, or the first string of an
// array of them.
func typeOf(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var all []string
	if json.Unmarshal(raw, &all) == nil && len(all) > 0 {
		return all[0]
	}
	return ""
}

// lineOf returns the line of the first occurrence of s, as a JSON string,
// in data, or 0.
func lineOf(data []byte, s string) int {
	if s == "" {
		return 0
	}
	i := bytes.Index(data, marshalJSON(s))
	if i < 0 {
		return 0
	}
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// jsonErrorLine returns the line of a JSON syntax error, or 0.
func jsonErrorLine(data []byte, err error) int {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n")) + 1
	}
	return 0
}

// isW3C takes a JSON object whose "@context" is the W3C annotation
// context, near its top.
func isW3C(in Input) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(in.Data, []byte("\xef\xbb\xbf")), " \t\r\n")
	head = head[:min(len(head), 4096)]
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"@context"`)) &&
		(bytes.Contains(head, []byte("www.w3.org/ns/anno.jsonld")) || bytes.Contains(head, []byte("www.w3.org/ns/oa")))
}
