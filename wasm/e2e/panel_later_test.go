//go:build !wasm

package e2e

import "testing"

// TestPanelDrawnAfterTheStartsPaint: the start puts the article on the
// page without the selected annotation's panel, which nothing selected
// would show, and before asking the browser to keep its storage
// (app/later.go: their code is left out of what a new renderer compiles
// before the article shows); the panel is on the page, hidden, soon
// after, the storage is asked for, and the first tag then shows its
// annotation in the panel in the turn of the key, as every later one
// does.
func TestPanelDrawnAfterTheStartsPaint(t *testing.T) {
	// When the article's text first comes into the page: whether the
	// panel was there.
	b := openAppWithScript(t, `(() => {
			const persist = navigator.storage.persist.bind(navigator.storage);
			navigator.storage.persist = () => {
				const doc = document.querySelector("article.doc");
				window.__persistAfterArticle = !!doc && doc.textContent.trim() !== "";
				return persist();
			};
			const mo = new MutationObserver(() => {
				const doc = document.querySelector("article.doc");
				if (!doc || doc.textContent.trim() === "") return;
				window.__panelWithArticle = !!document.getElementById("selected");
				mo.disconnect();
			});
			mo.observe(document, {childList: true, subtree: true, characterData: true});
		})()`)
	waitFor(t, b, `window.__panelWithArticle !== undefined`)
	if evalJS[bool](t, b, `window.__panelWithArticle`) {
		t.Error("the panel was drawn with the article at the start, with nothing selected")
	}
	waitFor(t, b, `(() => { const p = document.getElementById("selected"); return !!p && p.hidden && !p.dataset.id; })()`)
	// The browser is asked to keep the storage, after the article shows.
	waitFor(t, b, `window.__persistAfterArticle !== undefined`)
	if !evalJS[bool](t, b, `window.__persistAfterArticle`) {
		t.Error("the start asked the browser to keep its storage before the article was on the page")
	}

	// The first tag: the panel shows it at the end of the key's turn.
	selectPhrase(t, b, "pretty balanced", 0)
	got := evalJS[map[string]bool](t, b, `new Promise((resolve) => requestAnimationFrame(() => {
		document.getElementById("article").dispatchEvent(new KeyboardEvent("keydown", {key: "c", bubbles: true, cancelable: true}));
		const p = document.getElementById("selected");
		resolve({shown: !!p && !p.hidden, claim: !!p && p.querySelector(".selected-text .badge").textContent === "claim"});
	}))`)
	if !got["shown"] || !got["claim"] {
		t.Fatalf("at the end of the first tag's turn the panel is %v; want it shown with the claim", got)
	}
}

// TestPanelStaysOnceDrawn: a selection made and dropped before the start's
// idle work has run (requestIdleCallback held back here, as on a loaded
// machine) leaves the panel on the page, hidden: it went with the
// selection, so that the next tag's panel came two or three frames after
// its highlight, and TestAppMoreClickSelects, reading the hidden panel,
// found none (a fresh clone's run, once). It must stay even when the
// selection goes before go-app has drawn it: the tag's turn keeps it.
func TestPanelStaysOnceDrawn(t *testing.T) {
	b := startWithIdleHeld(t)
	// The tag and the Escape in one task: go-app's render cannot come
	// between them, as on a loaded machine it did not (a fresh clone's
	// run, once).
	selectPhrase(t, b, "yes we can", 0)
	evalJS[bool](t, b, `(() => {
		const article = document.getElementById("article");
		for (const key of ["q", "Escape"]) article.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true}));
		return true;
	})()`)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	waitFor(t, b, `document.querySelector("#entries li.selected") === null`)
	settle(t, b)
	if !evalJS[bool](t, b, `(() => { const p = document.getElementById("selected"); return !!p && p.hidden; })()`) {
		t.Fatal("the selection dropped, the panel is gone from the page; want it there, hidden")
	}
}
