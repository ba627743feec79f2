//go:build !wasm

package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// richBackup writes a backup made natively of a workspace with unusual
// content: a custom label with an attribute, an author with an emoji,
// orphans, attributes and a note with emoji, a renamed document, one
// marked done, and a document edited (with an undo history). It returns
// its path, its bytes and the edited document's id.
func richBackup(t *testing.T) (string, []byte, string) {
	t.Helper()
	w, err := workspace.Open(workspace.NewMemory(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.SetAuthor("Zoë 😀 Ärger"); err != nil {
		t.Fatal(err)
	}
	schema := annotate.DefaultSchema()
	schema.Labels = append(schema.Labels, annotate.Label{Name: "evidence", Color: "#cc79a7", Key: "e", Attributes: []string{"source"}, Description: "Backs a claim 🔎."})
	if err := w.SetSchema(schema); err != nil {
		t.Fatal(err)
	}
	load := func(name, text string) *annotate.Document {
		d, err := annotate.Load([]byte(text), annotate.Source{Name: name, MediaType: "text/plain"})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	text := "The mayor said «Nous 👍🏽 baisserons les impôts» and café & <b> prices fell.\n\nA second paragraph, with more words."
	doc := load("tricky.txt", text)
	set := annotate.NewSet(doc.Text(), schema)
	canon := doc.Text().String()
	span := func(s *annotate.Set, c, label, phrase string) annotate.Annotation {
		i := strings.Index(c, phrase)
		start := annotate.RuneCount(c[:i])
		a, err := s.Add(label, start, start+annotate.RuneCount(phrase))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	q := span(set, canon, "quote", "«Nous 👍🏽 baisserons les impôts»")
	_ = set.SetAttribute(q.ID, annotate.AttrSpeaker, "Le maire 😀")
	_ = set.SetAttribute(q.ID, annotate.AttrNote, "note 🎉 with\nnew line & <i>")
	e := span(set, canon, "evidence", "prices fell")
	if err := set.SetAttribute(e.ID, "source", "Bureau 📊"); err != nil {
		t.Fatal(err)
	}
	orphans := []annotate.Annotation{
		{ID: "0190a000-0000-7000-8000-000000000002", Label: "claim", Start: 1, End: 3, Exact: "gone too", Anchor: annotate.AnchorOrphan},
		{ID: "0190a000-0000-7000-8000-000000000001", Label: "pledge", Start: 5, End: 9, Exact: "gone", Anchor: annotate.AnchorOrphan,
			Attributes: map[string]string{annotate.AttrParty: "Parti 🌹"}},
	}
	s1, err := w.Add(doc, set, orphans, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Rename(s1.ID, "Renamed «tricky» 😀 <&>"); err != nil {
		t.Fatal(err)
	}
	doc2 := load("done.txt", "Trade with the US is pretty balanced.")
	s2, err := w.Add(doc2, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	ed, err := w.Edit(s2.ID)
	if err != nil {
		t.Fatal(err)
	}
	span(ed.Set, doc2.Text().String(), "claim", "pretty balanced")
	span(ed.Set, doc2.Text().String(), "evidence", "Trade")
	if _, err := ed.Save(); err != nil {
		t.Fatal(err)
	}
	if err := w.SetStatus(s2.ID, workspace.StatusDone); err != nil {
		t.Fatal(err)
	}
	data, err := w.Backup()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, data, s2.ID
}

// withoutWritten is a backup with its "written" time taken out.
func withoutWritten(t *testing.T, data []byte) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "written")
	// A document's version (which change of which tab it is as of) is
	// the tabs' business; a document written whole has none.
	var docs []map[string]json.RawMessage
	if err := json.Unmarshal(m["documents"], &docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		delete(d, "version")
	}
	m["documents"], _ = json.Marshal(docs)
	out, _ := json.Marshal(m)
	return out
}

// TestStorageRichBackupRoundTrip: a backup with unusual content restored
// in a fresh browser, then backed up again there, gives the same file
// (its time apart).
func TestStorageRichBackupRoundTrip(t *testing.T) {
	path, data, _ := richBackup(t)
	b, _ := openApp(t)
	waitStarted(t, b)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("restore-file"), []string{path}))
	waitFor(t, b, `performance.getEntriesByName("annotator:restored-backup").length > 0`)
	waitFor(t, b, `document.querySelector("#library-count") && document.querySelector("#library-count").textContent.startsWith("2 documents")`)
	again := downloadFile(t, b, "annotator-backup-*.json", chromedp.Click(chromedp.ID("backup-button")))
	x, y := withoutWritten(t, data), withoutWritten(t, again)
	if !bytes.Equal(x, y) {
		i := 0
		for i < len(x) && i < len(y) && x[i] == y[i] {
			i++
		}
		t.Errorf("the backup of the restored library differs from the one restored, at byte %d:\nrestored %s\nagain    %s", i, abbreviate(string(x[max(0, i-200):]), 600), abbreviate(string(y[max(0, i-200):]), 600))
	}
}

// TestStorageNoIndexedDBBackupAndRestore: without IndexedDB (work kept in
// the tab), a backup holds what the tab holds, and a backup restores into
// the tab's library.
func TestStorageNoIndexedDBBackupAndRestore(t *testing.T) {
	path, _, _ := richBackup(t)
	b, _ := openApp(t)
	noIndexedDB(t, b, idbThrows)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `document.querySelector("#save-state").dataset.state === "memory"`)
	showLibrary(t, b)
	b.run(chromedp.SetUploadFiles(chromedp.ID("restore-file"), []string{path}))
	waitFor(t, b, `performance.getEntriesByName("annotator:restored-backup").length > 0 || document.querySelector("#notice").textContent.includes("not restored")`)
	t.Logf("restore without IndexedDB says %q", text(t, b, "#notice"))
	waitFor(t, b, `document.querySelector("#library-count") && document.querySelector("#library-count").textContent.startsWith("2 documents")`)
	again := downloadFile(t, b, "annotator-backup-*.json", chromedp.Click(chromedp.ID("backup-button")))
	if !strings.Contains(string(again), "Bureau 📊") {
		t.Errorf("the backup without IndexedDB lacks the restored work")
	}
	if !asksBeforeClose(t, b) {
		t.Error("without IndexedDB, with a backup restored in the tab, closing it does not ask first")
	}
	t.Logf("storage info: %q", text(t, b, "#storage-info"))
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
