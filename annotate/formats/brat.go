package formats

// This file keeps brat's standoff format, and its one rule: offsets count
// the code points of the document's .txt, as brat's server (Python, which
// reads the .txt as UTF-8 text) counts them, start inclusive and end
// exclusive. (A "narrow" Python 2 build, as old macOS shipped, counted a
// character beyond the BMP as two; Python 3 and the Linux builds of
// Python 2 count code points.)
//
// Each document is two files named after its id (FileName, with -2, -3
// after a second and third document of one id): ID.txt, the
// canonical text and a final line break (bratEnd), and ID.ann, its
// annotations in the order of their spans:
//
//	T1	quote 51 86	We will build 300 homes by 2027 🏠.
//	#1	AnnotationId T1	01943a6e-8b00-7000-8000-000000000002
//	A1	party T1 Labour
//	#2	speaker T1	The mayor
//	#3	AnnotatorNotes T1	a note
//
// A span that holds line breaks or tabs is written as brat writes a
// discontinuous annotation, in fragments, "START END;START END", its text
// the fragments' texts joined by a space: a line of the .ann cannot hold
// a line break, brat cannot show a span across one, and the many scripts
// that split a line of an .ann at every tab would misread a tab in the
// text (a table's cells are apart by a tab in the canonical text); a span
// of nothing but line breaks and tabs, which would have no fragment, is
// left out and said (ErrBratSpan), not a line without offsets. The note is brat's
// AnnotatorNotes, which brat shows and edits. brat's attributes
// take a value from a fixed set, declared in annotation.conf, and the
// value cannot hold a space: an attribute whose value is one word (letters,
// digits, '.', '-' and '_') is a brat attribute, and one with any other
// value (a speaker's name) is a comment line named after the attribute,
// as the note is. Tabs, line breaks and backslashes in a comment are
// written \t, \n, \r and \\. The annotation's id, a UUID that brat has no
// place for, is a comment line of type AnnotationId, so that the round trip
// keeps it; author and times are not written. annotation.conf declares
// the labels and the brat attributes, and visual.conf gives the labels
// their colours. Orphans, which have no place in the text, are not
// written.
//
// The import pairs X.txt with X.ann. A lone .ann is read against the
// document the conversion knows under its name (a document id, its ':'
// written '-'), and is a Fault otherwise; a lone .txt is a document with
// no annotations. A line of an .ann that cannot be read is a Fault, with
// its line number, and the others are kept; relations, events,
// equivalences and normalisations have no place in this annotator's model
// and are ignored with a note. brat's types and attribute names become
// label and attribute names a schema takes ("Protein" is "protein").

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/newsannotator/annotator/annotate"
)

var brat = Format{
	Name:      "brat",
	Unit:      annotate.OffsetUnit,
	Extension: "",
	Export:    exportBrat,
	Import:    importBrat,
	Recognise: isBrat,
	LeftOut:   bratLeftOut,
	Stale:     bratStale,
}

// The comment types this format writes besides the attributes'.
const (
	bratNotes = "AnnotatorNotes"
	bratID    = "AnnotationId"
)

// exportBrat writes each file's .txt and .ann, then annotation.conf and
// visual.conf for all of them.
func exportBrat(files []annotate.File, _ time.Time) ([]Output, error) {
	var out []Output
	conf := newBratConf()
	names := fileNames{}
	for _, f := range files {
		base := names.next(f.Document.ID)
		conf.schema(f.Schema)
		ann := bratAnn(f, conf)
		out = append(out,
			Output{Name: base + ".txt", Data: []byte(f.Document.Text + bratEnd(f.Document.Text))},
			Output{Name: base + ".ann", Data: ann})
	}
	return append(out, Output{Name: "annotation.conf", Data: conf.annotation()}, Output{Name: "visual.conf", Data: conf.visual()}), nil
}

// bratEnd is the line break that ends the .txt of text: "\n", or "\r\n"
// after a text that ends in a carriage return, which the import, taking
// a final "\r\n" away whole (a Windows tool's line end), would otherwise
// take away with the line break.
func bratEnd(text string) string {
	if strings.HasSuffix(text, "\r") {
		return "\r\n"
	}
	return "\n"
}

