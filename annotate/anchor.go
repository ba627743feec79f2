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
//     ones make an orphan, and otherwise the position holds (AnchorExact),
//     unless it now cuts a word that Exact did not (a word beside it was
//     edited into a longer one): then step 3 finds its edges.
//
//  2. Quote with context. Every occurrence of Exact in the text is found
//     (overlapping ones included, but not one that cuts a word where Exact
//     did not: "rise" in "surprise") and scored by how many code points of
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
//     Before they are scored, each candidate's edges are put where the
//     annotation's would be (refine), as an alignment alone puts them
//     anywhere that costs as little: out of white space, as every span of
//     a Set is (trimSpan); at the start or end of a word where Exact
//     starts or ends one, never in the middle of a word nor on the next
//     one; and within as many paragraphs as Exact spans, as normalising
//     makes a blank line one space. Of the edges that do, the one where
//     the context agrees most, less one per edit, is taken, so that a word
//     edited at the edge is kept in; it may cost up to anchorEdgeSlack
//     edits beyond k where half the context on its side agrees. A
//     candidate that has no such edges is dropped.
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
	// anchorEdgeSlack is how many edits beyond k a fuzzy candidate may
	// have, at most half of Exact's length, for an edge that the context
	// places (refine): so that a word edited at the edge of the passage is
	// kept in. A first word "the" that became "ministers" is 7 edits, more
	// than the 6 that a passage of 55 code points is allowed.
	anchorEdgeSlack = 16
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
	var edges anchorEdges
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
		// that fits better, and keep this one if there is none, unless
		// it now cuts a word (an edit there): then its edges are for
		// the fuzzy step to find.
		edges = anchorEdgesOf(a)
		s, e2, verdict := an.byQuote(a, edges)
		switch {
		case verdict == anchorFound && s != a.Start:
			return s, e2, AnchorContext, nil
		case verdict == anchorAmbiguous:
			return a.Start, a.End, AnchorOrphan, ErrPassageAmbiguous
		case !edges.cut(str, b, e):
			return a.Start, a.End, AnchorExact, nil
		}
	} else {
		// 2. Quote with context.
		edges = anchorEdgesOf(a)
		s, e, verdict := an.byQuote(a, edges)
		switch verdict {
		case anchorFound:
			return s, e, AnchorContext, nil
		case anchorAmbiguous:
			return a.Start, a.End, AnchorOrphan, ErrPassageAmbiguous
		}
	}
	// 3. Fuzzy.
	s, e, why := an.fuzzy(a, edges)
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
// An occurrence that cuts a word where Exact did not (edges) is not one:
// it is a piece of an edited word.
func (an *Anchorer) byQuote(a Annotation, edges anchorEdges) (start, end int, v anchorVerdict) {
	s := an.text.String()
	pn, sn := utf8.RuneCountInString(a.Prefix), utf8.RuneCountInString(a.Suffix)
	var hits []anchorHit
	for _, b := range an.finder.find(a.Exact, -1) {
		if edges.cut(s, b, b+len(a.Exact)) {
			continue
		}
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
	// paras holds the indices in runes of the spaces that stand for a
	// paragraph break (anchorParaRun), in increasing order.
	paras []int32
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
		var para anchorParaRun
		anchorNormalise(s, func(r rune) {
			n.runes = append(n.runes, r)
			n.orig = append(n.orig, cp)
		}, func(r rune) {
			if para.next(r) {
				// The run's one space was emitted at its first code point.
				n.paras = append(n.paras, int32(len(n.runes)-1))
			}
			cp++
		})
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
// with each code point of s once it has been dealt with.
func anchorNormalise(s string, emit func(rune), next func(rune)) {
	space := false // the last code point emitted was a space
	for _, r := range s {
		switch {
		case anchorInvisible(r):
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
			next(r)
		}
	}
}

// anchorInvisible reports whether r is a character that normalising drops:
// a soft hyphen, a zero-width space, a word joiner or a BOM.
func anchorInvisible(r rune) bool {
	return r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// anchorParaRun finds the paragraph breaks of a text read one code point
// at a time: a run of white space that holds two line breaks or more, the
// blank line that the canonical text puts between blocks. One line break
// (a <br>, a list item's) is no paragraph break: a passage may run over it.
type anchorParaRun struct{ breaks int }

// next reads r and reports whether it completes a paragraph break, once
// for each.
func (p *anchorParaRun) next(r rune) bool {
	switch {
	case r == '\n':
		p.breaks++
		return p.breaks == 2
	case !unicode.IsSpace(r) && !anchorInvisible(r):
		p.breaks = 0
	}
	return false
}

// anchorParagraphs counts the paragraph breaks in s.
func anchorParagraphs(s string) int {
	var p anchorParaRun
	n := 0
	for _, r := range s {
		if p.next(r) {
			n++
		}
	}
	return n
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

// fuzzy is step 3. It returns the span found, or why there is none; edges
// are a's (anchorEdgesOf).
func (an *Anchorer) fuzzy(a Annotation, edges anchorEdges) (start, end int, why error) {
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
	// Each candidate's edges go where the annotation's would be; one
	// that cannot keep them (it would cut a word, or cross a paragraph
	// break, to match) is not the passage, or not one that can be placed
	// without guessing.
	w := &anchorWork{pat: pat, pre: pre, suf: suf, edges: edges,
		k: k, wide: k + min(anchorEdgeSlack, m/2), budget: anchorCellBudget}
	// The closest first, while the budget lasts.
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].d < cands[j].d })
	refined := cands[:0]
	for _, c := range cands {
		if n.refine(&c, w) {
			refined = append(refined, c)
		}
	}
	if len(refined) == 0 {
		return 0, 0, ErrContextChanged
	}
	cands = refined
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
	// Back to the text's code points, out of white space by the rule that
	// keeps every span of a Set so (trimSpan): refine puts no edge on a
	// space, and the span holds to the rule whatever normalising does.
	span := func(c anchorCandidate) (int, int) {
		return trimSpan(an.text, int(n.orig[c.rs]), int(n.orig[c.re-1])+1)
	}
	// The contenders are the candidates that the best does not beat by
	// anchorMargin. One contender is taken; of several, the one that
	// overlaps the old position is taken if it is the only one there.
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
	return anchorPrefixAgrees(text, rs, pre) + anchorSuffixAgrees(text, re, suf)
}

// anchorPrefixAgrees returns how many code points of pre agree with the
// text before rs (anchorContext).
func anchorPrefixAgrees(text []rune, rs int, pre []rune) int {
	n := 0
	i := rs - 1
	for i >= 0 && text[i] == ' ' {
		i--
	}
	for k := len(pre) - 1; k >= 0 && i >= 0 && pre[k] == text[i]; k, i = k-1, i-1 {
		n++
	}
	return n
}

// anchorSuffixAgrees returns how many code points of suf agree with the
// text from re (anchorContext).
func anchorSuffixAgrees(text []rune, re int, suf []rune) int {
	n := 0
	i := re
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

// anchorEdges is what the place found for an annotation must keep of it
// besides its text. Where Exact starts a word (startWord) or ends one
// (endWord), so must the place: it may not cut a word in two nor run into
// the next one. It may hold no more paragraph breaks than Exact (paras).
// An annotation without context gives no word to go by: startWord and
// endWord are then unset.
type anchorEdges struct {
	startWord, endWord bool
	paras              int
}

// anchorEdgesOf returns a's edges, as its Exact and context show them.
func anchorEdgesOf(a Annotation) anchorEdges {
	e := anchorEdges{paras: anchorParagraphs(a.Exact)}
	if a.Prefix != "" || a.Suffix != "" {
		first, _ := utf8.DecodeRuneInString(a.Exact)
		last, _ := utf8.DecodeLastRuneInString(a.Exact)
		e.startWord = anchorWordRune(first) && !anchorJoinedAt(a.Prefix, a.Exact)
		e.endWord = anchorWordRune(last) && !anchorJoinedAt(a.Exact, a.Suffix)
	}
	return e
}

// cut reports whether the bytes [b, e) of text, an occurrence of Exact,
// cut a word where Exact did not.
func (ed anchorEdges) cut(text string, b, e int) bool {
	return (ed.startWord && anchorJoinedAt(text[:b], text[b:])) || (ed.endWord && anchorJoinedAt(text[:e], text[e:]))
}

// startOK reports whether a stretch of the normalised text t may start at
// s: not on a space, and at the start of a word where Exact starts one.
func (ed anchorEdges) startOK(t []rune, s int) bool {
	return t[s] != ' ' && (!ed.startWord || anchorWordRune(t[s]) && !anchorJoined(t, s))
}

// endOK reports whether a stretch of the normalised text t may end at e:
// not on a space, and at the end of a word where Exact ends one.
func (ed anchorEdges) endOK(t []rune, e int) bool {
	return t[e-1] != ' ' && (!ed.endWord || anchorWordRune(t[e-1]) && !anchorJoined(t, e))
}

// anchorWordRune reports whether r belongs to a word: a letter, a number
// or a combining mark.
func anchorWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// anchorJoined reports whether t[i-1] and t[i] belong to one word, so that
// an edge between them would cut it in two: two characters of a word, an
// apostrophe between letters (don't, Trump's), or a point or comma between
// digits (2.5, 30,000).
func anchorJoined(t []rune, i int) bool {
	if i <= 0 || i >= len(t) {
		return false
	}
	if anchorWordRune(t[i-1]) && anchorWordRune(t[i]) {
		return true
	}
	return (i >= 2 && anchorJoiner(t[i-2], t[i-1], t[i])) || (i+1 < len(t) && anchorJoiner(t[i-1], t[i], t[i+1]))
}

// anchorJoiner reports whether mid joins before and after into one word.
func anchorJoiner(before, mid, after rune) bool {
	switch mid {
	case '\'', '\u2019':
		return unicode.IsLetter(before) && unicode.IsLetter(after)
	case '.', ',':
		return unicode.IsDigit(before) && unicode.IsDigit(after)
	}
	return false
}

// anchorJoinedAt reports whether the end of before and the start of after
// belong to one word (anchorJoined), from their last and first two code
// points.
func anchorJoinedAt(before, after string) bool {
	var t [4]rune
	i, n := 2, 2
	for ; i > 0 && before != ""; i-- {
		r, size := utf8.DecodeLastRuneInString(before)
		before = before[:len(before)-size]
		t[i-1] = r
	}
	for ; n < 4 && after != ""; n++ {
		r, size := utf8.DecodeRuneInString(after)
		after = after[size:]
		t[n] = r
	}
	return anchorJoined(t[i:n], 2-i)
}

// anchorWork is what one fuzzy search's refinements share: the pattern
// (and reversed), the annotation's normalised context and edges, the
// edits a stretch may have (k, and wide where the context vouches for an
// edge), scratch space, and the dynamic-programming cells they may still
// fill.
type anchorWork struct {
	pat, rpat, pre, suf []rune
	edges               anchorEdges
	k, wide             int
	rtext               []rune
	a, b                []int
	budget              int
}

// refine moves candidate c's edges to where the annotation's would be:
// with c's end fixed, the best start that keeps w.edges; with that start,
// the best end; with that end, the best start again. c keeps to the
// paragraphs it most lies in, as many as Exact spans. The best edge is
// the one where the context agrees most, less one per edit (an edit costs
// less here than in a candidate's score: the context places an edited
// word at the edge, which is kept in), then the one with fewer edits, then
// the one that makes the span longer. The stretch may have w.k edits, or
// w.wide at an edge where at least half the context on that side agrees:
// the context vouches for an edge that takes in an edited word, or leaves
// out what c took in its place. refine reports false when no edges keep
// to that, or when the budget is spent; c.d becomes the edit distance of
// the stretch between the edges.
func (n *anchorNorm) refine(c *anchorCandidate, w *anchorWork) bool {
	s, _, ok := n.bestStart(n.segmentEnd(c.rs, c.re, w.edges.paras), w)
	if !ok {
		return false
	}
	e, _, ok := n.bestEnd(s, w)
	if !ok {
		return false
	}
	s, d, ok := n.bestStart(e, w)
	if !ok {
		return false
	}
	c.rs, c.re, c.d = s, e, d
	return true
}

// segmentEnd returns the end of the part of the stretch [rs, re) of the
// normalised text that holds at most paras paragraph breaks: the longest
// run of paras+1 of the paragraphs it lies in. (bestStart keeps to the
// paragraphs before the end.)
func (n *anchorNorm) segmentEnd(rs, re, paras int) int {
	lo := sort.Search(len(n.paras), func(i int) bool { return int(n.paras[i]) >= rs })
	hi := sort.Search(len(n.paras), func(i int) bool { return int(n.paras[i]) >= re })
	breaks := n.paras[lo:hi]
	if len(breaks) <= paras {
		return re
	}
	bestS, bestE := rs, rs
	for i := 0; i+paras <= len(breaks); i++ {
		s, e := rs, re
		if i > 0 {
			s = int(breaks[i-1]) + 1
		}
		if i+paras < len(breaks) {
			e = int(breaks[i+paras])
		}
		if e-s > bestE-bestS {
			bestS, bestE = s, e
		}
	}
	return bestE
}

// bestStart returns the best start (see refine) of a stretch that ends at
// e, with its edit distance from the pattern, and whether there is one.
func (n *anchorNorm) bestStart(e int, w *anchorWork) (int, int, bool) {
	t, m := n.runes, len(w.pat)
	lo := max(0, e-m-w.wide)
	// No more paragraph breaks than Exact has.
	if i := sort.Search(len(n.paras), func(i int) bool { return int(n.paras[i]) >= e }); i > w.edges.paras {
		lo = max(lo, int(n.paras[i-w.edges.paras-1])+1)
	}
	if w.rpat == nil {
		w.rpat = make([]rune, m)
		for i, r := range w.pat {
			w.rpat[m-1-i] = r
		}
	}
	w.rtext = w.rtext[:0]
	for i := e - 1; i >= lo; i-- {
		w.rtext = append(w.rtext, t[i])
	}
	dist, ok := w.align(w.rpat, w.rtext)
	if !ok {
		return 0, 0, false
	}
	return w.bestEdge(dist, len(w.pre), func(j int) (int, bool, int) {
		s := e - j
		if !w.edges.startOK(t, s) {
			return s, false, 0
		}
		return s, true, anchorPrefixAgrees(t, s, w.pre)
	})
}

// bestEnd returns the best end (see refine) of a stretch that starts at
// s, with its edit distance from the pattern, and whether there is one.
func (n *anchorNorm) bestEnd(s int, w *anchorWork) (int, int, bool) {
	t, m := n.runes, len(w.pat)
	hi := min(len(t), s+m+w.wide)
	if i := sort.Search(len(n.paras), func(i int) bool { return int(n.paras[i]) >= s }); i+w.edges.paras < len(n.paras) {
		hi = min(hi, int(n.paras[i+w.edges.paras]))
	}
	dist, ok := w.align(w.pat, t[s:hi])
	if !ok {
		return 0, 0, false
	}
	return w.bestEdge(dist, len(w.suf), func(j int) (int, bool, int) {
		e := s + j
		if !w.edges.endOK(t, e) {
			return e, false, 0
		}
		return e, true, anchorSuffixAgrees(t, e, w.suf)
	})
}

// bestEdge chooses among the edges of a stretch that an alignment gives,
// dist[j] edits for the stretch of j code points, the one whose
// surrounding text agrees most with the context (of ctx code points) less
// its edits: edge(j) gives the edge, whether it is allowed there, and how
// many code points of the context agree beside it. Past w.k edits an edge
// needs the context to vouch for it. Ties go to fewer edits, then to the
// longer stretch (larger j). It returns the edge, its edits, and whether
// there is one.
func (w *anchorWork) bestEdge(dist []int, ctx int, edge func(j int) (at int, ok bool, agrees int)) (int, int, bool) {
	best, bestD, bestScore := -1, 0, 0
	for j := 1; j < len(dist); j++ {
		d := dist[j]
		if d > w.wide {
			continue
		}
		at, ok, agrees := edge(j)
		if !ok || d > w.k && !anchorVouches(agrees, ctx) {
			continue
		}
		score := agrees - d
		if best < 0 || score > bestScore || score == bestScore && d <= bestD {
			best, bestD, bestScore = at, d, score
		}
	}
	return best, bestD, best >= 0
}

// anchorVouches reports whether agrees code points of a context of total
// vouch for an edge: at least half of it.
func anchorVouches(agrees, total int) bool { return total > 0 && 2*agrees >= total }

// align returns dist, where dist[j] is the edit distance between pat and
// text[:j] when it is at most k (w.wide) and k+1 otherwise, for j from 0
// to len(text). Only the cells within k of the diagonal are filled,
// m(2k+1) of them, from the budget; align reports false when it is spent.
func (w *anchorWork) align(pat, text []rune) ([]int, bool) {
	k := w.wide
	m, l, inf := len(pat), len(text), k+1
	cells := m * (2*k + 1)
	if cells > w.budget {
		return nil, false
	}
	w.budget -= cells
	if cap(w.a) < l+1 {
		w.a, w.b = make([]int, l+1), make([]int, l+1)
	}
	prev, cur := w.a[:l+1], w.b[:l+1]
	for j := range prev {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= m; i++ {
		lo, hi := max(0, i-k), min(l, i+k)
		if lo > l {
			// The band has left the text: nothing is within k.
			for j := range prev {
				prev[j] = inf
			}
			return prev, true
		}
		// The cells beside the band are more than k; the row above
		// has them so too, where this one reads them.
		if lo > 0 {
			cur[lo-1] = inf
		}
		if hi < l {
			cur[hi+1] = inf
		}
		p := pat[i-1]
		for j := lo; j <= hi; j++ {
			v := i // j == 0: pat[:i] against nothing
			if j > 0 {
				v = prev[j-1]
				if text[j-1] != p {
					v++
				}
				if j > lo {
					v = min(v, cur[j-1]+1)
				}
			}
			cur[j] = min(v, prev[j]+1, inf)
		}
		prev, cur = cur, prev
	}
	// Outside the last row's band the values are older rows'.
	for j := range prev {
		if j < m-k || j > m+k {
			prev[j] = inf
		}
	}
	return prev, true
}
