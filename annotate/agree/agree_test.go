package agree

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsannotator/annotator/annotate"
)

// when is the time the tests' files are stamped with.
var when = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

// forty is a text of 40 code points with no white space, so that a span
// is never trimmed.
const forty = "abcdefghijABCDEFGHIJklmnopqrstKLMNOPQRST"

// sp is a span to tag in a test file.
type sp struct {
	label      string
	start, end int
	attrs      map[string]string
}

// loadDoc loads text as a plain-text article.
func loadDoc(t testing.TB, text string) *annotate.Document {
	t.Helper()
	d, err := annotate.Load([]byte(text), annotate.Source{Name: "article.txt", MediaType: "text/plain; charset=utf-8"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fileOf returns the export of doc with spans tagged by author.
func fileOf(t testing.TB, doc *annotate.Document, author string, spans ...sp) annotate.File {
	t.Helper()
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	set.SetAuthor(author)
	set.SetClock(func() time.Time { return when })
	for _, s := range spans {
		a, err := set.Add(s.label, s.start, s.end)
		if err != nil {
			t.Fatal(err)
		}
		if a.Start != s.start || a.End != s.end {
			t.Fatalf("%s [%d, %d) was trimmed to [%d, %d)", s.label, s.start, s.end, a.Start, a.End)
		}
		for k, v := range s.attrs {
			if err := set.SetAttribute(a.ID, k, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	return annotate.NewFile(doc, set, nil, when)
}

// agree runs Agree on alice's and bob's spans over text.
func agree(t *testing.T, text string, alice, bob []sp) *Report {
	t.Helper()
	doc := loadDoc(t, text)
	if doc.Text().String() != text {
		t.Fatalf("the canonical text is %q, not %q", doc.Text().String(), text)
	}
	rep, err := Agree([]Annotator{{File: fileOf(t, doc, "alice", alice...)}, {File: fileOf(t, doc, "bob", bob...)}})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// is fails the test unless f is the figure want, within 1e-9.
func is(t *testing.T, what string, f Figure, want float64) {
	t.Helper()
	if !f.Valid {
		t.Errorf("%s is null, want %.6f", what, want)
		return
	}
	near(t, what, f.Value, want, 1e-9)
}

// null fails the test unless f is null.
func null(t *testing.T, what string, f Figure) {
	t.Helper()
	if f.Valid {
		t.Errorf("%s = %.6f, want null", what, f.Value)
	}
}

// scores checks precision, recall and F1; a NaN wants null.
func scores(t *testing.T, what string, s Scores, p, r, f1 float64) {
	t.Helper()
	for _, c := range []struct {
		name string
		f    Figure
		want float64
	}{{"precision", s.Precision, p}, {"recall", s.Recall, r}, {"F1", s.F1, f1}} {
		if c.want != c.want {
			null(t, what+" "+c.name, c.f)
		} else {
			is(t, what+" "+c.name, c.f, c.want)
		}
	}
}

var none = nan()

func nan() float64 { var z float64; return z / z }

// label returns the pair's figures for label l.
func label(t *testing.T, p Pair, l string) LabelScores {
	t.Helper()
	for _, ls := range p.Labels {
		if ls.Label == l {
			return ls
		}
	}
	t.Fatalf("no figures for %s", l)
	return LabelScores{}
}

func alphaLabel(t *testing.T, r *Report, l string) AlphaU {
	t.Helper()
	for _, a := range r.Unitizing.Labels {
		if a.Label == l {
			return a
		}
	}
	t.Fatalf("no α_u for %s", l)
	return AlphaU{}
}

// TestPerfectAgreement: alice and bob both tag claim [0, 10) and quote
// [20, 30) of 40 code points.
//
// Exact and overlap: every span matched, so precision, recall and F1 are
// 1 for claim, quote and overall; pledge, which neither used, is null.
// Kappa: categories claim 10, quote 10, none 20 for both; p_o = 1, p_e =
// (10² + 10² + 20²)/40² = 0.375, κ = 1. Per label, claim and quote are 1
// and pledge null (p_e = 1). α_u: D_o = 0 for both labels, so α_u = 1;
// pledge null.
func TestPerfectAgreement(t *testing.T) {
	spans := []sp{{label: "claim", start: 0, end: 10}, {label: "quote", start: 20, end: 30}}
	rep := agree(t, forty, spans, spans)
	p := rep.Pairs[0]
	if p.Reference != "alice" || p.Other != "bob" {
		t.Fatalf("the pair is %s, %s", p.Reference, p.Other)
	}
	scores(t, "exact", p.Exact, 1, 1, 1)
	scores(t, "overlap", p.Overlap, 1, 1, 1)
	scores(t, "claim exact", label(t, p, "claim").Exact, 1, 1, 1)
	scores(t, "pledge exact", label(t, p, "pledge").Exact, none, none, none)
	scores(t, "pledge overlap", label(t, p, "pledge").Overlap, none, none, none)
	is(t, "kappa", p.Kappa, 1)
	is(t, "claim kappa", label(t, p, "claim").Kappa, 1)
	null(t, "pledge kappa", label(t, p, "pledge").Kappa)
	is(t, "α_u", rep.AlphaU, 1)
	is(t, "claim α_u", alphaLabel(t, rep, "claim").AlphaU, 1)
	is(t, "quote α_u", alphaLabel(t, rep, "quote").AlphaU, 1)
	null(t, "pledge α_u", alphaLabel(t, rep, "pledge").AlphaU)
	if len(rep.Disagreements) != 0 {
		t.Errorf("disagreements: %+v", rep.Disagreements)
	}
}

// TestNoAgreement: alice tags claim [0, 10), bob claim [20, 30), of 40.
//
// Exact and overlap: 0 matched of 1 and 1: precision 0, recall 0, and F1
// 0 (both figures apply; they are 0).
// Kappa: they agree on [10, 20) and [30, 40): p_o = 20/40 = 0.5. Each has
// claim 10 and none 30: p_e = (10² + 30²)/40² = 0.625. κ = (0.5 -
// 0.625)/(1 - 0.625) = -1/3; claim's two categories are the same, so its
// kappa is -1/3 too.
// α_u of claim, L = 40, R = 2: each unit lies wholly in the other's gap
// (alice's [0,10) in bob's [0,20), bob's [20,30) in alice's [10,40)):
// sum 10² + 10² = 200, D_o = 2 × 200 / (2 × 1600) = 0.125. D_e: N_c = 2,
// Σ l(l-1) = 180, gaps 30 (alice), 20 and 10 (bob). Per unit (l = 10):
// (2-1)(2000 - 300 + 10)/3 = 570, plus 10² × ((30-9) + (20-9) + (10-9)) =
// 3300: 3870, twice: 7740; × 2/40 = 387; ÷ (80 × 79 - 180 = 6140):
// D_e = 387/6140 = 0.063029…; α_u = 1 - 0.125 × 6140/387 = -0.983204….
func TestNoAgreement(t *testing.T) {
	rep := agree(t, forty, []sp{{label: "claim", start: 0, end: 10}}, []sp{{label: "claim", start: 20, end: 30}})
	p := rep.Pairs[0]
	scores(t, "exact", p.Exact, 0, 0, 0)
	scores(t, "overlap", p.Overlap, 0, 0, 0)
	scores(t, "claim overlap", label(t, p, "claim").Overlap, 0, 0, 0)
	is(t, "kappa", p.Kappa, -1.0/3)
	is(t, "claim kappa", label(t, p, "claim").Kappa, -1.0/3)
	a := alphaLabel(t, rep, "claim")
	is(t, "claim D_o", a.Observed, 0.125)
	is(t, "claim D_e", a.Expected, 387.0/6140)
	is(t, "claim α_u", a.AlphaU, 1-0.125*6140/387)
	is(t, "α_u", rep.AlphaU, 1-0.125*6140/387)
	want := []struct {
		kind       Kind
		start, end int
	}{{Missing, 0, 10}, {Extra, 20, 30}}
	if len(rep.Disagreements) != len(want) {
		t.Fatalf("disagreements: %+v", rep.Disagreements)
	}
	for i, w := range want {
		d := rep.Disagreements[i]
		if d.Kind != w.kind || d.Start != w.start || d.End != w.end {
			t.Errorf("disagreement %d = %s [%d, %d), want %s [%d, %d)", i, d.Kind, d.Start, d.End, w.kind, w.start, w.end)
		}
	}
	if d := rep.Disagreements[0]; d.ReferenceSpan == nil || d.OtherSpan != nil || d.ReferenceSpan.Text != "abcdefghij" || d.ReferenceSpan.Annotator != "alice" {
		t.Errorf("the missing span is %+v / %+v", d.ReferenceSpan, d.OtherSpan)
	}
}

// TestPartialOverlap: alice tags claim [0, 10) and quote [20, 30); bob
// claim [5, 15) and quote [20, 30); 40 code points.
//
// Exact: claim 0 of 1 and 1 (P = R = F1 = 0), quote 1 of 1 (all 1);
// overall 1 matched of 2 and 2: P = R = F1 = 0.5. Overlap: the claims
// share [5, 10): 1 of 1, all 1; overall 1.
// Kappa: they agree on [5,10) claim, [15,20) none, [20,30) quote and
// [30,40) none: p_o = 30/40 = 0.75; each has claim 10, quote 10, none 20:
// p_e = 0.375; κ = (0.75 - 0.375)/0.625 = 0.6. Claim alone: covered 10
// and 10, both 5, neither 25: p_o = 0.75, p_e = (10×10 + 30×30)/1600 =
// 0.625, κ = 1/3.
// α_u of claim: the units overlap: (0-5)² + (10-15)² = 50; neither lies
// in a gap of the other. D_o = 2 × 50/(2 × 1600) = 0.03125. D_e: gaps 30
// (alice), 5 and 25 (bob); per unit 570 + 10² × ((30-9) + (25-9)) = 4270;
// twice, × 2/40 = 427; D_e = 427/6140; α_u = 1 - 0.03125 × 6140/427 =
// 0.550644…. Quote: D_o = 0, α_u = 1; D_e: gaps 20, 10, 20, 10, per unit
// 570 + 100 × (11 + 1 + 11 + 1) = 2970, twice × 2/40 = 297, D_e =
// 297/6140. Overall: D_o = (0.03125 + 0)/2, D_e = (427 + 297)/6140/2,
// α_u = 1 - 0.015625 × 12280/724 = 0.734979….
func TestPartialOverlap(t *testing.T) {
	rep := agree(t, forty,
		[]sp{{label: "claim", start: 0, end: 10}, {label: "quote", start: 20, end: 30}},
		[]sp{{label: "claim", start: 5, end: 15}, {label: "quote", start: 20, end: 30}})
	p := rep.Pairs[0]
	scores(t, "exact", p.Exact, 0.5, 0.5, 0.5)
	scores(t, "overlap", p.Overlap, 1, 1, 1)
	scores(t, "claim exact", label(t, p, "claim").Exact, 0, 0, 0)
	scores(t, "quote exact", label(t, p, "quote").Exact, 1, 1, 1)
	scores(t, "claim overlap", label(t, p, "claim").Overlap, 1, 1, 1)
	is(t, "kappa", p.Kappa, 0.6)
	is(t, "claim kappa", label(t, p, "claim").Kappa, 1.0/3)
	is(t, "quote kappa", label(t, p, "quote").Kappa, 1)
	is(t, "claim α_u", alphaLabel(t, rep, "claim").AlphaU, 1-0.03125*6140/427)
	is(t, "quote D_e", alphaLabel(t, rep, "quote").Expected, 297.0/6140)
	is(t, "quote α_u", alphaLabel(t, rep, "quote").AlphaU, 1)
	is(t, "α_u", rep.AlphaU, 1-0.015625*12280/724)
	if len(rep.Disagreements) != 1 {
		t.Fatalf("disagreements: %+v", rep.Disagreements)
	}
	d := rep.Disagreements[0]
	if d.Kind != Boundaries || d.Start != 0 || d.End != 15 || d.ReferenceSpan.Text != "abcdefghij" || d.OtherSpan.Text != "fghijABCDE" {
		t.Errorf("disagreement = %+v (%+v, %+v)", d, d.ReferenceSpan, d.OtherSpan)
	}
}

// TestLabelMissingFromOne: alice tags claim [0, 10) and pledge [20, 30);
// bob only claim [0, 10); 40 code points.
//
// Pledge: 0 matched, alice (the reference) 1, bob 0: precision null (bob
// has no pledge), recall 0, F1 null. Quote: neither used it: all null.
// Overall exact: 1 matched, 2 and 1: P = 1, R = 0.5, F1 = 2/3.
// Kappa: they agree on [0,10) claim, [10,20) and [30,40) none: p_o =
// 0.75; alice claim 10, pledge 10, none 20; bob claim 10, none 30: p_e =
// (100 + 0 + 600)/1600 = 0.4375; κ = 0.3125/0.5625 = 5/9. Pledge alone:
// p_o = 30/40, p_e = (10×0 + 30×40)/1600 = 0.75: κ = 0, a figure (bob's
// "never" is a choice). Quote alone: p_e = 1: null.
// α_u of pledge: alice's unit lies in bob's gap [0, 40): D_o = 2 × 100 /
// 3200 = 0.0625. D_e: N_c = 1 (first term 0), Σ l(l-1) = 90, gaps 40,
// 20, 10: 100 × (31 + 11 + 1) = 4300, × 2/40 = 215, ÷ (6320 - 90):
// D_e = 215/6230, α_u = 1 - 0.0625 × 6230/215 = -0.811046…. Claim:
// D_o = 0, D_e = 2 × (570 + 100 × 2 × 21) × 2/40 / 6140 = 477/6140.
// Quote is no category. Overall: α_u = 1 - (0.0625/2) / ((477/6140 +
// 215/6230)/2).
func TestLabelMissingFromOne(t *testing.T) {
	rep := agree(t, forty,
		[]sp{{label: "claim", start: 0, end: 10}, {label: "pledge", start: 20, end: 30}},
		[]sp{{label: "claim", start: 0, end: 10}})
	p := rep.Pairs[0]
	scores(t, "pledge exact", label(t, p, "pledge").Exact, none, 0, none)
	scores(t, "pledge overlap", label(t, p, "pledge").Overlap, none, 0, none)
	scores(t, "quote exact", label(t, p, "quote").Exact, none, none, none)
	scores(t, "exact", p.Exact, 1, 0.5, 2.0/3)
	is(t, "kappa", p.Kappa, 5.0/9)
	is(t, "pledge kappa", label(t, p, "pledge").Kappa, 0)
	null(t, "quote kappa", label(t, p, "quote").Kappa)
	is(t, "pledge α_u", alphaLabel(t, rep, "pledge").AlphaU, 1-0.0625*6230/215)
	is(t, "claim D_e", alphaLabel(t, rep, "claim").Expected, 477.0/6140)
	null(t, "quote α_u", alphaLabel(t, rep, "quote").AlphaU)
	is(t, "α_u", rep.AlphaU, 1-(0.0625/2)/((477.0/6140+215.0/6230)/2))

	// The other way round, bob is the reference: precision 0, recall null.
	doc := loadDoc(t, forty)
	rev, err := Agree([]Annotator{
		{File: fileOf(t, doc, "bob", sp{label: "claim", start: 0, end: 10})},
		{File: fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10}, sp{label: "pledge", start: 20, end: 30})}})
	if err != nil {
		t.Fatal(err)
	}
	scores(t, "pledge exact, reversed", label(t, rev.Pairs[0], "pledge").Exact, 0, none, none)
	if len(rep.Disagreements) != 1 || rep.Disagreements[0].Kind != Missing || rep.Disagreements[0].ReferenceSpan.Label != "pledge" {
		t.Errorf("disagreements: %+v", rep.Disagreements)
	}
}

// TestMaximumMatching: a case where pairing each span greedily with the
// one it shares most with makes fewer pairs than can be made. Alice (the
// reference) has claims X = [0, 10) and Y = [9, 20); bob P = [5, 15) and
// Q = [0, 3). X shares 5 code points with P and 3 with Q, so the greedy
// step pairs X with P; Y overlaps only P, already taken: 1 pair, recall
// 0.5. The augmenting path re-pairs X with Q and Y with P: 2 pairs, so
// precision, recall and F1 are 1. Exact: none.
func TestMaximumMatching(t *testing.T) {
	rep := agree(t, forty,
		[]sp{{label: "claim", start: 0, end: 10}, {label: "claim", start: 9, end: 20}},
		[]sp{{label: "claim", start: 5, end: 15}, {label: "claim", start: 0, end: 3}})
	p := rep.Pairs[0]
	scores(t, "overlap", p.Overlap, 1, 1, 1)
	scores(t, "exact", p.Exact, 0, 0, 0)
	if p.Overlap.Matched != 2 {
		t.Errorf("matched %d, want 2", p.Overlap.Matched)
	}
}

// TestOverlapOneToOne: one long span of alice against two short ones of
// bob inside it matches one of them only: precision 1/2, recall 1.
// F1 = 2 × 0.5 × 1 / 1.5 = 2/3.
func TestOverlapOneToOne(t *testing.T) {
	rep := agree(t, forty,
		[]sp{{label: "quote", start: 0, end: 20}},
		[]sp{{label: "quote", start: 2, end: 5}, {label: "quote", start: 8, end: 12}})
	scores(t, "overlap", rep.Pairs[0].Overlap, 0.5, 1, 2.0/3)
	// The larger share wins the greedy step: [8, 12) shares 4, [2, 5) 3;
	// so [2, 5) is the one left over, listed as extra. The boundaries
	// disagreement comes first: it spans [0, 20), from where the first of
	// its two spans starts.
	var kinds []string
	for _, d := range rep.Disagreements {
		kinds = append(kinds, string(d.Kind))
	}
	if got := strings.Join(kinds, " "); got != "boundaries extra" {
		t.Errorf("disagreements: %s", got)
	}
	if d := rep.Disagreements[0]; d.OtherSpan.Start != 8 || d.Start != 0 || d.End != 20 {
		t.Errorf("the boundaries pair is with %+v", d.OtherSpan)
	}
}

// TestNested: spans may nest in one annotator's work. Alice has claim
// [0, 20) with quote [5, 10) inside; bob has claim [0, 20) only. Kappa's
// categories are label sets: alice has claim 15, claim+quote 5, none 20;
// bob claim 20, none 20. They agree on claim [0,5) and [10,20) (15) and
// none (20): p_o = 35/40; p_e = (15×20 + 20×20)/1600 = 700/1600;
// κ = (35/40 - 7/16)/(9/16) = 7/9.
func TestNested(t *testing.T) {
	rep := agree(t, forty,
		[]sp{{label: "claim", start: 0, end: 20}, {label: "quote", start: 5, end: 10}},
		[]sp{{label: "claim", start: 0, end: 20}})
	is(t, "kappa", rep.Pairs[0].Kappa, 7.0/9)
	is(t, "claim kappa", label(t, rep.Pairs[0], "claim").Kappa, 1)
}

// TestLabelDiffers: same span, different labels; and attributes that
// differ on the same span and label.
func TestLabelDiffers(t *testing.T) {
	rep := agree(t, forty,
		[]sp{{label: "claim", start: 0, end: 10}, {label: "quote", start: 20, end: 30, attrs: map[string]string{"speaker": "Obama"}}},
		[]sp{{label: "pledge", start: 0, end: 10}, {label: "quote", start: 20, end: 30, attrs: map[string]string{"speaker": "Biden"}}})
	if len(rep.Disagreements) != 2 {
		t.Fatalf("disagreements: %+v", rep.Disagreements)
	}
	d := rep.Disagreements[0]
	if d.Kind != LabelDiffers || d.ReferenceSpan.Label != "claim" || d.OtherSpan.Label != "pledge" {
		t.Errorf("first disagreement: %+v (%+v, %+v)", d, d.ReferenceSpan, d.OtherSpan)
	}
	d = rep.Disagreements[1]
	if d.Kind != AttributesDiffer || d.ReferenceSpan.Attributes["speaker"] != "Obama" || d.OtherSpan.Attributes["speaker"] != "Biden" {
		t.Errorf("second disagreement: %+v (%+v, %+v)", d, d.ReferenceSpan, d.OtherSpan)
	}
	// The quote agrees in every figure: attributes are not spans.
	scores(t, "quote exact", label(t, rep.Pairs[0], "quote").Exact, 1, 1, 1)
}

// TestThreeAnnotators: pairs (0,1), (0,2), (1,2), and α_u over three
// raters. Each tags claim [0, 10) except carol, who tags claim [0, 5).
// α_u by hand, L = 40, R = 3: the pairs with carol each cost (0-0)² +
// (10-5)² = 25, alice-bob 0: sum 50, D_o = 2 × 50/(3 × 2 × 1600) =
// 100/9600. D_e: N_c = 3, Σ l(l-1) = 90 + 90 + 20 = 200; gaps 30, 30, 35.
// l = 10: (3-1)(2000 - 300 + 10)/3 = 1140, + 100 × (21 + 21 + 26) = 6800:
// 7940, twice: 15880. l = 5: 2 × (250 - 75 + 5)/3 = 120, + 25 × (26 + 26
// + 31) = 2075: 2195. Sum 18075 × 2/40 = 903.75, ÷ (120 × 119 - 200 =
// 14080): D_e = 903.75/14080; α_u = 1 - (100/9600)/(903.75/14080).
func TestThreeAnnotators(t *testing.T) {
	doc := loadDoc(t, forty)
	rep, err := Agree([]Annotator{
		{File: fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10})},
		{File: fileOf(t, doc, "bob", sp{label: "claim", start: 0, end: 10})},
		{File: fileOf(t, doc, "carol", sp{label: "claim", start: 0, end: 5})},
	})
	if err != nil {
		t.Fatal(err)
	}
	var pairs []string
	for _, p := range rep.Pairs {
		pairs = append(pairs, p.Reference+"-"+p.Other)
	}
	if got := strings.Join(pairs, " "); got != "alice-bob alice-carol bob-carol" {
		t.Fatalf("pairs: %s", got)
	}
	scores(t, "alice-bob exact", rep.Pairs[0].Exact, 1, 1, 1)
	scores(t, "alice-carol exact", rep.Pairs[1].Exact, 0, 0, 0)
	scores(t, "alice-carol overlap", rep.Pairs[1].Overlap, 1, 1, 1)
	a := alphaLabel(t, rep, "claim")
	is(t, "D_o", a.Observed, 100.0/9600)
	is(t, "D_e", a.Expected, 903.75/14080)
	is(t, "α_u", rep.AlphaU, 1-(100.0/9600)/(903.75/14080))
	if len(rep.Disagreements) != 2 || rep.Disagreements[0].Other != "carol" || rep.Disagreements[1].Reference != "bob" {
		t.Errorf("disagreements: %+v", rep.Disagreements)
	}
}

// TestUnicodeOffsets: a text with emoji (one with a skin-tone modifier,
// two code points), a flag (two regional indicators) and a combining
// accent. Offsets count code points, and so do kappa's items and α_u's
// continuum.
func TestUnicodeOffsets(t *testing.T) {
	text := "Le maire 👍🏽 a dit : « oui » à 🇫🇷 Cafe\u0301 ouvert"
	// Code points: "Le maire " 0-8, 👍 9, 🏽 10, " a dit : " 11-19,
	// "«" 20, " " 21, "oui" 22-24, " " 25, "»" 26, " à " 27-29, 🇫🇷 30-31,
	// " " 32, "Cafe" 33-36, U+0301 37, " ouvert" 38-44.
	n := utf8.RuneCountInString(text)
	doc := loadDoc(t, text)
	if doc.Text().String() != text {
		t.Fatalf("canonical text %q", doc.Text().String())
	}
	rep, err := Agree([]Annotator{
		{File: fileOf(t, doc, "alice", sp{label: "quote", start: 20, end: 27}, sp{label: "claim", start: 30, end: 38})},
		{File: fileOf(t, doc, "bob", sp{label: "quote", start: 22, end: 25}, sp{label: "claim", start: 9, end: 11})},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Document.Length != n || n != 45 {
		t.Fatalf("length %d, text has %d code points", rep.Document.Length, n)
	}
	texts := map[string]string{}
	for _, d := range rep.Disagreements {
		for _, r := range []*SpanRef{d.ReferenceSpan, d.OtherSpan} {
			if r != nil {
				texts[r.Annotator+" "+r.Label] = r.Text
			}
		}
	}
	for k, want := range map[string]string{"alice quote": "« oui »", "bob quote": "oui", "alice claim": "🇫🇷 Cafe\u0301", "bob claim": "👍🏽"} {
		if texts[k] != want {
			t.Errorf("%s: %q, want %q", k, texts[k], want)
		}
	}
	// Kappa by hand over 45 code points: alice quote 7, claim 8, none 30;
	// bob quote 3, claim 2, none 40. They agree on quote [22,25) (3) and
	// on none where neither tagged: 45 - 7 - 8 - 2 = 28. p_o = 31/45;
	// p_e = (7×3 + 8×2 + 30×40)/45² = 1237/2025.
	is(t, "kappa", rep.Pairs[0].Kappa, (31.0/45-1237.0/2025)/(1-1237.0/2025))
	// α_u of quote, L = 45: the units overlap: (20-22)² + (27-25)² = 8;
	// D_o = 2 × 8/(2 × 45²) = 8/2025.
	is(t, "quote D_o", alphaLabel(t, rep, "quote").Observed, 8.0/2025)
}

// TestTextDiffers: files of different texts are refused, with where they
// differ.
func TestTextDiffers(t *testing.T) {
	a := fileOf(t, loadDoc(t, "The minister said the plan was fair.\nIt was not."), "alice")
	b := fileOf(t, loadDoc(t, "The minister said the plan was fair.\nIt was so."), "bob")
	_, err := Agree([]Annotator{{Path: "alice.json", File: a}, {Path: "bob.json", File: b}})
	if !errors.Is(err, ErrTextDiffers) {
		t.Fatalf("err = %v, want ErrTextDiffers", err)
	}
	// The text is "…fair.\n\nIt was …" once loaded: paragraphs part by
	// a blank line.
	at := strings.Index(a.Document.Text, "not")
	line := strings.Count(a.Document.Text[:at], "\n") + 1
	col := utf8.RuneCountInString(a.Document.Text[strings.LastIndex(a.Document.Text[:at], "\n")+1:at]) + 1
	for _, want := range []string{`"alice.json"`, `"bob.json"`, "code point " + itoa(utf8.RuneCountInString(a.Document.Text[:at])),
		"line " + itoa(line) + ", column " + itoa(col), `"not."`, `"so."`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the message %q does not say %s", err, want)
		}
	}
	if _, err := Merge([]Annotator{{File: a}, {File: b}}, when); !errors.Is(err, ErrTextDiffers) {
		t.Errorf("Merge: err = %v, want ErrTextDiffers", err)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestTextPrefix: one text is the other with more after it.
func TestTextPrefix(t *testing.T) {
	a := fileOf(t, loadDoc(t, "Short text."), "alice")
	b := a
	b.Document.Text += " And more."
	_, err := Agree([]Annotator{{File: a}, {File: b}})
	if !errors.Is(err, ErrTextDiffers) || !strings.Contains(err.Error(), "the end of the text") || !strings.Contains(err.Error(), "code point 11") {
		t.Errorf("err = %v", err)
	}
}

// TestRefusals: one file, and a span outside the text.
func TestRefusals(t *testing.T) {
	doc := loadDoc(t, forty)
	f := fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10})
	if _, err := Agree([]Annotator{{File: f}}); !errors.Is(err, ErrTooFew) {
		t.Errorf("one file: %v", err)
	}
	g := fileOf(t, doc, "bob")
	g.Annotations = append(g.Annotations, annotate.Annotation{ID: "x", Label: "claim", Start: 30, End: 41})
	if _, err := Agree([]Annotator{{File: f}, {File: g}}); !errors.Is(err, ErrSpan) {
		t.Errorf("span past the end: %v", err)
	}
}

// TestNames: a file's name comes from Name, else its annotations'
// common author, else its path, else its place; the same name twice is
// told apart.
func TestNames(t *testing.T) {
	doc := loadDoc(t, forty)
	mixed := fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10})
	mixed.Annotations = append(mixed.Annotations, fileOf(t, doc, "bob", sp{label: "quote", start: 20, end: 30}).Annotations...)
	got := names([]Annotator{
		{Name: "given", File: mixed},
		{File: fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10})},
		{Path: "c.json", File: mixed},
		{File: mixed},
		{File: fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10})},
	})
	if s := strings.Join(got, "|"); s != "given|alice|c.json|annotator 4|alice (2)" {
		t.Errorf("names: %s", s)
	}
}

