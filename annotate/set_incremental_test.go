package annotate

// The orders a Set keeps with every change (each label's list, the ends)
// and the overlaps found again only around a change must give what a
// plain recomputation over the whole gives, after any sequence of
// changes, undos and redos: these tests compare them, step after step.

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

// TestListingAgainstAll checks ListLen, ListRange, ListIndex and
// ListNeighbour, for every label and for all, against the set's
// annotations filtered by hand, after each of many random changes.
func TestListingAgainstAll(t *testing.T) {
	rng := rand.New(rand.NewSource(21))
	labels := []string{"claim", "quote", "pledge"}
	for round := range 20 {
		s := journalSet(t, 60)
		for step := range 150 {
			what := randomChange(rng, s, labels)
			all := s.Snapshot()
			for _, label := range append([]string{""}, labels...) {
				var want []Annotation
				for _, a := range all {
					if label == "" || a.Label == label {
						want = append(want, a)
					}
				}
				fail := func(format string, args ...any) {
					t.Helper()
					t.Fatalf("round %d, step %d (%s), list %q: %s", round, step, what, label, fmt.Sprintf(format, args...))
				}
				if got := s.ListLen(label); got != len(want) {
					fail("ListLen = %d, want %d", got, len(want))
				}
				from := rng.Intn(len(want) + 1)
				to := from + rng.Intn(len(want)-from+2) // past the end too
				if got := s.ListRange(label, from, to); !reflect.DeepEqual(got, append([]Annotation{}, want[from:min(to, len(want))]...)) {
					fail("ListRange(%d, %d) = %v", from, to, got)
				}
				for i, a := range all {
					wantAt := slices.IndexFunc(want, func(w Annotation) bool { return w.ID == a.ID })
					if got := s.ListIndex(label, a.ID); got != wantAt {
						fail("ListIndex(%s) = %d, want %d", a.ID, got, wantAt)
					}
					for _, dir := range []int{+1, -1} {
						wantNext := ""
						switch {
						case wantAt >= 0:
							if j := wantAt + dir; j >= 0 && j < len(want) {
								wantNext = want[j].ID
							}
						default: // hidden: the nearest of label in the set's order
							for j := i + dir; j >= 0 && j < len(all); j += dir {
								if all[j].Label == label {
									wantNext = all[j].ID
									break
								}
							}
						}
						if got := s.ListNeighbour(label, a.ID, dir); got != wantNext {
							fail("ListNeighbour(%s, %+d) = %q, want %q", a.ID, dir, got, wantNext)
						}
					}
				}
				if got := s.ListIndex(label, "no such id"); got != -1 {
					fail("ListIndex(unknown) = %d", got)
				}
				if got := s.ListNeighbour(label, "no such id", +1); got != "" {
					fail("ListNeighbour(unknown) = %q", got)
				}
			}
		}
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
