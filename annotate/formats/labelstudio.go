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
// labeling config's Labels and Text tags take, and for a name that starts
// with "attr_": attrField). LabelConfig writes the
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
	"fmt"
	"slices"
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
	return attrField(name, func(n string) bool { return n == lsLabels || n == lsText })
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
