package agree

import (
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// withLabel returns an empty file of doc whose schema adds a label with
// key.
func withLabel(t *testing.T, doc *annotate.Document, name, key string) annotate.File {
	t.Helper()
	s := annotate.DefaultSchema()
	s.Labels = append(s.Labels, annotate.Label{Name: name, Color: "#cc79a7", Key: key, Attributes: []string{}})
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	return annotate.NewFile(doc, annotate.NewSet(doc.Text(), s), nil, when)
}

// TestMergeKeysThatFoldAlike: a label of a later file whose key is one
// key with a key of the merged schema, as the app compares keys (ignoring
// case as Unicode folds it), gets a free key, as one with the very same
// key does; the schemas still merge.
func TestMergeKeysThatFoldAlike(t *testing.T) {
	doc := loadDoc(t, forty)
	alice := withLabel(t, doc, "sigma", "ſ")
	bob := withLabel(t, doc, "stance", "S")
	merged, err := Merge([]Annotator{{Name: "alice", File: alice}, {Name: "bob", File: bob}}, when)
	if err != nil {
		t.Fatal(err)
	}
	valid(t, merged)
	l, ok := merged.Schema.Label("stance")
	if !ok || annotate.FoldKey(l.Key) == annotate.FoldKey("ſ") {
		t.Errorf("the stance label: %+v, want a key of its own", l)
	}
}
