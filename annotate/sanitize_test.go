package annotate

import "testing"

// TestLoadBlocksThePolicyDrops checks that the blocks a browser shows but
// the policy does not allow keep their text apart from the text around
// them, as the browser does, in stand-ins that the policy keeps: their
// tags dropped, their text would run into the next.
func TestLoadBlocksThePolicyDrops(t *testing.T) {
	loadsAs(t, "blocks.html", []pageText{
		{"<center>Breaking</center><center>News</center>", "Breaking\nNews"},
		{"<fieldset><legend>Poll</legend>Should it pass?</fieldset>", "Poll\nShould it pass?"},
		{"<p>Intro.</p><form>Sign up</form>Next", "Intro.\n\nSign up\nNext"},
		{"<hgroup><h1>Title</h1><p>Subtitle</p></hgroup>After", "Title\n\nSubtitle\n\nAfter"},
		{"Before<search>Find</search>After", "Before\nFind\nAfter"},
		{"<div>x<main>M</main>y</div>", "x\nM\ny"},
		{"<span>x</span><main>M</main>y", "x\nM\ny"},
		{"Before<menu><li>one</li><li>two</li></menu>After", "Before\n\none\ntwo\n\nAfter"},
		{"<ul><li>a<dir><li>b</li></dir></li></ul>c", "a\nb\n\nc"}, // a nested list
		{"Before<listing>\n  indented\n  code</listing>After", "Before\n\n  indented\n  code\n\nAfter"},
		{"Before<xmp><b>kept</b>  as  written</xmp>After", "Before\n\n<b>kept</b>  as  written\n\nAfter"},
		{"Before<plaintext></plaintext> all the rest", "Before\n\n</plaintext> all the rest"},
		// Navigation goes with its content, the block it was stays.
		{"Before<nav><a href=\"/\">Home</a></nav>After", "Before\nAfter"},
		// A hidden block has no box: nothing sets its sides apart.
		{"Before<center hidden>x</center><nav hidden>y</nav>After", "BeforeAfter"},
	})
}

// pageText is a page and the canonical text it loads as.
type pageText struct{ page, text string }

// loadsAs loads each page, named name, and checks its canonical text, its
// HTML against the policy, and its index.
func loadsAs(t *testing.T, name string, cases []pageText) {
	t.Helper()
	for _, c := range cases {
		d, err := Load([]byte(c.page), Source{Name: name})
		if err != nil {
			t.Errorf("%q: %v", c.page, err)
			continue
		}
		if got := d.Text().String(); got != c.text {
			t.Errorf("%q: text %q, want %q", c.page, got, c.text)
		}
		checkPolicy(t, c.page, d.HTML)
		checkIndex(t, d)
	}
}

// TestLoadKeepsPrefixedElementsText loads a page saved from Word, whose
// smart tags ("st1:place", "st1:date") hold place names and dates: their
// words stay, as an unknown inline element's do. They went with the tags,
// and the article read "The meeting in  was on .". A social widget's
// element ("fb:like") still goes with its text, the widget's own.
func TestLoadKeepsPrefixedElementsText(t *testing.T) {
	loadsAs(t, "word.html", []pageText{
		{`<p class=MsoNormal>The meeting in <st1:City w:st="on"><st1:place w:st="on">Boston</st1:place></st1:City> was on <st1:date Year="2004" Day="3" Month="5">May 3, 2004</st1:date>.<o:p></o:p></p>`,
			"The meeting in Boston was on May 3, 2004."},
		{`<p>Share this.<fb:like href="x">Like</fb:like><g:plusone>+1</g:plusone></p><p>Next.</p>`, "Share this.\n\nNext."},
	})
}
