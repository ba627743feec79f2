// This file reads times exactly as RFC 3339 §5.6 writes them, no more and
// no less, so that the reader and the published JSON Schema agree on every
// file.

package annotate

import (
	"errors"
	"time"
)

// ErrNotDateTime is the error of a time that is not an RFC 3339
// date-time.
var ErrNotDateTime = errors.New("not an RFC 3339 date and time, such as 2025-04-01T09:30:00.000Z")

// parseFileTime reads an RFC 3339 date-time (§5.6):
//
//	full-date "T" partial-time time-offset
//	2025-04-01T09:30:00.123Z, 2025-04-01t09:30:00z, ...+05:45, ...-00:00
//
// "T" and "Z" may be lower case; the fraction of a second may have any
// number of digits (Go keeps nanoseconds and drops the rest); the offset
// is "Z" or ±hh:mm with hh at most 23. The date must exist (no 30
// February). A leap second, :60, is taken only where one can fall, at
// 23:59:60 in UTC (what the JSON Schema's date-time format asserts too);
// Go's time cannot hold it, so it reads as the last nanosecond of that
// minute, 23:59:59.999999999 UTC: after every time before it, and still
// on its own day.
func parseFileTime(s string) (time.Time, error) {
	num := func(i, n int) (int, bool) {
		if i+n > len(s) {
			return 0, false
		}
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	at := func(i int, c byte) bool { return i < len(s) && s[i] == c }
	year, ok1 := num(0, 4)
	month, ok2 := num(5, 2)
	day, ok3 := num(8, 2)
	hour, ok4 := num(11, 2)
	minute, ok5 := num(14, 2)
	sec, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || !at(4, '-') || !at(7, '-') ||
		!(at(10, 'T') || at(10, 't')) || !at(13, ':') || !at(16, ':') {
		return time.Time{}, ErrNotDateTime
	}
	i := 19
	nsec := 0
	if at(i, '.') {
		i++
		digits := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			if digits < 9 {
				nsec = nsec*10 + int(s[i]-'0')
			}
			digits++
		}
		if digits == 0 {
			return time.Time{}, ErrNotDateTime
		}
		for d := digits; d < 9; d++ {
			nsec *= 10
		}
	}
	offset := 0
	switch {
	case i+1 == len(s) && (s[i] == 'Z' || s[i] == 'z'):
	case i+6 == len(s) && (s[i] == '+' || s[i] == '-') && s[i+3] == ':':
		oh, okh := num(i+1, 2)
		om, okm := num(i+4, 2)
		if !okh || !okm || oh > 23 || om > 59 {
			return time.Time{}, ErrNotDateTime
		}
		offset = (oh*60 + om) * 60
		if s[i] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, ErrNotDateTime
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, month) ||
		hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, ErrNotDateTime
	}
	leap := sec == 60
	if leap {
		sec = 59
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC).Add(-time.Duration(offset) * time.Second)
	if leap {
		if u := t.UTC(); u.Hour() != 23 || u.Minute() != 59 {
			return time.Time{}, ErrNotDateTime
		}
		t = t.Truncate(time.Second).Add(time.Second - time.Nanosecond)
	}
	if offset == 0 {
		return t, nil
	}
	return t.In(time.FixedZone("", offset)), nil
}

// daysIn returns the number of days in the month of the year.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
