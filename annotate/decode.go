package annotate

// This file keeps the rule for reading an input's characters, the same in
// the app and on the command line: a byte-order mark (or, in a page that
// declares nothing else, an XML declaration in UTF-16); then valid UTF-8;
// then a charset that was declared (by an HTTP Content-Type, a type the
// user chose, or the page's own <meta charset>, found as a browser finds
// it: prescan.go); then Windows-1252, as browsers do. A media type
// guessed from a file's name declares nothing. Binary input is refused; a
// few stray control characters are dropped. UTF-8 and UTF-16 are read
// here (unicodetext.go); the tables of the other encodings come from the
// Charsets in use (charsets.go).

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"math/bits"
	"mime"
	"strings"
	"unicode/utf8"
)

// binarySignatures names the file types people most often open by mistake,
// by the bytes they start with.
var binarySignatures = []struct {
	magic, kind string
}{
	{"%PDF-", "a PDF document"},
	{"\x89PNG", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"PK\x03\x04", "a ZIP archive (perhaps a Word or EPUB file)"},
	{"\x1f\x8b", "a gzip archive"},
	{"\xd0\xcf\x11\xe0", "an old Microsoft Office document"},
	{"RIFF", "a RIFF media file"},
	{"\x00asm", "a WebAssembly module"},
	{"\x7fELF", "a program"},
	{"{\\rtf", "a Rich Text (RTF) document"},
}

// isSVG reports whether data, past an XML declaration, comments and a
// document type, opens with an <svg> element: an image, whose markup would
// otherwise be shown as the text of an article.
func isSVG(data []byte) bool {
	head := data[:min(len(data), 4096)]
	for {
		head = bytes.TrimLeft(head, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(head, []byte("<!--")):
			end = []byte("-->")
		case len(head) >= 9 && strings.EqualFold(string(head[:9]), "<!doctype"):
			end = []byte(">")
		default:
			return len(head) > 4 && strings.EqualFold(string(head[:4]), "<svg") && (isSpaceByte(head[4]) || head[4] == '>' || head[4] == '/')
		}
		i := bytes.Index(head, end)
		if i < 0 {
			return false
		}
		head = head[i+len(end):]
	}
}

