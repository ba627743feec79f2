package annotate

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"os"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// TestLoadRefuses checks every refusal of Load: the kind of error callers
// test, and a message in words that names the input, says what is wrong
// and what to do, and carries no Go-flavoured tail such as ": the input is
// not text".
func TestLoadRefuses(t *testing.T) {
	deepOnlyScript := strings.Repeat("<div>", 2000) + "<script>alert(1)</script>"
	cases := []struct {
		name string
		data []byte
		want error
		says []string
	}{
		{"empty", nil, ErrEmpty, []string{"input.html is empty", "check that it is the file you meant to open"}},
		{"white space", []byte(" \n\t "), ErrEmpty, []string{"input.html is empty", "check that it is the file"}},
		{"only control characters and space", []byte(" \x01 \x02 "), ErrEmpty, []string{"input.html holds only blank space and control characters: no text to annotate", "check that it is the file"}},
		{"only a script", []byte("<script>alert(1)</script>"), ErrEmpty, []string{"input.html has no text to annotate once", "copy its text and paste it"}},
		{"deep, only a script", []byte(deepOnlyScript), ErrEmpty, []string{"input.html has no text to annotate once"}},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ErrBinary, []string{"input.html is a PNG image, not an article", "open the article's web page (.html) or its text (.txt) instead"}},
		{"pdf", []byte("%PDF-1.7\n..."), ErrBinary, []string{"input.html is a PDF document, not an article", "instead"}},
		{"mostly NUL bytes", bytes.Repeat([]byte("ab\x00\x00"), 100), ErrBinary, []string{"input.html is not text: 200 of its first 400 characters are control characters", "instead"}},
		{"control characters", bytes.Repeat([]byte("a\x01\x02\x03"), 100), ErrBinary, []string{"input.html is not text", "control characters"}},
		{"too large", bytes.Repeat([]byte("a"), MaxArticleBytes+1), ErrTooLarge, []string{"input.html is 10,000,001 bytes; the annotator opens articles of up to 10 MB (10,000,000 bytes)", "save only the article"}},
		{"well over", bytes.Repeat([]byte("a"), 11_200_000), ErrTooLarge, []string{"input.html is 11.2 MB; the annotator opens articles of up to 10 MB"}},
		{"utf-16 without a byte-order mark", []byte("<\x00p\x00>\x00c\x00a\x00f\x00\xe9\x00<\x00/\x00p\x00>\x00"), ErrEncoding, []string{"input.html looks like text saved as UTF-16 (little-endian) without the byte-order mark", "save it as UTF-8"}},
		{"utf-16be without a byte-order mark", []byte("\x00T\x00h\x00e\x00 \x00n\x00e\x00w\x00s"), ErrEncoding, []string{"UTF-16 (big-endian)"}},
		{"unknown charset", []byte(`<meta charset="klingon"><p>caf` + "\xe9</p>"), ErrEncoding, []string{`input.html says it is written in the character encoding "klingon"`, "save it as UTF-8"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Load(c.data, Source{Name: "input.html"})
			if !errors.Is(err, c.want) {
				t.Fatalf("Load = %v, %v; want an error wrapping %v", d, err, c.want)
			}
			for _, say := range c.says {
				if !strings.Contains(err.Error(), say) {
					t.Errorf("message %q should say %q", err, say)
				}
			}
			for _, kind := range []error{ErrEmpty, ErrTooLarge, ErrBinary, ErrEncoding, ErrHTML} {
				if strings.HasSuffix(err.Error(), kind.Error()) {
					t.Errorf("message %q ends in the error kind's own words", err)
				}
			}
		})
	}
	if _, err := Load([]byte(""), Source{}); err == nil || !strings.HasPrefix(err.Error(), "the input is empty") {
		t.Errorf("an input with no name: %v", err)
	}
}

