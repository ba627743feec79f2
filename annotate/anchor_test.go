package annotate

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// fxQuote makes an annotation of the first occurrence of exact in text
// (after the first occurrence of after, if after is not empty), with its
// position and context, as a Set would.
func fxQuote(t testing.TB, text, after, exact string) Annotation {
	t.Helper()
	from := 0
	if after != "" {
		from = strings.Index(text, after)
		if from < 0 {
			t.Fatalf("%q is not in the text", after)
		}
	}
	b := strings.Index(text[from:], exact)
	if b < 0 {
		t.Fatalf("%q is not in the text", exact)
	}
	tx := NewText(text)
	start := tx.CodePointAtByte(from + b)
	end := start + RuneCount(exact)
	return Annotation{
		ID: "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", Label: "claim",
		Start: start, End: end, Exact: exact,
		Prefix: tx.Slice(start-ContextLen, start), Suffix: tx.Slice(end, end+ContextLen),
	}
}

// fxFind returns the code-point span of the first occurrence of s in text
// after the first occurrence of after (if not empty).
func fxFind(t testing.TB, text, after, s string) (int, int) {
	t.Helper()
	from := 0
	if after != "" {
		from = strings.Index(text, after)
		if from < 0 {
			t.Fatalf("%q is not in the text", after)
		}
	}
	b := strings.Index(text[from:], s)
	if b < 0 {
		t.Fatalf("%q is not in the text", s)
	}
	start := NewText(text).CodePointAtByte(from + b)
	return start, start + RuneCount(s)
}

const fxOld = "Sir Keir Starmer met Donald Trump in the White House on Thursday.\n\n" +
	"The President said British trade with the US was pretty balanced, and he would look at it.\n\n" +
	"The Prime Minister pledged to raise defence spending to 2.5% from April 2027.\n\n" +
	"Crowds chanted “yes we can” outside the gates; the mood was calm."

