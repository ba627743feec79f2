package formats

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

func TestLabelStudioGolden(t *testing.T) {
	config := LabelConfig([]annotate.File{sample(t)})
	checkGolden(t, labelStudio, "labelstudio", Output{Name: "label_config.xml", Data: config})
	// The config is XML, and names a tag for every from_name the
	// export uses.
	var view struct {
		Labels struct {
			Name  string `xml:"name,attr"`
			Label []struct {
				Value string `xml:"value,attr"`
			} `xml:"Label"`
		} `xml:"Labels"`
		TextAreas []struct {
			Name string `xml:"name,attr"`
		} `xml:"View>TextArea"`
	}
	if err := xml.Unmarshal(config, &view); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{view.Labels.Name: true}
	for _, ta := range view.TextAreas {
		names[ta.Name] = true
	}
	outs, _ := labelStudio.Export([]annotate.File{sample(t)}, nowForTests)
	var tasks []lsTaskOut
	json.Unmarshal(outs[0].Data, &tasks)
	for _, r := range tasks[0].Annotations[0].Result {
		if !names[r.FromName] {
			t.Errorf("the config has no tag named %q", r.FromName)
		}
	}
	if len(view.Labels.Label) != 3 {
		t.Errorf("labels %+v", view.Labels)
	}
}

func TestLabelStudioRoundTrip(t *testing.T) {
	checkRoundTrips(t, labelStudio, carries{ids: true}, nil)
}

func TestLabelStudioWritesTheArrayAsEncodingItWhole(t *testing.T) {
	files := append(handMade(t), handMade(t)...)
	outs, err := labelStudio.Export(files, nowForTests)
	if err != nil {
		t.Fatal(err)
	}
	var tasks []lsTaskOut
	if err := json.Unmarshal(outs[0].Data, &tasks); err != nil || len(tasks) != 4 {
		t.Fatalf("%d tasks, %v", len(tasks), err)
	}
	var whole bytes.Buffer
	enc := json.NewEncoder(&whole)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(tasks)
	if whole.String() != string(outs[0].Data) {
		t.Errorf("the export is not the array encoded whole:\n%s", outs[0].Data)
	}
	if empty, _ := labelStudio.Export(nil, nowForTests); string(empty[0].Data) != "[]\n" {
		t.Errorf("no files: %q", empty[0].Data)
	}
}

func TestLabelStudioOffsetsCountUTF16(t *testing.T) {
	outs, err := labelStudio.Export([]annotate.File{emojiFile(t)}, nowForTests)
	if err != nil {
		t.Fatal(err)
	}
	var tasks []struct {
		Data        lsData          `json:"data"`
		Annotations []lsAnnotations `json:"annotations"`
	}
	if err := json.Unmarshal(outs[0].Data, &tasks); err != nil {
		t.Fatal(err)
	}
	text := tasks[0].Data.Text
	if tasks[0].Data.OffsetUnit != "utf16" {
		t.Errorf("offset_unit %q", tasks[0].Data.OffsetUnit)
	}
	units := utf16Units(text)
	for _, r := range tasks[0].Annotations[0].Result {
		if r.Type != "labels" {
			continue
		}
		if got := string(utf16Runes(units[r.Value.Start:r.Value.End])); got != r.Value.Text {
			t.Errorf("UTF-16 [%d, %d) reads %q, not %q", r.Value.Start, r.Value.End, got, r.Value.Text)
		}
	}
}

