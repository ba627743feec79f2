package annotate

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

func TestImportRoundTrip(t *testing.T) {
	d, s := fxSet(t)
	data := fxExportOf(t, d, s)
	imp, err := Import(data)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Document.Text().String() != d.Text().String() || imp.Document.TextSHA256() != d.TextSHA256() {
		t.Errorf("the text changed on import:\n%q\n%q", imp.Document.Text(), d.Text())
	}
	if imp.Document.ID != d.ID || imp.Document.Title != d.Title || imp.Document.URL != d.URL || imp.Document.Meta != d.Meta {
		t.Errorf("document %q %q %q %+v, want %q %q %q %+v", imp.Document.ID, imp.Document.Title, imp.Document.URL, imp.Document.Meta,
			d.ID, d.Title, d.URL, d.Meta)
	}
	if imp.Moved != 0 || len(imp.Problems) != 0 {
		t.Errorf("moved %d, problems %v", imp.Moved, imp.Problems)
	}
	if imp.Set.CanUndo() {
		t.Errorf("an imported set can undo %q: the import must be where history starts", imp.Set.UndoLabel())
	}
	want, got := s.All(), imp.Set.All()
	if len(got) != len(want) {
		t.Fatalf("%d annotations, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		if g.ID != w.ID || g.Label != w.Label || g.Start != w.Start || g.End != w.End || g.Exact != w.Exact ||
			g.Prefix != w.Prefix || g.Suffix != w.Suffix || g.Author != w.Author || !g.Created.Equal(w.Created) ||
			!g.Modified.Equal(w.Modified) || g.Anchor != AnchorExact || len(g.Attributes) != len(w.Attributes) {
			t.Errorf("annotation %d:\n got %+v\nwant %+v", i, g, w)
		}
		for k, v := range w.Attributes {
			if g.Attributes[k] != v {
				t.Errorf("annotation %d: attribute %s = %q, want %q", i, k, g.Attributes[k], v)
			}
		}
	}
	if len(imp.Orphans) != 1 || imp.Orphans[0].Exact != "lost words" || imp.Orphans[0].Anchor != AnchorOrphan || imp.Orphans[0].Start != 900 {
		t.Errorf("orphans %+v", imp.Orphans)
	}
	if imp.Set.Schema().Labels[1].Name != "quote" {
		t.Errorf("schema %+v", imp.Set.Schema())
	}
	// Exporting the import again gives the same file.
	again, err := NewFile(imp.Document, imp.Set, imp.Orphans, fxExported).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, data) {
		t.Errorf("export → import → export changed the file:\n%s\n---\n%s", again, data)
	}
}

