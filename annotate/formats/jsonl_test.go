package formats

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

func TestJSONLImportKeepsGoodLines(t *testing.T) {
	good := `{"id": "a1", "text": "Trade with the US is pretty balanced.", "spans": [{"start": 0, "end": 5, "label": "claim", "note": "n"}]}`
	data := strings.Join([]string{
		good,
		``,
		`{"text": "broken`,
		`{"text": "doccano 👍🏽 style", "label": [[0, 7, "ORG"], [8, 10, "claim"]]}`,
		`{"html": "<p>an article</p>", "title": "T"}`,
		`{"text": "x", "spans": [{"start": "0", "end": 1, "label": "claim"}]}`,
		`{"text": "x", "label": [[0, 1]]}`,
		`{"html": "<p>x</p>", "spans": [{"start": 0, "end": 1, "label": "claim"}]}`,
		`{"text": "a", "body": "b"}`,
	}, "\n")
	docs, faults := jsonl.Import([]Input{{Name: "batch.jsonl", Data: []byte(data)}}, nil)
	if len(docs) != 3 {
		t.Fatalf("%d documents, want 3", len(docs))
	}
	wantLines := []int{3, 6, 7, 8, 9}
	if len(faults) != len(wantLines) {
		t.Fatalf("faults %v, want lines %v", faults, wantLines)
	}
	for i, f := range faults {
		if f.Line != wantLines[i] || f.Name != "batch.jsonl" || !errors.Is(f, ErrUnreadable) {
			t.Errorf("fault %d: %v (line %d), want line %d", i, f, f.Line, wantLines[i])
		}
	}
	if !strings.Contains(faults[1].Message, `"start" must be a whole number`) || !strings.Contains(faults[4].Message, `"body"`) {
		t.Errorf("faults not in words: %v", faults)
	}
	first := docs[0]
	if first.SourceID != "a1" || first.From != "batch.jsonl:1" || len(first.File.Annotations) != 1 || first.File.Annotations[0].Attributes["note"] != "n" {
		t.Errorf("first line: %+v", first)
	}
	doccano := docs[1].File
	if len(doccano.Annotations) != 2 || doccano.Annotations[1].Exact != "👍🏽" {
		t.Errorf("doccano line: %+v", doccano.Annotations)
	}
	if _, ok := doccano.Schema.Label("org"); !ok || doccano.Annotations[0].Label != "org" || len(docs[1].Notes) != 1 {
		t.Errorf("the label ORG is not read as org, with a note: %v %v", doccano.Schema, docs[1].Notes)
	}
	if docs[2].File.Document.Title != "T" || len(docs[2].File.Annotations) != 0 {
		t.Errorf("html line: %+v", docs[2].File.Document)
	}
}

func TestJSONLRecognise(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       bool
	}{
		{"a.txt", `{"text": "x"}` + "\n" + `{"text": "y"}`, true},
		{"a", `{"html": "<p>x</p>"}`, true},
		{"a.jsonl", `not json`, true},
		{"a.json", "{\n  \"version\": 1,\n  \"document\": {}\n}", false},
		{"a.json", `{"@context": "http://www.w3.org/ns/anno.jsonld", "text": "x"}`, false},
		{"a.json", `[{"data": {"text": "x"}}]`, false},
	} {
		if got := isJSONL(Input{Name: c.name, Data: []byte(c.data)}); got != c.want {
			t.Errorf("%s %q: %v, want %v", c.name, c.data, got, c.want)
		}
	}
}

