package annotate

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// offsetSamples covers what offsets get wrong: characters outside the BMP
// (emoji, a flag, a skin-tone sequence), combining marks, CRLF, NBSP and
// right-to-left text.
var offsetSamples = []string{
	"",
	"plain ASCII",
	"emoji 😀 in the middle",
	"😀😀😀",
	"flag 🇬🇧 and family 👩‍👩‍👧 and 👍🏽",
	"cafe\u0301 with a combining accent",
	"line\r\nbreaks\r\n",
	"no\u00a0break\u00a0space",
	"عربي and עברית mixed with English",
	"𝐌𝐚𝐭𝐡 bold 𝔉𝔯𝔞𝔨𝔱𝔲𝔯",
	"中文字符和日本語のテキスト",
}

// TestTextConversions checks every offset of every sample against a
// conversion written out the slow way.
func TestTextConversions(t *testing.T) {
	for _, s := range offsetSamples {
		text := NewText(s)
		runes := []rune(s)
		if text.Len() != len(runes) {
			t.Fatalf("%q: Len = %d, want %d", s, text.Len(), len(runes))
		}
		if got, want := text.UTF16Len(), len(utf16.Encode(runes)); got != want {
			t.Errorf("%q: UTF16Len = %d, want %d", s, got, want)
		}
		for cp := 0; cp <= len(runes); cp++ {
			wantByte := len(string(runes[:cp]))
			wantU16 := len(utf16.Encode(runes[:cp]))
			if got := text.Byte(cp); got != wantByte {
				t.Errorf("%q: Byte(%d) = %d, want %d", s, cp, got, wantByte)
			}
			if got := text.UTF16(cp); got != wantU16 {
				t.Errorf("%q: UTF16(%d) = %d, want %d", s, cp, got, wantU16)
			}
			if got := text.CodePointAtByte(wantByte); got != cp {
				t.Errorf("%q: CodePointAtByte(%d) = %d, want %d", s, wantByte, got, cp)
			}
			if got := text.CodePointAtUTF16(wantU16); got != cp {
				t.Errorf("%q: CodePointAtUTF16(%d) = %d, want %d", s, wantU16, got, cp)
			}
			for end := cp; end <= len(runes); end++ {
				if got, want := text.Slice(cp, end), string(runes[cp:end]); got != want {
					t.Errorf("%q: Slice(%d, %d) = %q, want %q", s, cp, end, got, want)
				}
			}
		}
		if got := UTF16Count(s); got != text.UTF16Len() {
			t.Errorf("%q: UTF16Count = %d, want %d", s, got, text.UTF16Len())
		}
	}
}

// TestOffsetsInsideCharacters checks that an offset inside a character
// counts as that character's start.
func TestOffsetsInsideCharacters(t *testing.T) {
	text := NewText("a😀b")
	if got := text.CodePointAtUTF16(2); got != 1 {
		t.Errorf("CodePointAtUTF16 between the halves of a surrogate pair = %d, want 1", got)
	}
	if got := text.CodePointAtByte(3); got != 1 {
		t.Errorf("CodePointAtByte inside the emoji's bytes = %d, want 1", got)
	}
	if got := ByteAtUTF16("a😀b", 2); got != 1 {
		t.Errorf("ByteAtUTF16 between the halves = %d, want 1", got)
	}
	if got := text.Slice(2, 1); got != "" {
		t.Errorf("Slice with end before start = %q, want empty", got)
	}
	if got := text.Slice(-5, 99); got != "a😀b" {
		t.Errorf("Slice clamps: got %q", got)
	}
}

// TestTextLong crosses many checkpoints with characters of every width.
func TestTextLong(t *testing.T) {
	var runes []rune
	for i := 0; i < 5000; i++ {
		sample := []rune("a é 中 😀 ")
		runes = append(runes, sample[i%len(sample)])
	}
	s := string(runes)
	text := NewText(s)
	u := 0
	b := 0
	for cp := 0; cp <= len(runes); cp++ {
		if text.UTF16(cp) != u || text.Byte(cp) != b || text.CodePointAtUTF16(u) != cp || text.CodePointAtByte(b) != cp {
			t.Fatalf("conversions disagree at code point %d", cp)
		}
		if cp < len(runes) {
			u += utf16.RuneLen(runes[cp])
			b += utf8.RuneLen(runes[cp])
		}
	}
}

// FuzzTextOffsets checks that conversions agree with the slow way for any
// valid UTF-8 string.
func FuzzTextOffsets(f *testing.F) {
	for _, s := range offsetSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		text := NewText(s)
		runes := []rune(s)
		u := 0
		for cp := 0; cp <= len(runes); cp++ {
			if got := text.UTF16(cp); got != u {
				t.Fatalf("UTF16(%d) = %d, want %d", cp, got, u)
			}
			if got := text.CodePointAtUTF16(u); got != cp {
				t.Fatalf("CodePointAtUTF16(%d) = %d, want %d", u, got, cp)
			}
			if got := text.CodePointAtByte(text.Byte(cp)); got != cp {
				t.Fatalf("byte round trip of %d gave %d", cp, got)
			}
			if cp < len(runes) {
				u += utf16.RuneLen(runes[cp])
				if text.Slice(cp, cp+1) != string(runes[cp]) {
					t.Fatalf("Slice(%d, %d) = %q", cp, cp+1, text.Slice(cp, cp+1))
				}
			}
		}
	})
}

