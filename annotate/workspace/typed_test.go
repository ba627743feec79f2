package workspace

import (
	"errors"
	"strings"
	"testing"
)

// TestRenameTyped: a title typed into the library's rename field before
// the page went away renames the document over the title the field
// showed, as a rename the library's Undo takes back; not over a title
// another tab gave since, nor a document deleted since, nor when the
// library's rename would refuse it.
func TestRenameTyped(t *testing.T) {
	w, m := openMemory(t)
	sum, err := w.Add(loadText(t, "a.txt", "Ministers pledged to raise defence spending."), nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	was := sum.Title
	old, renamed, err := w.RenameTyped(sum.ID, was, "  Budget   day ")
	if err != nil || !renamed || old.Title != was {
		t.Fatalf("typed over the title shown: renamed %v, found %q, %v", renamed, old.Title, err)
	}
	if got, _ := m.Summary(sum.ID); got.Title != "Budget day" {
		t.Errorf("the title is %q", got.Title)
	}
	if want := "rename “" + was + "”"; w.UndoLabel() != want {
		t.Errorf("the library's Undo offers %q, want %q", w.UndoLabel(), want)
	}

	// Its change written before the page went away: nothing to do.
	if _, renamed, err := w.RenameTyped(sum.ID, was, "Budget day"); err != nil || renamed {
		t.Errorf("a title typed already written: renamed %v, %v", renamed, err)
	}

	// The library's rules: a blank title is refused, as Rename refuses it.
	if _, renamed, err := w.RenameTyped(sum.ID, "Budget day", " \u200b "); !errors.Is(err, ErrTitle) || renamed {
		t.Errorf("a blank title typed: renamed %v, %v, want ErrTitle", renamed, err)
	}

	// Another tab renamed it since the field showed its title.
	other, err := Open(m, clock())
	if err != nil {
		t.Fatal(err)
	}
	if err := other.Rename(sum.ID, "Defence budget"); err != nil {
		t.Fatal(err)
	}
	old, renamed, err = w.RenameTyped(sum.ID, "Budget day", "Spending review")
	if !errors.Is(err, ErrRenamedSince) || renamed || old.Title != "Defence budget" {
		t.Errorf("typed over a title changed since: renamed %v, found %q, %v, want ErrRenamedSince", renamed, old.Title, err)
	}
	if err != nil && (!strings.Contains(err.Error(), "“Defence budget”") || strings.Contains(err.Error(), sum.ID)) {
		t.Errorf("the refusal says %q: not the title given since, in words", err)
	}
	if got, _ := m.Summary(sum.ID); got.Title != "Defence budget" {
		t.Errorf("after a refused title the title is %q", got.Title)
	}

	// The library's Undo takes the typed title back (while nobody renamed
	// it since), as a rename's.
	if err := other.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := w.Undo(); err != nil {
		t.Fatalf("the library's Undo of a typed title: %v", err)
	}
	if got, _ := m.Summary(sum.ID); got.Title != was {
		t.Errorf("after the Undo the title is %q, want %q", got.Title, was)
	}

	// Deleted since.
	if err := other.Delete(sum.ID); err != nil {
		t.Fatal(err)
	}
	if _, renamed, err := w.RenameTyped(sum.ID, was, "Spending review"); !errors.Is(err, ErrNoDocument) || renamed {
		t.Errorf("typed on a document deleted since: renamed %v, %v, want ErrNoDocument", renamed, err)
	}
}
