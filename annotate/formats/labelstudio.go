package formats

// This file keeps Label Studio's task format, and its one rule: offsets
// count UTF-16 code units of the task's text, as Label Studio counts them
// (JavaScript string indices), and every task says so in data.offset_unit.
//
// The export is a JSON array of tasks, one to a document, as Label
// Studio's import takes them:
//
//	[{"data": {"text": "…", "title": "…", "url": "…", "document_id": "sha256:…",
//	           "offset_unit": "utf16", "meta": {…}},
//	  "annotations": [{"result": [
//	    {"id": "<annotation id>", "type": "labels", "from_name": "label", "to_name": "text",
//	     "value": {"start": 10, "end": 24, "text": "…", "labels": ["quote"]}},
//	    {"id": "<annotation id>", "type": "textarea", "from_name": "speaker", "to_name": "text",
//	     "value": {"start": 10, "end": 24, "text": ["The mayor"]}}]}]}]
//
// The annotations are written as one completed annotation, not as a
// prediction: they are people's finished work, which Label Studio counts
// as labeled and shows as submitted, where a prediction is a model's
// suggestion left for someone to review. Each span is a "labels" result
// whose id is the annotation's id; each attribute, the note among them,
// is a per-region TextArea result with the same id, from_name naming the
// attribute ("attr_" and its name for "label" and "text", which the
// labeling config's Labels and Text tags take). LabelConfig writes the
// labeling config that matches. Orphans, which have no place in the text,
// are not written; author and times are not either, as Label Studio keeps
// them per annotation and not per region.
//
// The import places the spans on the document that the conversion knows
// under the task's data.document_id or data.url, when it has the task's
// text, so that the document keeps its HTML; otherwise the text is loaded
// as the app opens a .txt. It reads Label Studio's own exports too: every annotation of a
// task that was not cancelled is a document of its own, its author the
// annotation's completed_by (so that two annotators of one task stay
// apart), and a task with no annotation gives its predictions instead;
// "labels" results are spans, per-region TextArea results and a region's
// meta text are attributes, other results are ignored with a note. A
// result id that is a UUID is kept. The JSON-MIN export, whose tasks hold
// the text and each tag's regions at their top, is read too.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

var labelStudio = Format{
	Name:      "labelstudio",
	Unit:      "utf16",
	Extension: ".json",
	Export:    exportLabelStudio,
	Import:    importLabelStudio,
	Recognise: isLabelStudio,
}

// The names the labeling config gives its tags, which results refer to.
const (
	lsLabels = "label"
	lsText   = "text"
)

type lsTaskOut struct {
	Data        lsData          `json:"data"`
	Annotations []lsAnnotations `json:"annotations"`
}

type lsData struct {
	Text       string        `json:"text"`
	Title      string        `json:"title"`
	URL        string        `json:"url"`
	DocumentID string        `json:"document_id"`
	OffsetUnit string        `json:"offset_unit"`
	Meta       annotate.Meta `json:"meta"`
}

type lsAnnotations struct {
	Result []lsResultOut `json:"result"`
}

type lsResultOut struct {
	ID       string     `json:"id"`
	Type     string     `json:"type"`
	FromName string     `json:"from_name"`
	ToName   string     `json:"to_name"`
	Value    lsValueOut `json:"value"`
}

type lsValueOut struct {
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Text   any      `json:"text"`
	Labels []string `json:"labels,omitempty"`
}

// lsAttributeName is the from_name of attribute name's TextArea.
func lsAttributeName(name string) string {
	if name == lsLabels || name == lsText {
		return "attr_" + name
	}
	return name
}

