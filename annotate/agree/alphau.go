package agree

// This file is Krippendorff's alpha for unitized data, α_u (Krippendorff
// 1995, "On the reliability of unitizing contiguous data"; 2004, "Content
// Analysis", 2nd edition), computed as DKPro Statistics computes it, so
// that a team can set our figures beside those of DKPro and INCEpTION,
// which uses it. It follows, step by step,
//
//	dkpro-statistics-agreement/src/main/java/org/dkpro/statistics/agreement/unitizing/KrippendorffAlphaUnitizingAgreement.java
//
// of github.com/dkpro/dkpro-statistics (as at commit 540fdd1d), with the
// study of UnitizingAnnotationStudy.java, the order of its units in
// UnitizingAnnotationUnit.java and the 1 - D_o/D_e of
// DisagreementMeasure.java. Its tests (Krippendorff1995Test,
// Krippendorff2004Test, UnitizingAgreementTest) are reproduced in
// alphau_test.go.
//
//   - The continuum is the text, code points 0 to its length L. Every
//     annotator is a rater, whether or not they tagged anything; every
//     label is a category.
//   - For one category, a rater's units are their spans of that label;
//     the stretches between them, and before the first and after the
//     last, are the rater's gaps. DKPro requires that one rater's units of
//     one category do not overlap; here, spans of one label that one
//     annotator made overlap or nest are taken as one unit, their union
//     (they cover their code points once, as in kappa.go). Spans that
//     only touch stay two units, as in DKPro.
//   - Observed disagreement of category c: for every pair of raters, walk
//     both raters' units and gaps together, as DKPro's sweep does, and
//     add for each pair of sections that meet the distance of
//     measureDistance: two units that overlap cost (Δstart)² + (Δend)²; a
//     unit that lies wholly inside the other rater's gap costs its length
//     squared; anything else costs 0. D_o(c) = 2 · sum / (R L²).
//   - Expected disagreement of category c, over all raters' units u of c
//     (N_c of them) and all raters' gaps g of c:
//     D_e(c) = (2/L) · Σ_u [ (N_c - 1)(2l³ - 3l² + l)/3 + l² Σ_{g ≥ l} (g - l + 1) ]
//     / (R L (R L - 1) - Σ_u l (l - 1)), with l the length of u.
//   - α_u(c) = 1 - D_o(c)/D_e(c). Overall, D_o and D_e are the means of
//     D_o(c) and D_e(c) over the categories some rater used, and α_u = 1 -
//     D_o/D_e.
//
// Where DKPro returns 0 because D_o = D_e = 0 (no unit at all, or a text
// of one code point), or would divide by a D_e of 0, the figure here is
// null: it does not apply. A label no annotator used is null too; DKPro
// does not know of it. Everywhere else the figures are DKPro's.
//
// INCEpTION counts offsets in UTF-16 code units, as Java strings do; the
// continuum here counts code points, as every offset of this annotator
// does. On a text with characters outside the Basic Multilingual Plane
// (most emoji), lengths differ and so may the last digits.

import (
	"cmp"
	"slices"
)

// unit is a stretch of the continuum, [start, end).
type unit struct{ start, end int }

// AlphaU is α_u for one label, or for all together.
type AlphaU struct {
	// Label is the label, or "" for all labels.
	Label string `json:"label"`
	// Observed and Expected are the disagreements D_o and D_e.
	Observed Figure `json:"observed"`
	Expected Figure `json:"expected"`
	// AlphaU is 1 - D_o/D_e.
	AlphaU Figure `json:"alpha_u"`
}

// unitsOf returns the units of one label of one rater: spans sorted by
// start, their overlaps joined.
func unitsOf(spans []span) []unit {
	var out []unit
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, sp.end)
			continue
		}
		out = append(out, unit{sp.start, sp.end})
	}
	return out
}

// alphaU returns α_u per label and overall; byRater[r][label] are the
// spans of rater r with that label, sorted by start; n is the length of
// the text.
func alphaU(byRater [][][]span, labels []string, n int) (AlphaU, []AlphaU) {
	perLabel := make([]AlphaU, len(labels))
	var sumO, sumE float64
	used := 0
	for k, name := range labels {
		perLabel[k].Label = name
		units := make([][]unit, len(byRater))
		any := false
		for r := range byRater {
			units[r] = unitsOf(byRater[r][k])
			any = any || len(units[r]) > 0
		}
		if !any || n == 0 {
			continue
		}
		dO, dE := observed(units, 0, n), expected(units, 0, n)
		perLabel[k] = newAlphaU(name, dO, dE)
		sumO += dO
		sumE += dE
		used++
	}
	if used == 0 {
		return AlphaU{}, perLabel
	}
	return newAlphaU("", sumO/float64(used), sumE/float64(used)), perLabel
}

