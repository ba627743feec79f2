package annotate

// This file keeps the one rule for how large an input may be: every kind
// of input has one limit, set here and nowhere else, and every reader (Load,
// Import, the app's file picker, the command line) refuses an input over
// its limit with the same message, which gives the input's real size and
// the limit in words.
//
// The limits come from what a browser tab can hold while the annotator
// works on the input, not from what a server would take:
//
//   - An article is read, decoded, parsed, sanitised and indexed in the
//     tab, each step holding a copy of it, and sanitising runs at about
//     10 MB/s in WebAssembly (DESIGN.md): 10 MB is a second of work and a
//     few copies in memory, and five times the largest real article page
//     we have met.
//   - A JSON file (an export) holds an article's sanitised HTML and its
//     text besides its annotations: 60,000 annotations make an export of
//     about 59 MB. A realistic article at the 10 MB limit exports, with no
//     annotations, to about 23 MB, and a text file at the limit to at most
//     about 70 MB (a file of nothing but '"', which becomes "&#34;" in the
//     HTML and `\"` in the text), so 100 MB holds any article at the limit
//     with room for tens of thousands of annotations. Importing decodes the
//     JSON once, which a tab can do at this size. A page can be made to grow
//     when sanitised (thousands of empty relative links under a long
//     <base> become long absolute ones): Load refuses an article whose
//     document alone would fill more than half an export, rather than let
//     someone annotate it for hours into a file that cannot be read back.
//
// The limits are in decimal megabytes (1 MB = 1,000,000 bytes), the unit
// that macOS, iOS and the GNOME and KDE file managers show, and the SI
// meaning of the word. Windows Explorer and some browsers' download lists
// write "MB" for 1,048,576 bytes; to them a file at the limit shows as
// 9.5 MB. Either choice disagrees with someone; decimal makes the limits
// round numbers of bytes that anyone can check with ls -l or a file's
// properties, and the refusal gives the exact byte count whenever the
// rounded size would not read as over the limit.

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

const (
	// MaxArticleBytes is the largest article (an HTML page or a text
	// file) the annotator opens: 10 MB.
	MaxArticleBytes = 10_000_000
	// MaxJSONBytes is the largest JSON file (an export) the annotator
	// imports or validates: 100 MB.
	MaxJSONBytes = 100_000_000
)

// Limit is the largest size of one kind of input, with the words that
// refuse a larger one.
type Limit struct {
	// Bytes is the largest size accepted, in bytes.
	Bytes int64
	// Of names the kind of input, in the plural: "articles".
	Of string
	// Hint tells someone whose input is too large what to do instead.
	Hint string
}

var (
	// ArticleLimit bounds an article: an HTML page or a text file.
	ArticleLimit = Limit{Bytes: MaxArticleBytes, Of: "articles",
		Hint: "save only the article (the browser's reader view, or copy and paste its text) and open that"}
	// JSONLimit bounds a JSON file: an export to import or validate.
	JSONLimit = Limit{Bytes: MaxJSONBytes, Of: "JSON files",
		Hint: "split its annotations across several exports of the same article"}
	// BatchLimit bounds a JSON Lines batch (or dataset): as large as a
	// JSON file, since it is read as one, but split between its lines, an
	// article a line, not across exports of one article.
	BatchLimit = Limit{Bytes: MaxJSONBytes, Of: "JSON Lines batches",
		Hint: "split it into several files between two lines, and add them one after the other (an article added already is reported, not added twice)"}
	// AnnotationsLimit bounds a file of another tool's format that holds
	// annotations, of one document or of many (W3C Web Annotation, CSV
	// rows, brat's .ann): what the library's Export dataset writes, and
	// what the command line reads, up to a JSON file's limit. Held to an
	// article's, a large library's own export could not be added again,
	// and was refused with an article's advice.
	AnnotationsLimit = Limit{Bytes: MaxJSONBytes, Of: "files of annotations",
		Hint: "export the documents in several files, fewer to each"}
)

// LimitFor returns the limit of a file by its name and media type: a JSON
// file (an export) has JSONLimit, a JSON Lines batch BatchLimit, a file of
// annotations of another tool's format AnnotationsLimit, anything else
// (.txt too: brat's text is an article) is an article.
func LimitFor(name, mediaType string) Limit {
	switch ext, mt := strings.ToLower(path.Ext(name)), strings.ToLower(mediaType); {
	case ext == ".jsonl" || ext == ".ndjson" || strings.HasPrefix(mt, "application/jsonl"), strings.HasPrefix(mt, "application/x-ndjson"):
		return BatchLimit
	case ext == ".json" || strings.HasPrefix(mt, "application/json"):
		return JSONLimit
	case ext == ".jsonld" || ext == ".csv" || ext == ".ann" || strings.HasPrefix(mt, "application/ld+json"), strings.HasPrefix(mt, "text/csv"):
		return AnnotationsLimit
	}
	return ArticleLimit
}

