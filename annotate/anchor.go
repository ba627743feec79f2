package annotate

import (
	"index/suffixarray"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// This file finds an annotation's place in a text that may have changed
// since the annotation was made. Every annotation carries two anchors: its
// code-point position (Start, End) and a text quote (Exact, with up to
// ContextLen code points of Prefix and Suffix). Anchoring tries, in order:
//
//  1. Position. If Start and End lie in the text, the text between them
//     is Exact and the text around them is Prefix and Suffix, the
//     annotation is where it was: AnchorExact. If the text between them is
//     Exact but the context differs, step 2 is asked for a better place: a
//     clear one elsewhere is taken (AnchorContext), several equally good
//     ones make an orphan, and otherwise the position holds (AnchorExact).
//
//  2. Quote with context. Every occurrence of Exact in the text is found
//     (overlapping ones included) and scored by how many code points of
//     its Prefix, compared from the end backwards, and of its Suffix,
//     compared from the start forwards, agree with the text around it.
//     The result is AnchorContext when
//       - exactly one occurrence agrees with the whole of the context, or
//       - the annotation carries no context and there is one occurrence, or
//       - one occurrence agrees with at least anchorMargin more code points
//         of context than any other, and it has evidence for it: at least
//         half of the context agrees, or Exact itself is at least
//         ContextLen code points long.
//     Two or more occurrences that agree with the whole context, or with
//     none when there is none, are a lookalike: the result is AnchorOrphan.
//     Anything else goes on to step 3, where an edited copy of the passage
//     may yet be a better candidate than an unedited lookalike.
//
//  3. Fuzzy. The text, Exact and its context are normalised: case folded,
//     white space (NBSP and the other Unicode spaces included) collapsed to
//     one space, curly and straight quotes made one, dashes made one,
//     soft hyphens and zero-width spaces dropped, and "…" read as "...".
//     Candidates are the normalised occurrences of Exact (edit distance 0)
//     and the stretches within edit distance k of it, where k is 12% of
//     Exact's normalised length, rounded down (so a quote shorter than 9
//     code points must match once normalised). The stretches are found by the pigeonhole
//     filter (Exact cut into k+1 pieces, one of which must occur unedited in
//     any stretch within distance k) and verified by Sellers' dynamic
//     programming in a window around each hit. Each candidate scores the
//     code points of normalised context that agree, less 4 per edit; the
//     best must beat every other by anchorMargin and have evidence as in
//     step 2. When several candidates come within anchorMargin of the
//     best, the one that overlaps the old position is taken if it is the
//     only one there; otherwise none is. The result maps back to code
//     points of the real text: AnchorContext if the text found is exactly
//     Exact, AnchorFuzzy otherwise (the caller takes the new Exact from the
//     text).
//
//  4. Otherwise the annotation is an orphan: the old Start and End are
//     returned with AnchorOrphan, and the user places it or drops it. The
//     error says why, for the user: its passage was not found at all
//     (ErrPassageNotFound); it was found in several places that nothing
//     tells apart (ErrPassageAmbiguous); or it was found, but with too
//     little of its context to be sure (ErrContextChanged).
//
// Steps 1 and 2 work on the text's bytes and convert with
// Text.CodePointAtByte; step 3 normalises the text once per Anchorer.
// Occurrences are found with strings.Index at first; once an Anchorer has
// searched a text often enough to pay for it (anchorIndexAfter searches),
// it builds a suffix array of the text and looks them up in that instead.

const (
	// anchorMargin is how many code points of agreeing context, or how
	// much score, one candidate needs over every other to be taken.
	anchorMargin = 4
	// anchorEditCost is what one edit costs a fuzzy candidate's score, in
	// code points of context.
	anchorEditCost = 4
	// anchorMaxFuzzy is the longest normalised Exact, in code points, that
	// the edit-distance search tries; longer ones are matched after
	// normalisation only.
	anchorMaxFuzzy = 4000
	// anchorMaxHits is how many times one piece of Exact may occur before
	// it is too common to use as a seed.
	anchorMaxHits = 256
	// anchorCellBudget bounds the dynamic-programming cells one call may
	// fill, so that a pathological quote cannot stall an import.
	anchorCellBudget = 40 << 20
	// anchorIndexAfter is how many searches of one text are made by
	// scanning before a suffix array is built for the rest. Building one
	// costs about as much as 50 scans.
	anchorIndexAfter = 32
)

// Why an annotation is an orphan, as Anchor says it: each is also
// ErrOrphaned (errors.Is), and reads after "the annotation could not be
// placed: ".
var (
	// ErrPassageNotFound: the passage is nowhere in the text, not even
	// with a few of its characters changed.
	ErrPassageNotFound error = orphanReason("its passage was not found in the text")
	// ErrPassageAmbiguous: the passage is in several places, and neither
	// the text around them nor the old position tells which is its own.
	ErrPassageAmbiguous error = orphanReason("its passage was found in more than one place, and nothing tells which one is its own")
	// ErrContextChanged: the passage was found, but the text around it
	// changed too much to be sure that it is the same passage.
	ErrContextChanged error = orphanReason("its passage was found, but the text around it changed too much to be sure that it is the same passage")
)

// orphanReason is why an annotation is an orphan: an error that is
// ErrOrphaned too.
type orphanReason string

func (r orphanReason) Error() string { return string(r) }

func (r orphanReason) Is(target error) bool { return target == ErrOrphaned }

// Anchor finds annotation a's place in text, as described at the top of
// this file: by position, then by its quote and context, then by a fuzzy
// match. It returns the span found and how it was found; for an orphan it
// returns a's own Start and End with AnchorOrphan, and why as err:
// ErrPassageNotFound, ErrPassageAmbiguous or ErrContextChanged. err is nil
// otherwise.
//
// Anchor normalises text afresh whenever it needs a fuzzy match; to anchor
// many annotations on one text, use an Anchorer.
func Anchor(text *Text, a Annotation) (start, end int, how Anchoring, err error) {
	return NewAnchorer(text).Anchor(a)
}

// Anchorer anchors annotations on one text. It normalises the text the
// first time a fuzzy match is needed and keeps the result for later calls.
// An Anchorer is safe for concurrent use.
type Anchorer struct {
	text   *Text
	finder *anchorFinder
	once   sync.Once
	norm   *anchorNorm
}

// NewAnchorer returns an Anchorer for text. A nil text counts as empty.
func NewAnchorer(text *Text) *Anchorer {
	if text == nil {
		text = NewText("")
	}
	return &Anchorer{text: text, finder: &anchorFinder{s: text.String()}}
}

// anchorFinder finds the occurrences of strings in one text: by scanning
// while few searches have been made, then with a suffix array.
type anchorFinder struct {
	s     string
	calls atomic.Int64
	once  sync.Once
	index *suffixarray.Index
}

// find returns the byte offsets of the occurrences of sub in the text,
// overlapping ones included, in ascending order. With limit >= 0 it stops
// after limit+1 of them, which are then not necessarily the first.
func (f *anchorFinder) find(sub string, limit int) []int {
	if sub == "" {
		return nil
	}
	if f.calls.Add(1) > anchorIndexAfter {
		f.once.Do(func() { f.index = suffixarray.New([]byte(f.s)) })
		n := -1
		if limit >= 0 {
			n = limit + 1
		}
		hits := f.index.Lookup([]byte(sub), n)
		sort.Ints(hits)
		return hits
	}
	var hits []int
	for i := 0; i <= len(f.s); {
		j := strings.Index(f.s[i:], sub)
		if j < 0 {
			break
		}
		hits = append(hits, i+j)
		if limit >= 0 && len(hits) > limit {
			break
		}
		_, size := utf8.DecodeRuneInString(f.s[i+j:])
		i += j + size
	}
	return hits
}

// Anchor finds a's place in the Anchorer's text, as the function Anchor
// does.
func (an *Anchorer) Anchor(a Annotation) (start, end int, how Anchoring, err error) {
	t := an.text
	if a.Exact == "" {
		return a.Start, a.End, AnchorOrphan, ErrPassageNotFound
	}
	// 1. Position.
	str := t.String()
	var b, e int
	if a.Start >= 0 && a.Start < a.End && a.End <= t.Len() {
		b, e = t.Byte(a.Start), t.Byte(a.End)
	}
	if b < e && str[b:e] == a.Exact {
		// The same bytes are the same characters: compared by character
		// only when they are not (a byte of the text that is not UTF-8
		// reads as U+FFFD, which the file can only write as itself).
		if (strings.HasSuffix(str[:b], a.Prefix) || anchorCommonSuffix(a.Prefix, str[:b]) == utf8.RuneCountInString(a.Prefix)) &&
			(strings.HasPrefix(str[e:], a.Suffix) || anchorCommonPrefix(a.Suffix, str[e:]) == utf8.RuneCountInString(a.Suffix)) {
			return a.Start, a.End, AnchorExact, nil
		}
		// The text is there but its context is not: look for a place
		// that fits better, and keep this one if there is none.
		s, e, verdict := an.byQuote(a)
		switch {
		case verdict == anchorFound && s != a.Start:
			return s, e, AnchorContext, nil
		case verdict == anchorAmbiguous:
			return a.Start, a.End, AnchorOrphan, ErrPassageAmbiguous
		}
		return a.Start, a.End, AnchorExact, nil
	}
	// 2. Quote with context.
	s, e, verdict := an.byQuote(a)
	switch verdict {
	case anchorFound:
		return s, e, AnchorContext, nil
	case anchorAmbiguous:
		return a.Start, a.End, AnchorOrphan, ErrPassageAmbiguous
	}
	// 3. Fuzzy.
	s, e, why := an.fuzzy(a)
	if why != nil {
		return a.Start, a.End, AnchorOrphan, why
	}
	if t.Slice(s, e) == a.Exact {
		return s, e, AnchorContext, nil
	}
	return s, e, AnchorFuzzy, nil
}

// anchorVerdict is what the quote step concluded.
type anchorVerdict int

const (
	anchorUndecided anchorVerdict = iota // go on to the fuzzy step
	anchorFound
	anchorAmbiguous // an orphan: lookalikes that nothing tells apart
)

// anchorHit is one occurrence of Exact, at byte b, with the code points of
// context that agree.
type anchorHit struct {
	b, ctx int
	full   bool
}

// byQuote is step 2: the exact occurrences of a.Exact scored by context.
func (an *Anchorer) byQuote(a Annotation) (start, end int, v anchorVerdict) {
	s := an.text.String()
	pn, sn := utf8.RuneCountInString(a.Prefix), utf8.RuneCountInString(a.Suffix)
	var hits []anchorHit
	for _, b := range an.finder.find(a.Exact, -1) {
		pm := anchorCommonSuffix(a.Prefix, s[:b])
		sm := anchorCommonPrefix(a.Suffix, s[b+len(a.Exact):])
		hits = append(hits, anchorHit{b: b, ctx: pm + sm, full: pm == pn && sm == sn})
	}
	if len(hits) == 0 {
		return 0, 0, anchorUndecided
	}
	span := func(h anchorHit) (int, int, anchorVerdict) {
		cp := an.text.CodePointAtByte(h.b)
		return cp, cp + utf8.RuneCountInString(a.Exact), anchorFound
	}
	if pn+sn == 0 {
		if len(hits) == 1 {
			return span(hits[0])
		}
		return 0, 0, anchorAmbiguous
	}
	var full []anchorHit
	for _, h := range hits {
		if h.full {
			full = append(full, h)
		}
	}
	switch len(full) {
	case 1:
		return span(full[0])
	case 0:
	default:
		return 0, 0, anchorAmbiguous
	}
	best, second := -1, -1
	for i, h := range hits {
		switch {
		case best < 0 || h.ctx > hits[best].ctx:
			best, second = i, best
		case second < 0 || h.ctx > hits[second].ctx:
			second = i
		}
	}
	h := hits[best]
	if (second < 0 || h.ctx-hits[second].ctx >= anchorMargin) &&
		anchorEvidence(h.ctx, pn+sn, utf8.RuneCountInString(a.Exact)) {
		return span(h)
	}
	return 0, 0, anchorUndecided
}

// anchorEvidence reports whether a candidate has grounds of its own to be
// taken: half its context agrees, or it has no context to agree with, or
// the quote is long enough (ContextLen code points) to vouch for itself.
func anchorEvidence(ctx, total, exactLen int) bool {
	return total == 0 || 2*ctx >= total || exactLen >= ContextLen
}

// anchorCommonSuffix returns how many code points at the end of a are also
// at the end of b.
func anchorCommonSuffix(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeLastRuneInString(a)
		rb, sb := utf8.DecodeLastRuneInString(b)
		if ra != rb || sa != sb {
			break
		}
		a, b = a[:len(a)-sa], b[:len(b)-sb]
		n++
	}
	return n
}