func TestAnchor(t *testing.T) {
	tests := []struct {
		name   string
		old    string // the text the annotation was made on
		after  string // the annotation is of the first exact after this
		exact  string
		edit   func(string) string // the new text
		find   string              // what the annotation should cover in the new text, "" for an orphan
		within string              // find it after this in the new text
		want   Anchoring
		why    error // for an orphan, the reason Anchor gives
	}{
		{name: "unchanged", exact: "pretty balanced",
			edit: func(s string) string { return s }, find: "pretty balanced", want: AnchorExact},
		{name: "insertion before", exact: "pretty balanced",
			edit: func(s string) string { return "BREAKING: a new first paragraph.\n\n" + s },
			find: "pretty balanced", want: AnchorContext},
		{name: "emoji before", exact: "pretty balanced",
			edit: func(s string) string {
				return strings.Replace(s, "Starmer", "Starmer 🇬🇧👩‍👩‍👧𝔘", 1)
			},
			find: "pretty balanced", want: AnchorContext},
		{name: "deletion before", exact: "raise defence spending",
			edit: func(s string) string {
				return strings.Replace(s, "Sir Keir Starmer met Donald Trump in the White House on Thursday.\n\n", "", 1)
			},
			find: "raise defence spending", want: AnchorContext},
		{name: "changed inside", exact: "British trade with the US was pretty balanced",
			edit: func(s string) string { return strings.Replace(s, "pretty balanced", "fairly balanced", 1) },
			find: "British trade with the US was fairly balanced", want: AnchorFuzzy},
		{name: "spelling changed inside", exact: "raise defence spending to 2.5% from April 2027",
			edit: func(s string) string {
				return "Intro.\n\n" + strings.Replace(s, "defence spending to 2.5%", "defense spending to 2.6 %", 1)
			},
			find: "raise defense spending to 2.6 % from April 2027", want: AnchorFuzzy},
		{name: "too much changed inside", exact: "raise defence spending to 2.5% from April 2027",
			edit: func(s string) string {
				return strings.Replace(s, "defence spending", "defence and security spending", 1)
			},
			want: AnchorOrphan, why: ErrPassageNotFound},
		{name: "white space changed", exact: "pretty balanced",
			edit: func(s string) string { return "X " + strings.Replace(s, "pretty balanced", "pretty\u00a0balanced", 1) },
			find: "pretty\u00a0balanced", want: AnchorFuzzy},
		{name: "line break for space", exact: "raise defence spending",
			edit: func(s string) string {
				return strings.Replace(s, "raise defence spending", "raise defence\nspending", 1)
			},
			find: "raise defence\nspending", want: AnchorFuzzy},
		{name: "straight quotes for curly", exact: "“yes we can”",
			edit: func(s string) string { return strings.Replace(s, "“yes we can”", "\"yes we can\"", 1) },
			find: "\"yes we can\"", want: AnchorFuzzy},
		{name: "case changed", exact: "Prime Minister",
			edit: func(s string) string { return "A. " + strings.Replace(s, "Prime Minister", "prime minister", 1) },
			find: "prime minister", want: AnchorFuzzy},
		{name: "dash changed", exact: "2.5% from April 2027",
			edit: func(s string) string { return strings.Replace(s, "from April 2027", "from April–2027", 1) },
			find: "2.5% from April–2027", want: AnchorFuzzy},
		{name: "passage deleted", exact: "pretty balanced",
			edit: func(s string) string {
				return strings.Replace(s, "was pretty balanced, and", "was, he said, something else and", 1)
			},
			want: AnchorOrphan, why: ErrPassageNotFound},
		{name: "duplicated with the same context", exact: "pretty balanced",
			edit: func(s string) string {
				p := "The President said British trade with the US was pretty balanced, and he would look at it.\n\n"
				return "Intro.\n\n" + strings.Replace(s, p, p+p, 1)
			},
			want: AnchorOrphan, why: ErrPassageAmbiguous},
		{name: "duplicated with other context", exact: "pretty balanced",
			edit: func(s string) string {
				return "Aides called the deal pretty balanced too.\n\n" + s + "\n\nCritics said the trade was not pretty balanced at all."
			},
			find: "pretty balanced", within: "The President", want: AnchorContext},
		{name: "lookalike elsewhere only", exact: "pretty balanced",
			edit: func(s string) string {
				return strings.Replace(s, "was pretty balanced, and he", "was lopsided, and he", 1) + "\n\nA critic thought the menu pretty balanced."
			},
			want: AnchorOrphan, why: ErrContextChanged},
		{name: "repeated word, context tells", exact: "the", after: "pledged to raise defence spending",
			edit: func(s string) string { return "Intro.\n\n" + s },
			find: "the", within: "Crowds chanted “yes we can” outside ", want: AnchorContext},
		{name: "long passage, context rewritten", exact: "The Prime Minister pledged to raise defence spending to 2.5% from April 2027.",
			edit: func(s string) string {
				return strings.Replace(strings.Replace(s, "he would look at it.", "nothing more.", 1), "Crowds chanted", "People sang", 1)
			},
			find: "The Prime Minister pledged to raise defence spending to 2.5% from April 2027.", want: AnchorContext},
		{name: "found once, everything around it rewritten", old: "Critics said the plan would fail within a year, citing costs.", exact: "would fail",
			edit: func(string) string { return "Opponents of the scheme now insist it would fail, and soon." },
			want: AnchorOrphan, why: ErrContextChanged},
		{name: "short passage, context rewritten", exact: "calm",
			edit: func(s string) string { return strings.Replace(s, "the mood was calm.", "nobody was calm there", 1) },
			want: AnchorOrphan, why: ErrContextChanged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := fxOld
			if tt.old != "" {
				old = tt.old
			}
			a := fxQuote(t, old, tt.after, tt.exact)
			now := tt.edit(old)
			text := NewText(now)
			start, end, how, why := Anchor(text, a)
			if how != tt.want {
				t.Fatalf("Anchor = %d-%d %s (%q), want %s", start, end, how, text.Slice(start, end), tt.want)
			}
			if tt.want == AnchorOrphan {
				if start != a.Start || end != a.End {
					t.Errorf("orphan at %d-%d, want the old %d-%d", start, end, a.Start, a.End)
				}
				if why != tt.why || !errors.Is(why, ErrOrphaned) {
					t.Errorf("the orphan's reason is %v, want %v", why, tt.why)
				}
				return
			}
			if why != nil {
				t.Errorf("placed, with the error %v", why)
			}
			ws, we := fxFind(t, now, tt.within, tt.find)
			if start != ws || end != we {
				t.Errorf("Anchor = %d-%d (%q), want %d-%d (%q)", start, end, text.Slice(start, end), ws, we, tt.find)
			}
			if got := string([]rune(now)[start:end]); got != tt.find {
				t.Errorf("[]rune(text)[%d:%d] = %q, want %q", start, end, got, tt.find)
			}
		})
	}
}

