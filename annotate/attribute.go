package annotate

// This file is the one rule for an attribute's value as it is kept: the
// panel's fields give it as typed or pasted, and what is kept is what a
// reader of an export finds. A value shows what it holds: a name pasted
// from a page often brings characters that show nothing at its edges (a
// zero-width space, a byte order mark, a soft hyphen), and kept, they made
// the same speaker two strings in an export, and a value of nothing but
// them a speaker that the list showed as "speaker: " and nothing.

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// AttributeValue returns value as a Set keeps it (SetAttribute): without
// the white space and the characters that show nothing (controls and
// format characters, as a title drops them) at its edges, and "" when
// nothing in it shows: "" is no value, and the attribute is removed.
// What lies inside is kept as it is: a note's line breaks, the joiners of
// an emoji, the direction marks of a name in Arabic. A flag's tag
// characters, at the end of one, are kept with it. A field that holds a
// value whose AttributeValue is not the annotation's holds an edit not yet
// kept.
func AttributeValue(value string) string {
	value = strings.TrimLeftFunc(value, func(r rune) bool { return unicode.IsSpace(r) || titleDrops(r) })
	value = strings.TrimRightFunc(value, func(r rune) bool { return unicode.IsSpace(r) || titleDrops(r) && !isTagChar(r) })
	for _, r := range value {
		if !unicode.IsSpace(r) && !unicode.In(r, unicode.Cc, unicode.Cf) {
			return value
		}
	}
	return ""
}

// AttributeLimit is the most code points a value set on an annotation
// (SetAttribute) may have: a few pages of text, far more than a speaker or
// a note needs. A value pasted by mistake (a whole article into the
// speaker) was kept in each undo step and written again with each change
// of the annotation, and every export carried it.
const AttributeLimit = 10_000

// checkAttributeLength refuses value for attribute name when it is longer
// than AttributeLimit and than cur, the value there now: a longer value
// brought in by an import can still be shortened, step by step.
func checkAttributeLength(name, value, cur string) error {
	if len(value) <= AttributeLimit { // bytes ≥ code points
		return nil
	}
	n := utf8.RuneCountInString(value)
	if n <= AttributeLimit || n <= utf8.RuneCountInString(cur) {
		return nil
	}
	return &AttributeTooLongError{Name: name, Length: n}
}

// AttributeTooLongError is SetAttribute's refusal of a value longer than
// AttributeLimit: attribute Name, given Length code points. It is
// ErrAttributeTooLong (errors.Is).
type AttributeTooLongError struct {
	Name   string
	Length int
}

func (e *AttributeTooLongError) Error() string {
	return fmt.Sprintf("a %s is at most %s characters, and the text given has %s",
		e.Name, GroupDigits(AttributeLimit), GroupDigits(int64(e.Length)))
}

// Is makes the error ErrAttributeTooLong.
func (e *AttributeTooLongError) Is(target error) bool { return target == ErrAttributeTooLong }

// isTagChar reports whether r is a tag character, which spells a
// subdivision's flag after a black flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿, Scotland's).
func isTagChar(r rune) bool { return r >= 0xE0000 && r <= 0xE007F }

// KeptAttributes returns, sorted, the attributes that the annotation with
// the given id holds and its label does not take: kept from an earlier
// label, as Relabel keeps them, so that relabelling there and back loses
// nothing. They are in its exports, and can be cleared but not changed
// (SetAttribute); a relabel that keeps one says so, as the annotator would
// not otherwise know that a claim's export names a speaker. It is nil when
// there are none or no annotation has that id.
func (s *Set) KeptAttributes(id string) []string {
	a, ok := s.byID[id]
	if !ok {
		return nil
	}
	l := s.labels[a.Label]
	var kept []string
	for name := range a.Attributes {
		if !l.Takes(name) {
			kept = append(kept, name)
		}
	}
	slices.Sort(kept)
	return kept
}
