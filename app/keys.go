package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsannotator/annotator/annotate"
)

// keyPress is a keydown event as the keyboard handler sees it.
type keyPress struct {
	Key                    string // KeyboardEvent.key
	Code                   string // KeyboardEvent.code: the physical key, "KeyZ"
	Ctrl, Meta, Shift, Alt bool
	InField                bool // focus is in a text field, a select or an editable element
	InSelect               bool // that field is a select, which has no undo of its own
	OnButton               bool // focus is on a button, where Enter and Space press it
	InArticle              bool // focus is on the article, where the arrows move the caret
	InDialog               bool // a dialog is open: it takes no key but Escape
	InLibrary              bool // the library is shown, not the article
	// Composing is set for a key that an input method takes as part of
	// a composition (KeyboardEvent.isComposing, or the key code 229 that
	// Chromium gives its first key): Escape there cancels the
	// composition, Enter commits it, and neither is the annotator's.
	Composing bool
	// CaretInArticle is set when the selection (a caret, say) is in the
	// article and the focus elsewhere; read for Ctrl and ⌘ keys only.
	CaretInArticle bool
	// Orphan is the id of the orphan whose button has the focus, where
	// Delete and Backspace drop that orphan; read for those keys only.
	Orphan string
	// Entry is the id of the annotation whose entry in the list has the
	// focus, which Delete and Backspace delete, a label's key relabels,
	// and ] and [ step from; read for Delete, Backspace and on a button
	// only (an entry is one).
	// Tab moves the focus down the list without selecting: the selected
	// annotation, perhaps out of sight, was deleted, not the one a screen
	// reader had just said.
	Entry string
}

// command is what a key does in the annotator.
type command int

const (
	cmdNone       command = iota
	cmdTag                // tag the selection with a label, or relabel the focused entry's or the selected annotation
	cmdUndo               // undo the last change
	cmdRedo               // redo the last undone change
	cmdDelete             // delete the selected annotation
	cmdEscape             // drop the selection, the choice list and the help
	cmdNext               // select the next annotation, after the focused entry's or the selected one
	cmdPrevious           // select the previous annotation, before the focused entry's or the selected one
	cmdExtend             // grow or shrink the text selection from the keyboard
	cmdMove               // move the caret in the article
	cmdEdit               // edit the annotation at the caret, or the selected one
	cmdFocus              // move the focus to a part of the page
	cmdHelp               // show or hide the keyboard help
	cmdOpen               // open a file
	cmdExport             // download the export
	cmdSelectAll          // select the article's text
	cmdDropOrphan         // drop the orphan whose button has the focus
)

// movesFocus reports whether b, bound to key press k, moves the focus once
// it is carried out (on the UI goroutine, after the key's event): Enter
// to the selected annotation's panel, Escape from a field, a button or a
// dialog back to the article, a jump, the help. The keys typed until then
// are held (holdKeys), or they would go where the focus still is.
func movesFocus(b binding, k keyPress) bool {
	switch b.Command {
	case cmdEdit, cmdFocus, cmdHelp:
		return true
	case cmdEscape:
		return k.InField || k.InDialog || k.OnButton
	case cmdNext, cmdPrevious:
		// On an entry of the list, the focus follows the step to the
		// entry it selects, once the list is drawn (choose): a second ]
		// before then stepped from the same entry, and selected the same
		// annotation, the key lost.
		return k.Entry != ""
	}
	return false
}

// binding is the command a key press maps to, with what it needs.
type binding struct {
	Command command
	Label   string // for cmdTag
	// Direction is where cmdMove and cmdExtend go: "forward" or
	// "backward" in the text, or "right" or "left" on the screen (← and
	// →, which in right-to-left text go back and forward).
	Direction string
	// Granularity is how far cmdMove and cmdExtend go: "character",
	// "word", "line", "lineboundary" (Selection.modify's own), or
	// "sentence", "paragraph", "documentboundary" (the article's, from
	// package annotate).
	Granularity string
	Target      string // for cmdFocus: focusArticle, focusAnnotations or focusDocuments
	ID          string // for cmdDropOrphan: the orphan's id; for cmdDelete, cmdTag, cmdNext and cmdPrevious: the focused entry's annotation, if any
}

