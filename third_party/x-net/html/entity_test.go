// Copyright 2010 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package html

import (
	"testing"
)

func TestEntityLength(t *testing.T) {
	for _, e := range entity {
		k := e.name
		if len(k) > longestEntityWithoutSemicolon && k[len(k)-1] != ';' {
			t.Errorf("entity name %s is %d characters, but longestEntityWithoutSemicolon=%d", k, len(k), longestEntityWithoutSemicolon)
		}
	}
}

// TestEntitySorted checks what lookupEntity's binary search needs (patched:
// the tables were maps).
func TestEntitySorted(t *testing.T) {
	for i := 1; i < len(entity); i++ {
		if entity[i-1].name >= entity[i].name {
			t.Errorf("entity %q is not before %q", entity[i-1].name, entity[i].name)
		}
	}
	for i := 1; i < len(entity2); i++ {
		if entity2[i-1].name >= entity2[i].name {
			t.Errorf("entity2 %q is not before %q", entity2[i-1].name, entity2[i].name)
		}
	}
	for _, e := range entity {
		if got := lookupEntity(e.name); got != e.r {
			t.Errorf("lookupEntity(%q) = %U, want %U", e.name, got, e.r)
		}
	}
	for _, e := range entity2 {
		if got := lookupEntity2(e.name); got != e.r {
			t.Errorf("lookupEntity2(%q) = %U, want %U", e.name, got, e.r)
		}
	}
	for _, name := range []string{"", "amp;x", "Amp;", "zzzz;", "AEli"} {
		if got := lookupEntity(name); got != 0 {
			t.Errorf("lookupEntity(%q) = %U, want 0", name, got)
		}
	}
}