// ErrBratSpan is why an annotation whose span holds nothing but line
// breaks and tabs is left out of the export: brat writes a span without
// them, in fragments, and this one would have none, a line that brat
// cannot read. An annotation made in the annotator cannot be such a span
// (annotate.ErrEmptySpan); one of a file built by hand can. The other
// annotations and documents are written, and bratLeftOut says which
// were not, as the orphans that no format but v1 writes are said.
var ErrBratSpan = errors.New("its span holds nothing but line breaks and tabs, which brat cannot write as a span")

// bratLeftOut says which annotations of f the export leaves out
// (ErrBratSpan), by their label and text: an annotation's id is nothing
// a user reads.
func bratLeftOut(f annotate.File) []string {
	text := annotate.NewText(f.Document.Text)
	var out []string
	for _, a := range placed(f) {
		if len(bratFragments(text, a.Start, a.End)) == 0 {
			out = append(out, fmt.Sprintf("the %s annotation on %q (characters %d to %d) is not written: %v", a.Label, a.Exact, a.Start, a.End, ErrBratSpan))
		}
	}
	return out
}

// bratAnn writes the .ann of f, noting in conf the brat attributes it
// writes. An annotation brat cannot hold (ErrBratSpan) is left out.
func bratAnn(f annotate.File, conf *bratConf) []byte {
	text := annotate.NewText(f.Document.Text)
	var b bytes.Buffer
	ts, attrs, comments := 0, 0, 0
	comment := func(typ, target, value string) {
		comments++
		fmt.Fprintf(&b, "#%d\t%s %s\t%s\n", comments, typ, target, bratEscape.Replace(value))
	}
	for _, a := range placed(f) {
		var offs, texts []string
		for _, fr := range bratFragments(text, a.Start, a.End) {
			offs = append(offs, fmt.Sprintf("%d %d", fr[0], fr[1]))
			texts = append(texts, text.Slice(fr[0], fr[1]))
		}
		if len(offs) == 0 {
			continue // said by bratLeftOut
		}
		ts++
		t := "T" + strconv.Itoa(ts)
		fmt.Fprintf(&b, "%s\t%s %s\t%s\n", t, a.Label, strings.Join(offs, ";"), strings.Join(texts, " "))
		comment(bratID, t, a.ID)
		for _, k := range slices.Sorted(maps.Keys(a.Attributes)) {
			v := a.Attributes[k]
			switch {
			case k == annotate.AttrNote:
				comment(bratNotes, t, v)
			case bratWord(v):
				attrs++
				fmt.Fprintf(&b, "A%d\t%s %s %s\n", attrs, k, t, v)
				conf.attribute(k, a.Label, v)
			default:
				comment(k, t, v)
			}
		}
	}
	return b.Bytes()
}

// bratFragments splits the span [start, end) of text at its line breaks
// and tabs: the fragments brat writes of a discontinuous annotation.
func bratFragments(text *annotate.Text, start, end int) [][2]int {
	var frags [][2]int
	from := -1
	i := start
	for _, r := range text.Slice(start, end) {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			if from >= 0 {
				frags = append(frags, [2]int{from, i})
				from = -1
			}
		case from < 0:
			from = i
		}
		i++
	}
	if from >= 0 {
		frags = append(frags, [2]int{from, end})
	}
	return frags
}

// bratWord reports whether v can be a brat attribute's value: one word of
// letters, digits, '.', '-' and '_'.
func bratWord(v string) bool {
	for _, r := range v {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '_' {
			return false
		}
	}
	return v != ""
}

// bratEscape and bratUnescape write a comment's tabs, line breaks and
// backslashes, which a line of an .ann cannot hold, and read them back.
var (
	bratEscape   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	bratUnescape = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")
)

// bratConf gathers what annotation.conf and visual.conf declare.
type bratConf struct {
	labels []annotate.Label
	seen   map[string]bool
	// attrs maps a brat attribute's name to the labels that take it and
	// the values it takes.
	attrs map[string]*bratAttr
}

type bratAttr struct{ labels, values map[string]bool }

func newBratConf() *bratConf {
	return &bratConf{seen: map[string]bool{}, attrs: map[string]*bratAttr{}}
}

func (c *bratConf) schema(s annotate.Schema) {
	for _, l := range s.Labels {
		if !c.seen[l.Name] {
			c.seen[l.Name] = true
			c.labels = append(c.labels, l)
		}
	}
}