// anchorCommonPrefix returns how many code points at the start of a are
// also at the start of b.
func anchorCommonPrefix(a, b string) int {
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb || sa != sb {
			break
		}
		a, b = a[sa:], b[sb:]
		n++
	}
	return n
}

// anchorNorm is a text's normalised form, with the way back to the text.
type anchorNorm struct {
	s      string // the normalised text
	finder *anchorFinder
	runes  []rune  // the same, one element per code point
	orig   []int32 // orig[i]: the text's code point that gave runes[i]
	at     []int32 // at[b]: the index in runes of the code point at byte b of s
}

// normalised returns the Anchorer's normalised text, made once.
func (an *Anchorer) normalised() *anchorNorm {
	an.once.Do(func() {
		s := an.text.String()
		n := &anchorNorm{
			runes: make([]rune, 0, an.text.Len()),
			orig:  make([]int32, 0, an.text.Len()),
		}
		cp := int32(0)
		anchorNormalise(s, func(r rune) {
			n.runes = append(n.runes, r)
			n.orig = append(n.orig, cp)
		}, func() { cp++ })
		var b strings.Builder
		b.Grow(len(s))
		n.at = make([]int32, 0, len(s))
		for i, r := range n.runes {
			b.WriteRune(r)
			for k := utf8.RuneLen(r); k > 0; k-- {
				n.at = append(n.at, int32(i))
			}
		}
		n.s = b.String()
		n.finder = &anchorFinder{s: n.s}
		an.norm = n
	})
	return an.norm
}

