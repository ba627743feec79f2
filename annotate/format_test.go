package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
)

// fxParagraphs is a small article with the characters that offsets trip
// on: an emoji outside the BMP, a combining mark, NBSP, curly quotes and
// right-to-left text.
var fxParagraphs = []string{
	"Sir Keir Starmer 🇬🇧 met Donald Trump in the White House on Thursday.",
	"The President said British trade with the US was “pretty balanced”, and he would look at it.",
	"The Prime Minister pledged to raise defence spending to 2.5% from April 2027.",
	"Crowds chanted “yes we can” outside; a café owner said the mood was\u00a0calm.",
	"An Arabic headline read: سلام عليكم — peace be upon you.",
}

// fxDoc makes a Document of paragraphs through FromSanitized.
func fxDoc(t testing.TB, paragraphs ...string) *Document {
	t.Helper()
	var b strings.Builder
	b.WriteString(`<article class="doc">`)
	for _, p := range paragraphs {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	b.WriteString("</article>")
	d, err := FromSanitized(b.String(), "Starmer meets Trump", "https://example.com/news/1", Meta{Author: "A. Reporter", Language: "en"})
	if err != nil {
		t.Fatalf("FromSanitized: %v", err)
	}
	return d
}

// fxClock returns a clock that ticks one second per call from a fixed
// time.
func fxClock() func() time.Time {
	now := time.Date(2025, 2, 27, 9, 30, 0, 0, time.UTC)
	return func() time.Time {
		now = now.Add(time.Second)
		return now
	}
}

// fxAdd tags the first occurrence of phrase in the set's text.
func fxAdd(t testing.TB, s *Set, label, phrase string) Annotation {
	t.Helper()
	text := s.Text()
	b := strings.Index(text.String(), phrase)
	if b < 0 {
		t.Fatalf("%q is not in the text", phrase)
	}
	start := text.CodePointAtByte(b)
	a, err := s.Add(label, start, start+RuneCount(phrase))
	if err != nil {
		t.Fatalf("Add %s %q: %v", label, phrase, err)
	}
	return a
}

// fxSet returns the sample document with a claim, a quote with a speaker,
// a pledge with a note and a nested claim inside the quote.
func fxSet(t testing.TB) (*Document, *Set) {
	t.Helper()
	d := fxDoc(t, fxParagraphs...)
	s := NewSet(d.Text(), DefaultSchema())
	s.SetClock(fxClock())
	s.SetAuthor("ann")
	fxAdd(t, s, "claim", "British trade with the US was “pretty balanced”")
	q := fxAdd(t, s, "quote", "“pretty balanced”")
	if err := s.SetAttribute(q.ID, AttrSpeaker, "Donald Trump"); err != nil {
		t.Fatal(err)
	}
	p := fxAdd(t, s, "pledge", "raise defence spending to 2.5% from April 2027")
	if err := s.SetAttribute(p.ID, AttrParty, "Labour"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetAttribute(p.ID, AttrNote, "repeated at PMQs"); err != nil {
		t.Fatal(err)
	}
	fxAdd(t, s, "quote", "yes we can")
	fxAdd(t, s, "claim", "سلام عليكم")
	fxAdd(t, s, "claim", "café owner")
	fxAdd(t, s, "claim", "Starmer 🇬🇧 met")
	return d, s
}

var fxExported = time.Date(2025, 3, 1, 12, 0, 0, 123456789, time.FixedZone("CET", 3600))

// fxExport returns the sample export as JSON.
func fxExport(t testing.TB) []byte {
	t.Helper()
	d, s := fxSet(t)
	return fxExportOf(t, d, s)
}

// fxExportOf returns the export of d and s, with one orphan, as JSON.
func fxExportOf(t testing.TB, d *Document, s *Set) []byte {
	t.Helper()
	orphan := Annotation{
		ID: "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", Label: "claim", Start: 900, End: 910,
		Exact: "lost words", Prefix: "some ", Suffix: " here", Author: "bob",
		Created: fxExported, Modified: fxExported,
	}
	data, err := NewFile(d, s, []Annotation{orphan}, fxExported).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestExportValidates(t *testing.T) {
	data := fxExport(t)
	if problems := Validate(data); len(problems) > 0 {
		t.Fatalf("Validate of an export: %v\n%s", problems, data)
	}
	fxCheckSchema(t, data)
}

// fxCheckSchema checks data against the published JSON Schema alone.
func fxCheckSchema(t testing.TB, data []byte) {
	t.Helper()
	sch, err := compiledSchemaV1()
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Fatalf("the export fails the JSON Schema: %v", err)
	}
}

func TestExportStructure(t *testing.T) {
	data := fxExport(t)
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	// The required names, exactly.
	for _, k := range []string{"version", "document", "schema", "annotations"} {
		if _, ok := f[k]; !ok {
			t.Errorf("the export has no %q", k)
		}
	}
	if f["version"] != float64(1) {
		t.Errorf("version = %v", f["version"])
	}
	doc := f["document"].(map[string]any)
	for _, k := range []string{"id", "title", "url", "html", "text", "textSha256", "offsetUnit", "meta"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("the document has no %q", k)
		}
	}
	if doc["offsetUnit"] != "codepoint" {
		t.Errorf("offsetUnit = %v", doc["offsetUnit"])
	}
	if _, ok := doc["meta"].(map[string]any); !ok {
		t.Errorf("meta is %T, not an object", doc["meta"])
	}
	labels := f["schema"].(map[string]any)["labels"].([]any)
	if len(labels) != 3 {
		t.Errorf("%d labels", len(labels))
	}
	for i, l := range labels {
		l := l.(map[string]any)
		for _, k := range []string{"name", "color", "key", "attributes"} {
			if _, ok := l[k]; !ok {
				t.Errorf("label %d has no %q", i, k)
			}
		}
		if _, ok := l["attributes"].([]any); !ok {
			t.Errorf("label %d: attributes is %T, not an array", i, l["attributes"])
		}
	}
	stamp := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	if s, _ := f["exported"].(string); s != "2025-03-01T11:00:00.123Z" {
		t.Errorf("exported = %q, want UTC with milliseconds", f["exported"])
	}
	text := []rune(doc["text"].(string))
	anns := f["annotations"].([]any)
	if len(anns) != 7 {
		t.Fatalf("%d annotations, want 7", len(anns))
	}
	for i, a := range append(anns, f["orphans"].([]any)...) {
		a := a.(map[string]any)
		for _, k := range []string{"id", "label", "start", "end", "exact", "prefix", "suffix", "attributes", "author", "created", "modified", "anchor"} {
			if _, ok := a[k]; !ok {
				t.Errorf("annotation %d has no %q", i, k)
			}
		}
		if len(a) != 12 {
			t.Errorf("annotation %d has %d fields, want 12", i, len(a))
		}
		if _, ok := a["attributes"].(map[string]any); !ok {
			t.Errorf("annotation %d: attributes is %T, not an object", i, a["attributes"])
		}
		for _, k := range []string{"created", "modified"} {
			if !stamp.MatchString(a[k].(string)) {
				t.Errorf("annotation %d: %s = %q, want RFC 3339 UTC with milliseconds", i, k, a[k])
			}
		}
		if i >= len(anns) {
			if a["anchor"] != "orphan" {
				t.Errorf("orphan anchor = %v", a["anchor"])
			}
			continue
		}
		// Python's text[start:end] == exact.
		start, end := int(a["start"].(float64)), int(a["end"].(float64))
		if got := string(text[start:end]); got != a["exact"] {
			t.Errorf("annotation %d: text[%d:%d] = %q, exact = %q", i, start, end, got, a["exact"])
		}
		if got := string(text[max(0, start-ContextLen):start]); got != a["prefix"] {
			t.Errorf("annotation %d: prefix %q, text before %q", i, a["prefix"], got)
		}
	}
	// No HTML escaping of the article's markup.
	if !bytes.Contains(data, []byte(`"html": "<article class=\"doc\">`)) {
		t.Errorf("the html is escaped or missing:\n%.300s", data)
	}
}

func TestExportFieldOrder(t *testing.T) {
	d, s := fxSet(t)
	data := fxExportOf(t, d, s)
	keys := fxTopKeys(t, data)
	want := []string{"version", "generator", "exported", "document", "schema", "annotations", "orphans"}
	if fmt.Sprint(keys) != fmt.Sprint(want) {
		t.Errorf("top-level keys %v, want %v", keys, want)
	}
	// The annotation's fields, in order.
	i := bytes.Index(data, []byte(`"annotations": [`))
	ann := data[i:]
	var last int
	for _, k := range []string{"id", "label", "start", "end", "exact", "prefix", "suffix", "attributes", "author", "created", "modified", "anchor"} {
		j := bytes.Index(ann, []byte(`"`+k+`":`))
		if j < last {
			t.Errorf("annotation field %q out of order", k)
		}
		last = j
	}
	// The same input gives the same bytes.
	if again := fxExportOf(t, d, s); !bytes.Equal(again, data) {
		t.Error("two exports of the same set differ")
	}
}

func fxTopKeys(t testing.TB, data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestExportNeverNull(t *testing.T) {
	d := fxDoc(t, "Just one paragraph.")
	s := NewSet(d.Text(), Schema{Labels: []Label{{Name: "claim", Color: "#123456", Key: "c"}}})
	data, err := NewFile(d, s, nil, fxExported).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"annotations": []`, `"attributes": []`, `"meta": {`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the export lacks %s:\n%s", want, data)
		}
	}
	if bytes.Contains(data, []byte("null")) {
		t.Errorf("the export holds null:\n%s", data)
	}
	if bytes.Contains(data, []byte(`"orphans"`)) {
		t.Error("an export with no orphans has an orphans field")
	}
	if problems := Validate(data); len(problems) > 0 {
		t.Errorf("Validate: %v", problems)
	}

	// An annotation with nil attributes, in a File made by hand.
	f := File{Version: 1, Document: FileDocument{Text: "x"}, Annotations: nil, Orphans: []Annotation{{ID: "x"}}}
	data, err = f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"attributes": {}`)) || !bytes.Contains(data, []byte(`"annotations": []`)) || !bytes.Contains(data, []byte(`"labels": []`)) {
		t.Errorf("nil became null:\n%s", data)
	}
}

// TestExportRandomSpans exports random spans of a text full of emoji,
// combining marks, NBSP and right-to-left script, and checks that every
// exported span is text[start:end] in code points, that the export
// validates, and that anchoring on the unchanged text is always exact.
func TestExportRandomSpans(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"word", "e\u0301", "👩‍👩‍👧", "🇫🇷", "\u00a0", "שלום", "سلام", "“q”", "—", "𝔘𝔫𝔦", "a", "Z", "٣", "ﬁ", " ", "\u200f"}
	for round := 0; round < 20; round++ {
		var paras []string
		for p := 0; p < 1+rng.IntN(4); p++ {
			var b strings.Builder
			for w := 0; w < 5+rng.IntN(40); w++ {
				b.WriteString(pieces[rng.IntN(len(pieces))])
				if rng.IntN(3) == 0 {
					b.WriteString(" ")
				}
			}
			b.WriteString(".")
			paras = append(paras, b.String())
		}
		d := fxDoc(t, paras...)
		s := NewSet(d.Text(), DefaultSchema())
		s.SetClock(fxClock())
		n := d.Text().Len()
		labels := []string{"claim", "quote", "pledge"}
		for k := 0; k < 30; k++ {
			start := rng.IntN(n)
			end := start + 1 + rng.IntN(min(n-start, 40))
			s.Add(labels[rng.IntN(3)], start, end) // refusals are fine
		}
		data, err := NewFile(d, s, nil, fxExported).Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if problems := Validate(data); len(problems) > 0 {
			t.Fatalf("round %d: Validate: %v", round, problems)
		}
		var f struct {
			Document    struct{ Text string }
			Annotations []struct {
				Start, End int
				Exact      string
			}
		}
		if err := json.Unmarshal(data, &f); err != nil {
			t.Fatal(err)
		}
		runes := []rune(f.Document.Text)
		for _, a := range f.Annotations {
			if got := string(runes[a.Start:a.End]); got != a.Exact {
				t.Errorf("round %d: text[%d:%d] = %q, exact %q", round, a.Start, a.End, got, a.Exact)
			}
		}
		an := NewAnchorer(d.Text())
		for _, a := range s.All() {
			if st, e, how, _ := an.Anchor(a); st != a.Start || e != a.End || how != AnchorExact {
				t.Errorf("round %d: re-anchoring %q at %d-%d on the same text gave %d-%d %s", round, a.Exact, a.Start, a.End, st, e, how)
			}
		}
	}
}