// TestLoadDropsStrayNUL checks that a few NUL bytes in an otherwise fine
// article are junk to drop, not a sign of a binary file.
func TestLoadDropsStrayNUL(t *testing.T) {
	d, err := Load([]byte("<p>The council\x00 met on Tuesday.</p>\x00<p>It agreed.</p>"), Source{Name: "page.html"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "The council met on Tuesday.\n\nIt agreed."; d.Text().String() != want {
		t.Errorf("text %q, want %q", d.Text().String(), want)
	}
}

// TestLoadDecoding checks each way the characters of a page can be
// declared, and that valid UTF-8 wins over a wrong declaration.
func TestLoadDecoding(t *testing.T) {
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("<p>café crème</p>")
	win1252, _ := charmap.Windows1252.NewEncoder().String("<p>“smart” café</p>")
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(`<meta charset="shift_jis"><p>日本語のテキスト</p>`)
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String("<p>héllo 😀</p>")
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String("<p>héllo 😀</p>")
	// UTF-16 with no byte-order mark, which the prescan reads when it
	// opens with an XML declaration ("<?x" in UTF-16), as browsers do.
	xmlPage := `<?xml version="1.0" encoding="UTF-16"?><html><body><p>héllo 😀</p></body></html>`
	utf16leXML, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(xmlPage)
	utf16beXML, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(xmlPage)
	cases := []struct {
		name      string
		data      string
		mediaType string
		want      string
		charset   string
	}{
		{"utf-8", "<p>café 😀</p>", "", "café 😀", "utf-8"},
		{"utf-8 bom", "\xef\xbb\xbf<p>café</p>", "", "café", "utf-8"},
		{"utf-16le bom", utf16le, "", "héllo 😀", "utf-16le"},
		{"utf-16be bom", utf16be, "", "héllo 😀", "utf-16be"},
		{"utf-16le xml declaration, no bom", utf16leXML, "", "héllo 😀", "utf-16le"},
		{"utf-16be xml declaration, no bom", utf16beXML, "", "héllo 😀", "utf-16be"},
		{"declared by media type", latin1, "text/html; charset=iso-8859-1", "café crème", "windows-1252"},
		{"declared by meta", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">` + latin1, "", "café crème", "windows-1252"},
		{"undeclared falls back to windows-1252", win1252, "", "“smart” café", "windows-1252"},
		{"shift_jis by meta", sjis, "", "日本語のテキスト", "shift_jis"},
		// The prescan reads declarations as browsers do.
		{"a utf-16 meta means utf-8", `<meta charset="utf-16"><p>caf` + "\xe9 au lait</p>", "", "caf\ufffd au lait", "utf-8"},
		{"a meta in a comment declares nothing", "<!-- <meta charset=koi8-r> --><p>caf\xe9</p>", "", "café", "windows-1252"},
		{"content without http-equiv declares nothing", `<meta name="description" content="charset=koi8-r"><meta charset="iso-8859-1"><p>caf` + "\xe9</p>", "", "café", "windows-1252"},
		{"an x-user-defined meta means windows-1252", `<meta charset="x-user-defined"><p>caf` + "\xe9</p>", "", "café", "windows-1252"},
		{"valid utf-8 beats a wrong declaration", `<meta charset="gb2312"><p>naïve “quotes”</p>`, "", "naïve “quotes”", "utf-8"},
		{"stray control characters dropped", "<p>a\x01b\x7fc</p>", "", "ab\x7fc", "utf-8"},
		// Only the first 65,536 characters are counted to tell binary
		// data, but a stray one further on is dropped all the same.
		{"stray control characters dropped far in", "<p>" + strings.Repeat("word ", 14000) + "a\x01b\x1b[0mc</p>", "", strings.Repeat("word ", 14000) + "ab[0mc", "utf-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Load([]byte(c.data), Source{Name: "page.html", MediaType: c.mediaType})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Text().String(); got != c.want {
				t.Errorf("text = %q, want %q", got, c.want)
			}
			if d.Meta.Charset != c.charset {
				t.Errorf("charset = %q, want %q", d.Meta.Charset, c.charset)
			}
		})
	}
}

// TestLoadQQDeclaresGB2312 loads the corpus page that declares gb2312 but
// is UTF-8, and checks its Chinese text survives.
func TestLoadQQDeclaresGB2312(t *testing.T) {
	src, err := os.ReadFile(testcorpus.PageNamed(t, "qq").Source())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(bytes.ToLower(src), []byte("gb2312")) {
		t.Fatal("the qq page no longer declares gb2312; the test needs a page that does")
	}
	d, err := Load(src, Source{Name: "qq.html"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Charset != "utf-8" || !strings.Contains(d.Text().String(), "中国") {
		t.Errorf("charset %q; text begins %q", d.Meta.Charset, d.Text().Slice(0, 80))
	}
}

// TestLoadKinds checks how HTML is told from text.
func TestLoadKinds(t *testing.T) {
	cases := []struct {
		name, file, mediaType, data, text string
	}{
		{"html by extension", "a.htm", "", "x <b>y</b>", "x y"},
		{"text by extension", "a.txt", "", "x <b>y</b>", "x <b>y</b>"},
		{"text by media type", "a.html", "text/plain", "<p>x</p>", "<p>x</p>"},
		{"html sniffed", "clipboard", "", "  <!DOCTYPE html><p>x</p>", "x"},
		{"text sniffed", "clipboard", "", "1 < 2 and 3 > 2", "1 < 2 and 3 > 2"},
	}
	for _, c := range cases {
		d, err := Load([]byte(c.data), Source{Name: c.file, MediaType: c.mediaType})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := d.Text().String(); got != c.text {
			t.Errorf("%s: text %q, want %q", c.name, got, c.text)
		}
	}
}

// TestLoadPlainText checks paragraphs, line breaks and the title of a text
// file.
func TestLoadPlainText(t *testing.T) {
	d, err := Load([]byte("A Short Title\r\n\r\nFirst   paragraph\r\nsame paragraph.\n\n\n  Second.  \n"), Source{Name: "notes.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "A Short Title\n\nFirst paragraph\nsame paragraph.\n\nSecond."; d.Text().String() != want {
		t.Errorf("text %q, want %q", d.Text().String(), want)
	}
	if d.Title != "A Short Title" || d.Meta.MediaType != "text/plain" {
		t.Errorf("title %q, media type %q", d.Title, d.Meta.MediaType)
	}
	one, err := Load([]byte("Only one paragraph, which is not a title."), Source{Name: "dir/story.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if one.Title != "story" {
		t.Errorf("title %q, want the file name", one.Title)
	}
	markup, _ := Load([]byte("<script>alert(1)</script>"), Source{Name: "x.txt"})
	if markup == nil || !strings.Contains(markup.HTML, "&lt;script&gt;") {
		t.Errorf("markup in a text file must stay text: %+v", markup)
	}
}

// TestLoadSeed loads the reference article: its canonical text is the file
// itself, trimmed.
func TestLoadSeed(t *testing.T) {
	src := testcorpus.File(t, testcorpus.SampleArticle)
	d, err := Load(src, Source{Name: "000_d5daed31138c5547.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSpace(string(src)); d.Text().String() != want {
		t.Errorf("the seed's canonical text differs from the file")
	}
	for _, phrase := range []string{"yes we can", "pretty balanced", "2.5% share of the economy from April 2027"} {
		if !strings.Contains(d.Text().String(), phrase) {
			t.Errorf("the text lacks %q", phrase)
		}
	}
	checkIndex(t, d)
}

// TestLoadMetadata checks that the page's own description of itself is
// read, in order of trust.
func TestLoadMetadata(t *testing.T) {
	page := `<!doctype html><html lang="en-GB"><head>
<title>Fallback title | Site</title>
<meta property="og:title" content="The Real Headline">
<meta property="og:site_name" content="The Daily Example">
<meta name="description" content="What happened.">
<link rel="canonical" href="https://example.com/news/1">
<base href="https://example.com/news/">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
 {"@type":"NewsArticle","headline":"LD headline","datePublished":"2025-02-27T10:00:00Z",
  "author":[{"@type":"Person","name":"Ada Lovelace"},{"@type":"Person","name":"Alan Turing"}]}]}</script>
</head><body><nav><a href="/">Home</a></nav>
<h1>Headline in the page</h1><p>See <a href="other.html">the other story</a> and <a href="#top">top</a>
and <a href="javascript:alert(1)">this</a>.</p><p hidden>secret</p><p style="display:none">gone</p>
<div aria-hidden="true">also gone</div></body></html>`
	d, err := Load([]byte(page), Source{Name: "page.html"})
	if err != nil {
		t.Fatal(err)
	}
	want := Meta{Author: "Ada Lovelace, Alan Turing", Published: "2025-02-27T10:00:00Z", SiteName: "The Daily Example",
		CanonicalURL: "https://example.com/news/1", Description: "What happened.", Language: "en-GB",
		Source: "page.html", MediaType: "text/html", Charset: "utf-8"}
	if d.Meta != want {
		t.Errorf("meta\n got %+v\nwant %+v", d.Meta, want)
	}
	if d.Title != "The Real Headline" || d.URL != "https://example.com/news/1" {
		t.Errorf("title %q url %q", d.Title, d.URL)
	}
	if want := "Headline in the page\n\nSee the other story and top and this."; d.Text().String() != want {
		t.Errorf("text %q, want %q", d.Text().String(), want)
	}
	if !strings.Contains(d.HTML, `href="https://example.com/news/other.html"`) || strings.Contains(d.HTML, "#top") || strings.Contains(d.HTML, "javascript") {
		t.Errorf("links not resolved or not dropped: %s", d.HTML)
	}
	checkPolicy(t, "metadata page", d.HTML)
}

// TestLoadImagesBecomeAltText checks which alt texts are kept.
func TestLoadImagesBecomeAltText(t *testing.T) {
	d, err := Load([]byte(`<p>A<img src="https://x/a.png" alt="Chart of the vote by region">B<img src="x.png" alt="x.png">C<img alt="">D<img alt="update_graphic_red_bar">E</p>`), Source{Name: "i.html"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "A Chart of the vote by region BCDE"; d.Text().String() != want {
		t.Errorf("text %q, want %q", d.Text().String(), want)
	}
	if strings.Contains(d.HTML, "<img") || strings.Contains(d.HTML, "src=") {
		t.Errorf("an image survived: %s", d.HTML)
	}
}

// FuzzLoad loads anything, as HTML and as text, and checks that a loaded
// document is inside the policy and its index agrees with its HTML.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("<p>hello</p>"), "a.html")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00x\x00"), "b.html")
	f.Add([]byte("<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>"), "c.html")
	f.Add([]byte("para one\r\n\r\npara two 😀"), "d.txt")
	f.Add([]byte(`<a href="javascript:alert(1)" onclick="x()">x</a><svg><script>1</script></svg>`), "e.html")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		d, err := Load(data, Source{Name: name})
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrHTML) {
				t.Fatalf("Load failed with an error of no known kind: %v", err)
			}
			return
		}
		checkPolicy(t, "fuzz", d.HTML)
		checkIndex(t, d)
		checkOwnImport(t, "fuzz", d, false)
	})
}

// TestLoadReportsProgress checks that Load tells its steps in order.
func TestLoadReportsProgress(t *testing.T) {
	var steps []int
	progress := func(step, of int, what string) {
		if of != 4 || what == "" {
			t.Errorf("step %d of %d: %q", step, of, what)
		}
		steps = append(steps, step)
	}
	if _, err := Load([]byte("<p>x</p>"), Source{Name: "a.html", Progress: progress}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(steps) != "[1 2 3 4]" {
		t.Errorf("HTML steps %v", steps)
	}
	steps = nil
	if _, err := Load([]byte("x"), Source{Name: "a.txt", Progress: progress}); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(steps) != "[1 4]" {
		t.Errorf("text steps %v", steps)
	}
}

// TestLoadWindows1252File loads a windows-1252 page, with and without its
// own <meta charset>, the ways a file reaches Load: from the command line
// (whose media type Go guesses from the extension as "text/html;
// charset=utf-8"), from the browser's file picker (File.type "text/html"),
// and with no type at all. The guessed charset declares nothing, so the
// text is read the same every way: "café" and curly quotes, no mojibake.
func TestLoadWindows1252File(t *testing.T) {
	body := "<p>Caf\xe9 owners said \x93we are open\x94 on Tuesday.</p>"
	pages := map[string]string{
		"with meta":    `<!doctype html><html><head><meta charset="windows-1252"><title>Caf` + "\xe9</title></head><body>" + body + "</body></html>",
		"without meta": "<!doctype html><html><body>" + body + "</body></html>",
	}
	guesses := map[string]string{
		"command line": mime.TypeByExtension(".html"),
		"browser":      "text/html",
		"no type":      "",
	}
	if !strings.Contains(guesses["command line"], "charset=utf-8") {
		t.Logf("mime.TypeByExtension(.html) = %q: this system does not add the charset the test guards against", guesses["command line"])
	}
	for pname, page := range pages {
		for gname, guess := range guesses {
			d, err := Load([]byte(page), FileSource("cafe.html", guess))
			if err != nil {
				t.Fatalf("%s, %s: %v", pname, gname, err)
			}
			if want := "Café owners said “we are open” on Tuesday."; !strings.Contains(d.Text().String(), want) {
				t.Errorf("%s, %s: text %q, want it to hold %q", pname, gname, d.Text().String(), want)
			}
			if d.Meta.Charset != "windows-1252" {
				t.Errorf("%s, %s: charset %q", pname, gname, d.Meta.Charset)
			}
		}
	}
	// A type someone chose is a declaration, and wins over the page's own:
	// read as ISO-8859-7, é is ι, and the curly quotes (0x93, 0x94), C1
	// controls there, read as U+FFFD.
	d, err := Load([]byte(pages["with meta"]), Source{Name: "cafe.html", MediaType: "text/html; charset=iso-8859-7"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text().String(), "Cafι owners said \ufffdwe are open\ufffd") || d.Meta.Charset != "iso-8859-7" {
		t.Errorf("a declared charset was ignored: %s %q", d.Meta.Charset, d.Text().String())
	}
}

// TestFileSource checks that a guessed media type keeps its type and loses
// its charset.
func TestFileSource(t *testing.T) {
	for guess, want := range map[string]string{
		"text/html; charset=utf-8":  "text/html",
		"text/plain; charset=utf-8": "text/plain",
		"application/json":          "application/json",
		"":                          "",
		"nonsense;;":                "",
	} {
		if src := FileSource("dir/a.html", guess); src.MediaType != want || src.Name != "dir/a.html" {
			t.Errorf("FileSource(%q) = %+v, want media type %q", guess, src, want)
		}
	}
}

// TestLoadDeclaredUTF16 checks that UTF-16 without a byte-order mark is
// read when a media type declares it.
func TestLoadDeclaredUTF16(t *testing.T) {
	d, err := Load([]byte("<\x00p\x00>\x00c\x00a\x00f\x00\xe9\x00<\x00/\x00p\x00>\x00"), Source{Name: "a.html", MediaType: "text/html; charset=utf-16le"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Text().String() != "café" {
		t.Errorf("text %q", d.Text().String())
	}
}