// isMIMEMessage reports whether data opens with the headers of a MIME
// message, a MIME-Version among them: a page saved as "Webpage, Single
// File" (.mhtml, .mht) or a saved e-mail (.eml), whose article is
// encoded (quoted-printable, base64) among its other parts.
func isMIMEMessage(data []byte) bool {
	head := data[:min(len(data), 8192)]
	for len(head) > 0 {
		line, rest, _ := bytes.Cut(head, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		switch {
		case len(line) == 0:
			return false // the end of the headers
		case line[0] == ' ' || line[0] == '\t':
			// a header folded onto this line
		default:
			name, _, ok := bytes.Cut(line, []byte(":"))
			if !ok || len(name) == 0 || bytes.ContainsAny(name, " \t") {
				return false // not a header
			}
			if strings.EqualFold(string(name), "MIME-Version") {
				return true
			}
		}
		head = rest
	}
	return false
}

// FileSource returns the Source of a file opened by its name, with the
// media type the system guessed for it: a browser's File.type, or Go's
// mime.TypeByExtension, which says "text/html; charset=utf-8" for any
// .html file. The guess tells HTML from text; its charset declares
// nothing, since no one who knew the file said it, so FileSource drops it
// and the file's characters are read from the file itself (its byte-order
// mark, valid UTF-8, its <meta charset>, or Windows-1252) exactly as the
// app reads them. A media type that the user chose or a server sent is a
// declaration: put it in Source.MediaType as it is.
func FileSource(name, guessedType string) Source {
	src := Source{Name: name}
	if mt, _, err := mime.ParseMediaType(guessedType); err == nil {
		src.MediaType = mt
	}
	return src
}

// DecodeText reads the characters of data, from src, as Load reads them
// (see Load for the rules), without reading it as an article: it returns
// the text and the name of the encoding it was written in (what Load puts
// in Meta.Charset), or Load's refusal. Input in the "replacement"
// encoding reads as the standard reads it, one U+FFFD, which Load
// refuses.
func DecodeText(data []byte, src Source) (text, charset string, err error) {
	mediaType, params, _ := mime.ParseMediaType(src.MediaType)
	return decode(data, params["charset"], looksLikeHTML(data, mediaType, src.Name), src.name())
}

// decode turns data, the input called name, into a string. It returns the
// name of the encoding it used. declared is the charset of the media
// type, if any.
func decode(data []byte, declared string, isHTML bool, name string) (string, string, error) {
	// A byte-order mark is the strongest signal there is.
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return checkText(string(data[3:]), "utf-8", name)
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return decoded(utf16Text(data[2:], binary.LittleEndian), "utf-16le", name)
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return decoded(utf16Text(data[2:], binary.BigEndian), "utf-16be", name)
	}
	for _, sig := range binarySignatures {
		if bytes.HasPrefix(data, []byte(sig.magic)) {
			return "", "", refusal(ErrBinary, "%s is %s, not an article: open the article's web page (.html) or its text (.txt) instead", name, sig.kind)
		}
	}
	if !isHTML && isSVG(data) {
		return "", "", refusal(ErrBinary, "%s is an SVG image, not an article: open the article's web page (.html) or its text (.txt) instead", name)
	}
	if isMIMEMessage(data) {
		return "", "", refusal(ErrBinary, "%s is a web archive or an e-mail (MIME), not an article: its page is encoded among its other parts. "+
			"Open the page in the browser and save it as a web page (.html), or select the article's text there and paste it", name)
	}
	if declared == "" && isHTML {
		// The prescan's first step reads UTF-16 with no byte-order mark
		// when the page opens with an XML declaration; it comes before
		// the refusal below, and before valid UTF-8, which such a page
		// of ASCII characters is (its NULs are UTF-8 too).
		switch utf16XMLDeclared(data) {
		case "utf-16le":
			return decoded(utf16Text(data, binary.LittleEndian), "utf-16le", name)
		case "utf-16be":
			return decoded(utf16Text(data, binary.BigEndian), "utf-16be", name)
		}
	}
	if order := utf16WithoutBOM(data); order != "" && declared == "" {
		return "", "", refusal(ErrEncoding, "%s looks like text saved as UTF-16 (%s) without the byte-order mark that says so, "+
			"which browsers do not read either: save it as UTF-8, or as UTF-16 with a byte-order mark, and open it again", name, order)
	}
	// Valid UTF-8 is trusted over a declaration, which is often wrong.
	// NUL bytes are valid UTF-8: checkText drops a few, and refuses input
	// that is mostly control characters, as binary files are.
	if utf8.Valid(data) {
		return checkText(string(data), "utf-8", name)
	}
	if declared == "" && isHTML {
		// The standard's prescan reads 1,024 bytes, but a <meta> that the
		// parser meets later in the head changes the encoding all the
		// same (its "change the encoding"): 4,096 bytes hold most heads.
		// A <meta> further on in the head, after a long inline style or
		// JSON-LD block, counts as well (browsers read it as the parser
		// meets it): the head is read to the <body>, or its first megabyte.
		head := data[:min(len(data), 1<<20)]
		if i := bytes.Index(bytes.ToLower(head), []byte("<body")); i >= 0 {
			head = head[:max(i, min(len(head), 4096))]
		}
		lookup := charsetName
		if charsets == nil {
			lookup = func(label string) string { return label } // to name it in the refusal below
		}
		// The encoding's name is a label of it, or the label that names
		// none, to be refused below.
		encName, unknown := declaredCharset(head, lookup)
		declared = cmp.Or(encName, unknown)
	}
	if declared == "" {
		// Browsers read undeclared, non-UTF-8 pages as Windows-1252.
		declared = "windows-1252"
	}
	if charsets == nil {
		return "", "", refusal(ErrEncoding, "%s is not written in UTF-8 (it would be read as %q), "+
			"and this build of the annotator reads only UTF-8 and UTF-16: save it as UTF-8 and open it again", name, declared)
	}
	encName := charsetName(declared)
	switch encName {
	case "":
		return "", "", refusal(ErrEncoding, "%s says it is written in the character encoding %q, which the annotator does not know: "+
			"save it as UTF-8 (most editors offer it when saving) and open it again", name, declared)
	case replacement:
		// The standard's decoder: one U+FFFD for any input (data, not
		// valid UTF-8, is not empty). Load refuses it in words.
		return "\ufffd", encName, nil
	case "utf-8":
		return decoded(utf8Text(data), encName, name)
	case "utf-16le":
		return decoded(utf16Text(data, binary.LittleEndian), encName, name)
	case "utf-16be":
		return decoded(utf16Text(data, binary.BigEndian), encName, name)
	}
	text, err := decodeLegacy(data, encName)
	if err != nil {
		return "", "", refusal(ErrEncoding, "%s could not be read as %s text (%v): save it as UTF-8 and open it again", name, encName, err)
	}
	return decoded(text, encName, name)
}

