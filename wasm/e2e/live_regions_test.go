//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// liveRegions lists the live regions inside the element of selector, as
// "role/aria-live" words: what a screen reader would speak from there
// when it changes.
const liveRegions = `((sel) => [...document.querySelectorAll(sel + ", " + sel + " *")]
	.filter((e) => ["status", "alert", "log"].includes(e.getAttribute("role")) || (e.hasAttribute("aria-live") && e.getAttribute("aria-live") !== "off"))
	.map((e) => (e.getAttribute("role") || "") + "/" + (e.getAttribute("aria-live") || "")))`

// TestQuietSavesAndOneErrorRegion: the save indicator is no live region,
// so that a screen reader does not say "Saving…" and "Saved" after every
// change (it said both, the toolbar's indicator being a status region),
// yet it has a name; and the message line keeps its live regions as they
// are, one polite (status) for what an action did and one assertive
// (alert) for what went wrong: it switched one region's role between
// status and alert, and screen readers miss a change made with the role.
func TestQuietSavesAndOneErrorRegion(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	if got := evalJS[[]string](t, b, liveRegions+`("#save-state")`); len(got) != 0 {
		t.Errorf("the save indicator holds live regions %q, want none", got)
	}
	if got := evalJS[string](t, b, `(() => { const s = document.getElementById("save-state"); return s.getAttribute("role") + ": " + s.getAttribute("aria-label"); })()`); got != "group: Save state" {
		t.Errorf("the save indicator is %q, want a group named \"Save state\"", got)
	}
	regions := func() string {
		t.Helper()
		return fmt.Sprint(evalJS[[]string](t, b, liveRegions+`("#notice")`))
	}
	if got := regions(); got != "[status/ alert/]" {
		t.Fatalf("the message line's live regions are %s, want [status/ alert/]", got)
	}
	evalJS[bool](t, b, `(window.__regions = [...document.querySelectorAll("#notice [role]")], true)`)
	said := `(role) => document.querySelector("#notice [role=" + role + "]").textContent`

	tagPhrase(t, b, "yes we can", "q")
	waitFor(t, b, `(`+said+`)("status").startsWith("Tagged “yes we can” as quote") && (`+said+`)("alert") === ""`)
	waitSaved(t, b)

	// An error, then a routine message: each in its own region, which
	// stays as it was.
	evalJS[bool](t, b, `(() => {
		const r = document.createRange();
		r.selectNodeContents(document.getElementById("doc-title"));
		getSelection().removeAllRanges(); getSelection().addRange(r);
		return true;
	})()`)
	press(t, b, "q")
	waitFor(t, b, `(`+said+`)("alert").includes("outside the article") && (`+said+`)("status") === "" && document.querySelector("#notice").classList.contains("error")`)
	if got := regions(); got != "[status/ alert/]" {
		t.Errorf("with an error shown the message line's live regions are %s", got)
	}
	tagPhrase(t, b, "pretty balanced", "c")
	waitFor(t, b, `(`+said+`)("status").startsWith("Tagged “pretty balanced” as claim") && (`+said+`)("alert") === "" && !document.querySelector("#notice").classList.contains("error")`)
	if !evalJS[bool](t, b, `window.__regions.every((e) => e.isConnected)`) {
		t.Errorf("the message line's live regions were replaced")
	}
	if got := evalJS[[]string](t, b, liveRegions+`("#save-state")`); len(got) != 0 {
		t.Errorf("after saves the save indicator holds live regions %q, want none", got)
	}
}

// TestOpeningKeepsTheMessageLine opens a file and a document of the
// library with the message line's live regions watched: the opening's
// progress, drawn above them and taken away, shifted them, and go-app,
// which compares elements by place, wrote them anew each time, so that
// "Opened …" was put in a region new on the page, which screen readers
// often do not read.
func TestOpeningKeepsTheMessageLine(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	evalJS[bool](t, b, `(window.__regions = [...document.querySelectorAll("#notice [role], #selection-info")], true)`)
	page := filepath.Join(t.TempDir(), "short-report.html")
	if err := os.WriteFile(page, testcorpus.ArticleOfSize(20_000), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, page)
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Opened")`)
	if !evalJS[bool](t, b, `__regions.length === 3 && __regions.every((e) => e.isConnected)`) {
		t.Errorf("opening a file replaced the message line's live regions")
	}
	openFromLibrary(t, b, sampleTitle)
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Opened “Starmer")`)
	if !evalJS[bool](t, b, `__regions.length === 3 && __regions.every((e) => e.isConnected)`) {
		t.Errorf("opening a document of the library replaced the message line's live regions")
	}
}

// TestOpeningProgressIsQuiet opens an 8 MB article with the page's live
// regions watched, as a screen reader hears them: the opening's progress
// was a status region whose words changed at each step, so that "reading
// the characters", "parsing the page", "sanitising"… were each read out.
// It says now that the opening started, and the message line its end,
// while the steps go on being drawn for the eye.
func TestOpeningProgressIsQuiet(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	evalJS[bool](t, b, `(() => {
		window.__said = []; window.__shown = [];
		const regions = '[role=status], [role=alert], [aria-live]:not([aria-live=off])';
		const last = new Map([...document.querySelectorAll(regions)].map((r) => [r, r.textContent.trim()]));
		new MutationObserver(() => {
			for (const r of document.querySelectorAll(regions)) {
				const s = r.textContent.trim();
				if (s !== "" && last.get(r) !== s) __said.push(s);
				last.set(r, s);
			}
			const p = document.getElementById("progress");
			if (p && __shown[__shown.length - 1] !== p.textContent) __shown.push(p.textContent);
		}).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
		return true;
	})()`)
	page := filepath.Join(t.TempDir(), "long-report.html")
	if err := os.WriteFile(page, testcorpus.ArticleOfSize(8_000_000), 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, page)
	waitFor(t, b, `document.getElementById("notice-said").textContent.startsWith("Opened")`)
	said := evalJS[[]string](t, b, `__said`)
	shown := evalJS[[]string](t, b, `__shown`)
	t.Logf("shown: %q\nsaid: %q", shown, said)
	if !slices.ContainsFunc(shown, func(s string) bool { return strings.Contains(s, "(step ") }) {
		t.Errorf("the opening's steps were not shown: %q", shown)
	}
	var opening []string
	for _, s := range said {
		if strings.Contains(s, "long-report") || strings.HasPrefix(s, "Opened") {
			opening = append(opening, s)
		}
		if strings.Contains(s, "step ") || strings.Contains(s, "sanitising") || strings.Contains(s, "parsing") {
			t.Errorf("a screen reader heard a step of the opening: %q", s)
		}
	}
	if len(opening) != 2 || !strings.HasPrefix(opening[0], "Opening long-report.html") || !strings.HasPrefix(opening[1], "Opened") {
		t.Errorf("of the opening a screen reader heard %q, want its start and its end", opening)
	}
}
