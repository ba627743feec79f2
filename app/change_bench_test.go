package app

// This file times one change of the annotations as the app follows it, on
// the project's standard: an article of 50,000 words that holds 2,000
// annotations. A change should cost what it changes, not the whole: these
// benchmarks are what tells.

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// changeFixture is an Annotator on a 50,000-word article of 2,000
// annotations (or as many as asked), with a sidebar listing them, as the
// page has them.
type changeFixture struct {
	a   *Annotator
	s   *sidebar
	rng *rand.Rand
	n   int // the text's length, in code points
}

func newChangeFixture(b testing.TB, filter string, annotations int) *changeFixture {
	b.Helper()
	rng := rand.New(rand.NewSource(5))
	vocabulary := strings.Fields("the minister said on Thursday that trade was pretty balanced and pledged to raise defence spending 😀 from April café 日本語 naïve “quoted” words")
	var html strings.Builder
	html.WriteString("<h1>Fifty thousand words</h1>\n<p>")
	for i := range 50000 {
		switch {
		case i > 0 && i%100 == 0:
			html.WriteString("</p>\n<p>")
		case i > 0:
			html.WriteByte(' ')
		}
		html.WriteString(vocabulary[rng.Intn(len(vocabulary))])
	}
	html.WriteString("</p>\n")
	doc, err := annotate.Load([]byte(html.String()), annotate.Source{Name: "fifty-thousand-words.html"})
	if err != nil {
		b.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	n := doc.Text().Len()
	for set.Len() < annotations {
		start := rng.Intn(n - 200)
		set.Add([]string{"claim", "quote", "pledge"}[rng.Intn(3)], start, start+10+rng.Intn(150)) // a duplicate or blank is refused: another comes
	}
	set.ClearHistory()
	a := &Annotator{doc: doc, set: set, keySchema: set.Schema()}
	s := &sidebar{Set: set, filter: filter}
	a.list = s
	// The selected annotation is near the middle, and one the list shows.
	for _, ann := range set.All()[annotations/2:] {
		if filter == "" || ann.Label == filter {
			a.selected = ann.ID
			break
		}
	}
	f := &changeFixture{a: a, s: s, rng: rng, n: n}
	f.follow() // the first paint, of everything
	return f
}

// follow does what the app does after a change, outside the browser's own
// work: the painter's patch (the highlights and the overlaps that changed)
// and the sidebar's rows near the view, with the selected entry shown.
func (f *changeFixture) follow() {
	f.paint()
	f.draw()
}

// paint is the painter's part of follow.
func (f *changeFixture) paint() { f.a.paint(app.Context{}) } // no editor: the session is not written

// draw is the sidebar's part of follow.
func (f *changeFixture) draw() {
	s := f.s
	first, end := s.rows(s.listLen())
	for _, ann := range s.listSlice(first, end) {
		_ = ann.ID
	}
	if s.position(f.a.selected) >= 0 {
		s.showEntry(f.a.selected) // the filter kept
	}
}

// BenchmarkOneChange2000 times one change (and what the app does after
// it) on 2,000 annotations, the list showing all of them or one label's.
func BenchmarkOneChange2000(b *testing.B) {
	for _, filter := range []string{"", "quote"} {
		name := "all"
		if filter != "" {
			name = filter
		}
		b.Run(name+"/tag-and-undo", func(b *testing.B) {
			f := newChangeFixture(b, filter, 2000)
			b.ReportAllocs()
			for b.Loop() {
				start := f.rng.Intn(f.n - 200)
				if _, err := f.a.set.Add("quote", start, start+10+f.rng.Intn(150)); err != nil {
					continue
				}
				f.follow()
				f.a.set.Undo()
				f.follow()
			}
		})
		b.Run(name+"/relabel", func(b *testing.B) {
			f := newChangeFixture(b, filter, 2000)
			labels := []string{"claim", "pledge", "quote"}
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				f.a.set.Relabel(f.a.selected, labels[i%3])
				i++
				f.follow()
			}
		})
		b.Run(name+"/attribute", func(b *testing.B) {
			f := newChangeFixture(b, filter, 2000)
			values := []string{"checked", "to check"}
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				if err := f.a.set.SetAttribute(f.a.selected, annotate.AttrNote, values[i%2]); err != nil {
					b.Fatal(err)
				}
				i++
				f.follow()
			}
		})
		b.Run(name+"/delete-and-undo", func(b *testing.B) {
			f := newChangeFixture(b, filter, 2000)
			b.ReportAllocs()
			for b.Loop() {
				id := f.a.selected
				next := f.a.neighbour(id, +1)
				if err := f.a.set.Delete(id); err != nil {
					b.Fatal(err)
				}
				f.a.selected = next
				f.follow()
				f.a.set.Undo()
				f.a.selected = id
				f.follow()
			}
		})
		b.Run(name+"/step", func(b *testing.B) {
			f := newChangeFixture(b, filter, 2000)
			dir := +1
			b.ReportAllocs()
			for b.Loop() {
				next := f.a.neighbour(f.a.selected, dir)
				if next == "" {
					dir = -dir
					continue
				}
				f.a.selected = next
				f.follow()
			}
		})
	}
}
