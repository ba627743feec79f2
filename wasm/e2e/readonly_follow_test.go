//go:build !wasm

package e2e

// This file holds a tab that shows a document read-only (another tab
// edits it) to its promise: it shows the document as the store holds it,
// the other tab's changes included, and never lets an edit be made on an
// older copy.

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// TestWorkspaceReadOnlyTabFollows: the annotations a tab adds, relabels
// and deletes appear in a second tab that shows the document read-only:
// its list, its highlights and its download (they showed the document as
// it was when that tab opened it, and a download there lacked them),
// where that tab was scrolled to and with its selected annotation still
// selected. Its keys still make no change, and say why.
func TestWorkspaceReadOnlyTabFollows(t *testing.T) {
	b, tab, _ := quoteThenReadOnlyTab(t)
	// The read-only tab selects the quote, then scrolls down the page.
	tab.run(chromedp.Click(`#entries > li .entry-main`))
	waitFor(t, tab, `(document.querySelector(".entry-main[aria-pressed=true]") || {textContent: ""}).textContent.includes("yes we can")`)
	evalJS[bool](t, tab, `(window.scrollTo(0, 600), true)`)
	waitFor(t, tab, `Math.abs(window.scrollY - 600) < 2`)
	y := evalJS[float64](t, tab, `window.scrollY`)
	// Without flashing: the article's text is not drawn again.
	evalJS[bool](t, tab, `(window.articleShown = document.querySelector("article.doc"), true)`)
	opened := evalJS[int](t, tab, `performance.getEntriesByName("annotator:opened").length`)

	// The editing tab adds a claim and a pledge, and relabels the quote a
	// claim.
	tagPhrase(t, b, "pretty balanced", "c")
	tagPhrase(t, b, "technology", "p")
	waitSaved(t, b)
	clickPhrase(t, b, "yes we can")
	waitFor(t, b, `(document.querySelector(".entry-main[aria-pressed=true]") || {textContent: ""}).textContent.includes("yes we can")`)
	press(t, b, "c")
	waitFor(t, b, `CSS.highlights.get("label-quote").size === 0`)
	waitSaved(t, b)

	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 3 && CSS.highlights.get("label-claim").size === 2 &&
		CSS.highlights.get("label-pledge").size === 1 && CSS.highlights.get("label-quote").size === 0`)
	if got := evalJS[string](t, tab, `(document.querySelector(".entry-main[aria-pressed=true]") || {textContent: ""}).textContent`); !strings.Contains(got, "yes we can") {
		t.Errorf("after the other tab's changes the read-only tab's selected annotation is %q, want the quote it had selected", got)
	}
	if got := evalJS[float64](t, tab, `window.scrollY`); got < y-2 || got > y+2 {
		t.Errorf("after the other tab's changes the read-only tab is scrolled to %v, want %v", got, y)
	}
	if !evalJS[bool](t, tab, `document.querySelector("article.doc") === window.articleShown`) ||
		evalJS[int](t, tab, `performance.getEntriesByName("annotator:opened").length`) != opened {
		t.Error("the read-only tab opened the document anew to show the other tab's changes")
	}
	f := parseExport(t, downloadVia(t, tab, chromedp.Click(chromedp.ID("download-button"))))
	var labels []string
	for _, a := range f.Annotations {
		labels = append(labels, a.Label)
	}
	slices.Sort(labels)
	if !slices.Equal(labels, []string{"claim", "claim", "pledge"}) {
		t.Errorf("the read-only tab downloads the labels %q, want the other tab's claim, claim and pledge", labels)
	}

	// The editing tab deletes the pledge: it goes in the read-only tab too.
	clickPhrase(t, b, "technology")
	waitFor(t, b, `(document.querySelector(".entry-main[aria-pressed=true]") || {textContent: ""}).textContent.includes("technology")`)
	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	waitSaved(t, b)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 2 && CSS.highlights.get("label-pledge").size === 0`)

	// Still read-only, and it says so when a key would change it.
	selectPhrase(t, tab, "White House", 0)
	press(t, tab, "p")
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("read-only")`)
	if n := entryCount(t, tab); n != 2 {
		t.Errorf("the read-only tab tagged: %d annotations", n)
	}
}

// TestWorkspaceReadOnlyTabCoalesces: a burst of change messages (a tab
// tagging fast) has the read-only tab read the document a few times, not
// once a message; and its library, shown, reads the row of the document
// changed, not the whole listing.
func TestWorkspaceReadOnlyTabCoalesces(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	// Thirty messages about the document, as fast as the page can post
	// them (from a channel of its own: a channel hears every other).
	evalJS[bool](t, tab, `(() => {
		const id = JSON.parse(localStorage.getItem("annotator.session")).doc;
		const c = new BroadcastChannel("annotator-workspace");
		for (let i = 0; i < 30; i++) c.postMessage({doc: id});
		c.close();
		return true;
	})()`)
	// Then a real change: once it shows, the burst has been read.
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 1`)
	if n := evalJS[int](t, tab, `performance.getEntriesByName("annotator:follow-read").length`); n < 1 || n > 4 {
		t.Errorf("31 change messages had the read-only tab read the document %d times, want 1 to 4", n)
	}

	// A tab that shows the library reads again the row of the document
	// changed, not the whole listing, at each change another tab writes.
	showLibrary(t, tab)
	row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
	waitFor(t, tab, row+` !== undefined && `+row+`.querySelector(".library-counts").textContent === "1 quote"`)
	listings := evalJS[int](t, tab, `performance.getEntriesByName("annotator:library").length`)
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	waitFor(t, tab, row+`.querySelector(".library-counts").textContent === "1 claim, 1 quote"`)
	if n := evalJS[int](t, tab, `performance.getEntriesByName("annotator:library").length`) - listings; n != 0 {
		t.Errorf("a change written in another tab had the library read its whole listing %d times", n)
	}
}