// exportLabelStudio writes every file as one task of one JSON array.
func exportLabelStudio(files []annotate.File, _ time.Time) ([]Output, error) {
	tasks := make([]lsTaskOut, 0, len(files))
	for _, f := range files {
		text := annotate.NewText(f.Document.Text)
		results := []lsResultOut{}
		for _, a := range placed(f) {
			start, end := text.UTF16(a.Start), text.UTF16(a.End)
			exact := text.Slice(a.Start, a.End)
			results = append(results, lsResultOut{ID: a.ID, Type: "labels", FromName: lsLabels, ToName: lsText,
				Value: lsValueOut{Start: start, End: end, Text: exact, Labels: []string{a.Label}}})
			names := make([]string, 0, len(a.Attributes))
			for k := range a.Attributes {
				names = append(names, k)
			}
			slices.Sort(names)
			for _, k := range names {
				results = append(results, lsResultOut{ID: a.ID, Type: "textarea", FromName: lsAttributeName(k), ToName: lsText,
					Value: lsValueOut{Start: start, End: end, Text: []string{a.Attributes[k]}}})
			}
		}
		d := f.Document
		tasks = append(tasks, lsTaskOut{
			Data:        lsData{Text: d.Text, Title: d.Title, URL: d.URL, DocumentID: d.ID, OffsetUnit: "utf16", Meta: d.Meta},
			Annotations: []lsAnnotations{{Result: results}},
		})
	}
	if len(tasks) == 0 {
		return []Output{{Data: []byte("[]\n")}}, nil
	}
	// Task by task, into one buffer: the bytes that encoding the array
	// indented writes, without growing and indenting it all at once.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	buf.WriteString("[\n")
	for i, t := range tasks {
		buf.WriteString("  ")
		if err := enc.Encode(t); err != nil {
			return nil, err
		}
		if i < len(tasks)-1 {
			buf.Truncate(buf.Len() - 1)
			buf.WriteString(",\n")
		}
	}
	buf.WriteString("]\n")
	return []Output{{Data: buf.Bytes()}}, nil
}

// LabelConfig returns the Label Studio labeling config that the export of
// files matches: a Labels tag with every label of their schemas, in its
// colour, the Text tag (which keeps the text's line breaks) and a
// per-region TextArea for every attribute and the note.
func LabelConfig(files []annotate.File) []byte {
	var labels []annotate.Label
	var attrs []string
	seen := map[string]bool{}
	for _, f := range files {
		for _, l := range f.Schema.Labels {
			if !seen["label "+l.Name] {
				seen["label "+l.Name] = true
				labels = append(labels, l)
			}
			for _, a := range l.Attributes {
				if !seen["attr "+a] {
					seen["attr "+a] = true
					attrs = append(attrs, a)
				}
			}
		}
	}
	slices.Sort(attrs)
	attrs = append(attrs, annotate.AttrNote)
	var b bytes.Buffer
	b.WriteString("<View>\n  <Style>.htx-text { white-space: pre-wrap; }</Style>\n")
	fmt.Fprintf(&b, "  <Labels name=%q toName=%q>\n", lsLabels, lsText)
	for _, l := range labels {
		fmt.Fprintf(&b, "    <Label value=%q background=%q/>\n", l.Name, l.Color)
	}
	b.WriteString("  </Labels>\n")
	fmt.Fprintf(&b, "  <Text name=%q value=\"$text\"/>\n", lsText)
	b.WriteString("  <View visibleWhen=\"region-selected\">\n")
	for _, a := range attrs {
		fmt.Fprintf(&b, "    <Header value=%q/>\n    <TextArea name=%q toName=%q perRegion=\"true\" editable=\"true\" maxSubmissions=\"1\" rows=\"1\"/>\n", a, lsAttributeName(a), lsText)
	}
	b.WriteString("  </View>\n</View>\n")
	return b.Bytes()
}

// isLabelStudio takes a JSON array whose first element is an object with
// "data" (Label Studio's tasks), or with "text" and "labels" (its JSON-MIN
// export), and no other format this package reads.
func isLabelStudio(in Input) bool {
	data := bytes.TrimLeft(trimBOM(in.Data), " \t\r\n")
	if len(data) == 0 || data[0] != '[' {
		return false
	}
	data = bytes.TrimLeft(data[1:], " \t\r\n")
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	head := data[:min(len(data), 1<<16)]
	return bytes.Contains(head, []byte(`"data"`)) || (bytes.Contains(head, []byte(`"text"`)) && bytes.Contains(head, []byte(`"labels"`)))
}

