package workspace

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestTitlesInWords: the library's words name a document by its title as
// the app writes it, between “ and ”, never in Go's quoting: a headline
// that quotes someone (`Trump calls trade "pretty balanced"`) read
// `rename "Trump calls trade \"pretty balanced\""` in the Undo button and
// its message, the import's report and the refusal to delete.
func TestTitlesInWords(t *testing.T) {
	const title = `Trump calls trade "pretty balanced" \ UK`
	w, _ := openMemory(t)
	doc := loadText(t, title, title+"\n\nThe article's words.")
	s, err := w.Add(doc, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	want := "“" + title + "”"
	check := func(what, got string) {
		t.Helper()
		if !strings.Contains(got, want) || strings.Contains(got, `\"`) {
			t.Errorf("%s says %q, want the title as %s", what, got, want)
		}
	}
	if err := w.SetStatus(s.ID, StatusDone); err != nil {
		t.Fatal(err)
	}
	check("the Undo of a status", w.UndoLabel())
	if err := w.Rename(s.ID, title+" again"); err != nil {
		t.Fatal(err)
	}
	if got := w.UndoLabel(); !strings.Contains(got, want) || strings.Contains(got, `\"`) {
		t.Errorf("the Undo of a rename says %q", got)
	}
	if err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	r, err := w.ImportBatch(context.Background(), "b.jsonl", []byte(`{"id":"x","title":"t","text":"`+strings.ReplaceAll(strings.ReplaceAll(title, `\`, `\\`), `"`, `\"`)+`\n\nThe article's words."}`+"\n"), nil)
	if err != nil || len(r.Duplicates) != 1 {
		t.Fatalf("importing the article again: %v, %+v", err, r)
	}
	check("the import's duplicate", r.Duplicates[0].String())
	w.Hold = func(string) (func(), bool) { return nil, false }
	err = w.Delete(s.ID)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("Delete of a document open elsewhere: %v", err)
	}
	check("the refusal to delete", err.Error())
	w.Hold = nil
	if err := w.Delete(s.ID); err != nil {
		t.Fatal(err)
	}
	check("the Undo of a delete", w.UndoLabel())
}
