package agree

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestCopiesFound: a file given twice, or a copy of it after a third
// annotator's, is said, by the names the report gives; two annotators
// whose spans are the same but made apart (other ids) are not copies, nor
// are two files with nothing in them.
func TestCopiesFound(t *testing.T) {
	doc := loadDoc(t, forty)
	ann := fileOf(t, doc, "Ann", sp{label: "claim", start: 0, end: 10})
	bob := fileOf(t, doc, "Bob", sp{label: "claim", start: 0, end: 10})
	rep, err := Agree([]Annotator{{File: ann}, {File: bob}, {File: ann}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []Copy{{First: "Ann", Second: "Ann (2)"}}; len(rep.Copies) != 1 || rep.Copies[0] != want[0] {
		t.Errorf("copies %+v, want %+v", rep.Copies, want)
	}
	if said := rep.CopiesSaid(); !strings.Contains(said, "“Ann (2)” is “Ann”") {
		t.Errorf("the copy is said as %q", said)
	}
	var table bytes.Buffer
	if err := rep.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table.String(), "Note: The same annotations, by id, are in more than one file") {
		t.Errorf("the table says nothing of the copy:\n%s", table.String())
	}

	rep, err = Agree([]Annotator{{File: ann}, {File: bob}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Copies) != 0 || rep.CopiesSaid() != "" {
		t.Errorf("Ann and Bob, who made the same span apart, are copies: %+v", rep.Copies)
	}
	empty := func(name string) Annotator { return Annotator{Name: name, File: fileOf(t, doc, name)} }
	rep, err = Agree([]Annotator{empty("Cy"), empty("Di")})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Copies) != 0 {
		t.Errorf("two files of no annotation are copies: %+v", rep.Copies)
	}

	// A copy keeps its orphans' ids: with one orphan more, it is not one.
	withOrphan := ann
	withOrphan.Orphans = []annotate.Annotation{{ID: "orphan-1", Label: "claim", Exact: "gone", Anchor: annotate.AnchorOrphan}}
	rep, err = Agree([]Annotator{{File: ann}, {File: withOrphan}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Copies) != 0 {
		t.Errorf("a file with an orphan more is a copy: %+v", rep.Copies)
	}
}