// TestWorkspaceReadOnlyTabTakesOver: when the editing tab opens another
// document, the read-only tab becomes editable with every change made
// there, and its own next change goes on from them: its download and the
// library hold both tabs' annotations.
func TestWorkspaceReadOnlyTabTakesOver(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)

	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, b, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, b)

	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("editable here now")`)
	if n := entryCount(t, tab); n != 2 {
		t.Errorf("the tab that took the document over shows %d annotations, want the other tab's 2", n)
	}
	tagPhrase(t, tab, "technology", "p")
	waitSaved(t, tab)
	f := parseExport(t, downloadVia(t, tab, chromedp.Click(chromedp.ID("download-button"))))
	if len(f.Annotations) != 3 {
		t.Errorf("the tab that took the document over downloads %d annotations, want 3", len(f.Annotations))
	}
	showLibrary(t, b)
	row := fmt.Sprintf(`[...document.querySelectorAll("#library-table .library-row")].find(r => r.querySelector(".library-title").textContent === %s)`, jsString(sampleTitle))
	waitFor(t, b, row+` !== undefined && `+row+`.querySelector(".library-counts").textContent === "1 claim, 1 pledge, 1 quote"`)
}

// TestWorkspaceReadOnlyTabDownloadsWhatIsStored: a download or a copy in a
// tab that shows a document read-only holds what is stored when it is
// asked for, even when the other tab's last change has not reached it yet
// (here it hears no change at all).
func TestWorkspaceReadOnlyTabDownloadsWhatIsStored(t *testing.T) {
	b, tab, srv := sampleThenReadOnlyTab(t)
	evalJS[bool](t, tab, `(annotator.onChange(null), true)`) // deaf to the change channel

	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	waitSaved(t, b)
	f := parseExport(t, downloadVia(t, tab, chromedp.Click(chromedp.ID("download-button"))))
	if len(f.Annotations) != 2 {
		t.Errorf("the read-only tab downloads %d annotations, want the 2 stored", len(f.Annotations))
	}
	// What it downloaded, it shows.
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 2`)

	// So does Copy JSON.
	tagPhrase(t, b, "technology", "p")
	waitSaved(t, b)
	grantClipboard(t, tab, srv.URL)
	tab.run(chromedp.Click(chromedp.ID("copy-button")))
	waitFor(t, tab, `document.querySelector("#notice").textContent.startsWith("Copied the export")`)
	if f := parseExport(t, []byte(evalJS[string](t, tab, `navigator.clipboard.readText()`))); len(f.Annotations) != 3 {
		t.Errorf("the read-only tab copies %d annotations, want the 3 stored", len(f.Annotations))
	}
}