// The parts of the page that cmdFocus reaches.
const (
	focusArticle     = "article"
	focusAnnotations = "annotations"
	// focusDocuments is the library's list of documents, which the
	// jump shows first from the article.
	focusDocuments = "documents"
)

// Shortcut is one line of the keyboard help.
type Shortcut struct {
	Keys, Does string
	// Hint is what the article's hint says of the line (articleHint),
	// for the keys that act on the article only; "" for the others.
	Hint string
	// names are what the line's keys do, as bindKey says it (the
	// command, how far or where): a test holds the help and the handler
	// to each other, so that a key the handler takes is never left out
	// of the help, nor of the article's hint when it acts there.
	names []binding
}

// moves names cmdMove or cmdExtend by each granularity given.
func moves(c command, granularities ...string) []binding {
	var out []binding
	for _, g := range granularities {
		out = append(out, binding{Command: c, Granularity: g})
	}
	return out
}

// shortcuts lists the keys besides the labels' own, for the help.
var shortcuts = []Shortcut{
	{Keys: "Alt+A", Does: "go to the article (or the “Skip to the article” link, first on the page)", names: []binding{{Command: cmdFocus, Target: focusArticle}}},
	{Keys: "Alt+L", Does: "go to the list of annotations", names: []binding{{Command: cmdFocus, Target: focusAnnotations}}},
	{Keys: "Alt+W", Does: "go to the library's documents, the workspace's list (or, in the library, the “Skip to the documents” link, first on the page)", names: []binding{{Command: cmdFocus, Target: focusDocuments}}},
	{Keys: "← →", Does: "in the article: move the caret by a character (with Ctrl or Alt: by a word)", names: moves(cmdMove, "character", "word")},
	{Keys: "↑ ↓", Does: "move the caret by a line", names: moves(cmdMove, "line")},
	{Keys: "Alt+↑ ↓", Does: "move the caret to the previous or next sentence", names: moves(cmdMove, "sentence")},
	{Keys: "Ctrl+↑ ↓", Does: "move the caret to the previous or next paragraph", names: moves(cmdMove, "paragraph")},
	{Keys: "Home / End", Does: "move the caret to the start or end of the line (with Ctrl: of the article)", names: moves(cmdMove, "lineboundary", "documentboundary")},
	{Keys: "⌘← ⌘→ / ⌘↑ ⌘↓", Does: "on a Mac: move the caret to the start or end of the line / of the article"},
	{Keys: "Shift + any of these", Does: "select from the caret", names: moves(cmdExtend, "character", "word", "line", "sentence", "paragraph", "lineboundary", "documentboundary")},
	{Keys: "Ctrl+A / ⌘A", Does: "in the article: select all of its text", Hint: "Ctrl+A (⌘A on a Mac) selects all of its text.", names: []binding{{Command: cmdSelectAll}}},
	{Keys: "Enter", Does: "in the article: edit the annotation at the caret (or the selected one)", Hint: "Enter edits the annotation at the caret.", names: []binding{{Command: cmdEdit}}},
	{Keys: "Ctrl+Z / ⌘Z", Does: "undo", names: []binding{{Command: cmdUndo}}},
	{Keys: "Ctrl+Shift+Z / ⌘⇧Z, Ctrl+Y", Does: "redo", names: []binding{{Command: cmdRedo}}},
	{Keys: "Delete / Backspace", Does: "delete the selected annotation (on an entry of the list: its annotation; on an orphan: drop it)", names: []binding{{Command: cmdDelete}, {Command: cmdDropOrphan}}},
	{Keys: "] and [", Does: "select the next or previous annotation (on an entry of the list: the one after or before it)", names: []binding{{Command: cmdNext}, {Command: cmdPrevious}}},
	{Keys: "Esc", Does: "close a dialog; leave a field for the article; clear the selection", names: []binding{{Command: cmdEscape}}},
	{Keys: "Ctrl+O", Does: "open an article or an export", names: []binding{{Command: cmdOpen}}},
	{Keys: "Ctrl+S", Does: "download the export", names: []binding{{Command: cmdExport}}},
	{Keys: "Ctrl+V", Does: "open the article on the clipboard"}, // the page's paste, not a key of bindKey
	{Keys: "?", Does: "show this help", Hint: "Press ? for every key.", names: []binding{{Command: cmdHelp}}},
}

