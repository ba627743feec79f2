package annotate

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// TestLoadDoesNotShowAFileFormatAsItsText: a page saved by Chrome as
// "Webpage, Single File" (.mhtml), a mail saved as .eml, a document saved
// by TextEdit or WordPad (.rtf) and an SVG image, opened or dropped on the
// page, were accepted as plain text: the article the user was to tag was
// their MIME headers and quoted-printable (=3D, =E2=80=9C), or their RTF
// control words, or the SVG's markup. The library's Add files… and the
// command line's convert refuse these files; Open… must either read the
// article in them or refuse them in words, not show their source.
func TestLoadDoesNotShowAFileFormatAsItsText(t *testing.T) {
	mhtml := "From: <Saved by Blink>\r\n" +
		"Snapshot-Content-Location: https://www.example.com/news/budget\r\n" +
		"Subject: Council budget\r\n" +
		"Date: Mon, 7 Dec 2026 10:00:00 -0000\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n" +
		"------MultipartBoundary--abc----\r\n" +
		"Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n" +
		"Content-Location: https://www.example.com/news/budget\r\n\r\n" +
		"<!DOCTYPE html><html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"><title>Council budget</title></head>" +
		"<body><p>The leader said =E2=80=9Cwe will build 300 homes by 2027=E2=80=9D, and the =\r\nopposition disagreed.</p></body></html>\r\n" +
		"------MultipartBoundary--abc------\r\n"
	eml := "From: desk@example.com\r\nTo: me@example.com\r\nSubject: Council budget\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<html><body><p>The leader said =E2=80=9Cwe will build 300 homes=E2=80=9D.</p></body></html>\r\n"
	rtf := "{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761\n\\cocoatextscaling0\\cocoaplatform0{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}\n" +
		"{\\colortbl;\\red255\\green255\\blue255;}\n\\paperw11900\\paperh16840\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0\n" +
		"\\pard\\tx566\\tx1133\\pardirnatural\\partightenfactor0\n\n\\f0\\fs24 \\cf0 The leader said \\'93we will build 300 homes\\'94.}"
	svg := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>Chart</title><text x=\"0\" y=\"5\">Homes built</text></svg>\n"
	for _, c := range []struct {
		name, browserType, data string
		source                  []string // what must not be in the article's text
	}{
		{"Council budget.mhtml", "multipart/related", mhtml, []string{"Content-Type:", "=3D", "=E2=80=9C"}},
		{"Council budget.eml", "message/rfc822", eml, []string{"Content-Type:", "=E2=80=9C"}},
		{"Council budget.rtf", "application/rtf", rtf, []string{`\rtf1`, `\fonttbl`, `\'93`}},
		{"chart.svg", "image/svg+xml", svg, []string{"<svg", "xmlns"}},
	} {
		d, err := Load([]byte(c.data), FileSource(c.name, c.browserType))
		if err != nil {
			continue // refused in words: fine
		}
		text := d.Text().String()
		for _, s := range c.source {
			if strings.Contains(text, s) {
				t.Errorf("%s opens as an article whose text is the file's source (it holds %q): %.120q", c.name, s, text)
				break
			}
		}
	}
}

// TestLoadFindsAMetaCharsetAfterALongStyle: a Shift_JIS page whose <meta
// http-equiv="Content-Type"> comes after 5 KB of inline CSS in its head
// (critical CSS, a JSON-LD block) is shown by browsers in Shift_JIS: the
// parser changes the encoding when it meets the <meta> in the head. The
// README promises the page's own <meta charset>; the annotator read it as
// Windows-1252 and showed mojibake without a word.
func TestLoadFindsAMetaCharsetAfterALongStyle(t *testing.T) {
	page := `<!DOCTYPE html><html lang="ja"><head><title>記事</title><style>` + strings.Repeat(".c{color:red}\n", 400) +
		`</style><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>` +
		`<body><p>首相は「来年までに住宅を建てる」と述べた。</p></body></html>`
	enc, err := japanese.ShiftJIS.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	data := []byte(enc)
	d, err := Load(data, FileSource("kiji.html", "text/html"))
	if err != nil {
		t.Fatal(err)
	}
	if text := d.Text().String(); !strings.Contains(text, "首相は") || d.Meta.Charset != "shift_jis" {
		t.Errorf("read as %s: %.60q; want the Shift_JIS the page declares in its head", d.Meta.Charset, text)
	}
}

// TestLoadReadsXHTMLSelfClosingTags: in an .xhtml file (XML, as browsers
// read a file of that name or of type application/xhtml+xml) <title/> and
// <script src="…"/> are empty elements. Read with the HTML parser, each
// opened a title or a script that took the rest of the file as its text,
// and the chapter was refused as having no text, the message blaming a
// script that fills the page in.
func TestLoadReadsXHTMLSelfClosingTags(t *testing.T) {
	for name, head := range map[string]string{
		"script.xhtml": `<title>Chapter 3</title><script type="text/javascript" src="../js/reader.js"/>`,
		"title.xhtml":  `<title/><link href="stylesheet.css" rel="stylesheet" type="text/css"/>`,
	} {
		page := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en"><head>` + head + `</head>` +
			`<body><h1>Chapter 3</h1><p>The council said it would build 300 homes by 2027.</p></body></html>`
		d, err := Load([]byte(page), FileSource(name, "application/xhtml+xml"))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if text := d.Text().String(); !strings.Contains(text, "The council said it would build 300 homes") {
			t.Errorf("%s: text %q", name, text)
		}
	}
}
