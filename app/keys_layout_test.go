package app

import (
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestBindingForLayouts: the shortcuts work on the keyboards people
// annotate with, not only on a US one.
func TestBindingForLayouts(t *testing.T) {
	schema := annotate.DefaultSchema()
	cases := []struct {
		name string
		key  keyPress
		want binding
	}{
		{"] typed with AltGr (Ctrl+Alt on Windows), German", keyPress{Key: "]", Code: "Digit9", Ctrl: true, Alt: true}, binding{Command: cmdNext}},
		{"[ typed with AltGr, German", keyPress{Key: "[", Code: "Digit8", Ctrl: true, Alt: true}, binding{Command: cmdPrevious}},
		{"[ typed with a Mac's Option, German", keyPress{Key: "[", Code: "Digit5", Alt: true}, binding{Command: cmdPrevious}},
		{"? typed with AltGr, Canadian French", keyPress{Key: "?", Code: "Digit6", Ctrl: true, Alt: true, Shift: true}, binding{Command: cmdHelp}},
		{"Option+A on a Mac types å", keyPress{Key: "å", Code: "KeyA", Alt: true}, binding{Command: cmdFocus, Target: focusArticle}},
		{"Option+L on a Mac types ¬", keyPress{Key: "¬", Code: "KeyL", Alt: true}, binding{Command: cmdFocus, Target: focusAnnotations}},
		{"Ctrl+Z on a Russian layout", keyPress{Key: "я", Code: "KeyZ", Ctrl: true}, binding{Command: cmdUndo}},
		{"Ctrl+Shift+Z on a Greek layout", keyPress{Key: "Ζ", Code: "KeyZ", Ctrl: true, Shift: true}, binding{Command: cmdRedo}},
		{"Ctrl+S on a Russian layout, in a field", keyPress{Key: "ы", Code: "KeyS", Ctrl: true, InField: true}, binding{Command: cmdExport}},
		{"the key of C on a Russian layout tags a claim", keyPress{Key: "с", Code: "KeyC"}, binding{Command: cmdTag, Label: "claim"}},
		{"Russian letters are typed in a field", keyPress{Key: "с", Code: "KeyC", InField: true}, binding{}},
		// A Latin layout's own letter comes first: on AZERTY, Ctrl+Z is
		// the key a QWERTY has W on, and the key QWERTY has Q on types a.
		{"Ctrl+Z on AZERTY", keyPress{Key: "z", Code: "KeyW", Ctrl: true}, binding{Command: cmdUndo}},
		{"A on AZERTY is no quote", keyPress{Key: "a", Code: "KeyQ"}, binding{}},
		// Letters keep their modifiers.
		{"Ctrl+Alt+C is no claim", keyPress{Key: "c", Code: "KeyC", Ctrl: true, Alt: true}, binding{}},
		{"Option+Q on a Mac is no quote", keyPress{Key: "œ", Code: "KeyQ", Alt: true}, binding{}},
		{"Ctrl+Alt arrows are still the system's", keyPress{Key: "ArrowRight", Ctrl: true, Alt: true, InArticle: true}, binding{}},
		{"Ctrl+[ is not the previous annotation", keyPress{Key: "[", Code: "BracketLeft", Ctrl: true}, binding{}},
	}
	for _, c := range cases {
		if got := bindingFor(c.key, schema); got != c.want {
			t.Errorf("%s: bindingFor(%+v) = %+v, want %+v", c.name, c.key, got, c.want)
		}
	}
}

// TestBindingForJumpsFromAField: Alt+A, Alt+L and Alt+W jump from a text
// field too, as they do from anywhere, on a Russian, Greek or Hebrew
// layout too; a Mac's Option+A types "å" there.
func TestBindingForJumpsFromAField(t *testing.T) {
	schema := annotate.DefaultSchema()
	cases := []struct {
		key  keyPress
		want binding
	}{
		{keyPress{Key: "a", Code: "KeyA", Alt: true, InField: true}, binding{Command: cmdFocus, Target: focusArticle}},
		{keyPress{Key: "l", Code: "KeyL", Alt: true, InField: true}, binding{Command: cmdFocus, Target: focusAnnotations}},
		{keyPress{Key: "å", Code: "KeyA", Alt: true, InField: true}, binding{}},
		{keyPress{Key: "A", Code: "KeyA", Alt: true, Shift: true, InField: true}, binding{}},
		// On a layout of another script, Alt with a key types nothing (a
		// Mac's Option types a symbol or a Latin letter, as above): the
		// jumps are the keys' places, as they are outside a field.
		{keyPress{Key: "ф", Code: "KeyA", Alt: true, InField: true}, binding{Command: cmdFocus, Target: focusArticle}},
		{keyPress{Key: "д", Code: "KeyL", Alt: true, InField: true}, binding{Command: cmdFocus, Target: focusAnnotations}},
		{keyPress{Key: "ς", Code: "KeyW", Alt: true, InField: true}, binding{Command: cmdFocus, Target: focusDocuments}},
		{keyPress{Key: "ש", Code: "KeyA", Alt: true, InField: true}, binding{Command: cmdFocus, Target: focusArticle}},
		{keyPress{Key: "ф", Code: "KeyA", InField: true}, binding{}},
		{keyPress{Key: "¬", Code: "KeyL", Alt: true, InField: true}, binding{}},
		{keyPress{Key: "ß", Code: "KeyS", Alt: true, InField: true}, binding{}},
	}
	for _, c := range cases {
		if got := bindingFor(c.key, schema); got != c.want {
			t.Errorf("bindingFor(%+v) = %+v, want %+v", c.key, got, c.want)
		}
	}
}

// TestBindingForInTheLibrary: while the library is shown, the keys that
// act on the open document's annotations do nothing; opening, the help,
// Escape and the jumps still work.
func TestBindingForInTheLibrary(t *testing.T) {
	schema := annotate.DefaultSchema()
	for _, k := range []keyPress{
		{Key: "c"}, {Key: "Delete"}, {Key: "Backspace"}, {Key: "z", Ctrl: true}, {Key: "z", Meta: true, Shift: true},
		{Key: "y", Ctrl: true}, {Key: "]"}, {Key: "["}, {Key: "ArrowRight", Shift: true},
	} {
		k.InLibrary = true
		if got := bindingFor(k, schema); got != (binding{}) {
			t.Errorf("in the library bindingFor(%+v) = %+v, want nothing", k, got)
		}
	}
	for _, c := range []struct {
		key  keyPress
		want command
	}{
		{keyPress{Key: "o", Ctrl: true, InLibrary: true}, cmdOpen},
		{keyPress{Key: "?", Shift: true, InLibrary: true}, cmdHelp},
		{keyPress{Key: "Escape", InLibrary: true}, cmdEscape},
		{keyPress{Key: "a", Alt: true, InLibrary: true}, cmdFocus},
	} {
		if got := bindingFor(c.key, schema); got.Command != c.want {
			t.Errorf("in the library bindingFor(%+v) = %+v, want command %d", c.key, got, c.want)
		}
	}
}

// TestBindingForMacArrows: in the article the ⌘ arrows move the caret as
// a Mac's text does (a Mac's keyboard has no Home and End), and with
// Shift select; elsewhere, and with Ctrl or Alt, they are the system's.
func TestBindingForMacArrows(t *testing.T) {
	schema := annotate.DefaultSchema()
	cases := []struct {
		key  keyPress
		want binding
	}{
		{keyPress{Key: "ArrowLeft", Meta: true, InArticle: true}, binding{Command: cmdMove, Direction: "left", Granularity: "lineboundary"}},
		{keyPress{Key: "ArrowRight", Meta: true, InArticle: true}, binding{Command: cmdMove, Direction: "right", Granularity: "lineboundary"}},
		{keyPress{Key: "ArrowUp", Meta: true, InArticle: true}, binding{Command: cmdMove, Direction: "backward", Granularity: "documentboundary"}},
		{keyPress{Key: "ArrowDown", Meta: true, Shift: true, InArticle: true}, binding{Command: cmdExtend, Direction: "forward", Granularity: "documentboundary"}},
		{keyPress{Key: "ArrowLeft", Meta: true}, binding{}},
		{keyPress{Key: "ArrowLeft", Meta: true, Shift: true}, binding{}},
		{keyPress{Key: "ArrowLeft", Meta: true, Alt: true, InArticle: true}, binding{}},
		{keyPress{Key: "ArrowLeft", Meta: true, InField: true}, binding{}},
	}
	for _, c := range cases {
		if got := bindingFor(c.key, schema); got != c.want {
			t.Errorf("bindingFor(%+v) = %+v, want %+v", c.key, got, c.want)
		}
	}
}

// TestBindingForUndoOnTheLabelSelect: Ctrl+Z and Ctrl+Y on the label's
// select undo and redo, as a select has no undo of its own; in a text
// field they stay the field's.
func TestBindingForUndoOnTheLabelSelect(t *testing.T) {
	schema := annotate.DefaultSchema()
	cases := []struct {
		key  keyPress
		want command
	}{
		{keyPress{Key: "z", Ctrl: true, InField: true, InSelect: true}, cmdUndo},
		{keyPress{Key: "z", Meta: true, Shift: true, InField: true, InSelect: true}, cmdRedo},
		{keyPress{Key: "y", Ctrl: true, InField: true, InSelect: true}, cmdRedo},
		{keyPress{Key: "z", Ctrl: true, InField: true}, cmdNone},
		{keyPress{Key: "q", InField: true, InSelect: true}, cmdNone}, // the select's own type-ahead
	}
	for _, c := range cases {
		if got := bindingFor(c.key, schema); got.Command != c.want {
			t.Errorf("bindingFor(%+v) = %+v, want command %d", c.key, got, c.want)
		}
	}
}
