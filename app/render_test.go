package app

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/newsannotator/annotator/annotate"
)

// annotatorWith returns an Annotator showing the sample article with a
// quote and a claim nested in it, mounted in go-app's test engine.
// setup, when not nil, changes the state before the first render.
func annotatorWith(t *testing.T, setup func(a *Annotator, quote, claim annotate.Annotation)) (*Annotator, annotate.Annotation, annotate.Annotation) {
	t.Helper()
	doc, err := annotate.Load(sampleArticle, annotate.Source{Name: sampleName})
	if err != nil {
		t.Fatal(err)
	}
	set := annotate.NewSet(doc.Text(), annotate.DefaultSchema())
	text := doc.Text().String()
	at := annotate.RuneCount(text[:strings.Index(text, "“yes we can”")])
	quote, err := set.Add("quote", at+1, at+11)
	if err != nil {
		t.Fatal(err)
	}
	if err := set.SetAttribute(quote.ID, "speaker", "Donald Trump"); err != nil {
		t.Fatal(err)
	}
	claim, err := set.Add("claim", at+1, at+4)
	if err != nil {
		t.Fatal(err)
	}
	a := &Annotator{doc: doc, set: set, keySchema: set.Schema()}
	if setup != nil {
		setup(a, quote, claim)
	}
	e := app.NewTestEngine()
	if err := e.Load(a); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return a, quote, claim
}

