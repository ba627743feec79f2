package formats

// This file reads Label Studio's tasks back: its JSON export, with
// annotations or predictions, and its JSON-MIN export, offsets in UTF-16
// code units made code points (labelstudio.go says what a task holds).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

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
	// Verbatim: the offsets count this very text, which stays the
	// document's text even where reading it as a .txt would change it.
	p := Plain{Text: text, SourceID: lsString(task.ID), Verbatim: true}
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
	what := "annotations"
	if len(sets) == 0 && len(task.Predictions) > 0 {
		sets, author, what = task.Predictions, func(a lsAnnotationIn) string { return lsString(a.ModelVersion) }, "predictions"
	}
	if len(sets) == 0 {
		sets = []lsAnnotationIn{{}}
	}
	given := annotate.NewText(text)
	var docs []Doc
	for i, set := range sets {
		q := p
		spanNotes := slices.Clone(notes)
		if i == 0 && len(sets) > 1 {
			// A file of one task gave two documents, two lines of a
			// dataset: said once, with whose they are.
			spanNotes = append(spanNotes, lsApart(n, what, sets, author))
		}
		var bad []string
		q.Spans, spanNotes, bad = lsSpans(set.Result, given, unit == annotate.OffsetUnit, author(set), n, spanNotes)
		d, err := Build(q, from)
		if err != nil {
			return docs, fmt.Errorf("task %d cannot be made a document: %v", n, err)
		}
		d.Notes = append(spanNotes, d.Notes...)
		for _, b := range bad {
			d.leftOut(0, b)
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// lsApart says that task n's sets (its annotations, or predictions: what)
// are each a document of their own, by whom.
func lsApart(n int, what string, sets []lsAnnotationIn, author func(lsAnnotationIn) string) string {
	var by []string
	for _, set := range sets {
		if a := author(set); a != "" {
			by = append(by, a)
		}
	}
	who := ""
	if len(by) > 0 {
		who = ", by " + strings.Join(by[:len(by)-1], ", ")
		if len(by) > 1 {
			who += " and "
		}
		who += by[len(by)-1]
	}
	return fmt.Sprintf("task %d holds %d %s%s: each is a document of its own (a line of a dataset), so that each annotator's work stays apart", n, len(sets), what, who)
}

// errSurrogate is the error of an offset between the two halves of a
// character that UTF-16 writes as a surrogate pair.
var errSurrogate = errors.New("falls between the two halves of a character written as a UTF-16 surrogate pair")

// lsSpans reads the spans of one annotation's results on text: "labels"
// results, with the attributes that TextArea results and region meta
// give them. Offsets count UTF-16 code units, or code points when
// codePoints. What it ignores is said in notes, and the results it leaves
// out as wrong in bad.
func lsSpans(results []json.RawMessage, text *annotate.Text, codePoints bool, author string, n int, notes []string) (spans []Span, _, bad []string) {
	byID := map[string][]int{}
	var attrs []lsResultIn
	ignored := map[string]int{}
	inCodePoints := 0 // results whose offsets count code points
	for i, raw := range results {
		var r lsResultIn
		if err := json.Unmarshal(raw, &r); err != nil {
			bad = append(bad, fmt.Sprintf("task %d: result %d cannot be read (%v); it is left out", n, i+1, err))
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
		var exact string
		json.Unmarshal(r.Value.Text, &exact)
		start, end, err := lsOffsets(r, text, codePoints)
		if !codePoints && exact != "" && (errors.Is(err, errSurrogate) || err == nil && text.Slice(start, end) != exact) {
			// Offsets that miss the result's text in UTF-16 and hold it in
			// code points count code points (a Python backend's
			// predictions, after an emoji): so they are read. One within
			// an emoji's two halves was left out, its text right there,
			// and another placed by its text, an orphan when found twice.
			if s, e := *r.Value.Start, *r.Value.End; s >= 0 && s < e && e <= text.Len() && text.Slice(s, e) == exact {
				start, end, err = s, e, nil
				inCodePoints++
			}
		}
		if err != nil {
			bad = append(bad, fmt.Sprintf("task %d: result %d (%s): %v; it is left out", n, i+1, r.ID, err))
			continue
		}
		for j, label := range r.Value.Labels {
			s := Span{Label: label, Start: start, End: end, Text: exact, Author: author, Attributes: map[string]string{}}
			if j == 0 && annotate.IsUUID(r.ID) {
				// Label Studio's own ids ("wE3zY_k1Ab") are no UUIDs: such a
				// span takes a new one, as every span of its file would,
				// without a note on each.
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
		name := schemaName(attrName(r.FromName))
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
	if inCodePoints > 0 {
		notes = append(notes, fmt.Sprintf("task %d: %s count code points, not Label Studio's UTF-16 code units: read so, they hold their results' text",
			n, annotate.Plural(inCodePoints, "1 result's offsets", fmt.Sprintf("%d results' offsets", inCodePoints))))
	}
	return spans, notes, bad
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
	if err := spanProblem(s, e, text.UTF16Len(), "UTF-16 code units"); err != nil {
		return 0, 0, err
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