type lsTaskIn struct {
	ID          json.RawMessage            `json:"id"`
	Data        map[string]json.RawMessage `json:"data"`
	Annotations []lsAnnotationIn           `json:"annotations"`
	Predictions []lsAnnotationIn           `json:"predictions"`
}

type lsAnnotationIn struct {
	Result       []json.RawMessage `json:"result"`
	WasCancelled bool              `json:"was_cancelled"`
	CompletedBy  json.RawMessage   `json:"completed_by"`
	ModelVersion json.RawMessage   `json:"model_version"`
}

type lsResultIn struct {
	ID       string `json:"id"`
	Type     string `json:"type"`
	FromName string `json:"from_name"`
	Value    struct {
		Start  *int            `json:"start"`
		End    *int            `json:"end"`
		Text   json.RawMessage `json:"text"`
		Labels []string        `json:"labels"`
	} `json:"value"`
	Meta struct {
		Text []string `json:"text"`
	} `json:"meta"`
}

// importLabelStudio reads each input as a JSON array of tasks.
func importLabelStudio(inputs []Input, known Known) ([]Doc, []*Fault) {
	var docs []Doc
	var faults []*Fault
	for _, in := range inputs {
		d, f := importLabelStudioFile(in, known)
		docs, faults = append(docs, d...), append(faults, f...)
	}
	return docs, faults
}

// importLabelStudioFile reads one file's tasks: a task that cannot be
// read is a Fault at the line it starts on, and the others are kept.
func importLabelStudioFile(in Input, known Known) ([]Doc, []*Fault) {
	data := trimBOM(in.Data)
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, []*Fault{{Name: in.Name, Message: "this is not a JSON array of Label Studio tasks; export the project from Label Studio as JSON"}}
	}
	var docs []Doc
	var faults []*Fault
	line, counted := 1, 0
	minimal := lsMinimal(data)
	for n := 1; dec.More(); n++ {
		off := int(dec.InputOffset())
		off += len(data[off:]) - len(bytes.TrimLeft(data[off:], " \t\r\n,"))
		line += bytes.Count(data[counted:off], []byte("\n"))
		counted = off
		var task lsTaskIn
		var err error
		if minimal {
			task, err = lsDecodeMinimal(dec)
		} else {
			err = dec.Decode(&task)
		}
		if err != nil {
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) {
				faults = append(faults, &Fault{Name: in.Name, Line: line, Message: fmt.Sprintf("task %d is not valid JSON (%v); the tasks after it cannot be read", n, err)})
				return docs, faults
			}
			faults = append(faults, &Fault{Name: in.Name, Line: line, Message: fmt.Sprintf("task %d cannot be read as a Label Studio task: %v", n, err)})
			continue
		}
		d, err := lsTaskDocs(task, n, fmt.Sprintf("%s:%d", in.Name, line), known)
		if err != nil {
			faults = append(faults, &Fault{Name: in.Name, Line: line, Message: err.Error()})
			continue
		}
		docs = append(docs, d...)
	}
	return docs, faults
}

// lsMinimal reports whether data, a JSON array, holds Label Studio's
// JSON-MIN export: its first task has no "data", and the text and the
// results of each labeling tag lie at its top.
func lsMinimal(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	var first map[string]json.RawMessage
	if _, err := dec.Token(); err != nil || dec.Decode(&first) != nil {
		return false
	}
	_, hasData := first["data"]
	_, hasText := first["text"]
	return !hasData && hasText
}

// lsMinimalItem is one region of a JSON-MIN task: a labels result, or a
// per-region TextArea's, under its tag's name.
type lsMinimalItem struct {
	Start  *int            `json:"start"`
	End    *int            `json:"end"`
	Text   json.RawMessage `json:"text"`
	Labels []string        `json:"labels"`
}

