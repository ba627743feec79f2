package agree

// This file is Cohen's kappa over every code point of the text. A code
// point's category, for one annotator, is the set of labels whose spans
// cover it, taken as one category: "none", "claim", "quote", or "claim +
// quote" where a quote nests in a claim. Two annotators agree on a code
// point when they give it the same set. Spans of one label that overlap
// or nest cover their code points once.
//
//	kappa = (p_o - p_e) / (1 - p_e)
//
// where p_o is the share of code points on which the two agree and p_e
// the sum, over the categories, of the products of the shares each
// annotator gave that category. Kappa is null when p_e is 1: both put
// every code point in the same one category (neither tagged anything,
// say), and there is nothing to correct for chance.
//
// Per label, kappa is the same over two categories: the label covers the
// code point, or it does not.

import (
	"cmp"
	"math/bits"
	"slices"
)

// segment says that from code point at, up to the next segment, the code
// points are covered by the labels of mask (bit k for label k).
type segment struct {
	at   int
	mask uint64
}

// segments returns the coverage of spans over a text of n code points:
// segments from 0, in order, each with a mask that differs from the one
// before.
func segments(spans []span, n int) []segment {
	type edge struct{ at, label, delta int }
	edges := make([]edge, 0, 2*len(spans))
	for _, sp := range spans {
		edges = append(edges, edge{sp.start, sp.label, +1}, edge{sp.end, sp.label, -1})
	}
	slices.SortFunc(edges, func(a, b edge) int { return cmp.Compare(a.at, b.at) })
	var depth [64]int
	out := make([]segment, 1, len(edges)+1)
	var mask uint64
	for k := 0; k < len(edges); {
		at := edges[k].at
		for ; k < len(edges) && edges[k].at == at; k++ {
			e := edges[k]
			depth[e.label] += e.delta
			if depth[e.label] > 0 {
				mask |= 1 << e.label
			} else {
				mask &^= 1 << e.label
			}
		}
		if at >= n {
			break
		}
		// Only the first segment, at 0, can be at a position already
		// seen: every position is read once.
		if last := &out[len(out)-1]; last.at == at {
			last.mask = mask
		} else if last.mask != mask {
			out = append(out, segment{at, mask})
		}
	}
	return out
}

// category is one category of the overall kappa and how many code points
// each of the two annotators put in it.
type category struct {
	mask   uint64
	ni, nj int
}

// kappas returns the overall kappa of two coverages of a text of n code
// points, and the kappa of each of labels labels.
func kappas(si, sj []segment, n, labels int) (Figure, []Figure) {
	perLabel := make([]Figure, labels)
	if n == 0 {
		return Figure{}, perLabel
	}
	var cats []category
	count := func(mask uint64, li, lj int) {
		for k := range cats {
			if cats[k].mask == mask {
				cats[k].ni += li
				cats[k].nj += lj
				return
			}
		}
		cats = append(cats, category{mask, li, lj})
	}
	agree := 0
	// Per label: code points covered by i, by j, by both.
	ci := make([]int, labels)
	cj := make([]int, labels)
	both := make([]int, labels)
	x, y := 0, 0
	for pos := 0; pos < n; {
		end := n
		if x+1 < len(si) {
			end = min(end, si[x+1].at)
		}
		if y+1 < len(sj) {
			end = min(end, sj[y+1].at)
		}
		length := end - pos
		mi, mj := si[x].mask, sj[y].mask
		if mi == mj {
			agree += length
			count(mi, length, length)
		} else {
			count(mi, length, 0)
			count(mj, 0, length)
		}
		for m := mi | mj; m != 0; m &= m - 1 {
			k := bits.TrailingZeros64(m)
			inI, inJ := mi&(1<<k) != 0, mj&(1<<k) != 0
			if inI {
				ci[k] += length
			}
			if inJ {
				cj[k] += length
			}
			if inI && inJ {
				both[k] += length
			}
		}
		pos = end
		if x+1 < len(si) && si[x+1].at == pos {
			x++
		}
		if y+1 < len(sj) && sj[y+1].at == pos {
			y++
		}
	}
	var chance int64 // the sum of n_i,c × n_j,c
	for _, c := range cats {
		chance += int64(c.ni) * int64(c.nj)
	}
	overall := kappa(int64(agree), chance, int64(n))
	for k := range labels {
		// Two categories: covered (ci, cj) and not (n - ci, n - cj); they
		// agree where both cover or neither does.
		a := int64(both[k]) + int64(n-ci[k]-cj[k]+both[k])
		e := int64(ci[k])*int64(cj[k]) + int64(n-ci[k])*int64(n-cj[k])
		perLabel[k] = kappa(a, e, int64(n))
	}
	return overall, perLabel
}

// kappa returns (p_o - p_e) / (1 - p_e) for agree code points of n agreed
// on and a chance sum of products of marginals, computed on whole
// numbers as (agree·n - chance) / (n² - chance); null when p_e is 1.
func kappa(agree, chance, n int64) Figure {
	den := n*n - chance
	if den == 0 {
		return Figure{}
	}
	return Of(float64(agree*n-chance) / float64(den))
}