// fxBigDoc returns a synthetic article of about size bytes.
func fxBigDoc(tb testing.TB, size int) *Document {
	tb.Helper()
	rng := rand.New(rand.NewPCG(7, 7))
	words := []string{"the", "minister", "said", "trade", "was", "balanced", "and", "pledged", "to", "raise", "spending", "by", "2027", "in", "a", "speech", "at", "White", "House", "Starmer", "Trump", "Ukraine", "deal", "peace", "café", "🇬🇧", "“yes", "we", "can”"}
	var paras []string
	total := 0
	for i := 0; total < size; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Paragraph %d:", i)
		for w := 0; w < 30+rng.IntN(40); w++ {
			b.WriteString(" ")
			b.WriteString(words[rng.IntN(len(words))])
		}
		b.WriteString(".")
		paras = append(paras, b.String())
		total += b.Len()
	}
	return fxDoc(tb, paras...)
}

// fxBigSet returns a set of n annotations on d, spread over its text.
func fxBigSet(tb testing.TB, d *Document, n int) *Set {
	tb.Helper()
	s := NewSet(d.Text(), DefaultSchema())
	s.SetClock(fxClock())
	rng := rand.New(rand.NewPCG(3, 4))
	labels := []string{"claim", "quote", "pledge"}
	size := d.Text().Len()
	for s.Len() < n {
		start := rng.IntN(size - 100)
		if _, err := s.Add(labels[rng.IntN(3)], start, start+5+rng.IntN(80)); err != nil {
			continue
		}
	}
	return s
}

func BenchmarkExport10000(b *testing.B) {
	d := fxBigDoc(b, 300_000)
	s := fxBigSet(b, d, 10_000)
	data, err := NewFile(d, s, nil, fxExported).Marshal()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewFile(d, s, nil, fxExported).Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}
