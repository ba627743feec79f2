package annotate

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkTextByRunes is checkText as a loop over the runes: what its words
// must agree with.
func checkTextByRunes(s, encName, name string) (string, string, error) {
	control, total := 0, 0
	for _, r := range s {
		if total == 65536 {
			break
		}
		total++
		if IsStrayControl(r) || r == utf8.RuneError {
			control++
		}
	}
	if control >= 16 && control*10 > total {
		return "", "", refusal(ErrBinary, "%s is not text: %d of its first %d characters are control characters, as in an image, an archive or a program; "+
			"open the article's web page (.html) or its text (.txt) instead", name, control, total)
	}
	return strings.Map(func(r rune) rune {
		if IsStrayControl(r) {
			return -1
		}
		return r
	}, s), encName, nil
}

// sameCheck fails when checkText and checkTextByRunes differ on s.
func sameCheck(t *testing.T, s string) {
	t.Helper()
	got, _, gotErr := checkText(s, "utf-8", "a.txt")
	want, _, wantErr := checkTextByRunes(s, "utf-8", "a.txt")
	if gotErr != nil && !errors.Is(gotErr, ErrBinary) {
		t.Fatalf("checkText(%.80q…): %v, not ErrBinary", s, gotErr)
	}
	if got != want || (gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
		t.Fatalf("checkText(%.80q…) = %.80q, %v; by runes %.80q, %v", s, got, gotErr, want, wantErr)
	}
}

func TestCheckTextByWords(t *testing.T) {
	for b := 0; b < 256; b++ {
		for at := 0; at < 20; at++ {
			s := []byte(strings.Repeat("plain\ttext,\r\n é 日\f", 2))
			s[at] = byte(b)
			sameCheck(t, string(s))
			if got, want := hasStrayControl(string(s)), strings.ContainsFunc(string(s), IsStrayControl); got != want {
				t.Fatalf("hasStrayControl(%q) = %v, want %v", s, got, want)
			}
		}
	}
	long := strings.Repeat("word ", 13107) // 65,535 characters
	// A word that straddles the 65,536th character must not be counted
	// whole: 6,553 control characters in the first 65,536 are not a
	// tenth, the 6,554th right after them would be.
	edge := "é" + strings.Repeat("\x01aaaaaaaaa", 6552) + "aaaaaaaa" + "aaaaaa\x01\x01" + "tail"
	for _, s := range []string{
		edge,
		long + "é\x01end",
		long + "a\x01end",
		long[:65530] + "日本語\x02\x03end",
		strings.Repeat("ab\x00\x00", 100),
		strings.Repeat("\x01", 15) + strings.Repeat("a", 200),
		strings.Repeat("a\x01\x02\x03", 20000),
		strings.Repeat("\xff", 40) + "text",
		"",
	} {
		sameCheck(t, s)
	}
}

func FuzzCheckText(f *testing.F) {
	f.Add("plain\ttext, é 日 \x01\x00 \xff end")
	f.Add(strings.Repeat("a\x01\x02\x03", 10))
	f.Fuzz(func(t *testing.T, s string) { sameCheck(t, s) })
}
