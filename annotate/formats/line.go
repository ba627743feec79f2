package formats

// This file reads one line of JSON Lines, the one parser of the workspace's
// batch import and of the "jsonl" format: a line is refused in words that
// say what is wrong with it, and a line that carries spans is a dataset
// line, so that an export is a batch that imports again.
//
//	{"id": "a7", "title": "…", "url": "https://…", "html": "<p>…</p>", "meta": {"author": "…"}}
//	{"id": "a8", "text": "…", "spans": [{"start": 0, "end": 5, "label": "claim"}]}
//
// A line has either "html" or "text", never both. Every field but the
// article is optional; "meta" takes the fields of annotate.Meta. Spans
// count code points of "text" and need it; "label" (doccano's
// [start, end, "LABEL"] triples) is read when there are no "spans".

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/newsannotator/annotator/annotate"
)

// The reasons a line is refused. Test for them with errors.Is.
var (
	ErrBadJSON      = errors.New("the line cannot be read as an article")
	ErrNoArticle    = errors.New(`the line has neither "html" nor "text": give one of them, holding the article`)
	ErrBothArticles = errors.New(`the line has both "html" and "text": give only one of them`)
	ErrBadSpan      = errors.New("a span of the line cannot be read")
	ErrNotUTF8      = errors.New("the line is not UTF-8 text")
	ErrBlank        = errors.New("the article is empty: there is no text to annotate")
	ErrNoLines      = errors.New("the file holds no line: a JSON Lines file has an article, a JSON object, on each line")
	// ErrHTMLPage is a whole file that is a page, not lines (see
	// annotate.HTMLPageInstead): said once, not once a line.
	ErrHTMLPage = errors.New("the file is " + annotate.HTMLPageInstead)
)

// lineFields lists, in words, the fields a line takes.
const lineFields = `"id", "sourceId", "title", "url", "html" or "text", "spans", "label" and "meta"`

// Line is one line of JSON Lines: an article to import (a batch line) or,
// with spans, a document of a dataset.
type Line struct {
	ID       string         `json:"id"`
	SourceID string         `json:"sourceId"`
	Title    string         `json:"title"`
	URL      string         `json:"url"`
	HTML     *string        `json:"html"`
	Text     *string        `json:"text"`
	Spans    []DatasetSpan  `json:"spans"`
	Label    []LabelTriple  `json:"label"`
	Meta     *annotate.Meta `json:"meta"`

	// Ignored names the fields of another tool's dataset line that are
	// not read (doccano's "Comments", Prodigy's "_task_hash"), sorted:
	// such a line is read, and they are said (LineDoc's notes).
	Ignored []string `json:"-"`
	// MetaIgnored names the keys of its "meta" that a document does not
	// keep ("category"), sorted: the line is read without them, and they
	// are said (LineNotes).
	MetaIgnored []string `json:"-"`
	// LoneSurrogates counts the line's escapes of half a character
	// ("\ud800" alone), each read as U+FFFD: the line is read, and they
	// are said (LineNotes).
	LoneSurrogates int `json:"-"`
}

// HasSpans reports whether the line carries spans, in "spans" or "label".
func (l Line) HasSpans() bool { return len(l.Spans) > 0 || len(l.Label) > 0 }

// Verbatim reports whether the line's "text" is kept character for
// character: a canonical text (HoldsCanonicalText), or the text of a line
// with "spans" or "label", even empty ones (doccano's export of an example
// nobody tagged, "label": []), whose offsets count that very text. Read as
// a .txt, such a text lost its CRLFs and runs of spaces, and two
// annotators' files of one example, one with no spans, were refused as of
// different texts.
func (l Line) Verbatim() bool {
	return l.HoldsCanonicalText() || l.HTML == nil && l.Text != nil && (l.Spans != nil || l.Label != nil)
}

// LabelTriple is one [start, end, "LABEL"] of doccano's "label".
type LabelTriple struct {
	Start, End int
	Label      string
}

// UnmarshalJSON reads [start, end, "LABEL"].
func (t *LabelTriple) UnmarshalJSON(data []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil || len(raw) != 3 || isNull(raw[0]) || isNull(raw[1]) ||
		json.Unmarshal(raw[0], &t.Start) != nil || json.Unmarshal(raw[1], &t.End) != nil || json.Unmarshal(raw[2], &t.Label) != nil {
		return fmt.Errorf(`%w: each item of "label" must be [start, end, "LABEL"], two whole numbers and a string, not %s`, ErrBadSpan, abbreviate(string(data)))
	}
	return nil
}