func TestLabelStudioImportsItsOwnExports(t *testing.T) {
	// As Label Studio exports a project: two annotators, one cancelled
	// annotation, a relation, a choice, ids of its own, a region's meta
	// text and offsets that split a surrogate pair.
	data := []byte(`[
  {"id": 7, "data": {"text": "Ann 🏠 met Bob in Paris."},
   "annotations": [
    {"id": 1, "completed_by": 3, "result": [
      {"id": "a1", "type": "labels", "from_name": "ner", "to_name": "text", "value": {"start": 0, "end": 3, "text": "Ann", "labels": ["PER"]}, "meta": {"text": ["first"]}},
      {"id": "a2", "type": "labels", "from_name": "ner", "to_name": "text", "value": {"start": 11, "end": 14, "text": "Bob", "labels": ["PER"]}},
      {"id": "a2", "type": "textarea", "from_name": "Gender", "to_name": "text", "value": {"start": 11, "end": 14, "text": ["m"]}},
      {"id": "a3", "type": "labels", "from_name": "ner", "to_name": "text", "value": {"start": 5, "end": 9, "text": "\ud83c met", "labels": ["PER"]}},
      {"from_id": "a1", "to_id": "a2", "type": "relation"},
      {"id": "c", "type": "choices", "from_name": "s", "to_name": "text", "value": {"choices": ["ok"]}}]},
    {"id": 2, "completed_by": {"id": 4, "email": "eve@example.org"}, "result": [
      {"id": "b1", "type": "labels", "from_name": "ner", "to_name": "text", "value": {"start": 18, "end": 23, "text": "Paris", "labels": ["LOC"]}}]},
    {"id": 3, "was_cancelled": true, "result": []}]},
  {"id": 8, "data": {"text": "Only a prediction here."},
   "predictions": [{"model_version": "v2", "result": [
      {"id": "p1", "type": "labels", "from_name": "ner", "to_name": "text", "value": {"start": 7, "end": 17, "labels": ["MISC"]}}]}]}
]`)
	in := Input{Name: "project.json", Data: data}
	if f, ok := Recognise(in); !ok || f.Name != "labelstudio" {
		t.Fatalf("recognised as %q", f.Name)
	}
	docs, faults := labelStudio.Import([]Input{in}, nil)
	if len(faults) > 0 || len(docs) != 3 {
		t.Fatalf("%d documents, faults %v", len(docs), faults)
	}
	// The offsets that split a surrogate pair are wrong: a fault at the
	// task's line, and the task's document is kept without them.
	if f := docs[0].Faults; len(f) != 1 || f[0].Line != 2 || !strings.Contains(f[0].Error(), "project.json:2: task 1: result 4 (a3): its start 5 falls between the two halves") {
		t.Errorf("faults %v", f)
	}
	ann, eve, pred := docs[0], docs[1], docs[2]
	if ann.SourceID != "7" || ann.From != "project.json:2" || pred.From != "project.json:14" {
		t.Errorf("source %q, from %q and %q", ann.SourceID, ann.From, pred.From)
	}
	got := map[string]annotate.Annotation{}
	for _, a := range ann.File.Annotations {
		got[a.Exact] = a
	}
	if len(got) != 2 || got["Ann"].Label != "per" || got["Ann"].Attributes["note"] != "first" || got["Bob"].Attributes["gender"] != "m" ||
		got["Bob"].Author != "label-studio user 3" || got["Bob"].Start != 10 {
		t.Errorf("annotations %+v", ann.File.Annotations)
	}
	notes := strings.Join(ann.Notes, "\n")
	if strings.Contains(notes, "surrogate pair") || !strings.Contains(notes, `"relation"`) || !strings.Contains(notes, `"choices"`) ||
		!strings.Contains(notes, `the label "PER" is read as "per"`) {
		t.Errorf("notes %q", ann.Notes)
	}
	if len(eve.File.Annotations) != 1 || eve.File.Annotations[0].Author != "eve@example.org" || eve.File.Annotations[0].Exact != "Paris" {
		t.Errorf("the second annotator's %+v", eve.File.Annotations)
	}
	if len(pred.File.Annotations) != 1 || pred.File.Annotations[0].Exact != "prediction" || pred.File.Annotations[0].Author != "v2" {
		t.Errorf("the prediction's %+v", pred.File.Annotations)
	}
}