func TestAnchorNoContext(t *testing.T) {
	text := NewText("one two three two")
	a := Annotation{Start: 100, End: 103, Exact: "one"}
	if s, e, how, _ := Anchor(text, a); s != 0 || e != 3 || how != AnchorContext {
		t.Errorf("unique without context: %d-%d %s", s, e, how)
	}
	a = Annotation{Start: 100, End: 103, Exact: "two"}
	if s, e, how, why := Anchor(text, a); s != 100 || e != 103 || how != AnchorOrphan || why != ErrPassageAmbiguous {
		t.Errorf("twice without context: %d-%d %s (%v), want the old span as an orphan, ambiguous", s, e, how, why)
	}
	a = Annotation{Start: 1, End: 1, Exact: ""}
	if _, _, how, why := Anchor(text, a); how != AnchorOrphan || why != ErrPassageNotFound {
		t.Errorf("empty exact: %s (%v)", how, why)
	}
	if _, _, how, _ := Anchor(nil, Annotation{Exact: "x", Start: 0, End: 1}); how != AnchorOrphan {
		t.Errorf("nil text: %s", how)
	}
}

// TestAnchorPositionsAreCodePoints checks that a position is read in code
// points: offsets counted in UTF-16 units are moved by context.
func TestAnchorPositionsAreCodePoints(t *testing.T) {
	s := "🇬🇧🇬🇧 emoji first, then the words that matter, and more."
	text := NewText(s)
	start, end := fxFind(t, s, "", "the words")
	a := Annotation{Start: start, End: end, Exact: "the words", Prefix: text.Slice(start-ContextLen, start)}
	if gs, ge, how, _ := Anchor(text, a); gs != start || ge != end || how != AnchorExact {
		t.Errorf("code points: %d-%d %s", gs, ge, how)
	}
	a.Start, a.End = text.UTF16(start), text.UTF16(end)
	if gs, ge, how, _ := Anchor(text, a); gs != start || ge != end || how != AnchorContext {
		t.Errorf("UTF-16 offsets: %d-%d %s, want %d-%d context", gs, ge, how, start, end)
	}
}

// TestAnchorEditsProperty anchors random spans of a text full of emoji,
// combining marks, NBSP and right-to-left script, on the text unchanged
// (always exact) and on the text with something inserted before them
// (context at the shifted position, or an orphan when the passage and its
// context repeat; never a wrong place).
func TestAnchorEditsProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"the ", "vote ", "e\u0301", "👩‍👩‍👧", "🇫🇷", "\u00a0", "שלום ", "سلام ", "“q” ", "— ", "𝔘𝔫𝔦", "cat ", "Z", "٣", "\n\n"}
	found, total := 0, 0
	for round := 0; round < 50; round++ {
		var b strings.Builder
		for w := 0; w < 200; w++ {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		runes := []rune(s)
		text := NewText(s)
		insert := strings.Repeat("🇬🇧 inserted ", 1+rng.IntN(5))
		shift := RuneCount(insert)
		moved := NewText(insert + s)
		an, anMoved := NewAnchorer(text), NewAnchorer(moved)
		for k := 0; k < 40; k++ {
			start := rng.IntN(len(runes) - 1)
			end := start + 1 + rng.IntN(min(len(runes)-start, 30))
			exact := string(runes[start:end])
			a := Annotation{Start: start, End: end, Exact: exact,
				Prefix: text.Slice(start-ContextLen, start), Suffix: text.Slice(end, end+ContextLen)}
			if gs, ge, how, _ := an.Anchor(a); gs != start || ge != end || how != AnchorExact {
				t.Fatalf("round %d: unchanged text: %d-%d %s, want %d-%d exact", round, gs, ge, how, start, end)
			}
			gs, ge, how, _ := anMoved.Anchor(a)
			total++
			if gs == start+shift && ge == end+shift {
				found++
			}
			switch how {
			case AnchorContext, AnchorExact:
				if gs != start+shift || ge != end+shift {
					// Another place is acceptable only if it is a true
					// lookalike: the same passage with the same context.
					p, sfx := moved.Slice(gs-RuneCount(a.Prefix), gs), moved.Slice(ge, ge+RuneCount(a.Suffix))
					if moved.Slice(gs, ge) != exact || p != a.Prefix || sfx != a.Suffix {
						t.Errorf("round %d: %q at %d-%d moved to %d-%d %s, want %d-%d", round, exact, start, end, gs, ge, how, start+shift, end+shift)
					}
				}
			case AnchorOrphan:
				// Only when the passage and its context repeat, or there is
				// too little to go on.
			case AnchorFuzzy:
				if moved.Slice(gs, ge) == exact {
					t.Errorf("round %d: fuzzy for an unchanged passage %q", round, exact)
				}
			}
		}
	}
	// Most spans are found again; the rest are orphans.
	if found < total*8/10 {
		t.Errorf("only %d of %d spans found again after an insertion", found, total)
	}
	t.Logf("%d of %d spans found again after an insertion", found, total)
}

