//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/newsannotator/annotator/annotate"
)

// reviewLabels are the names of a team's schema of many labels.
var reviewLabels = []string{
	"economic_claim", "statistical_claim", "causal_claim", "historical_claim",
	"direct_quote", "indirect_quote", "paraphrase", "anonymous_source",
	"policy_pledge", "budget_pledge", "timeline_pledge", "conditional_pledge",
	"prediction", "opinion", "attack", "praise",
	"hedge", "correction", "denial", "question",
	"person", "organisation", "place", "event",
}

// schemaOf makes a schema of the first n of reviewLabels, keys given by
// the annotator's own rule for new labels (a letter, then a digit).
func schemaOf(n int) annotate.Schema {
	keys := "abcdefghijklmnorstuvwxyz0123456789"
	palette := []string{"#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#f0e442", "#000000"}
	var s annotate.Schema
	for i := 0; i < n; i++ {
		s.Labels = append(s.Labels, annotate.Label{Name: reviewLabels[i], Color: palette[i%len(palette)], Key: string(keys[i]), Attributes: []string{}})
	}
	return s
}

// schemaExport writes an export of the sample article under schema, with
// no annotation, and returns its path.
func schemaExport(t *testing.T, schema annotate.Schema, name string) string {
	t.Helper()
	if err := schema.Validate(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "app", "sample", "starmer-trump-white-house.txt"))
	if err != nil {
		t.Fatal(err)
	}
	data = append([]byte("A team's copy of the article, "+name+".\n\n"), data...)
	doc, err := annotate.Load(data, annotate.FileSource(name+".txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), schema)
	f := annotate.NewFile(doc, set, nil, time.Now())
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name+".json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPhoneLegendOfManyLabels: on a phone held upright, a team's
// schema of 9 or 24 labels: with text selected mid-article, the legend
// that stays at the window's top leaves a third of the window to read in,
// as it does with three labels (TestPhoneTagsByTouchWhereItReads), and
// every label's button is in reach of a tap, above the sheet.
func TestPhoneLegendOfManyLabels(t *testing.T) {
	for _, n := range []int{9, 24} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			b := onPhone(t, [2]int64{390, 844})
			openFile(t, b, schemaExport(t, schemaOf(n), fmt.Sprintf("labels-%d", n)))
			waitFor(t, b, fmt.Sprintf(`document.querySelectorAll(".legend .legend-item").length === %d`, n+1))
			settle(t, b)
			selectPhrase(t, b, "pretty balanced", 0)
			evalJS[bool](t, b, `(() => {
				const r = getSelection().getRangeAt(0).getBoundingClientRect();
				const seen = document.querySelector(".workspace > .sidebar").getBoundingClientRect().top;
				scrollBy({top: r.top - seen / 2, behavior: "instant"});
				return true;
			})()`)
			settle(t, b)
			got := evalJS[struct{ Legend, Sheet, Height float64 }](t, b, `(() => {
				const l = document.querySelector(".legend").getBoundingClientRect();
				const s = document.querySelector(".workspace > .sidebar").getBoundingClientRect();
				return {Legend: l.bottom, Sheet: s.top, Height: l.height};
			})()`)
			if got.Sheet-got.Legend < 844/3 {
				t.Errorf("%d labels, text selected mid-article: the legend (%.0f px high) ends at %.0f px and the sheet starts at %.0f px: %.0f px of 844 left to read in", n, got.Height, got.Legend, got.Sheet, got.Sheet-got.Legend)
			}
			var unreachable []string
			for _, l := range schemaOf(n).Labels {
				// Scrolled to within the legend, where it is one of many.
				evalJS[bool](t, b, `(() => { const el = document.getElementById(`+jsString("tag-"+l.Name)+`), box = el.closest(".legend");
					if (box.scrollHeight > box.clientHeight) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 4;
					return true; })()`)
				if at := evalJS[legendButtonAt](t, b, legendButtonShownJS(l.Name)); !at.Shown {
					unreachable = append(unreachable, fmt.Sprintf("%s (%.0f–%.0f px)", l.Name, at.Top, at.Bottom))
				}
			}
			if len(unreachable) > 0 {
				t.Errorf("%d labels, text selected mid-article: %d legend buttons are not in reach of a tap above the sheet (from %.0f px): %s", n, len(unreachable), got.Sheet, strings.Join(unreachable, ", "))
			}
		})
	}
}