// TestWorkspaceReadOnlySaysSoInTheToolbar: a tab that shows a document
// read-only says so in its toolbar for as long as it is: the message line
// said it once, and the next message (a download) took it away, leaving
// "Saved" as all the page said of it. Once the other tab lets the
// document go, the toolbar says "Saved" again.
func TestWorkspaceReadOnlySaysSoInTheToolbar(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	downloadVia(t, tab, chromedp.Click(chromedp.ID("download-button")))
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("Downloaded")`)
	waitFor(t, tab, `document.querySelector("#save-state").dataset.state === "read-only"`)
	if got := text(t, tab, "#save-state"); !strings.Contains(got, "Read-only") {
		t.Errorf("the read-only tab's toolbar says %q", got)
	}
	if got := evalJS[string](t, tab, `document.querySelector("#save-state").title`); !containsAll(got, "open in another tab", "editable here") {
		t.Errorf("the read-only tab's toolbar explains %q", got)
	}

	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("editable here now")`)
	waitFor(t, tab, `document.querySelector("#save-state").dataset.state === "saved"`)
}

// TestWorkspaceReadOnlyTabOpenedJustBeforeAChange: a change the editing
// tab writes after a second tab read the document and before that tab
// learnt it would show it read-only (the change's message then came to a
// tab that did not yet follow it) is shown there all the same.
func TestWorkspaceReadOnlyTabOpenedJustBeforeAChange(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	openFile(t, tab, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, tab, fmt.Sprintf(`document.querySelector("#doc-title").textContent === %s`, jsString(emojiTitle)))
	waitSaved(t, tab)

	// The second tab's next lock request waits until the test lets it go:
	// the sample is then read and shown, and not yet known to be held.
	evalJS[bool](t, tab, `(() => {
		const lock = annotator.lockDocument;
		annotator.lockDocument = (id, granted) => {
			annotator.lockDocument = lock;
			window.letLockGo = () => lock(id, granted);
		};
		return true;
	})()`)
	before := evalJS[int](t, tab, `performance.getEntriesByName("annotator:read-only").length`)
	openFromLibrary(t, tab, sampleTitle)
	waitFor(t, tab, `typeof window.letLockGo === "function"`)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	evalJS[bool](t, tab, `window.letLockGo() || true`)
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:read-only").length > %d`, before))
	if !tryWait(tab, `document.querySelectorAll("#entries > li").length === 1`) {
		t.Errorf("the read-only tab shows %d annotations, want the 1 the other tab wrote as it opened", entryCount(t, tab))
	}
}

// setHidden makes b's page hidden or shown as far as the page can tell
// (document.hidden and a visibilitychange event): headless tabs are all
// shown. It waits until the app has taken it in.
func setHidden(t testing.TB, b *browser, hidden bool) {
	t.Helper()
	m := "annotator:page-shown"
	if hidden {
		m = "annotator:page-hidden"
	}
	n := evalJS[int](t, b, fmt.Sprintf(`performance.getEntriesByName(%q).length`, m))
	evalJS[bool](t, b, fmt.Sprintf(`(() => {
		Object.defineProperty(document, "hidden", {configurable: true, get: () => window.__hidden === true});
		window.__hidden = %t;
		document.dispatchEvent(new Event("visibilitychange"));
		return true;
	})()`, hidden))
	waitFor(t, b, fmt.Sprintf(`performance.getEntriesByName(%q).length > %d`, m, n))
}

