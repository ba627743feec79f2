//go:build !wasm

package e2e

// This file holds the workspace's storage to its promise after damage: a
// record the browser kept damaged, or left behind, costs what it holds,
// said in words, and never the rest of the library.

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// idbEdit runs body, JavaScript with db (the workspace's database open)
// and tx (a readwrite transaction over every store), and resolves with
// what body's last expression sets in out.
func idbEdit(body string) string {
	return fmt.Sprintf(`new Promise((resolve, reject) => {
		const req = indexedDB.open("annotator");
		req.onerror = () => reject(req.error);
		req.onsuccess = () => {
			const db = req.result;
			const tx = db.transaction(["summaries", "bodies", "annotations", "steps"], "readwrite");
			let out = null;
			%s
			tx.oncomplete = () => { db.close(); resolve(out); };
			tx.onabort = () => reject(tx.error);
		};
	})`, body)
}

// idOfTitle returns the id of the stored document titled title.
func idOfTitle(t *testing.T, b *browser, title string) string {
	t.Helper()
	return evalJS[string](t, b, idbEdit(fmt.Sprintf(`
		const r = tx.objectStore("summaries").getAll();
		r.onsuccess = () => { for (const s of r.result) if (JSON.parse(s.json).title === %s) out = s.id; };`, jsString(title))))
}

// reloadAndSettle reloads the page and waits until the app has opened a
// document, failed to, or shown its library.
func reloadAndSettle(t *testing.T, b *browser) {
	t.Helper()
	b.runIn(t, chromedp.Reload())
	waitFor(t, b, `!!window.annotator && (performance.getEntriesByName("annotator:opened").length > 0 || performance.getEntriesByName("annotator:open-failed").length > 0 || document.querySelector("#library") !== null)`)
}

// TestStorageDamagedSummaryKeepsLibrary: one document's summary record
// damaged (its JSON cut short) costs that document, said in words; the
// library still lists every other document.
func TestStorageDamagedSummaryKeepsLibrary(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	waitSaved(t, b)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, b)
	id := idOfTitle(t, b, sampleTitle)
	evalJS[bool](t, b, idbEdit(fmt.Sprintf(`
		const st = tx.objectStore("summaries"), r = st.get(%s);
		r.onsuccess = () => { const v = r.result; v.json = v.json.slice(0, v.json.length / 2); st.put(v); out = true; };`, jsString(id))))
	reloadAndSettle(t, b)
	showLibrary(t, b)
	titles := evalJS[[]string](t, b, `[...document.querySelectorAll("#library-table .library-row .library-title")].map(e => e.textContent)`)
	if !slices.Contains(titles, emojiTitle) {
		t.Errorf("with the sample's summary damaged, the library lists %q, not the undamaged %q; the app says %q",
			titles, emojiTitle, text(t, b, "#notice"))
	}
	if said := text(t, b, "#notice"); !strings.Contains(said, "1 stored document could not be read: its record is damaged") {
		t.Errorf("the damaged document is not said: %q", said)
	}
}

// TestStorageDamagedStepKeepsDocument: one record of a document's undo
// history damaged costs the history (as a history that does not fit the
// annotations does: "could not be read back"), not the document, whose
// annotations are all there.
func TestStorageDamagedStepKeepsDocument(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	want := tagTwo(t, b)
	id := idOfTitle(t, b, sampleTitle)
	evalJS[bool](t, b, idbEdit(fmt.Sprintf(`
		const st = tx.objectStore("steps"), r = st.getAll(IDBKeyRange.bound([%[1]s], [%[1]s, []]));
		r.onsuccess = () => { const v = r.result[0]; v.json = v.json.slice(0, v.json.length / 2); st.put(v); out = true; };`, jsString(id))))
	reloadAndSettle(t, b)
	if got := excerpts(t, b); !slices.Equal(got, want) {
		t.Errorf("with one step of its undo history damaged, the sample shows %q, want its annotations %q; the app says %q",
			got, want, text(t, b, "#notice"))
	}
	if said := text(t, b, "#notice"); !strings.Contains(said, "could not be read back") {
		t.Errorf("the lost history is not said: %q", said)
	}
	// The damaged history goes with the next change: the one after the
	// reload is undone as any.
	tagPhrase(t, b, "2.5%", "p")
	waitSaved(t, b)
	reloadAndSettle(t, b)
	waitStarted(t, b)
	if said := text(t, b, "#notice"); strings.Contains(said, "could not be read back") {
		t.Errorf("after a change and a reload, the app says again %q", said)
	}
}

