package annotate

// Long texts are read eight bytes at a time where they are plain: a text
// is mostly bytes that a loop looks at only to pass over, and in the
// browser such a loop runs slowly until V8 has compiled it well, which a
// first import or a first opening does not wait for. The words are read
// as the eight bytes from an offset, the first the lowest; the compiler
// makes one load of them.

const (
	eachByte = 0x0101010101010101 // 1 in each byte of a word
	highBits = 0x8080808080808080 // the high bit of each byte
)

// stringWord returns the eight bytes of s from i as one word.
func stringWord(s string, i int) uint64 {
	w := s[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// asciiWord reports whether s has eight bytes from i, all ASCII: eight
// code points.
func asciiWord(s string, i int) bool {
	return i >= 0 && i+8 <= len(s) && stringWord(s, i)&highBits == 0
}

// zeroBytes returns the high bit of each byte of y that is 0, and no
// other bit: (b&0x7f)+0x7f carries into the high bit unless b&0x7f is 0,
// and never into the next byte.
func zeroBytes(y uint64) uint64 {
	const low = ^uint64(highBits)
	return ^((y&low + low) | y | low)
}

// bytesOf returns the high bit of each byte of x that is c.
func bytesOf(x uint64, c byte) uint64 { return zeroBytes(x ^ uint64(c)*eachByte) }