// TestJSONLPython checks the export of the corpus and the emoji articles
// in Python: text[start:end] must be each span's text and each doccano
// triple's span.
func TestJSONLPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on the PATH: the Python check of the JSON Lines export did not run")
	}
	files := append(emojiArticles(t), corpusSentences(t, 150)...)
	out, err := jsonl.Export(files, goldenNow)
	if err != nil {
		t.Fatal(err)
	}
	data := out[0].Data
	if os.Getenv("ANNOTATOR_BREAK_OFFSETS") == "1" {
		data = shiftFirstStart(t, data) // the deliberate break: the test must fail
	}
	path := filepath.Join(t.TempDir(), "dataset.jsonl")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	script := testcorpus.File(t, "annotate/formats/testdata/check_jsonl.py")
	res, err := exec.Command(py, "-c", string(script), path).CombinedOutput()
	if err != nil {
		t.Fatalf("Python disagrees with the export: %v\n%s", err, res)
	}
	want := 0
	for _, f := range files {
		want += len(f.Annotations)
	}
	if got, _ := strconv.Atoi(strings.TrimSpace(string(res))); got != 2*want {
		t.Errorf("Python checked %s spans and triples, want %d", res, 2*want)
	}
}

// shiftFirstStart moves the start of the first span of the first line
// with spans one code point on, in "spans" only.
func shiftFirstStart(t *testing.T, data []byte) []byte {
	i := bytes.Index(data, []byte(`"start":`))
	if i < 0 {
		t.Fatal("no span to break")
	}
	j := i + len(`"start":`)
	k := j
	for data[k] >= '0' && data[k] <= '9' {
		k++
	}
	n, _ := strconv.Atoi(string(data[j:k]))
	return append(append(append([]byte{}, data[:j]...), strconv.Itoa(n+1)...), data[k:]...)
}

