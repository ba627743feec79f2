package annotate

// This file keeps what an annotator was typing into an annotation's field
// (a speaker, a party, a note) when the page went away before the field
// was left: a reload, a closed tab, the update's reload. A field gives its
// text with its change event, which a page going away never fires. The
// page keeps the text, with the value it was typed over, and the next
// start sets it as a change of its own (Ctrl+Z takes it back), unless the
// annotation changed since, in another tab: that change is never written
// over with text typed before it.

import (
	"errors"
	"fmt"
)

// ErrChangedSince is the error of text typed over a value the annotation
// no longer has: it was changed since, and the text is not set over it.
var ErrChangedSince = errors.New("the annotation was changed since the text was typed")

// SetTyped sets attribute name of annotation id to value, typed in a field
// that showed was, as SetAttribute does, and reports whether that changed
// it: only while the attribute still holds was (none when was is empty).
// An attribute that holds value already (its change was written before
// the page went away) is left as it is. Otherwise nothing changes, and
// the error wraps ErrChangedSince, or ErrNotFound when the annotation is
// gone.
func (s *Set) SetTyped(id, name, was, value string) (bool, error) {
	a, ok := s.byID[id]
	if !ok {
		return false, fmt.Errorf("cannot set %q on annotation %q: %w", name, id, ErrNotFound)
	}
	switch a.Attributes[name] {
	case AttributeValue(value):
		return false, nil
	case was:
		return true, s.SetAttribute(id, name, value)
	}
	return false, fmt.Errorf("cannot set %q on annotation %q: %w", name, id, ErrChangedSince)
}