// TestAnchorFuzzyTie checks that two equally good fuzzy
// candidates are told apart by the old position only when just one of them
// overlaps it.
func TestAnchorFuzzyTie(t *testing.T) {
	old := "Alpha said the economy is pretty balanced now. Beta said the economy is pretty balanced now."
	a := fxQuote(t, old, "", "pretty balanced")
	a.Prefix, a.Suffix = "", "" // no context to tell them apart
	now := strings.ReplaceAll(old, "pretty balanced", "Pretty Balanced")
	if s, e, how, _ := Anchor(NewText(now), a); how != AnchorFuzzy || s != a.Start || e != a.End {
		t.Errorf("tie at the old position: %d-%d %s, want %d-%d fuzzy", s, e, how, a.Start, a.End)
	}
	now = "Intro that moves everything along by a good way. " + now
	if s, e, how, _ := Anchor(NewText(now), a); how != AnchorOrphan {
		t.Errorf("tie away from the old position: %d-%d %s, want orphan", s, e, how)
	}
}

func TestAnchorNormalise(t *testing.T) {
	got := string(anchorNormRunes("  “Yes”\u00a0\u00a0WE—can…\u00ad\u200b ‘ok’  "))
	want := ` "yes" we-can... 'ok' `
	if got != want {
		t.Errorf("normalised %q, want %q", got, want)
	}
}

func BenchmarkAnchorContext(b *testing.B) {
	d := fxBigDoc(b, 300_000)
	s := fxBigSet(b, d, 2_000)
	as := s.All()
	// Insert a paragraph at the start, so that no position holds.
	moved := NewText("A new first paragraph 🇬🇧 moves everything along.\n\n" + d.Text().String())
	an := NewAnchorer(moved)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a := as[i%len(as)]
		if _, _, how, _ := an.Anchor(a); how == AnchorFuzzy {
			b.Fatalf("%q anchored fuzzy", a.Exact)
		}
		i++
	}
}

func BenchmarkAnchorFuzzy(b *testing.B) {
	d := fxBigDoc(b, 300_000)
	s := fxBigSet(b, d, 200)
	as := s.All()
	// Change every " the " to " thee ": quotes with the word need a fuzzy
	// match, and the rest are found by context.
	moved := NewText(strings.ReplaceAll(d.Text().String(), " the ", " thee "))
	an := NewAnchorer(moved)
	an.normalised()
	fuzzy := 0
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, _, how, _ := an.Anchor(as[i%len(as)]); how == AnchorFuzzy {
			fuzzy++
		}
		i++
	}
	b.ReportMetric(float64(fuzzy)/float64(i), "fuzzy/op")
}

