package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsannotator/annotator/annotate"
)

var fixed = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func fixedClock() time.Time { return fixed }

// exports returns the version-1 export of every document, by id.
func exports(t *testing.T, w *Workspace) map[string][]byte {
	t.Helper()
	sums, err := w.List(Query{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, s := range sums {
		e, err := w.Edit(s.ID)
		if err != nil {
			t.Fatal(err)
		}
		b, err := e.Export(fixed)
		if err != nil {
			t.Fatal(err)
		}
		out[s.ID] = b
	}
	return out
}

func TestBackupRestoreLosesNothing(t *testing.T) {
	w, ids := datasetWorkspace(t)
	if err := w.SetAuthor("Ada Lovelace"); err != nil {
		t.Fatal(err)
	}
	schema := annotate.DefaultSchema()
	schema.Labels[0].Description = "Something said to be true."
	if err := w.SetSchema(schema); err != nil {
		t.Fatal(err)
	}
	if err := w.Rename(ids[2], "Renamed <&> «title»"); err != nil {
		t.Fatal(err)
	}
	w.clock = fixedClock
	before, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	exportsBefore := exports(t, w)

	m := NewMemory()
	if err := Restore(m, before); err != nil {
		t.Fatal(err)
	}
	w2, err := Open(m, fixedClock)
	if err != nil {
		t.Fatal(err)
	}
	after, err := w2.Backup()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Errorf("backup after restore differs:\nbefore %s\nafter  %s", before, after)
	}
	exportsAfter := exports(t, w2)
	if len(exportsAfter) != 3 {
		t.Fatalf("%d documents after restore, want 3", len(exportsAfter))
	}
	for id, b := range exportsBefore {
		if !bytes.Equal(b, exportsAfter[id]) {
			t.Errorf("the export of %s differs after restore:\nbefore %s\nafter  %s", id, b, exportsAfter[id])
		}
	}
	// What the backup holds, in so many words: the author, the schema,
	// the orphan, the statuses.
	s, _ := w2.Settings()
	e, _ := w2.Edit(ids[0])
	sum, _ := m.Summary(ids[1])
	if s.Author != "Ada Lovelace" || s.Schema.Labels[0].Description != schema.Labels[0].Description ||
		len(e.Orphans) != 1 || e.Set.Len() != 4 || sum.Status != StatusDone {
		t.Errorf("restored: author %q, schema %v, %d orphans, %d annotations, status %q", s.Author, s.Schema.Labels[0], len(e.Orphans), e.Set.Len(), sum.Status)
	}
	if e.Set.Len() > 0 {
		a, _ := e.Set.Add("claim", 0, 8)
		if a.Author != "Ada Lovelace" {
			t.Errorf("a new annotation after restore is by %q", a.Author)
		}
	}
}

func TestRestoreRefuses(t *testing.T) {
	w, ids := datasetWorkspace(t)
	w.clock = fixedClock
	good, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	edit := func(change func(b *Backup)) []byte {
		var b Backup
		if err := json.Unmarshal(good, &b); err != nil {
			t.Fatal(err)
		}
		change(&b)
		out, _ := json.Marshal(b)
		return out
	}
	for _, c := range []struct {
		name  string
		data  []byte
		err   error
		words string
	}{
		{"not JSON", []byte("{"), ErrBackup, "JSON"},
		{"an export", []byte(`{"format": "x"}`), ErrBackup, "import it instead"},
		{"newer", edit(func(b *Backup) { b.Layout = LayoutVersion + 1 }), ErrNewerLayout, "newer version"},
		{"text changed", edit(func(b *Backup) { b.Documents[2].Text += "!" }), ErrBackup, "textSha256"},
		{"bad status", edit(func(b *Backup) { b.Documents[1].Status = "finished" }), ErrBackup, `"finished"`},
		{"span moved", edit(func(b *Backup) {
			for d := range b.Documents {
				for i, a := range b.Documents[d].Annotations {
					if a.Anchor != annotate.AnchorOrphan {
						b.Documents[d].Annotations[i].Start++
						return
					}
				}
			}
		}), ErrBackup, "annotation"},
		{"counts", edit(func(b *Backup) { b.Documents[2].Counts["claim"] = 7 }), ErrBackup, "counts"},
		{"more after it", append(append([]byte{}, good...), " {}\n"...), ErrBackup, "more after the backup"},
		{"no documents", edit(func(b *Backup) { b.Documents = nil }), ErrBackup, `no "documents"`},
	} {
		m := NewMemory()
		err := Restore(m, c.data)
		if !errors.Is(err, c.err) || !strings.Contains(err.Error(), c.words) {
			t.Errorf("%s: %v; want %v saying %q", c.name, err, c.err, c.words)
		}
		if docs, _ := m.Documents(); len(docs) != 0 {
			t.Errorf("%s: a refused backup wrote %d documents", c.name, len(docs))
		}
	}
	// Saved by Notepad, with a byte order mark: restored.
	m := NewMemory()
	if err := Restore(m, append([]byte("\xef\xbb\xbf"), good...)); err != nil {
		t.Errorf("a backup that starts with a byte order mark: %v", err)
	} else if docs, _ := m.Documents(); len(docs) != 3 {
		t.Errorf("a backup that starts with a byte order mark restored %d documents, want 3", len(docs))
	}
	// Into a store that holds documents: refused.
	if err := Restore(w.Store(), good); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("restore into a full store: %v", err)
	}
	// A script slipped into a backup's HTML is sanitised away.
	evil := edit(func(b *Backup) {
		for i := range b.Documents {
			if b.Documents[i].ID == ids[2] {
				b.Documents[i].HTML = strings.Replace(b.Documents[i].HTML, "</p>", `<script>alert(1)</script><img src=x onerror=alert(2)></p>`, 1)
			}
		}
	})
	m = NewMemory()
	if err := Restore(m, evil); err != nil {
		t.Fatal(err)
	}
	rec, _ := m.Document(ids[2])
	if strings.Contains(rec.HTML, "script") || strings.Contains(rec.HTML, "onerror") {
		t.Errorf("restored HTML kept the script: %s", rec.HTML)
	}
}

