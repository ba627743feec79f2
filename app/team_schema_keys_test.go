package app

import (
	"fmt"
	"strings"

	"github.com/newsannotator/annotator/annotate/formats"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestAltGrLabelKeys: a team's label whose key is a character typed
// with AltGr on the annotator's keyboard (Windows reports AltGr as
// Ctrl+Alt): "ł" and "ą" on the Polish (programmer's) layout, "@" and "€"
// on a German one. The schema takes these keys, and a label's key "works
// on any keyboard layout" (README); "[" "]" and "?" typed with AltGr are
// already read as typed (typedSymbol). Pressed, they did nothing.
func TestAltGrLabelKeys(t *testing.T) {
	schema := annotate.Schema{Labels: []annotate.Label{
		{Name: "claim", Color: "#0072b2", Key: "c", Attributes: []string{}},
		{Name: "lie", Color: "#e69f00", Key: "ł", Attributes: []string{}},
		{Name: "accusation", Color: "#009e73", Key: "ą", Attributes: []string{}},
		{Name: "mention", Color: "#d55e00", Key: "@", Attributes: []string{}},
		{Name: "money", Color: "#cc79a7", Key: "€", Attributes: []string{}},
	}}
	if err := schema.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what string
		key  keyPress
		want string
	}{
		{"ł, AltGr+L on a Polish keyboard", keyPress{Key: "ł", Code: "KeyL", Ctrl: true, Alt: true, InArticle: true}, "lie"},
		{"ą, AltGr+A on a Polish keyboard", keyPress{Key: "ą", Code: "KeyA", Ctrl: true, Alt: true, InArticle: true}, "accusation"},
		{"@, AltGr+Q on a German keyboard", keyPress{Key: "@", Code: "KeyQ", Ctrl: true, Alt: true, InArticle: true}, "mention"},
		{"€, AltGr+E on a German keyboard", keyPress{Key: "€", Code: "KeyE", Ctrl: true, Alt: true, InArticle: true}, "money"},
	} {
		got := bindingFor(c.key, schema)
		if got.Command != cmdTag || got.Label != c.want {
			t.Errorf("%s: bindingFor = %+v, want a tag as %s", c.what, got, c.want)
		}
	}
	// Ctrl+Alt+C, which types c, is still no claim.
	if got := bindingFor(keyPress{Key: "c", Code: "KeyC", Ctrl: true, Alt: true}, schema); got != (binding{}) {
		t.Errorf("Ctrl+Alt+C: %+v", got)
	}
}

// TestGrownLabelsLookApart: a dataset of 20 entity types (doccano's
// label triples), read into the default schema, gives each label a colour
// and an underline style (labelCSS) that tell it from every other: "each
// label has a colour ... and its own underline ..., so labels can be told
// apart" (README). The palette of new labels has 10 colours and the
// underlines 5 styles, so that labels 10 apart came out the same colour
// with the same underline, drawn alike in the text and the legend.
func TestGrownLabelsLookApart(t *testing.T) {
	var line strings.Builder
	text := strings.Repeat("word ", 20)
	line.WriteString(`{"text": "` + text + `", "label": [`)
	for i := 0; i < 20; i++ {
		if i > 0 {
			line.WriteString(", ")
		}
		fmt.Fprintf(&line, `[%d, %d, "TYPE_%c"]`, i*5, i*5+4, 'A'+i)
	}
	line.WriteString("]}\n")
	docs, faults := formats.ReadAll([]formats.Input{{Name: "entities.jsonl", Data: []byte(line.String())}}, nil)
	if len(docs) != 1 {
		t.Fatalf("%d documents: %v", len(docs), faults)
	}
	schema := docs[0].File.Schema
	// How each label is drawn in the text: its highlight's rule.
	css := labelCSS(schema)
	seen := map[string]string{}
	for _, l := range schema.Labels {
		start := strings.Index(css, "::highlight("+labelClass(l.Name)+") {")
		if start < 0 {
			t.Fatalf("no highlight rule for %s", l.Name)
		}
		rule := css[start+len("::highlight("+labelClass(l.Name)+") "):]
		rule = rule[:strings.Index(rule, "}")]
		if other, ok := seen[rule]; ok {
			t.Errorf("labels %s and %s of a schema of %d are drawn alike: %s", other, l.Name, len(schema.Labels), rule)
		}
		seen[rule] = l.Name
	}
}