// TestOrphansDoNotCount: an orphan is no span.
func TestOrphansDoNotCount(t *testing.T) {
	doc := loadDoc(t, forty)
	a := fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10})
	b := fileOf(t, doc, "bob", sp{label: "claim", start: 0, end: 10})
	b.Orphans = []annotate.Annotation{{ID: "o", Label: "claim", Start: 20, End: 30, Anchor: annotate.AnchorOrphan}}
	rep, err := Agree([]Annotator{{File: a}, {File: b}})
	if err != nil {
		t.Fatal(err)
	}
	scores(t, "exact", rep.Pairs[0].Exact, 1, 1, 1)
	if rep.Annotators[1].Orphans != 1 || rep.Annotators[1].Spans != 1 {
		t.Errorf("annotators: %+v", rep.Annotators)
	}
}

// TestReportJSON: the numbers are named precision, recall, f1, kappa and
// alpha_u, and a figure that does not apply is null.
func TestReportJSON(t *testing.T) {
	rep := agree(t, forty,
		[]sp{{label: "claim", start: 0, end: 10}, {label: "pledge", start: 20, end: 30}},
		[]sp{{label: "claim", start: 0, end: 10}})
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, want := range []string{`"precision":1`, `"recall":0.5`, `"f1":0.6666666666666666`, `"kappa":0.5555555555555556`,
		`"alpha_u":`, `{"label":"pledge","exact":{"matched":0,"reference":1,"other":0,"precision":null,"recall":0,"f1":null}`,
		`{"label":"quote","observed":null,"expected":null,"alpha_u":null}`} {
		if !strings.Contains(s, want) {
			t.Errorf("the JSON has no %s:\n%s", want, s)
		}
	}
	// It reads back the same.
	var back Report
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(&back)
	if string(again) != s {
		t.Errorf("the JSON does not read back the same:\n%s\n%s", s, again)
	}
}