// TestWorkspaceReadOnlyTabWaitsWhileHidden: a read-only tab behind
// another shows none of the changes made meanwhile; shown again, it
// applies them, reading nothing (it read the whole document again); a
// change it cannot apply (a document written whole) has it read the
// document once when it is shown, not while hidden.
func TestWorkspaceReadOnlyTabWaitsWhileHidden(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	count := func(name string) int {
		return evalJS[int](t, tab, fmt.Sprintf(`performance.getEntriesByName(%q).length`, name))
	}
	// The first change after the sample was written whole is read whole
	// (it follows no change the read-only tab holds); the next follow it.
	tagPhrase(t, b, "trade", "c")
	waitSaved(t, b)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 1`)
	setHidden(t, tab, true)
	reads, rereads, heard := count("annotator:follow-read"), count("annotator:follow-reread"), count("annotator:changed-elsewhere")
	written := evalJS[int](t, b, `performance.getEntriesByName("annotator:applied").length`)

	tagPhrase(t, b, "yes we can", "q")
	tagPhrase(t, b, "pretty balanced", "c")
	tagPhrase(t, b, "technology", "p")
	waitSaved(t, b)
	// Every change written is announced: wait until the hidden tab has
	// heard them all.
	written = evalJS[int](t, b, `performance.getEntriesByName("annotator:applied").length`) - written
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:changed-elsewhere").length >= %d`, heard+written))
	if n := count("annotator:follow-read") - reads; n != 0 {
		t.Errorf("hidden, the read-only tab read or applied %d changes", n)
	}
	if got := evalJS[int](t, tab, `document.querySelectorAll("#entries > li").length`); got != 1 {
		t.Errorf("hidden, the read-only tab lists %d annotations", got)
	}

	setHidden(t, tab, false)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 4`)
	if n := count("annotator:follow-reread") - rereads; n != 0 {
		t.Errorf("shown again after three tags, the read-only tab read the whole document %d times, want none", n)
	}
	if n := count("annotator:follow-read") - reads; n != 1 {
		t.Errorf("shown again, the read-only tab showed the changes %d times, want once", n)
	}
	if got := evalJS[[]string](t, tab, `[...document.querySelectorAll("#entries > li .badge")].map(e => e.textContent)`); !slices.Equal(got, evalJS[[]string](t, b, `[...document.querySelectorAll("#entries > li .badge")].map(e => e.textContent)`)) {
		t.Errorf("shown again, the read-only tab lists %q, the editing tab %q", got, evalJS[[]string](t, b, `[...document.querySelectorAll("#entries > li .badge")].map(e => e.textContent)`))
	}

	// A change announced without what it wrote (a document written whole:
	// an import's, a gold file's) is read, once, when the tab is shown.
	setHidden(t, tab, true)
	heard, rereads = count("annotator:changed-elsewhere"), count("annotator:follow-reread")
	tagPhrase(t, b, "Ukraine", "c")
	waitSaved(t, b)
	evalJS[bool](t, b, `(annotator.announceChange(JSON.parse(localStorage.getItem("annotator.session")).doc, null), true)`)
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:changed-elsewhere").length >= %d`, heard+2))
	if n := count("annotator:follow-reread") - rereads; n != 0 {
		t.Errorf("hidden, the read-only tab read the whole document %d times", n)
	}
	setHidden(t, tab, false)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 5`)
	if n := count("annotator:follow-reread") - rereads; n != 1 {
		t.Errorf("shown again after a change it could not apply, the read-only tab read the whole document %d times, want once", n)
	}
}

// TestWorkspaceReadOnlyTabKeepsTheEditingTabsSession: a read-only tab
// showing the other tab's changes does not write its own selection as the
// session the next start restores (the tabs share it): the editing tab,
// reloaded after a tag, selected nothing, where it had the new annotation
// selected.
func TestWorkspaceReadOnlyTabKeepsTheEditingTabsSession(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	reads := evalJS[int](t, tab, `performance.getEntriesByName("annotator:followed").length`)

	tagPhrase(t, b, "yes we can", "q") // selects the new quote
	waitSaved(t, b)
	waitFor(t, b, `JSON.parse(localStorage.getItem("annotator.session") || "{}").selected`)
	selected := evalJS[string](t, b, `JSON.parse(localStorage.getItem("annotator.session")).selected`)
	waitFor(t, tab, fmt.Sprintf(`document.querySelectorAll("#entries > li").length === 1 && performance.getEntriesByName("annotator:followed").length > %d`, reads))
	// The read-only tab's frame after it showed the change, and one more.
	evalJS[bool](t, tab, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(true), 50))))`)
	if got := evalJS[string](t, b, `JSON.parse(localStorage.getItem("annotator.session")).selected || ""`); got != selected {
		t.Errorf("after the read-only tab showed the change, the session's selected annotation is %q, want the editing tab's %q", got, selected)
	}
}

// shownAnnotations is what a tab shows of the annotations, as JSON: the
// sidebar's rows in order, and how many ranges each label's highlight and
// the overlaps' hold.
const shownAnnotations = `JSON.stringify([
	[...document.querySelectorAll("#entries > li .entry-main")].map((e) => e.textContent),
	["claim", "quote", "pledge"].map((l) => (CSS.highlights.get("label-" + l) || {size: -1}).size),
	(CSS.highlights.get("overlap") || {size: -1}).size,
])`

