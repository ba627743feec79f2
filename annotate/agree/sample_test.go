package agree

import (
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestSampleArticle: two annotators on the built-in sample article, the
// whole flow: agree, merge, adjudicate. Alice quotes “yes we can” with
// its quotation marks, claims that British trade with the US was “pretty
// balanced” and tags the pledge on defence spending; bob quotes the
// words without the marks, makes the same claim, misses the pledge and
// claims something else.
//
// Exact: only the claim is the same: 1 of alice's 3 and bob's 3, so P =
// R = F1 = 1/3. Overlap: the quotes overlap too: 2 of 3 and 3, P = R =
// F1 = 2/3. Disagreements, in the order of the text: the quote's
// boundaries, the missing pledge, then bob's extra claim.
func TestSampleArticle(t *testing.T) {
	doc, err := annotate.Load(testcorpus.File(t, testcorpus.SampleArticle), annotate.Source{Name: "starmer-trump-white-house.txt"})
	if err != nil {
		t.Fatal(err)
	}
	text := doc.Text()
	at := func(phrase string) sp {
		b := strings.Index(text.String(), phrase)
		if b < 0 {
			t.Fatalf("%q is not in the article", phrase)
		}
		start := text.CodePointAtByte(b)
		return sp{start: start, end: start + annotate.RuneCount(phrase)}
	}
	tag := func(label, phrase string) sp { s := at(phrase); s.label = label; return s }
	alice := fileOf(t, doc, "alice",
		tag("quote", "“yes we can”"),
		tag("claim", "British trade with the US was “pretty balanced”"),
		tag("pledge", "increase defence spending to a 2.5% share of the economy from April 2027"))
	bob := fileOf(t, doc, "bob",
		tag("quote", "yes we can"),
		tag("claim", "British trade with the US was “pretty balanced”"),
		tag("claim", "European nations are serious about the security of their continent"))
	as := []Annotator{{File: alice}, {File: bob}}
	rep, err := Agree(as)
	if err != nil {
		t.Fatal(err)
	}
	p := rep.Pairs[0]
	scores(t, "exact", p.Exact, 1.0/3, 1.0/3, 1.0/3)
	scores(t, "overlap", p.Overlap, 2.0/3, 2.0/3, 2.0/3)
	var got []string
	for _, d := range rep.Disagreements {
		s := string(d.Kind)
		for _, r := range []*SpanRef{d.ReferenceSpan, d.OtherSpan} {
			if r != nil {
				s += " " + r.Annotator + ":" + r.Text
			}
		}
		got = append(got, s)
	}
	want := []string{
		"boundaries alice:“yes we can” bob:yes we can",
		"missing alice:increase defence spending to a 2.5% share of the economy from April 2027",
		"extra bob:European nations are serious about the security of their continent",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("disagreements:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	merged, err := Merge(as, when)
	if err != nil {
		t.Fatal(err)
	}
	valid(t, merged)
	index := SourceIndex(merged)
	// The adjudicator takes what both agree on and alice's quote.
	accept := append(Unanimous(merged, rep.Names()), index[Source{"alice", rep.Disagreements[0].ReferenceSpan.ID}])
	gold, err := Adjudicate(merged, accept, when)
	if err != nil {
		t.Fatal(err)
	}
	valid(t, gold)
	var golden []string
	for _, a := range gold.Annotations {
		if a.Exact != text.Slice(a.Start, a.End) {
			t.Errorf("%s: exact %q, the text there %q", a.ID, a.Exact, text.Slice(a.Start, a.End))
		}
		golden = append(golden, a.Label+":"+a.Exact)
	}
	if g := strings.Join(golden, "|"); g != "quote:“yes we can”|claim:British trade with the US was “pretty balanced”" {
		t.Errorf("gold: %s", g)
	}
}
