package workspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

// clock returns a fixed clock that moves one second on each reading, so
// that dates differ and tests stay repeatable.
func clock() func() time.Time {
	t := time.Date(2026, 4, 1, 9, 30, 0, 0, time.UTC)
	return func() time.Time {
		t = t.Add(time.Second)
		return t
	}
}

func loadText(t testing.TB, name, text string) *annotate.Document {
	t.Helper()
	doc, err := annotate.Load([]byte(text), annotate.Source{Name: name, MediaType: "text/plain"})
	if err != nil {
		t.Fatalf("loading %s: %v", name, err)
	}
	return doc
}

func openMemory(t testing.TB) (*Workspace, *Memory) {
	t.Helper()
	m := NewMemory()
	w, err := Open(m, clock())
	if err != nil {
		t.Fatal(err)
	}
	return w, m
}

// counting is a Store that counts the writes made to it.
type counting struct {
	Store
	putDocument, putSummary, apply, putAnnotation, deleteAnnotation, steps int
}

func (c *counting) PutDocument(r DocumentRecord, anns []annotate.Annotation) error {
	c.putDocument++
	return c.Store.PutDocument(r, anns)
}
func (c *counting) AddDocument(r DocumentRecord, anns []annotate.Annotation) (string, error) {
	c.putDocument++
	return c.Store.AddDocument(r, anns)
}
func (c *counting) PutSummary(s Summary) error { c.putSummary++; return c.Store.PutSummary(s) }
func (c *counting) Apply(id string, ch Change) error {
	c.apply++
	c.putAnnotation += len(ch.Put)
	c.deleteAnnotation += len(ch.Delete)
	c.steps += len(ch.PutSteps) + len(ch.DeleteSteps)
	return c.Store.Apply(id, ch)
}
func (c *counting) reset() { *c = counting{Store: c.Store} }

func TestParseStatus(t *testing.T) {
	for _, s := range []string{"new", "in progress", "done"} {
		if st, err := ParseStatus(s); err != nil || string(st) != s {
			t.Errorf("ParseStatus(%q) = %q, %v", s, st, err)
		}
	}
	for _, s := range []string{"", "Done", "in-progress", "finished"} {
		if _, err := ParseStatus(s); !errors.Is(err, ErrStatus) {
			t.Errorf("ParseStatus(%q) error = %v, want ErrStatus", s, err)
		}
	}
}

// manyWords is a text of n distinct words, ten to a paragraph.
func manyWords(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "word%05d", i)
		if i%10 == 9 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// TestOneChangeOneWrite shows that a change on a document with 2,000