func TestRenderArticleAndSidebar(t *testing.T) {
	a, quote, claim := annotatorWith(t, nil)
	html := app.HTMLString(a)
	for _, want := range []string{
		`<article class="doc">`,              // the sanitised article, in one root
		"Annotations (2)",                    // the count
		`id="entry-` + quote.ID,              // each annotation listed
		`id="entry-` + claim.ID,              //
		"speaker: <bdi>Donald Trump</bdi>",   // with its attributes
		`id="tag-quote"`,                     // the legend tags with each label
		"Tag the selection as quote (key Q)", // and names its key
		`id="filter-claim"`,                  // a filter per label
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// The claim starts where the quote starts and ends first: document order
	// puts the shorter first.
	if strings.Index(html, "entry-"+claim.ID) > strings.Index(html, "entry-"+quote.ID) {
		t.Errorf("entries are not in document order")
	}
	// With nothing selected, the panel is left for after the start's
	// first paint (later.go): not on the page.
	if strings.Contains(html, `id="selected"`) {
		t.Errorf("with nothing selected, the panel is drawn before the start asked for it")
	}
	// Once drawn, it is there for putSelected to fill, hidden, and empty.
	a, _, _ = annotatorWith(t, func(a *Annotator, _, _ annotate.Annotation) { a.panelDrawn = true })
	html = app.HTMLString(a)
	panel := regexp.MustCompile(`<section[^>]*id="selected"[^>]*>`).FindString(html)
	if panel == "" || !strings.Contains(panel, " hidden") || strings.Contains(panel, "data-id") {
		t.Errorf("with nothing selected the panel is %q; want it hidden, with no annotation's id", panel)
	}
	if strings.Contains(html, `value="Donald Trump"`) {
		t.Errorf("the empty panel holds an annotation's value")
	}
}

// TestRowIsolatesEachValue shows that a row's attribute values and note
// are each isolated from the words around them: a Hebrew speaker beside an
// English party took " · party" into its right-to-left run.
func TestRowIsolatesEachValue(t *testing.T) {
	ann := annotate.Annotation{ID: "a", Label: "quote", Exact: "שלום", Attributes: map[string]string{
		"speaker": "ברק אובמה (2)", "party": "Democrats", annotate.AttrNote: "מקור: ynet",
	}}
	row := rowHTML(ann, false)
	for _, want := range []string{
		"speaker: <bdi>ברק אובמה (2)</bdi>",
		"party: <bdi>Democrats</bdi>",
		"note: <bdi>מקור: ynet</bdi>",
	} {
		if !strings.Contains(row, want) {
			t.Errorf("the row lacks %q: %s", want, row)
		}
	}
}

func TestRenderEditorOfSelected(t *testing.T) {
	a, _, _ := annotatorWith(t, func(a *Annotator, quote, _ annotate.Annotation) { a.selected = quote.ID })
	html := app.HTMLString(a)
	for _, want := range []string{`class="editor"`, `id="edit-speaker"`, `value="Donald Trump"`, `id="edit-note"`, `id="delete-button"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the editor lacks %q", want)
		}
	}
	// The pledge's party is there, hidden, for putSelected; the quote's
	// speaker shows.
	if !regexp.MustCompile(`<label hidden>\s*<span>Party</span>`).MatchString(html) {
		t.Errorf("a quote's editor does not hide the pledge's party")
	}
	if regexp.MustCompile(`<label hidden[^>]*>\s*<span>Speaker</span>`).MatchString(html) || strings.Contains(html, `hidden="false"`) {
		t.Errorf("a quote's editor hides its speaker")
	}
}

func TestRenderFilterAndRowsInView(t *testing.T) {
	a, quote, claim := annotatorWith(t, nil)
	// The sidebar owns its filter.
	s := &sidebar{Set: a.set, Version: a.set.Version(), Host: a}
	s.filter = "claim"
	e := app.NewTestEngine()
	if err := e.Load(s); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	html := app.HTMLString(s)
	if !strings.Contains(html, "entry-"+claim.ID) || strings.Contains(html, "entry-"+quote.ID) {
		t.Errorf("the claim filter shows the wrong entries")
	}
	// Many annotations: only the rows near the view are drawn, and the
	// list says which, and how many there are in all.
	a, _, _ = annotatorWith(t, func(a *Annotator, _, _ annotate.Annotation) {
		for i := 0; i < 250; i++ {
			a.set.Add("pledge", i*10, i*10+5) // some land on white space only, and are refused
		}
	})
	long := &sidebar{Set: a.set, Version: a.set.Version(), Host: a, view: [2]int{100, 110}}
	html = app.HTMLString(long)
	first, end := long.rows(a.set.Len())
	if n := strings.Count(html, `class="entry `); n != end-first || n >= a.set.Len() || a.set.Len() <= drawWhole {
		t.Errorf("%d entries drawn of %d, want only the rows near the view (%d to %d)", n, a.set.Len(), first, end)
	}
	if first > 100 || end < 110 || first == 0 {
		t.Errorf("the rows drawn are %d to %d; want those in view, 100 to 110, and some about them", first, end)
	}
	want := fmt.Sprintf(`data-first="%d" data-total="%d"`, first, a.set.Len())
	if !strings.Contains(html, want) || !strings.Contains(html, fmt.Sprintf(`aria-posinset="%d" aria-setsize="%d"`, first+1, a.set.Len())) {
		t.Errorf("the list does not say which rows it holds (%s) nor each row its place", want)
	}
	// A list shorter than the view's rows, after a filter, draws its end.
	long.view = [2]int{5000, 5020}
	if first, end := long.rows(80); end != 80 || first >= 80 {
		t.Errorf("a list of 80 viewed past its end draws rows %d to %d, want its last rows", first, end)
	}
}

func TestRenderOrphans(t *testing.T) {
	a, _, _ := annotatorWith(t, func(a *Annotator, quote, _ annotate.Annotation) {
		o := quote
		o.ID, o.Exact, o.Anchor = "0190b3c4-1111-7000-8000-000000000009", "words that are gone", annotate.AnchorOrphan
		a.orphans = []annotate.Annotation{o}
	})
	html := app.HTMLString(a)
	for _, want := range []string{"Orphans (1)", "words that are gone"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func TestRenderBeforeTheArticle(t *testing.T) {
	a := &Annotator{}
	e := app.NewTestEngine()
	if err := e.Load(a); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	if html := app.HTMLString(a); !strings.Contains(html, "Opening the sample article") {
		t.Errorf("no placeholder before the article: %s", html)
	}
}

func TestLabelCSS(t *testing.T) {
	css := labelCSS(annotate.DefaultSchema())
	for _, want := range []string{
		"::highlight(label-claim) { background-color: rgba(0, 114, 178, 0.22); text-decoration: underline solid rgb(0, 114, 178)",
		// The quote's orange (2.1:1 on white) is darkened for its line
		// (annotate.LineOn); its fill and its badge keep it.
		"::highlight(label-quote) { background-color: rgba(230, 159, 0, 0.22); text-decoration: underline dashed rgb(173, 119, 0)",
		"::highlight(label-pledge)", "underline dotted",
		".hl-box.hl-label-quote", ".swatch.label-pledge",
		"@media (forced-colors: active) { ::highlight(label-quote) { background-color: Mark; color: MarkText; text-decoration-color: MarkText; } }",
		// Badge text by the colour's luminance: white on blue, black on orange and green.
		".badge.label-claim { background-color: rgb(0, 114, 178); color: #ffffff; }",
		".badge.label-quote { background-color: rgb(230, 159, 0); color: #000000; }",
		".badge.label-pledge { background-color: rgb(0, 158, 115); color: #000000; }",
	} {
		if !strings.Contains(css, want) {
			t.Errorf("label CSS lacks %q:\n%s", want, css)
		}
	}
}

func TestExcerpt(t *testing.T) {
	if got := excerpt("one  two\nthree four five", 12); got != "one two…" {
		t.Errorf("excerpt = %q", got)
	}
	if got := excerpt("short", 12); got != "short" {
		t.Errorf("excerpt = %q", got)
	}
	// A span between its own quotation marks gets none added.
	for _, c := range []struct {
		span string
		n    int
		want string
	}{
		{"the council said", 80, "“the council said”"},
		{"“We will build it,” she said.", 80, "““We will build it,” she said.”"},
		{"“We will build it.”", 80, "“We will build it.”"},
		{" \"Plain quotes\" ", 80, "\"Plain quotes\""},
		{"„Wir bauen es.“", 80, "„Wir bauen es.“"},
		{"« Nous le ferons. »", 80, "« Nous le ferons. »"},
		{"“A quotation that is much longer than its excerpt.”", 20, "“A quotation that…”"},
		{"the players'", 80, "“the players'”"},
		{"\"", 80, "“\"”"},
	} {
		if got := quoted(c.span, c.n); got != c.want {
			t.Errorf("quoted(%q, %d) = %q, want %q", c.span, c.n, got, c.want)
		}
	}
}

func TestSentence(t *testing.T) {
	cases := []struct{ in, name, want string }{
		{"picture.png: this is a PNG image", "picture.png", "picture.png: this is a PNG image."},
		{"été.txt has no text in it", "été.txt", "été.txt has no text in it."},
		{"élan is lost", "other.txt", "Élan is lost."},
		{"the file ends early.", "", "The file ends early."},
		{"  ", "x", ""},
	}
	for _, c := range cases {
		if got := sentence(c.in, c.name); got != c.want {
			t.Errorf("sentence(%q, %q) = %q, want %q", c.in, c.name, got, c.want)
		}
	}
}

// TestSidebarDismountsOutsideTheBrowser: a sidebar mounted and dismounted
// where there is no page (the server's prerender, native tests) has no
// watcher to let go, and leaves without failing (it once called the
// missing watcher).
func TestSidebarDismountsOutsideTheBrowser(t *testing.T) {
	a, _, _ := annotatorWith(t, nil)
	s := &sidebar{Set: a.set, Version: a.set.Version(), Host: a}
	e := app.NewTestEngine()
	if err := e.Load(s); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	if err := e.Load(&emptyPage{}); err != nil { // the sidebar leaves the page
		t.Fatal(err)
	}
	e.ConsumeAll()
	if s.isMounted {
		t.Error("the sidebar is still mounted after it left the page")
	}
}

// emptyPage is a page without a sidebar.
type emptyPage struct{ app.Compo }

func (p *emptyPage) Render() app.UI { return app.Div() }

// TestUndoPlacedOrphan: undoing the placement of an orphan lists the
// orphan again (a.orphans, which the sidebar shows: TestRenderOrphans),
// and redoing it takes it from the list: the annotation is always in the
// set or among the orphans, never in neither.
func TestUndoPlacedOrphan(t *testing.T) {
	var orphan annotate.Annotation
	a, quote, _ := annotatorWith(t, func(a *Annotator, quote, _ annotate.Annotation) {
		orphan = quote
		orphan.ID, orphan.Exact, orphan.Anchor = "0190b3c4-1111-7000-8000-000000000009", "words that are gone", annotate.AnchorOrphan
		a.orphans = []annotate.Annotation{orphan}
	})
	// Placed as the sidebar's Place does (placeOrphan, which reads the
	// browser's selection).
	rest, placed, err := a.set.PlaceOrphan(a.orphans, 0, quote.Start+1, quote.End-1)
	if err != nil {
		t.Fatal(err)
	}
	a.orphans = rest
	a.selected = placed.ID
	where := func() string {
		_, inSet := a.set.Get(orphan.ID)
		listed := slices.ContainsFunc(a.orphans, func(o annotate.Annotation) bool { return o.ID == orphan.ID })
		return fmt.Sprintf("in the set %v, among the orphans %v", inSet, listed)
	}
	a.undo(a.mounted)
	if got := where(); got != "in the set false, among the orphans true" {
		t.Fatalf("after undoing the placement the orphan is %s", got)
	}
	if o := a.orphans[0]; !o.Equal(orphan) {
		t.Errorf("the orphan given back is %+v, want it as it was, %+v", o, orphan)
	}
	a.redo(a.mounted)
	if got := where(); got != "in the set true, among the orphans false" {
		t.Fatalf("after redoing the placement the orphan is %s", got)
	}
}

// TestReadOnlyKeepsItsOrphans: in a tab where the document is read-only
// (open in another), the orphans can be neither dropped nor placed.
func TestReadOnlyKeepsItsOrphans(t *testing.T) {
	a, _, _ := annotatorWith(t, func(a *Annotator, quote, _ annotate.Annotation) {
		o := quote
		o.ID, o.Exact, o.Anchor = "0190b3c4-1111-7000-8000-00000000000a", "words that are gone", annotate.AnchorOrphan
		a.orphans = []annotate.Annotation{o}
	})
	a.readOnly = true
	id := a.orphans[0].ID
	a.dropOrphan(a.mounted, id)
	a.placeOrphan(a.mounted, id)
	if len(a.orphans) != 1 || a.set.Len() != 2 {
		t.Errorf("a read-only tab changed its orphans: %d left, %d annotations (want 1 and 2)", len(a.orphans), a.set.Len())
	}
}