// keptBackup returns the backup of a library of one article, "kept.txt".
func keptBackup(t *testing.T) []byte {
	t.Helper()
	src, _ := openMemory(t)
	if _, err := src.Add(loadText(t, "kept.txt", "Words kept in the backup."), nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	data, err := src.Backup()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestRestoreOverTheSample: a restore replaces a library that holds only
// the untouched sample, and refuses one with work in it, changing nothing.
func TestRestoreOverTheSample(t *testing.T) {
	data := keptBackup(t)

	w, m := openMemory(t)
	sample, err := w.Add(loadText(t, "sample.txt", "The sample article."), nil, nil, "sample")
	if err != nil {
		t.Fatal(err)
	}
	empty := []byte(`{"format":"` + BackupFormat + `","layout":1}`)
	for _, bad := range [][]byte{[]byte(`{"format":"nope"}`), empty, append(append([]byte{}, data...), "x"...)} {
		if err := w.RestoreOver(bad, "sample"); !errors.Is(err, ErrBackup) {
			t.Fatalf("a bad backup (%.40s…): %v, want ErrBackup", bad, err)
		}
		if _, err := m.Summary(sample.ID); err != nil {
			t.Fatalf("a bad backup (%.40s…) deleted the sample: %v", bad, err)
		}
	}
	if err := w.RestoreOver(data, "sample"); err != nil {
		t.Fatal(err)
	}
	again, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := m.Documents()
	if len(docs) != 1 || docs[0].Title != "kept" && !strings.Contains(string(again), "Words kept") {
		t.Fatalf("after the restore the library holds %v", docs)
	}

	// With work in it, a library is never replaced.
	busy, _ := openMemory(t)
	s, _ := busy.Add(loadText(t, "sample.txt", "The sample article."), nil, nil, "sample")
	if err := busy.SetStatus(s.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	if err := busy.RestoreOver(data, "sample"); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("restore over a library with work: %v, want ErrNotEmpty", err)
	} else if msg := err.Error(); strings.Contains(msg, "delete its documents") || !strings.Contains(msg, "clear this site's data") {
		// The library cannot delete the document open, and one always is.
		t.Errorf("restore over a library with work says %q: advice that cannot be followed", msg)
	}
}

// TestRestoreClearsTheLibrarysUndo: the library's undo does not reach past
// a restore. Before, undoing a delete made before it tried to put back a
// document the backup holds again, and the undo of the rename before that
// renamed the restored one.
func TestRestoreClearsTheLibrarysUndo(t *testing.T) {
	src, _ := openMemory(t)
	a, err := src.Add(loadText(t, "a.txt", "The article both libraries hold."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	data, err := src.Backup()
	if err != nil {
		t.Fatal(err)
	}
	w, m := openMemory(t)
	mine, err := w.Add(loadText(t, "a.txt", "The article both libraries hold."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Rename(mine.ID, "Mine"); err != nil {
		t.Fatal(err)
	}
	if err := w.Delete(mine.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.RestoreOver(data, "sample"); err != nil {
		t.Fatal(err)
	}
	if label := w.UndoLabel(); label != "" {
		t.Errorf("after a restore the library offers to undo %s", label)
	}
	for range 2 {
		if err := w.Undo(); !errors.Is(err, ErrNothingToUndo) {
			t.Errorf("Undo after a restore: %v, want ErrNothingToUndo", err)
		}
	}
	if s, err := m.Summary(a.ID); err != nil || s.Title != a.Title {
		t.Errorf("the restored document is %q (%v), want %q as the backup has it", s.Title, err, a.Title)
	}
}

// BenchmarkRestoreOver measures restoring a backup of the repository's 13
// corpus pages over an untouched sample, as the app's Restore does on a
// first start: every article is sanitised again to be checked, then
// written.
func BenchmarkRestoreOver(b *testing.B) {
	src, _ := openMemory(b)
	pages, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "readability", "*", "source.html"))
	if len(pages) == 0 {
		b.Fatal("no corpus pages in testdata")
	}
	var size int64
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		doc, err := annotate.Load(data, annotate.Source{Name: p, MediaType: "text/html"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := src.Add(doc, nil, nil, ""); err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
	}
	data, err := src.Backup()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		w, _ := openMemory(b)
		if _, err := w.Add(loadText(b, "sample.txt", "The sample article."), nil, nil, "sample"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := w.RestoreOver(data, "sample"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHoldsWork: a workspace holds work once it holds anything but the
// untouched sample: a renamed sample, or any other article.
func TestHoldsWork(t *testing.T) {
	w, _ := openMemory(t)
	holds := func(when string, want bool) {
		t.Helper()
		if got, err := w.HoldsWork("sample"); got != want || err != nil {
			t.Errorf("%s: HoldsWork = %v (%v), want %v", when, got, err, want)
		}
	}
	holds("empty", false)
	s, err := w.Add(loadText(t, "sample.txt", "The sample article."), nil, nil, "sample")
	if err != nil {
		t.Fatal(err)
	}
	holds("with the untouched sample", false)
	if err := w.Rename(s.ID, "My sample"); err != nil {
		t.Fatal(err)
	}
	holds("with the sample renamed", true)
	if err := w.Delete(s.ID); err != nil {
		t.Fatal(err)
	}
	holds("with the sample deleted", false)
	if _, err := w.Add(loadText(t, "a.txt", "An article of the user's."), nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	holds("with an article added", true)
}

// TestBackupUnstoredChanges: a backup holds the annotations of a document
// whose latest change the store does not have (its write failed), with
// counts that fit them, so that it restores with that change.
func TestBackupUnstoredChanges(t *testing.T) {
	w, ids := datasetWorkspace(t)
	e, err := w.Edit(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Set.Add("quote", 0, 5); err != nil {
		t.Fatal(err)
	}
	data, err := w.BackupWith(map[string]Unstored{ids[1]: {Annotations: e.Annotations()}})
	if err != nil {
		t.Fatal(err)
	}
	m := NewMemory()
	if err := Restore(m, data); err != nil {
		t.Fatalf("the backup does not restore: %v", err)
	}
	s, err := m.Summary(ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if s.Counts["quote"] != 1 || s.Counts["claim"] != 1 {
		t.Errorf("restored, the document counts %v, want a claim and the quote not yet stored", s.Counts)
	}
}

// TestRestoreCutShortLeavesNothing: a restore that the storage cannot
// hold whole leaves the workspace as it was, empty, so that it can be
// restored again once there is room. It wrote the documents one by one,
// and left those that fitted: a library in part, which no restore would
// go into any more (it holds documents).
func TestRestoreCutShortLeavesNothing(t *testing.T) {
	src, _ := datasetWorkspace(t)
	if err := src.SetAuthor("Ada"); err != nil {
		t.Fatal(err)
	}
	data, err := src.Backup()
	if err != nil {
		t.Fatal(err)
	}
	full := &filling{Memory: NewMemory(), limit: 2}
	// A store that writes documents in one transaction, and one that
	// writes them one at a time.
	for _, store := range []Store{full, oneAtATime{&filling{Memory: NewMemory(), limit: 2}}} {
		if err := Restore(store, data); !errors.Is(err, errFull) {
			t.Fatalf("%T: a restore into a storage with room for 2 documents of 3: %v, want the storage's error", store, err)
		}
		if sums, _ := store.Documents(); len(sums) != 0 {
			t.Errorf("%T: the restore cut short left %d documents", store, len(sums))
		}
		if s, _ := store.Settings(); s.Author != "" {
			t.Errorf("%T: the restore cut short left the author %q", store, s.Author)
		}
	}
	full.limit, full.stored = 3, 0
	if err := Restore(full, data); err != nil {
		t.Errorf("once there is room, the backup does not restore: %v", err)
	}
}

// TestRestoreSaysWhatIsWrongInWords: a backup cut short, empty, with a
// field no backup has, or with a value of the wrong kind is refused with
// what is wrong in words: the refusal ended on Go's own words for it
// ("(unexpected EOF)", "(EOF)", "(json: unknown field …)").
func TestRestoreSaysWhatIsWrongInWords(t *testing.T) {
	w, _ := datasetWorkspace(t)
	good, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		data  []byte
		words string
	}{
		{"cut short", good[:len(good)/2], "cut short"},
		{"cut short at its end", good[:len(good)-3], "cut short"},
		{"empty", nil, "empty"},
		{"white space", []byte(" \n"), "empty"},
		{"a field no backup has", bytes.Replace(good, []byte(`"format":`), []byte(`"formats":1,"format":`), 1), `"formats"`},
		{"a value of the wrong kind", bytes.Replace(good, []byte(`"layout":1`), []byte(`"layout":"1"`), 1), "layout"},
		{"not JSON", []byte("PK\x03\x04"), "not JSON"},
	} {
		err := Restore(NewMemory(), c.data)
		if !errors.Is(err, ErrBackup) {
			t.Errorf("%s: %v, want ErrBackup", c.name, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, c.words) || strings.Contains(msg, "EOF") || strings.Contains(msg, "json:") || strings.Contains(msg, "Go ") {
			t.Errorf("%s: %q, want it to say %q in words", c.name, msg, c.words)
		}
	}
}

// TestRestoreOverTheSampleCutShortKeepsIt: a restore over the untouched
// sample that the storage cannot hold deleted the sample first and then
// failed: the library was left without it, under "Nothing in the library
// changed". The sample is put back, as it was.
func TestRestoreOverTheSampleCutShortKeepsIt(t *testing.T) {
	data := keptBackup(t)
	// Room for the sample alone; taking it away frees none, as a
	// browser's quota may not at once.
	full := &filling{Memory: NewMemory(), limit: 1}
	w, err := Open(full, clock())
	if err != nil {
		t.Fatal(err)
	}
	sample, err := w.Add(loadText(t, "sample.txt", "The sample article."), nil, nil, "sample")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.RestoreOver(data, "sample"); !errors.Is(err, errFull) {
		t.Fatalf("a restore the storage cannot hold: %v, want the storage's error", err)
	}
	sums, _ := full.Documents()
	if len(sums) != 1 || sums[0].ID != sample.ID || sums[0].Title != sample.Title {
		t.Fatalf("after the restore cut short the library holds %+v, want the sample", sums)
	}
	if rec, err := full.Document(sample.ID); err != nil || rec.SourceID != "sample" {
		t.Errorf("the sample's record: %+v, %v", rec, err)
	}
}

// A backup (made by hand, or by a version before titles were cleaned)
// whose title is blank or holds control characters, or whose counts name
// a label with none, is restored as it is: the library lists a row with
// no title to click (a title Rename refuses), and "0 quote".
func TestRestoreCleansTitlesAndCounts(t *testing.T) {
	src, _ := openMemory(t)
	if _, err := src.Add(loadText(t, "a.txt", "Budget day\n\nMinisters pledged to raise defence spending."), nil, nil, ""); err != nil {
		t.Fatal(err)
	}
	data, err := src.Backup()
	if err != nil {
		t.Fatal(err)
	}
	var b map[string]any
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	d := b["documents"].([]any)[0].(map[string]any)
	d["title"] = "  \u0007"
	d["counts"] = map[string]any{"quote": 0}
	data, _ = json.Marshal(b)
	w, m := openMemory(t)
	if err := w.RestoreOver(data, ""); err != nil {
		t.Fatal(err)
	}
	all, _ := m.Documents()
	if len(all) != 1 {
		t.Fatalf("%d documents restored", len(all))
	}
	if s := all[0]; annotate.CleanTitle(s.Title) != s.Title || s.Title == "" || len(s.Counts) != 0 {
		t.Errorf("restored as title %q, counts %v", s.Title, s.Counts)
	}
}
