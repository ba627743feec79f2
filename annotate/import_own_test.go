package annotate

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsannotator/annotator/internal/testcorpus"
)

// exportDocument is d as an export holds it.
func exportDocument(d *Document) FileDocument {
	return FileDocument{Title: d.Title, URL: d.URL, Meta: d.Meta, HTML: d.HTML, Text: d.Text().String(), TextSHA256: d.TextSHA256()}
}

// checkOwnImport fails unless the export of d, when it imports the short
// way (ownDocument), gives the very document that loading its HTML as a
// page, as an import did before, gives: the same HTML, text, hash and
// index. With mustTake, it fails too when the short way is not taken.
func checkOwnImport(t *testing.T, what string, d *Document, mustTake bool) {
	t.Helper()
	fd := exportDocument(d)
	inner := strings.TrimSuffix(strings.TrimPrefix(fd.HTML, `<article class="`+RootClass+`">`), `</article>`)
	if root, _ := keptRoot(inner); mustTake && root == nil {
		t.Errorf("%s: the export of the loaded document is sanitised again: keptAsIs says no", what)
	}
	own := ownDocument(fd, nil)
	if own == nil {
		if mustTake {
			t.Errorf("%s: the export of the loaded document does not import the short way", what)
		}
		return
	}
	loaded, err := load([]byte(fd.HTML), Source{Name: fd.Title, MediaType: "text/html", URL: fd.URL}, JSONLimit)
	if err != nil {
		t.Fatalf("%s: loading the export's HTML as a page: %v", what, err)
	}
	if own.HTML != loaded.HTML {
		t.Errorf("%s: the short way's HTML differs from the page's:\n%s", what, firstDifference(own.HTML, loaded.HTML))
	}
	if own.Text().String() != loaded.Text().String() || own.TextSHA256() != loaded.TextSHA256() || own.ID != loaded.ID {
		t.Errorf("%s: the short way's text differs from the page's", what)
	}
	if !bytes.Equal(own.IndexData(), loaded.IndexData()) {
		t.Errorf("%s: the short way's index differs from the page's", what)
	}
	checkIndex(t, own)
}

// firstDifference shows where a and b part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-60)
	return "…" + a[from:min(len(a), i+60)] + "…\n…" + b[from:min(len(b), i+60)] + "…"
}

// TestOwnHTMLImportsAsLoaded checks, on every page of the corpus, every XSS
// vector that loads and a plain text, that an export's HTML taken as
// it is gives what loading it as a page gives.
func TestOwnHTMLImportsAsLoaded(t *testing.T) {
	for _, page := range testcorpus.Pages(t) {
		checkOwnImport(t, page.Name, loadPage(t, page), true)
	}
	for _, c := range testcorpus.XSSPayloads(t) {
		d, err := Load([]byte(c.Payload), Source{Name: "payload.html", MediaType: "text/html"})
		if err == nil {
			checkOwnImport(t, "payload "+c.Payload[:min(len(c.Payload), 40)], d, true)
		}
	}
	d, err := Load([]byte("A plain text.\n\nIts second paragraph, with <angle brackets> & an ampersand.\r\nA line\tbreak."), Source{Name: "a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	checkOwnImport(t, "a plain text", d, true)
}

// TestOwnHTMLDeclined checks that HTML this package would not have made
// is loaded as a page: changed by the sanitiser, links not finished, a text
// that is not the file's, or no root.
func TestOwnHTMLDeclined(t *testing.T) {
	d, err := Load([]byte(`<p>Read <a href="https://example.com/a">this</a> now.</p><p>And more.</p>`), Source{Name: "a.html"})
	if err != nil {
		t.Fatal(err)
	}
	good := exportDocument(d)
	if ownDocument(good, nil) == nil {
		t.Fatalf("the export of %s is declined", good.HTML)
	}
	// The validator's Text of the file's text is taken, and only that.
	if own := ownDocument(good, NewText(good.Text)); own == nil || own.Text().String() != good.Text {
		t.Errorf("with the file's text indexed, the export is declined or has another text")
	}
	if own := ownDocument(good, NewText("another text")); own == nil || own.Text().String() != good.Text {
		t.Errorf("given another text's index, the export is declined or takes that text")
	}
	for name, change := range map[string]func(fd *FileDocument){
		"a script":           func(fd *FileDocument) { fd.HTML = strings.Replace(fd.HTML, "</p>", "<script>x()</script></p>", 1) },
		"an unfinished link": func(fd *FileDocument) { fd.HTML = strings.Replace(fd.HTML, ` rel="`+LinkRel+`"`, "", 1) },
		"a hidden paragraph": func(fd *FileDocument) { fd.HTML = strings.Replace(fd.HTML, "<p>And", `<p hidden="">And`, 1) },
		"another text":       func(fd *FileDocument) { fd.Text = strings.Replace(fd.Text, "more", "less", 1) },
		"no root":            func(fd *FileDocument) { fd.HTML = strings.TrimPrefix(fd.HTML, `<article class="doc">`) },
		"two roots":          func(fd *FileDocument) { fd.HTML += fd.HTML },
		"a bad hash":         func(fd *FileDocument) { fd.TextSHA256 = "x" },
		"tag soup":           func(fd *FileDocument) { fd.HTML = strings.Replace(fd.HTML, "<p>And", "<p><b><p>And", 1) },
	} {
		fd := good
		change(&fd)
		if fd == good {
			t.Fatalf("%s: the change did nothing", name)
		}
		if got := ownDocument(fd, nil); got != nil {
			t.Errorf("%s: taken the short way, as %s", name, got.HTML)
		}
	}
}
