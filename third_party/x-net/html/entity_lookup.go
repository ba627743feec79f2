// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package html

// Patched (the annotator's third_party/README.md): the entity tables are
// sorted arrays, which the linker lays out as data, rather than maps, which
// the program built when it started: 2,231 insertions before the first
// paint in a browser. A lookup is a binary search.

import "strings"

// entityRune is one entity that stands for one code point.
type entityRune struct {
	name string
	r    rune
}

// entityRunes is one entity that stands for two code points.
type entityRunes struct {
	name string
	r    [2]rune
}

// lookupEntity returns the code point of the entity name, or 0 when there
// is none: what entity[name] returned when entity was a map.
func lookupEntity(name string) rune {
	if i, ok := search(len(entity), func(i int) int { return strings.Compare(entity[i].name, name) }); ok {
		return entity[i].r
	}
	return 0
}

// lookupEntity2 returns the two code points of the entity name, or zeros.
func lookupEntity2(name string) [2]rune {
	if i, ok := search(len(entity2), func(i int) int { return strings.Compare(entity2[i].name, name) }); ok {
		return entity2[i].r
	}
	return [2]rune{}
}

// search finds, in a sorted table of n names, the index where cmp is 0.
func search(n int, cmp func(int) int) (int, bool) {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch c := cmp(mid); {
		case c == 0:
			return mid, true
		case c < 0:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0, false
}