// TestWorkspaceReadOnlyTabFollowsAMixedBurst: a burst of changes in the
// editing tab (two tags, a relabel, a delete, its undo, its redo and an
// undo again, each written and announced on its own) shows in the tab
// that shows the document read-only exactly as in the editing tab: the
// same rows and highlights. It applies each change as announced, without
// reading the whole document again (before, it read and drew it all
// again for each burst).
func TestWorkspaceReadOnlyTabFollowsAMixedBurst(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 1`)
	reread := evalJS[int](t, tab, `performance.getEntriesByName("annotator:follow-reread").length`)
	// The labels' style sheet, replaced, has the browser style the whole
	// article again: counted from here.
	evalJS[bool](t, tab, `(() => {
		const h = window.annotator, style = h.style;
		window.__styled = 0;
		h.style = (css) => (window.__styled++, style(css));
		return true;
	})()`)

	selected := func(phrase string) string {
		return fmt.Sprintf(`(document.querySelector(".entry-main[aria-pressed=true]") || {textContent: ""}).textContent.includes(%q)`, phrase)
	}
	tagPhrase(t, b, "pretty balanced", "c")
	tagPhrase(t, b, "technology", "p")
	clickPhrase(t, b, "yes we can")
	waitFor(t, b, selected("yes we can"))
	press(t, b, "c")
	waitFor(t, b, `CSS.highlights.get("label-quote").size === 0`)
	clickPhrase(t, b, "technology")
	waitFor(t, b, selected("technology"))
	press(t, b, kb.Delete)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 3`)
	press(t, b, "y", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 2`)
	press(t, b, "z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 3`)
	waitSaved(t, b)

	want := evalJS[string](t, b, shownAnnotations)
	if !strings.Contains(want, `[2,0,1]`) {
		t.Fatalf("the editing tab shows %s, want two claims and a pledge", want)
	}
	waitFor(t, tab, fmt.Sprintf(`%s === %s`, shownAnnotations, jsString(want)))
	if n := evalJS[int](t, tab, `performance.getEntriesByName("annotator:follow-reread").length`) - reread; n != 0 {
		t.Errorf("the read-only tab read the whole document %d times for seven changes, each announced with what it wrote", n)
	}
	if n := evalJS[int](t, tab, `window.__styled`); n != 0 {
		t.Errorf("the read-only tab replaced the labels' style sheet %d times for seven changes of the same labels", n)
	}
}

// TestWorkspaceReadOnlyControlsAreDisabled: in a tab that shows the
// document read-only, the controls that would change it (the labels'
// buttons, the selected annotation's label, fields, note and Delete, the
// orphans' Place and Drop, Undo and Redo) are disabled, and say why;
// they looked usable (only the toolbar said "Read-only here"), and a
// press was refused after the fact. The same tab, once editable, has them
// enabled again.
func TestWorkspaceReadOnlyControlsAreDisabled(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 1`)
	// The entry's own click, not one at its place on the screen: what
	// this test shows is the panel's, and a click at a place that
	// something covered for a moment (one run in a full suite's) waited
	// in vain for the panel.
	evalJS[bool](t, tab, `(document.querySelector("#entries > li .entry-main").click(), true)`)
	waitFor(t, tab, `document.querySelector("#selected:not([hidden]) .editor") !== null`)

	// Every control that changes the document: disabled (a fieldset's
	// disabled reaches the controls inside it).
	const controls = `[...document.querySelectorAll(".legend button, #selected .editor select, #selected .editor input, #selected .editor textarea, #delete-button, #undo-button, #redo-button")]`
	if n := evalJS[int](t, tab, controls+`.length`); n < 7 {
		t.Fatalf("found %d controls, want the labels', the panel's and the history's", n)
	}
	waitFor(t, tab, controls+`.every((c) => c.matches(":disabled"))`)
	if got := evalJS[[]string](t, tab, controls+`.filter((c) => !c.matches(":disabled")).map((c) => c.id || c.textContent)`); len(got) > 0 {
		t.Errorf("the read-only tab's controls %q are enabled", got)
	}
	// And they look it: dimmed, as a disabled button of the toolbar is
	// (a disabled field looked as an enabled one, and Delete kept its red).
	if got := evalJS[[]string](t, tab, controls+`.filter((c) => !c.matches("#undo-button, #redo-button") && getComputedStyle(c).opacity > 0.7).map((c) => c.id || c.textContent)`); len(got) > 0 {
		t.Errorf("the read-only tab's controls %q look enabled", got)
	}
	// The reason, on the page and given to the labels' buttons and the
	// panel's fields.
	reason := text(t, tab, "#read-only-reason")
	if !containsAll(reason, "open in another tab", "editable here") {
		t.Errorf("the read-only tab says %q of its disabled controls", reason)
	}
	if !evalJS[bool](t, tab, `[...document.querySelectorAll(".legend button"), document.querySelector("#selected .editor")].every((c) => (c.getAttribute("aria-describedby") || "").split(" ").includes("read-only-reason"))`) {
		t.Error("the read-only tab's disabled controls are not described by the reason")
	}
	if got := evalJS[string](t, tab, `document.getElementById("undo-button").title`); !strings.Contains(got, "another tab") {
		t.Errorf("the read-only tab's Undo says %q", got)
	}
	auditA11y(t, tab, "read-only, an annotation selected")

	// The editing tab lets the document go: the controls are usable again.
	openFile(t, b, filepath.Join(testcorpus.Root(t), "testdata", "emoji-article.html"))
	waitFor(t, tab, `document.querySelector("#notice").textContent.includes("editable here now")`)
	tab.run(chromedp.Click(`#entries > li .entry-main`))
	waitFor(t, tab, `document.querySelector("#selected:not([hidden]) .editor") !== null`)
	waitFor(t, tab, `[...document.querySelectorAll(".legend button, #selected .editor select, #selected .editor input, #selected .editor textarea, #delete-button")].every((c) => !c.matches(":disabled")) && document.getElementById("read-only-reason") === null`)
}

