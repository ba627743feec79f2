package app

import (
	"testing"

	"github.com/newsannotator/annotator/annotate"
)

// TestBindingForComposition: the keys an input method takes while it
// composes (Escape cancels, Enter commits) are not the annotator's.
func TestBindingForComposition(t *testing.T) {
	schema := annotate.DefaultSchema()
	for _, k := range []keyPress{
		{Key: "Escape", InField: true, Composing: true},
		{Key: "Enter", InArticle: true, Composing: true},
		{Key: "s", Ctrl: true, InField: true, Composing: true},
		{Key: "Process", Composing: true},
		{Key: "q", Composing: true},
	} {
		if got := bindingFor(k, schema); got != (binding{}) {
			t.Errorf("bindingFor(%+v) = %+v, want nothing while an input method composes", k, got)
		}
	}
}
