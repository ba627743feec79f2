package formats

// This file reads brat standoff back: each .ann against its .txt, line by
// line, keeping every line it can read (brat.go says what they hold).

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsannotator/annotator/annotate"
)

// bratPair is the .txt and .ann of one document.
type bratPair struct {
	base     string
	txt, ann *Input
}

// importBrat pairs the inputs by their names without the extension and
// reads each pair.
func importBrat(inputs []Input, known Known) ([]Doc, []*Fault) {
	var pairs []*bratPair
	byBase := map[string]*bratPair{}
	var faults []*Fault
	for i := range inputs {
		in := &inputs[i]
		name := strings.ReplaceAll(in.Name, `\`, "/")
		if slices.Contains(bratConfs, strings.ToLower(path.Base(name))) {
			continue
		}
		ext := strings.ToLower(path.Ext(name))
		base := strings.TrimSuffix(name, path.Ext(name))
		p := byBase[base]
		if p == nil {
			p = &bratPair{base: base}
			byBase[base] = p
			pairs = append(pairs, p)
		}
		switch {
		case ext == ".txt" && p.txt == nil:
			p.txt = in
		case ext == ".ann" && p.ann == nil:
			p.ann = in
		default:
			faults = append(faults, &Fault{Name: in.Name, Message: "this is not a brat .txt or .ann, or a second one of that name; give each document's X.txt and X.ann once"})
		}
	}
	var docs []Doc
	for _, p := range pairs {
		d, f := p.read(known)
		faults = append(faults, f...)
		if d != nil {
			docs = append(docs, *d)
		}
	}
	return docs, faults
}

// read makes the document of p, with a Fault for each line of its .ann
// that cannot be read; it returns no document when there is no text.
func (p *bratPair) read(known Known) (*Doc, []*Fault) {
	if p.txt == nil && p.ann == nil {
		return nil, nil
	}
	var plain Plain
	from := ""
	if p.txt != nil {
		from = p.txt.Name
		if !utf8.Valid(p.txt.Data) {
			return nil, []*Fault{{Name: p.txt.Name, Message: "the text is not UTF-8, as brat reads a .txt; save it as UTF-8"}}
		}
		// The export ends the text with a line break, which the text
		// loaded from it does not have: taken away, the context of a
		// span at the very end stays the same. A tool that writes
		// Windows line ends ends it "\r\n", which goes whole: a "\r"
		// left at the end made another text, of another id, than the
		// same article's. Only the end goes, so every offset, which
		// counts the file as written, stays on its characters.
		plain.Text = string(p.txt.Data)
		if t, ok := strings.CutSuffix(plain.Text, "\r\n"); ok {
			plain.Text = t
		} else {
			plain.Text = strings.TrimSuffix(plain.Text, "\n")
		}
		// The offsets count this very text: it stays the document's
		// text even where reading it as a .txt would change it.
		plain.Verbatim = true
		plain.Document = knownDocument(known, plain.Text, bratIDs(p.base)...)
	} else {
		from = p.ann.Name
		for _, id := range bratIDs(p.base) {
			if f, ok := lookup(known, id); ok {
				doc, err := fileDocument(f)
				if err == nil {
					plain.Document = doc
					break
				}
			}
		}
		if plain.Document == nil {
			return nil, []*Fault{{Name: p.ann.Name, Message: fmt.Sprintf("there is no %s.txt beside it, and no document of that name among the inputs: give the .txt too", path.Base(p.base))}}
		}
		plain.Text = plain.Document.Text().String()
	}
	var faults []*Fault
	var notes []string
	if p.ann != nil {
		r := bratReader{name: p.ann.Name, text: annotate.NewText(plain.Text)}
		r.read(string(p.ann.Data))
		plain.Spans, notes, faults = r.spans, r.notes, r.faults
	}
	d, err := Build(plain, from)
	if err != nil {
		return nil, append(faults, &Fault{Name: from, Message: fmt.Sprintf("the document cannot be made: %v", err)})
	}
	d.Notes = append(notes, d.Notes...)
	return &d, faults
}

// lookup is known(id), and false when known is nil.
func lookup(known Known, id string) (annotate.File, bool) {
	if known == nil {
		return annotate.File{}, false
	}
	return known(id)
}

// bratIDs are the document ids a file's base name may stand for: the name
// itself, and the id FileName made it of ("sha256-…" for "sha256:…").
func bratIDs(base string) []string {
	name := path.Base(base)
	if rest, ok := strings.CutPrefix(name, "sha256-"); ok {
		return []string{name, "sha256:" + rest}
	}
	return []string{name}
}

// bratReader reads the lines of one .ann against its text.
type bratReader struct {
	name   string
	text   *annotate.Text
	spans  []Span
	byID   map[string]int
	notes  []string
	faults []*Fault
	// renamed says which brat types and attribute names were renamed.
	renamed renames
}

func (r *bratReader) fault(line int, format string, args ...any) {
	r.faults = append(r.faults, &Fault{Name: r.name, Line: line, Message: fmt.Sprintf(format, args...)})
}

// read reads the text-bound annotations first, then what refers to them.
func (r *bratReader) read(ann string) {
	r.byID, r.renamed = map[string]int{}, renames{}
	lines := strings.Split(strings.TrimPrefix(ann, "\ufeff"), "\n")
	ignored := map[string]int{}
	for pass := 0; pass < 2; pass++ {
		for i, line := range lines {
			line = strings.TrimSuffix(line, "\r")
			if strings.TrimSpace(line) == "" {
				continue
			}
			id, rest, ok := strings.Cut(line, "\t")
			if !ok || id == "" {
				if pass == 0 {
					r.fault(i+1, "a line of an .ann must start with an id such as T1 and a tab; this one reads %q", abbreviate(line))
				}
				continue
			}
			switch kind := id[0]; {
			case kind == 'T' && pass == 0:
				r.textBound(i+1, id, rest)
			case (kind == 'A' || kind == 'M') && pass == 1:
				r.attribute(i+1, rest)
			case kind == '#' && pass == 1:
				r.comment(i+1, rest)
			case strings.IndexByte("RE*NF", kind) >= 0 && pass == 1:
				ignored[id[:1]]++
			case strings.IndexByte("TAM#RE*NF", kind) < 0 && pass == 0:
				r.fault(i+1, "%q is not a kind of brat annotation (T, A, M, R, E, N, * or #)", id)
			}
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(ignored)) {
		r.notes = append(r.notes, fmt.Sprintf("%s: %d %s annotations are ignored: this annotator keeps labelled spans and their attributes", r.name, ignored[kind], bratKinds[kind]))
	}
	r.notes = append(r.notes, r.renamed.notes(r.name+": brat's name")...)
}

var bratKinds = map[string]string{"R": "relation", "E": "event", "*": "equivalence", "N": "normalisation", "F": "feature"}

// textBound reads "LABEL START END[;START END…]<TAB>TEXT".
func (r *bratReader) textBound(line int, id, rest string) {
	head, given, _ := strings.Cut(rest, "\t")
	typ, offsets, ok := strings.Cut(head, " ")
	label := r.renamed.name(typ)
	if !ok || label == "" {
		r.fault(line, "%s: a text-bound annotation reads %s<TAB>TYPE START END<TAB>TEXT; this one has no type or no offsets", id, id)
		return
	}
	if _, dup := r.byID[id]; dup {
		r.fault(line, "%s is the id of an annotation above; an id is used once", id)
		return
	}
	start, end, last := -1, -1, -1
	for _, frag := range strings.Split(offsets, ";") {
		se := strings.Fields(frag)
		var s, e int
		var err1, err2 error
		if len(se) == 2 {
			s, err1 = strconv.Atoi(se[0])
			e, err2 = strconv.Atoi(se[1])
		}
		if len(se) != 2 || err1 != nil || err2 != nil || s < last || s >= e || e > r.text.Len() {
			r.fault(line, "%s: the offsets %q are not START END pairs, in order, within the text's %d characters", id, offsets, r.text.Len())
			return
		}
		if start < 0 {
			start = s
		} else if strings.TrimSpace(r.text.Slice(last, s)) != "" {
			r.notes = append(r.notes, fmt.Sprintf("%s:%d: %s is discontinuous; it is read as one span from %d to %d", r.name, line, id, start, e))
		}
		end, last = e, e
	}
	s := Span{Label: label, Start: start, End: end, Attributes: map[string]string{}}
	if !strings.Contains(offsets, ";") {
		s.Text = given
	}
	r.byID[id] = len(r.spans)
	r.spans = append(r.spans, s)
}

// target returns the span that id names, with a fault when there is none.
func (r *bratReader) target(line int, id string) (*Span, bool) {
	i, ok := r.byID[id]
	if !ok {
		r.fault(line, "%q is not the id of a text-bound annotation of this file", id)
		return nil, false
	}
	return &r.spans[i], true
}

// attribute reads "NAME TARGET [VALUE]"; an attribute with no value is
// true.
func (r *bratReader) attribute(line int, rest string) {
	f := strings.Fields(rest)
	if len(f) < 2 || len(f) > 3 {
		r.fault(line, "an attribute reads A1<TAB>NAME TARGET VALUE; this one reads %q", abbreviate(rest))
		return
	}
	s, ok := r.target(line, f[1])
	if !ok {
		return
	}
	name := r.renamed.name(f[0])
	if name == "" || name == annotate.AttrNote {
		r.fault(line, "%q cannot be an attribute's name", f[0])
		return
	}
	value := "true"
	if len(f) == 3 {
		value = f[2]
	}
	s.Attributes[name] = value
}

// comment reads "TYPE TARGET<TAB>TEXT": the note, the annotation's id, or
// an attribute.
func (r *bratReader) comment(line int, rest string) {
	head, value, _ := strings.Cut(rest, "\t")
	f := strings.Fields(head)
	if len(f) != 2 {
		r.fault(line, "a comment reads #1<TAB>TYPE TARGET<TAB>TEXT; this one reads %q", abbreviate(rest))
		return
	}
	s, ok := r.target(line, f[1])
	if !ok {
		return
	}
	value = bratUnescape.Replace(value)
	switch f[0] {
	case bratNotes:
		s.Attributes[annotate.AttrNote] = value
	case bratID:
		s.ID = value
	default:
		if name := r.renamed.name(f[0]); name != "" {
			s.Attributes[name] = value
		}
	}
}
