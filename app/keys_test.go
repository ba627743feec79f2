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
		{"undo", keyPress{Key: "z", Ctrl: true}, binding{Command: cmdUndo}},
		{"undo on a Mac", keyPress{Key: "z", Meta: true}, binding{Command: cmdUndo}},
		{"redo", keyPress{Key: "Z", Ctrl: true, Shift: true}, binding{Command: cmdRedo}},
		{"redo on a Mac", keyPress{Key: "z", Meta: true, Shift: true}, binding{Command: cmdRedo}},
		{"redo with y", keyPress{Key: "y", Ctrl: true}, binding{Command: cmdRedo}},
		{"ctrl+c is the browser's copy", keyPress{Key: "c", Ctrl: true}, binding{}},
		{"alt+q is not a label", keyPress{Key: "q", Alt: true}, binding{}},
		{"delete", keyPress{Key: "Delete"}, binding{Command: cmdDelete}},
		{"backspace", keyPress{Key: "Backspace"}, binding{Command: cmdDelete}},
		{"next", keyPress{Key: "]"}, binding{Command: cmdNext}},
		{"previous", keyPress{Key: "["}, binding{Command: cmdPrevious}},
		{"help", keyPress{Key: "?", Shift: true}, binding{Command: cmdHelp}},
		{"extend by character", keyPress{Key: "ArrowRight", Shift: true}, binding{Command: cmdExtend, Direction: "forward", Granularity: "character"}},
		{"extend by word", keyPress{Key: "ArrowLeft", Shift: true, Ctrl: true}, binding{Command: cmdExtend, Direction: "backward", Granularity: "word"}},
		{"extend by line", keyPress{Key: "ArrowDown", Shift: true}, binding{Command: cmdExtend, Direction: "forward", Granularity: "line"}},
		{"open", keyPress{Key: "o", Ctrl: true}, binding{Command: cmdOpen}},
		{"save exports", keyPress{Key: "s", Meta: true}, binding{Command: cmdExport}},
		{"space on a button presses it", keyPress{Key: " ", OnButton: true}, binding{}},
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
