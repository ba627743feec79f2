//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOpeningHoldsCollections imports the 2,000-annotation export, then a
// file that is not one, and checks the timeline's marks (app/collect.go):
// collections are held from the file's reading until after the frame that
// shows the document, none runs meanwhile, and they start again after
// either way out, success or failure: one has run before the next hold.
func TestOpeningHoldsCollections(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	marks := func() map[string]any {
		return evalJS[map[string]any](t, b, `(() => {
			const all = (n) => performance.getEntriesByName(n);
			const last = (n) => { const e = all(n); return e.length ? e[e.length - 1] : null; };
			const held = all("annotator:collections-held"), released = all("annotator:collections-released");
			const h = held[held.length - 1], r = released[released.length - 1];
			return {
				held: held.length, released: released.length,
				heldAt: h ? h.startTime : -1, releasedAt: r ? r.startTime : -1,
				heldCycles: h ? h.detail.cycles : -1, releasedCycles: r ? r.detail.cycles : -1,
				opened: last("annotator:opened") ? last("annotator:opened").startTime : -1,
				openedCount: all("annotator:opened").length,
				failed: last("annotator:open-failed") ? last("annotator:open-failed").startTime : -1,
			};
		})()`)
	}
	before := marks()
	openFile(t, b, benchExport(t, 1000))
	waitFor(t, b, fmt.Sprintf(`document.querySelector(".sidebar h2").textContent === "Annotations (%d)"`, benchAnnotations))
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:collections-released").length > %v`, before["released"]))
	m := marks()
	if m["held"] != before["held"].(float64)+1 || m["released"] != m["held"] {
		t.Fatalf("after the import, %v holds and %v releases (before it, %v and %v)", m["held"], m["released"], before["held"], before["released"])
	}
	if !(m["heldAt"].(float64) < m["opened"].(float64) && m["opened"].(float64) < m["releasedAt"].(float64)) {
		t.Errorf("held at %v ms, opened at %v, released at %v: want held, opened, released in that order", m["heldAt"], m["opened"], m["releasedAt"])
	}
	if m["heldCycles"] != m["releasedCycles"] {
		t.Errorf("%v collections ran while they were held (%v at the hold, %v at the release)", m["releasedCycles"].(float64)-m["heldCycles"].(float64), m["heldCycles"], m["releasedCycles"])
	}
	// A file that fails to import releases them too; and the heap, grown
	// with nothing collected, was collected in between.
	bad := filepath.Join(t.TempDir(), "broken.annotations.json")
	if err := os.WriteFile(bad, []byte(`{"version": 1, "document": {"html": "<p>x</p>"}, "annotations": [}`), 0o644); err != nil {
		t.Fatal(err)
	}
	first := m
	before = marks()
	openFile(t, b, bad)
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:collections-released").length > %v`, before["released"]))
	m = marks()
	if m["held"] != m["released"] || m["failed"].(float64) < 0 || m["failed"].(float64) > m["releasedAt"].(float64) {
		t.Errorf("after a file that fails: %v holds, %v releases, failed at %v, released at %v", m["held"], m["released"], m["failed"], m["releasedAt"])
	}
	if m["heldCycles"].(float64) <= first["releasedCycles"].(float64) {
		t.Errorf("no collection ran between the import's release (%v collections) and the next hold (%v): collections did not start again", first["releasedCycles"], m["heldCycles"])
	}

	// A file past holdUpTo (4 MiB) opens with collections as usual.
	large := filepath.Join(t.TempDir(), "long.txt")
	paragraph := strings.Repeat("The minister said that trade was pretty balanced. ", 20) + "\n\n"
	if err := os.WriteFile(large, []byte(strings.Repeat(paragraph, (4<<20)/len(paragraph)+10)), 0o644); err != nil {
		t.Fatal(err)
	}
	before = marks()
	openFile(t, b, large)
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName("annotator:opened").length > %d`, openedCount(before)))
	if m = marks(); m["held"] != before["held"] {
		t.Errorf("a file of 4 MiB and more held collections: %v holds before it, %v after", before["held"], m["held"])
	}
}

// openedCount returns how many times the app had opened a document when
// marks m were read.
func openedCount(m map[string]any) int { return int(m["openedCount"].(float64)) }