// UnmarshalJSON reads a span as MarshalJSON writes it: "start", "end" and
// "label", optionally "id" and "text", and attributes as further string
// members (one "attr_" taken away from a member's name: attrName).
func (s *DatasetSpan) UnmarshalJSON(data []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("%w: each span must be a JSON object, not %s", ErrBadSpan, abbreviate(string(data)))
	}
	*s = DatasetSpan{}
	for _, k := range []string{"start", "end", "label"} {
		if _, ok := m[k]; !ok {
			return fmt.Errorf("%w: a span has no %q; each span needs \"start\", \"end\" and \"label\"", ErrBadSpan, k)
		}
	}
	for k, v := range m {
		var err error
		switch k {
		case "start", "end":
			// A null would decode as 0, a span from the text's start.
			if isNull(v) {
				err = errors.New("null")
			} else if k == "start" {
				err = json.Unmarshal(v, &s.Start)
			} else {
				err = json.Unmarshal(v, &s.End)
			}
		case "id":
			err = json.Unmarshal(v, &s.ID)
		case "label":
			err = json.Unmarshal(v, &s.Label)
		case "text":
			err = json.Unmarshal(v, &s.Text)
		default:
			var val string
			if json.Unmarshal(v, &val) != nil {
				s.Ignored = append(s.Ignored, k)
				continue
			}
			if s.Attributes == nil {
				s.Attributes = map[string]string{}
			}
			s.Attributes[attrName(k)] = val
		}
		if err != nil {
			want := "a string"
			if k == "start" || k == "end" {
				want = "a whole number"
			}
			return fmt.Errorf("%w: a span's %q must be %s, not %s", ErrBadSpan, k, want, abbreviate(string(v)))
		}
	}
	slices.Sort(s.Ignored)
	return nil
}

// isNull reports whether v is JSON's null.
func isNull(v json.RawMessage) bool { return string(bytes.TrimSpace(v)) == "null" }

// NumberedLine is one line of JSON Lines that is not blank, trimmed, with
// its number from 1.
type NumberedLine struct {
	N    int
	Data []byte
}

// SplitLines returns the lines of data that are not blank, a byte-order
// mark at its start left out, numbered from 1. A mark at the start of a
// later line is left out too: two files joined (cat a.jsonl b.jsonl), each
// saved with a mark, hold one there, which no editor shows, and the line
// was refused as broken JSON at its first column.
func SplitLines(data []byte) []NumberedLine {
	data = bytes.TrimPrefix(annotate.FromUTF16BOM(data), []byte("\xef\xbb\xbf"))
	var lines []NumberedLine
	for n := 1; len(data) > 0; n++ {
		// A line ends with a line feed, a CRLF or a carriage return
		// alone (classic Mac OS): JSON has none of them raw within a
		// string, so each ends a line, never splits an article.
		// (Two IndexByte, the second within the first's line, are ten
		// times as fast as IndexAny on a long line.)
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			i = len(data)
		}
		l, end := data[:i], i+1
		if j := bytes.IndexByte(l, '\r'); j >= 0 {
			l, end = data[:j], j+1
			if end == i {
				end++ // CRLF
			}
		}
		data = data[min(end, len(data)):]
		if l = bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(l), []byte("\xef\xbb\xbf"))); len(l) > 0 {
			lines = append(lines, NumberedLine{n, l})
		}
	}
	return lines
}

// ParseLine reads one line and says in words what is wrong with it.
func ParseLine(data []byte) (Line, error) {
	// JSON is UTF-8: a line in another encoding (Latin-1's "Caf\xe9")
	// would be read with each such byte made U+FFFD, the article's letters
	// lost in silence.
	if !utf8.Valid(data) {
		return Line{}, notUTF8(data)
	}
	l, ok := quickLine(data)
	if !ok {
		var err error
		if l, err = decodeLine(data); err != nil {
			// Another tool's dataset line is read without the fields it
			// has and a line does not take, a "meta" without the keys a
			// document does not keep; they are said.
			other, ignored, metaIgnored, ok := readableLine(data)
			if !ok {
				return l, err
			}
			if l, err = decodeLine(other); err != nil {
				return l, err
			}
			l.Ignored, l.MetaIgnored = ignored, metaIgnored
		}
	}
	l.LoneSurrogates = annotate.LoneSurrogates(data)
	switch {
	case l.HTML == nil && l.Text == nil:
		return l, ErrNoArticle
	case l.HTML != nil && l.Text != nil:
		return l, ErrBothArticles
	case l.HTML != nil && l.HasSpans():
		return l, fmt.Errorf(`%w: spans count code points of "text", and the line has "html": give the text the spans count`, ErrBadSpan)
	}
	return l, nil
}

// decodeLine decodes data as a line, refusing any field a line does not
// take, with what is wrong said in words.
func decodeLine(data []byte) (Line, error) {
	var l Line
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return l, lineJSONError(data, err)
	}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		// Decoded into a Line, null is one with no field.
		return l, fmt.Errorf("%w: it holds a JSON null", ErrBadJSON)
	}
	// Anything after the object but white space, a stray ] or } too
	// (which dec.More does not see).
	if len(bytes.TrimSpace(data[dec.InputOffset():])) > 0 {
		return l, fmt.Errorf("%w: there is more after the object; put each article on a line of its own", ErrBadJSON)
	}
	return l, nil
}

