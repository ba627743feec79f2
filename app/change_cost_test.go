package app

import (
	"runtime"
	"testing"
)

// TestOneChangeCostsTheChange: one change of the annotations, and what the
// app does after it (the painter's patch, the overlaps, the sidebar's rows
// and places), costs what it changes, not the whole. The painter found
// the overlaps again over every annotation after each change (18 times the
// bytes on 2,000 annotations as on 200), and the sidebar copied every
// annotation, and filtered the copy again for each question (9 and 8
// times). Bytes allocated, unlike time, do not depend on the machine's
// load.
func TestOneChangeCostsTheChange(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two articles of 50,000 words")
	}
	for _, c := range []struct {
		name, filter string
		follow       func(f *changeFixture)
	}{
		{"the painter", "", (*changeFixture).paint},
		{"the sidebar listing all", "", (*changeFixture).draw},
		{"the sidebar listing quotes", "quote", (*changeFixture).draw},
	} {
		cost := func(annotations int) uint64 {
			f := newChangeFixture(t, c.filter, annotations)
			labels := []string{"claim", "pledge", "quote"}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for i := range 30 {
				if err := f.a.set.Relabel(f.a.selected, labels[i%3]); err != nil {
					t.Fatal(err)
				}
				c.follow(f)
				start := f.rng.Intn(f.n - 200)
				if _, err := f.a.set.Add("quote", start, start+10+f.rng.Intn(150)); err == nil {
					c.follow(f)
					f.a.set.Undo()
					c.follow(f)
				}
			}
			runtime.ReadMemStats(&after)
			return after.TotalAlloc - before.TotalAlloc
		}
		small, large := cost(200), cost(2000)
		t.Logf("%s: %d bytes allocated for 200 annotations, %d for 2,000", c.name, small, large)
		if large > 2*small {
			t.Errorf("%s: the same changes allocated %d bytes on 2,000 annotations, %d on 200: more than twice as much", c.name, large, small)
		}
	}
}
