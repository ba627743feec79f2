package workspace

// This file keeps the library's listing as its documents change one at a
// time: a rename, a status, a deletion or an undo in the library moves
// one row of a listing of 1,000 documents, in the time of a binary search
// and a copy of pointers, where List folds every title and sorts them all
// again. The rules of the order and of the filter are List's (Query.keeps
// and Query.compare).

import (
	"slices"
	"sort"
)

// Listing is the documents of a library, those a Query keeps in its order
// beside them. It is not safe for concurrent use.
type Listing struct {
	q     Query
	words []string              // q's words, folded
	all   map[string]*listEntry // every document, kept or not
	kept  []*listEntry          // those q keeps, in q's order
}

// NewListing returns the listing of summaries, as q shows them.
func NewListing(summaries []Summary, q Query) *Listing {
	l := &Listing{all: make(map[string]*listEntry, len(summaries))}
	for _, s := range summaries {
		l.all[s.ID] = &listEntry{&s, titleKey(s.Title)}
	}
	l.SetQuery(q)
	return l
}

// Query returns the query the listing shows.
func (l *Listing) Query() Query { return l.q }

// SetQuery has the listing show q: another filter or order looks at every
// document again, as List does.
func (l *Listing) SetQuery(q Query) {
	l.q, l.words = q, foldWords(q.Words)
	l.kept = l.kept[:0]
	for _, e := range l.all {
		if q.keeps(*e, l.words) {
			l.kept = append(l.kept, e)
		}
	}
	slices.SortFunc(l.kept, func(a, b *listEntry) int { return q.compare(*a, *b) })
}

// Total returns how many documents the library holds.
func (l *Listing) Total() int { return len(l.all) }

// Len returns how many documents the query keeps.
func (l *Listing) Len() int { return len(l.kept) }

// Range returns the documents kept at places from to to (excluded), in
// the query's order; the places are clipped to the listing. Their Counts
// maps are the listing's: read only.
func (l *Listing) Range(from, to int) []Summary {
	from, to = max(0, min(from, len(l.kept))), max(0, min(to, len(l.kept)))
	out := make([]Summary, 0, max(0, to-from))
	for _, e := range l.kept[from:max(from, to)] {
		out = append(out, *e.s)
	}
	return out
}

// Get returns the summary of document id, and whether the library holds
// it (shown or not).
func (l *Listing) Get(id string) (Summary, bool) {
	e, ok := l.all[id]
	if !ok {
		return Summary{}, false
	}
	return *e.s, true
}

// Shows reports whether the query keeps document id.
func (l *Listing) Shows(id string) bool { return l.place(id) >= 0 }

// Place returns the place (from 0) of document id among those the query
// keeps, in its order, or -1.
func (l *Listing) Place(id string) int { return l.place(id) }

// place returns the place of document id among those kept, or -1.
func (l *Listing) place(id string) int {
	e, ok := l.all[id]
	if !ok {
		return -1
	}
	i := sort.Search(len(l.kept), func(i int) bool { return l.q.compare(*l.kept[i], *e) >= 0 })
	if i < len(l.kept) && l.kept[i] == e {
		return i
	}
	return -1
}

// Put adds document s to the listing, or replaces the one with its id:
// its row moves to where the query puts it now.
func (l *Listing) Put(s Summary) {
	l.Remove(s.ID)
	e := &listEntry{&s, titleKey(s.Title)}
	l.all[s.ID] = e
	if l.q.keeps(*e, l.words) {
		i := sort.Search(len(l.kept), func(i int) bool { return l.q.compare(*l.kept[i], *e) > 0 })
		l.kept = slices.Insert(l.kept, i, e)
	}
}

// Remove takes document id out of the listing, if it is there.
func (l *Listing) Remove(id string) {
	if i := l.place(id); i >= 0 {
		l.kept = slices.Delete(l.kept, i, i+1)
	}
	delete(l.all, id)
}
