package annotate

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// This file is the one place where offsets change unit.
//
// Every offset that leaves the package counts Unicode code points, start
// inclusive and end exclusive, so that Python's text[start:end] is the span.
// Go strings count bytes and the DOM counts UTF-16 code units; the
// conversions between the three live here and nowhere else.

// checkpointEvery is the spacing, in code points, of the byte offsets that a
// Text remembers. Smaller is faster and larger is smaller.
const checkpointEvery = 64

// Text is an immutable string that converts offsets between code points,
// UTF-16 code units and bytes in O(log n) time.
//
// A Text is safe for concurrent use.
type Text struct {
	s      string
	n      int   // length in code points
	points []int // points[i] is the byte offset of code point i*checkpointEvery
	astral []int // code-point offsets of the characters outside the BMP, ascending
}

// NewText indexes s. Invalid UTF-8 bytes count as one code point each (they
// become U+FFFD when decoded), as Go's range loop counts them.
func NewText(s string) *Text {
	t := &Text{s: s}
	cp := 0
	for i := 0; i < len(s); {
		if cp%checkpointEvery == 0 {
			t.points = append(t.points, i)
		}
		// Eight ASCII bytes are eight code points; from a multiple of
		// eight they never pass over a checkpoint.
		if cp%8 == 0 && asciiWord(s, i) {
			i, cp = i+8, cp+8
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r >= 0x10000 {
			t.astral = append(t.astral, cp)
		}
		i += size
		cp++
	}
	t.n = cp
	return t
}

// String returns the text.
func (t *Text) String() string { return t.s }

// Len returns the length of the text in code points.
func (t *Text) Len() int { return t.n }

// UTF16Len returns the length of the text in UTF-16 code units.
func (t *Text) UTF16Len() int { return t.n + len(t.astral) }

// Byte returns the byte offset of code point cp. cp is clamped to [0, Len()].
func (t *Text) Byte(cp int) int {
	if cp <= 0 {
		return 0
	}
	if cp >= t.n {
		return len(t.s)
	}
	k, r := cp/checkpointEvery, cp%checkpointEvery
	b := t.points[k]
	if k+1 < len(t.points) && t.points[k+1]-b == checkpointEvery {
		return b + r // one byte a code point all along: ASCII (or bytes not UTF-8)
	}
	for r > 0 {
		if r >= 8 && asciiWord(t.s, b) {
			b, r = b+8, r-8
			continue
		}
		if t.s[b] < utf8.RuneSelf {
			b++
		} else {
			_, size := utf8.DecodeRuneInString(t.s[b:])
			b += size
		}
		r--
	}
	return b
}

// CodePointAtByte returns the code-point offset of byte offset b. A byte
// offset inside a multi-byte character counts as that character's start.
// b is clamped to [0, len].
func (t *Text) CodePointAtByte(b int) int {
	if b <= 0 {
		return 0
	}
	if b >= len(t.s) {
		return t.n
	}
	k := sort.Search(len(t.points), func(i int) bool { return t.points[i] > b }) - 1
	cp, at := k*checkpointEvery, t.points[k]
	for at < b {
		if at+8 <= b && asciiWord(t.s, at) {
			at, cp = at+8, cp+8
			continue
		}
		_, size := utf8.DecodeRuneInString(t.s[at:])
		if at+size > b {
			break
		}
		at += size
		cp++
	}
	return cp
}

// UTF16 returns the UTF-16 offset of code point cp. cp is clamped to [0, Len()].
func (t *Text) UTF16(cp int) int {
	cp = clamp(cp, 0, t.n)
	return cp + sort.SearchInts(t.astral, cp)
}

// CodePointAtUTF16 returns the code-point offset of UTF-16 offset u. An offset
// between the two halves of a surrogate pair counts as the pair's start.
// u is clamped to [0, UTF16Len()].
func (t *Text) CodePointAtUTF16(u int) int {
	u = clamp(u, 0, t.UTF16Len())
	// The answer cp is the largest cp with UTF16(cp) <= u.
	lo, hi := 0, t.n
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.UTF16(mid) <= u {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// Slice returns the text from code point start up to, not including, end.
// Both are clamped to [0, Len()].
func (t *Text) Slice(start, end int) string {
	start, end = clamp(start, 0, t.n), clamp(end, 0, t.n)
	if end <= start {
		return ""
	}
	return t.s[t.Byte(start):t.Byte(end)]
}

// RuneCount returns the length of s in code points.
func RuneCount(s string) int { return utf8.RuneCountInString(s) }

// UTF16Count returns the length of s in UTF-16 code units, as JavaScript's
// String.prototype.length counts it.
func UTF16Count(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// ByteAtUTF16 returns the byte offset in s of UTF-16 offset u, for the short
// strings of single text nodes. An offset inside a surrogate pair counts as
// the pair's start; u is clamped to [0, UTF16Count(s)].
func ByteAtUTF16(s string, u int) int {
	n := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if n+w > u {
			return i
		}
		n += w
	}
	return len(s)
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
