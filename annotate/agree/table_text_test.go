package agree

import (
	"strings"
	"testing"
)

// TestTableShowsTextAsWritten: the table names the document by its title
// and quotes each span's text; an article about "👩‍💻 coders" (an emoji of
// three code points joined by U+200D) and a quote with straight quotation
// marks read "👩\u200d💻" and \"…\" on the terminal, Go's escapes, not the
// text the annotators tagged.
func TestTableShowsTextAsWritten(t *testing.T) {
	const text = `Coders 👩‍💻 said "pay us" loudly`
	doc := loadDoc(t, text)
	if doc.Text().String() != text {
		t.Fatalf("canonical text %q", doc.Text().String())
	}
	doc.Title = "Coders 👩‍💻 strike"
	start := strings.Index(text, `"pay`)
	start = len([]rune(text[:start]))
	ann := fileOf(t, doc, "Ann", sp{label: "quote", start: start, end: start + 8})
	bob := fileOf(t, doc, "Bob")
	rep, err := Agree([]Annotator{{File: ann}, {File: bob}})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	if err := rep.WriteDisagreements(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"Coders 👩‍💻 strike", `"pay us"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the table does not show %q as written:\n%s", want, out)
		}
	}
}
