package annotate

import (
	"fmt"
	"math/rand"
	"testing"
)

func TestOverlaps(t *testing.T) {
	span := func(s, e int) Annotation { return Annotation{Start: s, End: e} }
	cases := []struct {
		in   []Annotation
		want string
	}{
		{nil, "[]"},
		{[]Annotation{span(0, 5)}, "[]"},
		{[]Annotation{span(0, 5), span(5, 9)}, "[]"},
		{[]Annotation{span(0, 5), span(3, 9)}, "[{3 5}]"},
		{[]Annotation{span(0, 10), span(2, 4)}, "[{2 4}]"},
		{[]Annotation{span(0, 10), span(2, 4), span(4, 6)}, "[{2 6}]"},
		{[]Annotation{span(0, 10), span(2, 4), span(6, 8), span(20, 30), span(25, 26)}, "[{2 4} {6 8} {25 26}]"},
		{[]Annotation{span(0, 10), span(0, 10)}, "[{0 10}]"},
	}
	for _, c := range cases {
		if got := fmt.Sprint(Overlaps(c.in)); got != c.want && !(got == "[]" && c.want == "[]") {
			t.Errorf("Overlaps(%v) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestOverlapsAgainstCounting compares with counting coverage point by
// point.
func TestOverlapsAgainstCounting(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 200; round++ {
		var as []Annotation
		cover := make([]int, 100)
		for i := rng.Intn(8); i > 0; i-- {
			s := rng.Intn(99)
			e := s + 1 + rng.Intn(100-s-1+1)
			if e > 100 {
				e = 100
			}
			as = append(as, Annotation{Start: s, End: e})
			for k := s; k < e; k++ {
				cover[k]++
			}
		}
		inOverlap := make([]bool, 100)
		for _, sp := range Overlaps(as) {
			for k := sp.Start; k < sp.End; k++ {
				inOverlap[k] = true
			}
		}
		for k := range cover {
			if (cover[k] >= 2) != inOverlap[k] {
				t.Fatalf("round %d: position %d covered %d times, in overlap %v (%v)", round, k, cover[k], inOverlap[k], as)
			}
		}
	}
}

// TestSpanChanges checks the changes between two overlap lists against
// sets: old without gone plus added is new, and nothing is in both.
func TestSpanChanges(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	random := func() []Annotation {
		var as []Annotation
		for i := rng.Intn(12); i > 0; i-- {
			s := rng.Intn(90)
			as = append(as, Annotation{Start: s, End: s + 1 + rng.Intn(10)})
		}
		return as
	}
	for round := 0; round < 500; round++ {
		old, new := Overlaps(random()), Overlaps(random())
		if round%3 == 0 {
			new = old[:len(old)/2] // a prefix kept, the rest gone
		}
		gone, added := SpanChanges(old, new)
		in := func(l []Span) map[Span]bool {
			m := map[Span]bool{}
			for _, sp := range l {
				m[sp] = true
			}
			return m
		}
		o, n, g, a := in(old), in(new), in(gone), in(added)
		for sp := range g {
			if !o[sp] || n[sp] {
				t.Fatalf("round %d: %v gone, but in old %v, in new %v", round, sp, o[sp], n[sp])
			}
		}
		for sp := range a {
			if o[sp] || !n[sp] {
				t.Fatalf("round %d: %v added, but in old %v, in new %v", round, sp, o[sp], n[sp])
			}
		}
		if len(old)-len(gone)+len(added) != len(new) {
			t.Fatalf("round %d: %d old - %d gone + %d added != %d new", round, len(old), len(gone), len(added), len(new))
		}
	}
	if g, a := SpanChanges([]Span{{1, 3}, {5, 7}}, []Span{{1, 3}, {5, 8}}); fmt.Sprint(g, a) != "[{5 7}] [{5 8}]" {
		t.Errorf("SpanChanges: gone %v, added %v", g, a)
	}
}

func TestExportFileName(t *testing.T) {
	cases := map[string]string{
		"Starmer meets Trump: “yes we can”": "starmer-meets-trump-yes-we-can.annotations.json",
		"  Café crème — à la carte  ":       "cafe-creme-a-la-carte.annotations.json",
		"":                                  "article.annotations.json",
		"!!!":                               "article.annotations.json",
		"日本語のニュース":                          "日本語のニュース.annotations.json",
		"../../etc/passwd":                  "etc-passwd.annotations.json",
		"A very long title that goes on and on and on well past the sixty character limit": "a-very-long-title-that-goes-on-and-on-and-on-well-past-the.annotations.json",
	}
	for title, want := range cases {
		if got := ExportFileName(title); got != want {
			t.Errorf("ExportFileName(%q) = %q, want %q", title, got, want)
		}
	}
}