// fxRewrite returns the export data with its document replaced by d, as if
// the article had been edited and the file's text and hash made to match.
func fxRewrite(t testing.TB, data []byte, d *Document, edit func(*File)) []byte {
	t.Helper()
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if d != nil {
		f.Document.HTML, f.Document.Text, f.Document.TextSHA256 = d.HTML, d.Text().String(), d.TextSHA256()
	}
	if edit != nil {
		edit(&f)
	}
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportDropsEmptyAttributes: an attribute whose value is empty, or
// only white space, is not kept on import, so it does not stay in every
// export (an annotation keeps no empty value, and the sidebar could not
// clear it); the other attributes are kept as they are.
func TestImportDropsEmptyAttributes(t *testing.T) {
	d, s := fxSet(t)
	id := ""
	data := fxRewrite(t, fxExportOf(t, d, s), nil, func(f *File) {
		for i := range f.Annotations {
			if a := &f.Annotations[i]; a.Attributes[AttrSpeaker] != "" {
				id = a.ID
				a.Attributes = map[string]string{AttrSpeaker: "", AttrNote: " \n\u00a0", "extra": " kept "}
			}
		}
		f.Orphans[0].Attributes = map[string]string{AttrNote: ""}
	})
	imp, err := Import(data)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := imp.Set.Get(id)
	if !ok {
		t.Fatalf("the quote %q was not imported", id)
	}
	if len(a.Attributes) != 1 || a.Attributes["extra"] != " kept " {
		t.Errorf("the quote's attributes are %q, want only the one with a value, as it was", a.Attributes)
	}
	if len(imp.Orphans) != 1 || len(imp.Orphans[0].Attributes) != 0 {
		t.Errorf("the orphans are %+v, want one without attributes", imp.Orphans)
	}
	again, err := NewFile(imp.Document, imp.Set, imp.Orphans, fxExported).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var f File
	if err := json.Unmarshal(again, &f); err != nil {
		t.Fatal(err)
	}
	for _, a := range append(f.Annotations, f.Orphans...) {
		for name, v := range a.Attributes {
			if strings.TrimSpace(v) == "" {
				t.Errorf("the export of the import keeps the empty attribute %q of %s", name, a.ID)
			}
		}
	}
}

func TestImportReanchors(t *testing.T) {
	d, s := fxSet(t)
	data := fxExportOf(t, d, s)

	// A paragraph added at the top: every position is stale.
	moved := fxDoc(t, append([]string{"Update: this story has a new first paragraph 🇺🇦."}, fxParagraphs...)...)
	imp, err := Import(fxRewrite(t, data, moved, nil))
	if err != nil {
		t.Fatal(err)
	}
	if imp.Set.Len() != s.Len() || imp.Moved != s.Len() || len(imp.Orphans) != 1 {
		t.Errorf("placed %d, moved %d, orphans %d; want %d, %d, 1", imp.Set.Len(), imp.Moved, len(imp.Orphans), s.Len(), s.Len())
	}
	fxCheckPlaced(t, imp)
	for _, a := range imp.Set.All() {
		if a.Anchor != AnchorContext {
			t.Errorf("%q anchored %s, want context", a.Exact, a.Anchor)
		}
	}

	// A word changed inside two overlapping spans: the long claim is found
	// by a fuzzy match; the short quote has changed too much and is an
	// orphan.
	paras := append([]string{}, fxParagraphs...)
	paras[1] = strings.Replace(paras[1], "pretty balanced", "fairly balanced", 1)
	imp, err = Import(fxRewrite(t, data, fxDoc(t, paras...), nil))
	if err != nil {
		t.Fatal(err)
	}
	fxCheckPlaced(t, imp)
	var fuzzy, orphans []string
	for _, a := range imp.Set.All() {
		if a.Anchor == AnchorFuzzy {
			fuzzy = append(fuzzy, a.Exact)
		}
	}
	for _, a := range imp.Orphans {
		orphans = append(orphans, a.Exact)
	}
	if len(fuzzy) != 1 || fuzzy[0] != "British trade with the US was “fairly balanced”" {
		t.Errorf("fuzzy %q", fuzzy)
	}
	if len(orphans) != 2 || orphans[0] != "“pretty balanced”" || orphans[1] != "lost words" {
		t.Errorf("orphans %q", orphans)
	}
	if imp.Moved != 1 {
		t.Errorf("moved %d, want 1", imp.Moved)
	}
	var warned bool
	for _, p := range imp.Problems {
		warned = warned || (p.Warning && strings.Contains(p.Message, "“pretty balanced”") && strings.Contains(p.Message, "orphan"))
	}
	if !warned {
		t.Errorf("no problem tells of the orphan: %v", imp.Problems)
	}
}

// fxCheckPlaced checks that every annotation in an import is its span of
// the text, counted in code points, with its context.
func fxCheckPlaced(t testing.TB, imp *Imported) {
	t.Helper()
	runes := []rune(imp.Document.Text().String())
	for _, a := range imp.Set.All() {
		if got := string(runes[a.Start:a.End]); got != a.Exact {
			t.Errorf("text[%d:%d] = %q, exact %q", a.Start, a.End, got, a.Exact)
		}
		if got := string(runes[max(0, a.Start-ContextLen):a.Start]); got != a.Prefix {
			t.Errorf("prefix %q, text before %q", a.Prefix, got)
		}
		if got := string(runes[a.End:min(len(runes), a.End+ContextLen)]); got != a.Suffix {
			t.Errorf("suffix %q, text after %q", a.Suffix, got)
		}
	}
}

func TestImportSanitisesHTML(t *testing.T) {
	data := fxExport(t)
	evil := `<article class="doc"><p onclick="steal()">Sir Keir Starmer 🇬🇧 met Donald Trump <script>alert(1)</script>in the White House` +
		` on <a href="javascript:alert(1)">Thursday</a>.<img src=x onerror=alert(1)></p><iframe src="https://evil.example/"></iframe>` +
		`<p>The President said British trade with the US was “pretty balanced”, and he would look at it.</p></article>`
	imp, err := Import(fxRewrite(t, data, nil, func(f *File) { f.Document.HTML = evil }))
	if err != nil {
		t.Fatal(err)
	}
	checkPolicy(t, "imported HTML", imp.Document.HTML)
	for _, bad := range []string{"<script", "onclick", "javascript:", "onerror", "<iframe", "steal"} {
		if strings.Contains(imp.Document.HTML, bad) {
			t.Errorf("the imported HTML holds %q:\n%s", bad, imp.Document.HTML)
		}
	}
	fxCheckPlaced(t, imp)
	placed := map[string]bool{}
	for _, a := range imp.Set.All() {
		placed[a.Exact] = true
	}
	for _, want := range []string{"Starmer 🇬🇧 met", "“pretty balanced”", "British trade with the US was “pretty balanced”"} {
		if !placed[want] {
			t.Errorf("%q was not placed", want)
		}
	}
}

func TestImportRefuses(t *testing.T) {
	good := fxExport(t)
	for _, label := range []string{"claim", "quote", "pledge"} {
		good = bytes.ReplaceAll(good, []byte(`"label": "`+label+`"`), []byte(`"label": "rumour"`))
	}
	_, err := Import(good)
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("Import error %T %v, want *ImportError", err, err)
	}
	msg := err.Error()
	// Seven annotations and the orphan have an unknown label.
	for _, want := range []string{"the file cannot be imported: 8 problems: ", "/annotations/0/label: label \"rumour\" is not in the file's schema", "; and 5 more"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Count(msg, "/annotations/") != 3 {
		t.Errorf("error %q does not spell out three problems", msg)
	}
	if len(ie.Problems) != 8 || ie.Problems[0].Line < 40 {
		t.Errorf("problems:\n%s", fxProblems(ie.Problems))
	}

	for name, data := range map[string][]byte{
		"broken JSON":   []byte(`{"version": 1,`),
		"other version": []byte(`{"version": 3}`),
		"bad hash":      bytes.Replace(fxExport(t), []byte(`"textSha256": "`), []byte(`"textSha256": "0`), 1),
		"empty":         nil,
		"JSON Schema":   []byte(`{"version": 1, "document": {}, "schema": {"labels": []}, "annotations": {}}`),
	} {
		_, err := Import(data)
		if !errors.As(err, &ie) || len(ie.Problems) == 0 || !strings.HasPrefix(err.Error(), "the file cannot be imported: ") {
			t.Errorf("%s: Import error %v", name, err)
		}
	}
}

func TestImportRepairs(t *testing.T) {
	good := fxExport(t)
	// Offsets that a tool counting UTF-16 units wrote, a stale end and a
	// duplicate: the first two are placed again by their quotes; the
	// duplicate is kept as an orphan.
	data := fxReplace(t, good, `"end": 23,`, `"end": 25,`)
	var f File
	json.Unmarshal(good, &f)
	imp, err := Import(data)
	if err != nil {
		t.Fatal(err)
	}
	fxCheckPlaced(t, imp)
	if imp.Set.Len() != 7 || imp.Moved != 1 {
		t.Errorf("placed %d, moved %d", imp.Set.Len(), imp.Moved)
	}
	if a, ok := imp.Set.Get(f.Annotations[0].ID); !ok || a.Start != 9 || a.End != 23 || a.Anchor != AnchorContext {
		t.Errorf("re-anchored %+v", a)
	}
	if len(imp.Problems) != 1 || !strings.Contains(imp.Problems[0].Message, "UTF-16") {
		t.Errorf("problems %v", imp.Problems)
	}

	// The same span and label twice.
	i := bytes.Index(good, []byte(`"annotations": [`)) + len(`"annotations": [`)
	j := bytes.Index(good[i:], []byte("\n    },")) + i + 7
	dup := bytes.Replace(good[i:j], []byte(f.Annotations[0].ID), []byte("0195a1b2-c3d4-7e5f-8a9b-000000000001"), 1)
	data = append(append(append([]byte{}, good[:j]...), dup...), good[j:]...)
	imp, err = Import(data)
	if err != nil {
		t.Fatal(err)
	}
	if imp.Set.Len() != 7 || len(imp.Orphans) != 2 || imp.Orphans[0].ID != "0195a1b2-c3d4-7e5f-8a9b-000000000001" {
		t.Errorf("placed %d, orphans %+v", imp.Set.Len(), imp.Orphans)
	}
	if len(imp.Problems) != 2 || imp.Problems[0].Path != "/annotations/1" || imp.Problems[0].Warning {
		t.Errorf("problems:\n%s", fxProblems(imp.Problems))
	}
}

func TestImportWithoutHTML(t *testing.T) {
	good := fxExport(t)
	imp, err := Import(fxRewrite(t, good, nil, func(f *File) { f.Document.HTML = "" }))
	if err != nil {
		t.Fatal(err)
	}
	fxCheckPlaced(t, imp)
	if imp.Set.Len() != 7 {
		t.Errorf("placed %d of 7 from the text alone", imp.Set.Len())
	}
}

// TestImportWithHTMLThatShowsNothing: an export whose HTML has nothing
// to show once sanitised (a script alone, an empty block) opens from its
// text, as one without HTML does, and Validate, which takes such a file,
// agrees: the import refused it whole ("no text to annotate").
func TestImportWithHTMLThatShowsNothing(t *testing.T) {
	good := fxExport(t)
	for _, html := range []string{"<script>alert(1)</script>", "<div></div>", "<p> </p>"} {
		data := fxRewrite(t, good, nil, func(f *File) { f.Document.HTML = html })
		if errs, _ := CountProblems(Validate(data)); errs > 0 {
			t.Errorf("HTML %q: Validate finds %d errors: %v", html, errs, Validate(data))
		}
		imp, err := Import(data)
		if err != nil {
			t.Errorf("HTML %q: the import refuses the file: %v", html, err)
			continue
		}
		fxCheckPlaced(t, imp)
		if imp.Set.Len() != 7 {
			t.Errorf("HTML %q: placed %d of 7 from the text", html, imp.Set.Len())
		}
	}
}

func TestImportMerge(t *testing.T) {
	d, s := fxSet(t)
	data := fxExportOf(t, d, s)
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	// A second annotator's set on the same article, which already has one
	// of the annotations.
	other := NewSet(d.Text(), DefaultSchema())
	if err := other.Insert(s.All()[0]); err != nil {
		t.Fatal(err)
	}
	fxAdd(t, other, "claim", "Donald Trump")
	added, orphans, err := Merge(other, f)
	if err != nil {
		t.Fatal(err)
	}
	if added != 6 || other.Len() != 8 || len(orphans) != 1 {
		t.Errorf("added %d, len %d, orphans %d", added, other.Len(), len(orphans))
	}
	f.Version = 2
	if _, _, err := Merge(other, f); err == nil {
		t.Error("Merge took a version 2 file")
	}
}

// FuzzImport checks that Import refuses with an *ImportError or imports a
// file that exports to a valid file again. The fuzzer writes the file's
// text and one annotation's offsets and quote (more annotations may follow
// as raw JSON), and the file around them carries the text's true hash: so
// it reaches anchoring and placing rather than stopping at the hash, and
// each input is a few small values that the fuzzer minimises in moments
// (see fuzz_seeds_test.go). FuzzValidate gives Import whole files.
func FuzzImport(f *testing.F) {
	for _, s := range fxImportSeeds {
		f.Add(s.text, s.exact, s.prefix, s.suffix, s.start, s.end, []byte(s.more))
	}
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text, exact, prefix, suffix string, start, end int, more []byte) {
		data := fxAssemble(text, fxSeedAnnotation(exact, prefix, suffix, start, end), more)
		imp, err := Import(data)
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) || len(ie.Problems) == 0 {
				t.Fatalf("Import error %T %v", err, err)
			}
			return
		}
		fxCheckPlaced(t, imp)
		for _, a := range imp.Orphans {
			if a.Anchor != AnchorOrphan {
				t.Fatalf("orphan %+v", a)
			}
		}
		// What was imported exports to a valid file.
		out, err := NewFile(imp.Document, imp.Set, imp.Orphans, now).Marshal()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range Validate(out) {
			if !p.Warning {
				t.Fatalf("the import exports to an invalid file: %v\n%s", p, out)
			}
		}
	})
}

