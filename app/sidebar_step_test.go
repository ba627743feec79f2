package app

import (
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestNeighbourOfAnAnnotationTheFilterHides: with the list filtered to
// quotes while a claim is selected (clicked in the article, say), ] and [
// go to the quote after and before the claim, not nowhere.
func TestNeighbourOfAnAnnotationTheFilterHides(t *testing.T) {
	text := "one two three four five"
	set := annotate.NewSet(annotate.NewText(text), annotate.DefaultSchema())
	add := func(label, word string) string {
		i := strings.Index(text, word)
		a, err := set.Add(label, len([]rune(text[:i])), len([]rune(text[:i]))+len(word))
		if err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	one, two, three := add("quote", "one"), add("claim", "two"), add("quote", "three")
	four := add("claim", "four")
	s := &sidebar{Set: set, filter: "quote"}
	for _, c := range []struct {
		from string
		dir  int
		want string
		name string
	}{
		{two, +1, three, "] from the hidden claim"},
		{two, -1, one, "[ from the hidden claim"},
		{four, +1, "", "] from the hidden last claim"},
		{four, -1, three, "[ from the hidden last claim"},
		{one, +1, three, "] from a quote listed"},
	} {
		if got := s.neighbour(c.from, c.dir); got != c.want {
			t.Errorf("%s: neighbour = %q, want %q", c.name, got, c.want)
		}
	}
}