// TestLabelNamedAll: a team's label called "all" (a schema takes the
// name) has its own filter, with its own count, beside the list's All,
// which counts every annotation. Both buttons had the id "filter-all": the
// counts written in the turn of a change (setCounts) went to the first,
// All, which then showed the label's count.
func TestLabelNamedAll(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	const body = "Ministers pledged to raise defence spending by 2% of GDP.\n\nThe opposition said the plan was not enough, and all agreed."
	doc, err := annotate.Load([]byte(body), annotate.FileSource("all.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	schema := annotate.Schema{Labels: []annotate.Label{
		{Name: "claim", Color: "#0072b2", Key: "c", Attributes: []string{}},
		{Name: "all", Color: "#e69f00", Key: "a", Attributes: []string{}},
	}}
	set := annotate.NewSet(doc.Text(), schema)
	plain := doc.Text().String()
	for _, s := range [][2]string{{"claim", "raise defence spending by 2% of GDP"}, {"claim", "the plan was not enough"}, {"all", "all agreed"}} {
		i := strings.Index(plain, s[1])
		start := annotate.RuneCount(plain[:i])
		if _, err := set.Add(s[0], start, start+annotate.RuneCount(s[1])); err != nil {
			t.Fatal(err)
		}
	}
	data, err := annotate.NewFile(doc, set, nil, time.Now()).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "all.annotations.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, path)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 3`)
	settle(t, b)
	// A change: the counts are written in its turn, then after go-app's render.
	selectPhrase(t, b, "Ministers pledged", 0)
	press(t, b, "c")
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 4`)
	settle(t, b)
	counts := evalJS[[]string](t, b, `[...document.querySelectorAll(".filter")].map((f) => f.textContent)`)
	want := []string{"All4", "claim3", "all1"}
	if strings.Join(counts, " ") != strings.Join(want, " ") {
		t.Errorf("the filters with a label called \"all\" read %q, want %q", counts, want)
	}
}

// TestReflowAt320LongLabel: at 320 CSS px wide (WCAG's reflow, as
// TestReflowAt320 holds the app to), a label whose name is as long as a
// schema allows (32 characters, "conditional_policy_commitment_eu"): the
// page scrolls only up and down, its legend button and its filter within
// the window's width.
func TestReflowAt320LongLabel(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	s := annotate.Schema{Labels: []annotate.Label{
		{Name: "conditional_policy_commitment_eu", Color: "#0072b2", Key: "c", Attributes: []string{}},
		{Name: "quote", Color: "#e69f00", Key: "q", Attributes: []string{"speaker"}},
	}}
	openFile(t, b, schemaExport(t, s, "long-name"))
	waitFor(t, b, `document.querySelectorAll(".legend .legend-item").length === 3`)
	b.run(chromedp.EmulateViewport(320, 640))
	evalJS[bool](t, b, `(scrollTo(0, 0), true)`)
	settle(t, b)
	got := evalJS[struct {
		Scroll, Width float64
		Outside       []string
	}](t, b, `({Scroll: document.documentElement.scrollWidth, Width: document.documentElement.clientWidth,
		Outside: [...document.querySelectorAll(".legend button, .sidebar .filter")].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
			.map((el) => el.id + " to " + Math.round(el.getBoundingClientRect().right) + " px")})`)
	if got.Scroll > got.Width+0.5 || len(got.Outside) > 0 {
		t.Errorf("320 px wide, a label of a 32-character name: the page is %.0f px wide in a window %.0f px wide; out of it: %q", got.Scroll, got.Width, got.Outside)
	}
}

// TestAttributeNamedLabel: a team's attribute called "label" has a field
// of its own in the panel. Its field took the id of the label's select,
// "edit-label", and what was typed into it and kept with Escape (or left
// in it at a reload) was dropped: the app read the id as the select's.
func TestAttributeNamedLabel(t *testing.T) {
	b, _ := openApp(t)
	waitStarted(t, b)
	const body = "Ministers pledged to raise defence spending by 2% of GDP.\n\nThe opposition said the plan was not enough."
	doc, err := annotate.Load([]byte(body), annotate.FileSource("label.txt", "text/plain"))
	if err != nil {
		t.Fatal(err)
	}
	schema := annotate.Schema{Labels: []annotate.Label{
		{Name: "claim", Color: "#0072b2", Key: "c", Attributes: []string{"label"}},
		{Name: "quote", Color: "#e69f00", Key: "q", Attributes: []string{}},
	}}
	set := annotate.NewSet(doc.Text(), schema)
	plain := doc.Text().String()
	start := annotate.RuneCount(plain[:strings.Index(plain, "raise defence")])
	if _, err := set.Add("claim", start, start+annotate.RuneCount("raise defence spending")); err != nil {
		t.Fatal(err)
	}
	data, err := annotate.NewFile(doc, set, nil, time.Now()).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "label.annotations.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	openFile(t, b, path)
	waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1`)
	clickPhrase(t, b, "raise defence spending")
	const field = `[...document.querySelectorAll("#selected .editor input")].find((el) => el.closest("label") && el.closest("label").textContent.trim().startsWith("Label"))`
	waitFor(t, b, `!document.getElementById("selected").hidden && !!`+field)
	if n := evalJS[int](t, b, `new Set([...document.querySelectorAll("[id]")].map((el) => el.id)).size - document.querySelectorAll("[id]").length`); n != 0 {
		t.Errorf("the page has %d ids given twice", -n)
	}
	evalJS[bool](t, b, `(`+field+`.focus(), true)`)
	waitFor(t, b, `document.activeElement === `+field)
	b.run(chromedp.KeyEvent("economy"))
	press(t, b, kb.Escape)
	waitFor(t, b, `document.activeElement && document.activeElement.id === "article"`)
	waitSaved(t, b)
	f := parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if len(f.Annotations) != 1 || f.Annotations[0].Attributes["label"] != "economy" || f.Annotations[0].Label != "claim" {
		t.Errorf("after typing into the attribute \"label\" and Escape, the export holds %+v", f.Annotations)
	}
	// Typed, and the page reloaded with the focus still in the field: kept,
	// as a speaker typed so is (TestTypedSpeakerSurvivesReload).
	clickPhrase(t, b, "raise defence spending")
	waitFor(t, b, `!document.getElementById("selected").hidden && !!`+field)
	evalJS[bool](t, b, `(`+field+`.focus(), true)`)
	waitFor(t, b, `document.activeElement === `+field)
	b.run(chromedp.KeyEvent(" policy"))
	waitFor(t, b, field+`.value === "economy policy"`)
	b.run(chromedp.Reload())
	waitStarted(t, b)
	waitFor(t, b, `performance.getEntriesByName("annotator:restored").length > 0`)
	waitSaved(t, b)
	f = parseExport(t, downloadVia(t, b, chromedp.Click(chromedp.ID("download-button"))))
	if len(f.Annotations) != 1 || f.Annotations[0].Attributes["label"] != "economy policy" {
		t.Errorf("after typing into the attribute \"label\" and a reload, the export holds %+v", f.Annotations)
	}
}
