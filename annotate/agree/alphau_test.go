package agree

import (
	"math"
	"testing"
)

// near fails the test unless got is want within tol.
func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > tol {
		t.Errorf("%s = %.6f, want %.6f (± %g)", what, got, want, tol)
	}
}

// stretched returns the units [start, start+length) of a DKPro test, each
// multiplied by stretch as DKPro's createExample does ((int) (x * stretch)).
func stretched(stretch float64, ul ...[2]int) []unit {
	var out []unit
	for _, x := range ul {
		s, l := int(float64(x[0])*stretch), int(float64(x[1])*stretch)
		out = append(out, unit{s, s + l})
	}
	return out
}

// alphaOf returns α_u of one category as DKPro's calculateCategoryAgreement
// does it (1 - D_o/D_e).
func alphaOf(units [][]unit, begin, length int) (dO, dE, alpha float64) {
	dO, dE = observed(units, begin, length), expected(units, begin, length)
	return dO, dE, 1 - dO/dE
}

// TestAlphaUHandWorked is DKPro's UnitizingAgreementTest.createExample,
// worked by hand. Continuum of L = 10, R = 2 raters, one category A:
//
//	r0: -11111111-   one unit [1, 9), length 8
//	r1: --1-1-1---   units [2, 3), [4, 5), [6, 7), length 1 each
//
// Observed: the units that overlap cost (Δstart)² + (Δend)²:
// [1,9) against [2,3): 1 + 36 = 37; against [4,5): 9 + 16 = 25; against
// [6,7): 25 + 4 = 29; sum 91. No unit lies wholly in the other's gap
// (r0's gaps are [0,1) and [9,10); r1's [0,2), [3,4), [5,6), [7,10)).
// D_o = 2 × 91 / (R(R-1) L²) = 182 / 200 = 0.91.
//
// Expected: N_c = 4 units; Σ l(l-1) = 56; the gaps, longest first, are
// 3, 2, 1, 1, 1, 1. For l = 8: (N_c-1)(2·512 - 3·64 + 8)/3 = 840, and no
// gap is 8 long. For each l = 1: (N_c-1)·0/3 = 0, and 1² × Σ (g - 1 + 1)
// = 9. Sum 840 + 27 = 867; × 2/L = 173.4; ÷ (R L (R L - 1) - 56 = 324)
// gives D_e = 0.535185…, and α_u = 1 - 0.91 / 0.535185 = -0.700346….
// DKPro's test asserts 0.9100, 0.5351 and -0.7003.
func TestAlphaUHandWorked(t *testing.T) {
	units := [][]unit{{{1, 9}}, {{2, 3}, {4, 5}, {6, 7}}}
	dO, dE, alpha := alphaOf(units, 0, 10)
	near(t, "D_o", dO, 0.91, 1e-12)
	near(t, "D_e", dE, 173.4/324, 1e-12)
	near(t, "α_u", alpha, 1-0.91/(173.4/324), 1e-12)
	near(t, "α_u (DKPro's figure)", alpha, -0.7003, 0.0001)
}

