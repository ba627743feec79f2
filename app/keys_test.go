package app

import (
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

func TestBindingFor(t *testing.T) {
	schema := annotate.DefaultSchema()
	cases := []struct {
		name string
		key  keyPress
		want binding
	}{
		{"label key tags", keyPress{Key: "q"}, binding{Command: cmdTag, Label: "quote"}},
		{"label key with caps lock", keyPress{Key: "Q", Shift: true}, binding{Command: cmdTag, Label: "quote"}},
		{"claim", keyPress{Key: "c"}, binding{Command: cmdTag, Label: "claim"}},
		{"pledge", keyPress{Key: "p"}, binding{Command: cmdTag, Label: "pledge"}},
		{"unbound letter", keyPress{Key: "x"}, binding{}},
		{"label key in a text field is typing", keyPress{Key: "q", InField: true}, binding{}},
		{"ctrl+z in a text field is the field's undo", keyPress{Key: "z", Ctrl: true, InField: true}, binding{}},
		{"escape leaves a text field", keyPress{Key: "Escape", InField: true}, binding{Command: cmdEscape}},
		{"ctrl+o in a text field opens, as the help says", keyPress{Key: "o", Code: "KeyO", Ctrl: true, InField: true}, binding{Command: cmdOpen}},
		{"cmd+o in a text field opens", keyPress{Key: "o", Code: "KeyO", Meta: true, InField: true}, binding{Command: cmdOpen}},
		{"undo", keyPress{Key: "z", Ctrl: true}, binding{Command: cmdUndo}},
		{"undo on a Mac", keyPress{Key: "z", Meta: true}, binding{Command: cmdUndo}},
		{"redo", keyPress{Key: "Z", Ctrl: true, Shift: true}, binding{Command: cmdRedo}},
		{"redo on a Mac", keyPress{Key: "z", Meta: true, Shift: true}, binding{Command: cmdRedo}},
		{"redo with y", keyPress{Key: "y", Ctrl: true}, binding{Command: cmdRedo}},
		{"ctrl+c is the browser's copy", keyPress{Key: "c", Ctrl: true}, binding{}},
		{"alt+q is not a label", keyPress{Key: "q", Alt: true}, binding{}},
		{"delete", keyPress{Key: "Delete"}, binding{Command: cmdDelete}},
		{"backspace", keyPress{Key: "Backspace"}, binding{Command: cmdDelete}},
		{"delete on an entry of the list", keyPress{Key: "Delete", OnButton: true, Entry: "a1"}, binding{Command: cmdDelete, ID: "a1"}},
		{"label key on an entry of the list", keyPress{Key: "p", OnButton: true, Entry: "a1"}, binding{Command: cmdTag, Label: "pledge", ID: "a1"}},
		{"next", keyPress{Key: "]"}, binding{Command: cmdNext}},
		{"previous", keyPress{Key: "["}, binding{Command: cmdPrevious}},
		{"next from an entry of the list", keyPress{Key: "]", OnButton: true, Entry: "a1"}, binding{Command: cmdNext, ID: "a1"}},
		{"previous from an entry of the list", keyPress{Key: "[", OnButton: true, Entry: "a1"}, binding{Command: cmdPrevious, ID: "a1"}},
		{"help", keyPress{Key: "?", Shift: true}, binding{Command: cmdHelp}},
		{"extend by character", keyPress{Key: "ArrowRight", Shift: true}, binding{Command: cmdExtend, Direction: "right", Granularity: "character"}},
		{"extend by word", keyPress{Key: "ArrowLeft", Shift: true, Ctrl: true}, binding{Command: cmdExtend, Direction: "left", Granularity: "word"}},
		{"extend by line", keyPress{Key: "ArrowDown", Shift: true}, binding{Command: cmdExtend, Direction: "forward", Granularity: "line"}},
		{"open", keyPress{Key: "o", Ctrl: true}, binding{Command: cmdOpen}},
		{"save exports", keyPress{Key: "s", Meta: true}, binding{Command: cmdExport}},
		{"space on a button presses it", keyPress{Key: " ", OnButton: true}, binding{}},
		{"save from a field", keyPress{Key: "s", Ctrl: true, InField: true}, binding{Command: cmdExport}},
		{"ctrl+a in the article selects its text", keyPress{Key: "a", Ctrl: true, InArticle: true}, binding{Command: cmdSelectAll}},
		{"⌘A with the caret in the article", keyPress{Key: "a", Meta: true, CaretInArticle: true}, binding{Command: cmdSelectAll}},
		{"ctrl+a in a field is the field's", keyPress{Key: "a", Ctrl: true, InField: true, CaretInArticle: true}, binding{}},
		{"ctrl+a elsewhere is the browser's", keyPress{Key: "a", Ctrl: true}, binding{}},
		{"ctrl+a in the library is the browser's", keyPress{Key: "a", Ctrl: true, CaretInArticle: true, InLibrary: true}, binding{}},

		// The caret: moves in the article, extends anywhere but a field.
		{"caret by character", keyPress{Key: "ArrowRight", InArticle: true}, binding{Command: cmdMove, Direction: "right", Granularity: "character"}},
		{"caret by word with ctrl", keyPress{Key: "ArrowLeft", Ctrl: true, InArticle: true}, binding{Command: cmdMove, Direction: "left", Granularity: "word"}},
		{"caret by word with alt", keyPress{Key: "ArrowRight", Alt: true, InArticle: true}, binding{Command: cmdMove, Direction: "right", Granularity: "word"}},
		{"caret by line", keyPress{Key: "ArrowUp", InArticle: true}, binding{Command: cmdMove, Direction: "backward", Granularity: "line"}},
		{"caret to the next sentence", keyPress{Key: "ArrowDown", Alt: true, InArticle: true}, binding{Command: cmdMove, Direction: "forward", Granularity: "sentence"}},
		{"caret to the next paragraph", keyPress{Key: "ArrowDown", Ctrl: true, InArticle: true}, binding{Command: cmdMove, Direction: "forward", Granularity: "paragraph"}},
		{"caret to the line's start", keyPress{Key: "Home", InArticle: true}, binding{Command: cmdMove, Direction: "backward", Granularity: "lineboundary"}},
		{"caret to the article's end", keyPress{Key: "End", Ctrl: true, InArticle: true}, binding{Command: cmdMove, Direction: "forward", Granularity: "documentboundary"}},
		{"extend to the previous paragraph", keyPress{Key: "ArrowUp", Ctrl: true, Shift: true}, binding{Command: cmdExtend, Direction: "backward", Granularity: "paragraph"}},
		{"extend to the next sentence", keyPress{Key: "ArrowDown", Alt: true, Shift: true, InArticle: true}, binding{Command: cmdExtend, Direction: "forward", Granularity: "sentence"}},
		{"extend to the line's end", keyPress{Key: "End", Shift: true, InArticle: true}, binding{Command: cmdExtend, Direction: "forward", Granularity: "lineboundary"}},
		{"arrows outside the article are the browser's", keyPress{Key: "ArrowDown"}, binding{}},
		{"home outside the article is the browser's", keyPress{Key: "Home"}, binding{}},
		{"shift+arrow in a field is the field's", keyPress{Key: "ArrowRight", Shift: true, InField: true}, binding{}},
		{"⌘ arrows outside the article are the system's", keyPress{Key: "ArrowRight", Meta: true}, binding{}},
		{"ctrl+alt arrows are the system's", keyPress{Key: "ArrowRight", Ctrl: true, Alt: true, InArticle: true}, binding{}},

		// Jumps, editing, and dialogs.
		{"alt+a goes to the article", keyPress{Key: "a", Alt: true}, binding{Command: cmdFocus, Target: focusArticle}},
		{"alt+l goes to the annotations", keyPress{Key: "L", Alt: true}, binding{Command: cmdFocus, Target: focusAnnotations}},
		{"enter in the article edits", keyPress{Key: "Enter", InArticle: true}, binding{Command: cmdEdit}},
		{"enter on a button presses it", keyPress{Key: "Enter", OnButton: true}, binding{}},
		{"enter on a link in the article is the browser's click", keyPress{Key: "Enter", OnButton: true, InArticle: true}, binding{}},
		{"escape closes a dialog", keyPress{Key: "Escape", InDialog: true}, binding{Command: cmdEscape}},
		{"a label key does not tag behind a dialog", keyPress{Key: "q", InDialog: true}, binding{}},
		{"undo does not reach behind a dialog", keyPress{Key: "z", Ctrl: true, InDialog: true}, binding{}},
		{"arrows do not move the caret behind a dialog", keyPress{Key: "ArrowRight", Shift: true, InDialog: true}, binding{}},
	}
	for _, c := range cases {
		if got := bindingFor(c.key, schema); got != c.want {
			t.Errorf("%s: bindingFor(%+v) = %+v, want %+v", c.name, c.key, got, c.want)
		}
	}
}

// TestBindingForCustomSchema checks that a team's own keys are used.
func TestBindingForCustomSchema(t *testing.T) {
	schema := annotate.Schema{Labels: []annotate.Label{{Name: "event", Color: "#123456", Key: "e"}}}
	if got := bindingFor(keyPress{Key: "e"}, schema); got.Command != cmdTag || got.Label != "event" {
		t.Errorf("e = %+v", got)
	}
	if got := bindingFor(keyPress{Key: "q"}, schema); got.Command != cmdNone {
		t.Errorf("q = %+v with no quote label", got)
	}
}

// TestWarmKeyBindsNothing: the key that the start's idle work hands the
// keydown listener (warm.go) must do nothing wherever the focus is: a
// command it ran would act on no key the user pressed. A label's key is
// one character, so no schema can take it.
func TestWarmKeyBindsNothing(t *testing.T) {
	for _, k := range []keyPress{
		{Key: warmKey}, {Key: warmKey, InArticle: true}, {Key: warmKey, InField: true},
		{Key: warmKey, OnButton: true}, {Key: warmKey, InLibrary: true}, {Key: warmKey, InDialog: true},
	} {
		if got := bindingFor(k, annotate.DefaultSchema()); got.Command != cmdNone {
			t.Errorf("%+v = %+v, want no binding", k, got)
		}
	}
	if err := (annotate.Schema{Labels: []annotate.Label{{Name: "x", Color: "#123456", Key: warmKey}}}).Validate(); err == nil {
		t.Errorf("a schema took %q as a label's key", warmKey)
	}
}

// TestMovesFocus: the keys typed after Enter, a jump or the help, and
// after Escape from a field, a button or a dialog, wait for the focus
// that the command moves; after any other command they go at once.
func TestMovesFocus(t *testing.T) {
	tests := []struct {
		b    binding
		k    keyPress
		want bool
	}{
		{binding{Command: cmdEdit}, keyPress{Key: "Enter", InArticle: true}, true},
		{binding{Command: cmdFocus, Target: focusAnnotations}, keyPress{Key: "2", Alt: true}, true},
		{binding{Command: cmdHelp}, keyPress{Key: "?"}, true},
		{binding{Command: cmdEscape}, keyPress{Key: "Escape", InField: true}, true},
		{binding{Command: cmdEscape}, keyPress{Key: "Escape", InDialog: true}, true},
		{binding{Command: cmdEscape}, keyPress{Key: "Escape", OnButton: true}, true},
		{binding{Command: cmdEscape}, keyPress{Key: "Escape", InArticle: true}, false},
		{binding{Command: cmdTag, Label: "quote"}, keyPress{Key: "q", InArticle: true}, false},
		{binding{Command: cmdMove, Direction: "forward", Granularity: "word"}, keyPress{Key: "ArrowRight", Ctrl: true, InArticle: true}, false},
		{binding{Command: cmdNext}, keyPress{Key: "]"}, false},
		{binding{Command: cmdNext, ID: "a1"}, keyPress{Key: "]", OnButton: true, Entry: "a1"}, true},
		{binding{Command: cmdPrevious, ID: "a1"}, keyPress{Key: "[", OnButton: true, Entry: "a1"}, true},
	}
	for _, tt := range tests {
		if got := movesFocus(tt.b, tt.k); got != tt.want {
			t.Errorf("movesFocus(%+v, %+v) = %v, want %v", tt.b, tt.k, got, tt.want)
		}
	}
}