// TestAnchorApproximate checks the filtered, cut-off edit-distance search
// against plain dynamic programming on random text: every candidate is
// as close as it says, and the closest match is found.
func TestAnchorApproximate(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []rune("abcdé 🇬")
	randRunes := func(n int) []rune {
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return r
	}
	for round := 0; round < 300; round++ {
		text := randRunes(50 + rng.IntN(250))
		m := 8 + rng.IntN(30)
		var pat []rune
		if rng.IntN(2) == 0 {
			pat = randRunes(m)
		} else {
			// A mutated piece of the text.
			at := rng.IntN(len(text) - m)
			pat = append([]rune{}, text[at:at+m]...)
			for e := 0; e < rng.IntN(4); e++ {
				i := rng.IntN(len(pat))
				switch rng.IntN(3) {
				case 0:
					pat[i] = alphabet[rng.IntN(len(alphabet))]
				case 1:
					pat = append(pat[:i], pat[i+1:]...)
				default:
					pat = append(pat[:i], append([]rune{alphabet[rng.IntN(len(alphabet))]}, pat[i:]...)...)
				}
			}
		}
		pat = anchorTrimSpace(pat)
		if len(pat) < 2 {
			continue
		}
		k := max(1, len(pat)*12/100)
		an := NewAnchorer(NewText(string(text)))
		cands := an.approximate(an.normalised(), pat, k)
		nr := an.normalised().runes
		best := k + 1
		for _, c := range cands {
			if c.d > k {
				t.Fatalf("round %d: candidate at distance %d > k=%d", round, c.d, k)
			}
			if d := fxLevenshtein(pat, nr[c.rs:c.re]); d != c.d {
				t.Fatalf("round %d: candidate %q for %q says distance %d, is %d", round, string(nr[c.rs:c.re]), string(pat), c.d, d)
			}
			best = min(best, c.d)
		}
		if want := fxSellersMin(pat, nr); min(want, k+1) != best {
			t.Fatalf("round %d: closest match of %q at distance %d, want %d", round, string(pat), best, want)
		}
	}
}

func fxLevenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// fxSellersMin returns the least edit distance between pat and any
// stretch of text.
func fxSellersMin(pat, text []rune) int {
	m := len(pat)
	prev := make([]int, m+1)
	cur := make([]int, m+1)
	for i := range prev {
		prev[i] = i
	}
	best := m
	for j := 1; j <= len(text); j++ {
		cur[0] = 0
		for i := 1; i <= m; i++ {
			cost := 1
			if pat[i-1] == text[j-1] {
				cost = 0
			}
			cur[i] = min(prev[i-1]+cost, prev[i]+1, cur[i-1]+1)
		}
		best = min(best, cur[m])
		prev, cur = cur, prev
	}
	return best
}

// TestAnchorerConcurrent uses one Anchorer from several goroutines, past
// the point where it builds its indexes; run with -race.
func TestAnchorerConcurrent(t *testing.T) {
	d := fxBigDoc(t, 30_000)
	s := fxBigSet(t, d, 200)
	moved := NewText("New first line.\n\n" + strings.ReplaceAll(d.Text().String(), "Trump", "trump"))
	an := NewAnchorer(moved)
	as := s.All()
	done := make(chan map[Anchoring]int)
	for g := 0; g < 4; g++ {
		go func() {
			counts := map[Anchoring]int{}
			for _, a := range as {
				_, _, how, _ := an.Anchor(a)
				counts[how]++
			}
			done <- counts
		}()
	}
	first := <-done
	for g := 1; g < 4; g++ {
		if got := <-done; fmt.Sprint(got) != fmt.Sprint(first) {
			t.Errorf("goroutines disagree: %v and %v", first, got)
		}
	}
	if first[AnchorContext] == 0 || first[AnchorFuzzy] == 0 {
		t.Errorf("counts %v", first)
	}
}

// TestAnchorContextOverPosition checks that an annotation whose exact text
// is still at its position, but with other words around it, goes to the
// place where its words and their context both are.
func TestAnchorContextOverPosition(t *testing.T) {
	old := strings.Repeat("Words that come first. ", 4) + "The minister said that trade was pretty balanced, and he left." + strings.Repeat(" Words after.", 4)
	a := fxQuote(t, old, "", "pretty balanced")
	b := NewText(old).Byte(a.Start)
	// Other words before the same place, and the passage as it was, with
	// its context, further on.
	moved := old[:b-len("trade was ")] + "tariff is " + old[b:]
	moved = moved[:len(moved)-len(" Words after.")] + " " + old[b-60:b+len("pretty balanced, and he left.")]
	text := NewText(moved)
	if text.Slice(a.Start, a.End) != a.Exact {
		t.Fatalf("the fixture is wrong: the exact text is not at its old place: %q", text.Slice(a.Start, a.End))
	}
	start, end, how, _ := NewAnchorer(text).Anchor(a)
	want := strings.LastIndex(moved, "pretty balanced")
	if how != AnchorContext || text.Byte(start) != want || end-start != a.End-a.Start {
		t.Errorf("Anchor = %d..%d (%v), want byte %d by its context (at its old place, byte %d, other words come before it)", start, end, how, want, b)
	}
}

