//go:build !wasm

package e2e

import (
	"reflect"
	"testing"
)

// TestStartWarmsTheTagUnseen: the start's idle work runs a tag's code once
// (app/warm.go) on a key event of no binding and a scratch Set. None
// of it shows: the page is as it was before that work (held back here
// until the start is done), with no key taken, no message said, nothing
// changed, saved or made undoable, and the first tag after it is made as
// usual.
func TestStartWarmsTheTagUnseen(t *testing.T) {
	b := startWithIdleHeld(t)
	// The start's own writes done, so that only the warm-up could change
	// what follows.
	waitSaved(t, b)
	const state = `(() => ({
		keys: performance.getEntriesByName("annotator:key").length,
		saves: performance.getEntriesByName("annotator:save").length,
		notice: document.querySelector("#notice").textContent,
		title: document.querySelector(".sidebar h2").textContent,
		undo: document.querySelector("#undo-button").disabled,
		highlights: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
	}))()`
	before := evalJS[map[string]any](t, b, state)
	if n := evalJS[int](t, b, `performance.getEntriesByName("annotator:warmed").length`); n != 0 {
		t.Fatal("the warm-up ran before the start's idle moment")
	}
	releaseIdleWork(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:warmed").length === 1`)
	if after := evalJS[map[string]any](t, b, state); !reflect.DeepEqual(after, before) {
		t.Errorf("the warm-up changed the page:\n before %v\n after  %v", before, after)
	}
	if before["title"] != "Annotations (0)" || before["undo"] != true {
		t.Fatalf("the sample started with %v; want no annotation and nothing to undo", before)
	}
	tagPhrase(t, b, "pretty balanced", "c")
	if title := text(t, b, ".sidebar h2"); title != "Annotations (1)" {
		t.Errorf("after the first tag the list says %q; want Annotations (1)", title)
	}
}

// startWithIdleHeld opens the app with the start's idle work held back
// (holdIdleScript), and waits for its start.
func startWithIdleHeld(t *testing.T) *browser {
	t.Helper()
	b := openAppWithScript(t, holdIdleScript)
	waitStarted(t, b)
	return b
}

// holdIdleScript has the page hold every requestIdleCallback asked for
// until releaseIdleWork: the start's idle work (app/later.go) held back,
// as on a loaded machine.
const holdIdleScript = `(() => {
	const idle = window.requestIdleCallback.bind(window);
	window.__idleHeld = [];
	window.requestIdleCallback = (fn, opts) => window.__idleHeld ? (window.__idleHeld.push(fn), 0) : idle(fn, opts);
	window.__releaseIdle = () => { const held = window.__idleHeld; window.__idleHeld = null; held.forEach((fn) => idle(fn)); return held.length; };
})()`

// releaseIdleWork runs the idle callbacks held by holdIdleScript, and those
// asked for after it at once.
func releaseIdleWork(t *testing.T, b *browser) {
	t.Helper()
	evalJS[int](t, b, `window.__releaseIdle()`)
}
