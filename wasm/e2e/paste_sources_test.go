//go:build !wasm

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pasteTypes fires a paste at the page, its clipboard holding types.
func pasteTypes(t testing.TB, b *browser, types map[string]string) {
	t.Helper()
	data, err := json.Marshal(types)
	if err != nil {
		t.Fatal(err)
	}
	evalJS[chromedp.Void](t, b, fmt.Sprintf(`(() => {
		const dt = new DataTransfer();
		for (const [k, v] of Object.entries(%s)) dt.setData(k, v);
		document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
	})()`, data))
}

// TestPasteFromGoogleDocsIsNotBold: a passage pasted from Google Docs
// (whose clipboard wraps it all in <b style="font-weight:normal"
// id="docs-internal-guid-…">) is shown in the weight it had there: it
// was all bold.
func TestPasteFromGoogleDocsIsNotBold(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	pasteTypes(t, b, map[string]string{
		"text/html": `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-1234-5678-9abcdef01234">` +
			`<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;white-space:pre-wrap;">The minister said the plan would cost two billion.</span></p>` +
			`<br><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-weight:400;white-space:pre-wrap;">Critics called it a gamble.</span></p></b>`,
		"text/plain": "The minister said the plan would cost two billion.\n\nCritics called it a gamble.",
	})
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("Critics called it a gamble.")`)
	weights := evalJS[[]string](t, b, `[...document.querySelectorAll("article.doc p")].map(p => getComputedStyle(p).fontWeight)`)
	for i, w := range weights {
		if w != "400" {
			t.Errorf("paragraph %d of the pasted passage is drawn with font-weight %s; in Google Docs it is normal (400)", i+1, w)
		}
	}
}

// TestPasteFromWordListReadsItsBullets: a bulleted list pasted from Word
// shows its items with bullets a reader knows, not Word's symbol-font
// codes ("o", "§") padded with no-break spaces.
func TestPasteFromWordListReadsItsBullets(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	item := func(level int, font, code, pad, words string) string {
		return fmt.Sprintf(`<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level%d lfo1'><!--[if !supportLists]--><span style='font-family:%s'><span style='mso-list:Ignore'>%s<span style='font:7.0pt "Times New Roman"'>%s </span></span></span><!--[endif]-->%s<o:p></o:p></p>`,
			level, font, code, pad, words)
	}
	pasteTypes(t, b, map[string]string{
		"text/html": `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><meta name=Generator content="Microsoft Word 15"></head><body lang=EN-GB><!--StartFragment-->` +
			`<p class=MsoNormal>The manifesto makes three promises.<o:p></o:p></p>` +
			item(1, "Symbol", "·", "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;", "Build new homes") +
			item(2, `"Courier New"`, "o", "&nbsp;&nbsp;", "Open new schools") +
			item(3, "Wingdings", "§", "&nbsp;", "Cut fares") +
			`<!--EndFragment--></body></html>`,
		"text/plain": "The manifesto makes three promises.\n·         Build new homes\no   Open new schools\n§  Cut fares",
	})
	waitFor(t, b, `document.querySelector("article.doc").textContent.includes("Cut fares")`)
	lines := evalJS[[]string](t, b, `[...document.querySelectorAll("article.doc p")].map(p => p.textContent)`)
	for _, words := range []string{"Build new homes", "Open new schools", "Cut fares"} {
		found := false
		for _, line := range lines {
			if marker, ok := strings.CutSuffix(line, words); ok {
				found = true
				if strings.Contains(marker, "\u00a0\u00a0") || strings.ContainsAny(marker, "·o§") {
					t.Errorf("the pasted list item %q reads %q: its bullet is Word's symbol-font code", words, line)
				}
			}
		}
		if !found {
			t.Errorf("no paragraph of the pasted list ends with %q: %q", words, lines)
		}
	}
}

// TestPasteFromWordWithItsPicture: Word (and Excel, PowerPoint, OneNote)
// put a picture of what was copied on the clipboard beside its HTML and
// text, which Chrome gives the page as a file, image.png. A passage
// pasted from Word opens as the article it is: the picture was opened
// instead, and refused.
func TestPasteFromWordWithItsPicture(t *testing.T) {
	b, _ := openApp(t)
	b.expectNoConsoleErrors()
	waitStarted(t, b)
	title := text(t, b, "#doc-title")
	evalJS[chromedp.Void](t, b, `(() => {
		const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), c => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.setData("text/plain", "Council votes on the harbour plan\n\nThe council voted on Tuesday to rebuild the harbour wall.");
		dt.setData("text/html", '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=EN-GB><!--StartFragment--><h1>Council votes on the harbour plan</h1><p class=MsoNormal>The council voted on Tuesday to rebuild the harbour wall.<o:p></o:p></p><!--EndFragment--></body></html>');
		dt.items.add(new File([png], "image.png", {type: "image/png"}));
		document.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
	})()`)
	waitFor(t, b, `document.querySelector("#doc-title").textContent !== `+jsString(title)+` || /image\.png/.test(document.querySelector("#notice").textContent)`)
	if got := text(t, b, "#doc-title"); got != "Council votes on the harbour plan" {
		t.Errorf("the paste from Word opened %q; the app says %q", got, text(t, b, "#notice"))
	}
}
