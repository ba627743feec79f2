package app

import (
	"strings"
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// pressesToTry are key presses in every place the keyboard handler tells
// apart, with every mix of modifiers: the keys it may take.
func pressesToTry() []keyPress {
	var keys []string
	for c := 'a'; c <= 'z'; c++ {
		keys = append(keys, string(c), strings.ToUpper(string(c)))
	}
	keys = append(keys, "0", "1", "[", "]", "?", "/", " ", "Enter", "Escape", "Delete", "Backspace", "Tab",
		"ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown", "F1")
	places := []keyPress{
		{}, {InArticle: true}, {CaretInArticle: true}, {InArticle: true, OnButton: true}, {OnButton: true},
		{InField: true}, {InField: true, InSelect: true}, {InDialog: true}, {InLibrary: true}, {Orphan: "o1", OnButton: true},
	}
	var out []keyPress
	for _, key := range keys {
		code := ""
		if len(key) == 1 && strings.ToLower(key) != strings.ToUpper(key) {
			code = "Key" + strings.ToUpper(key)
		}
		for _, place := range places {
			for m := 0; m < 16; m++ {
				k := place
				k.Key, k.Code = key, code
				k.Ctrl, k.Meta, k.Shift, k.Alt = m&1 != 0, m&2 != 0, m&4 != 0, m&8 != 0
				out = append(out, k)
			}
		}
	}
	return out
}

// named is what a help line names of a binding: its command, and how far
// or where it goes.
func named(b binding) binding {
	return binding{Command: b.Command, Granularity: b.Granularity, Target: b.Target}
}

// helpLineFor returns the help line that names b, or nil.
func helpLineFor(b binding) *Shortcut {
	for i := range shortcuts {
		for _, n := range shortcuts[i].names {
			if n == named(b) {
				return &shortcuts[i]
			}
		}
	}
	return nil
}

// TestHelpNamesEveryKey: every key the keyboard handler takes, but the
// labels' own (which the help lists from the schema), has its line in the
// keyboard help, and every line names what some key does.
func TestHelpNamesEveryKey(t *testing.T) {
	schema := annotate.DefaultSchema()
	reached := map[binding]bool{}
	missing := map[binding]keyPress{}
	for _, k := range pressesToTry() {
		b := bindingFor(k, schema)
		if b.Command == cmdNone || b.Command == cmdTag {
			continue
		}
		reached[named(b)] = true
		if helpLineFor(b) == nil {
			missing[named(b)] = k
		}
	}
	for b, k := range missing {
		t.Errorf("the help has no line for %+v, which %+v gives", b, k)
	}
	for _, s := range shortcuts {
		for _, n := range s.names {
			if !reached[n] {
				t.Errorf("the help's line %q names %+v, which no key gives", s.Keys, n)
			}
		}
	}
}

// TestArticleHintNamesItsKeys: the hint the article's frame is described
// by names every key that acts there only (with the focus or the caret in
// the article): Ctrl+A, which selects its text, was left out. The moves
// and the selection from the caret are its first words, with the labels.
func TestArticleHintNamesItsKeys(t *testing.T) {
	schema := annotate.DefaultSchema()
	a := &Annotator{}
	hint := a.articleHint()
	for _, k := range pressesToTry() {
		b := bindingFor(k, schema)
		away := k
		away.InArticle, away.CaretInArticle = false, false
		if b.Command == cmdNone || bindingFor(away, schema) == b {
			continue
		}
		switch b.Command {
		case cmdMove, cmdExtend, cmdTag:
			continue // the hint's first words
		}
		line := helpLineFor(b)
		if line == nil || line.Hint == "" || !strings.Contains(hint, line.Hint) {
			t.Errorf("the article's hint does not say what %+v does (%+v): %q", k, b, hint)
			return
		}
	}
	for _, want := range []string{"Ctrl+A", "⌘A", "Enter", "?"} {
		if !strings.Contains(hint, want) {
			t.Errorf("the article's hint does not name %s: %q", want, hint)
		}
	}
}