// Check returns nil when an input of size bytes is within the limit, and
// otherwise an error wrapping ErrTooLarge that names the input and gives
// its size and the limit: "yahoo.html is 11.2 MB; the annotator opens
// articles of up to 10 MB: …". When the rounded size would read as the
// limit itself, both are given in bytes, so that the size is visibly over.
func (l Limit) Check(name string, size int64) error {
	if size <= l.Bytes {
		return nil
	}
	return l.refuse(name, sizeOver(size, l.Bytes), l.Bytes)
}

// refuse words the refusal of name, whose size is written as size.
func (l Limit) refuse(name, size string, limit int64) error {
	if name == "" {
		name = "the input"
	}
	lim := FormatSize(limit)
	if strings.HasSuffix(size, " bytes") || strings.HasSuffix(size, " byte") {
		lim += " (" + FormatBytes(limit) + ")"
	}
	return &loadError{kind: ErrTooLarge,
		msg: fmt.Sprintf("%s is %s; the annotator opens %s of up to %s: %s", name, size, l.Of, lim, l.Hint)}
}

// sizeOver writes size, which is over limit, so that it reads as over it:
// rounded when the rounding shows that, exact otherwise.
func sizeOver(size, limit int64) string {
	v, unit := roundSize(size)
	lv, lunit := roundSize(limit)
	if unit != lunit || v > lv {
		return FormatSize(size)
	}
	return FormatBytes(size)
}

// ReadAll reads r, named name, to its end and returns what it holds, or an
// error from Check when it holds more than the limit. It never holds more
// than the limit and one byte in memory: what lies beyond is only counted,
// to say how large the input is (up to 16 times the limit; beyond that
// the message says "more than"). A file's size is taken from its Stat when
// it has one.
func (l Limit) ReadAll(r io.Reader, name string) ([]byte, error) {
	if s, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := s.Stat(); err == nil && fi.Mode().IsRegular() {
			if err := l.Check(name, fi.Size()); err != nil {
				return nil, err
			}
		}
	}
	data, err := io.ReadAll(io.LimitReader(r, l.Bytes+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) <= l.Bytes {
		return data, nil
	}
	counted := 15 * l.Bytes
	rest, err := io.Copy(io.Discard, io.LimitReader(r, counted))
	if err != nil {
		return nil, err
	}
	if rest == counted {
		return nil, l.refuse(name, "more than "+FormatSize(16*l.Bytes), l.Bytes)
	}
	return nil, l.Check(name, int64(len(data))+rest)
}

// exportShare is the part of JSONLimit that an article's document may take
// in an export; the rest is for its annotations.
const exportShare = MaxJSONBytes / 2

// checkExportable refuses a document, loaded from the input called name,
// whose HTML and text alone would take more than exportShare of an export.
func checkExportable(d *Document, name string) error {
	// A byte takes at most 6 in JSON (a control character is written
	// \u00XX), so most articles are within the share without a count.
	if raw := int64(len(d.HTML)) + int64(len(d.Text().String())); raw <= exportShare/maxJSONGrowth {
		return nil
	}
	size := jsonStringBytes(d.HTML) + jsonStringBytes(d.Text().String())
	if size <= exportShare {
		return nil
	}
	return &loadError{kind: ErrTooLarge, msg: fmt.Sprintf("%s grows to %s once sanitised, more than an export of it could hold with its annotations "+
		"(the annotator reads %s of up to %s): %s", name, FormatSize(size), JSONLimit.Of, FormatSize(JSONLimit.Bytes), ArticleLimit.Hint)}
}

// maxJSONGrowth is the most that jsonStringBytes makes of one byte.
const maxJSONGrowth = 6

// jsonStringBytes returns the length of s written as a JSON string the way
// File.Marshal writes it (no HTML escaping), without its quotes: what
// AppendJSONString writes, for valid UTF-8 (TestJSONStringBytesAgrees).
func jsonStringBytes(s string) int64 {
	n := int64(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"', c == '\\', c == '\n', c == '\r', c == '\t', c == '\b', c == '\f':
			n++
		case c < 0x20:
			n += 5
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9):
			n += 3 // U+2028 and U+2029 are written \u2028 and \u2029
		}
	}
	return n
}
