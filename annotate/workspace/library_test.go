package workspace

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsannotator/annotator/annotate"
)

var titleWords = []string{"Élection", "budget", "Défense", "trade", "Pledge", "café", "UK", "spending"}

// libraryOf fills a workspace with n documents, titled from titleWords,
// with statuses in turn.
func libraryOf(t testing.TB, n int) (*Workspace, []Summary) {
	t.Helper()
	w, _ := openMemory(t)
	var sums []Summary
	for i := range n {
		title := fmt.Sprintf("%s %s %04d", titleWords[i%len(titleWords)], titleWords[(i/len(titleWords))%len(titleWords)], i)
		doc := loadText(t, title, fmt.Sprintf("%s\n\nArticle number %d.", title, i))
		s, err := w.Add(doc, nil, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		if st := Statuses[i%3]; st != StatusNew {
			if err := w.SetStatus(s.ID, st); err != nil {
				t.Fatal(err)
			}
		}
		sums = append(sums, s)
	}
	return w, sums
}

func TestLibraryOf1000(t *testing.T) {
	w, _ := libraryOf(t, 1000)
	all, err := w.List(Query{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1000 {
		t.Fatalf("listed %d documents, want 1000", len(all))
	}
	for _, q := range []Query{
		{Sort: SortTitle}, {Sort: SortTitle, Descending: true},
		{Sort: SortAdded}, {Sort: SortAdded, Descending: true},
		{Sort: SortChanged}, {Sort: SortChanged, Descending: true},
		{Sort: SortStatus}, {Sort: SortStatus, Descending: true},
	} {
		got, _ := w.List(q)
		if len(got) != 1000 {
			t.Errorf("%+v: %d documents", q, len(got))
			continue
		}
		for i := 1; i < len(got); i++ {
			a, b := got[i-1], got[i]
			if q.Descending {
				a, b = b, a
			}
			var c int
			switch q.Sort {
			case SortTitle:
				c = compareStrings(fold(a.Title), fold(b.Title))
			case SortAdded:
				c = a.Added.Compare(b.Added)
			case SortChanged:
				c = a.Changed.Compare(b.Changed)
			case SortStatus:
				c = a.Status.rank() - b.Status.rank()
			}
			if c > 0 {
				t.Errorf("%+v: %q comes before %q", q, got[i-1].Title, got[i].Title)
				break
			}
		}
	}
	// Filters: by status, then by words without regard to case or accents.
	done, _ := w.List(Query{Status: StatusDone})
	if len(done) != 333 {
		t.Errorf("%d documents done, want 333", len(done))
	}
	for _, s := range done {
		if s.Status != StatusDone {
			t.Errorf("%q listed as done has status %q", s.Title, s.Status)
		}
	}
	// "election" without its accent and "DEF" in capitals: documents whose
	// title has both, i.e. i%8 == 0 and (i/8)%8 == 2, or the reverse.
	both, _ := w.List(Query{Words: "election DEF"})
	want := 0
	for i := range 1000 {
		a, b := i%8, (i/8)%8
		if (a == 0 && b == 2) || (a == 2 && b == 0) {
			want++
		}
	}
	if len(both) != want || want == 0 {
		t.Errorf(`"election DEF" found %d, want %d`, len(both), want)
	}
	if got, _ := w.List(Query{Words: "cafe 0005"}); len(got) != 1 || got[0].Title != "café Élection 0005" {
		t.Errorf(`"cafe 0005" found %v, want "café Élection 0005"`, titles(got))
	}
	if got, _ := w.List(Query{Words: "election nowhere"}); len(got) != 0 {
		t.Errorf("a word in no title still found %d documents", len(got))
	}

	// Delete one of the thousand and undo: it is back, once.
	victim := all[500]
	if err := w.Delete(victim.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.List(Query{}); len(got) != 999 || slices.ContainsFunc(got, func(s Summary) bool { return s.ID == victim.ID }) {
		t.Fatalf("after deleting: %d documents", len(got))
	}
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.List(Query{}); len(got) != 1000 || !slices.ContainsFunc(got, func(s Summary) bool { return s.ID == victim.ID }) {
		t.Errorf("after undoing the delete: %d documents, the deleted one back: %v", len(got), slices.ContainsFunc(got, func(s Summary) bool { return s.ID == victim.ID }))
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func titles(s []Summary) []string {
	var t []string
	for _, x := range s {
		t = append(t, x.Title)
	}
	return t
}

func TestRenameStatusDeleteUndo(t *testing.T) {
	w, m := openMemory(t)
	doc := loadText(t, "a.txt", "Ministers pledged to raise defence spending.")
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("pledge", 0, 44); err != nil {
		t.Fatal(err)
	}
	s, err := w.Add(doc, set, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Rename(s.ID, "  Defence   pledge "); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Summary(s.ID); got.Title != "Defence pledge" {
		t.Errorf("renamed to %q", got.Title)
	}
	if err := w.Rename(s.ID, "  "); !errors.Is(err, ErrTitle) {
		t.Errorf("blank rename: %v", err)
	}
	if err := w.SetStatus(s.ID, "finished"); !errors.Is(err, ErrStatus) {
		t.Errorf("bad status: %v", err)
	}
	if err := w.SetStatus(s.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	before, _ := m.Document(s.ID)
	annsBefore, _ := m.Annotations(s.ID)
	if err := w.Delete(s.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Document(s.ID); !errors.Is(err, ErrNoDocument) {
		t.Fatalf("deleted document still there: %v", err)
	}
	if _, err := m.Annotations(s.ID); !errors.Is(err, ErrNoDocument) {
		t.Fatalf("deleted document's annotations still there: %v", err)
	}
	if w.UndoLabel() != "delete “Defence pledge”" {
		t.Errorf("UndoLabel = %q", w.UndoLabel())
	}
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	after, err := m.Document(s.ID)
	if err != nil {
		t.Fatalf("one undo did not restore the document: %v", err)
	}
	annsAfter, _ := m.Annotations(s.ID)
	if after.Title != before.Title || after.Status != StatusDone || after.Text != before.Text ||
		len(annsAfter) != 1 || !annsAfter[0].Equal(annsBefore[0]) {
		t.Errorf("restored %q (%s) with %d annotations; want it as it was", after.Title, after.Status, len(annsAfter))
	}
	// Annotate between the rename and its undo: the undo puts back the
	// title and keeps the new counts.
	e, err := w.Edit(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 9); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	// Undo the status, then the rename.
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Summary(s.ID); got.Title != doc.Title || got.Status != StatusInProgress || got.Counts["claim"] != 1 || got.Counts["pledge"] != 1 {
		t.Errorf("after undoing all: %q, %q, %v; want %q, in progress, 1 claim and 1 pledge", got.Title, got.Status, got.Counts, doc.Title)
	}
	if err := w.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo past the start: %v", err)
	}
}

// TestTitlesShowWhatTheyHold: a title that shows nothing (a zero-width
// space, a byte order mark, a NUL) is blank, both in a rename and in an
// import, and a title's control characters and line breaks do not reach
// the library.
func TestTitlesShowWhatTheyHold(t *testing.T) {
	w, m := openMemory(t)
	s, err := w.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, blank := range []string{"\u200b", "\ufeff", "\x00", " \u2060\t\u00ad "} {
		if err := w.Rename(s.ID, blank); !errors.Is(err, ErrTitle) {
			t.Errorf("rename to %q: %v, want ErrTitle", blank, err)
		}
	}
	if err := w.Rename(s.ID, "Defence\u200b\npledge\x00 "); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.Summary(s.ID); got.Title != "Defence pledge" {
		t.Errorf("renamed to %q, want %q", got.Title, "Defence pledge")
	}
	batch := `{"id": "a", "title": "Two\nlines\u0007", "text": "The first article."}` + "\n" +
		`{"id": "b", "title": "\u200b", "text": "The second article."}` + "\n"
	for _, store := range []Store{NewMemory(), oneAtATime{NewMemory()}} {
		w, err := Open(store, clock())
		if err != nil {
			t.Fatal(err)
		}
		r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(batch), nil)
		if err != nil || len(r.Added) != 2 {
			t.Fatalf("the import: %v; added %d, errors %v", err, len(r.Added), r.Errors)
		}
		// (a title of nothing to see falls back to the line's id)
		for i, want := range []string{"Two lines", "b"} {
			if got, _ := store.Summary(r.Added[i].ID); got.Title != want || r.Added[i].Title != want {
				t.Errorf("line %d is stored with the title %q (reported %q), want %q", i+1, got.Title, r.Added[i].Title, want)
			}
		}
	}
	// An opened file's editor, before it is written, exports the title
	// the library keeps.
	doc := loadText(t, "c.txt", "A third article.")
	doc.Title = "Third\u0007\narticle\u200b"
	e, err := w.AddAndEditLater(doc, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if e.Document.Title != "Third article" {
		t.Errorf("the opened file's editor has the title %q, want %q", e.Document.Title, "Third article")
	}
}

func TestListDoesNotDependOnStoreOrder(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	a := Summary{ID: "a", Title: "Same", Added: t0}
	b := Summary{ID: "b", Title: "Same", Added: t0}
	x := List([]Summary{a, b}, Query{})
	y := List([]Summary{b, a}, Query{})
	if !slices.EqualFunc(x, y, func(p, q Summary) bool { return p.ID == q.ID }) {
		t.Errorf("ties ordered by input: %v vs %v", x, y)
	}
}

// BenchmarkList1000 lists, sorts and filters the summaries of 1,000
// documents, as the library does on every keystroke in its search box.
func BenchmarkList1000(b *testing.B) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	sums := make([]Summary, 1000)
	for i := range sums {
		sums[i] = Summary{
			ID:    fmt.Sprintf("sha256:%016x", i*7919),
			Title: fmt.Sprintf("%s %s: a report from the %d session", titleWords[i%8], titleWords[(i/8)%8], i),
			Site:  "example.org", Status: Statuses[i%3],
			Added: t0.Add(time.Duration(i) * time.Minute), Changed: t0.Add(time.Duration(1000-i) * time.Minute),
			Counts: map[string]int{"claim": i % 17, "quote": i % 5},
		}
	}
	for _, q := range []Query{
		{Sort: SortTitle},
		{Sort: SortChanged, Descending: true, Status: StatusInProgress},
		{Sort: SortAdded, Words: "election def"},
	} {
		b.Run(fmt.Sprintf("sort=%s,status=%q,words=%q", q.Sort, q.Status, q.Words), func(b *testing.B) {
			for b.Loop() {
				List(sums, q)
			}
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Élection":   "election",
		"CAFÉ Zoë":   "cafe zoe",
		"cafe\u0301": "cafe",
		"Ｆｕｌｌ ｗｉｄｔｈ": "full width",
		"Straße 😀":   "strasse 😀",
		"Ångström":   "angstrom",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// A rename to the title the document has (typed again, or with spaces
// the rename drops) changes nothing, yet it was remembered as a change:
// an Undo that does nothing, a last change moved, and the untouched sample
// counted as work, so that a backup could no longer be restored.
func TestRenameToTheSameTitleChangesNothing(t *testing.T) {
	w, m := openMemory(t)
	s, err := w.Add(loadText(t, "a.txt", "Budget day\n\nMinisters pledged to raise defence spending."), nil, nil, "sample")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Rename(s.ID, "  Budget   day "); err != nil {
		t.Fatal(err)
	}
	if err := w.SetStatus(s.ID, StatusNew); err != nil {
		t.Fatal(err)
	}
	if l := w.UndoLabel(); l != "" {
		t.Errorf("a rename to the same title and a status set to the one it has left an Undo: %q", l)
	}
	got, _ := m.Summary(s.ID)
	if !got.Changed.Equal(s.Changed) {
		t.Errorf("its last change moved from %v to %v", s.Changed, got.Changed)
	}
	if work, _ := w.HoldsWork("sample"); work {
		t.Errorf("the untouched sample counts as work: a backup cannot be restored over it")
	}
}

// A rename or a status undone puts the document back as it was; its last
// change stayed at the time of the undo, and the sample renamed by
// mistake and undone refused every restore.
func TestUndoOfARenamePutsTheLastChangeBack(t *testing.T) {
	w, m := openMemory(t)
	s, err := w.Add(loadText(t, "a.txt", "Budget day\n\nMinisters pledged to raise defence spending."), nil, nil, "sample")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Rename(s.ID, "Oops"); err != nil {
		t.Fatal(err)
	}
	if err := w.SetStatus(s.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := w.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := m.Summary(s.ID)
	if got.Title != s.Title || got.Status != s.Status || !got.Changed.Equal(s.Changed) {
		t.Errorf("after two undos: %q %s changed %v; want %q %s changed %v", got.Title, got.Status, got.Changed, s.Title, s.Status, s.Changed)
	}
	b := NewMemory()
	other, _ := Open(b, clock())
	if _, err := other.Add(loadText(t, "b.txt", "Another article\n\nWith its words."), nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	data, err := other.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.RestoreOver(data, "sample"); err != nil {
		t.Errorf("a backup restored over the sample renamed and marked, both undone: %v", err)
	}
}

// A document deleted, then its article opened again in the same tab
// (AddAndEditLater) and tagged: while that change waits to be written
// (Saving), the library's Undo of the delete wrote the old document back,
// and the change then landed on it with counts that leave out the old
// annotations: the library says 1 claim, reopening shows 2 annotations.
func TestUndoDeleteWaitsForThisTabsChangesOfTheArticle(t *testing.T) {
	const text = "Ministers pledged to raise defence spending by a lot."
	w, m := openMemory(t)
	saving := map[string]bool{}
	w.Saving = func(id string) bool { return saving[id] }
	sum := taggedThenDeleted(t, w, text)
	again, err := w.AddAndEditLater(loadText(t, "a.txt", text), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := again.Set.Add("claim", 0, 9); err != nil {
		t.Fatal(err)
	}
	c := again.Pending()
	saving[sum.ID] = true // queued, not yet written
	undoErr := w.Undo()
	if err := Write(m, sum.ID, c); err != nil {
		t.Fatal(err)
	}
	saving[sum.ID] = false
	got, _ := m.Summary(sum.ID)
	anns, _ := m.Annotations(sum.ID)
	if got.Annotations()+got.Orphans != len(anns) {
		t.Errorf("the library counts %v (%d) for a document that holds %d annotations (undo: %v)", got.Counts, got.Annotations(), len(anns), undoErr)
	}
}

// TestTitlesHaveALimit: a rename to a title longer than
// annotate.TitleLimit (a whole article pasted into the field) is refused
// in words, the title kept; a document added with such a title (a page's,
// a batch line's) is listed with it cut.
func TestTitlesHaveALimit(t *testing.T) {
	w, m := openMemory(t)
	s, err := w.Add(loadText(t, "a.txt", "Budget day\n\nMinisters pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Ministers pledged to raise defence spending. ", 20000)
	err = w.Rename(s.ID, long)
	if !errors.Is(err, ErrTitleLong) || !strings.Contains(err.Error(), "899,999") {
		t.Errorf("a rename to a title of 900,000 characters: %v", err)
	}
	if got, _ := m.Summary(s.ID); got.Title != s.Title {
		t.Errorf("after the refused rename the title is %d characters", utf8.RuneCountInString(got.Title))
	}
	doc := loadText(t, "b.txt", "Another article\n\nWith its words.")
	doc.Title = long
	added, err := w.Add(doc, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(added.Title); n > annotate.TitleLimit || !strings.HasSuffix(added.Title, "…") {
		t.Errorf("a document added with a title of 900,000 characters is listed with %d: %q…", n, added.Title[:40])
	}
}
