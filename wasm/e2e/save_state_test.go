//go:build !wasm

package e2e

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// This file checks that the toolbar never says "Saved" while the document
// it shows is not stored: an article just opened, and the sample of a
// first start, are written only after the frame that shows them.

// frameProbe records, in every animation frame, what the toolbar says, the
// title shown, and how many changes were due, taken, queued and applied
// (the app's marks) by then.
const frameProbe = `(() => {
	window.__frames = [];
	const count = name => performance.getEntriesByName(name).length;
	const each = () => {
		const s = document.querySelector("#save-state");
		const title = document.querySelector("#doc-title");
		if (s && title) {
			window.__frames.push({
				state: s.dataset.state, title: title.textContent,
				due: count("annotator:save-due"), taken: count("annotator:save-due-taken"),
				queued: count("annotator:save-queued"), applied: count("annotator:applied"),
			});
		}
		requestAnimationFrame(each);
	};
	requestAnimationFrame(each);
})()`

// shownFrame is one frame's record by frameProbe.
type shownFrame struct {
	State, Title                string
	Due, Taken, Queued, Applied int
}

// framesSavedTooSoon returns the frames in which the toolbar said "Saved"
// while a change was due but not taken, or queued but not applied.
func framesSavedTooSoon(t testing.TB, b *browser) (bad []shownFrame, n int) {
	t.Helper()
	var frames []shownFrame
	if err := json.Unmarshal([]byte(evalJS[string](t, b, `JSON.stringify(window.__frames)`)), &frames); err != nil {
		t.Fatal(err)
	}
	for _, f := range frames {
		if f.State == "saved" && (f.Due > f.Taken || f.Queued > f.Applied) {
			bad = append(bad, f)
		}
	}
	return bad, len(frames)
}

// TestToolbarSaysSavingUntilTheDocumentIsStored: from the first frame that
// shows the sample of a first start, an article opened and an export
// opened with its annotations, until each is written, the toolbar says
// "Saving…", never "Saved".
func TestToolbarSaysSavingUntilTheDocumentIsStored(t *testing.T) {
	srv := appServer(t)
	b := newBrowser(t)
	b.run(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: frameProbe})
		return err
	}))
	b.run(chromedp.Navigate(srv.URL + "/"))
	waitStarted(t, b)
	waitSaved(t, b)

	openArticle(t, b, "A plain article", "<p>One paragraph of words, opened with no annotation.</p>")
	waitSaved(t, b)

	path := filepath.Join(t.TempDir(), "tagged.annotations.json")
	writeSyntheticExport(t, path, 2000, 40, 60)
	openFile(t, b, path)
	waitFor(t, b, `document.querySelector(".sidebar h2").textContent === "Annotations (60)"`)
	waitSaved(t, b)

	bad, n := framesSavedTooSoon(t, b)
	if n < 10 {
		t.Fatalf("only %d frames were recorded", n)
	}
	for _, f := range bad {
		t.Errorf("the toolbar said Saved with %q shown, while %d of %d changes due were taken and %d of %d queued were written",
			f.Title, f.Taken, f.Due, f.Applied, f.Queued)
	}
	// Each of the three was due, or queued, and then stored.
	if got := evalJS[int](t, b, `performance.getEntriesByName("annotator:save-due").length`); got < 2 {
		t.Errorf("%d large changes were due; want the sample's and the export's", got)
	}
	b.expectNoConsoleErrors()
}
