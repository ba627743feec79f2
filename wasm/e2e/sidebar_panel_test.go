//go:build !wasm

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// panelShowsJS is a script true when the selected annotation's panel
// shows the annotation whose row is selected, not the one of id before,
// labelled label: its id, its label's badge and class, and the row's
// excerpt.
func panelShowsJS(before, label string) string {
	return fmt.Sprintf(`(() => {
		const p = document.getElementById("selected"), li = document.querySelector("#entries > li.selected");
		if (!p || !li || p.dataset.id !== li.dataset.id || p.dataset.id === %q) return false;
		const badge = p.querySelector(".selected-text .badge");
		return badge.textContent === %[2]q && badge.classList.contains("label-%[2]s") && p.classList.contains("label-%[2]s") &&
			p.querySelector(".excerpt").textContent.startsWith(li.querySelector(".excerpt").textContent.replace(/”$/, "").replace(/…$/, "")) &&
			document.getElementById("edit-label").value === %[2]q;
	})()`, before, label)
}

// TestSidebarPanelInHighlightFrame: a tag shows the new annotation in the
// selected annotation's panel in the frame of its highlight, before go-app
// draws the sidebar again, whether its label is the last one's or not, and
// a relabel shows its new label there too; a note typed in that panel at
// once is the new annotation's; and an undo made before go-app drew leaves
// the panel showing the annotation selected.
func TestSidebarPanelInHighlightFrame(t *testing.T) {
	b := openFourHundredSelected(t, 5)
	press(t, b, "c")
	waitFor(t, b, panelShowsJS("", "claim"))
	selectedID := func() string {
		return evalJS[string](t, b, `document.querySelector("#entries > li.selected").dataset.id`)
	}
	nextWords := func() {
		t.Helper()
		waitFor(t, b, `document.getSelection().rangeCount === 1 && document.getSelection().isCollapsed`)
		press(t, b, kb.ArrowRight, ctrlShift)
		press(t, b, kb.ArrowRight, ctrlShift)
		waitFor(t, b, `!document.getSelection().isCollapsed`)
	}
	highlightMoved := func() string {
		return `(() => { const s = [...(CSS.highlights.get("selected") || [])][0], l = __panelLast;
			return !!s && !(s.startContainer === l[0] && s.startOffset === l[1] && s.endOffset === l[2]); })()`
	}
	keepHighlight := func() {
		evalJS[bool](t, b, `(() => { const s = [...CSS.highlights.get("selected")][0]; window.__panelLast = [s.startContainer, s.startOffset, s.endOffset]; return true; })()`)
	}

	// The next words, tagged a claim too: the panel in the same frame.
	first := selectedID()
	keepHighlight()
	nextWords()
	// The key, dispatched in a frame's callback: the highlight, the row
	// and the panel are all there when the key's turn ends, before the
	// frame is drawn (go-app draws in a task of its own, after).
	tagInTurn := func(key, label, before string) {
		t.Helper()
		got := evalJS[map[string]bool](t, b, fmt.Sprintf(`new Promise((resolve) => requestAnimationFrame(() => {
			document.getElementById("article").dispatchEvent(new KeyboardEvent("keydown", {key: %q, bubbles: true, cancelable: true}));
			resolve({highlight: %s, panel: %s});
		}))`, key, highlightMoved(), panelShowsJS(before, label)))
		if !got["highlight"] || !got["panel"] {
			t.Fatalf("at the end of a %s's turn: %v; want its highlight and its panel", label, got)
		}
	}
	tagInTurn("c", "claim", first)
	second := selectedID()
	// go-app's render after it leaves the panel as it showed it.
	settle(t, b)
	if !evalJS[bool](t, b, panelShowsJS(first, "claim")+` && document.getElementById("selected").dataset.id === `+fmt.Sprintf("%q", second)) {
		t.Fatalf("after go-app's render the panel no longer shows the second claim %s", second)
	}

	// A third claim, and a note typed in its panel in the frame that
	// shows it: the note is the third's, not the second's.
	keepHighlight()
	nextWords()
	evalJS[bool](t, b, fmt.Sprintf(`(() => {
		const step = () => {
			const p = document.getElementById("selected");
			if (!p || p.dataset.id === %q) { requestAnimationFrame(step); return; }
			window.__noteFor = p.dataset.id;
			const note = document.getElementById("edit-note");
			note.value = "typed at once";
			note.dispatchEvent(new Event("change", {bubbles: true}));
		};
		requestAnimationFrame(step);
		return true;
	})()`, second))
	press(t, b, "c")
	waitFor(t, b, `window.__noteFor !== undefined`)
	third := evalJS[string](t, b, `__noteFor`)
	if third == second {
		t.Fatal("the panel showed the second claim after the third tag")
	}
	waitFor(t, b, fmt.Sprintf(`(() => { const n = document.querySelector("#entry-%s .note"); return n !== null && n.textContent === "note: typed at once"; })()`, third))
	if evalJS[bool](t, b, fmt.Sprintf(`document.querySelector("#entry-%s .note") !== null`, second)) {
		t.Fatal("the note typed in the third claim's panel went to the second claim")
	}
	settle(t, b)
	if got := evalJS[string](t, b, `document.getElementById("edit-note").value`); got != "typed at once" {
		t.Fatalf("the third claim's panel holds the note %q after go-app's render", got)
	}

	// A quote, then a pledge: the panel shows each in its turn too, with
	// the fields of its label shown and the others hidden.
	fields := func() string {
		return evalJS[string](t, b, `[...document.querySelectorAll("#selected .editor label")].filter((l) => !l.hidden).map((l) => l.firstChild.textContent).join(",")`)
	}
	for _, step := range []struct{ key, label, fields string }{
		{"q", "quote", "Label,Speaker,Note"},
		{"p", "pledge", "Label,Party,Note"},
	} {
		before := selectedID()
		keepHighlight()
		nextWords()
		tagInTurn(step.key, step.label, before)
		if got := fields(); got != step.fields {
			t.Errorf("a %s's panel, in its turn, shows the fields %s; want %s", step.label, got, step.fields)
		}
		settle(t, b)
		if got := fields(); got != step.fields || !evalJS[bool](t, b, panelShowsJS(before, step.label)) {
			t.Errorf("a %s's panel, after go-app's render, shows the fields %s; want %s", step.label, got, step.fields)
		}
	}

	// With no text selected, a label's key relabels the selected pledge:
	// the panel shows the new label and its fields in the key's turn.
	pledge := selectedID()
	waitFor(t, b, `document.getSelection().rangeCount === 1 && document.getSelection().isCollapsed`)
	got := evalJS[map[string]string](t, b, `new Promise((resolve) => requestAnimationFrame(() => {
		document.getElementById("article").dispatchEvent(new KeyboardEvent("keydown", {key: "c", bubbles: true, cancelable: true}));
		const p = document.getElementById("selected"), li = document.querySelector("#entries > li.selected");
		resolve({panel: p.dataset.id, row: li.dataset.id, rowLabel: li.classList.contains("label-claim") ? "claim" : "",
			badge: p.querySelector(".badge").textContent, classed: String(p.classList.contains("label-claim") && !p.classList.contains("label-pledge")),
			select: document.getElementById("edit-label").value,
			fields: [...p.querySelectorAll(".editor label")].filter((l) => !l.hidden).map((l) => l.firstChild.textContent).join(",")});
	}))`)
	want := map[string]string{"panel": pledge, "row": pledge, "rowLabel": "claim", "badge": "claim", "classed": "true", "select": "claim", "fields": "Label,Note"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("at the end of a relabel's turn the panel shows %v; want %v", got, want)
	}
	settle(t, b)
	if got := fields(); got != "Label,Note" || evalJS[string](t, b, `document.querySelector("#selected .badge").textContent`) != "claim" {
		t.Errorf("after the relabel and go-app's render the panel shows the fields %s", got)
	}

	// A fourth claim undone before go-app draws it: the panel shows what
	// the list selects (the undo selects nothing), after go-app's render
	// too.
	nextWords()
	evalJS[bool](t, b, `(() => {
		addEventListener("keydown", (e) => {
			if (e.key !== "c") return;
			setTimeout(() => document.getElementById("article").dispatchEvent(new KeyboardEvent("keydown", {key: "z", code: "KeyZ", ctrlKey: true, bubbles: true, cancelable: true})), 0);
		}, {capture: true, once: true});
		return true;
	})()`)
	press(t, b, "c")
	settle(t, b)
	settle(t, b)
	shown := evalJS[map[string]string](t, b, `(() => {
		const p = document.getElementById("selected"), li = document.querySelector("#entries > li.selected");
		return {panel: p && !p.hidden ? p.dataset.id : "", row: li ? li.dataset.id : "", note: p ? document.getElementById("edit-note").value : "",
			total: document.getElementById("entries").dataset.total};
	})()`)
	if shown["total"] != "405" || shown["panel"] != shown["row"] {
		t.Fatalf("after a tag undone at once: %v; want 405 annotations, and the panel showing the one selected in the list", shown)
	}
}