// TestTextByteOverStretches checks Byte on texts long enough to have many
// checkpoints, some stretches ASCII only (where Byte takes the checkpoint
// and adds), some not, and bytes that are not UTF-8 (one code point
// each), against the byte offsets that ranging over the text gives.
func TestTextByteOverStretches(t *testing.T) {
	ascii := strings.Repeat("plain words ", 20)
	for name, s := range map[string]string{
		"ASCII":            strings.Repeat(ascii, 5),
		"mixed":            ascii + "café 日本語 😀 “quoted” " + ascii + "naïve" + ascii,
		"bytes not UTF-8":  ascii + "\xff\xfe" + strings.Repeat("\x80", 70) + ascii + "é" + ascii,
		"ends not ASCII":   ascii + strings.Repeat("日本語", 50),
		"starts not ASCII": strings.Repeat("😀", 70) + ascii,
	} {
		text := NewText(s)
		var want []int
		for i := range s {
			want = append(want, i)
		}
		want = append(want, len(s))
		if text.Len() != len(want)-1 {
			t.Fatalf("%s: Len %d, want %d", name, text.Len(), len(want)-1)
		}
		for cp, b := range want {
			if got := text.Byte(cp); got != b {
				t.Fatalf("%s: Byte(%d) = %d, want %d", name, cp, got, b)
			}
		}
	}
}

// checkTextAgainstRange fails when Text's Len, Byte, CodePointAtByte or
// UTF16 disagree, on any string (bytes not UTF-8 included), with what
// ranging over it gives: each byte that is not UTF-8 is a code point of
// its own, and a byte offset inside a character counts as its start.
func checkTextAgainstRange(t *testing.T, name, s string) {
	t.Helper()
	text := NewText(s)
	var starts []int // byte offset of each code point
	cpAt := make([]int, len(s)+1)
	u, utf16At := 0, []int{}
	for i, r := range s {
		starts = append(starts, i)
		utf16At = append(utf16At, u)
		u += utf16.RuneLen(max(r, 0)) // RuneError is one unit
	}
	n := len(starts)
	starts = append(starts, len(s))
	utf16At = append(utf16At, u)
	for cp := 0; cp < n; cp++ {
		for b := starts[cp]; b < starts[cp+1]; b++ {
			cpAt[b] = cp
		}
	}
	cpAt[len(s)] = n
	if text.Len() != n {
		t.Fatalf("%s: Len %d, want %d", name, text.Len(), n)
	}
	for cp, b := range starts {
		if got := text.Byte(cp); got != b {
			t.Fatalf("%s: Byte(%d) = %d, want %d", name, cp, got, b)
		}
		if got := text.UTF16(cp); got != utf16At[cp] {
			t.Fatalf("%s: UTF16(%d) = %d, want %d", name, cp, got, utf16At[cp])
		}
	}
	for b, cp := range cpAt {
		if got := text.CodePointAtByte(b); got != cp {
			t.Fatalf("%s: CodePointAtByte(%d) = %d, want %d", name, b, got, cp)
		}
	}
}

// TestTextAgainstRange checks Text on stretches of every kind, with ASCII
// words passed over eight bytes at a time across and beside checkpoints.
func TestTextAgainstRange(t *testing.T) {
	ascii := strings.Repeat("plain words ", 20)
	for name, s := range map[string]string{
		"empty":            "",
		"short":            "abc",
		"ASCII":            strings.Repeat(ascii, 5),
		"mixed":            ascii + "café 日本語 😀 “quoted” " + ascii + "naïve" + ascii,
		"bytes not UTF-8":  ascii + "\xff\xfe" + strings.Repeat("\x80", 70) + ascii + "é" + ascii,
		"ends not ASCII":   ascii + strings.Repeat("日本語", 50),
		"starts not ASCII": strings.Repeat("😀", 70) + ascii,
		"one in eight":     strings.Repeat("abcdefgé", 40) + strings.Repeat("abcdef😀", 40),
		"cut characters":   ascii + "\xe6\x97" + ascii + "\xf0\x9f\x98" + ascii,
	} {
		checkTextAgainstRange(t, name, s)
	}
}

// FuzzTextAgainstRange runs the same check on any bytes.
func FuzzTextAgainstRange(f *testing.F) {
	f.Add(strings.Repeat("plain words ", 12) + "café\xff 😀" + strings.Repeat("x", 70))
	f.Add("\xe6\x97 abcdefghijklmnop \xf0\x9f\x98 qrstuvwxyz")
	f.Fuzz(func(t *testing.T, s string) { checkTextAgainstRange(t, "fuzz", s) })
}
