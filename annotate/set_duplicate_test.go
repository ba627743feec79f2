package annotate

import (
	"errors"
	"testing"
)

// TestSetDuplicate: the annotation that tagging a span again would
// duplicate is found by the span as tagged, white space and all.
func TestSetDuplicate(t *testing.T) {
	s := NewSet(NewText("one  two three"), DefaultSchema())
	a, err := s.Add("claim", 5, 8)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Add("claim", 4, 9); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("tagging again: %v, want ErrDuplicate", err)
	}
	if got, ok := s.Duplicate("claim", 4, 9); !ok || got.ID != a.ID {
		t.Errorf("Duplicate(claim, 4, 9) = %v, %v; want %s", got.ID, ok, a.ID)
	}
	for _, c := range []struct {
		label      string
		start, end int
	}{{"quote", 5, 8}, {"claim", 5, 7}, {"claim", 3, 4}, {"claim", -1, 8}, {"claim", 8, 5}, {"claim", 5, 99}} {
		if got, ok := s.Duplicate(c.label, c.start, c.end); ok {
			t.Errorf("Duplicate(%s, %d, %d) = %s, want none", c.label, c.start, c.end, got.ID)
		}
	}
}
