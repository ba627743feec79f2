package annotate

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The clipboard's HTML of a passage copied from Google Docs: Docs wraps
// the whole of it in <b style="font-weight:normal" id="docs-internal-guid-…">,
// a bold element whose style says it is not bold.
const googleDocsClipboard = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-1234-5678-9abcdef01234">` +
	`<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">The minister said the plan would cost £2bn.</span></p>` +
	`<br><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;white-space:pre-wrap;">Critics called it a gamble.</span></p></b>` +
	`<br class="Apple-interchange-newline">`

// TestPastedGoogleDocsIsNotAllBold: a passage pasted from Google Docs is
// shown in the weight it had there, not all in bold.
func TestPastedGoogleDocsIsNotAllBold(t *testing.T) {
	d, err := Load([]byte(googleDocsClipboard), FileSource("Pasted article", "text/html"))
	if err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(strings.NewReader(d.HTML))
	if err != nil {
		t.Fatal(err)
	}
	var bold []string
	var walk func(n *html.Node, inBold bool)
	walk = func(n *html.Node, inBold bool) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.B || n.DataAtom == atom.Strong) {
			inBold = true
		}
		if n.Type == html.TextNode && inBold && strings.TrimSpace(n.Data) != "" {
			bold = append(bold, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inBold)
		}
	}
	walk(root, false)
	if len(bold) > 0 {
		t.Errorf("text that Google Docs shows in normal weight is bold in the article: %q\nHTML: %s", bold, d.HTML)
	}
}

// wordListClipboard is the clipboard's HTML of a bulleted list copied
// from Microsoft Word, three levels deep: Word writes each bullet as text
// in a symbol font (Symbol's "·" is •, Courier New's "o" is ◦, Wingdings'
// "§" is ▪), padded with no-break spaces, in a span marked
// mso-list:Ignore, inside conditional comments for readers that lay out
// lists themselves.
const wordListClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"><meta name=Generator content="Microsoft Word 15"></head><body lang=EN-GB><!--StartFragment-->` +
	`<p class=MsoNormal>The manifesto makes three promises.<o:p></o:p></p>` +
	`<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->Build new homes<o:p></o:p></p>` +
	`<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><!--[if !supportLists]--><span style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><!--[endif]-->Open new schools<o:p></o:p></p>` +
	`<p class=MsoListParagraphCxSpLast style='margin-left:108.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level3 lfo1'><!--[if !supportLists]--><span style='font-family:Wingdings;mso-fareast-font-family:Wingdings;mso-bidi-font-family:Wingdings'><span style='mso-list:Ignore'>§<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><!--[endif]-->Cut fares<o:p></o:p></p>` +
	`<!--EndFragment--></body></html>`

// TestPastedWordListKeepsItsItems: a bulleted list pasted from Word reads
// as its items, not as the symbol fonts' code letters ("o", "§") and the
// no-break spaces Word pads them with.
func TestPastedWordListKeepsItsItems(t *testing.T) {
	d, err := Load([]byte(wordListClipboard), FileSource("Pasted article", "text/html"))
	if err != nil {
		t.Fatal(err)
	}
	text := d.Text().String()
	lines := strings.Split(text, "\n")
	for _, item := range []string{"Build new homes", "Open new schools", "Cut fares"} {
		found := false
		for _, line := range lines {
			if strings.HasSuffix(line, item) {
				found = true
				marker := strings.TrimSuffix(line, item)
				// A bullet a reader would know ("•", "◦", "▪") and a space, or none.
				if strings.Contains(marker, "\u00a0\u00a0") || strings.ContainsAny(marker, "·o§") {
					t.Errorf("the item %q reads %q: its bullet is Word's symbol-font code %q", item, line, marker)
				}
			}
		}
		if !found {
			t.Errorf("no line ends with the item %q: %q", item, text)
		}
	}
}

// TestPastedCFHTMLHeaderIsNotText: HTML that reaches the page as Windows
// wrote it on the clipboard (CF_HTML: "Version:0.9", then the offsets of
// the HTML and of the fragment, then the HTML), as it does through a
// remote desktop's or a virtual machine's shared clipboard, or saved from
// the clipboard to a file, opens as its HTML: the header is the
// clipboard's bookkeeping, not the article's first words.
func TestPastedCFHTMLHeaderIsNotText(t *testing.T) {
	const fragment = "<h1>Storm hits coast</h1><p>Winds of 100 mph battered the town.</p>"
	page := "<html>\r\n<body>\r\n<!--StartFragment-->" + fragment + "<!--EndFragment-->\r\n</body>\r\n</html>"
	header := "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000231\r\nStartFragment:0000000141\r\nEndFragment:0000000195\r\n"
	d, err := Load([]byte(header+page), FileSource("Pasted article", "text/html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Storm hits coast\n\nWinds of 100 mph battered the town."; d.Text().String() != want {
		t.Errorf("the article reads %q, want %q", d.Text().String(), want)
	}
	if d.Title != "Storm hits coast" {
		t.Errorf("the title is %q, want %q", d.Title, "Storm hits coast")
	}
}
