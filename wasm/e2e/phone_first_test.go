//go:build !wasm

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPhoneFirstQuoteShowsItsSpeaker tags a document's first annotation,
// a quote, by touch on phones: the sheet shows its panel down to the
// speaker's field. With one row in the list, the list's pitch was taken
// as 0, and the sheet was never scrolled to the field, which stayed under
// the list or below the window (TestShortPhoneQuoteTaggedShowsItsSpeaker
// tags a claim first).
func TestPhoneFirstQuoteShowsItsSpeaker(t *testing.T) {
	for _, size := range [][2]int64{{360, 640}, {375, 560}, {844, 390}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			b := onPhone(t, size)
			selectPhrase(t, b, "pretty balanced", 0)
			evalJS[bool](t, b, `(() => {
				const r = getSelection().getRangeAt(0).getBoundingClientRect();
				scrollBy({top: r.top - Math.min(innerHeight, document.querySelector(".workspace > .sidebar").getBoundingClientRect().top) / 2, behavior: "instant"});
				return true;
			})()`)
			settle(t, b)
			at := evalJS[legendButtonAt](t, b, legendButtonShownJS("quote"))
			if !at.Shown {
				t.Fatalf("the legend's quote button is not in view: %+v", at)
			}
			b.run(chromedp.TapXY(at.X, at.Y))
			waitFor(t, b, `document.querySelectorAll("#entries > li").length === 1 && document.querySelector("#selected .excerpt").textContent === "“pretty balanced”" && !document.querySelector("#edit-speaker").closest("label").hidden`)
			settle(t, b)
			if f := evalJS[legendButtonAt](t, b, fieldTappableJS("edit-speaker")); !f.Shown {
				t.Errorf("the first quote tagged: its speaker's field is at %.0f–%.0f px in a window %d px high, not in view in the sheet (from %.0f px)", f.Top, f.Bottom, size[1], f.Sheet)
			}
		})
	}
}

// TestPhoneLongFileNameFitsTheWindow opens, on a phone, a .txt whose name
// (its title) is one long word, as tools save files with underscores for
// spaces: the title and the message that names it break within the
// window. The page was 985 px wide on a phone 390 px wide.
func TestPhoneLongFileNameFitsTheWindow(t *testing.T) {
	b := onPhone(t, [2]int64{390, 844})
	path := filepath.Join(t.TempDir(), "Starmer_meets_Trump_at_the_White_House_for_talks_on_Ukraine.txt")
	if err := os.WriteFile(path, []byte("The Prime Minister said the talks were pretty balanced.\n\nHe added that a deal on trade was close."), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(chromedp.SetUploadFiles(chromedp.ID("open-file"), []string{path}))
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("pretty balanced")`)
	settle(t, b)
	got := evalJS[struct {
		ScrollWidth, InnerWidth, Title, Notice float64
	}](t, b, `({ScrollWidth: document.documentElement.scrollWidth, InnerWidth: innerWidth,
		Title: document.getElementById("doc-title").scrollWidth, Notice: document.getElementById("notice").scrollWidth})`)
	if got.ScrollWidth > 390 {
		t.Errorf("the page is %.0f px wide on a phone 390 px wide (innerWidth %.0f): the title is %.0f px wide, the message %.0f px", got.ScrollWidth, got.InnerWidth, got.Title, got.Notice)
	}
}