// bindingFor maps a key press to a command. It returns cmdNone for keys
// the annotator leaves to the browser, such as every key typed into a text
// field other than Escape.
//
// While the library is shown, the keys that act on the open document's
// annotations and its caret bind to nothing: the document is out of
// sight, and a label's key relabelled, Delete deleted and Ctrl+Z undid
// annotations there that the annotator could not see (Ctrl+Z right after
// deleting a document in the library undid an annotation of another,
// not the deletion: the library's own Undo does that).
func bindingFor(k keyPress, schema annotate.Schema) binding {
	b := bindKey(k, schema)
	if k.InLibrary {
		switch b.Command {
		case cmdTag, cmdUndo, cmdRedo, cmdDelete, cmdNext, cmdPrevious, cmdExtend, cmdMove, cmdEdit, cmdSelectAll, cmdDropOrphan:
			return binding{}
		}
	}
	return b
}

// bindKey is bindingFor wherever the keys act.
func bindKey(k keyPress, schema annotate.Schema) binding {
	if k.Composing {
		return binding{}
	}
	k = typedSymbol(k)
	mod := k.Ctrl || k.Meta
	key := k.Key
	letter := latinLetter(k)
	if k.InDialog {
		// A dialog holds the focus until it is answered or closed.
		if key == "Escape" {
			return binding{Command: cmdEscape}
		}
		return binding{}
	}
	if k.InField {
		switch {
		case key == "Escape":
			return binding{Command: cmdEscape}
		case mod && !k.Alt && letter == "s":
			return binding{Command: cmdExport} // the field's edit is kept first
		case mod && !k.Alt && !k.Shift && letter == "o":
			return binding{Command: cmdOpen} // the browser's would open a file in place of the app
		case k.InSelect && mod && !k.Alt && letter == "z":
			// A select has no undo of its own: Ctrl+Z on the label's
			// select did nothing, right after the relabel it made.
			if k.Shift {
				return binding{Command: cmdRedo}
			}
			return binding{Command: cmdUndo}
		case k.InSelect && mod && !k.Alt && letter == "y":
			return binding{Command: cmdRedo}
		case k.Alt && !mod && !k.Shift && fieldJump(k) == "a":
			// The jumps work from anywhere, a field too (leaving it keeps
			// its edit); see fieldJump for the letters.
			return binding{Command: cmdFocus, Target: focusArticle}
		case k.Alt && !mod && !k.Shift && fieldJump(k) == "l":
			return binding{Command: cmdFocus, Target: focusAnnotations}
		case k.Alt && !mod && !k.Shift && fieldJump(k) == "w":
			return binding{Command: cmdFocus, Target: focusDocuments}
		}
		return binding{} // the field's own editing, undo included
	}
	if mod && !k.Alt {
		switch letter {
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
		case "a":
			// The article's text, not the page's: the browser's own
			// select-all took the toolbar and the sidebar too, and
			// tagging that was refused as crossing the article's edge.
			// Elsewhere (a field returned above) it stays the browser's.
			if !k.Shift && (k.InArticle || k.CaretInArticle) {
				return binding{Command: cmdSelectAll}
			}
		}
	}
	if k.Alt && !mod && !k.Shift {
		switch letter {
		case "a":
			return binding{Command: cmdFocus, Target: focusArticle}
		case "l":
			return binding{Command: cmdFocus, Target: focusAnnotations}
		case "w":
			// W for the workspace: Alt+D, the documents', is the
			// browser's address bar, and Alt+B, Alt+E, Alt+F, Alt+H,
			// Alt+S, Alt+T and Alt+V open its menus.
			return binding{Command: cmdFocus, Target: focusDocuments}
		}
	}
	if b, ok := caretBinding(k); ok {
		return b
	}
	if b, ok := altGrLabel(k, schema); ok {
		return b
	}
	if mod || k.Alt {
		return binding{}
	}
	switch key {
	case "Delete", "Backspace":
		if k.Orphan != "" {
			// The orphan's, not the selected annotation's, which the
			// annotator on the orphans is not looking at.
			return binding{Command: cmdDropOrphan, ID: k.Orphan}
		}
		return binding{Command: cmdDelete, ID: k.Entry}
	case "Escape":
		return binding{Command: cmdEscape}
	case annotate.KeyNext:
		return binding{Command: cmdNext, ID: k.Entry}
	case annotate.KeyPrevious:
		return binding{Command: cmdPrevious, ID: k.Entry}
	case annotate.KeyHelp:
		return binding{Command: cmdHelp}
	case "Enter":
		// On a link of the article (Tab reaches them), Enter is left to
		// the browser, which clicks the link: a plain click stays in the
		// app and says how links open (articleText.onClick), and
		// Ctrl+Enter, left to it above, opens it in a new tab as
		// Ctrl+click does.
		if k.InArticle && !k.OnButton {
			return binding{Command: cmdEdit}
		}
	}
	if k.OnButton && (key == annotate.KeySpace || key == "Enter") {
		return binding{}
	}
	if l, ok := schema.LabelForKey(key); ok {
		return binding{Command: cmdTag, Label: l.Name, ID: k.Entry}
	}
	if l, ok := schema.LabelForKey(letter); ok && letter != strings.ToLower(key) {
		return binding{Command: cmdTag, Label: l.Name, ID: k.Entry}
	}
	return binding{}
}