// anchorNormalise feeds emit the normalised code points of s, calling next
// after each code point of s has been dealt with.
func anchorNormalise(s string, emit func(rune), next func()) {
	space := false // the last code point emitted was a space
	for _, r := range s {
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff':
			// soft hyphen, zero-width space, word joiner, BOM: invisible
		case unicode.IsSpace(r):
			if !space {
				emit(' ')
				space = true
			}
		default:
			space = false
			switch r {
			case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u00b4', '`':
				emit('\'')
			case '\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb':
				emit('"')
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\ufe58', '\ufe63', '\uff0d':
				emit('-')
			case '\u2026':
				emit('.')
				emit('.')
				emit('.')
			default:
				emit(unicode.ToLower(r))
			}
		}
		if next != nil {
			next()
		}
	}
}

// anchorNormRunes returns the normalised code points of s.
func anchorNormRunes(s string) []rune {
	out := make([]rune, 0, len(s))
	anchorNormalise(s, func(r rune) { out = append(out, r) }, nil)
	return out
}

// anchorCandidate is a stretch [rs, re) of normalised code points that
// matches Exact with d edits and agrees with ctx code points of context.
type anchorCandidate struct {
	rs, re, d, ctx int
}

func (c anchorCandidate) score() int { return c.ctx - anchorEditCost*c.d }

// fuzzy is step 3. It returns the span found, or why there is none.
func (an *Anchorer) fuzzy(a Annotation) (start, end int, why error) {
	pat := anchorTrimSpace(anchorNormRunes(a.Exact))
	m := len(pat)
	if m == 0 {
		return 0, 0, ErrPassageNotFound
	}
	n := an.normalised()
	k := m * 12 / 100
	if m > anchorMaxFuzzy {
		k = 0
	}
	pre := anchorTrimSpaceRight(anchorNormRunes(a.Prefix))
	suf := anchorTrimSpaceLeft(anchorNormRunes(a.Suffix))

	var cands []anchorCandidate
	// Distance 0: the normalised occurrences.
	for _, b := range n.finder.find(string(pat), -1) {
		rs := int(n.at[b])
		cands = append(cands, anchorCandidate{rs: rs, re: rs + m})
	}
	if k > 0 {
		cands = append(cands, an.approximate(n, pat, k)...)
	}
	if len(cands) == 0 {
		return 0, 0, ErrPassageNotFound
	}
	for i := range cands {
		cands[i].ctx = anchorContext(n.runes, cands[i].rs, cands[i].re, pre, suf)
	}
	// The best first; then drop candidates that overlap a better one, so
	// that the windows of one match count once.
	sort.SliceStable(cands, func(i, j int) bool {
		ci, cj := cands[i], cands[j]
		if ci.score() != cj.score() {
			return ci.score() > cj.score()
		}
		if ci.d != cj.d {
			return ci.d < cj.d
		}
		return ci.rs < cj.rs
	})
	kept := cands[:0]
	for _, c := range cands {
		overlaps := false
		for _, o := range kept {
			if c.rs < o.re && o.rs < c.re {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, c)
		}
	}
	// The contenders are the candidates that the best does not beat by
	// anchorMargin. One contender is taken; of several, the one that
	// overlaps the old position is taken if it is the only one there.
	span := func(c anchorCandidate) (int, int) { return int(n.orig[c.rs]), int(n.orig[c.re-1]) + 1 }
	contenders := kept[:1]
	for _, c := range kept[1:] {
		if kept[0].score()-c.score() < anchorMargin {
			contenders = append(contenders, c)
		}
	}
	chosen := -1
	if len(contenders) == 1 {
		chosen = 0
	} else {
		for i, c := range contenders {
			if s, e := span(c); s < a.End && a.Start < e {
				if chosen >= 0 {
					return 0, 0, ErrPassageAmbiguous
				}
				chosen = i
			}
		}
	}
	switch {
	case chosen < 0:
		return 0, 0, ErrPassageAmbiguous
	case !anchorEvidence(contenders[chosen].ctx, len(pre)+len(suf), m):
		return 0, 0, ErrContextChanged
	}
	start, end = span(contenders[chosen])
	return start, end, nil
}

// approximate finds the stretches of the normalised text within k edits of
// pat (normalised, trimmed), each at its least distance.
func (an *Anchorer) approximate(n *anchorNorm, pat []rune, k int) []anchorCandidate {
	m := len(pat)
	// Cut pat into k+1 pieces; any stretch within k edits holds one of
	// them unedited.
	type window struct{ lo, hi, pieces int }
	var wins []window
	pieces := k + 1
	for p := 0; p < pieces; p++ {
		lo, hi := p*m/pieces, (p+1)*m/pieces
		if hi <= lo {
			continue
		}
		hits := n.finder.find(string(pat[lo:hi]), anchorMaxHits)
		if len(hits) > anchorMaxHits {
			continue // too common to tell anything
		}
		for _, b := range hits {
			r := int(n.at[b])
			wins = append(wins, window{lo: max(0, r-lo-k), hi: min(len(n.runes), r-lo+m+k), pieces: 1})
		}
	}
	if len(wins) == 0 {
		return nil
	}
	sort.Slice(wins, func(i, j int) bool { return wins[i].lo < wins[j].lo })
	merged := wins[:1]
	for _, w := range wins[1:] {
		last := &merged[len(merged)-1]
		if w.lo <= last.hi {
			last.hi = max(last.hi, w.hi)
			last.pieces += w.pieces
			continue
		}
		merged = append(merged, w)
	}
	// Windows that hold more pieces are likelier to hold a close match:
	// verify them first, within the budget.
	sort.SliceStable(merged, func(i, j int) bool { return merged[i].pieces > merged[j].pieces })
	var out []anchorCandidate
	budget := anchorCellBudget
	prev, cur := make([]int, m+1), make([]int, m+1)
	prevStart, curStart := make([]int, m+1), make([]int, m+1)
	for _, w := range merged {
		cells := (w.hi - w.lo) * m
		if cells > budget {
			break
		}
		budget -= cells
		text := n.runes[w.lo:w.hi]
		// Sellers: D[i][j] is the least number of edits between pat[:i]
		// and a stretch of text ending at j; the stretch may start
		// anywhere, and its start travels with the value. Ukkonen's
		// cut-off computes each column only down to one row past the last
		// row within k (lact); the rows below are more than k, and the
		// one just below is marked so with a sentinel.
		for i := range prev {
			prev[i], prevStart[i] = i, 0
		}
		lact := min(k, m)
		runBest := anchorCandidate{d: -1}
		flush := func() {
			if runBest.d >= 0 {
				out = append(out, runBest)
				runBest.d = -1
			}
		}
		for j := 1; j <= len(text); j++ {
			cur[0], curStart[0] = 0, j
			c := text[j-1]
			top := min(m, lact+1)
			for i := 1; i <= top; i++ {
				v, st := prev[i-1], prevStart[i-1]
				if pat[i-1] != c {
					v++
				}
				if x := prev[i] + 1; x < v {
					v, st = x, prevStart[i]
				}
				if x := cur[i-1] + 1; x < v {
					v, st = x, curStart[i-1]
				}
				cur[i], curStart[i] = v, st
			}
			if top < m {
				cur[top+1] = k + 1
			}
			lact = top
			for lact > 0 && cur[lact] > k {
				lact--
			}
			if lact == m && curStart[m] < j {
				// Within a run of ends that match, keep the closest.
				if d := cur[m]; runBest.d < 0 || d < runBest.d {
					runBest = anchorCandidate{rs: w.lo + curStart[m], re: w.lo + j, d: d}
				}
			} else {
				flush()
			}
			prev, cur = cur, prev
			prevStart, curStart = curStart, prevStart
		}
		flush()
	}
	return out
}

// anchorContext returns how many code points of the normalised prefix pre
// and suffix suf agree with the normalised text around [rs, re). Spaces at
// the edges of the span are skipped, as they were trimmed from pre and suf.
func anchorContext(text []rune, rs, re int, pre, suf []rune) int {
	n := 0
	i := rs - 1
	for i >= 0 && text[i] == ' ' {
		i--
	}
	for k := len(pre) - 1; k >= 0 && i >= 0 && pre[k] == text[i]; k, i = k-1, i-1 {
		n++
	}
	i = re
	for i < len(text) && text[i] == ' ' {
		i++
	}
	for k := 0; k < len(suf) && i < len(text) && suf[k] == text[i]; k, i = k+1, i+1 {
		n++
	}
	return n
}

func anchorTrimSpace(r []rune) []rune { return anchorTrimSpaceLeft(anchorTrimSpaceRight(r)) }

func anchorTrimSpaceLeft(r []rune) []rune {
	for len(r) > 0 && r[0] == ' ' {
		r = r[1:]
	}
	return r
}

func anchorTrimSpaceRight(r []rune) []rune {
	for len(r) > 0 && r[len(r)-1] == ' ' {
		r = r[:len(r)-1]
	}
	return r
}
