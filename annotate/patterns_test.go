package annotate

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// handPatterns pairs each hand matcher with the JSON Schema's expression
// it stands for, read from the published schema.
func handPatterns() []struct {
	name string
	hand func(string) bool
	expr *regexp.Regexp
} {
	r := schemaRules()
	return []struct {
		name string
		hand func(string) bool
		expr *regexp.Regexp
	}{
		{"uuid", IsUUID, regexp.MustCompile(r.uuid)},
		{"name", isLabelName, regexp.MustCompile(r.name)},
		{"color", isColor, regexp.MustCompile(r.color)},
		{"sha256", isSHA256Hex, regexp.MustCompile(r.sha256)},
	}
}

// patternSamples are strings near every pattern's edges: the right length
// and one off, each class of byte in each place, and non-ASCII.
func patternSamples() []string {
	s := []string{"", "a", "z", "A", "0", "_", "-", "#", "é", "a\n", "\na", "a ", " a", "a\x00",
		"#00ff00", "#00FF0g", "#00ff0", "#00ff000", "00ff00#", "#ÿ0ff00",
		"claim", "quote-2", "x_y", "1abc", "Abc", "a" + strings.Repeat("b", 31), "a" + strings.Repeat("b", 32),
		"3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b", "3F2B8C1E-5D4A-4E6F-9A7B-0C1D2E3F4A5B",
		"3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5", "3f2b8c1e05d4a-4e6f-9a7b-0c1d2e3f4a5b", "3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5g",
		strings.Repeat("0", 64), strings.Repeat("f", 64), strings.Repeat("F", 64), strings.Repeat("a", 63), strings.Repeat("a", 65),
		strings.Repeat("a", 63) + "\n", strings.Repeat("a", 63) + "é",
	}
	// Every one- and two-byte string over the bytes the patterns tell apart.
	edge := []byte{0, '\n', ' ', '#', '-', '/', '0', '9', ':', '@', 'A', 'F', 'G', 'Z', '[', '_', '`', 'a', 'f', 'g', 'z', '{', 0x7f, 0xc3, 0xff}
	for _, x := range edge {
		s = append(s, string([]byte{x}))
		for _, y := range edge {
			s = append(s, string([]byte{x, y}))
		}
	}
	// Valid values with one byte changed to each edge byte, at each place.
	for _, v := range []string{"#a0B9fF", "ab-c_9", "3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b", strings.Repeat("0123456789abcdef", 4)} {
		for i := range len(v) {
			for _, x := range edge {
				b := []byte(v)
				b[i] = x
				s = append(s, string(b))
			}
		}
	}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		b := make([]byte, rng.Intn(70))
		for i := range b {
			b[i] = edge[rng.Intn(len(edge))]
		}
		s = append(s, string(b))
	}
	return s
}

// TestPatternsByHand checks that each hand matcher gives what the JSON
// Schema's expression gives, and that the key's expression takes every
// printable ASCII character, which isOneKey takes without it.
func TestPatternsByHand(t *testing.T) {
	for _, p := range handPatterns() {
		for _, s := range patternSamples() {
			if got, want := p.hand(s), p.expr.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v; the schema's %s says %v", p.name, s, got, p.expr, want)
			}
		}
	}
	for c := byte(0); c < 0x80; c++ {
		s := string([]byte{c})
		if got, want := isOneKey(s), keyPattern().MatchString(s); got != want {
			t.Errorf("isOneKey(%q) = %v; the schema's pattern says %v", s, got, want)
		}
	}
	for _, s := range []string{"é", "e\u0301", "🇫🇷", "👍🏽", "ab", "", "\u0301"} {
		if got, want := isOneKey(s), keyPattern().MatchString(s); got != want {
			t.Errorf("isOneKey(%q) = %v; the schema's pattern says %v", s, got, want)
		}
	}
}

func FuzzPatternsByHand(f *testing.F) {
	for _, s := range patternSamples()[:200] {
		f.Add(s)
	}
	ps := handPatterns()
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range ps {
			if got, want := p.hand(s), p.expr.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v; the schema's %s says %v", p.name, s, got, p.expr, want)
			}
		}
		if len(s) == 1 {
			if got, want := isOneKey(s), keyPattern().MatchString(s); got != want {
				t.Errorf("isOneKey(%q) = %v; the schema's pattern says %v", s, got, want)
			}
		}
	})
}