// TestImportFuzzSeeds checks that the checked-in seed corpora are there.
func TestImportFuzzSeeds(t *testing.T) {
	for _, name := range []string{"FuzzValidate", "FuzzImport"} {
		files, err := filepath.Glob(filepath.Join("testdata", "fuzz", name, "*"))
		if err != nil || len(files) == 0 {
			t.Errorf("no seeds for %s: %v", name, err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			want := "go test fuzz v1\nbool(" // FuzzValidate's whole, then its data
			if name == "FuzzImport" {
				want = "go test fuzz v1\nstring(" // FuzzImport's text, then the rest
			}
			if err != nil || !bytes.HasPrefix(data, []byte(want)) {
				t.Errorf("%s is not a seed: %v", file, err)
			}
		}
	}
}

// BenchmarkImport10000 and BenchmarkImport2000 import an export of a
// 300,000-character article (about 50,000 words): with 10,000
// annotations, and with the 2,000 of the browser benchmarks' export.
func BenchmarkImport10000(b *testing.B) { benchImport(b, 10_000) }
func BenchmarkImport2000(b *testing.B)  { benchImport(b, 2_000) }

func benchImport(b *testing.B, n int) {
	d := fxBigDoc(b, 300_000)
	s := fxBigSet(b, d, n)
	data, err := NewFile(d, s, nil, fxExported).Marshal()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		imp, err := Import(data)
		if err != nil {
			b.Fatal(err)
		}
		if imp.Set.Len() != n {
			b.Fatalf("imported %d", imp.Set.Len())
		}
	}
}