func (c *bratConf) attribute(name, label, value string) {
	a := c.attrs[name]
	if a == nil {
		a = &bratAttr{labels: map[string]bool{}, values: map[string]bool{}}
		c.attrs[name] = a
	}
	a.labels[label], a.values[value] = true, true
}

// annotation writes annotation.conf: the labels as entities, and the
// attributes written as brat attributes with their values.
func (c *bratConf) annotation() []byte {
	var b bytes.Buffer
	b.WriteString(bratConfHead + "# Other attributes and the note are comments (#) of the .ann files.\n[entities]\n")
	for _, l := range c.labels {
		b.WriteString(l.Name + "\n")
	}
	b.WriteString("\n[relations]\n\n[events]\n\n[attributes]\n")
	for _, name := range slices.Sorted(maps.Keys(c.attrs)) {
		a := c.attrs[name]
		fmt.Fprintf(&b, "%s\tArg:%s, Value:%s\n", name, strings.Join(slices.Sorted(maps.Keys(a.labels)), "|"), strings.Join(slices.Sorted(maps.Keys(a.values)), "|"))
	}
	return b.Bytes()
}

// visual writes visual.conf: each label in its colour.
func (c *bratConf) visual() []byte {
	var b bytes.Buffer
	b.WriteString("[labels]\n")
	for _, l := range c.labels {
		fmt.Fprintf(&b, "%s | %s\n", l.Name, l.Name)
	}
	b.WriteString("\n[drawing]\n")
	for _, l := range c.labels {
		fmt.Fprintf(&b, "%s\tbgColor:%s\n", l.Name, l.Color)
	}
	return b.Bytes()
}

// bratStale is brat's Format.Stale: every .txt and .ann of the folder is
// a document to brat. An earlier export of this annotator wrote those
// named as it names a document ("sha256-….txt", "sha256-…-2.ann") in a
// folder whose annotation.conf it wrote (its first line says so); a
// user's own texts are not taken for them.
func bratStale(there []string, outputs []Output, read func(name string) ([]byte, error)) (stale, earlier []string) {
	written := map[string]bool{}
	for _, o := range outputs {
		written[strings.ToLower(o.Name)] = true
	}
	for _, name := range there {
		ext := strings.ToLower(path.Ext(name))
		if (ext == ".txt" || ext == ".ann") && !written[strings.ToLower(name)] {
			stale = append(stale, name)
		}
	}
	if len(stale) == 0 {
		return nil, nil
	}
	conf, err := read("annotation.conf")
	if err != nil || !bytes.HasPrefix(conf, []byte(bratConfHead)) {
		return stale, nil
	}
	for _, name := range stale {
		if bratExportName.MatchString(name) {
			earlier = append(earlier, name)
		}
	}
	return stale, earlier
}

// bratExportName is the name the export gives a document's files: its
// id's FileName, and -2, -3 after a second and third (fileNames).
var bratExportName = regexp.MustCompile(`^sha256-[0-9a-f]+(-[0-9]+)?\.(txt|ann)$`)

// bratConfHead is the first line of the annotation.conf the export writes.
const bratConfHead = "# The labels and attributes of an export of " + annotate.Generator + ".\n"

// bratConfs are the configuration files of a brat collection, which an
// import passes over.
var bratConfs = []string{"annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf"}

// isBrat takes an .ann whose first line is a standoff annotation (or an
// empty one), a .txt that is not JSON, and brat's configuration files.
func isBrat(in Input) bool {
	name := strings.ToLower(path.Base(strings.ReplaceAll(in.Name, `\`, "/")))
	data := bytes.TrimLeft(trimBOM(in.Data), " \t\r\n")
	switch path.Ext(name) {
	case ".ann":
		line, _, _ := bytes.Cut(data, []byte("\n"))
		id, _, ok := bytes.Cut(line, []byte("\t"))
		return len(data) == 0 || (ok && len(id) > 0 && bytes.IndexByte([]byte("TAMRENF#*"), id[0]) >= 0)
	case ".txt":
		// Any text, but JSON: JSON Lines or a JSON array named .txt.
		line, _, _ := bytes.Cut(data, []byte("\n"))
		return len(data) == 0 || (data[0] != '{' && data[0] != '[') || !(json.Valid(line) || json.Valid(data))
	}
	return slices.Contains(bratConfs, name)
}