// TestAlphaUKrippendorff2004 reproduces DKPro's Krippendorff2004Test: the
// example of Krippendorff (2004, p. 254), a continuum from 150 of length
// 300, two raters, categories c and k.
func TestAlphaUKrippendorff2004(t *testing.T) {
	c := [][]unit{{{225, 295}, {370, 400}}, {{220, 300}, {355, 375}, {400, 420}}}
	k := [][]unit{{{180, 240}, {300, 350}}, {{180, 240}, {300, 350}}}
	dO, dE, alpha := alphaOf(c, 150, 300)
	near(t, "D_o(c)", dO, 0.0144, 0.0001)
	near(t, "D_e(c)", dE, 0.0532, 0.0001)
	near(t, "α_u(c)", alpha, 0.7286, 0.0001)
	dOk, dEk, alphaK := alphaOf(k, 150, 300)
	near(t, "D_o(k)", dOk, 0, 0.0001)
	near(t, "D_e(k)", dEk, 0.0490, 0.0001)
	near(t, "α_u(k)", alphaK, 1, 0.0001)
	overall := 1 - (dO+dOk)/2/((dE+dEk)/2)
	near(t, "α_u", overall, 0.8591, 0.0005)

	// The distances of DKPro's testDistanceMetric2.
	for _, c := range []struct {
		a, b section
		want int64
	}{
		{section{offset: 225, length: 70, unit: true}, section{offset: 220, length: 80, unit: true}, 50},
		{section{offset: 370, length: 30, unit: true}, section{offset: 355, length: 20, unit: true}, 850},
		{section{offset: 400, length: 50}, section{offset: 400, length: 20, unit: true}, 400},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%+v, %+v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// krippendorff1995 is the example of Krippendorff (1995, p. 57) as DKPro's
// Krippendorff1995Test.createExample builds it: two raters, categories A
// to D, a continuum of 24 × stretch.
func krippendorff1995(stretch float64) map[string][][]unit {
	return map[string][][]unit{
		"A": {stretched(stretch, [2]int{2, 8}, [2]int{14, 6}), stretched(stretch, [2]int{4, 4}, [2]int{15, 2})},
		"B": {stretched(stretch, [2]int{0, 18}), stretched(stretch, [2]int{0, 2}, [2]int{2, 1}, [2]int{3, 1}, [2]int{4, 1}, [2]int{5, 1}, [2]int{6, 3}, [2]int{9, 1})},
		"C": {stretched(stretch, [2]int{2, 6}, [2]int{10, 2}, [2]int{14, 4}, [2]int{20, 2}), stretched(stretch, [2]int{0, 2}, [2]int{4, 4}, [2]int{10, 4}, [2]int{16, 2}, [2]int{20, 2})},
		"D": {stretched(stretch, [2]int{0, 2}, [2]int{2, 8}, [2]int{10, 4}, [2]int{14, 6}, [2]int{20, 4}), stretched(stretch, [2]int{0, 4}, [2]int{4, 4}, [2]int{8, 7}, [2]int{15, 2}, [2]int{17, 7})},
	}
}

// TestAlphaUKrippendorff1995 reproduces DKPro's Krippendorff1995Test, with
// its tolerances: the observed disagreements at stretch 1, and the
// expected ones and α_u at stretch 50,000, where the continuum is long
// enough for the figures of the paper.
func TestAlphaUKrippendorff1995(t *testing.T) {
	ex := krippendorff1995(1)
	for cat, want := range map[string]float64{"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715} {
		near(t, "D_o("+cat+")", observed(ex[cat], 0, 24), want, 0.00001)
	}
	const stretch = 1200000 / 24
	ex = krippendorff1995(stretch)
	for cat, want := range map[string][2]float64{"A": {0.06990, 0.553}, "B": {1.17731, -0.926}, "C": {0.08642, 0.679}, "D": {0.41445, 0.066}} {
		_, dE, alpha := alphaOf(ex[cat], 0, 24*stretch)
		near(t, "D_e("+cat+")", dE, want[0], 0.005)
		near(t, "α_u("+cat+")", alpha, want[1], 0.02)
	}
	// testVaryingLengths: category C at growing stretches.
	for _, c := range []struct{ stretch, dE, alpha, tol float64 }{
		{12.0 / 24, 0.05494, 0.494, 0.00001}, {120.0 / 24, 0.08234, 0.663, 0.005}, {1200.0 / 24, 0.08600, 0.677, 0.005},
		{12000.0 / 24, 0.08638, 0.678, 0.005}, {120000.0 / 24, 0.08642, 0.679, 0.005},
	} {
		length := int(24 * c.stretch)
		dO, dE, alpha := alphaOf(krippendorff1995(c.stretch)["C"], 0, length)
		near(t, "D_o(C)", dO, 0.02777, 0.00001)
		near(t, "D_e(C)", dE, c.dE, c.tol)
		near(t, "α_u(C)", alpha, c.alpha, 0.02)
	}
}

// TestAlphaUSingleUnit is DKPro's testSingleAnnotationUnit: three raters,
// a continuum of 20, one unit [0, 1) of rater 0. By hand: D_o sums 1 for
// each of the pairs (0,1) and (0,2), whose second rater's gap [0, 20)
// holds the unit: 2 × 2 / (3 × 2 × 400) = 1/600. D_e: N_c = 1, so the
// first term is 0; the gaps are 20, 20 and 19, so 1² × (20 + 20 + 19) =
// 59; × 2/20 = 5.9; ÷ (60 × 59 - 0) = 1/600. D_o = D_e: α_u = 0, as DKPro
// says.
func TestAlphaUSingleUnit(t *testing.T) {
	dO, dE, alpha := alphaOf([][]unit{{{0, 1}}, nil, nil}, 0, 20)
	near(t, "D_o", dO, 1.0/600, 1e-15)
	near(t, "D_e", dE, 1.0/600, 1e-15)
	near(t, "α_u", alpha, 0, 1e-12)
}

// TestAlphaUDistance reproduces DKPro's distance tests
// (UnitizingAgreementTest.testDistanceMetric and
// Krippendorff2004Test.testDistanceMetric1).
func TestAlphaUDistance(t *testing.T) {
	s := func(offset, length int, unit bool) section {
		return section{offset: offset, length: length, unit: unit}
	}
	for _, c := range []struct {
		a, b section
		want int64
	}{
		{s(0, 1, false), s(0, 2, false), 0},
		{s(1, 8, true), s(0, 2, false), 0},
		{s(1, 8, true), s(2, 1, true), 37},
		{s(1, 8, true), s(3, 1, false), 0},
		{s(1, 8, true), s(4, 1, true), 25},
		{s(1, 8, true), s(5, 1, false), 0},
		{s(1, 8, true), s(6, 1, true), 29},
		{s(1, 8, true), s(7, 4, false), 0},
		{s(9, 2, false), s(7, 4, false), 0},
		{s(5, 6, true), s(4, 2, true), 26},
		{s(5, 6, true), s(5, 2, true), 16},
		{s(5, 6, true), s(6, 2, true), 10},
		{s(5, 6, true), s(7, 2, true), 8},
		{s(5, 6, true), s(6, 4, true), 2},
		{s(5, 6, true), s(5, 6, true), 0},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%+v, %+v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	if got := distance(s(2, 3, false), s(2, 2, true)) + distance(s(5, 6, true), s(4, 7, false)); got != 40 {
		t.Errorf("testDistanceMetric1's first sum = %d, want 40", got)
	}
	if got := distance(s(3, 2, false), s(3, 2, true)) + distance(s(5, 6, true), s(5, 6, false)); got != 40 {
		t.Errorf("testDistanceMetric1's second sum = %d, want 40", got)
	}
}

// TestUnitsOf: overlapping and nested spans of one label join into one
// unit; spans that only touch stay two.
func TestUnitsOf(t *testing.T) {
	got := unitsOf([]span{{start: 0, end: 5}, {start: 2, end: 4}, {start: 3, end: 8}, {start: 8, end: 10}, {start: 12, end: 13}})
	want := []unit{{0, 8}, {8, 10}, {12, 13}}
	if len(got) != len(want) {
		t.Fatalf("unitsOf = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("unitsOf = %v, want %v", got, want)
		}
	}
}