// annotations writes that annotation and the summary, never the document
// or the other annotations.
func TestOneChangeOneWrite(t *testing.T) {
	c := &counting{Store: NewMemory()}
	w, err := Open(c, clock())
	if err != nil {
		t.Fatal(err)
	}
	doc := loadText(t, "words.txt", manyWords(2100))
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	text := doc.Text().String()
	for i := range 2000 {
		start := annotate.RuneCount(text[:strings.Index(text, fmt.Sprintf("word%05d", i))])
		if _, err := set.Add("claim", start, start+9); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.Add(doc, set, nil, ""); err != nil {
		t.Fatal(err)
	}
	e, err := w.Edit(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Set.Len() != 2000 {
		t.Fatalf("reopened with %d annotations, want 2000", e.Set.Len())
	}
	if e.Set.CanUndo() {
		t.Error("a document just opened can undo: undo would remove stored annotations")
	}
	c.reset()
	if n, err := e.Save(); err != nil || n != 0 {
		t.Fatalf("Save with no change = %d, %v; want 0 writes", n, err)
	}
	start := annotate.RuneCount(text[:strings.Index(text, "word02050")])
	a, err := e.Set.Add("quote", start, start+9)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, n, puts, dels int) {
		t.Helper()
		got, err := e.Save()
		if err != nil {
			t.Fatal(err)
		}
		// One transaction: the annotation, one or two history steps (the
		// new one, and one forgotten or moved), never the document.
		if got != n || c.putAnnotation != puts || c.deleteAnnotation != dels || c.apply != 1 ||
			c.steps < 1 || c.steps > 2 || c.putDocument != 0 || c.putSummary != 0 {
			t.Errorf("%s: %d writes; %d annotation puts, %d deletes, %d transactions, %d steps, %d documents, %d summaries; want %d, %d, %d, 1, 1-2, 0, 0",
				what, got, c.putAnnotation, c.deleteAnnotation, c.apply, c.steps, c.putDocument, c.putSummary, n, puts, dels)
		}
		c.reset()
	}
	check("add", 1, 1, 0)
	if err := e.Set.SetAttribute(a.ID, annotate.AttrSpeaker, "Ada"); err != nil {
		t.Fatal(err)
	}
	check("attribute", 1, 1, 0)
	if err := e.Set.Delete(a.ID); err != nil {
		t.Fatal(err)
	}
	check("delete", 1, 0, 1)
	e.Set.Undo()
	check("undo", 1, 1, 0)

	sum, err := w.Store().Summary(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Counts["claim"] != 2000 || sum.Counts["quote"] != 1 || sum.Status != StatusInProgress {
		t.Errorf("summary counts %v, status %q; want 2000 claims, 1 quote, in progress", sum.Counts, sum.Status)
	}
	again, err := w.Edit(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := again.Set.Get(a.ID)
	if !ok || got.Attributes[annotate.AttrSpeaker] != "Ada" || again.Set.Len() != 2001 {
		t.Errorf("reopened: %d annotations, quote %v (%v); want 2001 with the speaker kept", again.Set.Len(), got, ok)
	}
	// The history came back with the document: undo, redo and undo again
	// walk the same steps as before the reopening.
	if again.HistoryLost || again.Set.UndoLabel() != e.Set.UndoLabel() || again.Set.RedoLabel() != e.Set.RedoLabel() {
		t.Fatalf("reopened history: undo %q redo %q (lost %v); want %q and %q",
			again.Set.UndoLabel(), again.Set.RedoLabel(), again.HistoryLost, e.Set.UndoLabel(), e.Set.RedoLabel())
	}
	again.Set.Undo() // the speaker set before the delete and its undo
	if q, ok := again.Set.Get(a.ID); !ok || q.Attributes[annotate.AttrSpeaker] != "" {
		t.Fatalf("undo after reopening: the quote is %v (%v), want it without its speaker", q, ok)
	}
	if _, err := again.Save(); err != nil {
		t.Fatal(err)
	}
	third, err := w.Edit(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := third.Set.Get(a.ID); third.Set.Len() != 2001 || q.Attributes[annotate.AttrSpeaker] != "" ||
		third.Set.RedoLabel() != again.Set.RedoLabel() || !third.Set.Redo() {
		t.Fatalf("after an undo and a reopening: %d annotations, redo %q; want 2001, %q", third.Set.Len(), third.Set.RedoLabel(), again.Set.RedoLabel())
	}
	if q, _ := third.Set.Get(a.ID); q.Attributes[annotate.AttrSpeaker] != "Ada" {
		t.Fatal("redo after a reopening did not set the speaker again")
	}
}

func TestAddRefusesDuplicateText(t *testing.T) {
	w, _ := openMemory(t)
	if _, err := w.Add(loadText(t, "a.txt", "The same words."), nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	_, err := w.Add(loadText(t, "b.txt", "The same words."), nil, nil, "")
	if !errors.Is(err, ErrDuplicateText) {
		t.Fatalf("adding the same text again: %v, want ErrDuplicateText", err)
	}
}

func TestEditRefusesDamagedText(t *testing.T) {
	w, m := openMemory(t)
	s, err := w.Add(loadText(t, "a.txt", "Some words."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := m.Document(s.ID)
	rec.Text = "Other words."
	if err := m.PutDocument(rec, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Edit(s.ID); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Edit of a damaged record: %v, want ErrCorrupt", err)
	}
}

// TestUpgradeFromVersion1 exercises the upgrade path from the first layout.
func TestUpgradeFromVersion1(t *testing.T) {
	w, m := openMemory(t)
	if v, _ := m.Layout(); v != LayoutVersion {
		t.Fatalf("a new store has layout %d after Open, want %d", v, LayoutVersion)
	}
	s, err := w.Add(loadText(t, "a.txt", "Kept across upgrades."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	// Today's upgrade from 1 changes nothing and keeps the document.
	if err := Upgrade(m, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Document(s.ID); err != nil {
		t.Fatalf("after Upgrade(1): %v", err)
	}
	// The loop runs each step from 1 and stamps each version.
	ran := 0
	steps := map[int]upgradeStep{1: func(st Store) error {
		ran++
		if v, _ := st.Layout(); v != 1 {
			t.Errorf("step from 1 saw layout %d", v)
		}
		return nil
	}}
	if err := upgrade(m, 1, 2, steps); err != nil {
		t.Fatal(err)
	}
	if v, _ := m.Layout(); ran != 1 || v != 2 {
		t.Errorf("upgrade 1→2 ran the step %d times and left layout %d; want 1 and 2", ran, v)
	}
	// A store from a newer annotator is refused, untouched.
	if _, err := Open(m, nil); !errors.Is(err, ErrNewerLayout) {
		t.Errorf("Open of a layout-2 store: %v, want ErrNewerLayout", err)
	}
	if v, _ := m.Layout(); v != 2 {
		t.Errorf("refused store's layout changed to %d", v)
	}
	// A step that fails stops the upgrade at the version before it.
	m2 := NewMemory()
	_ = m2.SetLayout(1)
	boom := errors.New("boom")
	err = upgrade(m2, 1, 3, map[int]upgradeStep{1: func(Store) error { return nil }, 2: func(Store) error { return boom }})
	if v, _ := m2.Layout(); !errors.Is(err, boom) || v != 2 {
		t.Errorf("failed step: %v, layout %d; want boom at layout 2", err, v)
	}
}

// BenchmarkSaveOneChange2000 measures what one tag costs on a document
// that holds 2,000 annotations: the Set's change and the Save that writes
// it (one annotation and the summary) to a Memory.
func BenchmarkSaveOneChange2000(b *testing.B) {
	w, _ := openMemory(b)
	doc := loadText(b, "words.txt", manyWords(2100))
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	for i := range 2000 {
		if _, err := set.Add("claim", i*10, i*10+9); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := w.Add(doc, set, nil, ""); err != nil {
		b.Fatal(err)
	}
	e, err := w.Edit(doc.ID)
	if err != nil {
		b.Fatal(err)
	}
	a, err := e.Set.Add("quote", 20500, 20509)
	if err != nil {
		b.Fatal(err)
	}
	e.Save()
	labels := []string{"claim", "pledge"}
	i := 0
	for b.Loop() {
		if err := e.Set.Relabel(a.ID, labels[i%2]); err != nil {
			b.Fatal(err)
		}
		i++
		if n, err := e.Save(); err != nil || n != 1 {
			b.Fatalf("Save = %d, %v", n, err)
		}
	}
}

func TestMemoryHandsOutCopies(t *testing.T) {
	w, m := openMemory(t)
	doc := loadText(t, "a.txt", "Ministers pledged to raise defence spending.")
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	a, err := set.Add("quote", 0, 9)
	if err != nil {
		t.Fatal(err)
	}
	if err := set.SetAttribute(a.ID, annotate.AttrSpeaker, "Ada"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Add(doc, set, nil, ""); err != nil {
		t.Fatal(err)
	}
	rec, _ := m.Document(doc.ID)
	rec.Counts["quote"] = 99
	rec.Schema.Labels[0].Name = "changed"
	anns, _ := m.Annotations(doc.ID)
	anns[0].Attributes[annotate.AttrSpeaker] = "Eve"
	again, _ := m.Document(doc.ID)
	anns2, _ := m.Annotations(doc.ID)
	if again.Counts["quote"] != 1 || again.Schema.Labels[0].Name == "changed" || anns2[0].Attributes[annotate.AttrSpeaker] != "Ada" {
		t.Errorf("changing what Memory returned changed what it holds: %v, %v, %v", again.Counts, again.Schema.Labels[0].Name, anns2[0].Attributes)
	}
}

func TestSite(t *testing.T) {
	for _, c := range []struct {
		meta annotate.Meta
		url  string
		want string
	}{
		{annotate.Meta{SiteName: "The Guardian"}, "https://www.theguardian.com/x", "The Guardian"},
		{annotate.Meta{}, "https://www.theguardian.com/x", "theguardian.com"},
		{annotate.Meta{CanonicalURL: "https://bbc.co.uk/news/1"}, "", "bbc.co.uk"},
		{annotate.Meta{}, "", ""},
	} {
		if got := Site(c.meta, c.url); got != c.want {
			t.Errorf("Site(%+v, %q) = %q, want %q", c.meta, c.url, got, c.want)
		}
	}
}

// TestSaveFollowsEveryChange makes random changes to a stored document
// (adds, relabels, attributes, deletes, undos, redos, orphans placed and
// dropped, placements undone, the Set replaced by another) and saves after
// each: an undone placement lists its orphan again, and the store
// then holds exactly what the editor holds, and the summary's counts are
// those of the placed annotations, although Save looks only at what the
// Set says changed.
func TestSaveFollowsEveryChange(t *testing.T) {
	w, err := Open(NewMemory(), clock())
	if err != nil {
		t.Fatal(err)
	}
	doc := loadText(t, "words.txt", manyWords(300))
	text := doc.Text().String()
	at := func(i int) int { return annotate.RuneCount(text[:strings.Index(text, fmt.Sprintf("word%05d", i))]) }
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	for i := range 40 {
		if _, err := set.Add("claim", at(i), at(i)+9); err != nil {
			t.Fatal(err)
		}
	}
	var orphans []annotate.Annotation
	for i := range 12 {
		orphans = append(orphans, annotate.Annotation{ID: fmt.Sprintf("0195a5b4-7c3e-7000-8000-0000000000%02d", i), Label: "quote",
			Start: 5, End: 9, Exact: "not in the text", Anchor: annotate.AnchorOrphan})
	}
	if _, err := w.Add(doc, set, orphans, ""); err != nil {
		t.Fatal(err)
	}
	e, err := w.Edit(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	labels := []string{"claim", "quote", "pledge"}
	placed, dropped, unplaced := 0, 0, 0
	for step := range 400 {
		all := e.Set.All()
		switch op := rng.IntN(8); {
		case step%100 == 99:
			// The whole Set replaced, as an import into the open document would.
			fresh := annotate.NewSet(doc.Text(), e.Set.Schema())
			for _, a := range all[:len(all)/2] {
				fresh.Insert(a)
			}
			e.Set = fresh
		case op == 0 || len(all) == 0:
			i := 40 + rng.IntN(250)
			e.Set.Add(labels[rng.IntN(3)], at(i), at(i)+9)
		case op == 1:
			e.Set.Relabel(all[rng.IntN(len(all))].ID, labels[rng.IntN(3)])
		case op == 2:
			a := all[rng.IntN(len(all))]
			if l, _ := e.Set.Schema().Label(a.Label); len(l.Attributes) > 0 {
				e.Set.SetAttribute(a.ID, l.Attributes[0], fmt.Sprint(step))
			} else {
				e.Set.SetAttribute(a.ID, annotate.AttrNote, fmt.Sprint(step))
			}
		case op == 3:
			e.Set.Delete(all[rng.IntN(len(all))].ID)
		case op == 4:
			// An undone placement lists its orphan again, a redone one
			// takes it out: never lost.
			label, n := e.Set.UndoLabel(), len(e.Orphans)
			e.Orphans, _ = e.Set.UndoWithOrphans(e.Orphans)
			if strings.HasPrefix(label, "place ") != (len(e.Orphans) == n+1) {
				t.Fatalf("step %d: undoing %q left %d orphans of %d", step, label, len(e.Orphans), n)
			}
			if strings.HasPrefix(label, "place ") {
				unplaced++
			}
		case op == 5:
			label, n := e.Set.RedoLabel(), len(e.Orphans)
			e.Orphans, _ = e.Set.RedoWithOrphans(e.Orphans)
			if strings.HasPrefix(label, "place ") != (len(e.Orphans) == n-1) {
				t.Fatalf("step %d: redoing %q left %d orphans of %d", step, label, len(e.Orphans), n)
			}
		case op == 6 && len(e.Orphans) > 0:
			// Place the first orphan somewhere, as the sidebar's Place does.
			i := 40 + rng.IntN(250)
			if rest, _, err := e.Set.PlaceOrphan(e.Orphans, 0, at(i), at(i)+9); err == nil {
				e.Orphans = rest
				placed++
			}
		case op == 7 && len(e.Orphans) > 0:
			e.Orphans = e.Orphans[:len(e.Orphans)-1] // dropped
			dropped++
		}
		if _, err := e.Save(); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		stored, err := w.store.Annotations(doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]annotate.Annotation{}
		for _, a := range e.Set.All() {
			want[a.ID] = a
		}
		for _, o := range e.Orphans {
			o.Anchor = annotate.AnchorOrphan
			want[o.ID] = o
		}
		if len(stored) != len(want) {
			t.Fatalf("step %d: the store holds %d annotations, the editor %d", step, len(stored), len(want))
		}
		for _, a := range stored {
			if b, ok := want[a.ID]; !ok || !a.Equal(b) {
				t.Fatalf("step %d: the store's %s differs from the editor's", step, a.ID)
			}
		}
		sum, err := w.store.Summary(doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if counts := countLabels(e.Set.All()); !sameCounts(counts, sum.Counts) || sum.Orphans != len(e.Orphans) {
			t.Fatalf("step %d: the summary counts %v and %d orphans; the editor holds %v and %d", step, sum.Counts, sum.Orphans, counts, len(e.Orphans))
		}
	}
	if placed == 0 || dropped == 0 || unplaced == 0 {
		t.Errorf("the steps placed %d orphans, dropped %d and undid %d placements; the test needs all three", placed, dropped, unplaced)
	}
}

// TestUndoPlacedOrphanAfterReload: an orphan placed, saved and reloaded
// is given back to the orphans by an undo after the reload, and stored as
// one again; a redo after another reload places it again.
func TestUndoPlacedOrphanAfterReload(t *testing.T) {
	w, err := Open(NewMemory(), clock())
	if err != nil {
		t.Fatal(err)
	}
	doc := loadText(t, "words.txt", manyWords(30))
	text := doc.Text().String()
	o := annotate.Annotation{ID: "0195a5b4-7c3e-7000-8000-000000000001", Label: "quote", Start: 5, End: 9,
		Exact: "not in the text", Attributes: map[string]string{annotate.AttrSpeaker: "Ada"}, Anchor: annotate.AnchorOrphan}
	if _, err := w.Add(doc, annotate.NewSet(doc.Text(), annotate.DefaultSchema()), []annotate.Annotation{o}, ""); err != nil {
		t.Fatal(err)
	}
	edit := func() *Editor {
		t.Helper()
		e, err := w.Edit(doc.ID)
		if err != nil || e.HistoryLost {
			t.Fatalf("Edit: %v, history lost %v", err, e != nil && e.HistoryLost)
		}
		return e
	}
	save := func(e *Editor) {
		t.Helper()
		if _, err := e.Save(); err != nil {
			t.Fatal(err)
		}
	}
	// where says where the orphan is, in the editor and in the store.
	where := func(e *Editor) string {
		t.Helper()
		_, placed := e.Set.Get(o.ID)
		listed := slices.ContainsFunc(e.Orphans, func(x annotate.Annotation) bool { return x.ID == o.ID })
		stored, err := w.store.Annotations(doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		how := annotate.Anchoring("nothing")
		for _, a := range stored {
			if a.ID == o.ID {
				how = a.Anchor
			}
		}
		sum, err := w.store.Summary(doc.ID)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("placed %v, listed %v, stored as %s, %d orphans counted", placed, listed, how, sum.Orphans)
	}

	e := edit()
	start := annotate.RuneCount(text[:strings.Index(text, "word00007")])
	rest, _, err := e.Set.PlaceOrphan(e.Orphans, 0, start, start+9)
	if err != nil {
		t.Fatal(err)
	}
	e.Orphans = rest
	save(e)
	if got := where(e); got != "placed true, listed false, stored as exact, 0 orphans counted" {
		t.Fatalf("after the placement: %s", got)
	}

	e = edit()
	e.Orphans, _ = e.Set.UndoWithOrphans(e.Orphans)
	save(e)
	if got := where(e); got != "placed false, listed true, stored as orphan, 1 orphans counted" {
		t.Fatalf("after a reload and an undo: %s", got)
	}
	e = edit()
	if got := where(e); got != "placed false, listed true, stored as orphan, 1 orphans counted" {
		t.Fatalf("reloaded after the undo: %s", got)
	}
	if got := e.Orphans[0]; !got.Equal(o) {
		t.Errorf("the orphan is back as %+v, want %+v", got, o)
	}
	data, err := e.Export(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"orphans": [`) || !strings.Contains(string(data), o.ID) {
		t.Errorf("the export does not hold the orphan given back")
	}

	e.Orphans, _ = e.Set.RedoWithOrphans(e.Orphans)
	save(e)
	if got := where(edit()); got != "placed true, listed false, stored as exact, 0 orphans counted" {
		t.Fatalf("after a reload and a redo: %s", got)
	}
}

// TestAddExportFillsAnUntouchedDocument: an export of an article already in
// the workspace fills it when it has no annotation, and is refused with the
// document named when it has some.
func TestAddExportFillsAnUntouchedDocument(t *testing.T) {
	w, _ := openMemory(t)
	doc := loadText(t, "a.txt", "The minister said taxes fall.")
	first, err := w.Add(doc, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	again := loadText(t, "a.txt", "The minister said taxes fall.")
	set := annotate.NewSet(again.Text(), annotate.DefaultSchema())
	if _, err := set.Add("claim", 4, 12); err != nil {
		t.Fatal(err)
	}
	sum, filled, err := w.AddExport(again, set, nil)
	if err != nil || !filled || sum.ID != first.ID || sum.Counts["claim"] != 1 || sum.Status != StatusInProgress {
		t.Fatalf("AddExport on an untouched copy = %+v, %v, %v; want it filled with one claim", sum, filled, err)
	}
	e, err := w.Edit(first.ID)
	if err != nil || e.Set.Len() != 1 {
		t.Fatalf("the filled document reopens with %v annotations (%v)", e, err)
	}
	_, filled, err = w.AddExport(again, set, nil)
	var dup *DuplicateError
	if filled || !errors.As(err, &dup) || dup.ID != first.ID || !errors.Is(err, ErrDuplicateText) {
		t.Fatalf("AddExport on an annotated copy: filled %v, %v; want a DuplicateError naming %s", filled, err, first.ID)
	}
}

// TestAddExportFillsWithTheExportsLabels: an export whose schema has a
// label the library's copy of the article lacks fills it with that label:
// reopened, its annotation is placed, as the library counts it, not an
// orphan, and a backup made after restores.
func TestAddExportFillsWithTheExportsLabels(t *testing.T) {
	w, _ := openMemory(t)
	text := "Prices rose in April. Wages fell in May."
	if _, err := w.Add(loadText(t, "a.txt", text), nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	doc := loadText(t, "a.txt", text)
	schema := annotate.DefaultSchema()
	schema.Labels = append(schema.Labels, annotate.Label{Name: "event", Color: "#cc79a7", Key: "e", Attributes: []string{}})
	if err := schema.Validate(); err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), schema)
	if _, err := set.Add("event", 0, 11); err != nil {
		t.Fatal(err)
	}
	imp, err := annotate.Import(mustMarshal(t, annotate.NewFile(doc, set, nil, time.Unix(0, 0))))
	if err != nil {
		t.Fatal(err)
	}
	sum, filled, err := w.AddExport(imp.Document, imp.Set, imp.Orphans)
	if err != nil || !filled {
		t.Fatalf("AddExport: filled %v, %v", filled, err)
	}
	e, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if e.Set.Len() != 1 || len(e.Orphans) != 0 {
		t.Errorf("reopened, the filled document has %d placed annotations and %d orphans; want 1 placed, as the library counts it (%v)",
			e.Set.Len(), len(e.Orphans), sum.Counts)
	}
	data, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if err := Restore(NewMemory(), data); err != nil {
		t.Errorf("a backup made after the fill cannot be restored: %v", err)
	}
}

// BenchmarkEdit2000 measures opening a stored document of 2,000
// annotations for editing, from a Memory: the HTML parsed and checked, the
// annotations read, the Set built and the history restored.
func BenchmarkEdit2000(b *testing.B) {
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
	for b.Loop() {
		if _, err := w.Edit(doc.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEditWithAndWithoutIndex: a document added here is stored with its
// text index and opens from it; one stored without (by an earlier version,
// or restored from a backup by hand) opens by parsing its HTML, to the same
// document.
func TestEditWithAndWithoutIndex(t *testing.T) {
	w, m := openMemory(t)
	doc := loadText(t, "words.txt", manyWords(300))
	sum, err := w.Add(doc, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := m.Document(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(rec.Index, doc.IndexData()) {
		t.Fatal("the document was stored without its index")
	}
	// Every way of adding a document stores its index: AddAndEdit at once,
	// AddAndEditLater with the editor's first change, a batch with its
	// documents.
	for i, add := range []func(doc *annotate.Document) string{
		func(doc *annotate.Document) string {
			e, err := w.AddAndEdit(doc, nil, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			return e.ID()
		},
		func(doc *annotate.Document) string {
			e, err := w.AddAndEditLater(doc, nil, nil, "")
			if err != nil {
				t.Fatal(err)
			}
			if err := Write(m, e.ID(), e.Pending()); err != nil {
				t.Fatal(err)
			}
			return e.ID()
		},
		func(doc *annotate.Document) string {
			line, _ := json.Marshal(map[string]string{"title": "batch", "text": doc.Text().String()})
			rep, err := w.ImportBatch(context.Background(), "batch.jsonl", line, nil)
			if err != nil || len(rep.Added) != 1 {
				t.Fatalf("the batch: %v, %+v", err, rep)
			}
			return rep.Added[0].ID
		},
	} {
		doc := loadText(t, "words.txt", manyWords(301+i))
		id := add(doc)
		rec, err := m.Document(id)
		if err != nil {
			t.Fatal(err)
		}
		if want := doc.IndexData(); len(rec.Index) == 0 || (i < 2 && !bytes.Equal(rec.Index, want)) {
			t.Errorf("way %d of adding a document stored %d bytes of index, want %d", i+1, len(rec.Index), len(want))
		}
	}
	withIndex, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	rec.Index = nil
	if err := m.PutDocument(rec, nil); err != nil {
		t.Fatal(err)
	}
	parsed, err := w.Edit(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(withIndex.Document.Index(), parsed.Document.Index()) || withIndex.Document.ID != parsed.Document.ID {
		t.Fatal("the document opened from its index differs from the one parsed")
	}
}

// TestAddAndEditHandsOverTheAnnotations checks AddAndEdit's contract: the
// document is written alone (new, no counts), the editor shows the file's
// annotations and orphans at once, and its first change writes them all,
// after which the document reopens with them, counted, in progress, with
// no undo history; a change after that writes only itself.
func TestAddAndEditHandsOverTheAnnotations(t *testing.T) {
	w, m := openMemory(t)
	c := &counting{Store: m}
	w.store = c
	doc := loadText(t, "a.txt", "The minister said taxes fall. The party pledged a new tax. “No”, she said.")
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	for _, s := range []struct {
		label      string
		start, end int
	}{{"claim", 4, 28}, {"pledge", 30, 58}, {"quote", 59, 63}} {
		if _, err := set.Add(s.label, s.start, s.end); err != nil {
			t.Fatal(err)
		}
	}
	set.ClearHistory()
	orphan := annotate.Annotation{ID: "0190a0b0-0000-7000-8000-000000000001", Label: "claim", Exact: "gone"}

	e, err := w.AddAndEdit(doc, set, []annotate.Annotation{orphan}, "")
	if err != nil {
		t.Fatal(err)
	}
	if e.Set.Len() != 3 || len(e.Orphans) != 1 || e.Orphans[0].Anchor != annotate.AnchorOrphan {
		t.Fatalf("the editor holds %d annotations and %v orphans; want 3 and the orphan", e.Set.Len(), e.Orphans)
	}
	sum, err := w.store.Summary(e.ID())
	if err != nil || sum.Status != StatusNew || len(sum.Counts) != 0 || sum.Orphans != 0 || c.putAnnotation != 0 {
		t.Fatalf("before the first change the store holds %+v (%v) and %d annotations; want the document alone", sum, err, c.putAnnotation)
	}

	ch := e.Pending()
	if len(ch.Put) != 4 || !ch.Annotated || ch.Counts["claim"] != 1 || ch.Counts["pledge"] != 1 || ch.Counts["quote"] != 1 || ch.Orphans != 1 {
		t.Fatalf("the first change = %d puts, counts %v, %d orphans; want all 4, one of each label and the orphan", len(ch.Put), ch.Counts, ch.Orphans)
	}
	if err := w.store.Apply(e.ID(), ch); err != nil {
		t.Fatal(err)
	}
	if next := e.Pending(); !next.Empty() {
		t.Fatalf("a second Pending with nothing changed = %+v", next)
	}
	again, err := w.Edit(e.ID())
	if err != nil {
		t.Fatal(err)
	}
	sum, _ = w.store.Summary(e.ID())
	if again.Set.Len() != 3 || len(again.Orphans) != 1 || sum.Status != StatusInProgress || sum.Counts["pledge"] != 1 || sum.Orphans != 1 {
		t.Fatalf("reopened: %d annotations, %d orphans, summary %+v", again.Set.Len(), len(again.Orphans), sum)
	}
	if again.Set.CanUndo() {
		t.Error("the import left an undo step: undo would take the file's annotations away")
	}

	c.reset()
	if _, err := e.Set.Add("claim", 59, 63); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); err != nil || c.putAnnotation != 1 {
		t.Fatalf("a change after the hand-over wrote %d annotations (%v); want 1", c.putAnnotation, err)
	}
}

// TestAddAndEditLaterWritesWithFirstChange checks AddAndEditLater: nothing
// is written until the editor's first change, which carries the document
// and writes it before its annotations; the change written again (a
// retry) does no harm; a document already stored when its first change is
// written is not replaced; and a document with no annotation is written
// by a change that holds nothing else.
func TestAddAndEditLaterWritesWithFirstChange(t *testing.T) {
	w, _ := openMemory(t)
	doc := loadText(t, "a.txt", "The minister said taxes fall. The party pledged a new tax.")
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	if _, err := set.Add("claim", 4, 28); err != nil {
		t.Fatal(err)
	}
	set.ClearHistory()

	e, err := w.AddAndEditLater(doc, set, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.store.Summary(e.ID()); !errors.Is(err, ErrNoDocument) {
		t.Fatalf("before the first change the store has the document (%v)", err)
	}
	ch := e.Pending()
	if ch.Document == nil || ch.Document.ID != e.ID() || len(ch.Put) != 1 || ch.Empty() {
		t.Fatalf("the first change carries the document %v and %d annotations; want the document and 1", ch.Document, len(ch.Put))
	}
	for i := 0; i < 2; i++ { // the second time, as a retry after a failure
		if err := Write(w.store, e.ID(), ch); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := w.store.Summary(e.ID())
	if err != nil || sum.Counts["claim"] != 1 || sum.Status != StatusInProgress {
		t.Fatalf("after the first change: summary %+v (%v); want one claim, in progress", sum, err)
	}
	if next := e.Pending(); next.Document != nil || !next.Empty() {
		t.Fatalf("a second Pending = %+v; want nothing, the document handed over once", next)
	}
	again, err := w.Edit(e.ID())
	if err != nil || again.Set.Len() != 1 || again.Document.Text().String() != doc.Text().String() {
		t.Fatalf("reopened: %v, %d annotations", err, again.Set.Len())
	}

	// The same text added again before the first was written: the first
	// written stays, with its annotation.
	late, err := w.AddAndEditLater(doc, nil, nil, "")
	if err == nil {
		t.Fatalf("the same text added again after it was written: no duplicate error (%v)", late.ID())
	}
	early, err := w.AddAndEditLater(loadText(t, "b.txt", "Another article, with its own text."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	twin, err := w.AddAndEditLater(loadText(t, "b.txt", "Another article, with its own text."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	first := early.Pending()
	if first.Document == nil || first.records() != 0 {
		t.Fatalf("an article's first change = %+v; want the document alone", first)
	}
	if err := Write(w.store, early.ID(), first); err != nil {
		t.Fatal(err)
	}
	if _, err := early.Set.Add("claim", 0, 7); err != nil {
		t.Fatal(err)
	}
	if _, err := early.Save(); err != nil {
		t.Fatal(err)
	}
	if _, err := twin.Save(); err != nil {
		t.Fatal(err)
	}
	if kept, err := w.Edit(early.ID()); err != nil || kept.Set.Len() != 1 {
		t.Fatalf("the twin's first change replaced the document written first: %v, %d annotations; want 1", err, kept.Set.Len())
	}
}

// gathering is a Memory whose reads of a document's annotations, history
// and the settings each wait until all three have been asked, as
// IndexedDB's answers wait in the browser while Go runs: a caller that
// asks them one after the other waits for each in turn, and here the
// first read waits in vain. It records the order of the reads.
type gathering struct {
	*Memory
	asked  chan string
	all    chan struct{}
	waited chan string // the reads that gave up waiting
	mu     sync.Mutex
	order  []string
}

func newGathering(m *Memory) *gathering {
	g := &gathering{Memory: m, asked: make(chan string, 8), all: make(chan struct{}), waited: make(chan string, 8)}
	go func() {
		for range 3 {
			<-g.asked
		}
		close(g.all)
	}()
	return g
}

func (g *gathering) record(read string) {
	g.mu.Lock()
	g.order = append(g.order, read)
	g.mu.Unlock()
}

// wait records read as asked and waits for the two others (a second at
// most).
func (g *gathering) wait(read string) {
	g.record(read)
	g.asked <- read
	select {
	case <-g.all:
	case <-time.After(time.Second):
		g.waited <- read
	}
}

func (g *gathering) Document(id string) (DocumentRecord, error) {
	g.record("body")
	return g.Memory.Document(id)
}

func (g *gathering) Annotations(id string) ([]annotate.Annotation, error) {
	g.wait("annotations")
	return g.Memory.Annotations(id)
}

func (g *gathering) Steps(id string) ([]annotate.Step, error) {
	g.wait("history")
	return g.Memory.Steps(id)
}

func (g *gathering) Settings() (Settings, error) {
	g.wait("settings")
	return g.Memory.Settings()
}

// TestEditAsksTheRestAtOnce checks that Edit reads a document's body
// first, alone (its parse needs it, and in the browser IndexedDB answers
// it later when other reads are asked beside it), then asks for its
// annotations, its history and the settings before it waits for any of
// them: each is a wait on IndexedDB, and waits one after the other add up
// on every start.
func TestEditAsksTheRestAtOnce(t *testing.T) {
	w, m := openMemory(t)
	e, err := w.AddAndEdit(loadText(t, "words.txt", manyWords(50)), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("claim", 0, 4); err != nil {
		t.Fatal(err)
	}
	if err := Write(m, e.ID(), e.Pending()); err != nil {
		t.Fatal(err)
	}
	g := newGathering(m)
	again := &Workspace{store: g, clock: w.clock}
	got, err := again.Edit(e.ID())
	if err != nil {
		t.Fatal(err)
	}
	close(g.waited)
	for read := range g.waited {
		t.Errorf("Edit waited for its %s before it asked for the rest", read)
	}
	if len(g.order) != 4 || g.order[0] != "body" {
		t.Errorf("Edit read %q; want the body first, alone", g.order)
	}
	if n := got.Set.Len(); n != 1 {
		t.Errorf("the document opened with %d annotations, want 1", n)
	}
}

// TestOrphansKeepTheirOrder: the orphans of a document are listed in one
// order, the same when the document is opened from the file that brought
// them and when it is opened again from the store: they came in the
// file's order, and after a reload in the order of their ids, so that
// the list the annotator was working down changed under them (and an
// undone placement, given back where it was, came back elsewhere). The
// order is where they were in the text.
func TestOrphansKeepTheirOrder(t *testing.T) {
	w, err := Open(NewMemory(), clock())
	if err != nil {
		t.Fatal(err)
	}
	doc := loadText(t, "words.txt", manyWords(30))
	orphan := func(id string, start int) annotate.Annotation {
		return annotate.Annotation{ID: id, Label: "claim", Start: start, End: start + 4, Exact: "not in the text " + id,
			Anchor: annotate.AnchorOrphan}
	}
	orphans := []annotate.Annotation{
		orphan("0195a5b4-7c3e-7000-8000-00000000000c", 20),
		orphan("0195a5b4-7c3e-7000-8000-00000000000a", 50),
		orphan("0195a5b4-7c3e-7000-8000-00000000000b", 5),
	}
	ids := func(orphans []annotate.Annotation) string {
		var b strings.Builder
		for _, o := range orphans {
			b.WriteString(o.ID[len(o.ID)-1:])
		}
		return b.String()
	}
	e, err := w.AddAndEdit(doc, annotate.NewSet(doc.Text(), annotate.DefaultSchema()), orphans, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Save(); err != nil {
		t.Fatal(err)
	}
	first := ids(e.Orphans)
	again, err := w.Edit(e.ID())
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(again.Orphans); got != first || got != "bca" {
		t.Errorf("the orphans are listed %s when opened from the file and %s when opened again; want bca, in the order of the text, both times", first, got)
	}
}