// TestAnchorFuzzyEdges checks where a fuzzy match puts a passage's edges
// after an edit at or near them: on the passage's first and last words as
// they now read, the edited word kept in, never with white space or a
// piece of the text outside at an edge, never cutting a word or running
// into the next one, and never across a paragraph break that the passage
// did not hold. An alignment alone put ".\n\nA new budget would pass" for
// the first case: equal-cost alignments pushed the start left, over the
// paragraph break that normalising had made one space.
func TestAnchorFuzzyEdges(t *testing.T) {
	const budget = "Officials met on Monday.\n\nThe new budget would pass easily, they said. Nobody else agreed."
	tests := []struct {
		name       string
		old, exact string // the text the annotation was made on (fxOld if empty), its passage
		from, to   string // the edit: the first from in the text becomes to
		find       string // what the annotation should cover in the new text, "" for an orphan
		why        error  // for an orphan, the reason
	}{
		{name: "first word replaced, at a paragraph's start", old: budget, exact: "The new budget would pass",
			from: "The new", to: "A new", find: "A new budget would pass"},
		{name: "first word replaced, after another paragraph", exact: "The Prime Minister pledged to raise defence spending",
			from: "The Prime", to: "Our Prime", find: "Our Prime Minister pledged to raise defence spending"},
		{name: "first word replaced by a longer one", exact: "British trade with the US was pretty balanced",
			from: "British trade", to: "Transatlantic trade", find: "Transatlantic trade with the US was pretty balanced"},
		{name: "first word grown, the passage a piece of it", exact: "raise defence spending",
			from: "raise defence", to: "appraise defence", find: "appraise defence spending"},
		{name: "last word replaced", exact: "British trade with the US was pretty balanced",
			from: "pretty balanced", to: "pretty bad", find: "British trade with the US was pretty bad"},
		{name: "last word grown", exact: "British trade with the US was pretty balanced",
			from: "pretty balanced", to: "pretty unbalanced", find: "British trade with the US was pretty unbalanced"},
		{name: "last word replaced, at a paragraph's end", exact: "and he would look at it",
			from: "look at it.", to: "look at them.", find: "and he would look at them"},
		{name: "last word replaced, at the text's end", exact: "Crowds chanted “yes we can” outside the gates; the mood was calm",
			from: "was calm", to: "was tense", find: "Crowds chanted “yes we can” outside the gates; the mood was tense"},
		{name: "word inserted in the middle", exact: "The President said British trade with the US was pretty balanced",
			from: "the US", to: "the whole US", find: "The President said British trade with the whole US was pretty balanced"},
		{name: "punctuation changed", exact: "Crowds chanted “yes we can” outside the gates",
			from: "chanted “yes we can”", to: "chanted, “yes, we can!”", find: "Crowds chanted, “yes, we can!” outside the gates"},
		{name: "punctuation at the edge changed", exact: "raise defence spending to 2.5% from April 2027.",
			from: "April 2027.", to: "April 2027!", find: "raise defence spending to 2.5% from April 2027!"},
		{name: "a paragraph break put in the passage", exact: "British trade with the US was pretty balanced",
			from: "the US was", to: "the US.\n\nIt was", why: ErrContextChanged},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := fxOld
			if tt.old != "" {
				old = tt.old
			}
			if !strings.Contains(old, tt.from) {
				t.Fatalf("the fixture is wrong: %q is not in the text", tt.from)
			}
			a := fxQuote(t, old, "", tt.exact)
			now := strings.Replace(old, tt.from, tt.to, 1)
			text := NewText(now)
			start, end, how, why := NewAnchorer(text).Anchor(a)
			if tt.find == "" {
				if how != AnchorOrphan || why != tt.why {
					t.Errorf("Anchor = %q %s (%v), want an orphan (%v)", text.Slice(start, end), how, why, tt.why)
				}
				return
			}
			ws, we := fxFind(t, now, "", tt.find)
			if how != AnchorFuzzy || start != ws || end != we {
				t.Errorf("Anchor = %q %s (%v), want %q fuzzy", text.Slice(start, end), how, why, tt.find)
			}
			// As the set inserts it.
			b, err := NewSet(text, DefaultSchema()).Reanchor(NewAnchorer(text), a)
			if err != nil || b.Exact != tt.find {
				t.Errorf("Reanchor = %q, %v", b.Exact, err)
			}
		})
	}
}