// altGrLabel maps a label's key typed with AltGr, which Windows reports
// as Ctrl+Alt: "ł" and "ą" on a Polish keyboard, "@" and "€" on a German
// one. The character typed is then not the letter of the key's place, as
// it is for Ctrl+Alt+C, which stays no label.
func altGrLabel(k keyPress, schema annotate.Schema) (binding, bool) {
	if !k.Ctrl || !k.Alt || k.Meta || utf8.RuneCountInString(k.Key) != 1 {
		return binding{}, false
	}
	if len(k.Code) == 4 && strings.HasPrefix(k.Code, "Key") && strings.EqualFold(k.Key, k.Code[3:]) {
		return binding{}, false
	}
	if l, ok := schema.LabelForKey(k.Key); ok {
		return binding{Command: cmdTag, Label: l.Name, ID: k.Entry}, true
	}
	return binding{}, false
}

// macCaretBinding maps the ⌘ arrows in the article as a Mac's text does:
// ⌘← and ⌘→ to the line's start and end, ⌘↑ and ⌘↓ to the article's, with
// Shift selecting. A Mac's keyboard has no Home and End, and left to the
// browser, ⌘← and ⌘→ went back and forward in the tab's history, out of
// the app. Elsewhere, and with other modifiers, they stay the system's.
func macCaretBinding(k keyPress) (binding, bool) {
	if k.Ctrl || k.Alt || !k.InArticle {
		return binding{}, false
	}
	b := binding{Command: cmdMove}
	if k.Shift {
		b.Command = cmdExtend
	}
	switch k.Key {
	case "ArrowLeft":
		// The line's left and right ends, on the screen, as a Mac's
		// moveToLeftEndOfLine: and moveToRightEndOfLine: go: in Arabic
		// or Hebrew, ⌘→ goes to the line's start.
		b.Direction, b.Granularity = "left", "lineboundary"
	case "ArrowRight":
		b.Direction, b.Granularity = "right", "lineboundary"
	case "ArrowUp":
		b.Direction, b.Granularity = "backward", "documentboundary"
	case "ArrowDown":
		b.Direction, b.Granularity = "forward", "documentboundary"
	default:
		return binding{}, false
	}
	return b, true
}