// readableLine returns data made a line that the strict decode reads,
// where it is one that a user would expect read, with what it leaves out;
// ok is false for any other line, whose fields are held to the batch's own
// (a field "txt" is a slip to say, not to pass over). Such a line is:
//   - another tool's dataset line (an object with "spans" or "label":
//     doccano's export, Prodigy's output), read without the fields a line
//     does not take (ignored);
//   - a line whose "meta" has keys that a document's metadata does not
//     keep (a team's "category"), read without them (metaIgnored): the
//     whole article was refused for it, its message naming the key as
//     the line's own;
//   - a line whose "id" is a number (doccano numbers its examples, and
//     pandas' to_json writes an integer column so), read as its digits.
func readableLine(data []byte) (line []byte, ignored, metaIgnored []string, ok bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(data, &m) != nil || m == nil {
		return nil, nil, nil, false
	}
	changed := false
	_, spans := m["spans"]
	_, label := m["label"]
	if spans || label {
		for k := range m {
			if !lineKeys[k] {
				ignored = append(ignored, k)
				delete(m, k)
				changed = true
			}
		}
		slices.Sort(ignored)
	}
	if raw, has := m["meta"]; has {
		var meta map[string]json.RawMessage
		if json.Unmarshal(raw, &meta) == nil && meta != nil {
			for k := range meta {
				if !isMetaKey(k) {
					metaIgnored = append(metaIgnored, k)
					delete(meta, k)
				}
			}
			if len(metaIgnored) > 0 {
				slices.Sort(metaIgnored)
				m["meta"], _ = json.Marshal(meta)
				changed = true
			}
		}
	}
	if id, has := m["id"]; has {
		var n json.Number
		if json.Unmarshal(id, &n) == nil {
			m["id"], _ = json.Marshal(n.String())
			changed = true
		}
	}
	if !changed {
		return nil, nil, nil, false
	}
	line, err := json.Marshal(m)
	return line, ignored, metaIgnored, err == nil
}

// metaKeys are the keys of a line's "meta" that a document keeps: the
// JSON names of annotate.Meta's fields (TestMetaKeysAreMetas).
var metaKeys = map[string]bool{"author": true, "published": true, "siteName": true, "canonicalUrl": true,
	"description": true, "lang": true, "source": true, "mediaType": true, "charset": true}

// isMetaKey reports whether k is one of metaKeys, in any case, as
// encoding/json matches a key to a field ("Author" is "author").
func isMetaKey(k string) bool {
	for m := range metaKeys {
		if strings.EqualFold(k, m) {
			return true
		}
	}
	return false
}

// metaFields lists, in words, the keys of "meta" that a document keeps.
const metaFields = `"author", "published", "siteName", "canonicalUrl", "description", "lang", "source", "mediaType" and "charset"`

// lineKeys are the fields a line takes.
var lineKeys = map[string]bool{"id": true, "sourceId": true, "title": true, "url": true, "html": true, "text": true,
	"spans": true, "label": true, "meta": true}

// quickLine reads the common line, whose fields are strings only (an
// article to import, without spans or metadata), without reflection: it
// gives what the strict decode above gives, or says no (a field of another
// kind, a null, a key in other case, anything annotate.DecodeStringObject
// is not sure of), and the decode reads the line. In the browser,
// encoding/json took about 8 % of a batch import of 300 corpus articles.
func quickLine(data []byte) (l Line, ok bool) {
	ok = annotate.DecodeStringObject(data, func(key, value string) bool {
		switch key {
		case "id":
			l.ID = value
		case "sourceId":
			l.SourceID = value
		case "title":
			l.Title = value
		case "url":
			l.URL = value
		case "html":
			l.HTML = &value
		case "text":
			l.Text = &value
		default:
			return false
		}
		return true
	})
	return l, ok
}

// notUTF8 says where data, which is not valid UTF-8, stops being so.
func notUTF8(data []byte) error {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return fmt.Errorf("%w: the byte 0x%02X at column %d is not a character of UTF-8, as in a file saved in Latin-1 or Windows-1252; save the file as UTF-8",
		ErrNotUTF8, data[min(i, len(data)-1)], annotate.RuneCount(string(data[:i]))+1)
}

