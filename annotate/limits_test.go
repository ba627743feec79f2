package annotate

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestFormatSize checks the one byte-size formatter: decimal units, one
// decimal at most, and no "1000 KB".
func TestFormatSize(t *testing.T) {
	cases := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1, "1 byte"},
		{999, "999 bytes"},
		{1000, "1 KB"},
		{1234, "1.2 KB"},
		{999_949, "999.9 KB"},
		{999_999, "1 MB"},
		{10_000_000, "10 MB"},
		{10_000_001, "10 MB"},
		{11_200_000, "11.2 MB"},
		{59_040_000, "59 MB"},
		{100_000_000, "100 MB"},
		{1_500_000_000, "1.5 GB"},
	}
	for _, c := range cases {
		if got := FormatSize(c.n); got != c.want {
			t.Errorf("FormatSize(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := FormatBytes(10_000_001); got != "10,000,001 bytes" {
		t.Errorf("FormatBytes = %q", got)
	}
	if got := FormatBytes(1); got != "1 byte" {
		t.Errorf("FormatBytes(1) = %q", got)
	}
}

// TestPlural checks the one plural helper.
func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "annotations", 1: "annotation", 2: "annotations", -1: "annotations"} {
		if got := Plural(n, "annotation", "annotations"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestLimitCheck checks the refusal of an over-limit input: its real size
// and the limit in words, and a size that is visibly over even when it
// rounds to the limit.
func TestLimitCheck(t *testing.T) {
	if err := ArticleLimit.Check("a.html", MaxArticleBytes); err != nil {
		t.Errorf("an article at the limit is refused: %v", err)
	}
	cases := []struct {
		limit Limit
		name  string
		size  int64
		want  string
	}{
		{ArticleLimit, "yahoo.html", 11_200_000, "yahoo.html is 11.2 MB; the annotator opens articles of up to 10 MB: save only the article"},
		{ArticleLimit, "edge.html", MaxArticleBytes + 1, "edge.html is 10,000,001 bytes; the annotator opens articles of up to 10 MB (10,000,000 bytes)"},
		{ArticleLimit, "near.html", 10_040_000, "near.html is 10,040,000 bytes; the annotator opens articles of up to 10 MB (10,000,000 bytes)"},
		{ArticleLimit, "", 10_060_000, "the input is 10.1 MB; the annotator opens articles of up to 10 MB:"},
		{JSONLimit, "big.json", 123_456_789, "big.json is 123.5 MB; the annotator opens JSON files of up to 100 MB: split its annotations"},
	}
	for _, c := range cases {
		err := c.limit.Check(c.name, c.size)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("Check(%d) = %v, want ErrTooLarge", c.size, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Check(%d) says\n %q\nwant it to start\n %q", c.size, err, c.want)
		}
	}
}

// TestLimitFor checks that JSON files, and only they, get the JSON limit.
func TestLimitFor(t *testing.T) {
	for _, c := range []struct {
		name, mediaType string
		want            int64
	}{
		{"export.json", "", MaxJSONBytes},
		{"EXPORT.JSON", "", MaxJSONBytes},
		{"download", "application/json", MaxJSONBytes},
		{"page.html", "text/html", MaxArticleBytes},
		{"notes.txt", "", MaxArticleBytes},
	} {
		if got := LimitFor(c.name, c.mediaType).Bytes; got != c.want {
			t.Errorf("LimitFor(%q, %q) = %d, want %d", c.name, c.mediaType, got, c.want)
		}
	}
}

// TestLimitReadAll checks the reader helper: what is within the limit is
// read whole; what is over is refused with its real size, counted past
// the limit, or "more than" when it has no end in sight.
func TestLimitReadAll(t *testing.T) {
	small := Limit{Bytes: 1000, Of: "tests", Hint: "make it smaller"}
	data, err := small.ReadAll(bytes.NewReader(make([]byte, 1000)), "standard input")
	if err != nil || len(data) != 1000 {
		t.Fatalf("at the limit: %d bytes, %v", len(data), err)
	}
	_, err = small.ReadAll(bytes.NewReader(make([]byte, 1001)), "standard input")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "standard input is 1,001 bytes; the annotator opens tests of up to 1 KB (1,000 bytes)") {
		t.Errorf("one byte over: %v", err)
	}
	_, err = small.ReadAll(bytes.NewReader(make([]byte, 12_345)), "pipe")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "pipe is 12.3 KB;") {
		t.Errorf("well over: %v", err)
	}
	_, err = small.ReadAll(io.LimitReader(zeros{}, 1<<30), "endless")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "endless is more than 16 KB;") {
		t.Errorf("endless: %v", err)
	}
	// A file's size comes from the file, before anything is read.
	path := filepath.Join(t.TempDir(), "big.html")
	if err := os.WriteFile(path, make([]byte, 50_000), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = small.ReadAll(f, "big.html")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.html is 50 KB;") {
		t.Errorf("file: %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestArticleAtLimitExportsAndImports is the chain a user goes through
// with the largest article the annotator opens: it loads, its export
// validates, and the export imports, although the sanitised HTML (links
// made absolute) is larger than the article was. One byte more is refused
// with a size that shows it is over.
func TestArticleAtLimitExportsAndImports(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a 10 MB article")
	}
	page := testcorpus.ArticleOfSize(MaxArticleBytes)
	if len(page) != MaxArticleBytes {
		t.Fatalf("the article is %d bytes, want %d", len(page), MaxArticleBytes)
	}
	doc, err := Load(page, FileSource("long-report.html", "text/html"))
	if err != nil {
		t.Fatalf("an article at the limit is refused: %v", err)
	}
	if len(doc.HTML) <= MaxArticleBytes {
		t.Errorf("the sanitised HTML is %d bytes; the test needs it larger than the article to show that import allows for that", len(doc.HTML))
	}
	out, err := NewFile(doc, NewSet(doc.Text(), DefaultSchema()), nil, time.Now()).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("article %s, sanitised HTML %s, export %s", FormatSize(MaxArticleBytes), FormatSize(int64(len(doc.HTML))), FormatSize(int64(len(out))))
	if err := JSONLimit.Check("the export", int64(len(out))); err != nil {
		t.Fatal(err)
	}
	for _, p := range Validate(out) {
		if !p.Warning {
			t.Errorf("Validate: %s", p)
		}
	}
	imp, err := Import(out)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if imp.Document.TextSHA256() != doc.TextSHA256() {
		t.Errorf("the imported text differs from the loaded one")
	}

	_, err = Load(testcorpus.ArticleOfSize(MaxArticleBytes+1), FileSource("long-report.html", "text/html"))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "long-report.html is 10,000,001 bytes; the annotator opens articles of up to 10 MB (10,000,000 bytes)") {
		t.Errorf("one byte over the limit: %v", err)
	}
}

