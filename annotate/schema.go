// This file is the label schema: the labels a team annotates with, and
// the rules a schema keeps (valid names and colours, one-character keys
// that no two labels share).

package annotate

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Label is one kind of span an annotator can tag.
type Label struct {
	// Name is what the exports call the label: lower case letters, digits,
	// '-' and '_', starting with a letter.
	Name string `json:"name"`
	// Color is the highlight colour, as #rrggbb.
	Color string `json:"color"`
	// Key is the one character that tags a selection with this label.
	Key string `json:"key"`
	// Attributes names the attributes this label takes besides the note,
	// which every label takes.
	Attributes  []string `json:"attributes"`
	Description string   `json:"description,omitempty"`
}

// Takes reports whether the label takes attribute name. Every label takes
// the note.
func (l Label) Takes(name string) bool {
	if name == AttrNote {
		return true
	}
	for _, a := range l.Attributes {
		if a == name {
			return true
		}
	}
	return false
}

// Schema is the set of labels a team annotates with. It travels with every
// export.
type Schema struct {
	Labels []Label `json:"labels"`
}

// DefaultSchema returns claim, quote and pledge. The colours are from the
// Okabe-Ito palette, which readers with the common colour-vision
// deficiencies can tell apart.
func DefaultSchema() Schema {
	return Schema{Labels: []Label{
		{Name: "claim", Color: "#0072b2", Key: "c", Attributes: []string{},
			Description: "A statement presented as fact that could be checked."},
		{Name: "quote", Color: "#e69f00", Key: "q", Attributes: []string{AttrSpeaker},
			Description: "Words attributed to a speaker."},
		{Name: "pledge", Color: "#009e73", Key: "p", Attributes: []string{AttrParty},
			Description: "A promise of future action by a party."},
	}}
}

// MaxLabels is the most labels a schema may have.
const MaxLabels = 26

// keyPattern matches a key: one user-perceived character, that is a
// flag (two regional indicators), or a character that is not a mark or a
// control, followed by its combining marks (variation selectors among
// them), emoji modifiers, tag characters (as in subdivision flags) and
// characters joined by a zero-width joiner. It is read from the published
// JSON Schema, so that the schema and Schema.Validate cannot disagree. It
// is read on first use rather than when the program starts: reading the
// schema and compiling the pattern took a third of the package's start.
var keyPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(jsonSchemaKeyPattern()) })

// isOneKey reports whether key is one user-perceived character. A printable
// ASCII character, every label's key in practice, is one without the
// expression, which takes reading the schema and compiling it (about 20 ms
// of a page's first import in the browser); TestPatternsByHand checks that
// the expression takes each of them too.
func isOneKey(key string) bool {
	if len(key) == 1 && ' ' <= key[0] && key[0] <= '~' {
		return true
	}
	return keyPattern().MatchString(key)
}

// The one-character keys the annotator's own commands use, which no label
// may take: the app's keyboard maps them, and Validate refuses them.
const (
	KeyNext     = "]" // select the next annotation
	KeyPrevious = "[" // select the previous annotation
	KeyHelp     = "?" // show the keyboard help
	KeySearch   = "/" // kept for finding in the article
	KeySpace    = " " // presses the focused button
)

// reservedKeys are the keys the annotator's own commands use.
const reservedKeys = KeySpace + KeyHelp + KeySearch + KeyPrevious + KeyNext

// Validate reports every problem with the schema, or nil.
func (s Schema) Validate() error {
	var e SchemaError
	// add records a problem of the value at path, a JSON pointer into the
	// schema.
	add := func(path, format string, args ...any) {
		e.Problems, e.Paths = append(e.Problems, fmt.Sprintf(format, args...)), append(e.Paths, path)
	}
	if len(s.Labels) == 0 {
		add("/labels", "the schema has no labels")
	}
	if len(s.Labels) > MaxLabels {
		add("/labels", "the schema has %d labels; at most %d are allowed", len(s.Labels), MaxLabels)
	}
	names := map[string]int{}
	keys := map[string]int{}
	for i, l := range s.Labels {
		where := fmt.Sprintf("label %d (%q)", i+1, l.Name)
		at := "/labels/" + strconv.Itoa(i)
		if !isLabelName(l.Name) {
			add(at+"/name", "%s: the name must be 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter", where)
		}
		if j, ok := names[l.Name]; ok {
			add(at+"/name", "%s: the name is already used by label %d", where, j+1)
		} else {
			names[l.Name] = i
		}
		if !isColor(l.Color) {
			add(at+"/color", "%s: the colour %q must be written #rrggbb", where, l.Color)
		}
		key := FoldKey(l.Key)
		switch {
		case !isOneKey(l.Key):
			add(at+"/key", "%s: the key %q must be one character (a letter with its accents, or one emoji, counts as one)", where, l.Key)
		case strings.Contains(reservedKeys, l.Key):
			add(at+"/key", "%s: the key %q is reserved for the annotator's own commands", where, l.Key)
		default:
			if j, ok := keys[key]; ok {
				add(at+"/key", "%s: the key %q is already used by label %d", where, l.Key, j+1)
			} else {
				keys[key] = i
			}
		}
		seen := map[string]bool{}
		for k, a := range l.Attributes {
			attr := at + "/attributes/" + strconv.Itoa(k)
			switch {
			case !isLabelName(a):
				add(attr, "%s: the attribute name %q must be lower-case letters, digits, '-' or '_', starting with a letter", where, a)
			case a == AttrNote:
				add(attr, "%s: every label takes a note; do not list %q", where, a)
			case seen[a]:
				add(attr, "%s: the attribute %q is listed twice", where, a)
			}
			seen[a] = true
		}
	}
	if len(e.Problems) > 0 {
		return &e
	}
	return nil
}

// SchemaError lists what is wrong with a schema.
type SchemaError struct {
	Problems []string
	// Paths says, by problem, where in the schema it is: a JSON pointer
	// from the schema to the field that has it ("/labels/1/key"), so
	// that a file's validation points at that field.
	Paths []string
}

func (e *SchemaError) Error() string {
	return "invalid label schema: " + strings.Join(e.Problems, "; ")
}

// Attributes returns every attribute the schema's labels take besides the
// note, each once, in the order the labels first name them.
func (s Schema) Attributes() []string {
	var names []string
	for _, l := range s.Labels {
		for _, a := range l.Attributes {
			if !slices.Contains(names, a) {
				names = append(names, a)
			}
		}
	}
	return names
}

// Label returns the label called name.
func (s Schema) Label(name string) (Label, bool) {
	for _, l := range s.Labels {
		if l.Name == name {
			return l, true
		}
	}
	return Label{}, false
}

// LabelForKey returns the label whose key is key, ignoring case.
func (s Schema) LabelForKey(key string) (Label, bool) {
	for _, l := range s.Labels {
		if strings.EqualFold(l.Key, key) {
			return l, true
		}
	}
	return Label{}, false
}

// Clone returns a deep copy of s.
func (s Schema) Clone() Schema {
	labels := make([]Label, len(s.Labels))
	for i, l := range s.Labels {
		l.Attributes = append([]string{}, l.Attributes...)
		labels[i] = l
	}
	return Schema{Labels: labels}
}