// lsDecodeMinimal reads the next JSON-MIN task of dec as the task Label
// Studio's JSON export would hold: the fields that are not lists of
// regions are its data, the annotator its author, and each region a
// result, a TextArea's tied to the labels of the same span.
func lsDecodeMinimal(dec *json.Decoder) (lsTaskIn, error) {
	var fields map[string]json.RawMessage
	if err := dec.Decode(&fields); err != nil {
		return lsTaskIn{}, err
	}
	task := lsTaskIn{ID: fields["id"], Data: map[string]json.RawMessage{}}
	ann := lsAnnotationIn{CompletedBy: fields["annotator"]}
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		var items []lsMinimalItem
		if json.Unmarshal(fields[k], &items) != nil {
			task.Data[k] = fields[k]
			continue
		}
		for _, it := range items {
			if it.Start == nil || it.End == nil {
				continue
			}
			r := lsResultOut{ID: fmt.Sprintf("%d-%d", *it.Start, *it.End), Type: "textarea", FromName: k,
				Value: lsValueOut{Start: *it.Start, End: *it.End, Text: it.Text, Labels: it.Labels}}
			if len(it.Labels) > 0 {
				r.Type = "labels"
			}
			raw, err := json.Marshal(r)
			if err != nil {
				return lsTaskIn{}, err
			}
			ann.Result = append(ann.Result, raw)
		}
	}
	task.Annotations = []lsAnnotationIn{ann}
	return task, nil
}

// lsTaskDocs makes the documents of task n, read from from, on the
// document known has under its data.document_id or data.url when that
// has the task's text.
func lsTaskDocs(task lsTaskIn, n int, from string, known Known) ([]Doc, error) {
	var text string
	if err := json.Unmarshal(task.Data["text"], &text); err != nil || strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("task %d has no text: a task's data must hold the article's text in \"text\", as the labeling config's <Text value=\"$text\"/> reads it", n)
	}
	p := Plain{Text: text, SourceID: lsString(task.ID)}
	json.Unmarshal(task.Data["title"], &p.Title)
	json.Unmarshal(task.Data["url"], &p.URL)
	json.Unmarshal(task.Data["meta"], &p.Meta)
	var docID string
	json.Unmarshal(task.Data["document_id"], &docID)
	p.Document = knownDocument(known, text, docID, p.URL)
	var unit string
	json.Unmarshal(task.Data["offset_unit"], &unit)
	var notes []string
	if unit != "" && unit != "utf16" && unit != annotate.OffsetUnit {
		notes = append(notes, fmt.Sprintf("task %d: its offset_unit %q is not one this annotator knows; its offsets are read as UTF-16 code units, as Label Studio counts them", n, unit))
	}
	sets, author := task.Annotations, func(a lsAnnotationIn) string { return lsAuthor(a.CompletedBy) }
	sets = slices.DeleteFunc(sets, func(a lsAnnotationIn) bool { return a.WasCancelled })
	if len(sets) == 0 && len(task.Predictions) > 0 {
		sets, author = task.Predictions, func(a lsAnnotationIn) string { return lsString(a.ModelVersion) }
	}
	if len(sets) == 0 {
		sets = []lsAnnotationIn{{}}
	}
	given := annotate.NewText(text)
	var docs []Doc
	for _, set := range sets {
		q := p
		spanNotes := slices.Clone(notes)
		q.Spans, spanNotes = lsSpans(set.Result, given, unit == annotate.OffsetUnit, author(set), n, spanNotes)
		d, err := Build(q, from)
		if err != nil {
			return docs, fmt.Errorf("task %d cannot be made a document: %v", n, err)
		}
		d.Notes = append(spanNotes, d.Notes...)
		docs = append(docs, d)
	}
	return docs, nil
}

// errSurrogate is the error of an offset between the two halves of a
// character that UTF-16 writes as a surrogate pair.
var errSurrogate = errors.New("falls between the two halves of a character written as a UTF-16 surrogate pair")