func TestLabelStudioFaults(t *testing.T) {
	data := []byte("[\n{\"data\": {\"text\": \"Fine text.\"}},\n{\"data\": {\"image\": \"x.png\"}},\n{\"data\": 3},\n{\"data\": {\"text\": \"Also fine.\"}}\n]")
	docs, faults := labelStudio.Import([]Input{{Name: "p.json", Data: data}}, nil)
	if len(docs) != 2 || len(faults) != 2 || faults[0].Line != 3 || faults[1].Line != 4 || !strings.Contains(faults[0].Error(), "p.json:3: task 2 has no text") {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	if !errors.Is(faults[0], ErrUnreadable) {
		t.Error("a fault is not ErrUnreadable")
	}
	_, faults = labelStudio.Import([]Input{{Name: "p.json", Data: []byte("[\n{\"data\": {\"text\": \"Fine.\"}},\n{\"data\": ")}}, nil)
	if len(faults) != 1 || faults[0].Line != 3 {
		t.Errorf("a broken file: %v", faults)
	}
	for _, not := range []string{`{"data": {}}`, `[1, 2]`, `[{"text": "x"}]`, "{\"a\":1}\n{\"a\":2}\n"} {
		if isLabelStudio(Input{Name: "x.json", Data: []byte(not)}) {
			t.Errorf("%s taken for Label Studio tasks", not)
		}
	}
}

// TestLabelStudioPythonReadsTheOffsets checks, with Python's own UTF-16
// codec, that every result's offsets hold its text, in the golden file
// and in the corpus's export; and that the check fails on an offset one
// off, so that it checks something.
func TestLabelStudioPythonReadsTheOffsets(t *testing.T) {
	script := `
import json, sys
bad = 0
for path in sys.argv[1:]:
    for task in json.load(open(path, encoding='utf-8')):
        text = task['data']['text']
        units = text.encode('utf-16-le')
        for ann in task['annotations']:
            for r in ann['result']:
                if r['type'] != 'labels':
                    continue
                v = r['value']
                got = units[2*v['start']:2*v['end']].decode('utf-16-le')
                if got != v['text']:
                    bad += 1
                    print(path, r['id'], repr(got), '!=', repr(v['text']))
sys.exit(1 if bad else 0)
`
	dir := t.TempDir()
	corpus, err := labelStudio.Export(corpusFiles(t), nowForTests)
	if err != nil {
		t.Fatal(err)
	}
	writeOutputs(t, dir, "corpus.json", corpus)
	emoji, _ := labelStudio.Export([]annotate.File{emojiFile(t)}, nowForTests)
	writeOutputs(t, dir, "emoji.json", emoji)
	golden := filepath.Join(testcorpus.Root(t), "testdata", "formats", "labelstudio", "sample.json")
	if out, err := runPython(t, script, golden, filepath.Join(dir, "emoji.json"), filepath.Join(dir, "corpus.json")); err != nil {
		t.Errorf("Python finds offsets that do not hold their text: %v\n%s", err, out)
	}
	// A start one unit off, the end with it: the check must fail.
	var tasks []lsTaskOut
	if err := json.Unmarshal(emoji[0].Data, &tasks); err != nil {
		t.Fatal(err)
	}
	v := &tasks[0].Annotations[0].Result[0].Value
	v.Start, v.End = v.Start+1, v.End+1
	off, _ := json.Marshal(tasks)
	writeOutputs(t, dir, "off.json", []Output{{Data: off}})
	if out, err := runPython(t, script, filepath.Join(dir, "off.json")); err == nil {
		t.Errorf("the Python check passes a file whose first offset is off:\n%s", out)
	}
}

func FuzzLabelStudioImport(f *testing.F) {
	f.Add(testcorpus.File(f, "testdata/formats/labelstudio/sample.json"))
	f.Add([]byte(`[{"data": {"text": "a 🏠 b"}, "annotations": [{"result": [{"id": "x", "type": "labels", "value": {"start": 2, "end": 3, "labels": ["X"]}}]}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := Input{Name: "f.json", Data: data}
		Recognise(in)
		labelStudio.Import([]Input{in}, nil)
	})
}

func TestLabelStudioRoundTripWithoutTheDocuments(t *testing.T) {
	checkWithoutTheDocuments(t, labelStudio, carries{ids: true})
}

func TestLabelStudioImportsJSONMin(t *testing.T) {
	data := []byte(`[
  {"id": 3, "text": "Ann 🏠 met Bob.", "title": "T", "annotator": "ann@example.org", "annotation_id": 9, "lead_time": 2.5,
   "label": [{"start": 0, "end": 3, "text": "Ann", "labels": ["PER"]}, {"start": 11, "end": 14, "text": "Bob", "labels": ["PER", "Boss"]}],
   "note": [{"start": 11, "end": 14, "text": ["the boss"]}]}
]`)
	in := Input{Name: "min.json", Data: data}
	if f, ok := Recognise(in); !ok || f.Name != "labelstudio" {
		t.Errorf("recognised as %q", f.Name)
	}
	docs, faults := labelStudio.Import([]Input{in}, nil)
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("%d documents, faults %v", len(docs), faults)
	}
	d := docs[0]
	if d.SourceID != "3" || d.File.Document.Title != "T" || len(d.File.Annotations) != 3 {
		t.Fatalf("document %+v", d.File)
	}
	for _, a := range d.File.Annotations {
		if a.Author != "ann@example.org" || (a.Exact == "Bob") != (a.Attributes["note"] == "the boss") {
			t.Errorf("annotation %+v", a)
		}
	}
}

// TestLabelStudioSaysATaskOfTwoAnnotatorsIsTwoDocuments converts a task
// that two annotators completed: it became two documents, two lines of a
// dataset, and the command said "2 documents written" of a file of one
// task, without a word of why. The first document's notes say it, by
// annotator.
func TestLabelStudioSaysATaskOfTwoAnnotatorsIsTwoDocuments(t *testing.T) {
	data := []byte(`[{"id": 7, "data": {"text": "Prices rose again. Wages did not."}, "annotations": [
  {"id": 1, "completed_by": 1, "result": [{"id": "a", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 0, "end": 6, "text": "Prices", "labels": ["claim"]}}]},
  {"id": 2, "completed_by": {"id": 2, "email": "eve@example.org"}, "result": [{"id": "b", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 19, "end": 24, "text": "Wages", "labels": ["claim"]}}]}]}]`)
	docs, faults := labelStudio.Import([]Input{{Name: "tasks.json", Data: data}}, nil)
	if len(faults) > 0 || len(docs) != 2 {
		t.Fatalf("%d documents, faults %v", len(docs), faults)
	}
	want := `task 1 holds 2 annotations, by label-studio user 1 and eve@example.org: each is a document of its own (a line of a dataset), so that each annotator's work stays apart`
	if notes := strings.Join(docs[0].Notes, "\n"); !strings.Contains(notes, want) {
		t.Errorf("the first document's notes are %q, want %q", docs[0].Notes, want)
	}
	if len(docs[1].Notes) != 0 {
		t.Errorf("the second document's notes say it again: %q", docs[1].Notes)
	}
}