// TestFromFiles: the two ways doc.go gives of reading a file, Import and
// encoding/json, give the same figures as the file itself.
func TestFromFiles(t *testing.T) {
	doc := loadDoc(t, forty)
	a := fileOf(t, doc, "alice", sp{label: "claim", start: 0, end: 10}, sp{label: "quote", start: 20, end: 30})
	b := fileOf(t, doc, "bob", sp{label: "claim", start: 5, end: 15}, sp{label: "quote", start: 20, end: 30})
	want, err := Agree([]Annotator{{File: a}, {File: b}})
	if err != nil {
		t.Fatal(err)
	}
	read := func(f annotate.File) (imported, decoded annotate.File) {
		data, err := f.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		im, err := annotate.Import(data)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &decoded); err != nil {
			t.Fatal(err)
		}
		return annotate.NewFile(im.Document, im.Set, im.Orphans, when), decoded
	}
	ai, ad := read(a)
	bi, bd := read(b)
	for _, as := range [][]Annotator{{{File: ai}, {File: bi}}, {{File: ad}, {File: bd}}} {
		got, err := Agree(as)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("read back:\n%s\nwant\n%s", g, w)
		}
	}
}

// TestNothingTagged: neither annotator tagged anything. No figure
// applies: precision and recall divide by 0 spans; kappa's p_e is 1
// (every code point "none" for both); α_u has no category. All null, and
// no disagreement.
func TestNothingTagged(t *testing.T) {
	rep := agree(t, forty, nil, nil)
	p := rep.Pairs[0]
	scores(t, "exact", p.Exact, none, none, none)
	scores(t, "overlap", p.Overlap, none, none, none)
	null(t, "kappa", p.Kappa)
	null(t, "α_u", rep.AlphaU)
	null(t, "D_o", rep.Unitizing.Observed)
	if len(rep.Disagreements) != 0 {
		t.Errorf("disagreements: %+v", rep.Disagreements)
	}
	data, _ := json.Marshal(rep)
	if !strings.Contains(string(data), `"kappa":null`) || !strings.Contains(string(data), `"alpha_u":null`) {
		t.Errorf("JSON: %s", data)
	}
}
