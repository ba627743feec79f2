package annotate

import (
	"errors"
	"testing"
)

// TestSetTyped: text typed into a field before the page went away is set
// over the value the field showed, as one step that undo takes back; not
// over a value another tab set since, nor on an annotation deleted since.
func TestSetTyped(t *testing.T) {
	doc, err := Load([]byte("Yes we can, he said. The deal is pretty balanced."), FileSource("a.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	s := NewSet(doc.Text(), DefaultSchema())
	q, err := s.Add("quote", 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if changed, err := s.SetTyped(q.ID, AttrSpeaker, "", "Barack Obama "); err != nil || !changed {
		t.Fatalf("typed over the empty speaker: changed %v, %v", changed, err)
	}
	if got, _ := s.Get(q.ID); got.Attributes[AttrSpeaker] != "Barack Obama" {
		t.Errorf("the speaker is %q", got.Attributes[AttrSpeaker])
	}
	if s.UndoLabel() != "set speaker" {
		t.Errorf("the step to undo is %q", s.UndoLabel())
	}

	// Its change written before the page went away: nothing to do.
	if changed, err := s.SetTyped(q.ID, AttrSpeaker, "", "Barack Obama"); err != nil || changed {
		t.Errorf("typed text already set: changed %v, %v", changed, err)
	}
	if n := len(s.History()); n != 2 {
		t.Errorf("typed text already set: the history holds %d steps, want 2 (the add, the speaker)", n)
	}

	// Another tab set the speaker since the field showed it empty.
	_, err = s.SetTyped(q.ID, AttrSpeaker, "", "Joe Biden")
	if !errors.Is(err, ErrChangedSince) {
		t.Errorf("typed over a value changed since: %v, want ErrChangedSince", err)
	}
	if got, _ := s.Get(q.ID); got.Attributes[AttrSpeaker] != "Barack Obama" {
		t.Errorf("after a refused text the speaker is %q", got.Attributes[AttrSpeaker])
	}

	// Deleted since.
	if err := s.Delete(q.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetTyped(q.ID, AttrNote, "", "a note"); !errors.Is(err, ErrNotFound) {
		t.Errorf("typed on an annotation deleted since: %v, want ErrNotFound", err)
	}
}
