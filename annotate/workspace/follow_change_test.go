package workspace

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// again is Follower.Read's first result: whether to read once more.
func again(f *Follower) bool {
	a, _ := f.Read()
	return a
}

// followPair opens a document in two editors, the one that edits it and
// the one of a tab that shows it read-only, read after the first editor
// wrote a change (a document added has no version that a change could
// follow: the first change after a whole write is read, not applied).
func followPair(t testing.TB, text string) (w *Workspace, editing, shown *Editor) {
	t.Helper()
	w, _ = openMemory(t)
	doc := loadText(t, "a.txt", text)
	if _, err := w.Add(doc, nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	editing, err := w.Edit(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := editing.Set.Add("quote", 0, 3); err != nil {
		t.Fatal(err)
	}
	write(t, w, editing)
	shown, err = w.Edit(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	return w, editing, shown
}

// write takes the editing editor's change and writes it, as the editing
// tab does before it announces it.
func write(t testing.TB, w *Workspace, e *Editor) Change {
	t.Helper()
	c := e.Pending()
	if err := Write(w.store, e.ID(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// viaJSON returns c as a tab that shows the document read-only gets it:
// announced as JSON (app's announce).
func viaJSON(t testing.TB, c Change) Change {
	t.Helper()
	j, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	var got Change
	if err := json.Unmarshal(j, &got); err != nil {
		t.Fatal(err)
	}
	return got
}

// sameAnnotations fails t when shown holds other annotations (placed and
// orphans) than the store holds.
func sameAnnotations(t *testing.T, w *Workspace, shown *Editor, after string) {
	t.Helper()
	stored, err := w.store.Annotations(shown.ID())
	if err != nil {
		t.Fatal(err)
	}
	got := shown.Annotations()
	annotate.SortOrphans(got)
	annotate.SortOrphans(stored)
	if len(got) != len(stored) {
		t.Fatalf("after %s, the tab that follows holds %d annotations, the store %d", after, len(got), len(stored))
	}
	byID := map[string]annotate.Annotation{}
	for _, a := range got {
		byID[a.ID] = a
	}
	for _, a := range stored {
		if b, ok := byID[a.ID]; !ok || !b.Equal(a) {
			t.Fatalf("after %s, the tab that follows holds %+v, the store %+v", after, b, a)
		}
	}
	if s, _ := w.store.Summary(shown.ID()); !reflect.DeepEqual(s.Counts, shown.Set.Counts()) && !(len(s.Counts) == 0 && len(shown.Set.Counts()) == 0) {
		t.Fatalf("after %s, the tab that follows counts %v, the store %v", after, shown.Set.Counts(), s.Counts)
	}
}

// TestFollowAppliesEachChange: a tab that shows a document read-only
// applies each change the editing tab announces (a tag, a relabel, an
// attribute, a resize, a delete, an undo and a redo, an orphan placed and
// its placing undone) to what it shows, and then holds what the store
// holds, its painter told only the annotations each change touched.
func TestFollowAppliesEachChange(t *testing.T) {
	w, editing, shown := followPair(t, "Yes we can, he said, and trade is pretty balanced. We will raise defence spending to 2.5% from April 2027.")
	set := editing.Set
	var q, c annotate.Annotation
	steps := []struct {
		what string
		do   func() error
	}{
		{"a tag", func() (err error) { q, err = set.Add("quote", 0, 10); return }},
		{"a second tag", func() (err error) { c, err = set.Add("claim", 25, 50); return }},
		{"a relabel", func() error { return set.Relabel(q.ID, "pledge") }},
		{"an attribute", func() error { return set.SetAttribute(q.ID, "party", "Labour") }},
		{"a resize", func() error { return set.Resize(c.ID, 34, 50) }},
		{"a delete", func() error { return set.Delete(c.ID) }},
		{"an undo", func() error { editing.Orphans, _ = set.UndoWithOrphans(editing.Orphans); return nil }},
		{"a redo", func() error { editing.Orphans, _ = set.RedoWithOrphans(editing.Orphans); return nil }},
		{"an orphan", func() error {
			o := q
			o.ID, o.Anchor = "0190f0f0-0000-7000-8000-000000000001", annotate.AnchorOrphan
			editing.Orphans = append(editing.Orphans, o)
			return nil
		}},
		{"the orphan placed", func() (err error) {
			editing.Orphans, _, err = set.PlaceOrphan(editing.Orphans, len(editing.Orphans)-1, 55, 70)
			return
		}},
		{"its placing undone", func() error { editing.Orphans, _ = set.UndoWithOrphans(editing.Orphans); return nil }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.what, err)
		}
		ch := viaJSON(t, write(t, w, editing).Announced())
		v := shown.Set.Version()
		if !shown.Follow(ch) {
			t.Fatalf("after %s, the tab that follows refuses the change (from %+v, it holds %+v)", st.what, ch.From, shown.version)
		}
		sameAnnotations(t, w, shown, st.what)
		ids, ok := shown.Set.ChangedSince(v)
		if !ok || len(ids) > len(ch.Put)+len(ch.Delete) {
			t.Errorf("after %s, the painter is told of %v (ok %v), for a change of %d annotations", st.what, ids, ok, len(ch.Put)+len(ch.Delete))
		}
	}
	// Nothing of the shown editor is left to write: it wrote nothing.
	if ch := shown.Pending(); len(ch.Put)+len(ch.Delete)+len(ch.DeleteSteps) > 0 {
		t.Errorf("the editor that follows would write %+v", ch)
	}
}

// TestFollowRefusesAGap: a change made on another version than the one
// shown (one missed, a document written whole, a tab that read before
// it was written whole) is refused and leaves what is shown as it was;
// one the tab read already is skipped; reading again, the tab follows on.
func TestFollowRefusesAGap(t *testing.T) {
	w, editing, shown := followPair(t, "Yes we can, he said, and trade is pretty balanced.")
	if _, err := editing.Set.Add("quote", 0, 10); err != nil {
		t.Fatal(err)
	}
	missed := write(t, w, editing)
	if _, err := editing.Set.Add("claim", 25, 50); err != nil {
		t.Fatal(err)
	}
	next := write(t, w, editing)
	if shown.Follow(next) {
		t.Fatal("a change made after one missed is applied")
	}
	if shown.Set.Len() != 1 {
		t.Fatalf("a change refused left %d annotations, want 1", shown.Set.Len())
	}
	again, err := shown.Reread()
	if err != nil {
		t.Fatal(err)
	}
	if !again.Follow(missed) || !again.Follow(next) || again.Set.Len() != 3 {
		t.Error("changes the read holds already are not skipped")
	}
	if _, err := editing.Set.Add("pledge", 12, 19); err != nil {
		t.Fatal(err)
	}
	if !again.Follow(write(t, w, editing)) {
		t.Fatal("read again, the tab does not follow the next change")
	}
	sameAnnotations(t, w, again, "a read and a change")

	// A document written whole (a restore, an import that fills it) has
	// no version: no change follows a read of it but a read.
	rec, err := w.store.Document(editing.ID())
	if err != nil {
		t.Fatal(err)
	}
	anns, _ := w.store.Annotations(editing.ID())
	if err := w.store.PutDocument(rec, anns); err != nil {
		t.Fatal(err)
	}
	whole, err := again.Reread()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := editing.Set.Add("claim", 34, 49); err != nil {
		t.Fatal(err)
	}
	if whole.Follow(write(t, w, editing)) {
		t.Error("a change is applied to a document read after it was written whole")
	}
	if (Change{Document: &rec, To: Version{Editor: "x", Seq: 1}}).Followable() {
		t.Error("a change that writes the document whole is followable")
	}
	big := Change{To: Version{Editor: "x", Seq: 1}, Put: make([]annotate.Annotation, maxFollowed/2),
		PutSteps: []annotate.Step{{Seq: 1, Changes: make([]annotate.StepChange, maxFollowed/2+1)}}}
	if big.Followable() {
		t.Errorf("a change of %d annotations is announced whole", maxFollowed+1)
	}
}

// TestFollowAfterReopening: the editing tab opens the document again (a
// new editor): its first change is made on the version the other tab
// read, and is followed.
func TestFollowAfterReopening(t *testing.T) {
	w, editing, _ := followPair(t, "Yes we can, he said, and trade is pretty balanced.")
	if _, err := editing.Set.Add("quote", 0, 10); err != nil {
		t.Fatal(err)
	}
	write(t, w, editing)
	shown, err := w.Edit(editing.ID())
	if err != nil {
		t.Fatal(err)
	}
	reopened, err := w.Edit(editing.ID())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reopened.Set.Add("claim", 25, 50); err != nil {
		t.Fatal(err)
	}
	if !shown.Follow(write(t, w, reopened)) {
		t.Fatal("the first change of an editor opened again is not followed")
	}
	sameAnnotations(t, w, shown, "the document opened again")
}

// TestFollowerKeepsChangesForTheRead: changes announced while a read is
// on its way wait for it and are handed over after it; a message without
// the change (a rename) during the read, or too many changes, has it read
// once more instead; a hidden page holds it until it is shown.
func TestFollowerKeepsChangesForTheRead(t *testing.T) {
	var f Follower
	f.Follow("a")
	c := Change{To: Version{Editor: "x", Seq: 1}}
	if f.Announced("b", c) {
		t.Error("a change of another document is applied")
	}
	if !f.Announced("a", c) {
		t.Fatal("a change announced with nothing on its way is not applied at once")
	}
	if !f.Changed("a") {
		t.Fatal("a message without the change does not read")
	}
	for range 3 {
		if f.Announced("a", c) {
			t.Fatal("a change announced during a read is applied before it")
		}
	}
	if more, waiting := f.Read(); more || len(waiting) != 3 {
		t.Fatalf("after the read: once more %v, %d changes waiting; want no read and 3", more, len(waiting))
	}
	f.Changed("a")
	f.Announced("a", c)
	f.Changed("a")
	if more, waiting := f.Read(); !more || len(waiting) != 0 {
		t.Errorf("a rename during a read: once more %v, %d changes waiting; want a read and none", more, len(waiting))
	}
	if more, waiting := f.Read(); more || len(waiting) != 0 {
		t.Errorf("after the second read: once more %v, %d waiting", more, len(waiting))
	}
	f.Changed("a")
	for range maxWaiting + 1 {
		f.Announced("a", c)
	}
	if more, waiting := f.Read(); !more || len(waiting) != 0 {
		t.Errorf("%d changes during a read: once more %v, %d waiting; want a read", maxWaiting+1, more, len(waiting))
	}
	f.Read()
	f.Hide()
	if f.Announced("a", c) {
		t.Error("a hidden page applies a change")
	}
	if read, held := f.Show(); read || len(held) != 1 {
		t.Errorf("shown again, the page reads %v and holds %d changes; want the one change to apply", read, len(held))
	}
}

// BenchmarkFollow2000 measures a tab that shows a document of 2,000
// annotations read-only applying one change made in another tab
// (Editor.Follow): a tag, then its delete, in turn, so that the document
// stays at 2,000 annotations; beside it, reading the document again
// (Reread), what the tab did for each change before.
func BenchmarkFollow2000(b *testing.B) {
	w, doc := stored2000(b)
	rng := rand.New(rand.NewPCG(6, 6)) // where the tags go
	editing, err := w.Edit(doc.ID)
	if err != nil {
		b.Fatal(err)
	}
	var added string
	change := func() Change {
		if added != "" {
			if err := editing.Set.Delete(added); err != nil {
				b.Fatal(err)
			}
			added = ""
			return write(b, w, editing)
		}
		for {
			start := rng.IntN(doc.Text().Len() - 100)
			if a, err := editing.Set.Add("claim", start, start+1+rng.IntN(100)); err == nil {
				added = a.ID
				return write(b, w, editing)
			}
		}
	}
	change() // the document then has a version that changes follow
	shown, err := w.Edit(doc.ID)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("follow", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			c := change()
			b.StartTimer()
			if !shown.Follow(c) {
				b.Fatal("the change is not followed")
			}
		}
		if n := shown.Set.Len(); n > 2001 {
			b.Fatalf("the document grew to %d annotations", n)
		}
	})
	b.Run("reread", func(b *testing.B) {
		for b.Loop() {
			if _, err := shown.Reread(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestFollowTakesAStatusWithTheSummary: a status or a title set in
// another tab's library (or its undo) is announced as a change of the summary alone, which a tab
// showing the document (read-only or editing it) takes with the summary,
// reading none of the annotations, and its next changes are still
// followed. Announced as a change of the document, it had a read-only tab
// read the whole document again.
func TestFollowTakesAStatusWithTheSummary(t *testing.T) {
	w, editing, shown := followPair(t, "Yes we can, he said, and trade is pretty balanced.")
	if err := w.SetStatus(editing.ID(), StatusDone); err != nil {
		t.Fatal(err)
	}
	if !w.UndoSummaryOnly() {
		t.Error("the undo of a status is not said to change the summary alone")
	}
	c := viaJSON(t, SummaryChange().Announced())
	if !c.SummaryOnly() || c.Followable() {
		t.Fatalf("a status announced: SummaryOnly %v, Followable %v; want true, false", c.SummaryOnly(), c.Followable())
	}
	if (Change{Put: []annotate.Annotation{editing.Annotations()[0]}}).SummaryOnly() {
		t.Error("a change of the annotations is said to change the summary alone")
	}
	s, err := w.store.Summary(editing.ID())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []*Editor{shown, editing} {
		if old := e.TakeSummary(s); old != s.Title || e.read.Status != StatusDone {
			t.Errorf("an editor took the status %q (title %q before, %q now)", e.read.Status, old, s.Title)
		}
	}
	if _, err := editing.Set.Add("claim", 25, 50); err != nil {
		t.Fatal(err)
	}
	if !shown.Follow(write(t, w, editing)) {
		t.Fatal("the change after a status is not followed")
	}
	sameAnnotations(t, w, shown, "a status and a change")
	if shown.read.Status != StatusDone {
		t.Errorf("after the next change the read-only editor holds the status %q", shown.read.Status)
	}

	// A rename is taken the same way, title and all, and the changes
	// after it are still followed.
	if err := w.Rename(editing.ID(), "Renamed"); err != nil {
		t.Fatal(err)
	}
	if !w.UndoSummaryOnly() {
		t.Error("the undo of a rename is not said to change the summary alone")
	}
	if s, err = w.store.Summary(editing.ID()); err != nil {
		t.Fatal(err)
	}
	for _, e := range []*Editor{shown, editing} {
		if old := e.TakeSummary(s); old == "Renamed" || e.Document.Title != "Renamed" || e.read.Title != "Renamed" || e.read.Status != StatusDone {
			t.Errorf("an editor took the rename: title %q (document %q, %q before), status %q", e.read.Title, e.Document.Title, old, e.read.Status)
		}
	}
	if _, err := editing.Set.Add("quote", 0, 10); err != nil {
		t.Fatal(err)
	}
	if !shown.Follow(write(t, w, editing)) {
		t.Fatal("the change after a rename is not followed")
	}
	sameAnnotations(t, w, shown, "a rename and a change")
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	if got, _ := w.store.Summary(editing.ID()); got.Title == "Renamed" {
		t.Errorf("the rename's undo left the title %q", got.Title)
	}
}
