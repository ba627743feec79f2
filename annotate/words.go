package annotate

// This file keeps the words in which the annotator speaks of counts and
// sizes to people, so that the app, the command line and the domain's own
// messages say "1 annotation", "11.2 MB" the same way everywhere.
//
// Sizes are in decimal units, 1 KB = 1,000 bytes and 1 MB = 1,000,000
// bytes, the units of the limits in limits.go, so that a size and the limit
// it is measured against are always written in the same unit.

import (
	"fmt"
	"math"
	"strconv"
)

// Plural returns one when n is 1 and many otherwise: Plural(n, "annotation",
// "annotations").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sizeUnits are the decimal units FormatSize writes, largest first.
var sizeUnits = []struct {
	bytes float64
	name  string
}{
	{1e12, "TB"},
	{1e9, "GB"},
	{1e6, "MB"},
	{1e3, "KB"},
}

// FormatSize writes a byte count for people, in decimal units with at most
// one decimal: "1 byte", "532 bytes", "12.3 KB", "11.2 MB", "10 MB" (a
// decimal that is 0 is left out). A size that rounds up to 1,000 of a unit
// is written in the next one: 999,999 bytes is "1 MB", not "1000 KB".
//
// It rounds, so it can make a size look equal to a limit it exceeds: to
// say that a size is over a limit, use Limit.Check, which shows the exact
// count when the rounded one would not read as more.
func FormatSize(n int64) string {
	if n < 1000 && n > -1000 {
		return fmt.Sprintf("%d %s", n, Plural(int(n), "byte", "bytes"))
	}
	v, unit := roundSize(n)
	return formatDecimal(v) + " " + unit
}

// roundSize returns n in the largest unit it reaches, rounded to one
// decimal, moving up a unit when the rounding reaches 1,000.
func roundSize(n int64) (float64, string) {
	f := math.Abs(float64(n))
	for i, u := range sizeUnits {
		if f < u.bytes && i < len(sizeUnits)-1 {
			continue
		}
		v := math.Round(f/u.bytes*10) / 10
		if v >= 1000 && i > 0 {
			u = sizeUnits[i-1]
			v = math.Round(f/u.bytes*10) / 10
		}
		if n < 0 {
			v = -v
		}
		return v, u.name
	}
	panic("unreachable")
}

// formatDecimal writes v with one decimal, or none when it is 0.
func formatDecimal(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// FormatBytes writes an exact byte count with its thousands grouped:
// "10,000,001 bytes", "1 byte".
func FormatBytes(n int64) string {
	return GroupDigits(n) + " " + Plural(int(min(max(n, -2), 2)), "byte", "bytes")
}

// GroupDigits writes n with a comma between each group of three digits:
// 10000001 is "10,000,001".
func GroupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	var b []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return sign + string(b)
}