// lineJSONError turns a decoding error into words.
func lineJSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, ErrBadSpan):
		return err
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: the line ends before its JSON does (a quote or a brace is not closed)", ErrBadJSON)
	case errors.As(err, &syn):
		col := annotate.RuneCount(string(data[:min(int(syn.Offset), len(data))]))
		return fmt.Errorf("%w: broken JSON at column %d (%v)", ErrBadJSON, max(col, 1), syn)
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Errorf("%w: it holds a JSON %s", ErrBadJSON, typ.Value)
	case errors.As(err, &typ):
		return fmt.Errorf("%w: %q must be %s, not a JSON %s", ErrBadJSON, typ.Field, wantType(typ.Field), typ.Value)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return fmt.Errorf("%w: it has a field %s, which a line does not take (it takes %s)", ErrBadJSON, field, lineFields)
	}
	return fmt.Errorf("%w: %v", ErrBadJSON, err)
}

func wantType(field string) string {
	switch field {
	case "meta":
		return "an object"
	case "spans", "label":
		return "an array"
	}
	return "a string"
}

// CheckArticle refuses, in words, a line whose article is larger than
// the annotator opens, or blank, before it is loaded: "the article is
// 10.5 MB", the line's place said by the caller once.
func (l Line) CheckArticle() error {
	content := l.Text
	if l.HTML != nil {
		content = l.HTML
	}
	if content == nil {
		return nil
	}
	if err := annotate.ArticleLimit.Check("the article", int64(len(*content))); err != nil {
		return err
	}
	if strings.TrimSpace(*content) == "" {
		return ErrBlank
	}
	return nil
}

// LineArticle loads the article of a line, named name: "html" as a page,
// "text" as a .txt (its spans are not placed: see LineDoc), with the
// line's title, URL and metadata over what the page says of itself.
func LineArticle(l Line, name string) (*annotate.Document, error) {
	content, mediaType := l.Text, "text/plain"
	if l.HTML != nil {
		content, mediaType = l.HTML, "text/html"
	}
	if content == nil {
		return nil, ErrNoArticle
	}
	doc, err := annotate.Load([]byte(*content), annotate.Source{Name: name, MediaType: mediaType, URL: l.URL})
	if err != nil {
		return nil, err
	}
	cp := *doc
	// The line's title, else the page's own, else name whole: an id such
	// as "reuters/2024/001" is not a file's path to cut to its last part.
	if t := annotate.CleanTitle(l.Title); t != "" {
		cp.Title = t
	} else if cp.Title == annotate.TitleFromName(name) {
		cp.Title = name
	}
	if l.URL != "" {
		cp.URL = l.URL
	}
	if l.Meta != nil {
		cp.Meta = MergeMeta(cp.Meta, *l.Meta)
	}
	return &cp, nil
}

// LineNotes says what of a line was read as U+FFFD (its lone surrogates),
// and what of its title, and of its "text" that the
// document's text (text) does not hold, was left out: control
// characters, which a title and a document's text leave out, and which
// a demanding user would otherwise find missing with no word said. (A
// verbatim text's are said by Build, which moves its spans' offsets.)
func LineNotes(l Line, text string) []string {
	var notes []string
	if n := l.LoneSurrogates; n > 0 {
		notes = append(notes, annotate.Plural(n, "its JSON held an escape of half a character (a lone surrogate, such as \\ud800), read as U+FFFD (�)",
			fmt.Sprintf("its JSON held %d escapes of half a character (lone surrogates, such as \\ud800), each read as U+FFFD (�)", n)))
	}
	if len(l.MetaIgnored) > 0 {
		notes = append(notes, fmt.Sprintf(annotate.Plural(len(l.MetaIgnored), "the key %s of its \"meta\" was not kept: a document's metadata keeps %s",
			"the keys %s of its \"meta\" were not kept: a document's metadata keeps %s"), annotate.QuoteList(l.MetaIgnored), metaFields))
	}
	if gone := annotate.TitleLeftOut(l.Title); len(gone) > 0 {
		notes = append(notes, goneNote("title", "a title", gone))
	}
	if l.Text != nil {
		// The stray control characters of the text less those that
		// text still holds.
		left := map[rune]int{}
		for _, r := range text {
			if annotate.IsStrayControl(r) {
				left[r]++
			}
		}
		var gone []rune
		for _, r := range *l.Text {
			if !annotate.IsStrayControl(r) {
				continue
			}
			if left[r] > 0 {
				left[r]--
			} else {
				gone = append(gone, r)
			}
		}
		if len(gone) > 0 {
			notes = append(notes, goneNote("text", "a document's text", gone))
		}
	}
	return notes
}

// MergeMeta returns page's metadata with every field that given sets
// taken from given: what a line says of its article overrides what the
// page says of itself.
func MergeMeta(page, given annotate.Meta) annotate.Meta {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&page.Author, given.Author)
	set(&page.Published, given.Published)
	set(&page.SiteName, given.SiteName)
	set(&page.CanonicalURL, given.CanonicalURL)
	set(&page.Description, given.Description)
	set(&page.Language, given.Language)
	set(&page.Source, given.Source)
	return page
}
