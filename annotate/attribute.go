package annotate

// This file is the one rule for an attribute's value as it is kept: the
// panel's fields give it as typed, and what is kept is what a reader of an
// export should find.

import "strings"

// AttributeValue returns value as a Set keeps it (SetAttribute): without
// the white space at its edges. "" is no value: the attribute is removed.
// A field that holds a value whose AttributeValue is not the annotation's
// holds an edit not yet kept.
func AttributeValue(value string) string { return strings.TrimSpace(value) }