// latinLetter returns the letter, in lower case, that a key press means
// for the shortcuts named by a letter (Ctrl+Z, Alt+A, a label's key): the
// key's own when it is a Latin letter, else the letter printed on the
// physical key (its Code). The layouts of Cyrillic, Greek, Hebrew or
// Arabic give Ctrl+Z as "я" or "ζ", and a Mac's Option gives Option+A as
// "å": undo, the jumps and the labels did nothing there. A Latin layout's
// own letter comes first, so that Ctrl+Z on AZERTY (the key a QWERTY has
// W on) is still undo. It returns "" for other keys.
func latinLetter(k keyPress) string {
	key := strings.ToLower(k.Key)
	if len(key) == 1 && key[0] >= 'a' && key[0] <= 'z' {
		return key
	}
	if utf8.RuneCountInString(k.Key) != 1 || len(k.Code) != 4 || !strings.HasPrefix(k.Code, "Key") {
		return ""
	}
	if c := k.Code[3]; c >= 'A' && c <= 'Z' {
		return string(c + 'a' - 'A')
	}
	return ""
}

// fieldJump returns the Latin letter of an Alt key pressed in a field, as
// a jump reads it: the key's own letter; on a layout of another script
// (Russian, Greek, Hebrew), where Alt with a key types nothing, the letter
// of the key's place, as outside a field (Alt+Ф is Alt+A); and "" for a
// Latin letter or a symbol that Alt typed, which is the field's (a Mac's
// Option+A types "å" into a name, Option+L "¬").
func fieldJump(k keyPress) string {
	if len(k.Key) == 1 {
		if l := strings.ToLower(k.Key); l[0] >= 'a' && l[0] <= 'z' {
			return l
		}
		return ""
	}
	r, n := utf8.DecodeRuneInString(k.Key)
	if n != len(k.Key) || !unicode.IsLetter(r) || unicode.Is(unicode.Latin, r) {
		return ""
	}
	return latinLetter(k)
}

// typedSymbol returns k without Alt and Ctrl when they only chose the
// character the key typed: AltGr (which Windows reports as Ctrl+Alt) types
// "[", "]" and "?" on German, French or Nordic keyboards, and a Mac's
// Option types them on German or French ones, so that "[" and "]" came
// with modifiers that turned them off. A letter, or what a letter's key
// types with them, is left as it is: Alt+A is a jump (Option+L types
// "¬"), Ctrl+Alt+C no label.
func typedSymbol(k keyPress) keyPress {
	if !k.Alt || k.Meta || utf8.RuneCountInString(k.Key) != 1 || strings.HasPrefix(k.Code, "Key") {
		return k
	}
	if r, _ := utf8.DecodeRuneInString(k.Key); unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) {
		return k
	}
	k.Alt, k.Ctrl = false, false
	return k
}

// caretBinding maps the keys that move the caret. With Shift they grow the
// selection from the caret wherever the focus is (but a field); without,
// they move the caret in the article only, and elsewhere do what the
// browser does with them (scroll, move in a list). ok is false for other
// keys. The Ctrl+Alt arrows are the system's; the ⌘ arrows are a Mac's
// (macCaretBinding).
func caretBinding(k keyPress) (b binding, ok bool) {
	if k.Meta {
		return macCaretBinding(k)
	}
	if k.Ctrl && k.Alt {
		return binding{}, false
	}
	switch k.Key {
	case "ArrowRight", "ArrowDown", "End":
		b.Direction = "forward"
	case "ArrowLeft", "ArrowUp", "Home":
		b.Direction = "backward"
	default:
		return binding{}, false
	}
	switch k.Key {
	case "ArrowRight", "ArrowLeft":
		// On the screen, as every editor moves by them: → went forward in
		// the text, to the left in Arabic or Hebrew.
		b.Direction = strings.TrimPrefix(strings.ToLower(k.Key), "arrow")
		b.Granularity = "character"
		if k.Ctrl || k.Alt {
			b.Granularity = "word"
		}
	case "ArrowDown", "ArrowUp":
		switch {
		case k.Ctrl:
			b.Granularity = "paragraph"
		case k.Alt:
			b.Granularity = "sentence"
		default:
			b.Granularity = "line"
		}
	case "End", "Home":
		if k.Alt {
			return binding{}, false
		}
		b.Granularity = "lineboundary"
		if k.Ctrl {
			b.Granularity = "documentboundary"
		}
	}
	switch {
	case k.Shift:
		b.Command = cmdExtend
	case k.InArticle:
		b.Command = cmdMove
	default:
		return binding{}, true
	}
	return b, true
}