func FuzzJSONLImport(f *testing.F) {
	f.Add(testcorpus.File(f, "testdata/formats/jsonl/sample.jsonl"))
	f.Add([]byte(`{"text": "a b", "label": [[0, 1, "claim"]]}`))
	f.Add([]byte(`{"html": "<p>a</p>"}` + "\n" + `{"text": "x", "spans": [{"start": 0, "end": 9, "label": "q"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, faults := jsonl.Import([]Input{{Name: "f.jsonl", Data: data}}, nil)
		for _, d := range docs {
			if _, err := d.File.Marshal(); err != nil {
				t.Fatal(err)
			}
		}
		for _, fault := range faults {
			if fault.Line < 1 || fault.Message == "" {
				t.Fatalf("fault without a line or a message: %+v", fault)
			}
		}
	})
}

// TestJSONLReadsDoccanoLabels reads doccano's labels with spaces and dots
// as names a schema takes, with a note: the line was refused whole.
func TestJSONLReadsDoccanoLabels(t *testing.T) {
	line := `{"text":"John lives in New York","label":[[0,4,"Person Name"],[14,22,"GPE.LOC"]]}`
	docs, faults := ReadAll([]Input{{Name: "d.jsonl", Data: []byte(line)}}, nil)
	if len(faults) > 0 || len(docs) != 1 {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	var got []string
	for _, a := range docs[0].File.Annotations {
		got = append(got, a.Label+" "+a.Exact)
	}
	if strings.Join(got, ", ") != "person_name John, gpe_loc New York" || len(docs[0].Notes) != 2 {
		t.Errorf("annotations %q, notes %q", got, docs[0].Notes)
	}
}

// TestJSONLReadsDoccanoAndProdigyLines reads the lines doccano's export
// and Prodigy's output write, each refused whole before: doccano numbers
// its examples ("id": 12) and adds "Comments" and its metadata; Prodigy
// adds "_input_hash", "answer" and, in each span, its tokens' numbers.
// What a line does not take is said, not read; a batch line of the
// annotator's own (no spans) is still held to its fields.
func TestJSONLReadsDoccanoAndProdigyLines(t *testing.T) {
	for _, c := range []struct {
		name, line, ids string
		notes           []string
	}{
		{"doccano", `{"id": 12, "text": "EU rejects German call to boycott British lamb.", "label": [[0, 2, "ORG"], [11, 17, "MISC"]], "Comments": [], "source": "reuters"}`,
			"12", []string{`its fields "Comments", "source" were not read`}},
		{"prodigy", `{"text": "EU rejects German call.", "_input_hash": -1, "_task_hash": 7, "spans": [{"start": 0, "end": 2, "label": "ORG", "token_start": 0, "token_end": 0}], "answer": "accept"}`,
			"", []string{`its fields "_input_hash", "_task_hash", "answer" were not read`, `span 1 (ORG): its members "token_end", "token_start" were not read`}},
	} {
		docs, faults := ReadAll([]Input{{Name: c.name + ".jsonl", Data: []byte(c.line + "\n")}}, nil)
		if len(faults) > 0 || len(docs) != 1 {
			t.Errorf("%s: docs %d, faults %v", c.name, len(docs), faults)
			continue
		}
		d := docs[0]
		if len(d.File.Annotations) == 0 || d.File.Annotations[0].Exact != "EU" || d.SourceID != c.ids {
			t.Errorf("%s: annotations %+v, source id %q", c.name, d.File.Annotations, d.SourceID)
		}
		notes := strings.Join(d.Notes, "\n")
		for _, want := range c.notes {
			if !strings.Contains(notes, want) {
				t.Errorf("%s: the notes do not say %q:\n%s", c.name, want, notes)
			}
		}
		for _, a := range d.File.Annotations {
			if len(a.Attributes) > 0 {
				t.Errorf("%s: %s holds attributes %v", c.name, a.Exact, a.Attributes)
			}
		}
	}
	if _, err := ParseLine([]byte(`{"id": "a7", "txt": "A typo for text."}`)); err == nil || !strings.Contains(err.Error(), `"txt"`) {
		t.Errorf("a batch line with a field it does not take: %v", err)
	}
	// A number for an id, as pandas' to_json writes an integer column,
	// is read as its digits.
	if l, err := ParseLine([]byte(`{"id": 7, "html": "<p>x</p>"}`)); err != nil || l.ID != "7" {
		t.Errorf("a batch line whose id is a number: %+v, %v; want the id \"7\"", l, err)
	}
	// A field of the wrong kind is not a line that is "not a JSON object".
	if _, err := ParseLine([]byte(`{"id": "a7", "title": 12, "text": "x"}`)); !errors.Is(err, ErrBadJSON) || strings.Contains(err.Error(), "not a JSON object") || !strings.Contains(err.Error(), `"title" must be a string`) {
		t.Errorf("a batch line whose title is a number: %v", err)
	}
}

// TestLineMetaKeepsWhatItCan reads a line whose "meta" holds keys that a
// document's metadata does not keep (a team's "category", a list of tags):
// the article is read with the keys it keeps, and the others are named in
// a note. The whole line was refused, its message calling "category" a
// field of the line and the line "not a JSON object".
func TestLineMetaKeepsWhatItCan(t *testing.T) {
	for _, line := range []string{
		`{"id": "a", "text": "Prices rose again.", "meta": {"Author": "Ada", "category": "politics", "tags": ["x", "y"]}}`,
		`{"id": "a", "html": "<p>Prices rose again.</p>", "meta": {"author": "Ada", "category": "politics", "tags": ["x", "y"]}}`,
		`{"id": "a", "text": "Prices rose again.", "spans": [{"start": 0, "end": 6, "label": "claim"}], "meta": {"author": "Ada", "category": "politics", "tags": ["x", "y"]}}`,
	} {
		l, err := ParseLine([]byte(line))
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if l.Meta == nil || l.Meta.Author != "Ada" || !slices.Equal(l.MetaIgnored, []string{"category", "tags"}) {
			t.Errorf("%s: meta %+v, left out %q", line, l.Meta, l.MetaIgnored)
		}
		d, err := LineDoc(l, "b.jsonl:1")
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if d.File.Document.Meta.Author != "Ada" {
			t.Errorf("%s: the document's author is %q", line, d.File.Document.Meta.Author)
		}
		if notes := strings.Join(d.Notes, "\n"); !strings.Contains(notes, `the keys "category", "tags" of its "meta" were not kept`) {
			t.Errorf("%s: the notes do not name the keys left out:\n%s", line, notes)
		}
	}
	// A key of the wrong kind is said as the meta's.
	if _, err := ParseLine([]byte(`{"id": "a", "text": "x", "meta": {"author": 5, "category": "c"}}`)); err == nil || !strings.Contains(err.Error(), `"meta.author" must be a string`) {
		t.Errorf("a meta whose author is a number: %v", err)
	}
}

// TestMetaKeysAreMetas holds the keys a line's "meta" keeps to the JSON
// names of annotate.Meta's fields, and its words to the keys.
func TestMetaKeysAreMetas(t *testing.T) {
	var names []string
	ty := reflect.TypeFor[annotate.Meta]()
	for i := range ty.NumField() {
		names = append(names, strings.Split(ty.Field(i).Tag.Get("json"), ",")[0])
	}
	keys := slices.Sorted(maps.Keys(metaKeys))
	if want := slices.Sorted(slices.Values(names)); !slices.Equal(keys, want) {
		t.Errorf("metaKeys %q; annotate.Meta's fields %q", keys, want)
	}
	if got := annotate.QuoteList(names[:len(names)-1]) + " and " + strconv.Quote(names[len(names)-1]); got != metaFields {
		t.Errorf("metaFields says %s; want %s", metaFields, got)
	}
}

// TestJSONLMakesAttributeNamesSchemaNames reads another tool's attribute
// names ("Due Date") as names a schema takes, with a note, as its labels
// are read: the whole line was refused, its schema not valid. A value that
// is white space alone is not kept, as an export's import keeps none, and
// a name with nothing to keep leaves its attribute out, with a note.
func TestJSONLMakesAttributeNamesSchemaNames(t *testing.T) {
	line := `{"text":"The council will build 300 homes by 2027.","spans":[{"start":4,"end":11,"label":"pledge",` +
		`"Due Date":"2027","party":"the council","blank":" \n","?":"x","note":"checked"}]}`
	docs, faults := ReadAll([]Input{{Name: "d.jsonl", Data: []byte(line)}}, nil)
	if len(faults) > 0 || len(docs) != 1 || len(docs[0].File.Annotations) != 1 {
		t.Fatalf("docs %d, faults %v", len(docs), faults)
	}
	d := docs[0]
	got := d.File.Annotations[0].Attributes
	want := map[string]string{"due_date": "2027", "party": "the council", "note": "checked"}
	if !maps.Equal(got, want) {
		t.Errorf("attributes %q, want %q", got, want)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, say := range []string{`the attribute "Due Date" is read as "due_date"`, `span 1 (pledge): its attribute "?" is left out: it cannot be an attribute's name`} {
		if !strings.Contains(notes, say) {
			t.Errorf("notes %q should say %q", d.Notes, say)
		}
	}
	if l := d.File.Schema.Labels[2]; l.Name != "pledge" || !slices.Contains(l.Attributes, "due_date") || slices.Contains(l.Attributes, "blank") {
		t.Errorf("the schema's pledge: %+v", l)
	}
}

// TestJSONLKeepsTheTextItsOffsetsCount reads dataset lines of another tool
// (doccano's label triples, Prodigy's spans; their ids are not the text's)
// whose texts hold tabs, runs of spaces, CRLFs and runs of blank lines:
// the offsets count that very text, so it is kept as it stands and every
// span where the line put it, rather than the text rewritten as a .txt is
// and the spans moved (or orphaned) by their quotes. A line without spans
// is an article, still read as a .txt.
func TestJSONLKeepsTheTextItsOffsetsCount(t *testing.T) {
	const text = "Name:\tJosé  Pérez\r\nRole:  mayor\r\n\r\n\r\nHe said  “yes”  👍🏽."
	data := strings.Join([]string{
		`{"id": "d7", "text": "Name:\tJosé  Pérez\r\nRole:  mayor\r\n\r\n\r\nHe said  “yes”  👍🏽.", "label": [[6, 17, "PER"], [26, 31, "ROLE"], [37, 55, "CLAIM"]]}`,
		`{"id": "p1", "text": "Name:\tJosé  Pérez\r\nRole:  mayor\r\n\r\n\r\nHe said  “yes”  👍🏽.", "spans": [{"start": 6, "end": 17, "label": "per"}, {"start": 37, "end": 55, "label": "claim", "text": "He said  “yes”  👍🏽"}]}`,
		`{"id": "a1", "text": "Name:\tJosé  Pérez\r\nRole:  mayor"}`,
	}, "\n")
	docs, faults := jsonl.Import([]Input{{Name: "doccano.jsonl", Data: []byte(data)}}, nil)
	if len(faults) != 0 || len(docs) != 3 {
		t.Fatalf("%d documents, faults %v; want 3 and none", len(docs), faults)
	}
	given := []rune(text)
	for _, d := range docs[:2] {
		if d.File.Document.Text != text {
			t.Errorf("%s: the text is %q, want %q as the line gives it", d.From, d.File.Document.Text, text)
		}
		if d.Moved != 0 || len(d.File.Orphans) != 0 {
			t.Errorf("%s: %d spans moved and %d orphans, want none", d.From, d.Moved, len(d.File.Orphans))
		}
		for _, a := range d.File.Annotations {
			if a.Exact != string(given[a.Start:a.End]) {
				t.Errorf("%s: %s at [%d, %d) reads %q, not the line's text there", d.From, a.Label, a.Start, a.End, a.Exact)
			}
		}
	}
	if got := docs[2].File.Document.Text; got != "Name: José Pérez\nRole: mayor" {
		t.Errorf("an article without spans reads %q, want the text as a .txt reads", got)
	}
}

// TestJSONLSpansKeepTheirWordsWhenControlCharactersAreLeftOut: a line
// whose text holds control characters (U+0001, U+0004), which a
// document's text leaves out, with spans whose offsets count them. The
// spans were placed by their quotes on the shorter text, the third "aa"
// of many on the fifth, with only "placed by its text" said, and a span
// of nothing but control characters was kept as an orphan.
// Now each span holds the very characters its offsets held in the line,
// at offsets that count the document's text, and a note says how many
// control characters were left out.
func TestJSONLSpansKeepTheirWordsWhenControlCharactersAreLeftOut(t *testing.T) {
	data := strings.Join([]string{
		`{"text": "A\u0001\u0002 claim, claim", "spans": [{"start": 11, "end": 16, "label": "claim"}]}`,
		`{"text": "x\u0001\u007f\u009f\u0004 aa aa aa aa aa aa", "label": [[12, 14, "claim"], [0, 1, "claim"]]}`,
		`{"text": "\u0001\u0002 a claim", "label": [[0, 2, "claim"], [5, 10, "claim"]]}`,
	}, "\n")
	docs, faults := jsonl.Import([]Input{{Name: "c.jsonl", Data: []byte(data)}}, nil)
	if len(docs) != 3 {
		t.Fatalf("%d documents, faults %v", len(docs), faults)
	}
	want := []struct {
		text  string
		spans [][2]int
	}{
		{"A claim, claim", [][2]int{{9, 14}}},
		{"x\u007f\u009f aa aa aa aa aa aa", [][2]int{{0, 1}, {10, 12}}},
		{" a claim", [][2]int{{3, 8}}},
	}
	for i, d := range docs {
		if d.File.Document.Text != want[i].text {
			t.Errorf("line %d: the text is %q, want %q", i+1, d.File.Document.Text, want[i].text)
			continue
		}
		var got [][2]int
		for _, a := range d.File.Annotations {
			got = append(got, [2]int{a.Start, a.End})
		}
		if !slices.Equal(got, want[i].spans) || d.Moved != 0 || len(d.File.Orphans) != 0 {
			t.Errorf("line %d: spans %v (%d moved, %d orphans), want %v", i+1, got, d.Moved, len(d.File.Orphans), want[i].spans)
		}
		if !slices.ContainsFunc(d.Notes, func(n string) bool { return strings.Contains(n, "control character") }) {
			t.Errorf("line %d: the notes %q do not say that control characters were left out", i+1, d.Notes)
		}
	}
	// The span of nothing but control characters has nothing left to hold.
	if f := docs[2].Faults; len(f) != 1 || f[0].Line != 3 || !strings.Contains(f[0].Error(), "nothing but control characters") {
		t.Errorf("faults %v, want line 3's span of control characters left out", f)
	}
}

// TestJSONLRefusesALineThatIsNotUTF8: a line saved in Latin-1 ("Caf\xe9")
// was read with each byte that is not UTF-8 made U+FFFD, "Caf�", and
// written so with no word said: the article's text lost its letters.
// JSON is UTF-8; the line is now refused, in words that say where and
// what to do, and the other lines are kept.
func TestJSONLRefusesALineThatIsNotUTF8(t *testing.T) {
	data := "{\"id\": \"a\", \"text\": \"Caf\xe9 au lait.\"}\n{\"id\": \"b\", \"text\": \"Café au lait.\"}\n"
	docs, faults := jsonl.Import([]Input{{Name: "latin1.jsonl", Data: []byte(data)}}, nil)
	if len(docs) != 1 || docs[0].File.Document.Text != "Café au lait." {
		t.Errorf("%d documents, want the one of line 2", len(docs))
	}
	if len(faults) != 1 || faults[0].Line != 1 || !strings.Contains(faults[0].Error(), "not UTF-8 text") || !strings.Contains(faults[0].Error(), "column 25") {
		t.Errorf("faults %v, want line 1 refused as not UTF-8 at column 25", faults)
	}
	if _, err := ParseLine([]byte("{\"text\": \"Caf\xe9\"}")); !errors.Is(err, ErrNotUTF8) {
		t.Errorf("ParseLine: %v, want ErrNotUTF8", err)
	}
}

// TestJSONLReadsUTF16: a JSON Lines file saved as UTF-16 with its
// byte-order mark (Notepad's "Unicode", Windows PowerShell's > and
// Out-File) was read byte by byte, each line refused ("the byte 0xFF",
// "invalid character '\x00'"). It is read as the UTF-16 its mark says.
func TestJSONLReadsUTF16(t *testing.T) {
	const text = "{\"id\": \"a\", \"text\": \"Café, 👍🏽 and more.\"}\r\n{\"id\": \"b\", \"text\": \"A second article.\"}\r\n"
	units := utf16.Encode([]rune(text))
	for _, order := range []binary.AppendByteOrder{binary.LittleEndian, binary.BigEndian} {
		data := order.AppendUint16(nil, 0xfeff)
		for _, u := range units {
			data = order.AppendUint16(data, u)
		}
		docs, faults := jsonl.Import([]Input{{Name: "u16.jsonl", Data: data}}, nil)
		if len(faults) != 0 || len(docs) != 2 || docs[0].File.Document.Text != "Café, 👍🏽 and more." {
			t.Errorf("%v: %d documents, faults %v", order, len(docs), faults)
		}
		// Recognised as JSON Lines under another name too.
		if docs, faults := ReadAll([]Input{{Name: "u16.ndjson", Data: data}}, nil); len(faults) != 0 || len(docs) != 2 {
			t.Errorf("%v, .ndjson: %d documents, faults %v", order, len(docs), faults)
		}
	}
}

// TestJSONLSaysAnEmptyFileIsEmpty: an empty JSON Lines file, or one of
// blank lines, among others was passed over with no word said (a folder
// converted, "1 document written"), and alone left "no document could be
// read" without saying why. It is a fault of its own, in words.
func TestJSONLSaysAnEmptyFileIsEmpty(t *testing.T) {
	for _, data := range []string{"", "\n\r\n  \n", "\xef\xbb\xbf"} {
		docs, faults := jsonl.Import([]Input{{Name: "empty.jsonl", Data: []byte(data)}}, nil)
		if len(docs) != 0 || len(faults) != 1 || !errors.Is(faults[0], ErrUnreadable) || !strings.Contains(faults[0].Error(), "empty.jsonl: "+ErrNoLines.Error()) {
			t.Errorf("%q: %d documents, faults %v; want the file said to hold no line", data, len(docs), faults)
		}
	}
}

// TestJSONLLinesEndWithACarriageReturn: a file whose lines end with a
// carriage return alone (classic Mac OS, some exporters) was one line,
// refused with "there is more after the object; put each article on a
// line of its own", which it was. A carriage return ends a line, as a
// line feed and CRLF do, and lines are numbered so.
func TestJSONLLinesEndWithACarriageReturn(t *testing.T) {
	data := "{\"text\": \"one\"}\r{\"text\": \"two\"}\r\n{\"text\": \"three\"}\n\r{\"text\": broken}\r"
	docs, faults := jsonl.Import([]Input{{Name: "cr.jsonl", Data: []byte(data)}}, nil)
	if len(docs) != 3 || len(faults) != 1 || faults[0].Line != 5 {
		t.Errorf("%d documents, faults %v; want 3, and line 5 refused", len(docs), faults)
	}
	// Recognised as JSON Lines under another name too: its first line is
	// the first object, not all of them.
	if docs, _ := ReadAll([]Input{{Name: "cr.ndjson", Data: []byte(data)}}, nil); len(docs) != 3 {
		t.Errorf(".ndjson: %d documents, want 3", len(docs))
	}
}

// TestJSONLNamesALineTooLargeOnce: a line whose article is over the
// annotator's limit was "big.jsonl:1: big.jsonl:1 is 10.5 MB", the
// place said twice, and the whole article loaded first. It is refused
// before, as the batch import refuses it: "the article is 10.5 MB".
func TestJSONLNamesALineTooLargeOnce(t *testing.T) {
	big := strings.Repeat("word ", int(annotate.MaxArticleBytes/5)+100_000)
	_, faults := jsonl.Import([]Input{{Name: "big.jsonl", Data: []byte(`{"text": "` + big + `"}`)}}, nil)
	if len(faults) != 1 || !strings.HasPrefix(faults[0].Error(), "big.jsonl:1: the article is ") || strings.Count(faults[0].Error(), "big.jsonl") != 1 {
		t.Errorf("faults %v, want line 1 refused as too large, named once", faults)
	}
}

// TestJSONLSaysABlankArticleOnce: a line whose "text" is blank was
// "odd.jsonl:6: odd.jsonl:6 is empty: …; check that it is the file you
// meant to open", the place twice and a file to check that is a line. It
// is refused as the batch import refuses it (ErrBlank).
func TestJSONLSaysABlankArticleOnce(t *testing.T) {
	_, faults := jsonl.Import([]Input{{Name: "odd.jsonl", Data: []byte(`{"text": " \n "}` + "\n" + `{"html": ""}`)}}, nil)
	for i, f := range faults {
		if f.Error() != fmt.Sprintf("odd.jsonl:%d: %v", i+1, ErrBlank) {
			t.Errorf("fault %d: %v, want ErrBlank's words", i, f)
		}
	}
	if len(faults) != 2 {
		t.Errorf("faults %v, want lines 1 and 2", faults)
	}
}

// TestJSONLSaysANullLineIsNoObject: a line "null" was said to have
// "neither "html" nor "text"", as though it were an object without them;
// it is no object, as "[]" and "42" are said to be none.
func TestJSONLSaysANullLineIsNoObject(t *testing.T) {
	_, err := ParseLine([]byte(" null "))
	if !errors.Is(err, ErrBadJSON) || !strings.Contains(err.Error(), "it holds a JSON null") {
		t.Errorf("%v, want ErrBadJSON saying it holds a JSON null", err)
	}
}
