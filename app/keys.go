package app

import (
	"strings"

	"github.com/newsannotator/annotator/annotate"
)

// keyPress is a keydown event as the keyboard handler sees it.
type keyPress struct {
	Key                    string // KeyboardEvent.key
	Ctrl, Meta, Shift, Alt bool
	InField                bool // focus is in a text field, a select or an editable element
	OnButton               bool // focus is on a button, where Enter and Space press it
}

// command is what a key does in the annotator.
type command int

const (
	cmdNone     command = iota
	cmdTag              // tag the selection with a label, or relabel the selected annotation
	cmdUndo             // undo the last change
	cmdRedo             // redo the last undone change
	cmdDelete           // delete the selected annotation
	cmdEscape           // drop the selection, the choice list and the help
	cmdNext             // select the next annotation
	cmdPrevious         // select the previous annotation
	cmdExtend           // grow or shrink the text selection from the keyboard
	cmdHelp             // show or hide the keyboard help
	cmdOpen             // open a file
	cmdExport           // download the export
)

// binding is the command a key press maps to, with what it needs.
type binding struct {
	Command     command
	Label       string // for cmdTag
	Direction   string // for cmdExtend: "forward" or "backward"
	Granularity string // for cmdExtend: "character", "word", "line"
}

// Shortcut is one line of the keyboard help.
type Shortcut struct {
	Keys, Does string
}

// shortcuts lists the keys besides the labels' own, for the help.
var shortcuts = []Shortcut{
	{"Ctrl+Z / ⌘Z", "undo"},
	{"Ctrl+Shift+Z / ⌘⇧Z, Ctrl+Y", "redo"},
	{"Delete / Backspace", "delete the selected annotation"},
	{"] and [", "select the next or previous annotation"},
	{"Shift+← →", "extend the selection by a character (with Ctrl or Alt: by a word)"},
	{"Shift+↑ ↓", "extend the selection by a line"},
	{"Esc", "clear the selection"},
	{"Ctrl+O", "open an article or an export"},
	{"Ctrl+S", "download the export"},
	{"Ctrl+V", "open the article on the clipboard"},
	{"?", "show or hide this help"},
}

// bindingFor maps a key press to a command. It returns cmdNone for keys
// the annotator leaves to the browser, such as every key typed into a text
// field other than Escape.
func bindingFor(k keyPress, schema annotate.Schema) binding {
	mod := k.Ctrl || k.Meta
	key := k.Key
	if k.InField {
		if key == "Escape" {
			return binding{Command: cmdEscape}
		}
		return binding{} // the field's own editing, undo included
	}
	if mod && !k.Alt {
		switch strings.ToLower(key) {
		case "z":
			if k.Shift {
				return binding{Command: cmdRedo}
			}
			return binding{Command: cmdUndo}
		case "y":
			return binding{Command: cmdRedo}
		case "o":
			return binding{Command: cmdOpen}
		case "s":
			return binding{Command: cmdExport}
		}
	}
	if k.Shift {
		granularity := "character"
		if k.Ctrl || k.Alt {
			granularity = "word"
		}
		switch key {
		case "ArrowRight":
			return binding{Command: cmdExtend, Direction: "forward", Granularity: granularity}
		case "ArrowLeft":
			return binding{Command: cmdExtend, Direction: "backward", Granularity: granularity}
		case "ArrowDown":
			return binding{Command: cmdExtend, Direction: "forward", Granularity: "line"}
		case "ArrowUp":
			return binding{Command: cmdExtend, Direction: "backward", Granularity: "line"}
		}
	}
	if mod || k.Alt {
		return binding{}
	}
	switch key {
	case "Delete", "Backspace":
		return binding{Command: cmdDelete}
	case "Escape":
		return binding{Command: cmdEscape}
	case "]":
		return binding{Command: cmdNext}
	case "[":
		return binding{Command: cmdPrevious}
	case "?":
		return binding{Command: cmdHelp}
	}
	if k.OnButton && (key == " " || key == "Enter") {
		return binding{}
	}
	if l, ok := schema.LabelForKey(key); ok {
		return binding{Command: cmdTag, Label: l.Name}
	}
	return binding{}
}
