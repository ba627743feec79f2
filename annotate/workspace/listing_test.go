package workspace

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"
	"time"
)

// TestListingAgainstList changes one document at a time (added, renamed,
// its status or time of change set, deleted), and sometimes the query,
// and checks after each change that the listing shows what List shows of
// the same documents.
func TestListingAgainstList(t *testing.T) {
	rng := rand.New(rand.NewSource(31))
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	titles := []string{"Élection", "election", "UK budget", "Budget", "Défense", "trade", "Trade talks", "élections UK"}
	queries := []Query{
		{}, {Sort: SortTitle}, {Sort: SortChanged, Descending: true}, {Sort: SortStatus},
		{Status: StatusDone}, {Words: "elec"}, {Sort: SortTitle, Descending: true, Words: "uk"},
		{Sort: SortAdded, Status: StatusInProgress},
	}
	summary := func(i int) Summary {
		return Summary{
			ID:    fmt.Sprintf("doc-%d", i),
			Title: titles[rng.Intn(len(titles))], Status: Statuses[rng.Intn(len(Statuses))],
			// Few distinct times: ties are broken by title, then id.
			Added: t0.Add(time.Duration(rng.Intn(5)) * time.Hour), Changed: t0.Add(time.Duration(rng.Intn(5)) * time.Hour),
			Counts: map[string]int{"claim": rng.Intn(3)},
		}
	}
	for round := range 20 {
		docs := map[string]Summary{}
		for i := range 30 {
			s := summary(i)
			docs[s.ID] = s
		}
		all := func() []Summary {
			var out []Summary
			for _, s := range docs {
				out = append(out, s)
			}
			return out
		}
		q := queries[rng.Intn(len(queries))]
		l := NewListing(all(), q)
		for step := range 200 {
			id := fmt.Sprintf("doc-%d", rng.Intn(40))
			switch k := rng.Intn(10); {
			case k < 5:
				s := summary(0)
				s.ID = id
				if old, ok := docs[id]; ok && rng.Intn(2) == 0 {
					s.Title = old.Title // a status or a time alone
				}
				docs[id] = s
				l.Put(s)
			case k < 8:
				delete(docs, id)
				l.Remove(id)
			default:
				q = queries[rng.Intn(len(queries))]
				l.SetQuery(q)
			}
			want := List(all(), q)
			if got := l.Range(0, l.Len()); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("round %d, step %d, query %+v: the listing shows %v, List %v", round, step, q, ids(got), ids(want))
			}
			if l.Total() != len(docs) {
				t.Fatalf("round %d, step %d: Total = %d, want %d", round, step, l.Total(), len(docs))
			}
			for id := range docs {
				shown := false
				for _, s := range want {
					shown = shown || s.ID == id
				}
				if l.Shows(id) != shown {
					t.Fatalf("round %d, step %d: Shows(%s) = %v", round, step, id, !shown)
				}
			}
		}
	}
}

func ids(sums []Summary) []string {
	out := make([]string, len(sums))
	for i, s := range sums {
		out[i] = s.ID
	}
	return out
}

// BenchmarkLibraryOneChange1000 renames one document of a library of
// 1,000 in a Memory store and has the listing follow, as the library did
// (every summary read back, then listed twice: the page shown and the
// documents chosen) and as it does (the one summary read back and put in
// the listing, the page shown taken from it).
func BenchmarkLibraryOneChange1000(b *testing.B) {
	w, m := openMemory(b)
	var id string
	for i := range 1000 {
		doc := loadText(b, fmt.Sprintf("report-%d.txt", i), fmt.Sprintf("Report %d on the %s budget, said the minister.", i, titleWords[i%8]))
		sum, err := w.Add(doc, nil, nil, "")
		if err != nil {
			b.Fatal(err)
		}
		if i == 500 {
			id = sum.ID
		}
	}
	q := Query{Sort: SortChanged, Descending: true}
	titles := []string{"Budget, renamed", "Budget, renamed again"}
	b.Run("read-all-and-list", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if err := w.Rename(id, titles[i%2]); err != nil {
				b.Fatal(err)
			}
			i++
			docs, err := m.Documents()
			if err != nil {
				b.Fatal(err)
			}
			_ = List(docs, q)[:50]
			List(docs, Query{Sort: q.Sort, Descending: q.Descending})
		}
	})
	b.Run("read-one-and-put", func(b *testing.B) {
		docs, err := m.Documents()
		if err != nil {
			b.Fatal(err)
		}
		l := NewListing(docs, q)
		i := 0
		for b.Loop() {
			if err := w.Rename(id, titles[i%2]); err != nil {
				b.Fatal(err)
			}
			i++
			sum, err := m.Summary(id)
			if err != nil {
				b.Fatal(err)
			}
			l.Put(sum)
			l.Range(0, 50)
		}
	})
}
