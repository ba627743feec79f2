package annotate

import (
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// journalSet returns a set on a text of n words.
func journalSet(t testing.TB, n int) *Set {
	t.Helper()
	s := NewSet(NewText(strings.Repeat("word ", n)), DefaultSchema())
	s.SetClock(ticking())
	return s
}

func TestChangedSince(t *testing.T) {
	s := journalSet(t, 50)
	v0 := s.Version()
	if ids, ok := s.ChangedSince(v0); !ok || len(ids) != 0 {
		t.Fatalf("ChangedSince(now) = %v, %v; want nothing, true", ids, ok)
	}
	a, err := s.Add("claim", 0, 4)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Add("quote", 5, 9)
	if err != nil {
		t.Fatal(err)
	}
	v2 := s.Version()
	if err := s.Relabel(a.ID, "pledge"); err != nil {
		t.Fatal(err)
	}
	check := func(v int, want ...string) {
		t.Helper()
		ids, ok := s.ChangedSince(v)
		slices.Sort(ids)
		slices.Sort(want)
		if !ok || !reflect.DeepEqual(ids, want) {
			t.Errorf("ChangedSince(%d) = %v, %v; want %v, true", v, ids, ok, want)
		}
	}
	check(v0, a.ID, b.ID)
	check(v2, a.ID)
	s.Undo()
	s.Undo()
	check(v2, a.ID, b.ID)
	s.Redo()
	if err := s.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	check(s.Version())
	check(v2, a.ID, b.ID)
	if _, ok := s.ChangedSince(s.Version() + 1); ok {
		t.Error("ChangedSince a version the set has not reached says ok")
	}
}

// TestChangedSinceForgets checks that the journal stays bounded and says
// when it no longer knows, and knows the recent versions.
func TestChangedSinceForgets(t *testing.T) {
	s := journalSet(t, 3*journalLimit)
	v0 := s.Version()
	var last string
	for i := 0; i < 3*journalLimit; i++ {
		a, err := s.Add("claim", 5*i, 5*i+4)
		if err != nil {
			t.Fatal(err)
		}
		last = a.ID
	}
	if len(s.journal) > 2*journalLimit {
		t.Errorf("the journal holds %d entries, over %d", len(s.journal), 2*journalLimit)
	}
	if _, ok := s.ChangedSince(v0); ok {
		t.Error("ChangedSince a forgotten version says ok")
	}
	if ids, ok := s.ChangedSince(s.Version() - 1); !ok || !reflect.DeepEqual(ids, []string{last}) {
		t.Errorf("ChangedSince(the version before the last add) = %v, %v; want [%s], true", ids, ok, last)
	}
	if ids, ok := s.ChangedSince(s.journalFrom); !ok || len(ids) != s.Version()-s.journalFrom {
		t.Errorf("ChangedSince(the oldest version known) gives %d ids, %v; want %d", len(ids), ok, s.Version()-s.journalFrom)
	}
}

// TestSetOverlapsAgainstOverlaps checks the set's sweep against the
// package's Overlaps on random sets, nested, touching and equal spans
// included.
func TestSetOverlapsAgainstOverlaps(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	labels := []string{"claim", "quote", "pledge"}
	for round := 0; round < 300; round++ {
		s := journalSet(t, 40)
		n := s.Text().Len()
		for i := rng.Intn(25); i > 0; i-- {
			start := rng.Intn(n - 1)
			end := start + 1 + rng.Intn(min(n-start, 30))
			s.Add(labels[rng.Intn(3)], start, end) // duplicates and blanks are refused: fine
		}
		got, want := s.Overlaps(), Overlaps(s.All())
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: Set.Overlaps = %v, Overlaps = %v", round, got, want)
		}
	}
}

func BenchmarkSetOverlaps(b *testing.B) {
	s := journalSet(b, 50000)
	rng := rand.New(rand.NewSource(3))
	for s.Len() < 2000 {
		start := rng.Intn(s.Text().Len() - 200)
		s.Add("claim", start, start+1+rng.Intn(200))
	}
	b.Run("Set.Overlaps", func(b *testing.B) {
		for range b.N {
			s.Overlaps()
		}
	})
	b.Run("Overlaps(Snapshot)", func(b *testing.B) {
		for range b.N {
			Overlaps(s.Snapshot())
		}
	})
}

// TestInsertAll checks that inserting in one step gives what one Insert
// after another gives: the same annotations in the same order, the same
// refusals, and one undo takes them all out.
func TestInsertAll(t *testing.T) {
	src := journalSet(t, 400)
	rng := rand.New(rand.NewSource(4))
	for src.Len() < 300 {
		start := rng.Intn(src.Text().Len() - 30)
		src.Add([]string{"claim", "quote", "pledge"}[rng.Intn(3)], start, start+1+rng.Intn(30))
	}
	anns := src.All()
	rng.Shuffle(len(anns), func(i, j int) { anns[i], anns[j] = anns[j], anns[i] })
	// A duplicate id, a duplicate span, a wrong text and an unknown label.
	dupSpan := anns[3]
	dupSpan.ID = "0190b3c4-1111-7000-8000-00000000000a"
	wrong := anns[5]
	wrong.ID, wrong.Exact = "0190b3c4-1111-7000-8000-00000000000b", "not the text"
	unknown := anns[6]
	unknown.ID, unknown.Label = "0190b3c4-1111-7000-8000-00000000000c", "rumour"
	anns = append(anns, anns[0], dupSpan, wrong, unknown)

	one, all := journalSet(t, 400), journalSet(t, 400)
	var want []error
	for _, a := range anns {
		want = append(want, one.Insert(a))
	}
	got := all.InsertAll(anns)
	for i := range anns {
		if (got[i] == nil) != (want[i] == nil) || (got[i] != nil && got[i].Error() != want[i].Error()) {
			t.Errorf("annotation %d: InsertAll says %v, Insert %v", i, got[i], want[i])
		}
	}
	if !reflect.DeepEqual(all.All(), one.All()) {
		t.Error("InsertAll and Insert give different sets")
	}
	if !all.Undo() || all.Len() != 0 {
		t.Errorf("one undo leaves %d annotations, want 0", all.Len())
	}
}