// TestSidebarPanelHidesAndShowsInKeyFrame: with nothing selected the
// panel is on the page, hidden, so that a deselection hides it and a
// selection from none shows it in the key's own turn, before go-app draws
// the sidebar again; go-app's render after leaves it so.
func TestSidebarPanelHidesAndShowsInKeyFrame(t *testing.T) {
	b := openFourHundredSelected(t, 7)
	press(t, b, "q")
	waitFor(t, b, panelShowsJS("", "quote"))
	tagged := evalJS[string](t, b, `document.querySelector("#entries > li.selected").dataset.id`)
	// The panel and the list as they are: the panel's annotation, or
	// "hidden", and its badge; the list's selected row.
	const state = `(() => {
		const p = document.getElementById("selected"), li = document.querySelector("#entries > li.selected");
		return {panel: !p ? "none" : p.hidden ? "hidden" : p.dataset.id || "", row: li ? li.dataset.id : "",
			badge: p && !p.hidden ? p.querySelector(".badge").textContent : ""};
	})()`
	shown := func() map[string]string { t.Helper(); return evalJS[map[string]string](t, b, state) }
	// The same at the end of a key's turn.
	inTurn := func(key string) map[string]string { t.Helper(); return stateAfterKeyTurn(t, b, key, state) }
	// Escape twice: the first drops the text selection's caret state, the
	// second, with no text selected, the selected annotation.
	waitFor(t, b, `document.getSelection().isCollapsed`)
	got := inTurn("Escape")
	if got["row"] != "" {
		got = inTurn("Escape")
	}
	if want := map[string]string{"panel": "hidden", "row": "", "badge": ""}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("at the end of Escape's turn: %v; want %v", got, want)
	}
	settle(t, b)
	if got := shown(); got["panel"] != "hidden" || got["row"] != "" {
		t.Fatalf("after Escape and go-app's render: %v; want the panel hidden", got)
	}
	// ] selects the first annotation: its panel in the key's turn, from
	// the hidden one, with all of its own values.
	got = inTurn("]")
	if got["row"] == "" || got["panel"] != got["row"] || got["badge"] == "" {
		t.Fatalf("at the end of ]'s turn: %v; want the panel showing the row selected", got)
	}
	first := got["row"]
	settle(t, b)
	if got := shown(); got["panel"] != first || got["row"] != first {
		t.Fatalf("after ] and go-app's render: %v; want the panel showing %s", got, first)
	}
	if first == tagged {
		t.Fatalf("] selected the quote tagged, %s; want the list's first annotation", tagged)
	}
	if evalJS[string](t, b, `document.querySelector("#selected .excerpt").textContent`) == "" {
		t.Fatal("the panel shown from hidden has no text")
	}
}
