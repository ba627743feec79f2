package annotate

// What a Set keeps with every change, and the overlaps found again only
// around a change, must give what a plain recomputation over the whole
// gives, after any sequence of changes, undos and redos: these tests
// compare them, step after step.

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"testing"
)

// randomChange makes one random change of s (or an undo, a redo), as a
// user's session might: many overlapping, nested and touching spans on a
// short text, bulk deletes and inserts included.
func randomChange(rng *rand.Rand, s *Set, labels []string) string {
	n := s.Text().Len()
	pick := func() string {
		if s.Len() == 0 {
			return ""
		}
		return s.items[rng.Intn(s.Len())].ID
	}
	span := func() (int, int) {
		start := rng.Intn(n - 1)
		return start, start + 1 + rng.Intn(min(n-start, 25))
	}
	switch k := rng.Intn(20); {
	case k < 6:
		start, end := span()
		s.Add(labels[rng.Intn(len(labels))], start, end) // duplicates and blanks are refused: fine
		return "add"
	case k < 8:
		s.Relabel(pick(), labels[rng.Intn(len(labels))])
		return "relabel"
	case k < 9:
		start, end := span()
		s.Resize(pick(), start, end)
		return "resize"
	case k < 10:
		s.SetAttribute(pick(), AttrNote, fmt.Sprint(rng.Intn(3)))
		return "attribute"
	case k < 12:
		s.Delete(pick())
		return "delete"
	case k < 13:
		// Many at once: the Set's bulk path.
		var ids []string
		for range 20 {
			if id := pick(); id != "" {
				ids = append(ids, id)
			}
		}
		s.Delete(ids...)
		return "delete many"
	case k < 14:
		var anns []Annotation
		for i := range 20 {
			start, end := span()
			a := Annotation{ID: fmt.Sprintf("ins-%d-%d", s.Version(), i), Label: labels[rng.Intn(len(labels))], Start: start, End: end}
			a.Place(s.Text(), start, end)
			anns = append(anns, a)
		}
		s.InsertAll(anns)
		return "insert many"
	case k < 17:
		s.Undo()
		return "undo"
	default:
		s.Redo()
		return "redo"
	}
}

// TestOverlapsSinceAgainstOverlaps follows the overlaps from version to
// version with OverlapsSince, sometimes several changes at a time, and
// checks them, and what it says ended and begun, against Overlaps over
// the whole, after each of many random changes.
func TestOverlapsSinceAgainstOverlaps(t *testing.T) {
	rng := rand.New(rand.NewSource(22))
	labels := []string{"claim", "quote", "pledge"}
	for round := range 40 {
		s := journalSet(t, 40)
		painted, v := s.Overlaps(), s.Version()
		for step := range 200 {
			what := randomChange(rng, s, labels)
			if rng.Intn(3) == 0 {
				continue // followed later, with the next changes
			}
			was := slices.Clone(painted) // OverlapsSince changes it in place
			now, ended, begun, ok := s.OverlapsSince(v, painted)
			if !ok {
				t.Fatalf("round %d, step %d (%s): OverlapsSince(%d) does not know the version", round, step, what, v)
			}
			want := Overlaps(s.All())
			if len(want) == 0 {
				want = nil
			}
			if len(now) == 0 {
				now = nil
			}
			if !reflect.DeepEqual(now, want) {
				t.Fatalf("round %d, step %d (%s): OverlapsSince = %v, Overlaps = %v (was %v)", round, step, what, now, want, was)
			}
			wantEnded, wantBegun := SpanChanges(was, want)
			if !reflect.DeepEqual(ended, wantEnded) || !reflect.DeepEqual(begun, wantBegun) {
				t.Fatalf("round %d, step %d (%s): ended %v, begun %v; want %v, %v", round, step, what, ended, begun, wantEnded, wantBegun)
			}
			painted, v = now, s.Version()
		}
	}
}

// TestOverlapsSinceUnknownVersion: a version the set never had, or one
// it no longer remembers, says so, and the caller looks at the whole.
func TestOverlapsSinceUnknownVersion(t *testing.T) {
	s := journalSet(t, 10)
	if _, err := s.Add("claim", 0, 4); err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := s.OverlapsSince(s.Version()+1, nil); ok {
		t.Error("OverlapsSince(a version to come) is ok")
	}
	if now, ended, begun, ok := s.OverlapsSince(s.Version(), nil); !ok || now != nil || ended != nil || begun != nil {
		t.Errorf("OverlapsSince(now) = %v, %v, %v, %v; want nothing changed", now, ended, begun, ok)
	}
}