// TestLoadRefusesWhatCannotBeExported checks that a page that grows past
// half an export when sanitised is refused at once, in words, rather than
// annotated into a file that cannot be read back; and that the JSON size
// Load counts is what Marshal writes.
func TestLoadRefusesWhatCannotBeExported(t *testing.T) {
	if testing.Short() {
		t.Skip("sanitises 55 MB")
	}
	base := "https://example.com/" + strings.Repeat("a-very-long-section-name/", 320)
	var b strings.Builder
	b.WriteString(`<base href="` + base + `"><p>Links:`)
	for range 6500 {
		b.WriteString(`<a href=x>.</a>`)
	}
	b.WriteString("</p>")
	_, err := Load([]byte(b.String()), Source{Name: "links.html"})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "links.html grows to ") || !strings.Contains(err.Error(), "once sanitised") {
		t.Errorf("Load = %v, want a refusal that says the page grows", err)
	}

	d, err := Load([]byte("<p>\"Quotes\" and \\ backslashes,\ttabs\u2028and a line separator.</p><pre>a\nb</pre>"), Source{Name: "q.html"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := NewFile(d, NewSet(d.Text(), DefaultSchema()), nil, time.Now()).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{d.HTML, d.Text().String()} {
		var quoted bytes.Buffer
		enc := json.NewEncoder(&quoted)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		q := bytes.TrimSuffix(quoted.Bytes(), []byte("\n"))
		if !bytes.Contains(out, q) {
			t.Fatalf("the export does not hold %s as the test writes it", q)
		}
		if want := int64(len(q) - 2); jsonStringBytes(s) != want {
			t.Errorf("jsonStringBytes(%q) = %d, want %d", s, jsonStringBytes(s), want)
		}
	}
}

// TestJSONGrowthBound checks the bound that lets checkExportable skip the
// count: no character grows more than maxJSONGrowth times its bytes in
// JSON, and a control character takes exactly that.
func TestJSONGrowthBound(t *testing.T) {
	worst := 0.0
	for r := rune(0); r < 0x3000; r++ {
		s := string(r)
		if g := float64(jsonStringBytes(s)) / float64(len(s)); g > worst {
			worst = g
		}
	}
	if worst != maxJSONGrowth {
		t.Errorf("the most a character grows in JSON is %v times, but checkExportable counts on %d", worst, maxJSONGrowth)
	}
}