// newAlphaU returns 1 - dO/dE with its parts; null when dE is 0.
func newAlphaU(label string, dO, dE float64) AlphaU {
	a := AlphaU{Label: label, Observed: Of(dO), Expected: Of(dE)}
	if dE != 0 {
		a.AlphaU = Of(1 - dO/dE)
	}
	return a
}

// observed returns D_o of one category over the continuum [begin,
// begin+length); units[r] are rater r's units of it, sorted and disjoint.
func observed(units [][]unit, begin, length int) float64 {
	var sum int64
	for r1 := range units {
		for r2 := r1 + 1; r2 < len(units); r2++ {
			sum += sweep(units[r1], units[r2], begin, length)
		}
	}
	r, l := float64(len(units)), float64(length)
	return 2 * float64(sum) / (r * (r - 1) * l * l)
}

// section is a unit or a gap of one rater, as the sweep meets it.
type section struct {
	offset, length int
	unit           bool // a unit of the category, not a gap
	next           int  // the index of the rater's next unit
}

// advance moves s on to the section that starts at pos: the next unit if
// it starts there, else the gap up to it (or to the end).
func (s *section) advance(us []unit, pos, end int) {
	if s.next < len(us) && us[s.next].start == pos {
		s.length, s.unit = us[s.next].end-pos, true
		s.next++
	} else {
		to := end
		if s.next < len(us) {
			to = us[s.next].start
		}
		s.length, s.unit = to-pos, false
	}
	s.offset = pos
}

// sweep walks two raters' sections together, as DKPro's
// calculateObservedCategoryDisagreement does, and sums the distances of
// the pairs of sections that meet. Like DKPro, it stops once both raters'
// units have all been met: what follows is gaps against gaps, or a unit
// against a gap that began after it, which cost nothing.
func sweep(u1, u2 []unit, begin, length int) int64 {
	end := begin + length
	s1 := section{offset: begin}
	s2 := section{offset: begin}
	var sum int64
	for pos := begin; pos < end && (s1.next < len(u1) || s2.next < len(u2)); {
		if pos == s1.offset+s1.length {
			s1.advance(u1, pos, end)
		}
		if pos == s2.offset+s2.length {
			s2.advance(u2, pos, end)
		}
		sum += distance(s1, s2)
		pos = min(s1.offset+s1.length, s2.offset+s2.length)
	}
	return sum
}

// distance is DKPro's measureDistance of two sections.
func distance(a, b section) int64 {
	begin := int64(a.offset - b.offset)
	diff := int64(a.length - b.length)
	la, lb := int64(a.length), int64(b.length)
	switch {
	case a.unit && b.unit && -la < begin && begin < lb:
		return begin*begin + (begin+diff)*(begin+diff)
	case a.unit && !b.unit && -diff >= begin && begin >= 0:
		return la * la
	case !a.unit && b.unit && -diff <= begin && begin <= 0:
		return lb * lb
	}
	return 0
}

// expected returns D_e of one category over the continuum [begin,
// begin+length); units[r] are rater r's units of it, sorted and disjoint.
func expected(units [][]unit, begin, length int) float64 {
	nc := 0
	var squares float64 // Σ l(l-1)
	var gaps []int
	for _, us := range units {
		pos := begin
		for _, u := range us {
			nc++
			l := float64(u.end - u.start)
			squares += l * (l - 1)
			if u.start > pos {
				gaps = append(gaps, u.start-pos)
			}
			pos = u.end
		}
		if pos < begin+length {
			gaps = append(gaps, begin+length-pos)
		}
	}
	// Gaps from the longest; sums[k] is the sum of the k longest, so that
	// Σ_{g ≥ l} (g - l + 1) = sums[k] - k(l - 1) with k gaps of length ≥ l.
	slices.SortFunc(gaps, func(a, b int) int { return cmp.Compare(b, a) })
	sums := make([]int64, len(gaps)+1)
	for k, g := range gaps {
		sums[k+1] = sums[k] + int64(g)
	}
	var total float64
	for _, us := range units {
		for _, u := range us {
			l := u.end - u.start
			fl := float64(l)
			total += float64(nc-1) * (2*fl*fl*fl - 3*fl*fl + fl) / 3
			// k counts the gaps at least as long as l: gaps[:k].
			k, _ := slices.BinarySearchFunc(gaps, l, func(g, l int) int {
				if g >= l {
					return -1
				}
				return +1
			})
			total += fl * fl * float64(sums[k]-int64(k)*int64(l-1))
		}
	}
	r, L := float64(len(units)), float64(length)
	return total * (2 / L) / (r*L*(r*L-1) - squares)
}
