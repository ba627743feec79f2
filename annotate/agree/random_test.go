package agree

import (
	"math"
	"math/rand/v2"
	"testing"
)

// These tests check the quick computations against slow, obvious ones on
// random spans: the maximum matching against every matching, kappa's
// segments against one code point at a time, and α_u's sweep and sums
// against the definition written out.

// randomSpans returns up to n spans of labels 0 to labels-1 on a text of
// length code points, sorted, none the same.
func randomSpans(rng *rand.Rand, n, labels, length int) []span {
	var out []span
	for range rng.IntN(n + 1) {
		s := rng.IntN(length - 1)
		e := s + 1 + rng.IntN(min(length-s, 12))
		out = append(out, span{label: rng.IntN(labels), start: s, end: min(e, length)})
	}
	return dedupe(out)
}

func dedupe(spans []span) []span {
	sortSpans(spans)
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1].label == s.label && out[n-1].start == s.start && out[n-1].end == s.end {
			continue
		}
		out = append(out, s)
	}
	for k := range out {
		out[k].ann = k
	}
	return out
}

func sortSpans(spans []span) {
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && compareSpans(spans[j], spans[j-1]) < 0; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
}

// bruteMatching returns the size of a largest matching of a with b by
// overlap, trying every matching.
func bruteMatching(a, b []span, used []bool) int {
	if len(a) == 0 {
		return 0
	}
	best := bruteMatching(a[1:], b, used) // a[0] unpaired
	for y := range b {
		if !used[y] && shared(a[0], b[y]) > 0 {
			used[y] = true
			best = max(best, 1+bruteMatching(a[1:], b, used))
			used[y] = false
		}
	}
	return best
}

func TestOverlapMatchesIsMaximum(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 3000 {
		a := randomSpans(rng, 7, 1, 30)
		b := randomSpans(rng, 7, 1, 30)
		got := overlapMatches(a, b)
		want := bruteMatching(a, b, make([]bool, len(b)))
		if len(got) != want {
			t.Fatalf("round %d: %d pairs, a largest matching has %d\na = %v\nb = %v", round, len(got), want, a, b)
		}
		seenB := map[int]bool{}
		for _, m := range got {
			if seenB[m[1]] || shared(a[m[0]], b[m[1]]) == 0 {
				t.Fatalf("round %d: the pair %v is not one to one or does not overlap", round, m)
			}
			seenB[m[1]] = true
		}
	}
}

// slowKappa computes kappa one code point at a time.
func slowKappa(si, sj []span, n int) Figure {
	maskAt := func(spans []span, p int) uint64 {
		var m uint64
		for _, s := range spans {
			if s.start <= p && p < s.end {
				m |= 1 << s.label
			}
		}
		return m
	}
	agree := 0
	ci, cj := map[uint64]int{}, map[uint64]int{}
	for p := range n {
		mi, mj := maskAt(si, p), maskAt(sj, p)
		if mi == mj {
			agree++
		}
		ci[mi]++
		cj[mj]++
	}
	po := float64(agree) / float64(n)
	pe := 0.0
	for c, k := range ci {
		pe += float64(k) / float64(n) * float64(cj[c]) / float64(n)
	}
	if pe == 1 {
		return Figure{}
	}
	return Of((po - pe) / (1 - pe))
}

func TestKappaSegments(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for round := range 2000 {
		n := 2 + rng.IntN(40)
		si, sj := randomSpans(rng, 6, 3, n), randomSpans(rng, 6, 3, n)
		got, _ := kappas(segments(si, n), segments(sj, n), n, 3)
		want := slowKappa(si, sj, n)
		if got.Valid != want.Valid || math.Abs(got.Value-want.Value) > 1e-9 {
			t.Fatalf("round %d: kappa %v, one code point at a time %v\ni = %v\nj = %v", round, got, want, si, sj)
		}
	}
}

// slowObserved is D_o by the definition: for each pair of raters, every
// two units that overlap cost (Δstart)² + (Δend)², and every unit that
// lies wholly in a gap of the other rater costs its length squared.
func slowObserved(units [][]unit, length int) float64 {
	gapsOf := func(us []unit) []unit {
		var out []unit
		pos := 0
		for _, u := range us {
			if u.start > pos {
				out = append(out, unit{pos, u.start})
			}
			pos = u.end
		}
		if pos < length {
			out = append(out, unit{pos, length})
		}
		return out
	}
	inGap := func(u unit, gaps []unit) bool {
		for _, g := range gaps {
			if g.start <= u.start && u.end <= g.end {
				return true
			}
		}
		return false
	}
	sum := 0.0
	for r1 := range units {
		for r2 := r1 + 1; r2 < len(units); r2++ {
			for _, u := range units[r1] {
				for _, v := range units[r2] {
					if u.start < v.end && v.start < u.end {
						ds, de := float64(u.start-v.start), float64(u.end-v.end)
						sum += ds*ds + de*de
					}
				}
				if inGap(u, gapsOf(units[r2])) {
					sum += float64((u.end - u.start) * (u.end - u.start))
				}
			}
			for _, v := range units[r2] {
				if inGap(v, gapsOf(units[r1])) {
					sum += float64((v.end - v.start) * (v.end - v.start))
				}
			}
		}
	}
	r, l := float64(len(units)), float64(length)
	return 2 * sum / (r * (r - 1) * l * l)
}

// slowExpected is D_e as DKPro loops over it: every unit against every
// gap at least as long.
func slowExpected(units [][]unit, length int) float64 {
	nc, squares := 0, 0.0
	var gaps []int
	for _, us := range units {
		pos := 0
		for _, u := range us {
			nc++
			l := float64(u.end - u.start)
			squares += l * (l - 1)
			if u.start > pos {
				gaps = append(gaps, u.start-pos)
			}
			pos = u.end
		}
		if pos < length {
			gaps = append(gaps, length-pos)
		}
	}
	total := 0.0
	for _, us := range units {
		for _, u := range us {
			l := float64(u.end - u.start)
			total += float64(nc-1) * (2*l*l*l - 3*l*l + l) / 3
			s := 0.0
			for _, g := range gaps {
				if float64(g) >= l {
					s += float64(g) - l + 1
				}
			}
			total += l * l * s
		}
	}
	r, L := float64(len(units)), float64(length)
	return total * 2 / L / (r*L*(r*L-1) - squares)
}

func TestAlphaUAgainstDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	for round := range 2000 {
		n := 2 + rng.IntN(50)
		raters := 2 + rng.IntN(3)
		units := make([][]unit, raters)
		for r := range units {
			units[r] = unitsOf(randomSpans(rng, 5, 1, n))
		}
		if got, want := observed(units, 0, n), slowObserved(units, n); math.Abs(got-want) > 1e-12 {
			t.Fatalf("round %d: D_o %v, by the definition %v\nunits %v, length %d", round, got, want, units, n)
		}
		if got, want := expected(units, 0, n), slowExpected(units, n); math.Abs(got-want) > 1e-12 && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("round %d: D_e %v, as DKPro loops %v\nunits %v, length %d", round, got, want, units, n)
		}
	}
}
