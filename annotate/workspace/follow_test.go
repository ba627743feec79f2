package workspace

import (
	"math/rand/v2"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestFollowerCoalesces: a burst of change messages about the document
// followed asks for one read, and for one more after it; messages about
// another document, or with nothing followed, ask for none.
func TestFollowerCoalesces(t *testing.T) {
	var f Follower
	if f.Changed("a") || f.Changed("") {
		t.Fatal("a Follower that follows nothing asks for a read")
	}
	f.Follow("a")
	if f.Changed("b") {
		t.Error("a message about another document asks for a read")
	}
	if !f.Changed("a") {
		t.Fatal("the first message about the document followed asks for no read")
	}
	for range 30 {
		if f.Changed("a") {
			t.Fatal("a message during a read asks for a read of its own")
		}
	}
	if !again(&f) {
		t.Fatal("messages that came during a read ask for no read after it")
	}
	if again(&f) {
		t.Error("the read after a burst asks for a third")
	}
	if again(&f) {
		t.Error("Read with no read on its way asks for one")
	}
	// Idle again: the next message reads at once.
	if !f.Changed("a") {
		t.Error("after the burst, a message asks for no read")
	}
	// Following another document drops the read on its way.
	f.Follow("b")
	if again(&f) || f.Changed("a") || !f.Changed("b") {
		t.Error("after Follow(b), the Follower still follows a")
	}
	f.Follow("")
	if f.Changed("b") || f.Following() != "" {
		t.Error("Follow(\"\") still follows b")
	}
}

// TestFollowerWaitsWhileHidden: the changes announced while the page is
// hidden are handed over, in order, to apply when it is shown, with no
// read; a message without its change (a document written whole), or more
// changes than a read costs, has it read once instead, when shown; a
// download reads at once, hidden or not, and takes the changes held;
// following another document keeps the page hidden and drops them.
func TestFollowerWaitsWhileHidden(t *testing.T) {
	var f Follower
	f.Hide()
	f.Follow("a")
	for i := range 5 {
		if f.Announced("a", Change{To: Version{Editor: "x", Seq: i + 1}}) {
			t.Fatal("a hidden page applies a change")
		}
	}
	if f.Announced("b", Change{To: Version{Editor: "x", Seq: 9}}) {
		t.Error("a change of another document is applied")
	}
	read, held := f.Show()
	if read || len(held) != 5 {
		t.Fatalf("shown again after 5 changes: read %v, %d held; want no read and 5", read, len(held))
	}
	for i, c := range held {
		if c.To.Seq != i+1 {
			t.Errorf("held change %d is change %d", i+1, c.To.Seq)
		}
	}
	if read, held := f.Show(); read || len(held) != 0 || again(&f) {
		t.Error("the held changes are handed over twice")
	}

	f.Hide()
	f.Announced("a", Change{})
	if f.Changed("a") {
		t.Fatal("a hidden page reads a change")
	}
	f.Announced("a", Change{})
	if read, held := f.Show(); !read || len(held) != 0 {
		t.Fatalf("shown again after a change without its content: read %v, %d held; want a read", read, len(held))
	}
	if again(&f) {
		t.Error("the missed changes are read twice")
	}

	f.Hide()
	for range maxWaiting + 1 {
		f.Announced("a", Change{})
	}
	if read, held := f.Show(); !read || len(held) != 0 {
		t.Errorf("shown again after %d changes: read %v, %d held; want one read", maxWaiting+1, read, len(held))
	}
	f.Read()

	f.Hide()
	f.Announced("a", Change{})
	if !f.Need("a") {
		t.Error("a download in a hidden page does not read")
	}
	if f.Changed("a") || again(&f) {
		t.Error("a change during a download's read, hidden, is read before the page is shown")
	}
	if read, held := f.Show(); !read || len(held) != 0 {
		t.Errorf("shown again after a change during the download's read: read %v, %d held; want a read", read, len(held))
	}
	if f.Need("b") {
		t.Error("a download reads a document not followed")
	}
	f.Read()

	f.Hide()
	f.Announced("a", Change{})
	f.Follow("b")
	if read, held := f.Show(); read || len(held) != 0 {
		t.Errorf("after Follow(b), the changes of a held while hidden: read %v, %d held", read, len(held))
	}
}

// TestRereadShowsAnotherEditorsChanges: an editor read again after
// another editor of the same document (another tab) tagged, relabelled and
// deleted has its annotations as stored, with the same document (not
// parsed again) under the title the library gives it, and is not
// outdated.
func TestRereadShowsAnotherEditorsChanges(t *testing.T) {
	w, _ := openMemory(t)
	doc := loadText(t, "a.txt", "Yes we can, he said, and trade is pretty balanced.")
	if _, err := w.Add(doc, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	shown, err := w.Edit(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	editing, err := w.Edit(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	q, err := editing.Set.Add("quote", 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	c, err := editing.Set.Add("claim", 34, 49)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := editing.Save(); err != nil {
		t.Fatal(err)
	}
	if err := editing.Set.Relabel(q.ID, "pledge"); err != nil {
		t.Fatal(err)
	}
	if err := editing.Set.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := editing.Save(); err != nil {
		t.Fatal(err)
	}

	again, err := shown.Reread()
	if err != nil {
		t.Fatal(err)
	}
	if again.Document != shown.Document {
		t.Error("Reread made the document again")
	}
	got, ok := again.Set.Get(q.ID)
	if again.Set.Len() != 1 || !ok || got.Label != "pledge" {
		t.Errorf("read again, the document holds %d annotations, the first %+v; want the pledge alone", again.Set.Len(), got)
	}
	if outdated, err := again.Outdated(); err != nil || outdated {
		t.Errorf("the editor read again is outdated (%v, %v)", outdated, err)
	}
	// Its undo history is the stored one: it can undo the other
	// editor's steps once it may edit.
	if !again.Set.CanUndo() {
		t.Error("read again, the document has no undo history")
	}
	if _, ok := again.Set.Get(c.ID); ok {
		t.Error("the deleted claim is still there")
	}

	// Renamed meanwhile (a rename whose announcement this tab missed), it
	// is read again with its new title, not only its new summary.
	if err := w.Rename(doc.ID, "Trade"); err != nil {
		t.Fatal(err)
	}
	if again, err = again.Reread(); err != nil {
		t.Fatal(err)
	}
	if again.Document.Title != "Trade" || again.read.Title != "Trade" {
		t.Errorf("read again after a rename, the document is titled %q (its summary %q), want %q", again.Document.Title, again.read.Title, "Trade")
	}
}

// BenchmarkReread2000 measures reading a document of 2,000 annotations
// again for a tab that shows it read-only (Editor.Reread), beside opening
// it anew (Edit), which parses its HTML again: what a follow saves.
func BenchmarkReread2000(b *testing.B) {
	w, doc := stored2000(b)
	e, err := w.Edit(doc.ID)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("reread", func(b *testing.B) {
		for b.Loop() {
			if _, err := e.Reread(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("edit", func(b *testing.B) {
		for b.Loop() {
			if _, err := w.Edit(doc.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// stored2000 returns a workspace that holds a document of 21,000 words
// with 2,000 annotations at random (the same ones at every call), and
// that document: what the benchmarks of a read-only tab's follow read.
func stored2000(b *testing.B) (*Workspace, *annotate.Document) {
	b.Helper()
	w, _ := openMemory(b)
	doc := loadText(b, "words.txt", manyWords(21000))
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	rng := rand.New(rand.NewPCG(5, 5))
	for set.Len() < 2000 {
		start := rng.IntN(doc.Text().Len() - 100)
		set.Add([]string{"claim", "quote", "pledge"}[rng.IntN(3)], start, start+1+rng.IntN(100))
	}
	if _, err := w.Add(doc, set, nil, ""); err != nil {
		b.Fatal(err)
	}
	return w, doc
}
