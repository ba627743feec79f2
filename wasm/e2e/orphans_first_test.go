//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// writeOrphanExport writes an export of the benchmarks' article of 50,000
// words with 2,000 annotations, orphans of which have words that the
// article does not hold (so that the import cannot place them), and
// returns its path.
func writeOrphanExport(t *testing.T, orphans int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "orphans.annotations.json")
	writeSyntheticExport(t, path, benchWords, 1000, benchAnnotations)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]any
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	anns := f["annotations"].([]any)
	for i := 0; i < orphans; i++ {
		a := anns[i*len(anns)/orphans].(map[string]any)
		a["exact"] = fmt.Sprintf("words that were never in the article, number %d", i)
	}
	if data, err = json.Marshal(f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOrphansInSight: an export of 2,000 annotations, 300 of which cannot
// be placed, lists its orphans where the annotator sees them, under the
// sidebar's head with the sidebar at its top, as the import's message
// says; they were below the list of 1,700 entries, some 136,000 pixels
// down the sidebar.
func TestOrphansInSight(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	openFile(t, b, writeOrphanExport(t, 300))
	waitFor(t, b, `document.querySelectorAll("#orphans li").length === 300`)
	waitFor(t, b, `document.getElementById("annotations-title").textContent === "Annotations (1700)"`)
	settle(t, b)
	evalJS[bool](t, b, `(document.querySelector(".sidebar").scrollTop = 0, true)`)
	inSight := `(() => {
		const box = document.querySelector(".sidebar").getBoundingClientRect(), head = document.querySelector(".sidebar-head").getBoundingClientRect();
		const h = document.querySelector("#orphans h3").getBoundingClientRect();
		return h.top >= head.bottom - 0.5 && h.bottom <= Math.min(box.bottom, innerHeight) + 0.5;
	})()`
	waitFor(t, b, inSight)
}