// lsSpans reads the spans of one annotation's results on text: "labels"
// results, with the attributes that TextArea results and region meta
// give them. Offsets count UTF-16 code units, or code points when
// codePoints. What it leaves out is said in notes.
func lsSpans(results []json.RawMessage, text *annotate.Text, codePoints bool, author string, n int, notes []string) ([]Span, []string) {
	var spans []Span
	byID := map[string][]int{}
	var attrs []lsResultIn
	ignored := map[string]int{}
	for i, raw := range results {
		var r lsResultIn
		if err := json.Unmarshal(raw, &r); err != nil {
			notes = append(notes, fmt.Sprintf("task %d: result %d cannot be read (%v); it is left out", n, i+1, err))
			continue
		}
		switch {
		case r.Type == "labels" || (r.Type == "" && len(r.Value.Labels) > 0):
		case r.Type == "textarea" && r.Value.Start != nil:
			attrs = append(attrs, r)
			continue
		default:
			ignored[r.Type]++
			continue
		}
		start, end, err := lsOffsets(r, text, codePoints)
		if err != nil {
			notes = append(notes, fmt.Sprintf("task %d: result %d (%s): %v; it is left out", n, i+1, r.ID, err))
			continue
		}
		var exact string
		json.Unmarshal(r.Value.Text, &exact)
		for j, label := range r.Value.Labels {
			s := Span{Label: schemaName(label), Start: start, End: end, Text: exact, Author: author, Attributes: map[string]string{}}
			if j == 0 {
				s.ID = r.ID
			}
			if len(r.Meta.Text) > 0 {
				s.Attributes[annotate.AttrNote] = strings.Join(r.Meta.Text, "\n")
			}
			byID[r.ID] = append(byID[r.ID], len(spans))
			spans = append(spans, s)
		}
	}
	for _, r := range attrs {
		var values []string
		if err := json.Unmarshal(r.Value.Text, &values); err != nil {
			var one string
			json.Unmarshal(r.Value.Text, &one)
			values = []string{one}
		}
		name := strings.TrimPrefix(r.FromName, "attr_")
		if name == r.FromName || (name != lsLabels && name != lsText) {
			name = schemaName(r.FromName)
		}
		if len(byID[r.ID]) == 0 || name == "" {
			ignored["textarea"]++
			continue
		}
		for _, k := range byID[r.ID] {
			spans[k].Attributes[name] = strings.Join(values, "\n")
		}
	}
	for _, typ := range slices.Sorted(maps.Keys(ignored)) {
		notes = append(notes, fmt.Sprintf("task %d: %d results of type %q are not labelled spans, or belong to none, and are ignored", n, ignored[typ], typ))
	}
	return spans, notes
}

// lsOffsets returns the code-point span of result r on text.
func lsOffsets(r lsResultIn, text *annotate.Text, codePoints bool) (int, int, error) {
	if r.Value.Start == nil || r.Value.End == nil {
		return 0, 0, errors.New("it has no start or end")
	}
	s, e := *r.Value.Start, *r.Value.End
	if codePoints {
		return s, e, nil
	}
	if s < 0 || e > text.UTF16Len() || s >= e {
		return 0, 0, fmt.Errorf("its span [%d, %d) is not within the text's %d UTF-16 code units", s, e, text.UTF16Len())
	}
	cs, ce := text.CodePointAtUTF16(s), text.CodePointAtUTF16(e)
	if text.UTF16(cs) != s {
		return 0, 0, fmt.Errorf("its start %d %w", s, errSurrogate)
	}
	if text.UTF16(ce) != e {
		return 0, 0, fmt.Errorf("its end %d %w", e, errSurrogate)
	}
	return cs, ce, nil
}

// lsString returns a JSON string or number as a string, and "" for
// anything else.
func lsString(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// lsAuthor names the annotator of completed_by: a user's id, an object
// with the user's email, or (JSON-MIN's annotator) the email itself.
func lsAuthor(raw json.RawMessage) string {
	var user struct {
		Email string          `json:"email"`
		ID    json.RawMessage `json:"id"`
	}
	var email string
	switch {
	case json.Unmarshal(raw, &email) == nil:
		return email
	case json.Unmarshal(raw, &user) == nil && user.Email != "":
		return user.Email
	case user.ID != nil:
		raw = user.ID
	}
	if s := lsString(raw); s != "" {
		return "label-studio user " + s
	}
	return ""
}
