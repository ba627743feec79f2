package app

import "testing"

func TestDueForCollection(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		alloc, next uint64
		percent     int
		want        bool
	}{
		{0, 0, 100, false},              // no goal known
		{50 * mb, 100 * mb, 100, false}, // just collected: live is half the goal
		{74 * mb, 100 * mb, 100, false},
		{75 * mb, 100 * mb, 100, true}, // halfway from live to the goal
		{4 * mb, 20 * mb, 400, false},  // just collected: live is a fifth
		{11 * mb, 20 * mb, 400, false},
		{12 * mb, 20 * mb, 400, true},
	} {
		if got := dueForCollection(c.alloc, c.next, c.percent); got != c.want {
			t.Errorf("dueForCollection(%d MB, %d MB, %d) = %v, want %v", c.alloc/mb, c.next/mb, c.percent, got, c.want)
		}
	}
}
