package annotate

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBytesOf checks zeroBytes and bytesOf against each byte of random
// words and of words of every byte value at every place: the high bit of
// exactly the bytes equal to c.
func TestBytesOf(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []uint64{0, ^uint64(0), eachByte, highBits}
	for b := range 256 {
		for at := range 8 {
			words = append(words, uint64(b)<<(8*at), ^uint64(0)&^(0xff<<(8*at))|uint64(b)<<(8*at))
		}
	}
	for range 10000 {
		words = append(words, rng.Uint64())
	}
	for _, x := range words {
		for _, c := range []byte{0, ' ', '\t', '&', 0x7f, 0x80, 0xff} {
			var want uint64
			for at := range 8 {
				if byte(x>>(8*at)) == c {
					want |= 0x80 << (8 * at)
				}
			}
			if got := bytesOf(x, c); got != want {
				t.Fatalf("bytesOf(%#016x, %#x) = %#016x, want %#016x", x, c, got, want)
			}
		}
	}
}

// TestStretchWord checks stretchWord against its definition, byte by
// byte, on texts of spaces, white space, letters and bytes beyond ASCII.
func TestStretchWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "b", " ", " ", "\t", "\n", "\r", "\f", "é", "."}
	for range 20000 {
		var b strings.Builder
		for range 12 {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		for j := 0; j+8 <= len(s); j++ {
			want := true
			for k := j; k < j+8; k++ {
				c := s[k]
				switch {
				case c >= 0x80, c != ' ' && isCollapsible(rune(c)):
					want = false
				case c == ' ' && (k == j+7 || isCollapsible(rune(s[k+1]))):
					want = false
				}
			}
			if got := stretchWord(s, j); got != want {
				t.Fatalf("stretchWord(%q, %d) = %v, want %v", s, j, got, want)
			}
		}
	}
}
