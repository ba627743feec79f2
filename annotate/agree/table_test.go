package agree

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWriteTable: the columns line up (every row of a table is as wide
// as its header, the numbers right-aligned), a figure that does not apply
// is "—", and the disagreements name both sides.
func TestWriteTable(t *testing.T) {
	rep := agree(t, forty,
		[]sp{{label: "claim", start: 0, end: 10}, {label: "pledge", start: 20, end: 30}},
		[]sp{{label: "claim", start: 5, end: 15}})
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(out, "\n")
	header := slicesIndex(lines, "  label   spans")
	if header < 0 {
		t.Fatalf("no pair table:\n%s", out)
	}
	width := utf8.RuneCountInString(lines[header])
	for _, l := range lines[header : header+5] {
		if utf8.RuneCountInString(l) != width {
			t.Errorf("%q is %d wide, the header %d:\n%s", l, utf8.RuneCountInString(l), width, out)
		}
	}
	// pledge: alice 1, bob 0: exact P —, R 0, F1 —; overlap the same;
	// kappa 0.
	if got := strings.Fields(lines[header+3]); strings.Join(got, " ") != "pledge 1/0 — 0.000 — — 0.000 — 0.000" {
		t.Errorf("the pledge row: %q", lines[header+3])
	}
	if !strings.Contains(out, "  all       2/1    0.000    0.000     0.000      1.000      0.500       0.667  0.111\n") {
		t.Errorf("the row of all labels:\n%s", out)
	}
	if !strings.Contains(out, "  pledge  0.062  0.035   -0.811\n") {
		t.Errorf("the α_u of pledge:\n%s", out)
	}

	b.Reset()
	if err := rep.WriteDisagreements(&b); err != nil {
		t.Fatal(err)
	}
	want := "2 disagreements\n" +
		`   0–15  boundaries  alice: claim 0–10 "abcdefghij"    |  bob: claim 5–15 "fghijABCDE"` + "\n" +
		`  20–30  missing     alice: pledge 20–30 "klmnopqrst"  |  bob: —` + "\n"
	if b.String() != want {
		t.Errorf("disagreements:\n%s\nwant\n%s", b.String(), want)
	}
}

func slicesIndex(lines []string, prefix string) int {
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return i
		}
	}
	return -1
}