// decoded checks text, decoded from the encoding encName, as checkText
// does, less a byte-order mark at its start.
func decoded(text, encName, name string) (string, string, error) {
	return checkText(strings.TrimPrefix(text, "\ufeff"), encName, name)
}

// checkText refuses decoded text that is mostly control characters: binary
// data that happened to decode. A few control characters (a stray NUL, a
// form feed pasted from a terminal) are junk in an otherwise fine article:
// they are dropped.
func checkText(s, encName, name string) (string, string, error) {
	const most = 65536 // characters counted
	control, total, i := 0, 0, 0
	for i < len(s) && total < most {
		if i+8 <= len(s) && total+8 <= most {
			if x := stringWord(s, i); x&highBits == 0 { // eight ASCII characters
				control += bits.OnesCount64(strayBytes(x))
				total += 8
				i += 8
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsStrayControl(r) || r == utf8.RuneError {
			control++
		}
		total++
		i += size
	}
	if control >= 16 && control*10 > total {
		return "", "", refusal(ErrBinary, "%s is not text: %d of its first %d characters are control characters, as in an image, an archive or a program; "+
			"open the article's web page (.html) or its text (.txt) instead", name, control, total)
	}
	// The first characters tell binary data; a stray one further on is
	// dropped all the same.
	if control > 0 || hasStrayControl(s[i:]) {
		s = strings.Map(func(r rune) rune {
			if IsStrayControl(r) {
				return -1
			}
			return r
		}, s)
	}
	return s, encName, nil
}

// utf16WithoutBOM returns "little-endian" or "big-endian" when data looks
// like UTF-16 text with no byte-order mark: most of its first bytes come
// in pairs of which one, always on the same side, is NUL, as the Latin
// letters, digits and punctuation of UTF-16 text do. Otherwise it returns
// "". Binary files have NULs too, but not so regularly.
func utf16WithoutBOM(data []byte) string {
	data = data[:min(len(data), 4096)&^1]
	if len(data) < 8 {
		return ""
	}
	var odd, even int
	for i := 0; i < len(data); i += 2 {
		if data[i] == 0 && data[i+1] != 0 {
			even++
		}
		if data[i+1] == 0 && data[i] != 0 {
			odd++
		}
	}
	pairs := len(data) / 2
	switch {
	case odd*10 >= pairs*9 && even == 0:
		return "little-endian"
	case even*10 >= pairs*9 && odd == 0:
		return "big-endian"
	}
	return ""
}

// hasStrayControl reports whether s holds a stray control character. Each
// is a byte of its own in UTF-8, so s is read eight bytes at a time.
func hasStrayControl(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if strayBytes(stringWord(s, i)) != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if IsStrayControl(rune(s[i])) {
			return true
		}
	}
	return false
}

// strayBytes returns the high bit of each byte of x that is a stray
// control character: below 0x20 (its top three bits 0), and not a tab, a
// line feed, a carriage return or a form feed.
func strayBytes(x uint64) uint64 {
	below := zeroBytes(x & (0xe0 * eachByte))
	return below &^ (bytesOf(x, '\t') | bytesOf(x, '\n') | bytesOf(x, '\r') | bytesOf(x, '\f'))
}

// IsStrayControl reports whether r is a C0 control character other than
// the white space of text: one that every text read leaves out.
func IsStrayControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f'
}
