// This file asserts the JSON Schema format "date-time" as the JSON Schema
// library does (santhosh-tekuri/jsonschema v6): RFC 3339's date-time, the
// date one that exists and a leap second only at 23:59:60 in UTC, but each
// two-digit field of the time and of the offset read by strconv.Atoi, so
// that "+9" passes for 09. The schema's pattern for times, which runs
// after the format, refuses what that lets through, with the same words;
// reading the format as the library does keeps the fault's kind the same
// too (a pattern's, not a format's).

package annotate

import (
	"strconv"
	"time"
)

// formatDateTime reports whether s passes the format "date-time".
func formatDateTime(s string) bool {
	if len(s) < len("2006-01-02T15:04:05Z") || (s[10] != 'T' && s[10] != 't') {
		return false
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return false
	}
	return formatTimeOfDay(s[11:])
}

// formatTimeOfDay reports whether s is hh:mm:ss, an optional fraction of a
// second, then Z or an offset ±hh:mm.
func formatTimeOfDay(s string) bool {
	if len(s) < len("15:04:05Z") || s[2] != ':' || s[5] != ':' {
		return false
	}
	h, okh := atoiField(s[0:2])
	m, okm := atoiField(s[3:5])
	sec, oks := atoiField(s[6:8])
	if !okh || !okm || !oks || h > 23 || m > 59 || sec > 60 {
		return false
	}
	s = s[8:]
	if len(s) > 0 && s[0] == '.' {
		digits := 1
		for digits < len(s) && '0' <= s[digits] && s[digits] <= '9' {
			digits++
		}
		if digits == 1 {
			return false
		}
		s = s[digits:]
	}
	if s != "z" && s != "Z" {
		if len(s) != len("+05:45") || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
			return false
		}
		zh, okzh := atoiField(s[1:3])
		zm, okzm := atoiField(s[4:6])
		if !okzh || !okzm || zh > 23 || zm > 59 {
			return false
		}
		// The time in UTC, for the leap second: an offset east of UTC
		// is taken off.
		shift := zh*60 + zm
		if s[0] == '+' {
			shift = -shift
		}
		hm := h*60 + m + shift
		if hm < 0 {
			hm += 24 * 60
		}
		h, m = hm/60, hm%60
	}
	return sec < 60 || (h == 23 && m == 59)
}

// atoiField reads a two-character field as strconv.Atoi does: digits,
// or a sign and a digit; it must not be negative.
func atoiField(s string) (int, bool) {
	i, err := strconv.Atoi(s)
	return i, err == nil && i >= 0
}
