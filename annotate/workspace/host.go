package workspace

// This file keeps one rule: a site is shown by its host as a browser's
// address bar shows it: in the letters its "xn--" labels stand for, but
// for a label that mixes scripts as a spoof does, kept in its ASCII form.

import (
	"strings"
	"unicode"
)

// unicodeHost returns host with each of its labels in ASCII form ("xn--"
// and Punycode, RFC 3492) written as the letters it stands for, as a
// browser's address bar shows it: "xn--80aswg.xn--p1ai" is "сайт.рф". A
// label that does not decode stays as it is.
func unicodeHost(host string) string {
	if !strings.Contains(host, "xn--") {
		return host
	}
	labels := strings.Split(host, ".")
	for i, l := range labels {
		if rest, ok := strings.CutPrefix(l, "xn--"); ok {
			if u, ok := punyDecode(rest); ok && !mixedScripts(u) {
				labels[i] = u
			}
		}
	}
	return strings.Join(labels, ".")
}

// mixedScripts reports whether label mixes scripts as a spoof does
// ("аpple", its "а" Cyrillic), which a browser's address bar shows in its
// ASCII form: a script beside another, but for Latin beside those written
// with it (Han, kana, Hangul, Bopomofo).
func mixedScripts(label string) bool {
	latin, cjk := false, false
	var other *unicode.RangeTable
	for _, r := range label {
		switch {
		case !unicode.IsLetter(r) || unicode.In(r, unicode.Common, unicode.Inherited):
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
			cjk = true
		case other == nil:
			for _, t := range unicode.Scripts {
				if unicode.Is(t, r) {
					other = t
					break
				}
			}
		case !unicode.Is(other, r):
			return true
		}
	}
	return other != nil && (latin || cjk)
}

// punyDecode decodes a Punycode label (RFC 3492, section 6.2).
func punyDecode(s string) (string, bool) {
	const base, tmin, tmax, skew, damp = 36, 1, 26, 38, 700
	adapt := func(delta, n int, first bool) int {
		if first {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / n
		k := 0
		for delta > (base-tmin)*tmax/2 {
			delta /= base - tmin
			k += base
		}
		return k + (base-tmin+1)*delta/(delta+skew)
	}
	var out []rune
	if j := strings.LastIndexByte(s, '-'); j >= 0 {
		for _, r := range s[:j] {
			if r >= 0x80 {
				return "", false
			}
			out = append(out, r)
		}
		s = s[j+1:]
	}
	n, i, bias := 128, 0, 72
	for p := 0; p < len(s); {
		old, w := i, 1
		for k := base; ; k += base {
			if p == len(s) {
				return "", false
			}
			c := s[p]
			p++
			var d int
			switch {
			case 'a' <= c && c <= 'z':
				d = int(c - 'a')
			case 'A' <= c && c <= 'Z':
				d = int(c - 'A')
			case '0' <= c && c <= '9':
				d = int(c-'0') + 26
			default:
				return "", false
			}
			if d > (1<<31-1-i)/w {
				return "", false
			}
			i += d * w
			t := min(max(k-bias, tmin), tmax)
			if d < t {
				break
			}
			if w > (1<<31-1)/(base-t) {
				return "", false
			}
			w *= base - t
		}
		bias = adapt(i-old, len(out)+1, old == 0)
		n += i / (len(out) + 1)
		i %= len(out) + 1
		if n > unicode.MaxRune || n < 0x80 {
			return "", false
		}
		out = append(out[:i], append([]rune{rune(n)}, out[i:]...)...)
		i++
	}
	return string(out), true
}