// slowTitleReadsJS makes this tab's reads of one summary alone (the title
// a tab reads when another tab announces a change) come back half a
// second late once window.__slowTitles is set: the document's own read
// again, which reads its summary beside its body, comes back first, as it
// may in a busy browser.
const slowTitleReadsJS = `(() => {
	const transaction = IDBDatabase.prototype.transaction;
	IDBDatabase.prototype.transaction = function (names, mode) {
		const t = transaction.apply(this, arguments);
		const only = typeof names === "string" ? [names] : [...names];
		if (window.__slowTitles && only.length === 1 && only[0] === "summaries" && mode !== "readwrite") {
			Object.defineProperty(t, "oncomplete", {
				set(f) { t.addEventListener("complete", (e) => setTimeout(() => f.call(t, e), 500)); },
			});
		}
		return t;
	};
	return true;
})()`

// TestWorkspaceReadOnlyTabTakesARenameAfterItsRead: a tab that shows a
// document read-only, renamed in another tab's library while it was
// hidden, shows the new title even when its read of the document again,
// as it is shown, comes back before its read of the title: it kept the old
// title, in its title line and its download, for as long as it showed the
// document, as the title was put only on the editor shown before that
// read. (The read here is for a change announced without what it wrote,
// as an import's is: the rename itself reads no more than its summary.)
func TestWorkspaceReadOnlyTabTakesARenameAfterItsRead(t *testing.T) {
	b, tab, _ := sampleThenReadOnlyTab(t)
	evalJS[bool](t, tab, slowTitleReadsJS)
	setHidden(t, tab, true)
	heard := evalJS[int](t, tab, `performance.getEntriesByName("annotator:changed-elsewhere").length`)
	rereads := evalJS[int](t, tab, `performance.getEntriesByName("annotator:follow-reread").length`)

	tagPhrase(t, b, "yes we can", "q")
	waitSaved(t, b)
	evalJS[bool](t, b, `(annotator.announceChange(JSON.parse(localStorage.getItem("annotator.session")).doc, null), true)`)
	evalJS[bool](t, tab, `window.__slowTitles = true`)
	renameInLibrary(t, b, sampleTitle, "Renamed elsewhere")
	waitFor(t, tab, fmt.Sprintf(`performance.getEntriesByName("annotator:changed-elsewhere").length >= %d`, heard+3))
	setHidden(t, tab, false)
	waitFor(t, tab, `document.querySelectorAll("#entries > li").length === 1`)
	if !tryWait(tab, `document.querySelector("#doc-title").textContent === "Renamed elsewhere"`) {
		t.Fatalf("the read-only tab shows the title %q after the rename in another tab", text(t, tab, "#doc-title"))
	}
	if n := evalJS[int](t, tab, `performance.getEntriesByName("annotator:follow-reread").length`) - rereads; n != 1 {
		t.Errorf("shown again, the read-only tab read the whole document %d times, want once", n)
	}
	f := parseExport(t, downloadVia(t, tab, chromedp.Click(chromedp.ID("download-button"))))
	if f.Document.Title != "Renamed elsewhere" || len(f.Annotations) != 1 {
		t.Errorf("after the rename in another tab the read-only tab downloads %q with %d annotations", f.Document.Title, len(f.Annotations))
	}
}