// TestAnchorOneWordEditsCorpus annotates passages of every corpus page (a
// few words, from a word to a word, in one paragraph), replaces the first
// or the last word of each with another and anchors it again. A passage
// placed never starts or ends with white space, never cuts a word in two
// nor runs into the next one, and never crosses a paragraph break; and it
// is nearly always the edited passage, new word and all (the others are
// copies of the passage elsewhere on the page, which its context found).
// The repository's sample of the corpus is always there; the shared one
// adds its 130 pages.
func TestAnchorOneWordEditsCorpus(t *testing.T) {
	words := []string{"a", "council", "yesterday", "tariffs", "ministers", "extraordinarily"}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	placed, asEdited, copies, bad := 0, 0, 0, 0
	for _, page := range testcorpus.Pages(t) {
		runes := []rune(loadPage(t, page).Text().String())
		// The page's words: its runs of anything but white space.
		var tokens [][2]int
		for i := 0; i < len(runes); {
			j := i
			for j < len(runes) && !unicode.IsSpace(runes[j]) {
				j++
			}
			if j > i {
				tokens = append(tokens, [2]int{i, j})
			}
			i = j + 1
		}
		letters := func(tok [2]int) bool {
			for _, r := range runes[tok[0]:tok[1]] {
				if !unicode.IsLetter(r) {
					return false
				}
			}
			return true
		}
		rng := rand.New(rand.NewPCG(uint64(len(runes)), 7))
		for n, tries := 0, 0; n < 20 && tries < 400 && len(tokens) > 20; tries++ {
			i := rng.IntN(len(tokens) - 13)
			first, last := tokens[i], tokens[i+2+rng.IntN(10)]
			if !letters(first) || !letters(last) || slices.Contains(runes[first[0]:last[1]], '\n') {
				continue
			}
			n++
			a := Annotation{ID: "0190b3c4-1111-7000-8000-000000000001", Label: "claim"}
			a.Place(NewText(string(runes)), first[0], last[1])
			for _, edit := range []string{"first", "last"} {
				word := words[rng.IntN(len(words))]
				before, passage, after := string(runes[:first[0]]), string(runes[first[1]:last[1]]), string(runes[last[1]:])
				if edit == "first" {
					passage = word + passage
				} else {
					passage, before = string(runes[first[0]:last[0]])+word, string(runes[:first[0]])
				}
				if passage == a.Exact {
					continue
				}
				now := []rune(before + passage + after)
				text := NewText(string(now))
				s, e, how, _ := NewAnchorer(text).Anchor(a)
				if how == AnchorOrphan {
					continue
				}
				placed++
				got := text.Slice(s, e)
				var wrong string
				switch {
				case unicode.IsSpace(now[s]) || unicode.IsSpace(now[e-1]):
					wrong = "starts or ends with white space"
				case s > 0 && isWord(now[s-1]) && isWord(now[s]):
					wrong = "starts in the middle of a word"
				case e < len(now) && isWord(now[e-1]) && isWord(now[e]):
					wrong = "ends in the middle of a word"
				case strings.Contains(got, "\n\n"):
					wrong = "crosses a paragraph break"
				case got == passage:
					asEdited++
				case got == a.Exact:
					copies++ // an unedited copy elsewhere
				}
				if wrong != "" {
					if bad++; bad <= 10 {
						t.Errorf("%s: %q with its %s word replaced by %q: %s %q %s", page.Name, a.Exact, edit, word, how, got, wrong)
					}
				}
			}
		}
	}
	if placed == 0 || (asEdited+copies)*100 < placed*95 {
		t.Errorf("of %d passages placed, %d are the edited passage and %d a copy of it; want 95%%", placed, asEdited, copies)
	}
	t.Logf("of %d passages placed, %d are the edited passage, %d a copy of it, %d wrong", placed, asEdited, copies, bad)
}