// TestImportSeedArticle annotates the reference article, exports it, and
// imports the export again after the article lost its donation-box
// boilerplate and gained a correction: every annotation is found again by
// its context, and the one whose words the correction touched by a fuzzy
// match.
func TestImportSeedArticle(t *testing.T) {
	src := testcorpus.File(t, testcorpus.SampleArticle)
	d, err := Load(src, Source{Name: "000_d5daed31138c5547.txt"})
	if err != nil {
		t.Fatal(err)
	}
	s := NewSet(d.Text(), DefaultSchema())
	s.SetClock(fxClock())
	phrases := map[string]string{
		"yes we can":      "quote",
		"pretty balanced": "claim",
		"increase defence spending to a 2.5% share of the economy from April 2027": "pledge",
	}
	for phrase, label := range phrases {
		fxAdd(t, s, label, phrase)
	}
	data, err := NewFile(d, s, nil, fxExported).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if p := Validate(data); p != nil {
		t.Fatalf("Validate: %v", p)
	}

	text := string(src)
	boilerplate := text[:strings.Index(text, "\n\n")+2]
	edited := "Correction: an earlier version misquoted the Prime Minister.\n\n" + strings.Replace(
		strings.TrimPrefix(text, boilerplate), "increase defence spending", "increase defense spending", 1)
	d2, err := Load([]byte(edited), Source{Name: "edited.txt"})
	if err != nil {
		t.Fatal(err)
	}
	imp, err := Import(fxRewrite(t, data, d2, nil))
	if err != nil {
		t.Fatal(err)
	}
	fxCheckPlaced(t, imp)
	if imp.Set.Len() != 3 || imp.Moved != 3 || len(imp.Orphans) != 0 {
		t.Fatalf("placed %d, moved %d, orphans %d", imp.Set.Len(), imp.Moved, len(imp.Orphans))
	}
	for _, a := range imp.Set.All() {
		want := AnchorContext
		if a.Label == "pledge" {
			want = AnchorFuzzy
		}
		if a.Anchor != want {
			t.Errorf("%s %q anchored %s, want %s", a.Label, a.Exact, a.Anchor, want)
		}
	}
}
