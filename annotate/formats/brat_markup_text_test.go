package formats

import "testing"

// A brat document whose text is a page's source (a corpus annotating
// markup) is brat's .txt all the same: its .ann names it.
func TestBratTextStartingWithMarkup(t *testing.T) {
	text := "<p>The council will vote again in May.</p>\n"
	ann := "T1\tclaim 3 38\tThe council will vote again in May.\n"
	inputs := []Input{{Name: "doc.txt", Data: []byte(text)}, {Name: "doc.ann", Data: []byte(ann)}}
	docs, faults := ReadAll(inputs, nil)
	for _, f := range faults {
		t.Logf("fault: %v", f)
	}
	if len(docs) != 1 || len(faults) != 0 {
		t.Errorf("a brat pair whose text starts with markup: %d documents, faults %v", len(docs), faults)
	}
}
