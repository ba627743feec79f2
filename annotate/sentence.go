package annotate

import (
	"sort"
	"strings"
	"unicode"
)

// This file keeps the rule for where the sentences and paragraphs of a
// canonical text begin, for moving a caret through the article by
// sentence or paragraph. Chromium's own sentence movement was measured
// and breaks after "Mr." and inside "U.S.", and its paragraph movement
// walks out of the article, so the boundaries are decided here, on the
// canonical text, and mapped to the page through the text's index.
//
// A paragraph begins at the first character after a line break that is
// not white space (and at the text's first such character): every block
// of the canonical text is a paragraph, as a reader sees it. A sentence
// begins at every paragraph's start and after a sentence's end: one or
// more of . ! ? … (and the Arabic question mark ؟, the Urdu full stop ۔
// and the Devanagari danda ।) then any closing quotes or brackets and
// citation marks ("[18]"), then
// spaces, then a capital letter, a letter of a script without capitals
// (Arabic, Hebrew, Devanagari, CJK: else no sentence of theirs began
// inside a paragraph), a digit or an opening quote or bracket. A full stop
// after a known abbreviation (Mr, Dr, St, …) or after an initial (the "S"
// of "U.S.", the "K" of "J. K.") ends no sentence. Chinese and Japanese
// write no space between sentences: after their full-width ends (。！？)
// and any closing brackets, the next sentence begins at the next
// character that is not white space, whatever it is.

// isAbbreviation reports whether word, in lower case, ends with a full
// stop that does not end a sentence. "No." and "Nos." are abbreviations
// only before a number (abbreviated).
func isAbbreviation(word string) bool {
	switch word {
	case "mr", "mrs", "ms", "mx", "dr", "prof", "st", "sr", "jr", "rev", "hon", "gen", "col", "lt",
		"capt", "sgt", "cpl", "gov", "sen", "rep", "pres", "mt", "ft", "vs", "v", "cf",
		"e.g", "i.e", "approx", "est", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
		"jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

const (
	sentenceEnds = ".!?…؟۔।。！？｡។"
	// wideEnds are the sentence ends after which no space comes.
	wideEnds = "。！？｡"
	// German and Czech quotes open low („ ‚) and close with “ and ‘.
	closers = "\"'”’“‘)]»」』）】〕〉》"
	openers = "\"'“‘„‚([«¡¿"
)

// endsSentence reports whether r may end a sentence: one of sentenceEnds,
// or any other sentence terminal of Unicode (Sentence_Terminal: the
// Amharic ።, the Burmese ။, the Armenian ։, the double
// danda ॥, …), so that the scripts without capitals that have a full stop
// of their own are read as the README says.
func endsSentence(r rune) bool {
	return strings.ContainsRune(sentenceEnds, r) || unicode.Is(unicode.Sentence_Terminal, r)
}

// ParagraphStarts returns the code-point offsets at which the paragraphs
// of text begin, in increasing order.
func ParagraphStarts(text string) []int {
	var starts []int
	atLineStart := true
	i := 0
	for _, r := range text {
		switch {
		case r == '\n':
			atLineStart = true
		case atLineStart && !unicode.IsSpace(r):
			starts = append(starts, i)
			atLineStart = false
		}
		i++
	}
	return starts
}

// SentenceStarts returns the code-point offsets at which the sentences of
// text begin, in increasing order; every paragraph's start is one.
func SentenceStarts(text string) []int {
	rs := []rune(text)
	starts := ParagraphStarts(text)
	for i := 0; i < len(rs); i++ {
		if !endsSentence(rs[i]) {
			continue
		}
		first, end := i, i
		for end+1 < len(rs) && endsSentence(rs[end+1]) {
			end++
		}
		j := afterClosers(rs, end+1)
		k := j
		for k < len(rs) && rs[k] != '\n' && unicode.IsSpace(rs[k]) {
			k++
		}
		i = end
		if strings.ContainsRune(wideEnds, rs[end]) {
			if k < len(rs) && rs[k] != '\n' {
				starts = append(starts, k)
			}
			continue
		}
		if k == j || k >= len(rs) || rs[k] == '\n' {
			continue // no space after it, or a line break (a paragraph's start)
		}
		next := rs[k]
		if !beginsSentence(next) {
			continue
		}
		if end == first && rs[first] == '.' && j == end+1 && abbreviated(rs[:first], next) {
			continue
		}
		starts = append(starts, k)
	}
	sort.Ints(starts)
	return starts
}

// afterClosers returns the index in rs after the closing quotes and
// brackets that begin at j, and after any citation marks among them
// ("[18]", "[a]", "[citation needed]", as Wikipedia writes them after a
// sentence's full stop): no sentence began after a cited one.
func afterClosers(rs []rune, j int) int {
	for j < len(rs) {
		if strings.ContainsRune(closers, rs[j]) {
			j++
			continue
		}
		if c := afterCitation(rs, j); c > j {
			j = c
			continue
		}
		break
	}
	return j
}

// afterCitation returns, when a citation mark ("[18]") begins at j, the
// index after it; else j. A mark is a bracket of at most 40 characters on
// one line, with no bracket inside.
func afterCitation(rs []rune, j int) int {
	if j >= len(rs) || rs[j] != '[' {
		return j
	}
	for k := j + 1; k < len(rs) && k <= j+41; k++ {
		switch rs[k] {
		case ']':
			if k > j+1 {
				return k + 1
			}
			return j
		case '[', '\n':
			return j
		}
	}
	return j
}

// beginsSentence reports whether r, after a sentence's end and a space,
// begins the next sentence: a capital (upper or title case), a letter of
// a script that has no case (category Lo), a digit, or an opening quote or
// bracket. A lower-case letter goes on the sentence ("2.5 bn. and more").
func beginsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.Is(unicode.Lo, r) || unicode.IsDigit(r) ||
		strings.ContainsRune(openers, r)
}

// abbreviated reports whether the word that ends just before a full stop
// (the end of before) is an abbreviation or an initial; next is the first
// character after the stop and its spaces. "No." abbreviates "number"
// only before one ("No. 10"): "Is it? No. Is it useful?" is three
// sentences.
func abbreviated(before []rune, next rune) bool {
	w := len(before)
	for w > 0 && (unicode.IsLetter(before[w-1]) || before[w-1] == '.') {
		w--
	}
	word := strings.ToLower(string(before[w:]))
	if word == "" {
		return false
	}
	if word == "no" || word == "nos" {
		return unicode.IsDigit(next)
	}
	if isAbbreviation(word) {
		return true
	}
	// An initial: one letter ("J."), or the last letter of an initialism
	// written with stops ("U.S.").
	letters := strings.Split(word, ".")
	last := []rune(letters[len(letters)-1])
	return len(last) == 1 && (len(letters) > 1 || unicode.IsUpper(before[len(before)-1]))
}

// NextStart returns the first of starts after pos, or end when none is.
func NextStart(starts []int, pos, end int) int {
	i := sort.SearchInts(starts, pos+1)
	if i < len(starts) {
		return starts[i]
	}
	return end
}

// PreviousStart returns the last of starts before pos, or 0 when none is:
// from inside a sentence, the start of that sentence.
func PreviousStart(starts []int, pos int) int {
	i := sort.SearchInts(starts, pos)
	if i > 0 {
		return starts[i-1]
	}
	return 0
}
