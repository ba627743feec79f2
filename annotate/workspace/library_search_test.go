package workspace

// The library's search and its sort by title, in the scripts and letters
// of the world's news.

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

// listed is a summary of a document named title, for List's tests.
func listed(id, title string) Summary {
	return Summary{ID: id, Title: title, Status: StatusNew, Added: time.Unix(0, 0), Changed: time.Unix(0, 0)}
}

// A Greek title in capitals ends its words in Σ, which lower-cases to σ;
// the same word typed in lower case ends in the final sigma ς.
func TestListFindsGreekWordsEndingInSigma(t *testing.T) {
	docs := []Summary{listed("1", "ΕΚΛΟΓΕΣ ΣΤΗΝ ΕΛΛΑΔΑ"), listed("2", "Οι εκλογές της Κυριακής")}
	if got := List(docs, Query{Words: "εκλογές"}); len(got) != 2 {
		t.Errorf(`"εκλογές" finds %q, want both titles`, titles(got))
	}
	if got := List(docs, Query{Words: "ΕΚΛΟΓΕΣ"}); len(got) != 2 {
		t.Errorf(`"ΕΚΛΟΓΕΣ" finds %q, want both titles`, titles(got))
	}
}

// Letters with a stroke or ligatures are not decomposed by NFKD: "lodz"
// misses "Łódź", and they sort after "z".
func TestListFoldsLettersWithAStroke(t *testing.T) {
	docs := []Summary{
		listed("1", "Łódź votes"), listed("2", "Øresund bridge"), listed("3", "Đà Nẵng floods"),
		listed("4", "Straße closed"), listed("5", "Œuvre complète"),
		listed("6", "Madrid"), listed("7", "Paris"), listed("8", "Berlin"), listed("9", "Zagreb"),
		listed("10", "GROẞE KOALITION"),
	}
	// German writes "ss" for "ß" where it has no ß (Switzerland, capitals):
	// "strasse" missed "Straße", "große" missed "GROẞE".
	for q, want := range map[string]string{"lodz": "Łódź votes", "oresund": "Øresund bridge", "da nang": "Đà Nẵng floods", "oeuvre": "Œuvre complète",
		"strasse": "Straße closed", "Straße": "Straße closed", "große koalition": "GROẞE KOALITION", "grosse": "GROẞE KOALITION"} {
		if got := List(docs, Query{Words: q}); len(got) != 1 || got[0].Title != want {
			t.Errorf("%q finds %q, want %q", q, titles(got), want)
		}
	}
	want := []string{"Berlin", "Đà Nẵng floods", "GROẞE KOALITION", "Łódź votes", "Madrid", "Œuvre complète", "Øresund bridge", "Paris", "Straße closed", "Zagreb"}
	if got := titles(List(docs, Query{Sort: SortTitle})); !slices.Equal(got, want) {
		t.Errorf("sorted by title:\n got %q\nwant %q", got, want)
	}
}

// A headline that opens with a quotation mark sorts after "Z" when the
// mark is curly and before "A" when it is straight.
func TestListSortsATitleByItsFirstWord(t *testing.T) {
	docs := []Summary{
		listed("1", "Zebra crossings"), listed("2", "“Pretty balanced”, says Trump"),
		listed("3", `"Yes we can", again`), listed("4", "Budget day"), listed("5", "Oil prices"),
	}
	want := []string{"Budget day", "Oil prices", "“Pretty balanced”, says Trump", `"Yes we can", again`, "Zebra crossings"}
	if got := titles(List(docs, Query{Sort: SortTitle})); !slices.Equal(got, want) {
		t.Errorf("sorted by title:\n got %q\nwant %q", got, want)
	}
}

// Chinese and Japanese write no spaces between words: a title is one
// "word", and a word searched for is found only at its very start.
func TestListFindsWordsInTitlesWithoutSpaces(t *testing.T) {
	docs := []Summary{listed("1", "美国总统选举结果"), listed("2", "東京都知事選挙の結果")}
	if got := List(docs, Query{Words: "选举"}); len(got) != 1 {
		t.Errorf(`"选举" (election) finds %q, want the first title`, titles(got))
	}
	if got := List(docs, Query{Words: "選挙"}); len(got) != 1 {
		t.Errorf(`"選挙" (election) finds %q, want the second title`, titles(got))
	}
}

// Devanagari vowel signs are spacing marks (Mc), not letters: the words
// are cut at each, and "नदी" (river) finds "हिन्दी" (Hindi).
func TestListKeepsVowelSignsInWords(t *testing.T) {
	docs := []Summary{listed("1", "हिन्दी समाचार"), listed("2", "नदी में बाढ़")}
	if got := List(docs, Query{Words: "नदी"}); len(got) != 1 || got[0].ID != "2" {
		t.Errorf(`"नदी" (river) finds %q, want only "नदी में बाढ़"`, titles(got))
	}
	if got := List(docs, Query{Words: "हिन्दी"}); len(got) != 1 || got[0].ID != "1" {
		t.Errorf(`"हिन्दी" finds %q, want only "हिन्दी समाचार"`, titles(got))
	}
}

// TestTitleKeyIsTheFoldedWords: the key a listing sorts titles by is the
// title's folded words, one space apart, whatever stands between them.
func TestTitleKeyIsTheFoldedWords(t *testing.T) {
	for _, title := range []string{
		"", " ", "Budget day", "  Budget   day ", "“Pretty balanced”, says Trump", `"Yes we can", again`,
		"Łódź — 2026!", "हिन्दी समाचार", "美国总统选举结果", "ΕΚΛΟΓΕΣ: ΣΤΗΝ ΕΛΛΑΔΑ", "a\tb\nc", "...", "x", "x.",
	} {
		if got, want := titleKey(title), strings.Join(foldWords(title), " "); got != want {
			t.Errorf("titleKey(%q) = %q, want %q", title, got, want)
		}
	}
}

// TestInWordAgreesWithUnicode: inWord's shortcut for ASCII gives what
// the unicode package does.
func TestInWordAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if got, want := inWord(r), unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r); got != want {
			t.Errorf("inWord(%U) = %v, want %v", r, got, want)
		}
	}
}