// TestStorageLeftoverBodyDoesNotBlockArticle: a document deleted but
// for its body record (left behind by a damaged store) is not in the
// library; opening its article again opens it, not a refusal naming a
// document the library does not have.
func TestStorageLeftoverBodyDoesNotBlockArticle(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	waitSaved(t, b)
	path := filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html")
	openFile(t, b, path)
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, b)
	openFromLibrary(t, b, sampleTitle)
	id := idOfTitle(t, b, emojiTitle)
	evalJS[bool](t, b, idbEdit(fmt.Sprintf(`tx.objectStore("summaries").delete(%s); out = true;`, jsString(id))))
	reloadAndSettle(t, b)
	if titles := libraryTitles(t, b); slices.Contains(titles, emojiTitle) {
		t.Fatalf("the library lists %q without its summary", emojiTitle)
	}
	openFile(t, b, path)
	if got := text(t, b, "#doc-title"); got != emojiTitle || evalJS[bool](t, b, `document.querySelector("#library") !== null`) {
		t.Errorf("opening %q again, whose document was deleted but for its body, shows %q; the app says %q",
			emojiTitle, got, text(t, b, "#notice"))
	}
	if titles := libraryTitles(t, b); !slices.Contains(titles, emojiTitle) {
		t.Errorf("after opening it again, the library lists %q, without %q", titles, emojiTitle)
	}
}

// damageAnnotation tags two spans of the sample, changes the stored
// record of the quote "yes we can" with edit (JavaScript over rec, the
// record), and reloads.
func damageAnnotation(t *testing.T, edit string) (*browser, []string) {
	t.Helper()
	b, _ := openApp(t)
	waitStarted(t, b)
	want := tagTwo(t, b)
	id := idOfTitle(t, b, sampleTitle)
	if !evalJS[bool](t, b, idbEdit(fmt.Sprintf(`
		const st = tx.objectStore("annotations"), r = st.getAll(IDBKeyRange.bound([%[1]s], [%[1]s, []]));
		r.onsuccess = () => { for (const rec of r.result) if (JSON.parse(rec.json).exact === "yes we can") { %[2]s; st.put(rec); out = true; } };`,
		jsString(id), edit))) {
		t.Fatal("no stored annotation of “yes we can”")
	}
	reloadAndSettle(t, b)
	return b, want
}

// TestStorageDamagedAnnotationKeepsDocument: one annotation record
// damaged (its JSON cut short) costs that annotation, said in words, not
// the document and its other annotations.
func TestStorageDamagedAnnotationKeepsDocument(t *testing.T) {
	b, want := damageAnnotation(t, `rec.json = rec.json.slice(0, rec.json.length / 2)`)
	if got := excerpts(t, b); !slices.Contains(got, want[1]) {
		t.Errorf("with the record of %s damaged, the sample shows %q, not its other annotation %s; the app says %q",
			want[0], got, want[1], text(t, b, "#notice"))
	}
	if said := text(t, b, "#notice"); !strings.Contains(said, "1 annotation of this document could not be read: its stored record is damaged") {
		t.Errorf("the lost annotation is not said: %q", said)
	}
}

// TestStorageAnnotationPastTextIsOrphan: an annotation record whose
// offsets are past its document's text opens as an orphan; the document
// and its other annotations are there.
func TestStorageAnnotationPastTextIsOrphan(t *testing.T) {
	b, want := damageAnnotation(t, `const a = JSON.parse(rec.json); a.start = 9000000; a.end = 9000010; rec.json = JSON.stringify(a)`)
	if got := excerpts(t, b); !slices.Equal(got, want[1:]) {
		t.Errorf("with %s past the text, the sample shows %q, want %q; the app says %q", want[0], got, want[1:], text(t, b, "#notice"))
	}
	if n := evalJS[int](t, b, `document.querySelectorAll(".orphan").length`); n != 1 {
		t.Errorf("%d orphans listed, want 1 (the annotation past the text); the app says %q", n, text(t, b, "#notice"))
	}
}

// TestStorageDamagedAnnotationDocumentCanBeDeleted: a document that
// cannot be opened for a damaged annotation record can at least be
// deleted from the library, so that the article can be added again.
func TestStorageDamagedAnnotationDocumentCanBeDeleted(t *testing.T) {
	b, _ := damageAnnotation(t, `rec.json = rec.json.slice(0, rec.json.length / 2)`)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, b)
	showLibrary(t, b)
	waitFor(t, b, libraryRow(sampleTitle)+`.querySelector(".library-delete:not(:disabled)") !== null`)
	was := text(t, b, "#notice")
	evalJS[bool](t, b, libraryRow(sampleTitle)+`.querySelector(".library-delete").click() || true`)
	waitFor(t, b, `document.getElementById("notice").textContent !== `+jsString(was))
	// The notice comes before the row goes (the library reads the
	// summary again): a deletion is waited for, a refusal is not.
	if strings.HasPrefix(text(t, b, "#notice"), "Deleted") {
		tryWait(b, libraryRow(sampleTitle)+` === undefined`)
	}
	if titles := libraryTitles(t, b); slices.Contains(titles, sampleTitle) {
		t.Errorf("the damaged document could not be deleted: the library lists %q; the app says %q", titles, text(t, b, "#notice"))
	}
}
